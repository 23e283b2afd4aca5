// Copyright (c) cordon authors.
//
// Re-screening the stored customer base when lists or customers change.
#ifndef CORDON_MONITOR_H_
#define CORDON_MONITOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "cordon/match.h"
#include "cordon/status.h"
#include "cordon/store.h"

namespace cordon {

struct MonitorOptions {
  // Threshold, weights and per-customer limit of the screening. `sources`
  // must be empty (every stored source is monitored).
  ScreenOptions screen;
  int threads = 1;    // screening threads (>= 1)
  bool full = false;  // screen every customer against every list
  // Use the engine cache (see EngineCacheReport): open the engine over the
  // list versions from its snapshot, or build it and save one. false: build
  // it from the stored records (about 1 s for the bundled lists on 2 cores)
  // and leave the cache as it is.
  bool engine_cache = true;
};

// The engine cache. A run screens with an engine over the latest stored
// list versions; building it (reading and decoding every stored record,
// normalising and indexing every listed name) costs about 1 s for the
// bundled lists, opening its snapshot (Engine::OpenSnapshot) about 0.3 s.
// Snapshots are kept in a folder beside the store, `<store path>.engines/`,
// one file per set of list versions, `<key>.snap`, where the key is a
// SHA-256 over the versions (ids, sources, formats, content and set hashes,
// as-of dates, entity counts) and their members in order (ids and record
// hashes). A snapshot is trusted only when it opens (its header and section
// checksums, this build's index layout and name indexing) and matches the
// versions (sources, content hashes, entity counts, every entity's source
// and id in order); otherwise the engine is built and the snapshot saved
// over it. Snapshots are written to a temporary file and renamed, so a
// kill leaves either no snapshot or a whole one (the temporary file of a
// killed process is deleted by a later run). A run over the latest versions
// deletes the snapshots of other versions. The folder is a cache: it
// can be deleted at any time (the next run rebuilds it), and a problem with
// it (unreadable, damaged, cannot be written) never fails a run.
enum class EngineCacheStatus {
  kUnused,   // no engine was needed (nothing to screen; PrepareEngineCache: never monitored)
  kOff,      // the cache was not used (MonitorOptions::engine_cache false)
  kOpened,   // opened from the snapshot of these versions
  kBuilt,    // no snapshot of these versions: built (and saved, see `saved`)
  kRebuilt,  // the snapshot could not be opened or used (`rejected`): built (and saved over it)
};

// "unused", "off", "opened", "built", "rebuilt".
const char* EngineCacheStatusName(EngineCacheStatus status);

struct EngineCacheReport {
  EngineCacheStatus status = EngineCacheStatus::kUnused;
  std::string path;        // the snapshot file of the versions screened
  std::string rejected;    // kRebuilt: why the snapshot was not used
  bool saved = false;      // a snapshot was saved
  std::string save_error;  // not empty: saving failed (the run went on without it)
  // Obtaining the engine (reading the version members, then opening the
  // snapshot or building), and saving the snapshot.
  double seconds = 0, save_seconds = 0;
};

struct MonitorReport {
  int64_t run_id = 0;
  bool full = false;                        // every customer was screened (first run or --full)
  std::vector<StoredListVersion> versions;  // the list versions screened against
  int64_t customers_total = 0;
  int64_t customers_screened = 0;  // changed (or all) customers screened against all lists
  int64_t entities_changed = 0;    // added or modified listed entities since the last run
  int64_t entities_removed = 0;
  int64_t candidates = 0;  // (customer, changed entity) pairs the customer index proposed
  int64_t hits = 0;        // confirmed pairs with score >= threshold
  int64_t alerts_raised = 0, alerts_reopened = 0, alerts_updated = 0, suppressed = 0;
  // Open alerts closed because their listed entity is no longer in the
  // latest version of its list (delisted).
  int64_t alerts_closed = 0;
  // Customers the engine refused to screen (e.g. an unknown country name):
  // counted, the first few kept; the run goes on.
  int64_t customer_errors = 0;
  std::vector<std::string> error_samples;
  double seconds = 0;
  // Where the time went: reading the store (list versions, delta, customer
  // index), building the engine, screening, writing alerts and audit.
  double read_seconds = 0, engine_seconds = 0, screen_seconds = 0, write_seconds = 0;
  // How the engine over the list versions was obtained. Its `seconds` and
  // `save_seconds` ran on a second thread, behind the store reads;
  // engine_seconds above is what the run waited for them.
  EngineCacheReport engine_cache;
};

// Screens, in one run:
//  - customers new or changed since the last run against every list;
//  - every other customer against only the listed entities added or
//    modified since the last run (the customer index proposes candidates by
//    shared name keys; each is confirmed with Engine::Screen over the whole
//    list version so scores equal a full screening);
// and raises or updates alerts, honouring the accept list. The first run
// (or options.full) screens everyone. Off-boarded customers are not
// screened. Open alerts whose listed entity is absent from the latest
// version of its source are closed ("entity removed from <source> in
// version N (as of DATE)"); a closed alert that matches again re-opens.
// Results, the closures, the new watermark and the audit entries are
// committed in one transaction; a concurrent run that committed first
// makes this one fail as busy (nothing is lost: re-run).
// Errors: InvalidArgument (options), DataError (no list version stored),
// busy, IoError.
Result<MonitorReport> RunMonitor(Store* store, const MonitorOptions& options);

struct EngineCacheOptions {
  int threads = 1;  // record decoding threads (>= 1) when the engine is built
};

// Makes the engine cache hold the snapshot of the latest stored list
// versions (building and saving it unless it is there and usable), so that
// the next RunMonitor opens it instead of building the engine: the delta
// run after a list import is as fast as the next ones. `cordon lists
// import` calls it after storing versions. On a store never monitored it
// does nothing (status kUnused): the first run screens every customer
// against every list, next to which building the engine costs little, and
// it saves the snapshot itself. Opens a connection of its own; `store` is
// only read. A problem with the cache itself is reported in the result
// (rejected, save_error), not as an error.
// Errors: DataError (no list version stored, a damaged stored record),
// InvalidArgument (threads), those of opening the store (IoError).
Result<EngineCacheReport> PrepareEngineCache(Store* store, const EngineCacheOptions& options);

}  // namespace cordon

#endif  // CORDON_MONITOR_H_
