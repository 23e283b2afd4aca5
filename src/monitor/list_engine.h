// How the monitor obtains the screening engine over the stored list
// versions it screens against. One function, so that the way the engine is
// obtained (built from the stored records today; opened from an engine
// snapshot once Engine::OpenSnapshot exists, issue 4) changes in one place.
#ifndef CORDON_MONITOR_LIST_ENGINE_H_
#define CORDON_MONITOR_LIST_ENGINE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "cordon/engine.h"
#include "cordon/status.h"
#include "cordon/store.h"

namespace cordon {

// An engine over some list versions, with what the monitor needs to know
// about each of its entities. keys, hashes and version are parallel to
// engine->Entities().
struct ListEngine {
  std::unique_ptr<Engine> engine;
  std::vector<std::string> keys;    // member key: source id, occurrence-suffixed when repeated
  std::vector<std::string> hashes;  // record hash (entity_codec.h)
  std::vector<uint32_t> version;    // index into the versions passed
};

struct ListEngineOptions {
  // The store file. The records are read on a connection of their own, so
  // the caller's connection stays free (the monitor queries the customer
  // key index meanwhile). Committed versions never change, so any
  // connection reads the same records.
  std::string store_path;
  int threads = 1;  // decoding threads (>= 1); the index build uses every core
};

// The engine over `versions` (committed versions of distinct sources), its
// entities in version order then the loader's order, so that it screens
// exactly as Engine::Open over the same list files (same token weights, same
// order of ties). Entities carry no `raw` text (the list's original record,
// which screening does not use; it stays in the store).
//
// Today the records are read, decoded on options.threads threads and
// indexed with Engine::FromEntities (about 1 s for the bundled lists on
// 2 cores, most of it normalising listed names). Issue 4's engine snapshot
// plugs in here: keyed by the versions' set hashes, open a saved snapshot
// when one exists (else build as now and save one); keys and hashes then
// come from the version members alone, without reading any record.
//
// Thread-safe (opens its own connection). Errors: those of opening the
// store (NotFound, DataError, IoError), DataError for a damaged stored
// record, and those of Engine::FromEntities.
Result<ListEngine> AcquireListEngine(const std::vector<StoredListVersion>& versions,
                                     const ListEngineOptions& options);

}  // namespace cordon

#endif  // CORDON_MONITOR_LIST_ENGINE_H_
