// `cordon screen-payment [--json] FILE`: every party, place and free-text
// field of pacs.008 / MT103 messages, one or many per file, streamed.
#include <cstdio>
#include <utility>

#include "cli_common.h"
#include "commands.h"
#include "cordon/payment.h"
#include "base/json_writer.h"
#include "text_json.h"

namespace cordon {
namespace {

void PrintMessage(const PaymentMessageReport& m) {
  if (m.status.ok() && m.hits.empty()) return;
  std::printf("message %zu (%s, line %lld%s%s): ", m.index, std::string(PaymentFormatName(m.format)).c_str(),
              static_cast<long long>(m.line), m.reference.empty() ? "" : ", ref ", m.reference.c_str());
  if (!m.status.ok()) std::printf("ERROR %s; ", m.status.ToString().c_str());
  std::printf("%zu hit(s)\n", m.hits.size());
  for (const PaymentHit& h : m.hits) {
    std::string where = h.transaction > 0 && m.format == PaymentFormat::kPacs008
                            ? "CdtTrfTxInf[" + std::to_string(h.transaction) + "]/" + h.field
                            : h.field;
    std::string value = h.value.size() > 80 ? h.value.substr(0, 77) + "..." : h.value;
    for (char& c : value) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    std::printf("  %s (%s) \"%s\"\n", where.c_str(), std::string(FieldKindName(h.kind)).c_str(),
                value.c_str());
    for (const Match& x : h.matches) std::printf("    party: %s\n", DescribeMatch(x).c_str());
    for (const TextMention& t : h.mentions) {
      std::printf("    mention [%zu-%zu] \"%s\": %s\n", t.start, t.end, t.text.c_str(),
                  t.matches.empty() ? "" : DescribeMatch(t.matches[0]).c_str());
    }
    for (const JurisdictionMention& j : h.jurisdictions) {
      std::printf("    place [%zu-%zu] \"%s\": %s\n", j.start, j.end, j.text.c_str(),
                  DescribeJurisdiction(j).c_str());
    }
  }
}

}  // namespace

int RunScreenPayment(int argc, char** argv) {
  FlagSpec spec;
  AddListFlags(&spec);
  spec.switches.insert("json");
  spec.with_value.insert({"format", "source", "limit", "threshold"});
  Result<CliArgs> args = CliArgs::Parse(argc, argv, 2, spec);
  if (!args.ok()) return ReportError(args.status());
  if (args->positionals().size() != 1) {
    return ReportError(
        Status::InvalidArgument("screen-payment needs exactly one FILE (or - for standard input)"));
  }
  const std::string path = args->positionals()[0];
  PaymentOptions options;
  const std::string format = args->Get("format", "auto");
  if (format == "pacs008" || format == "pacs.008") {
    options.format = PaymentFormat::kPacs008;
  } else if (format == "mt103" || format == "MT103") {
    options.format = PaymentFormat::kMt103;
  } else if (format != "auto") {
    return ReportError(
        Status::InvalidArgument("unknown --format '" + format + "' (auto|pacs008|mt103)", {"", 0, "format"}));
  }
  ScreenOptions match;
  if (Status s = ParseMatchFlags(args.value(), 5, &match); !s.ok()) return ReportError(s);
  options.threshold = match.threshold;
  options.limit = match.limit;
  options.sources = std::move(match.sources);

  // A missing input is the user's mistake: say so before loading the lists.
  if (path != "-") {
    if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
      std::fclose(f);
    } else {
      std::fprintf(stderr, "cordon: error: %s: cannot open the payment file\n", path.c_str());
      return kExitBadInput;
    }
  }
  Result<std::unique_ptr<Engine>> engine = OpenEngineFromArgs(args.value());
  if (!engine.ok()) return ReportError(engine.status());
  Result<std::unique_ptr<PaymentScreener>> screener = PaymentScreener::Create(*engine.value());
  if (!screener.ok()) return ReportError(screener.status());

  const bool json = args->Has("json");
  size_t total = 0;
  bool write_failed = false;
  if (json) std::fputs("{\"messages\": [", stdout);
  PaymentReport summary;
  Status status = screener.value()->ScreenFile(
      path, options,
      [&](PaymentMessageReport&& m) {
        ++total;
        if (!m.status.ok()) {
          std::fprintf(stderr, "cordon: %s\n", m.status.ToString().c_str());
        }
        if (json) {
          std::string out;
          JsonWriter w(&out);
          WritePaymentMessageJson(m, &w);
          if (total > 1) std::fputs(",\n", stdout);
          write_failed = write_failed || std::fwrite(out.data(), 1, out.size(), stdout) != out.size();
        } else {
          PrintMessage(m);
        }
      },
      &summary);
  if (!status.ok()) {
    if (json) std::fputs("]}\n", stdout);
    std::fprintf(stderr, "cordon: error: %s\n", status.ToString().c_str());
    return status.code() == StatusCode::kIoError ? kExitDataError : kExitBadInput;
  }
  if (json) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("messages");
    w.Int(static_cast<long long>(total));
    w.Key("messages_with_hits");
    w.Int(static_cast<long long>(summary.messages_with_hits));
    w.Key("messages_failed");
    w.Int(static_cast<long long>(summary.messages_failed));
    w.EndObject();
    std::string versions;
    JsonWriter v(&versions);
    WriteListVersionsJson(summary.list_versions, &v);
    std::printf("],\n\"summary\": %s,\n\"list_versions\": %s}\n", out.c_str(), versions.c_str());
  } else {
    std::printf("%zu message(s), %zu with hits, %zu malformed\n", total, summary.messages_with_hits,
                summary.messages_failed);
  }
  if (std::fflush(stdout) != 0 || write_failed)
    return ReportError(Status::IoError("cannot write to standard output"));
  return summary.messages_failed > 0 ? kExitBadInput : kExitOk;
}

}  // namespace cordon
