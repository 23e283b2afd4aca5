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

Status ParseWeights(const std::vector<std::string>& specs, EvidenceWeights* w) {
  const std::pair<const char*, double*> keys[] = {
      {"birth_date_match", &w->birth_date_match},       {"birth_date_near", &w->birth_date_near},
      {"birth_date_one_year", &w->birth_date_one_year}, {"birth_date_far", &w->birth_date_far},
      {"country_match", &w->country_match},             {"country_mismatch", &w->country_mismatch},
      {"identifier_floor", &w->identifier_floor},       {"legal_form_mismatch", &w->legal_form_mismatch},
  };
  for (const std::string& spec : specs) {
    size_t eq = spec.find('=');
    std::string key = spec.substr(0, eq);
    double* target = nullptr;
    for (const auto& [name, ptr] : keys) {
      if (key == name) target = ptr;
    }
    if (eq == std::string::npos || target == nullptr) {
      return Status::InvalidArgument("--weight expects KEY=VALUE with KEY one of birth_date_match, birth_date_near, "
                                     "birth_date_one_year, birth_date_far, country_match, country_mismatch, "
                                     "identifier_floor, legal_form_mismatch; got '" + spec + "'", {"", 0, "weight"});
    }
    std::string value = spec.substr(eq + 1);
    char* end = nullptr;
    double v = std::strtod(value.c_str(), &end);
    if (value.empty() || *end != '\0') {
      return Status::InvalidArgument("--weight " + key + ": not a number: '" + value + "'", {"", 0, "weight"});
    }
    *target = v;
  }
  return Status::Ok();
}

Status ParseMatchFlags(const CliArgs& args, int default_limit, ScreenOptions* options) {
  Result<double> threshold = args.GetDouble("threshold", kDefaultThreshold, 0.0, 1.0);
  if (!threshold.ok()) return threshold.status();
  Result<int> limit = args.GetInt("limit", default_limit, 1, 1000);
  if (!limit.ok()) return limit.status();
  options->threshold = threshold.value();
  options->limit = limit.value();
  options->sources = args.GetAll("source");
  return Status::Ok();
}

Status ParseScreenOptions(const CliArgs& args, ScreenOptions* options) {
  if (Status s = ParseMatchFlags(args, 10, options); !s.ok()) return s;
  std::string algorithm = args.Get("algorithm", "cordon");
  if (algorithm == "ofac") {
    options->algorithm = Algorithm::kOfacSls;
  } else if (algorithm != "cordon") {
    return Status::InvalidArgument("unknown --algorithm '" + algorithm + "' (cordon|ofac)", {"", 0, "algorithm"});
  }
  return ParseWeights(args.GetAll("weight"), &options->weights);
}

int ReportError(const Status& status) {
  std::fprintf(stderr, "cordon: error: %s\n", status.ToString().c_str());
  switch (status.code()) {
    case StatusCode::kInvalidArgument: return kExitBadInput;
    default: return kExitDataError;
  }
}

}  // namespace cordon
