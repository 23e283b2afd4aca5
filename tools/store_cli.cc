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

}  // namespace cordon
