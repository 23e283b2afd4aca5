// The SQLite implementation of cordon::Store, and the internal operations
// the monitor (src/monitor) builds on. Schema: docs/DESIGN.md "Monitoring
// store".
#ifndef CORDON_STORE_STORE_IMPL_H_
#define CORDON_STORE_STORE_IMPL_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cordon/monitor.h"
#include "cordon/store.h"
#include "store/sqlite_db.h"

namespace cordon {

// A stored customer as the monitor needs it.
struct StoredCustomer {
  int64_t rowid = 0;
  std::string id, name, type, dob, country;
  std::string hash;  // RecordHash(EncodeCustomer)
  int64_t changed_seq = 0;
};

// One member of a stored list version, as read back.
struct VersionRecord {
  std::string key;   // source id, with an occurrence suffix for a repeated id
  std::string hash;  // record hash
  std::string body;  // canonical record (entity_codec.h)
};

// The list's own id from a member key ("11355\x1f2" -> "11355").
std::string SourceIdOfKey(const std::string& key);

// The kind a customer's `type` column screens as ("" = any).
EntityKind CustomerKindOf(const std::string& type);

// One row of the customer key index.
struct KeyPosting {
  int64_t rowid = 0;  // customer
  int ntok = 0;       // distinctive tokens in the customer's name
  EntityKind kind = EntityKind::kAny;
};

// A (customer, listed entity) pair the monitor found at or above threshold.
struct MonitorHit {
  const StoredCustomer* customer = nullptr;
  std::string source, source_id, entity_hash;
  int64_t list_version_id = 0;
  std::string list_version, list_as_of;
  std::string listed_name, matched_name;
  double score = 0;
  std::string strength, summary, explanation_json;
  // What brought the pair up: "first screening", "customer new or changed",
  // "listed entity added or modified".
  std::string trigger;
};

class StoreImpl : public Store {
 public:
  static Result<std::unique_ptr<StoreImpl>> OpenImpl(const StoreOptions& options);

  Result<ListImportReport> ImportLists(const LoadOptions& load) override;
  Result<std::vector<StoredListVersion>> Versions(const std::string& source) override;
  Result<std::vector<ListDiff>> Diff(const DiffRequest& request) override;
  Result<CustomerImportReport> ImportCustomers(const std::string& path,
                                               const CustomerImportOptions& options) override;
  Result<CustomerRemovalReport> RemoveCustomers(const CustomerRemoval& removal) override;
  Result<std::vector<Alert>> Alerts(const AlertFilter& filter) override;
  Result<Alert> GetAlert(const std::string& id) override;
  Status Decide(const Decision& decision) override;
  Result<AuditVerifyReport> VerifyAudit() override;
  Result<std::vector<AuditEntry>> Audit(const std::string& from, const std::string& to) override;

  // ---- For the monitor. Reads run inside the caller's transaction, if any.
  SqliteDb* db() { return db_.get(); }
  const StoreOptions& options() const { return options_; }
  // The newest version of every source, by source name.
  Result<std::vector<StoredListVersion>> LatestVersions();
  // (source_id -> record hash) of one version.
  Status VersionHashes(int64_t version_id, std::unordered_map<std::string, std::string>* out);
  // The canonical record stored under `hash` (empty when unknown).
  Result<std::string> RecordBody(const std::string& hash);
  // The members of a version in the loader's order: member key, record hash
  // and canonical record. `with_raw` false: each record stops before its
  // `raw` line (the list's original text, most of the bytes, which screening
  // does not use); it decodes to the entity with an empty `raw`.
  Status VersionRecords(int64_t version_id, bool with_raw, std::vector<VersionRecord>* out);
  // The same members one at a time, in storage order (not the loader's):
  // fn(ord, key, hash, body), the views valid during the call only. A
  // non-OK status from fn stops the walk and is returned.
  using RecordFn =
      std::function<Status(int64_t ord, std::string_view key, std::string_view hash, std::string_view body)>;
  Status ForEachVersionRecord(int64_t version_id, bool with_raw, const RecordFn& fn);
  // The members alone, without their records (no record is read): fn(ord,
  // key, hash) in storage order. Tens of milliseconds for the bundled
  // lists' 41,584 members, where reading the records takes 0.2-0.3 s.
  using MemberFn = std::function<Status(int64_t ord, std::string_view key, std::string_view hash)>;
  Status ForEachVersionMember(int64_t version_id, const MemberFn& fn);
  // Every entity of a version in the loader's order, decoded, with its
  // record hash and (when `keys` is not null) its member key: the source id,
  // with an occurrence suffix for a repeated id (the keys VersionHashes uses).
  Status LoadVersion(const StoredListVersion& version, std::vector<Entity>* entities,
                     std::vector<std::string>* hashes, std::vector<std::string>* keys = nullptr);
  // Monitor watermark: per source the version last monitored; customer seq.
  Status MonitorState(std::map<std::string, int64_t>* versions, int64_t* customer_seq);
  Result<int64_t> CurrentCustomerSeq();
  // Active (not off-boarded) customers.
  Result<int64_t> CustomerCount();
  // Active customers with changed_seq > seq (all when seq < 0), by rowid.
  Status CustomersChangedSince(int64_t seq, std::vector<StoredCustomer>* out);
  // Active customers among `rowids`, in that order.
  Status CustomersByRowid(const std::vector<int64_t>& rowids, std::vector<StoredCustomer>* out);
  // Rows of the customer key index under `key`, appended to *out.
  Status CustomersWithKey(const std::string& key, std::vector<KeyPosting>* out);

  // Writes the outcome of a monitor run in the caller's write transaction:
  // alerts (accept list honoured), the run row, the watermark and the
  // audit entries. Counts go into *report.
  Status RecordMonitorRun(const std::vector<MonitorHit>& hits, const std::vector<StoredListVersion>& versions,
                          int64_t customer_seq, const std::string& run_details, MonitorReport* report);

  // Closes (with audit entries) the open alerts whose listed entity is not
  // in the latest version of its source; in the caller's write transaction.
  Status CloseAlertsOfRemovedEntities(const std::vector<StoredListVersion>& versions, int64_t run_id,
                                      MonitorReport* report);

  // Appends one audit entry in the current write transaction.
  Status AppendAudit(const std::string& action, const std::string& subject, const std::string& details,
                     const std::string& actor = "");

  std::string Now() const;

 private:
  class Offboarder;
  explicit StoreImpl(StoreOptions options) : options_(std::move(options)) {}
  Status InitSchema();
  Result<StoredListVersion> FindVersion(int64_t id);

  StoreOptions options_;
  std::unique_ptr<SqliteDb> db_;
  std::unique_ptr<SqliteStmt> customers_with_key_;  // prepared once, used per key
};

// JSON string literal of `s` (quoted, escaped; invalid UTF-8 bytes become
// U+FFFD). Shared by the store's and the monitor's JSON details.
std::string JsonQuote(std::string_view s);

}  // namespace cordon

#endif  // CORDON_STORE_STORE_IMPL_H_
