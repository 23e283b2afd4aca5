// Copyright (c) cordon authors.
//
// What a route handler sees: the request, its decoded path parameters and
// query string, the serving snapshot taken when the request started (so a
// reload during the request does not change its answer), and the service's
// shared parts. Handlers return a Status; a non-OK one is turned into the
// JSON error response by http_errors (the one Status -> HTTP mapping).
#ifndef CORDON_SERVER_HANDLERS_REQUEST_CONTEXT_H_
#define CORDON_SERVER_HANDLERS_REQUEST_CONTEXT_H_

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "engine_holder.h"
#include "http/http_message.h"
#include "http/http_server.h"
#include "http/url.h"
#include "metrics.h"
#include "reloader.h"
#include "service_options.h"

namespace cordon::server {

// Shared by every request; owned by Service.
struct ServiceParts {
  EngineHolder* holder = nullptr;
  Reloader* reloader = nullptr;
  Metrics* metrics = nullptr;
  const ServiceOptions* options = nullptr;
  std::atomic<const HttpServerStats*> server_stats{nullptr};
  std::atomic<bool> draining{false};
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

struct RequestContext {
  const HttpRequest& request;
  std::vector<std::string> path_params;  // percent-decoded {captures}
  QueryParams params;
  std::shared_ptr<const ServingState> state;  // never null inside a handler
  ServiceParts& service;
  // Filled by handlers for the access log.
  int queries = 0;
  std::string dataset;
};

}  // namespace cordon::server

#endif  // CORDON_SERVER_HANDLERS_REQUEST_CONTEXT_H_
