// How the monitor obtains the screening engine over the stored list
// versions it screens against: in one function, opened from the engine
// cache (cordon/monitor.h, EngineCacheReport) or built from the stored
// records and saved there.
#ifndef CORDON_MONITOR_LIST_ENGINE_H_
#define CORDON_MONITOR_LIST_ENGINE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "cordon/engine.h"
#include "cordon/monitor.h"
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
  EngineCacheReport cache;          // opened or built, saved or not, and why
};

struct ListEngineOptions {
  // The store file. The members and records are read on a connection of
  // their own, so the caller's connection stays free (the monitor queries
  // the customer key index meanwhile). Committed versions never change, so
  // any connection reads the same members.
  std::string store_path;
  int threads = 1;  // decoding threads (>= 1) when building; the index build uses every core
  // Open from / save to the engine cache (MonitorOptions::engine_cache).
  bool use_cache = true;
  // The cache folder; empty: EngineCacheDir(store_path).
  std::string cache_dir;
};

// `<store_path>.engines`: where the snapshots of a store's engines go.
std::string EngineCacheDir(const std::string& store_path);

// The cache key of `versions` whose members (in order) are `keys` and
// `hashes`, laid out as in ListEngine: 64 hex digits, SHA-256 over
// kListEngineCacheFormat, each version's id, source, format, content hash,
// set hash, as-of date and entity count, and its members' keys and record
// hashes in order.
std::string EngineCacheKey(const std::vector<StoredListVersion>& versions,
                           const std::vector<std::string>& keys, const std::vector<std::string>& hashes);

// Part of every cache key: bump it when the decoding of stored records
// changes what an engine built from them holds (the snapshot's own header
// already tells index layout and name-indexing changes apart).
inline constexpr int kListEngineCacheFormat = 1;

// The engine over `versions` (committed versions of distinct sources), its
// entities in version order then the loader's order, so that it screens
// exactly as Engine::Open over the same list files (same token weights, same
// order of ties). Entities carry no `raw` text (the list's original record,
// which screening does not use; it stays in the store).
//
// keys, hashes and version always come from the version members alone (no
// record read). With options.use_cache, the snapshot `<cache>/<key>.snap`
// (EngineCacheKey) is opened when it exists and checked against the
// versions (sources, content hashes, formats, as-of dates, entity counts,
// every entity's source and source id in order); otherwise — or when it
// fails to open or to match (cache.rejected says why) — the records are
// read, decoded on options.threads threads and indexed with
// Engine::FromEntities (about 1 s for the bundled lists on 2 cores), then
// the snapshot is saved (temporary file, renamed into place). Once the
// snapshot is opened or saved, dead processes' temporary files are deleted
// from the folder, and so are the other snapshots when `versions` are the
// latest stored (a run over versions an import has just replaced keeps the
// snapshot that import prepared).
// A cache problem is reported in `cache`, never returned as an error. Both
// ways give the same entities in the same order, and the same screening.
//
// Thread-safe (opens its own connection). Errors: those of opening the
// store (NotFound, DataError, IoError), DataError for a damaged stored
// version or record, and those of Engine::FromEntities.
Result<ListEngine> AcquireListEngine(const std::vector<StoredListVersion>& versions,
                                     const ListEngineOptions& options);

}  // namespace cordon

#endif  // CORDON_MONITOR_LIST_ENGINE_H_
