#include "service.h"

#include <chrono>

#include "handlers/handlers.h"
#include "http_errors.h"

namespace cordon::server {

Service::Service(EngineHolder* holder, AccessLog* log, ServiceOptions options)
    : options_(std::move(options)), log_(log) {
  // The route table: every endpoint, in one place.
  router_.Add("POST", "/match/{dataset}", HandleMatch);
  router_.Add("GET", "/search/{dataset}", HandleSearch);
  router_.Add("POST", "/v1/screen/text", HandleScreenText);
  router_.Add("POST", "/v1/screen/payment", HandleScreenPayment);
  router_.Add("GET", "/entities/{id}", HandleEntity);
  router_.Add("GET", "/catalog", HandleCatalog);
  router_.Add("GET", "/algorithms", HandleAlgorithms);
  router_.Add("GET", "/healthz", HandleHealthz);
  router_.Add("GET", "/readyz", HandleReadyz);
  router_.Add("GET", "/metrics", HandleMetrics);
  router_.Add("GET", "/openapi.json", HandleOpenApi);
  router_.Add("POST", "/admin/reload", HandleReload);
  router_.Add("GET", "/admin/reload", HandleReloadStatus);

  std::vector<std::string> labels;
  for (const Route& r : router_.routes()) labels.push_back(r.method + " " + r.pattern);
  metrics_ = std::make_unique<Metrics>(std::move(labels));
  reloader_ = std::make_unique<Reloader>(holder);
  parts_.holder = holder;
  parts_.reloader = reloader_.get();
  parts_.metrics = metrics_.get();
  parts_.options = &options_;
}

Service::~Service() = default;

void Service::Handle(HttpRequest& request, HttpResponse* response) {
  auto start = std::chrono::steady_clock::now();
  RouteMatch found = router_.Find(request.method, request.path);
  size_t route_index = router_.routes().size();  // "unmatched"
  std::unique_ptr<RequestContext> ctx;
  if (found.status == 404) {
    *response = ErrorResponse(
        404, "no such endpoint: " + request.method + " " + request.path + " (see /openapi.json)");
  } else if (found.status == 405) {
    *response = ErrorResponse(405, "method " + request.method + " not allowed on " + request.path +
                                       " (allowed: " + found.allow + ")");
    response->headers.emplace_back("Allow", found.allow);
  } else if (found.status == 400) {
    *response = ErrorResponse(400, found.message, "path");
  } else {
    route_index = found.index;
    Result<QueryParams> params = ParseQueryString(request.query);
    std::shared_ptr<const ServingState> state = parts_.holder->Current();
    if (!params.ok()) {
      *response = ErrorResponse(params.status());
    } else if (state == nullptr) {
      *response = ErrorResponse(503, "no lists loaded yet");
    } else {
      ctx.reset(new RequestContext{request, std::move(found.params), std::move(params.value()),
                                   std::move(state), parts_});
      Status st = router_.routes()[found.index].handler(*ctx, response);
      if (!st.ok()) *response = ErrorResponse(st);
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  metrics_->Record(route_index, response->status, seconds);
  Log(request, *response, seconds, ctx.get());
}

HttpResponse Service::ProtocolError(int status, const std::string& message, const HttpRequest& partial) {
  HttpResponse r = ErrorResponse(status, message);
  r.close = true;
  metrics_->Record(router_.routes().size(), status, 0);
  Log(partial, r, 0, nullptr);
  return r;
}

void Service::Log(const HttpRequest& request, const HttpResponse& response, double seconds,
                  const RequestContext* ctx) {
  if (log_ == nullptr || !log_->enabled()) return;
  AccessLogEntry e;
  e.remote = request.remote;
  e.method = request.method;
  e.path = request.target.size() > 2048 ? request.target.substr(0, 2048) : request.target;
  e.status = response.status;
  e.bytes = response.body.size();
  e.millis = seconds * 1000.0;
  if (ctx != nullptr) {
    e.queries = ctx->queries;
    e.dataset = ctx->dataset;
  }
  e.error = response.log_message.substr(0, 300);
  log_->Write(e);
}

}  // namespace cordon::server
