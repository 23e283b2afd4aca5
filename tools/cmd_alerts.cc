// `cordon alerts list|show|decide` and `cordon audit verify|export`.
#include <cctype>
#include <cstdio>
#include <memory>

#include "base/json_writer.h"
#include "cli_common.h"
#include "commands.h"
#include "store_cli.h"

namespace cordon {
namespace {

void WriteAlertJson(const Alert& a, bool full, JsonWriter* w) {
  w->BeginObject();
  auto str = [&](const char* k, const std::string& v) {
    w->Key(k);
    w->String(v);
  };
  str("id", a.id);
  str("status", a.status);
  str("customer_id", a.customer_id);
  str("customer_name", a.customer_name);
  str("source", a.source);
  str("source_id", a.source_id);
  str("listed_name", a.listed_name);
  str("matched_name", a.matched_name);
  w->Key("score");
  w->Number(a.score);
  str("strength", a.strength);
  w->Key("list_version_id");
  w->Int(a.list_version_id);
  str("list_version", a.list_version);
  str("list_as_of", a.list_as_of);
  str("summary", a.summary);
  str("reason", a.reason);
  str("created_at", a.created_at);
  str("updated_at", a.updated_at);
  w->Key("run_id");
  w->Int(a.run_id);
  if (!a.decided_by.empty()) {
    str("decided_by", a.decided_by);
    str("decided_at", a.decided_at);
    str("decision_reason", a.decision_reason);
  }
  if (!a.closed_at.empty()) {
    str("closed_at", a.closed_at);
    str("closed_reason", a.closed_reason);
  }
  if (full) {
    str("customer_hash", a.customer_hash);
    str("entity_hash", a.entity_hash);
    w->Key("explanation");
    w->RawValue(a.explanation_json);
  }
  w->EndObject();
}

int RunAlertsList(int argc, char** argv) {
  FlagSpec spec;
  AddStoreFlags(&spec);
  spec.with_value.insert({"status", "customer", "limit"});
  spec.switches = {"json"};
  Result<CliArgs> args = CliArgs::Parse(argc, argv, 3, spec);
  if (!args.ok()) return ReportStoreError(args.status());
  Status s = ExpectPositionals(
      args.value(), 0, "cordon alerts list [--status open|closed|true_match|false_positive] [--json]");
  if (!s.ok()) return ReportStoreError(s);
  AlertFilter filter;
  filter.status = args->Get("status");
  if (!filter.status.empty() && filter.status != kAlertOpen && filter.status != kAlertClosed &&
      filter.status != kDecisionTrueMatch && filter.status != kDecisionFalsePositive) {
    return ReportStoreError(Status::InvalidArgument(
        "unknown --status '" + filter.status + "' (open|closed|true_match|false_positive)",
        {"", 0, "status"}));
  }
  filter.customer_id = args->Get("customer");
  Result<int> limit = args->GetInt("limit", 0, 0, 100000000);
  if (!limit.ok()) return ReportStoreError(limit.status());
  filter.limit = limit.value();
  Result<std::unique_ptr<Store>> store = OpenStoreFromArgs(args.value(), false);
  if (!store.ok()) return ReportStoreError(store.status());
  Result<std::vector<Alert>> alerts = store.value()->Alerts(filter);
  if (!alerts.ok()) return ReportStoreError(alerts.status());
  if (args->Has("json")) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("alerts");
    w.BeginArray();
    for (const Alert& a : alerts.value()) WriteAlertJson(a, false, &w);
    w.EndArray();
    w.EndObject();
    std::printf("%s\n", out.c_str());
    return kExitOk;
  }
  std::printf("%-16s %-14s %-10s %-28s %-12s %-10s %-28s %5s %s\n", "ALERT", "STATUS", "CUSTOMER",
              "CUSTOMER NAME", "SOURCE", "SOURCE ID", "LISTED NAME", "SCORE", "VERSION");
  for (const Alert& a : alerts.value()) {
    std::printf("%-16s %-14s %-10s %-28.28s %-12s %-10s %-28.28s %5.2f %lld\n", a.id.c_str(),
                a.status.c_str(), a.customer_id.c_str(), a.customer_name.c_str(), a.source.c_str(),
                a.source_id.c_str(), a.listed_name.c_str(), a.score,
                static_cast<long long>(a.list_version_id));
  }
  std::printf("%zu alert(s)\n", alerts->size());
  return kExitOk;
}

int RunAlertsShow(int argc, char** argv) {
  FlagSpec spec;
  AddStoreFlags(&spec);
  spec.switches = {"json"};
  Result<CliArgs> args = CliArgs::Parse(argc, argv, 3, spec);
  if (!args.ok()) return ReportStoreError(args.status());
  Status s = ExpectPositionals(args.value(), 1, "cordon alerts show ID [--json]");
  if (!s.ok()) return ReportStoreError(s);
  Result<std::unique_ptr<Store>> store = OpenStoreFromArgs(args.value(), false);
  if (!store.ok()) return ReportStoreError(store.status());
  Result<Alert> a = store.value()->GetAlert(args->positionals()[0]);
  if (!a.ok()) return ReportStoreError(a.status());
  if (args->Has("json")) {
    std::string out;
    JsonWriter w(&out);
    WriteAlertJson(a.value(), true, &w);
    std::printf("%s\n", out.c_str());
    return kExitOk;
  }
  const Alert& x = a.value();
  std::printf("alert      %s (%s)\n", x.id.c_str(), x.status.c_str());
  std::printf("customer   %s  %s\n", x.customer_id.c_str(), x.customer_name.c_str());
  std::printf("listed     %s %s  %s (matched name: %s)\n", x.source.c_str(), x.source_id.c_str(),
              x.listed_name.c_str(), x.matched_name.c_str());
  std::printf("score      %.2f (%s)\n", x.score, x.strength.c_str());
  std::printf("why        %s\n", x.summary.c_str());
  std::printf("list       version %lld, as of %s, content %s\n", static_cast<long long>(x.list_version_id),
              x.list_as_of.c_str(), x.list_version.c_str());
  std::printf("raised     %s (run %lld): %s\n", x.created_at.c_str(), static_cast<long long>(x.run_id),
              x.reason.c_str());
  if (!x.decided_by.empty()) {
    std::printf("decided    %s by %s at %s: %s\n", x.status.c_str(), x.decided_by.c_str(),
                x.decided_at.c_str(), x.decision_reason.c_str());
  }
  if (!x.closed_at.empty()) std::printf("closed     %s: %s\n", x.closed_at.c_str(), x.closed_reason.c_str());
  std::printf("records    customer %s, listed %s\n", x.customer_hash.substr(0, 16).c_str(),
              x.entity_hash.substr(0, 16).c_str());
  std::printf("explanation %s\n", x.explanation_json.c_str());
  return kExitOk;
}

int RunAlertsDecide(int argc, char** argv) {
  FlagSpec spec;
  AddStoreFlags(&spec);
  spec.with_value.insert({"decision", "by", "reason"});
  Result<CliArgs> args = CliArgs::Parse(argc, argv, 3, spec);
  if (!args.ok()) return ReportStoreError(args.status());
  Status s = ExpectPositionals(
      args.value(), 1, "cordon alerts decide ID --decision true_match|false_positive --by WHO --reason TEXT");
  if (!s.ok()) return ReportStoreError(s);
  Decision d{args->positionals()[0], args->Get("decision"), args->Get("by"), args->Get("reason")};
  Result<std::unique_ptr<Store>> store = OpenStoreFromArgs(args.value(), false);
  if (!store.ok()) return ReportStoreError(store.status());
  s = store.value()->Decide(d);
  if (!s.ok()) return ReportStoreError(s);
  std::printf("decided %s: %s by %s\n", d.alert_id.c_str(), d.decision.c_str(), d.by.c_str());
  return kExitOk;
}

int RunAuditVerify(int argc, char** argv) {
  FlagSpec spec;
  AddStoreFlags(&spec);
  spec.switches = {"json"};
  Result<CliArgs> args = CliArgs::Parse(argc, argv, 3, spec);
  if (!args.ok()) return ReportStoreError(args.status());
  Status s = ExpectPositionals(args.value(), 0, "cordon audit verify [--json]");
  if (!s.ok()) return ReportStoreError(s);
  Result<std::unique_ptr<Store>> store = OpenStoreFromArgs(args.value(), false);
  if (!store.ok()) return ReportStoreError(store.status());
  Result<AuditVerifyReport> r = store.value()->VerifyAudit();
  if (!r.ok()) return ReportStoreError(r.status());
  if (args->Has("json")) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("ok");
    w.Bool(r->ok);
    w.Key("entries");
    w.Int(r->entries);
    w.Key("head");
    w.String(r->head);
    if (!r->ok) {
      w.Key("first_bad");
      w.Int(r->first_bad);
      w.Key("problem");
      w.String(r->problem);
    }
    w.EndObject();
    std::printf("%s\n", out.c_str());
  } else if (r->ok) {
    std::printf("audit log OK: %lld entries, head %s\n", static_cast<long long>(r->entries), r->head.c_str());
  } else {
    std::printf("audit log BROKEN at entry %lld: %s\n", static_cast<long long>(r->first_bad),
                r->problem.c_str());
  }
  return r->ok ? kExitOk : kExitAuditBroken;
}

