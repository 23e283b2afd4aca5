// What the monitoring-store commands share: --db / $CORDON_DB, --actor,
// and mapping store errors to exit codes.
#ifndef CORDON_TOOLS_STORE_CLI_H_
#define CORDON_TOOLS_STORE_CLI_H_

#include <memory>
#include <string>

#include "base/json_writer.h"
#include "cli_args.h"
#include "cordon/monitor.h"
#include "cordon/store.h"

namespace cordon {

// Exit code when another process holds the store's write lock (retry later).
inline constexpr int kExitBusy = 3;
// Exit code of `audit verify` when the hash chain is broken.
inline constexpr int kExitAuditBroken = 4;

// --db PATH, --actor WHO.
void AddStoreFlags(FlagSpec* spec);

// Opens the store named by --db, else $CORDON_DB, else ./cordon.db. The
// actor is --actor, else $CORDON_ACTOR, else $USER, else "cordon".
// `create`: write commands create a missing store; read commands do not.
Result<std::unique_ptr<Store>> OpenStoreFromArgs(const CliArgs& args, bool create);

// Prints the error and returns its exit code: kExitBusy when the store is
// busy, 1 for bad usage/input (unknown alert or version id included), 2 for
// an unusable store, lists or I/O.
int ReportStoreError(const Status& status);

// --no-engine-cache: build the monitor's engine over the list versions
// instead of using the engine cache (cordon/monitor.h).
inline constexpr const char* kNoEngineCacheFlag = "no-engine-cache";

// `"engine_cache": {...}` (status, path, saved, seconds, and rejected /
// save_error when set) as one key of the object being written.
void WriteEngineCacheJson(const EngineCacheReport& cache, JsonWriter* w);

// One line for people: "engine cache: opened <path> (0.31 s)", "... built
// and saved ...", with the reason a snapshot was rejected or not saved.
std::string EngineCacheLine(const EngineCacheReport& cache);

// Checks that there are exactly `n` positionals; InvalidArgument otherwise.
Status ExpectPositionals(const CliArgs& args, size_t n, const char* usage);

}  // namespace cordon

#endif  // CORDON_TOOLS_STORE_CLI_H_
