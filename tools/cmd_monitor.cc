// `cordon customers import FILE [--replace]`, `cordon customers remove ID...`
// and `cordon monitor`: the customer base in the monitoring store and
// re-screening it.
#include <cstdio>
#include <thread>

#include "base/json_writer.h"
#include "cli_common.h"
#include "commands.h"
#include "cordon/monitor.h"
#include "store_cli.h"

namespace cordon {
namespace {

constexpr size_t kMaxErrorsShown = 100;

int RunCustomersImport(int argc, char** argv) {
  FlagSpec spec;
  AddStoreFlags(&spec);
  spec.switches = {"json", "replace"};
  Result<CliArgs> args = CliArgs::Parse(argc, argv, 3, spec);
  if (!args.ok()) return ReportStoreError(args.status());
  Status s = ExpectPositionals(args.value(), 1, "cordon customers import FILE.csv [--replace] [--db PATH]");
  if (!s.ok()) return ReportStoreError(s);
  const std::string path = args->positionals()[0];
  Result<std::unique_ptr<Store>> store = OpenStoreFromArgs(args.value(), true);
  if (!store.ok()) return ReportStoreError(store.status());
  CustomerImportOptions options;
  options.replace = args->Has("replace");
  Result<CustomerImportReport> r = store.value()->ImportCustomers(path, options);
  if (!r.ok()) {
    // A missing or malformed input file is the user's input.
    if (r.status().code() == StatusCode::kNotFound || r.status().code() == StatusCode::kDataError) {
      std::fprintf(stderr, "cordon: error: %s\n", r.status().ToString().c_str());
      return kExitBadInput;
    }
    return ReportStoreError(r.status());
  }
  if (!r->committed) {
    for (size_t i = 0; i < r->errors.size() && i < kMaxErrorsShown; ++i) {
      std::fprintf(stderr, "cordon: error: %s\n", r->errors[i].ToString().c_str());
    }
    if (r->errors.size() > kMaxErrorsShown) {
      std::fprintf(stderr, "cordon: error: ... and %zu more invalid rows\n",
                   r->errors.size() - kMaxErrorsShown);
    }
    std::fprintf(stderr,
                 "cordon: error: %s: %zu invalid row(s); nothing was imported (fix them and import again)\n",
                 path.c_str(), r->errors.size());
    return kExitBadInput;
  }
  if (args->Has("json")) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("file");
    w.String(r->file);
    w.Key("file_sha256");
    w.String(r->file_hash);
    w.Key("import_seq");
    w.Int(r->import_seq);
    w.Key("rows");
    w.Int(r->rows);
    w.Key("added");
    w.Int(r->added);
    w.Key("updated");
    w.Int(r->updated);
    w.Key("unchanged");
    w.Int(r->unchanged);
    w.Key("restored");
    w.Int(r->restored);
    w.Key("replace");
    w.Bool(options.replace);
    w.Key("removed");
    w.Int(r->removed);
    w.Key("alerts_closed");
    w.Int(r->alerts_closed);
    w.EndObject();
    std::printf("%s\n", out.c_str());
  } else {
    std::printf(
        "imported %s (import %lld, sha256 %s): %lld rows, %lld added, %lld updated, %lld unchanged, "
        "%lld restored\n",
        path.c_str(), static_cast<long long>(r->import_seq), r->file_hash.substr(0, 16).c_str(),
        static_cast<long long>(r->rows), static_cast<long long>(r->added), static_cast<long long>(r->updated),
        static_cast<long long>(r->unchanged), static_cast<long long>(r->restored));
    if (options.replace) {
      std::printf("off-boarded %lld customer(s) absent from the file; %lld open alert(s) closed\n",
                  static_cast<long long>(r->removed), static_cast<long long>(r->alerts_closed));
    }
  }
  return kExitOk;
}

int RunCustomersRemove(int argc, char** argv) {
  FlagSpec spec;
  AddStoreFlags(&spec);
  spec.with_value.insert("reason");
  spec.switches = {"json"};
  Result<CliArgs> args = CliArgs::Parse(argc, argv, 3, spec);
  if (!args.ok()) return ReportStoreError(args.status());
  if (args->positionals().empty()) {
    return ReportStoreError(
        Status::InvalidArgument("usage: cordon customers remove ID... --reason TEXT [--actor WHO] [--json]"));
  }
  CustomerRemoval removal;
  removal.ids = args->positionals();
  removal.reason = args->Get("reason");
  Result<std::unique_ptr<Store>> store = OpenStoreFromArgs(args.value(), false);
  if (!store.ok()) return ReportStoreError(store.status());
  Result<CustomerRemovalReport> r = store.value()->RemoveCustomers(removal);
  if (!r.ok()) return ReportStoreError(r.status());
  if (args->Has("json")) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("removed");
    w.Int(r->removed);
    w.Key("already_removed");
    w.StringArray(r->already_removed);
    w.Key("alerts_closed");
    w.Int(r->alerts_closed);
    w.EndObject();
    std::printf("%s\n", out.c_str());
  } else {
    std::printf("off-boarded %lld customer(s); %lld open alert(s) closed\n",
                static_cast<long long>(r->removed), static_cast<long long>(r->alerts_closed));
    for (const std::string& id : r->already_removed) std::printf("%s was already off-boarded\n", id.c_str());
  }
  return kExitOk;
}

}  // namespace

