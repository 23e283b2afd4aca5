// POST /match/{dataset}: yente's query-by-example matching, several queries
// per request. Parameters: limit (default 5), threshold (the score from which
// "match" is true; default 0.80, cordon's calibrated threshold), cutoff
// (lowest score returned; default = threshold), algorithm, include_dataset,
// exclude_dataset.
#include <algorithm>
#include <unordered_map>

#include "ftm_entity.h"
#include "ftm_query.h"
#include "handlers/handlers.h"
#include "handlers/params.h"

namespace cordon::server {
namespace {

constexpr size_t kMaxResultsPerRequest = 10000;

// Screens every name of `q` and keeps each entity's best match.
Status ScreenQuery(const Engine& engine, const FtmQuery& q, const ScreenOptions& options, Metrics* metrics,
                   std::vector<Match>* out) {
  std::unordered_map<const Entity*, size_t> seen;
  for (size_t i = 0; i < q.names.size(); ++i) {
    Query query = q.base;
    query.name = q.names[i];
    Result<std::vector<Match>> matches = engine.Screen(query, options);
    metrics->AddScreenCalls(1);
    if (!matches.ok()) {
      const Status& st = matches.status();
      std::string field = "queries." + q.key + ".properties";
      if (st.location().field == "birth_date") {
        field += ".birthDate";
      } else if (st.location().field == "country") {
        field += ".country";
      } else {
        field += ".name";
      }
      if (st.code() == StatusCode::kInvalidArgument) {
        return Status::InvalidArgument(field + ": " + st.message(), {"", 0, field});
      }
      return st;
    }
    for (Match& m : matches.value()) {
      auto [it, inserted] = seen.emplace(m.entity, out->size());
      if (inserted) {
        out->push_back(std::move(m));
      } else if (m.score > (*out)[it->second].score) {
        (*out)[it->second] = std::move(m);
      }
    }
  }
  std::stable_sort(out->begin(), out->end(),
                   [](const Match& a, const Match& b) { return a.score > b.score; });
  if (out->size() > static_cast<size_t>(options.limit)) out->resize(options.limit);
  return Status::Ok();
}

void WriteEchoQuery(const FtmQuery& q, JsonWriter* out) {
  out->BeginObject();
  out->Key("id");
  out->String(q.key);
  out->Key("schema");
  out->String(q.schema);
  out->Key("properties");
  out->BeginObject();
  for (const auto& [k, v] : q.properties) {
    out->Key(k);
    out->StringArray(v);
  }
  out->EndObject();
  out->EndObject();
}

}  // namespace

Status HandleMatch(RequestContext& ctx, HttpResponse* response) {
  const Engine& engine = *ctx.state->engine;
  const ServiceOptions& opts = *ctx.service.options;
  ctx.dataset = ctx.path_params[0];
  Result<std::vector<std::string>> sources = ResolveDataset(ctx.dataset, ctx.params, engine, opts);
  if (!sources.ok()) return sources.status();
  Result<int> limit = IntParam(ctx.params, "limit", opts.default_limit, 1, opts.max_limit);
  if (!limit.ok()) return limit.status();
  Result<double> threshold = DoubleParam(ctx.params, "threshold", kDefaultThreshold, 0.0, 1.0);
  if (!threshold.ok()) return threshold.status();
  Result<double> cutoff = DoubleParam(ctx.params, "cutoff", threshold.value(), 0.0, 1.0);
  if (!cutoff.ok()) return cutoff.status();
  Result<Algorithm> algorithm = AlgorithmParam(ctx.params);
  if (!algorithm.ok()) return algorithm.status();
  Result<MatchRequestBody> body = DecodeMatchRequest(ctx.request.body, opts.query_limits);
  if (!body.ok()) return body.status();
  // Bounds the response (a result is ~1.5 KB): 100 queries x limit 500 would be 75 MB.
  if (body.value().queries.size() * static_cast<size_t>(limit.value()) > kMaxResultsPerRequest) {
    return Status::InvalidArgument("queries x limit must be at most " +
                                       std::to_string(kMaxResultsPerRequest) +
                                       "; lower 'limit' or split the batch",
                                   {"", 0, "limit"});
  }

  ScreenOptions options;
  options.algorithm = algorithm.value();
  options.threshold = cutoff.value();
  options.limit = limit.value();
  options.sources = std::move(sources.value());
  options.weights = body.value().weights;

  // Screen everything first: an error in query 3 must not leave half a body.
  std::vector<std::vector<Match>> all(body.value().queries.size());
  for (size_t i = 0; i < all.size(); ++i) {
    if (std::chrono::steady_clock::now() > ctx.request.deadline) {
      return Status::IoError("request timed out after " + std::to_string(i) + " of " +
                             std::to_string(all.size()) + " queries; send fewer queries per request");
    }
    ++ctx.queries;
    Status st = ScreenQuery(engine, body.value().queries[i], options, ctx.service.metrics, &all[i]);
    if (!st.ok()) return st;
  }
  std::string& text = response->body;
  text.reserve(4096 * all.size());
  JsonWriter out(&text);
  out.BeginObject();
  out.Key("responses");
  out.BeginObject();
  for (size_t i = 0; i < all.size(); ++i) {
    const FtmQuery& q = body.value().queries[i];
    out.Key(q.key);
    out.BeginObject();
    out.Key("status");
    out.Int(200);
    out.Key("results");
    out.BeginArray();
    for (const Match& m : all[i])
      WriteMatch(m, engine, threshold.value(), &out, ctx.state->MembersOf(m.entity));
    out.EndArray();
    out.Key("total");
    out.BeginObject();
    out.Key("value");
    out.Int(static_cast<int64_t>(all[i].size()));
    out.Key("relation");
    out.String("eq");
    out.EndObject();
    out.Key("query");
    WriteEchoQuery(q, &out);
    out.EndObject();
  }
  out.EndObject();
  out.Key("limit");
  out.Int(limit.value());
  out.Key("threshold");
  out.Number(threshold.value());
  out.Key("cutoff");
  out.Number(cutoff.value());
  out.Key("algorithm");
  out.String(AlgorithmName(options.algorithm));
  out.EndObject();
  return Status::Ok();
}

}  // namespace cordon::server
