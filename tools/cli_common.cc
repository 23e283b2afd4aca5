#include "cli_common.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>

namespace cordon {

namespace {

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? v : "";
}

// --strict over a snapshot: what Engine::Open(strict) would have refused.
Status CheckStrict(const Engine& engine) {
  for (const SourceInfo& s : engine.Sources()) {
    if (!s.status.ok())
      return Status::DataError("strict mode: source " + s.id + " failed: " + s.status.ToString());
    if (!s.skipped.empty()) {
      const LoadIssue& i = s.skipped.front();
      return Status::DataError(
          "strict mode: " + std::to_string(s.skipped.size()) + " record(s) skipped; first: " + i.message,
          {i.file, i.line, i.field});
    }
  }
  return Status::Ok();
}

void WarnFailedSources(const Engine& engine) {
  for (const SourceInfo& s : engine.Sources()) {
    if (!s.status.ok()) {
      std::fprintf(stderr, "cordon: warning: source %s not loaded: %s\n", s.id.c_str(),
                   s.status.ToString().c_str());
    }
  }
}

}  // namespace

std::string ColumnName(std::string_view header_cell) {
  std::string name(header_cell);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

void AddListFlags(FlagSpec* spec) {
  spec->with_value.insert("lists");
  spec->with_value.insert("population");
  spec->with_value.insert("snapshot");
  spec->switches.insert("strict");
}

std::string ExplicitListsDir(const CliArgs& args) { return args.Get("lists", Env("CORDON_LISTS")); }

std::string ListsDir(const CliArgs& args) {
  std::string dir = ExplicitListsDir(args);
  return dir.empty() ? CORDON_DEFAULT_LISTS_DIR : dir;
}

std::string SnapshotPath(const CliArgs& args) { return args.Get("snapshot", Env("CORDON_SNAPSHOT")); }

std::string RebuildHint(const CliArgs& args) {
  return "rebuild it with: cordon index build --lists " + ListsDir(args) + " --out " + SnapshotPath(args);
}

Result<std::unique_ptr<Engine>> OpenListsFromArgs(const CliArgs& args) {
  LoadOptions options;
  options.lists_dir = ListsDir(args);
  options.strict = args.Has("strict");
  options.population = args.Get("population", Env("CORDON_POPULATION"));
  Result<std::unique_ptr<Engine>> engine = Engine::Open(options);
  if (engine.ok()) WarnFailedSources(*engine.value());
  return engine;
}

Result<std::unique_ptr<Engine>> OpenEngineFromArgs(const CliArgs& args) {
  const std::string snapshot = SnapshotPath(args);
  if (snapshot.empty()) return OpenListsFromArgs(args);
  if (args.Has("population")) {
    return Status::InvalidArgument(
        "--population applies when the lists are loaded; a snapshot keeps the weights it was built with "
        "(rebuild it with cordon index build --population FILE)",
        {"", 0, "population"});
  }
  SnapshotOptions options;
  options.lists_dir = ExplicitListsDir(args);
  Result<std::unique_ptr<Engine>> engine = Engine::OpenSnapshot(snapshot, options);
  if (!engine.ok()) {
    const Status& s = engine.status();
    if (s.code() != StatusCode::kDataError) return s;
    return Status::DataError(s.message() + "; " + RebuildHint(args), s.location());
  }
  if (args.Has("strict")) {
    if (Status s = CheckStrict(*engine.value()); !s.ok()) return s;
  }
  WarnFailedSources(*engine.value());
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
