// Copyright (c) cordon authors.
//
// Status -> HTTP, in one place, and the one JSON error body every endpoint
// and the transport use:
//   {"detail": "<message>",                       (what FastAPI/yente clients read)
//    "error": {"status": 400, "type": "invalid_argument", "message": "...",
//              "field": "queries.q1.schema"}}     (field only when known)
#ifndef CORDON_SERVER_HTTP_ERRORS_H_
#define CORDON_SERVER_HTTP_ERRORS_H_

#include <string>

#include "cordon/status.h"
#include "http/http_message.h"

namespace cordon::server {

// InvalidArgument 400, NotFound 404, DataError 422, IoError 503, Internal 500.
int HttpStatusFor(const Status& status);

// The error response for `status` (code from HttpStatusFor).
HttpResponse ErrorResponse(const Status& status);

// An error response with an explicit HTTP code (401, 405, 408, 413, 503...).
// `type` defaults to a name derived from the code ("unauthorized").
HttpResponse ErrorResponse(int http_status, const std::string& message, const std::string& field = "",
                           const std::string& type = "");

}  // namespace cordon::server

#endif  // CORDON_SERVER_HTTP_ERRORS_H_
