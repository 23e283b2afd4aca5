// Copyright (c) cordon authors.
//
// The monitoring store: list versions, the customer base, alerts, decisions
// and a hash-chained audit log, persisted in one embedded SQLite file.
// Re-screening lives in cordon/monitor.h.
//
// Durability: the file is in WAL mode with synchronous=FULL; every unit of
// work (an import, a monitor run, a decision) is one transaction, so a crash
// or kill -9 at any moment either keeps all of it or none of it. One writer
// at a time: a second process that wants to write while another writes gets
// IsStoreBusy() (after StoreOptions::busy_timeout_ms), never a corrupt file.
// Readers never block. A Store object is not thread-safe; use one per thread.
#ifndef CORDON_STORE_H_
#define CORDON_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "cordon/engine.h"
#include "cordon/status.h"

namespace cordon {

struct StoreOptions {
  std::string path = "cordon.db";  // the SQLite file
  // Create the file (and schema) when missing. Read-only commands pass
  // false so that a mistyped path is an error, not a new empty store.
  bool create_if_missing = true;
  // How long a writer waits for another writer before IsStoreBusy().
  int busy_timeout_ms = 250;
  // Who acts (recorded in every audit entry this Store writes).
  std::string actor = "cordon";
};

// True when `status` says another process holds the store's write lock.
bool IsStoreBusy(const Status& status);

// One stored version of one list source.
// (Named apart from cordon::ListVersion in text.h, which is a report's
// reference to a loaded source.)
struct StoredListVersion {
  int64_t id = 0;            // store-wide increasing version id
  std::string source;        // "ofac_sdn", "un", ...
  std::string format;        // loader used
  std::string content_hash;  // SourceInfo::version: hash of the files read
  std::string set_hash;      // SHA-256 over the sorted (source_id, record hash) pairs
  std::string as_of;         // the list's own date
  std::string imported_at;   // UTC, ISO 8601
  int64_t entities = 0;
  int64_t skipped = 0;  // records the loader skipped
};

struct ListImportReport {
  std::vector<StoredListVersion> created;    // a new version was stored
  std::vector<StoredListVersion> unchanged;  // same entities as the latest version: none stored
  std::vector<SourceInfo> failed;            // sources that did not load (not stored)
};

// One entity in a diff. `fields` (modified only) names what changed, in
// canonical order: name, birth_date, nationality, document, program, raw...
struct EntityChange {
  std::string source_id;
  std::string name;    // primary name (of the newer record for modified)
  std::string schema;  // "Person", "Vessel", ...
  std::vector<std::string> fields;
};

struct ListDiff {
  StoredListVersion from, to;
  std::vector<EntityChange> added, removed, modified;  // by source_id
};

// Which versions to compare. `from`/`to`: a version id, "previous" or
// "latest" (resolved per source). `source` empty: every source with two
// resolvable versions (or the source of the numeric id given).
struct DiffRequest {
  std::string source;
  std::string from = "previous";
  std::string to = "latest";
};

struct CustomerImportOptions {
  // The file is the whole customer base (a full extract): stored customers
  // absent from it are off-boarded, as by RemoveCustomers() with the reason
  // "absent from FILE (customers import --replace, import N)". Without it,
  // absent customers are kept.
  bool replace = false;
};

struct CustomerImportReport {
  bool committed = false;  // false when `errors` is not empty
  int64_t import_seq = 0;  // customers changed here carry this sequence
  std::string file;
  std::string file_hash;  // SHA-256 of the file's bytes (after gunzip)
  int64_t rows = 0, added = 0, updated = 0, unchanged = 0;
  // Off-boarded customers present in the file again: active again (their
  // history kept) and screened against every list by the next monitor run.
  int64_t restored = 0;
  // With options.replace: customers off-boarded because the file lacks
  // them, and their open alerts closed.
  int64_t removed = 0, alerts_closed = 0;
  // Invalid rows (file, line, field, reason). Any makes the import refuse
  // the whole file: nothing is stored.
  std::vector<Status> errors;
};

struct CustomerRemoval {
  std::vector<std::string> ids;  // customer ids (at least one)
  std::string reason;            // why (required; audited)
};

struct CustomerRemovalReport {
  int64_t removed = 0;
  std::vector<std::string> already_removed;  // ids off-boarded before: unchanged
  int64_t alerts_closed = 0;                 // open alerts of the removed customers
};

// Alert status: open until decided, or closed when the pair cannot match
// any more (listed entity removed from its list, customer off-boarded).
inline constexpr const char* kAlertOpen = "open";
inline constexpr const char* kAlertClosed = "closed";
inline constexpr const char* kDecisionTrueMatch = "true_match";
inline constexpr const char* kDecisionFalsePositive = "false_positive";

struct Alert {
  std::string id;      // stable: first 16 hex of SHA-256(customer id, source, source_id)
  std::string status;  // "open", "closed", "true_match", "false_positive"
  std::string customer_id, customer_name;
  std::string source, source_id, listed_name, matched_name;
  int64_t list_version_id = 0;
  std::string list_version, list_as_of;  // content hash and date of that version
  double score = 0;
  std::string strength;
  std::string summary;           // the explanation's readable sentence
  std::string explanation_json;  // the whole explanation, JSON
  std::string reason;            // why raised / re-raised, incl. what changed
  std::string customer_hash, entity_hash;
  std::string created_at, updated_at;
  int64_t run_id = 0;  // monitor run that last raised it
  std::string decided_by, decided_at, decision_reason;
  // Status "closed": when and why ("entity removed from ofac_sdn in
  // version 9 (as of 2023-11-30)", "customer off-boarded: ...").
  std::string closed_at, closed_reason;
};

struct AlertFilter {
  std::string status;       // empty: any; else one of the statuses above
  std::string customer_id;  // empty: any
  int64_t limit = 0;        // 0: no limit
};

struct Decision {
  std::string alert_id;
  std::string decision;  // kDecisionTrueMatch or kDecisionFalsePositive
  std::string by;        // who decided (required)
  std::string reason;    // why (required)
};

struct AuditEntry {
  int64_t seq = 0;
  std::string time;  // UTC, ISO 8601
  std::string actor;
  std::string action;   // "lists.import", "customers.import", "customer.removed",
                        // "customer.restored", "monitor.run", "alert.raised",
                        // "alert.updated", "alert.reopened", "alert.closed",
                        // "alert.decided"
  std::string subject;  // version id, file, run id, alert id
  std::string details;  // JSON object: list versions, input hashes, scores...
  std::string prev_hash;
  std::string hash;  // SHA-256(prev_hash || canonical entry)
};

struct AuditVerifyReport {
  bool ok = false;
  int64_t entries = 0;
  std::string head;       // hash of the last entry (anchor it elsewhere)
  int64_t first_bad = 0;  // seq of the first entry that fails, 0 when ok
  std::string problem;    // what failed
};

class Store {
 public:
  // Opens (or creates) the store at options.path.
  // Errors: NotFound when missing and !create_if_missing; DataError when the
  // file is not a cordon store or has another schema version; IoError.
  static Result<std::unique_ptr<Store>> Open(const StoreOptions& options);

  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  virtual ~Store() = default;

