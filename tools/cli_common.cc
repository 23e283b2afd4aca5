#include "cli_common.h"

#include <cstdio>
#include <cstdlib>

namespace cordon {

void AddListFlags(FlagSpec* spec) {
  spec->with_value.insert("lists");
  spec->switches.insert("strict");
}

Result<std::unique_ptr<Engine>> OpenEngineFromArgs(const CliArgs& args) {
  LoadOptions options;
  const char* env = std::getenv("CORDON_LISTS");
  options.lists_dir = args.Get("lists", env != nullptr && *env != '\0' ? env : CORDON_DEFAULT_LISTS_DIR);
  options.strict = args.Has("strict");
  Result<std::unique_ptr<Engine>> engine = Engine::Open(options);
  if (!engine.ok()) return engine;
  for (const SourceInfo& s : engine.value()->Sources()) {
    if (!s.status.ok()) {
      std::fprintf(stderr, "cordon: warning: source %s not loaded: %s\n", s.id.c_str(), s.status.ToString().c_str());
    }
  }
  return engine;
}

Result<EntityKind> ParseKind(const std::string& t) {
  if (t.empty() || t == "any") return EntityKind::kAny;
  if (t == "person" || t == "individual") return EntityKind::kPerson;
  if (t == "organization" || t == "organisation" || t == "company" || t == "entity") return EntityKind::kOrganization;
  if (t == "vessel" || t == "ship") return EntityKind::kVessel;
  if (t == "aircraft" || t == "airplane") return EntityKind::kAircraft;
  return Status::InvalidArgument("unknown type '" + t + "' (person|organization|vessel|aircraft|any)", {"", 0, "type"});
}

int ReportError(const Status& status) {
  std::fprintf(stderr, "cordon: error: %s\n", status.ToString().c_str());
  switch (status.code()) {
    case StatusCode::kInvalidArgument: return kExitBadInput;
    default: return kExitDataError;
  }
}

}  // namespace cordon
