// `cordon screen-text [--json] [--lang auto|xx] FILE|-`: listed parties and
// sanctioned places mentioned in running text.
#include <cstdio>
#include <utility>

#include "cli_common.h"
#include "commands.h"
#include "cordon/text.h"
#include "base/json_writer.h"
#include "text_json.h"

namespace cordon {
namespace {

bool ValidLang(const std::string& lang) {
  return lang == "auto" ||
         (lang.size() == 2 && lang[0] >= 'a' && lang[0] <= 'z' && lang[1] >= 'a' && lang[1] <= 'z');
}

void PrintReport(const TextReport& r) {
  std::printf(
      "%zu mention(s) of listed parties, %zu of sanctioned or high-risk jurisdictions (%zu bytes, %zu "
      "words)\n",
      r.mentions.size(), r.jurisdictions.size(), r.bytes, r.words);
  for (const TextMention& m : r.mentions) {
    std::printf("\n[%zu-%zu] \"%s\" (%s", m.start, m.end, m.text.c_str(),
                std::string(MentionKindName(m.kind)).c_str());
    if (m.kind == MentionKind::kSurnameRef) std::printf(", refers to the name at %zu", m.refers_to);
    std::printf(")\n");
    for (const Match& x : m.matches) std::printf("    %s\n", DescribeMatch(x).c_str());
  }
  if (!r.jurisdictions.empty()) std::printf("\njurisdictions:\n");
  for (const JurisdictionMention& j : r.jurisdictions) {
    std::printf("  [%zu-%zu] \"%s\" %s\n", j.start, j.end, j.text.c_str(), DescribeJurisdiction(j).c_str());
  }
  if (r.truncated) std::printf("\n(truncated: too many results)\n");
}

}  // namespace

int RunScreenText(int argc, char** argv) {
  FlagSpec spec;
  AddListFlags(&spec);
  spec.switches.insert("json");
  spec.with_value.insert({"lang", "source", "limit", "threshold"});
  Result<CliArgs> args = CliArgs::Parse(argc, argv, 2, spec);
  if (!args.ok()) return ReportError(args.status());
  if (args->positionals().size() != 1) {
    return ReportError(
        Status::InvalidArgument("screen-text needs exactly one FILE (or - for standard input)"));
  }
  const std::string path = args->positionals()[0];
  TextOptions options;
  options.lang = args->Get("lang", "auto");
  if (!ValidLang(options.lang)) {
    return ReportError(Status::InvalidArgument(
        "--lang must be auto or a two-letter ISO 639-1 code, not '" + options.lang + "'", {"", 0, "lang"}));
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
      std::fprintf(stderr, "cordon: error: %s: cannot open the text file\n", path.c_str());
      return kExitBadInput;
    }
  }
  Result<std::unique_ptr<Engine>> engine = OpenEngineFromArgs(args.value());
  if (!engine.ok()) return ReportError(engine.status());
  Result<std::unique_ptr<TextScreener>> screener = TextScreener::Create(*engine.value());
  if (!screener.ok()) return ReportError(screener.status());
  Result<TextReport> report = screener.value()->ScreenFile(path, options);
  if (!report.ok()) {
    std::fprintf(stderr, "cordon: error: %s\n", report.status().ToString().c_str());
    return report.status().code() == StatusCode::kIoError ? kExitDataError : kExitBadInput;
  }
  if (!args->Has("json")) {
    PrintReport(report.value());
    return kExitOk;
  }
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("mentions");
  w.BeginArray();
  for (const auto& m : report->mentions) WriteMentionJson(m, &w);
  w.EndArray();
  w.Key("jurisdictions");
  w.BeginArray();
  for (const auto& j : report->jurisdictions) WriteJurisdictionJson(j, &w);
  w.EndArray();
  w.Key("list_versions");
  WriteListVersionsJson(report->list_versions, &w);
  w.Key("bytes");
  w.Int(static_cast<long long>(report->bytes));
  w.Key("words");
  w.Int(static_cast<long long>(report->words));
  w.Key("truncated");
  w.Bool(report->truncated);
  w.EndObject();
  out.push_back('\n');
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
    return ReportError(Status::IoError("cannot write to standard output"));
  }
  return kExitOk;
}

}  // namespace cordon