std::string CsvField(const std::string& v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

int RunAuditExport(int argc, char** argv) {
  FlagSpec spec;
  AddStoreFlags(&spec);
  spec.with_value.insert({"from", "to", "format", "out"});
  Result<CliArgs> args = CliArgs::Parse(argc, argv, 3, spec);
  if (!args.ok()) return ReportStoreError(args.status());
  Status s = ExpectPositionals(
      args.value(), 0, "cordon audit export [--from DATE] [--to DATE] [--format json|csv] [--out FILE]");
  if (!s.ok()) return ReportStoreError(s);
  std::string format = args->Get("format", "json");
  if (format != "json" && format != "csv") {
    return ReportStoreError(
        Status::InvalidArgument("unknown --format '" + format + "' (json|csv)", {"", 0, "format"}));
  }
  for (const char* flag : {"from", "to"}) {
    std::string v = args->Get(flag);
    bool ok = v.empty() || (v.size() >= 4 && v.size() <= 20);
    for (char c : v)
      ok =
          ok && (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == 'T' || c == ':' || c == 'Z');
    if (!ok) {
      return ReportStoreError(Status::InvalidArgument(std::string("--") + flag +
                                                          " must be an ISO date or time "
                                                          "(2026-11, 2026-11-25, 2026-11-25T10:00:00Z)",
                                                      {"", 0, flag}));
    }
  }
  Result<std::unique_ptr<Store>> store = OpenStoreFromArgs(args.value(), false);
  if (!store.ok()) return ReportStoreError(store.status());
  Result<std::vector<AuditEntry>> entries = store.value()->Audit(args->Get("from"), args->Get("to"));
  if (!entries.ok()) return ReportStoreError(entries.status());
  Result<AuditVerifyReport> verify = store.value()->VerifyAudit();
  if (!verify.ok()) return ReportStoreError(verify.status());
  std::string out;
  if (format == "csv") {
    out = "seq,time,actor,action,subject,details,prev_hash,hash\n";
    for (const AuditEntry& e : entries.value()) {
      out += std::to_string(e.seq) + "," + CsvField(e.time) + "," + CsvField(e.actor) + "," +
             CsvField(e.action) + "," + CsvField(e.subject) + "," + CsvField(e.details) + "," + e.prev_hash +
             "," + e.hash + "\n";
    }
  } else {
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("from");
    w.String(args->Get("from"));
    w.Key("to");
    w.String(args->Get("to"));
    w.Key("chain_verified");
    w.Bool(verify->ok);
    w.Key("chain_head");
    w.String(verify->head);
    w.Key("entries");
    w.BeginArray();
    for (const AuditEntry& e : entries.value()) {
      w.BeginObject();
      w.Key("seq");
      w.Int(e.seq);
      w.Key("time");
      w.String(e.time);
      w.Key("actor");
      w.String(e.actor);
      w.Key("action");
      w.String(e.action);
      w.Key("subject");
      w.String(e.subject);
      w.Key("details");
      w.RawValue(e.details);
      w.Key("prev_hash");
      w.String(e.prev_hash);
      w.Key("hash");
      w.String(e.hash);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    out += "\n";
  }
  std::string path = args->Get("out");
  if (path.empty()) {
    std::fwrite(out.data(), 1, out.size(), stdout);
  } else {
    std::unique_ptr<FILE, FileCloser> f(std::fopen(path.c_str(), "wb"));
    if (!f) return ReportStoreError(Status::IoError("cannot open output file for writing", {path}));
    if (std::fwrite(out.data(), 1, out.size(), f.get()) != out.size() || std::fflush(f.get()) != 0) {
      return ReportStoreError(Status::IoError("write failed (disk full?)", {path}));
    }
  }
  if (!verify->ok) {
    std::fprintf(stderr, "cordon: warning: the audit chain is broken at entry %lld: %s\n",
                 static_cast<long long>(verify->first_bad), verify->problem.c_str());
  }
  return kExitOk;
}

}  // namespace

int RunAlerts(int argc, char** argv) {
  std::string sub = argc > 2 ? argv[2] : "";
  if (sub == "list") return RunAlertsList(argc, argv);
  if (sub == "show") return RunAlertsShow(argc, argv);
  if (sub == "decide") return RunAlertsDecide(argc, argv);
  return ReportStoreError(Status::InvalidArgument("usage: cordon alerts list|show|decide ..."));
}

int RunAudit(int argc, char** argv) {
  std::string sub = argc > 2 ? argv[2] : "";
  if (sub == "verify") return RunAuditVerify(argc, argv);
  if (sub == "export") return RunAuditExport(argc, argv);
  return ReportStoreError(Status::InvalidArgument("usage: cordon audit verify|export ..."));
}

}  // namespace cordon
