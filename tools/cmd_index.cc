// `cordon index build|check`: the index snapshot, built once per list
// version and opened in well under a second by every other command
// (--snapshot FILE or $CORDON_SNAPSHOT).
#include <sys/stat.h>

#include <chrono>
#include <cstdio>

#include "cli_common.h"
#include "commands.h"

namespace cordon {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void PrintSources(const Engine& engine) {
  for (const SourceInfo& s : engine.Sources()) {
    if (s.status.ok()) {
      std::fprintf(stderr, "  %-20s %7zu entities  as of %-10s  version %s\n", s.id.c_str(), s.entities,
                   s.as_of.c_str(), s.version.c_str());
    } else {
      std::fprintf(stderr, "  %-20s not loaded: %s\n", s.id.c_str(), s.status.ToString().c_str());
    }
  }
}

// index build [--lists DIR] [--population FILE|none] [--strict] --out FILE
int RunIndexBuild(int argc, char** argv) {
  FlagSpec spec;
  spec.with_value = {"lists", "out", "population"};
  spec.switches = {"strict"};
  Result<CliArgs> args = CliArgs::Parse(argc, argv, 3, spec);
  if (!args.ok()) return ReportError(args.status());
  if (!args->positionals().empty())
    return ReportError(Status::InvalidArgument("index build takes no arguments"));
  const std::string out = args->Get("out");
  if (out.empty())
    return ReportError(Status::InvalidArgument("index build needs --out FILE", {"", 0, "out"}));
  auto start = std::chrono::steady_clock::now();
  Result<std::unique_ptr<Engine>> engine = OpenListsFromArgs(args.value());
  if (!engine.ok()) return ReportError(engine.status());
  const double built = SecondsSince(start);
  start = std::chrono::steady_clock::now();
  if (Status s = engine.value()->SaveSnapshot(out); !s.ok()) return ReportError(s);
  const double saved = SecondsSince(start);
  struct stat st {};
  const double mb = ::stat(out.c_str(), &st) == 0 ? static_cast<double>(st.st_size) / (1 << 20) : 0;
  std::fprintf(stderr,
               "cordon: snapshot %s: %zu entities from %s, %.0f MB; lists loaded and indexed in %.2f s, "
               "saved in %.2f s\n",
               out.c_str(), engine.value()->Entities().size(), ListsDir(args.value()).c_str(), mb, built,
               saved);
  PrintSources(*engine.value());
  return kExitOk;
}

// index check [--snapshot FILE] [--lists DIR]
int RunIndexCheck(int argc, char** argv) {
  FlagSpec spec;
  spec.with_value = {"lists", "snapshot"};
  Result<CliArgs> args = CliArgs::Parse(argc, argv, 3, spec);
  if (!args.ok()) return ReportError(args.status());
  if (!args->positionals().empty())
    return ReportError(Status::InvalidArgument("index check takes no arguments"));
  const std::string snapshot = SnapshotPath(args.value());
  if (snapshot.empty()) {
    return ReportError(Status::InvalidArgument("index check needs --snapshot FILE (or $CORDON_SNAPSHOT)",
                                               {"", 0, "snapshot"}));
  }
  // Always compared with a lists folder: the one given, else the bundled one.
  SnapshotOptions options;
  options.lists_dir = ListsDir(args.value());
  auto start = std::chrono::steady_clock::now();
  Result<std::unique_ptr<Engine>> engine = Engine::OpenSnapshot(snapshot, options);
  if (!engine.ok()) {
    const Status& s = engine.status();
    if (s.code() != StatusCode::kDataError) return ReportError(s);
    return ReportError(Status::DataError(s.message() + "; " + RebuildHint(args.value()), s.location()));
  }
  std::fprintf(stderr, "cordon: snapshot %s is current for %s: %zu entities, opened and checked in %.2f s\n",
               snapshot.c_str(), options.lists_dir.c_str(), engine.value()->Entities().size(),
               SecondsSince(start));
  PrintSources(*engine.value());
  return kExitOk;
}

}  // namespace

int RunIndex(int argc, char** argv) {
  std::string sub = argc > 2 ? argv[2] : "";
  if (sub == "build") return RunIndexBuild(argc, argv);
  if (sub == "check") return RunIndexCheck(argc, argv);
  return ReportError(
      Status::InvalidArgument("usage: cordon index build [--lists DIR] [--strict] --out FILE | "
                              "cordon index check --snapshot FILE [--lists DIR]"));
}

}  // namespace cordon
