// `cordon screen [...] NAME`: ranked, explained matches for one name.
#include <cstdio>

#include "cli_common.h"
#include "commands.h"
#include "base/json_writer.h"
#include "model/match_json.h"

namespace cordon {
namespace {

void PrintText(const Query& q, const std::vector<Match>& matches) {
  if (matches.empty()) {
    std::printf("No match for \"%s\".\n", q.name.c_str());
    return;
  }
  std::printf("%zu match(es) for \"%s\":\n", matches.size(), q.name.c_str());
  int rank = 0;
  for (const Match& m : matches) {
    const Entity& e = *m.entity;
    std::printf("\n%d. %.3f %-6s  %s %s  %s [%s]\n", ++rank, m.score, std::string(MatchStrengthName(m.strength)).c_str(),
                e.source.c_str(), e.source_id.c_str(), e.names.empty() ? "" : e.names[0].full.c_str(),
                std::string(SchemaName(e.schema)).c_str());
    if (!e.names.empty() && m.matched_name != e.names[0].full) {
      std::printf("   matched %s: %s\n", std::string(NameTypeName(m.matched_name_type)).c_str(), m.matched_name.c_str());
    }
    if (!e.programs.empty()) {
      std::string p;
      for (const auto& x : e.programs) p += (p.empty() ? "" : ", ") + x;
      std::printf("   programs: %s\n", p.c_str());
    }
    if (!e.birth_dates.empty()) {
      std::string d;
      for (const auto& x : e.birth_dates) d += (d.empty() ? "" : ", ") + x.ToString();
      std::printf("   born: %s\n", d.c_str());
    }
    std::printf("   why: %s\n", m.explanation.summary.c_str());
  }
}

}  // namespace

int RunScreen(int argc, char** argv) {
  FlagSpec spec;
  spec.with_value = {"type", "dob", "country", "id", "source", "limit", "threshold", "weight", "algorithm"};
  AddListFlags(&spec);
  spec.switches.insert("json");
  Result<CliArgs> args = CliArgs::Parse(argc, argv, 2, spec);
  if (!args.ok()) return ReportError(args.status());
  Query q;
  for (const auto& p : args->positionals()) q.name += (q.name.empty() ? "" : " ") + p;
  if (q.name.empty()) return ReportError(Status::InvalidArgument("screen needs a NAME"));
  Result<EntityKind> kind = ParseKind(args->Get("type"));
  if (!kind.ok()) return ReportError(kind.status());
  q.kind = kind.value();
  q.birth_date = args->Get("dob");
  q.country = args->Get("country");
  q.id_numbers = args->GetAll("id");
  ScreenOptions options;
  Status parsed = ParseScreenOptions(args.value(), &options);
  if (!parsed.ok()) return ReportError(parsed);

  Result<std::unique_ptr<Engine>> engine = OpenEngineFromArgs(args.value());
  if (!engine.ok()) return ReportError(engine.status());
  Result<std::vector<Match>> matches = engine.value()->Screen(q, options);
  if (!matches.ok()) return ReportError(matches.status());

  if (!args->Has("json")) {
    PrintText(q, matches.value());
    return kExitOk;
  }
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("query");
  w.BeginObject();
  w.Key("name");
  w.String(q.name);
  w.Key("type");
  w.String(args->Get("type", "any"));
  if (!q.birth_date.empty()) {
    w.Key("dob");
    w.String(q.birth_date);
  }
  if (!q.country.empty()) {
    w.Key("country");
    w.String(q.country);
  }
  if (!q.id_numbers.empty()) {
    w.Key("id_numbers");
    w.StringArray(q.id_numbers);
  }
  w.Key("algorithm");
  w.String(AlgorithmName(options.algorithm));
  w.Key("threshold");
  w.Number(options.threshold);
  w.Key("limit");
  w.Int(options.limit);
  w.EndObject();
  w.Key("matches");
  WriteMatchesJson(matches.value(), &w);
  w.EndObject();
  std::printf("%s\n", out.c_str());
  return kExitOk;
}

}  // namespace cordon
