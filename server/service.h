// Copyright (c) cordon authors.
//
// The HTTP screening service: the route table, request dispatch, metrics and
// the access log, over an EngineHolder. Transport-independent: Handle() takes
// a parsed request and fills a response, so it runs behind HttpServer and in
// tests without sockets.
//
// Thread safety: Handle() and ProtocolError() may be called concurrently.
#ifndef CORDON_SERVER_SERVICE_H_
#define CORDON_SERVER_SERVICE_H_

#include <memory>
#include <string>

#include "access_log.h"
#include "engine_holder.h"
#include "handlers/request_context.h"
#include "http/http_message.h"
#include "http/http_server.h"
#include "metrics.h"
#include "reloader.h"
#include "router.h"
#include "service_options.h"

namespace cordon::server {

class Service {
 public:
  // `holder` must outlive the service and hold an engine (Install()) before
  // requests arrive; `log` may be null (no access log).
  Service(EngineHolder* holder, AccessLog* log, ServiceOptions options);
  ~Service();

  void Handle(HttpRequest& request, HttpResponse* response);

  // The response (and access-log line) for an error the transport found.
  HttpResponse ProtocolError(int status, const std::string& message, const HttpRequest& partial);

  // Adds the server's connection counters to /metrics.
  void AttachServerStats(const HttpServerStats* stats) { parts_.server_stats.store(stats); }
  // /readyz answers 503 from now on (graceful shutdown in progress).
  void SetDraining() { parts_.draining.store(true); }
  // Starts a background reload (SIGHUP); see Reloader::Trigger.
  uint64_t TriggerReload() { return reloader_->Trigger(); }
  // Reloads finished so far (compare with a ticket from TriggerReload).
  uint64_t ReloadsCompleted() const { return reloader_->completed(); }

  const Router& router() const { return router_; }

 private:
  void Log(const HttpRequest& request, const HttpResponse& response, double seconds,
           const RequestContext* ctx);

  ServiceOptions options_;
  AccessLog* log_;
  Router router_;
  std::unique_ptr<Metrics> metrics_;
  std::unique_ptr<Reloader> reloader_;
  ServiceParts parts_;
};

}  // namespace cordon::server

#endif  // CORDON_SERVER_SERVICE_H_
