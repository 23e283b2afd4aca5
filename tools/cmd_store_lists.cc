// `cordon lists import|versions|diff`: list versions in the monitoring store.
// (`cordon lists [--json]` without a subcommand is cmd_lists.cc.)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "base/json_writer.h"
#include "cli_common.h"
#include "commands.h"
#include "cordon/monitor.h"
#include "store_cli.h"

namespace cordon {
namespace {

void WriteVersionJson(const StoredListVersion& v, JsonWriter* w) {
  w->BeginObject();
  w->Key("id");
  w->Int(v.id);
  w->Key("source");
  w->String(v.source);
  w->Key("format");
  w->String(v.format);
  w->Key("as_of");
  w->String(v.as_of);
  w->Key("imported_at");
  w->String(v.imported_at);
  w->Key("entities");
  w->Int(v.entities);
  w->Key("skipped");
  w->Int(v.skipped);
  w->Key("content_hash");
  w->String(v.content_hash);
  w->Key("set_hash");
  w->String(v.set_hash);
  w->EndObject();
}

void WriteChanges(const char* key, const std::vector<EntityChange>& changes, JsonWriter* w) {
  w->Key(key);
  w->BeginArray();
  for (const EntityChange& c : changes) {
    w->BeginObject();
    w->Key("source_id");
    w->String(c.source_id);
    w->Key("name");
    w->String(c.name);
    w->Key("schema");
    w->String(c.schema);
    if (!c.fields.empty()) {
      w->Key("fields");
      w->StringArray(c.fields);
    }
    w->EndObject();
  }
  w->EndArray();
}

int RunImport(int argc, char** argv) {
  FlagSpec spec;
  AddStoreFlags(&spec);
  spec.with_value.insert("source");
  spec.switches = {"strict", "json", kNoEngineCacheFlag};
  Result<CliArgs> args = CliArgs::Parse(argc, argv, 3, spec);
  if (!args.ok()) return ReportStoreError(args.status());
  if (args->positionals().size() > 1) {
    return ReportStoreError(Status::InvalidArgument(
        "usage: cordon lists import [DIR] [--source S]... [--strict] [--no-engine-cache] [--json]"));
  }
  const char* env = std::getenv("CORDON_LISTS");
  LoadOptions load;
  load.lists_dir = !args->positionals().empty()       ? args->positionals()[0]
                   : (env != nullptr && *env != '\0') ? env
                                                      : CORDON_DEFAULT_LISTS_DIR;
  load.sources = args->GetAll("source");
  load.strict = args->Has("strict");
  Result<std::unique_ptr<Store>> store = OpenStoreFromArgs(args.value(), true);
  if (!store.ok()) return ReportStoreError(store.status());
  Result<ListImportReport> r = store.value()->ImportLists(load);
  if (!r.ok()) return ReportStoreError(r.status());
  for (const SourceInfo& f : r->failed) {
    std::fprintf(stderr, "cordon: warning: source %s not imported: %s\n", f.id.c_str(),
                 f.status.ToString().c_str());
  }
  // The versions are committed. Ready the monitor's engine over the latest
  // versions now, so that the monitor run that follows an import (the one
  // that must be fast: a list changed) opens it instead of building it. Not
  // getting there is a warning: the import stands, the monitor builds.
  Result<EngineCacheReport> cache = Status::Internal("engine cache not prepared");
  const bool prepare = !args->Has(kNoEngineCacheFlag);
  if (prepare) {
    cache =
        PrepareEngineCache(store.value().get(),
                           {.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))});
    if (!cache.ok()) {
      std::fprintf(stderr, "cordon: warning: the monitor's engine cache was not prepared: %s\n",
                   cache.status().ToString().c_str());
    }
  }
  const bool cache_ready = prepare && cache.ok();
  if (args->Has("json")) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("created");
    w.BeginArray();
    for (const auto& v : r->created) WriteVersionJson(v, &w);
    w.EndArray();
    w.Key("unchanged");
    w.BeginArray();
    for (const auto& v : r->unchanged) WriteVersionJson(v, &w);
    w.EndArray();
    w.Key("failed");
    w.BeginArray();
    for (const auto& f : r->failed) {
      w.BeginObject();
      w.Key("source");
      w.String(f.id);
      w.Key("error");
      w.String(f.status.ToString());
      w.EndObject();
    }
    w.EndArray();
    if (cache_ready) WriteEngineCacheJson(cache.value(), &w);
    w.EndObject();
    std::printf("%s\n", out.c_str());
    return kExitOk;
  }
  for (const auto& v : r->created) {
    std::printf("stored   %-18s version %-5lld as of %-10s %7lld entities  content %s\n", v.source.c_str(),
                static_cast<long long>(v.id), v.as_of.c_str(), static_cast<long long>(v.entities),
                v.content_hash.c_str());
  }
  for (const auto& v : r->unchanged) {
    std::printf("same     %-18s version %-5lld (no entity changed since that version)\n", v.source.c_str(),
                static_cast<long long>(v.id));
  }
  if (cache_ready && cache->status == EngineCacheStatus::kUnused) {
    std::printf(
        "engine cache: not prepared (no monitor run yet; the first one screens everyone and saves it)\n");
  } else if (cache_ready) {
    std::printf("%s\n", EngineCacheLine(cache.value()).c_str());
  }
  return kExitOk;
}

