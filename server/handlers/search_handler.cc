// GET /search/{dataset}?q=NAME: the listed parties whose names resemble q,
// best first. cordon matches names rather than running a full-text search,
// so this is /match with one name and a looser default threshold (0.70).
// Parameters: q (required), schema (FtM schema, default Thing), limit
// (default 5), offset, threshold, algorithm, include_dataset, exclude_dataset.
#include "ftm_entity.h"
#include "ftm_query.h"
#include "handlers/handlers.h"
#include "handlers/params.h"

namespace cordon::server {

Status HandleSearch(RequestContext& ctx, HttpResponse* response) {
  const Engine& engine = *ctx.state->engine;
  const ServiceOptions& opts = *ctx.service.options;
  ctx.dataset = ctx.path_params[0];
  Result<std::vector<std::string>> sources = ResolveDataset(ctx.dataset, ctx.params, engine, opts);
  if (!sources.ok()) return sources.status();
  const std::string* q = FindParam(ctx.params, "q");
  if (q == nullptr || q->empty())
    return Status::InvalidArgument("parameter 'q' (the name to search) is required", {"", 0, "q"});
  Result<int> limit = IntParam(ctx.params, "limit", opts.default_limit, 1, opts.max_limit);
  if (!limit.ok()) return limit.status();
  Result<int> offset = IntParam(ctx.params, "offset", 0, 0, opts.max_limit);
  if (!offset.ok()) return offset.status();
  Result<double> threshold = DoubleParam(ctx.params, "threshold", opts.search_threshold, 0.0, 1.0);
  if (!threshold.ok()) return threshold.status();
  Result<Algorithm> algorithm = AlgorithmParam(ctx.params);
  if (!algorithm.ok()) return algorithm.status();
  const std::string* schema = FindParam(ctx.params, "schema");
  Result<EntityKind> kind = KindForSchema(schema != nullptr ? *schema : "Thing");
  if (!kind.ok())
    return Status::InvalidArgument("parameter 'schema': " + kind.status().message(), {"", 0, "schema"});

  Query query;
  query.name = *q;
  query.kind = kind.value();
  ScreenOptions options;
  options.algorithm = algorithm.value();
  options.threshold = threshold.value();
  options.limit = std::min(limit.value() + offset.value(), opts.max_limit);
  options.sources = std::move(sources.value());
  ctx.queries = 1;
  Result<std::vector<Match>> matches = engine.Screen(query, options);
  ctx.service.metrics->AddScreenCalls(1);
  if (!matches.ok()) {
    if (matches.status().code() == StatusCode::kInvalidArgument) {
      return Status::InvalidArgument("parameter 'q': " + matches.status().message(), {"", 0, "q"});
    }
    return matches.status();
  }
  const std::vector<Match>& all = matches.value();
  JsonWriter out(&response->body);
  out.BeginObject();
  out.Key("results");
  out.BeginArray();
  for (size_t i = offset.value(); i < all.size(); ++i)
    WriteMatch(all[i], engine, threshold.value(), &out, ctx.state->MembersOf(all[i].entity));
  out.EndArray();
  out.Key("total");
  out.BeginObject();
  out.Key("value");
  out.Int(static_cast<int64_t>(all.size()));
  out.Key("relation");
  out.String(all.size() < static_cast<size_t>(options.limit) ? "eq" : "gte");
  out.EndObject();
  out.Key("limit");
  out.Int(limit.value());
  out.Key("offset");
  out.Int(offset.value());
  out.Key("facets");
  out.BeginObject();
  out.EndObject();
  out.EndObject();
  return Status::Ok();
}

}  // namespace cordon::server
