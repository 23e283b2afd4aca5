// Copyright (c) cordon authors.
//
// Route handlers, one file per resource. Each fills `response` on success and
// returns a non-OK Status (InvalidArgument -> 400 naming the parameter or
// JSON path, NotFound -> 404, ...) otherwise; see http_errors.h.
#ifndef CORDON_SERVER_HANDLERS_HANDLERS_H_
#define CORDON_SERVER_HANDLERS_HANDLERS_H_

#include "handlers/request_context.h"

namespace cordon::server {

// match_handler.cc: POST /match/{dataset} (yente query-by-example, batch).
Status HandleMatch(RequestContext& context, HttpResponse* response);
// search_handler.cc: GET /search/{dataset}?q=
Status HandleSearch(RequestContext& context, HttpResponse* response);
// entity_handler.cc: GET /entities/{id}
Status HandleEntity(RequestContext& context, HttpResponse* response);
// catalog_handler.cc: GET /catalog, GET /algorithms
Status HandleCatalog(RequestContext& context, HttpResponse* response);
Status HandleAlgorithms(RequestContext& context, HttpResponse* response);
// health_handler.cc: GET /healthz, GET /readyz
Status HandleHealthz(RequestContext& context, HttpResponse* response);
Status HandleReadyz(RequestContext& context, HttpResponse* response);
// metrics_handler.cc: GET /metrics (Prometheus text)
Status HandleMetrics(RequestContext& context, HttpResponse* response);
// openapi_handler.cc: GET /openapi.json
Status HandleOpenApi(RequestContext& context, HttpResponse* response);
// admin_handler.cc: POST /admin/reload, GET /admin/reload (bearer token)
Status HandleReload(RequestContext& context, HttpResponse* response);
Status HandleReloadStatus(RequestContext& context, HttpResponse* response);
// text_handler.cc: POST /v1/screen/text (free text, include/cordon/text.h)
Status HandleScreenText(RequestContext& context, HttpResponse* response);
// payment_handler.cc: POST /v1/screen/payment (pacs.008 / MT103, include/cordon/payment.h)
Status HandleScreenPayment(RequestContext& context, HttpResponse* response);

}  // namespace cordon::server

#endif  // CORDON_SERVER_HANDLERS_HANDLERS_H_
