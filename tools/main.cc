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
    "  serve [--host 127.0.0.1] [--port 8000] [--threads N] [--access-log -|off|FILE] [--admin-token-file "
    "F]\n"
    "      HTTP service, yente-compatible POST /match/{dataset} (docs/server.md); SIGHUP reloads the lists\n"
    "  screen-text [--json] [--lang auto|xx] [--source S]... [--limit N] [--threshold T] FILE|-\n"
    "      listed parties and sanctioned places mentioned in UTF-8 prose (any language), with offsets\n"
    "  screen-payment [--json] [--format auto|pacs008|mt103] [--source S]... [--threshold T] FILE|-\n"
    "      every party, place and free-text field of pacs.008 / MT103 messages; exit 1 if any is malformed\n"
    "  index build [--lists DIR] [--population FILE|none] [--strict] --out FILE\n"
    "      load and index the lists once, save them as a snapshot that opens in well under a second\n"
    "  index check --snapshot FILE [--lists DIR]   exit 0 if the snapshot is current for the lists, else 2\n"
    "  population count --in CUSTOMERS.csv[.gz] --out TABLE.tsv [--min-count N]\n"
    "      count the name words of a customer file into a table for --population (words under N names, "
    "default 5, left out)\n"
    "\n"
    "monitoring store (--db PATH, default $CORDON_DB, else ./cordon.db; --actor WHO):\n"
    "  lists import [DIR] [--source S]... [--json]   store a new version of every changed source\n"
    "  lists versions [--source S] [--json]          stored versions\n"
    "  lists diff [--source S] [V1 V2] [--json]      added/removed/modified entities (ids, previous, "
    "latest)\n"
    "  customers import FILE.csv [--json]            store new and changed customers (screen-file columns)\n"
    "  monitor [--full] [--threads N] [--threshold T] [--json]\n"
    "      changed customers vs all lists, all customers vs changed listed entities; raises alerts\n"
    "  alerts list [--status open|true_match|false_positive] [--customer ID] [--json]\n"
    "  alerts show ID [--json]\n"
    "  alerts decide ID --decision true_match|false_positive --by WHO --reason TEXT\n"
    "  audit verify [--json]                          recompute the audit hash chain (exit 4 if broken)\n"
    "  audit export [--from DATE] [--to DATE] [--format json|csv] [--out FILE]\n"
    "\n"
    "common flags:\n"
    "  --lists DIR   folder of list sources (default: $CORDON_LISTS, else the bundled data/lists)\n"
    "  --strict      fail when any list file is broken or any record is skipped\n"
    "  --population FILE|none  general-population name frequencies that lower common words' weights\n"
    "                (default: $CORDON_POPULATION, else the built-in US Census 1990 name table)\n"
    "  --snapshot FILE  open this index snapshot instead of loading the lists (default: $CORDON_SNAPSHOT);\n"
    "                   with --lists DIR or $CORDON_LISTS too, a snapshot older than the lists is refused\n"
    "\n"
    "exit codes: 0 ok (with or without matches), 1 bad usage or input, 2 lists or I/O unusable,\n"
    "            3 store busy (another process is writing), 4 audit chain broken\n";

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
  if (cmd == "lists" && argc > 2 &&
      (std::strcmp(argv[2], "import") == 0 || std::strcmp(argv[2], "versions") == 0 ||
       std::strcmp(argv[2], "diff") == 0)) {
    return cordon::RunListsStore(argc, argv);
  }
  if (cmd == "lists") return cordon::RunLists(argc, argv);
  if (cmd == "customers") return cordon::RunCustomers(argc, argv);
  if (cmd == "monitor") return cordon::RunMonitorCommand(argc, argv);
  if (cmd == "alerts") return cordon::RunAlerts(argc, argv);
  if (cmd == "audit") return cordon::RunAudit(argc, argv);
  if (cmd == "screen") return cordon::RunScreen(argc, argv);
  if (cmd == "screen-file") return cordon::RunScreenFile(argc, argv);
  if (cmd == "serve") return cordon::RunServe(argc, argv);
  if (cmd == "screen-text") return cordon::RunScreenText(argc, argv);
  if (cmd == "screen-payment") return cordon::RunScreenPayment(argc, argv);
  if (cmd == "index") return cordon::RunIndex(argc, argv);
  if (cmd == "population") return cordon::RunPopulation(argc, argv);
  std::fprintf(stderr, "cordon: error: unknown command '%s'\n\n%s", cmd.c_str(), kUsage);
  return cordon::kExitBadInput;
}