  // Loads every source under load.lists_dir with the list loaders and stores
  // a new version of each whose entities differ from its latest version
  // (one transaction; one audit entry per stored version).
  // Errors: those of the loaders when load.strict (or when nothing loads);
  // busy; IoError.
  virtual Result<ListImportReport> ImportLists(const LoadOptions& load) = 0;

  // Stored versions, oldest first; `source` empty = all sources.
  virtual Result<std::vector<StoredListVersion>> Versions(const std::string& source) = 0;

  // Added, removed and modified entities between two versions of a source.
  // Errors: InvalidArgument for an unknown id or keyword, versions of two
  // different sources, or a source without two versions.
  virtual Result<std::vector<ListDiff>> Diff(const DiffRequest& request) = 0;

  // Reads a customer CSV (gzip accepted; columns as screen-file) and stores
  // new and changed customers, in one transaction with its audit entries.
  // Customers absent from the file are kept unless options.replace (then
  // off-boarded, see RemoveCustomers). An off-boarded customer present in
  // the file is restored ("customer.restored" audit entry).
  // Errors: NotFound/IoError reading, DataError for a broken file structure;
  // InvalidArgument for options.replace with a file of no rows (it would
  // off-board everyone); invalid rows are returned in report.errors
  // (nothing stored); busy.
  virtual Result<CustomerImportReport> ImportCustomers(const std::string& path,
                                                       const CustomerImportOptions& options) = 0;

  // Off-boards customers: they are no longer screened (the next monitor
  // runs skip them and their key index entries are dropped), their open
  // alerts are closed with the reason, and everything about them stays for
  // audit (customer row, alerts, decisions). One transaction; one
  // "customer.removed" audit entry per customer and one "alert.closed" per
  // alert, actor = StoreOptions::actor. Removing an off-boarded customer
  // again changes nothing (reported in already_removed).
  // Errors: InvalidArgument (no ids, empty or oversize reason); NotFound
  // naming every unknown id (nothing is removed); busy.
  virtual Result<CustomerRemovalReport> RemoveCustomers(const CustomerRemoval& removal) = 0;

  virtual Result<std::vector<Alert>> Alerts(const AlertFilter& filter) = 0;
  // Errors: NotFound for an unknown id.
  virtual Result<Alert> GetAlert(const std::string& id) = 0;

  // Records a decision (one transaction with its audit entry). A
  // false_positive goes on the accept list: the same (customer, listed
  // entity) pair is not alerted again until the customer's record or the
  // listed record changes. Deciding again overrides (and is audited).
  // Errors: NotFound (alert), InvalidArgument (decision, empty by/reason), busy.
  virtual Status Decide(const Decision& decision) = 0;

  // Recomputes the audit hash chain. Tampering is reported in the report
  // (ok=false), not as an error; errors are I/O only.
  virtual Result<AuditVerifyReport> VerifyAudit() = 0;

  // Audit entries with from <= time <= to (ISO prefixes compare: "2026-11"
  // .. "2026-11-30" are whole days); empty bounds are open.
  virtual Result<std::vector<AuditEntry>> Audit(const std::string& from, const std::string& to) = 0;
};

}  // namespace cordon

#endif  // CORDON_STORE_H_
