// `cordon lists [--json]`: what was loaded from each source.
#include <cstdio>

#include "cli_common.h"
#include "commands.h"
#include "base/json_writer.h"

namespace cordon {

int RunLists(int argc, char** argv) {
  FlagSpec spec;
  AddListFlags(&spec);
  spec.switches.insert("json");
  Result<CliArgs> args = CliArgs::Parse(argc, argv, 2, spec);
  if (!args.ok()) return ReportError(args.status());
  if (!args->positionals().empty()) return ReportError(Status::InvalidArgument("lists takes no arguments"));
  Result<std::unique_ptr<Engine>> engine = OpenEngineFromArgs(args.value());
  if (!engine.ok()) return ReportError(engine.status());
  const auto& sources = engine.value()->Sources();
  if (args->Has("json")) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("population");
    w.String(engine.value()->PopulationVersion());
    w.Key("sources");
    w.BeginArray();
    for (const SourceInfo& s : sources) {
      w.BeginObject();
      w.Key("id");
      w.String(s.id);
      w.Key("format");
      w.String(s.format);
      w.Key("loaded");
      w.Bool(s.status.ok());
      if (!s.status.ok()) {
        w.Key("error");
        w.String(s.status.ToString());
      }
      w.Key("entities");
      w.Int(static_cast<long long>(s.entities));
      w.Key("names");
      w.Int(static_cast<long long>(s.names));
      w.Key("as_of");
      w.String(s.as_of);
      w.Key("version");
      w.String(s.version);
      w.Key("files");
      w.StringArray(s.files);
      w.Key("skipped_count");
      w.Int(static_cast<long long>(s.skipped.size()));
      w.Key("skipped");
      w.BeginArray();
      for (const LoadIssue& i : s.skipped) {
        w.BeginObject();
        w.Key("file");
        w.String(i.file);
        w.Key("line");
        w.Int(i.line);
        w.Key("field");
        w.String(i.field);
        w.Key("reason");
        w.String(i.message);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    std::printf("%s\n", out.c_str());
    return kExitOk;
  }
  std::printf("%-18s %-30s %9s %9s %-10s %-16s %s\n", "SOURCE", "FORMAT", "ENTITIES", "NAMES", "AS OF", "VERSION",
              "SKIPPED");
  for (const SourceInfo& s : sources) {
    if (!s.status.ok()) {
      std::printf("%-18s %-30s FAILED: %s\n", s.id.c_str(), s.format.c_str(), s.status.ToString().c_str());
      continue;
    }
    std::printf("%-18s %-30s %9zu %9zu %-10s %-16s %zu\n", s.id.c_str(), s.format.c_str(), s.entities, s.names,
                s.as_of.c_str(), s.version.c_str(), s.skipped.size());
  }
  for (const SourceInfo& s : sources) {
    if (s.skipped.empty()) continue;
    std::printf("\n%s: %zu record(s) skipped; first reasons:\n", s.id.c_str(), s.skipped.size());
    for (size_t i = 0; i < s.skipped.size() && i < 5; ++i) {
      const LoadIssue& issue = s.skipped[i];
      std::printf("  %s:%lld %s: %s\n", issue.file.c_str(), static_cast<long long>(issue.line), issue.field.c_str(),
                  issue.message.c_str());
    }
  }
  std::printf("\nfiles read:\n");
  for (const SourceInfo& s : sources) {
    for (const auto& f : s.files) std::printf("  %s: %s\n", s.id.c_str(), f.c_str());
  }
  const std::string& population = engine.value()->PopulationVersion();
  std::printf("\ngeneral-population name table: %s\n", population.empty() ? "none" : population.c_str());
  return kExitOk;
}

}  // namespace cordon
