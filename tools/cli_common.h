// What every CLI command shares: exit codes, opening the engine from flags,
// reading query options from flags.
#ifndef CORDON_TOOLS_CLI_COMMON_H_
#define CORDON_TOOLS_CLI_COMMON_H_

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "cli_args.h"
#include "cordon/engine.h"

namespace cordon {

// Exit codes (documented in README "Exit codes").
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;   // usage, query or input-file errors
inline constexpr int kExitDataError = 2;  // lists unusable, I/O failure

// Flags accepted by every command that loads lists: --lists DIR, --strict,
// --snapshot FILE.
void AddListFlags(FlagSpec* spec);

// --lists DIR, else $CORDON_LISTS, else "" (not given).
std::string ExplicitListsDir(const CliArgs& args);
// ExplicitListsDir(), else the bundled data/lists of the source tree.
std::string ListsDir(const CliArgs& args);
// --snapshot FILE, else $CORDON_SNAPSHOT, else "" (build from the lists).
std::string SnapshotPath(const CliArgs& args);

// Opens the engine. With a snapshot (SnapshotPath()), opens it instead of
// the lists; when a lists folder is also given (ExplicitListsDir()), the
// snapshot is first checked against it and refused if stale. Otherwise
// loads ListsDir(). --strict: any source that failed or skipped a record
// fails. Prints each source that failed to load to stderr as a warning.
// A snapshot error says how to rebuild it.
Result<std::unique_ptr<Engine>> OpenEngineFromArgs(const CliArgs& args);

// Loads and indexes ListsDir() (never a snapshot), --strict honoured;
// prints each source that failed to load to stderr as a warning.
Result<std::unique_ptr<Engine>> OpenListsFromArgs(const CliArgs& args);

// How to rebuild the snapshot these flags name (for messages).
std::string RebuildHint(const CliArgs& args);

// Parses --type; InvalidArgument for an unknown kind.
Result<EntityKind> ParseKind(const std::string& text);

// Reads --threshold, --limit (default `default_limit`) and --source, the
// flags every screening command shares, into *options. InvalidArgument
// names the flag at fault.
Status ParseMatchFlags(const CliArgs& args, int default_limit, ScreenOptions* options);

// ParseMatchFlags() with a limit of 10, then --algorithm and --weight.
Status ParseScreenOptions(const CliArgs& args, ScreenOptions* options);

// Applies --weight KEY=VALUE flags (KEY: birth_date_match, birth_date_near,
// birth_date_one_year, birth_date_far, country_match, country_mismatch,
// identifier_floor, legal_form_mismatch). InvalidArgument names an unknown key or a bad value.
Status ParseWeights(const std::vector<std::string>& specs, EvidenceWeights* weights);

// Closes the FILE a std::unique_ptr<FILE, FileCloser> owns (output files).
struct FileCloser {
  void operator()(FILE* f) const {
    if (f != nullptr) std::fclose(f);
  }
};

// A CSV header cell as the column name commands compare it with: ASCII
// letters lower-cased ("Name" -> "name").
std::string ColumnName(std::string_view header_cell);

// Prints "cordon: <status>" to stderr and returns the exit code for it.
int ReportError(const Status& status);

}  // namespace cordon

#endif  // CORDON_TOOLS_CLI_COMMON_H_
