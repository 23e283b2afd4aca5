// cordon: screen names against sanctions lists. Flags -> public API -> output.
#include <cstdio>
#include <cstring>
#include <string>

#include "cli_common.h"
#include "commands.h"

namespace {

const char kUsage[] =
    "usage: cordon <command> [flags]\n"
    "\n"
    "commands:\n"
    "  lists [--json]                         sources loaded: entities, names, as-of date, skipped records\n"
    "  screen [flags] NAME                    ranked, explained matches for one name\n"
    "      --json  --type person|organization|vessel|aircraft|any  --dob DATE  --country CC\n"
    "      --id NUMBER (repeatable)  --source S (repeatable)  --limit N (10)  --threshold T (0.80)\n"
    "      --weight KEY=VALUE (repeatable: birth_date_match, birth_date_far, country_mismatch, ...)\n"
    "      --algorithm cordon|ofac (ofac: mirror of the US Treasury Sanctions List Search score)\n"
    "  screen-file --in FILE.csv --out FILE.jsonl [--threads N] [--source S]... [--limit N] [--threshold T]\n"
    "      input CSV header: id,name[,type][,dob][,country]; one JSON line per row with matches\n"
    "\n"
    "common flags:\n"
    "  --lists DIR   folder of list sources (default: $CORDON_LISTS, else the bundled data/lists)\n"
    "  --strict      fail when any list file is broken or any record is skipped\n"
    "\n"
    "exit codes: 0 ok (with or without matches), 1 bad usage or input, 2 lists or I/O unusable\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "help") == 0 || std::strcmp(argv[1], "--help") == 0 ||
      std::strcmp(argv[1], "-h") == 0) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? cordon::kExitBadInput : cordon::kExitOk;
  }
  std::string cmd = argv[1];
  if (cmd == "--version" || cmd == "version") {
    std::printf("cordon %s\n", CORDON_VERSION);
    return cordon::kExitOk;
  }
  if (cmd == "lists") return cordon::RunLists(argc, argv);
  if (cmd == "screen") return cordon::RunScreen(argc, argv);
  if (cmd == "screen-file") return cordon::RunScreenFile(argc, argv);
  std::fprintf(stderr, "cordon: error: unknown command '%s'\n\n%s", cmd.c_str(), kUsage);
  return cordon::kExitBadInput;
}
