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

}  // namespace cordon

#endif  // CORDON_MONITOR_H_
