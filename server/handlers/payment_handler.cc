// POST /v1/screen/payment: every party, place and free-text field of ISO
// 20022 pacs.008 or SWIFT MT103 messages (include/cordon/payment.h). The body
// is the message file itself (one or many messages; XML or MT text).
// Parameters: format (auto, pacs008, mt103), threshold, limit, dataset.
// A malformed message is reported in its own entry (status "error", with the
// field and line) and the others are screened; the HTTP status is 200 unless
// the whole input is unusable (400).
#include "ftm_entity.h"
#include "handlers/handlers.h"
#include "handlers/params.h"
#include "handlers/screening_json.h"

namespace cordon::server {

Status HandleScreenPayment(RequestContext& ctx, HttpResponse* response) {
  const Engine& engine = *ctx.state->engine;
  const ServiceOptions& opts = *ctx.service.options;
  PaymentOptions options;
  const std::string* format = FindParam(ctx.params, "format");
  if (format == nullptr || *format == "auto") {
    options.format = PaymentFormat::kAuto;
  } else if (*format == "pacs008" || *format == "pacs.008") {
    options.format = PaymentFormat::kPacs008;
  } else if (*format == "mt103" || *format == "MT103") {
    options.format = PaymentFormat::kMt103;
  } else {
    return Status::InvalidArgument("parameter 'format' must be auto, pacs008 or mt103, got '" + *format + "'",
                                   {"", 0, "format"});
  }
  Result<double> threshold = DoubleParam(ctx.params, "threshold", kDefaultThreshold, 0.0, 1.0);
  if (!threshold.ok()) return threshold.status();
  Result<int> limit = IntParam(ctx.params, "limit", opts.default_limit, 1, opts.max_limit);
  if (!limit.ok()) return limit.status();
  const std::string* dataset = FindParam(ctx.params, "dataset");
  ctx.dataset = dataset != nullptr ? *dataset : "default";
  Result<std::vector<std::string>> sources = ResolveDataset(ctx.dataset, ctx.params, engine, opts);
  if (!sources.ok()) return sources.status();
  if (ctx.request.body.empty()) {
    return Status::InvalidArgument("empty body: send a pacs.008 XML or MT103 message", {"", 0, "body"});
  }
  options.threshold = threshold.value();
  options.limit = limit.value();
  options.sources = std::move(sources.value());
  Result<const PaymentScreener*> screener = ctx.state->screeners->Payment();
  if (!screener.ok()) return screener.status();
  Result<PaymentReport> report = screener.value()->Screen(ctx.request.body, options);
  if (!report.ok()) {
    if (report.status().code() == StatusCode::kInvalidArgument) {
      const Status& st = report.status();
      return Status::InvalidArgument(
          st.message(), {"", st.location().line, st.location().field.empty() ? "body" : st.location().field});
    }
    return report.status();
  }
  ctx.queries = static_cast<int>(report.value().messages.size());
  JsonWriter out(&response->body);
  WritePaymentReport(report.value(), *ctx.state, options.threshold, &out);
  return Status::Ok();
}

}  // namespace cordon::server
