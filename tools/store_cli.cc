#include "store_cli.h"

#include <cstdio>
#include <cstdlib>

#include "cli_common.h"

namespace cordon {

void AddStoreFlags(FlagSpec* spec) {
  spec->with_value.insert("db");
  spec->with_value.insert("actor");
}

Result<std::unique_ptr<Store>> OpenStoreFromArgs(const CliArgs& args, bool create) {
  auto env = [](const char* name) -> std::string {
    const char* v = std::getenv(name);
    return v != nullptr ? v : "";
  };
  StoreOptions options;
  options.path = args.Get("db", env("CORDON_DB").empty() ? "cordon.db" : env("CORDON_DB"));
  options.create_if_missing = create;
  std::string actor = args.Get("actor", env("CORDON_ACTOR"));
  if (actor.empty()) actor = env("USER");
  if (!actor.empty()) options.actor = actor;
  return Store::Open(options);
}

int ReportStoreError(const Status& status) {
  std::fprintf(stderr, "cordon: error: %s\n", status.ToString().c_str());
  if (IsStoreBusy(status)) return kExitBusy;
  if (status.code() == StatusCode::kInvalidArgument) return kExitBadInput;
  if (status.code() == StatusCode::kNotFound && status.location().field == "id") return kExitBadInput;
  return kExitDataError;
}

Status ExpectPositionals(const CliArgs& args, size_t n, const char* usage) {
  if (args.positionals().size() != n) return Status::InvalidArgument(std::string("usage: ") + usage);
  return Status::Ok();
}

void WriteEngineCacheJson(const EngineCacheReport& cache, JsonWriter* w) {
  w->Key("engine_cache");
  w->BeginObject();
  w->Key("status");
  w->String(EngineCacheStatusName(cache.status));
  w->Key("path");
  w->String(cache.path);
  w->Key("saved");
  w->Bool(cache.saved);
  w->Key("seconds");
  w->Number(cache.seconds);
  w->Key("save_seconds");
  w->Number(cache.save_seconds);
  if (!cache.rejected.empty()) {
    w->Key("rejected");
    w->String(cache.rejected);
  }
  if (!cache.save_error.empty()) {
    w->Key("save_error");
    w->String(cache.save_error);
  }
  w->EndObject();
}

std::string EngineCacheLine(const EngineCacheReport& cache) {
  char secs[64];
  std::snprintf(secs, sizeof(secs), " (%.2f s", cache.seconds);
  std::string line = "engine cache: ";
  switch (cache.status) {
    case EngineCacheStatus::kUnused:
      return line + "not needed (nothing to screen)";
    case EngineCacheStatus::kOff:
      return line + "off, engine built from the stored records" + secs + ")";
    case EngineCacheStatus::kOpened:
      return line + "opened " + cache.path + secs + ")";
    case EngineCacheStatus::kBuilt:
    case EngineCacheStatus::kRebuilt:
      break;
  }
  line += cache.status == EngineCacheStatus::kRebuilt ? "rebuilt" : "built";
  line += secs;
  if (cache.saved) {
    std::snprintf(secs, sizeof(secs), ", saved in %.2f s", cache.save_seconds);
    line += secs;
  }
  line += ") " + cache.path;
  if (!cache.rejected.empty()) line += "; the snapshot there was not used: " + cache.rejected;
  if (!cache.save_error.empty()) line += "; not saved: " + cache.save_error;
  return line;
}

}  // namespace cordon