int RunVersions(int argc, char** argv) {
  FlagSpec spec;
  AddStoreFlags(&spec);
  spec.with_value.insert("source");
  spec.switches = {"json"};
  Result<CliArgs> args = CliArgs::Parse(argc, argv, 3, spec);
  if (!args.ok()) return ReportStoreError(args.status());
  Status s = ExpectPositionals(args.value(), 0, "cordon lists versions [--source S] [--json]");
  if (!s.ok()) return ReportStoreError(s);
  Result<std::unique_ptr<Store>> store = OpenStoreFromArgs(args.value(), false);
  if (!store.ok()) return ReportStoreError(store.status());
  Result<std::vector<StoredListVersion>> versions = store.value()->Versions(args->Get("source"));
  if (!versions.ok()) return ReportStoreError(versions.status());
  if (args->Has("json")) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("versions");
    w.BeginArray();
    for (const auto& v : versions.value()) WriteVersionJson(v, &w);
    w.EndArray();
    w.EndObject();
    std::printf("%s\n", out.c_str());
    return kExitOk;
  }
  std::printf("%-7s %-18s %-10s %-20s %9s %s\n", "VERSION", "SOURCE", "AS OF", "IMPORTED (UTC)", "ENTITIES",
              "CONTENT HASH");
  for (const auto& v : versions.value()) {
    std::printf("%-7lld %-18s %-10s %-20s %9lld %s\n", static_cast<long long>(v.id), v.source.c_str(),
                v.as_of.c_str(), v.imported_at.c_str(), static_cast<long long>(v.entities),
                v.content_hash.c_str());
  }
  return kExitOk;
}

int RunDiff(int argc, char** argv) {
  FlagSpec spec;
  AddStoreFlags(&spec);
  spec.with_value.insert("source");
  spec.switches = {"json"};
  Result<CliArgs> args = CliArgs::Parse(argc, argv, 3, spec);
  if (!args.ok()) return ReportStoreError(args.status());
  const auto& pos = args->positionals();
  if (pos.size() != 0 && pos.size() != 2) {
    return ReportStoreError(Status::InvalidArgument(
        "usage: cordon lists diff [--source S] [V1 V2] [--json] (version ids, 'previous' or 'latest')"));
  }
  DiffRequest req;
  req.source = args->Get("source");
  if (pos.size() == 2) {
    req.from = pos[0];
    req.to = pos[1];
  }
  Result<std::unique_ptr<Store>> store = OpenStoreFromArgs(args.value(), false);
  if (!store.ok()) return ReportStoreError(store.status());
  Result<std::vector<ListDiff>> diffs = store.value()->Diff(req);
  if (!diffs.ok()) return ReportStoreError(diffs.status());
  if (args->Has("json")) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("diffs");
    w.BeginArray();
    for (const ListDiff& d : diffs.value()) {
      w.BeginObject();
      w.Key("source");
      w.String(d.to.source);
      w.Key("from");
      WriteVersionJson(d.from, &w);
      w.Key("to");
      WriteVersionJson(d.to, &w);
      WriteChanges("added", d.added, &w);
      WriteChanges("removed", d.removed, &w);
      WriteChanges("modified", d.modified, &w);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    std::printf("%s\n", out.c_str());
    return kExitOk;
  }
  for (const ListDiff& d : diffs.value()) {
    std::printf(
        "%s: version %lld (as of %s) -> version %lld (as of %s): %zu added, %zu removed, %zu modified\n",
        d.to.source.c_str(), static_cast<long long>(d.from.id), d.from.as_of.c_str(),
        static_cast<long long>(d.to.id), d.to.as_of.c_str(), d.added.size(), d.removed.size(),
        d.modified.size());
    for (const auto& c : d.added)
      std::printf("+ %-10s %s [%s]\n", c.source_id.c_str(), c.name.c_str(), c.schema.c_str());
    for (const auto& c : d.removed)
      std::printf("- %-10s %s [%s]\n", c.source_id.c_str(), c.name.c_str(), c.schema.c_str());
    for (const auto& c : d.modified) {
      std::string fields;
      for (const auto& f : c.fields) fields += (fields.empty() ? "" : ", ") + f;
      std::printf("~ %-10s %s [%s]: %s\n", c.source_id.c_str(), c.name.c_str(), c.schema.c_str(),
                  fields.c_str());
    }
  }
  return kExitOk;
}

}  // namespace

int RunListsStore(int argc, char** argv) {
  std::string sub = argv[2];
  if (sub == "import") return RunImport(argc, argv);
  if (sub == "versions") return RunVersions(argc, argv);
  if (sub == "diff") return RunDiff(argc, argv);
  return ReportStoreError(Status::InvalidArgument("unknown lists subcommand '" + sub + "'"));
}

}  // namespace cordon