int RunCustomers(int argc, char** argv) {
  std::string sub = argc > 2 ? argv[2] : "";
  if (sub == "import") return RunCustomersImport(argc, argv);
  if (sub == "remove") return RunCustomersRemove(argc, argv);
  return ReportStoreError(Status::InvalidArgument(
      "usage: cordon customers import FILE.csv [--replace] | cordon customers remove ID... --reason TEXT"));
}

int RunMonitorCommand(int argc, char** argv) {
  FlagSpec spec;
  AddStoreFlags(&spec);
  spec.with_value.insert({"threads", "threshold", "limit", "weight"});
  spec.switches = {"full", "json", kNoEngineCacheFlag};
  Result<CliArgs> args = CliArgs::Parse(argc, argv, 2, spec);
  if (!args.ok()) return ReportStoreError(args.status());
  Status s = ExpectPositionals(
      args.value(), 0, "cordon monitor [--full] [--threads N] [--threshold T] [--no-engine-cache] [--json]");
  if (!s.ok()) return ReportStoreError(s);
  MonitorOptions options;
  s = ParseScreenOptions(args.value(), &options.screen);
  if (!s.ok()) return ReportStoreError(s);
  unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  Result<int> threads = args->GetInt("threads", static_cast<int>(hw), 1, 256);
  if (!threads.ok()) return ReportStoreError(threads.status());
  options.threads = threads.value();
  options.full = args->Has("full");
  options.engine_cache = !args->Has(kNoEngineCacheFlag);
  Result<std::unique_ptr<Store>> store = OpenStoreFromArgs(args.value(), false);
  if (!store.ok()) return ReportStoreError(store.status());
  Result<MonitorReport> r = RunMonitor(store.value().get(), options);
  if (!r.ok()) return ReportStoreError(r.status());
  const MonitorReport& m = r.value();
  for (const auto& e : m.error_samples)
    std::fprintf(stderr, "cordon: warning: not screened: %s\n", e.c_str());
  if (args->Has("json")) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("run_id");
    w.Int(m.run_id);
    w.Key("full");
    w.Bool(m.full);
    w.Key("versions");
    w.BeginArray();
    for (const auto& v : m.versions) {
      w.BeginObject();
      w.Key("source");
      w.String(v.source);
      w.Key("version_id");
      w.Int(v.id);
      w.Key("as_of");
      w.String(v.as_of);
      w.Key("content_hash");
      w.String(v.content_hash);
      w.EndObject();
    }
    w.EndArray();
    for (auto [key, value] :
         std::initializer_list<std::pair<const char*, int64_t>>{{"customers_total", m.customers_total},
                                                                {"customers_screened", m.customers_screened},
                                                                {"entities_changed", m.entities_changed},
                                                                {"entities_removed", m.entities_removed},
                                                                {"candidates", m.candidates},
                                                                {"hits", m.hits},
                                                                {"alerts_raised", m.alerts_raised},
                                                                {"alerts_reopened", m.alerts_reopened},
                                                                {"alerts_updated", m.alerts_updated},
                                                                {"suppressed", m.suppressed},
                                                                {"alerts_closed", m.alerts_closed},
                                                                {"customer_errors", m.customer_errors}}) {
      w.Key(key);
      w.Int(value);
    }
    w.Key("seconds");
    w.Number(m.seconds);
    for (auto [key, value] :
         std::initializer_list<std::pair<const char*, double>>{{"read_seconds", m.read_seconds},
                                                               {"engine_seconds", m.engine_seconds},
                                                               {"screen_seconds", m.screen_seconds},
                                                               {"write_seconds", m.write_seconds}}) {
      w.Key(key);
      w.Number(value);
    }
    WriteEngineCacheJson(m.engine_cache, &w);
    w.EndObject();
    std::printf("%s\n", out.c_str());
  } else {
    std::printf(
        "monitor run %lld (%s): %lld customers, %lld screened against all lists, %lld listed entities "
        "changed (%lld removed), %lld candidate pairs from the customer index\n",
        static_cast<long long>(m.run_id), m.full ? "full" : "delta",
        static_cast<long long>(m.customers_total), static_cast<long long>(m.customers_screened),
        static_cast<long long>(m.entities_changed), static_cast<long long>(m.entities_removed),
        static_cast<long long>(m.candidates));
    std::printf(
        "hits: %lld; alerts raised %lld, re-opened %lld, updated %lld, suppressed by decisions %lld, "
        "closed (entity delisted) %lld; %.2f s\n",
        static_cast<long long>(m.hits), static_cast<long long>(m.alerts_raised),
        static_cast<long long>(m.alerts_reopened), static_cast<long long>(m.alerts_updated),
        static_cast<long long>(m.suppressed), static_cast<long long>(m.alerts_closed), m.seconds);
    for (const auto& v : m.versions) {
      std::printf("  %-18s version %lld as of %s (%s)\n", v.source.c_str(), static_cast<long long>(v.id),
                  v.as_of.c_str(), v.content_hash.c_str());
    }
    if (m.engine_cache.status != EngineCacheStatus::kUnused) {
      std::printf("%s\n", EngineCacheLine(m.engine_cache).c_str());
    }
    if (m.customer_errors > 0) {
      std::printf("%lld customer(s) could not be screened (see warnings)\n",
                  static_cast<long long>(m.customer_errors));
    }
  }
  return m.customer_errors > 0 ? kExitBadInput : kExitOk;
}

}  // namespace cordon
