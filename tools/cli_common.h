// What every CLI command shares: exit codes, opening the engine from flags,
// reading query options from flags.
#ifndef CORDON_TOOLS_CLI_COMMON_H_
#define CORDON_TOOLS_CLI_COMMON_H_

#include <memory>
#include <string>

#include "cli_args.h"
#include "cordon/engine.h"

namespace cordon {

// Exit codes (documented in README "Exit codes").
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;  // usage, query or input-file errors
inline constexpr int kExitDataError = 2;  // lists unusable, I/O failure

// Flags accepted by every command that loads lists.
void AddListFlags(FlagSpec* spec);

// Opens the engine with --lists DIR (default: $CORDON_LISTS, else the
// bundled data/lists of the source tree) and --strict. Prints each source
// that failed to load to stderr as a warning.
Result<std::unique_ptr<Engine>> OpenEngineFromArgs(const CliArgs& args);

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

// Prints "cordon: <status>" to stderr and returns the exit code for it.
int ReportError(const Status& status);

}  // namespace cordon

#endif  // CORDON_TOOLS_CLI_COMMON_H_
