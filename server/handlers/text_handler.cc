// POST /v1/screen/text: listed parties and sanctioned places mentioned in
// running text (include/cordon/text.h). Body:
//   {"text": "...", "lang": "auto", "threshold": 0.8, "limit": 5,
//    "dataset": "default", "parties": true, "jurisdictions": true}
// Response: {"mentions": [{start, end, text, kind, refers_to?, matches: [..]}],
//   "jurisdictions": [{code, name, start, end, text, kind, comprehensive,
//   programs}], "list_versions": [...], "bytes", "words", "truncated"}.
// Offsets are UTF-8 byte offsets into "text".
#include <nlohmann/json.hpp>

#include "ftm_entity.h"
#include "handlers/handlers.h"
#include "handlers/params.h"
#include "handlers/screening_json.h"
#include "json_limits.h"

namespace cordon::server {
namespace {

using json = nlohmann::ordered_json;

Status Bad(const std::string& field, const std::string& message) {
  return Status::InvalidArgument(field + ": " + message, {"", 0, field});
}

}  // namespace

Status HandleScreenText(RequestContext& ctx, HttpResponse* response) {
  const Engine& engine = *ctx.state->engine;
  const ServiceOptions& opts = *ctx.service.options;
  Status depth = CheckJsonDepth(ctx.request.body, kMaxJsonDepth);
  if (!depth.ok()) return depth;
  json doc;
  try {
    doc = json::parse(ctx.request.body);
  } catch (const json::exception& e) {
    return Status::InvalidArgument(std::string("malformed JSON body: ") + e.what(), {"", 0, "body"});
  }
  if (!doc.is_object()) return Bad("body", "expected a JSON object {\"text\": ...}");
  auto text = doc.find("text");
  if (text == doc.end() || !text->is_string()) return Bad("text", "required, a string");
  TextOptions options;
  options.limit = opts.default_limit;
  std::string dataset = "default";
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    const std::string& k = it.key();
    const json& v = it.value();
    if (k == "text") continue;
    if (k == "lang") {
      if (!v.is_string()) return Bad(k, "expected a string (\"auto\" or an ISO 639-1 code)");
      options.lang = v.get<std::string>();
    } else if (k == "threshold") {
      if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > 1)
        return Bad(k, "expected a number in [0, 1]");
      options.threshold = v.get<double>();
    } else if (k == "limit") {
      if (!v.is_number_integer() || v.get<int64_t>() < 1 || v.get<int64_t>() > opts.max_limit) {
        return Bad(k, "expected an integer in [1, " + std::to_string(opts.max_limit) + "]");
      }
      options.limit = static_cast<int>(v.get<int64_t>());
    } else if (k == "dataset") {
      if (!v.is_string()) return Bad(k, "expected a string");
      dataset = v.get<std::string>();
    } else if (k == "parties" || k == "jurisdictions") {
      if (!v.is_boolean()) return Bad(k, "expected true or false");
      (k == "parties" ? options.parties : options.jurisdictions) = v.get<bool>();
    } else {
      return Bad(k, "unknown member (text, lang, threshold, limit, dataset, parties, jurisdictions)");
    }
  }
  ctx.dataset = dataset;
  Result<std::vector<std::string>> sources = ResolveDataset(dataset, {}, engine, opts);
  if (!sources.ok()) return sources.status();
  options.sources = std::move(sources.value());
  Result<const TextScreener*> screener = ctx.state->screeners->Text();
  if (!screener.ok()) return screener.status();
  ctx.queries = 1;
  Result<TextReport> report = screener.value()->Screen(text->get_ref<const std::string&>(), options);
  if (!report.ok()) {
    if (report.status().code() == StatusCode::kInvalidArgument) {
      return Bad("text", report.status().message());
    }
    return report.status();
  }
  JsonWriter out(&response->body);
  WriteTextReport(report.value(), *ctx.state, options.threshold, &out);
  return Status::Ok();
}

}  // namespace cordon::server
