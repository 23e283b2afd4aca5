#include "http_errors.h"

#include <nlohmann/json.hpp>

namespace cordon::server {
namespace {

std::string TypeForHttp(int code) {
  switch (code) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 408:
      return "request_timeout";
    case 409:
      return "conflict";
    case 411:
      return "length_required";
    case 413:
      return "body_too_large";
    case 415:
      return "unsupported_media_type";
    case 417:
      return "expectation_failed";
    case 422:
      return "data_error";
    case 431:
      return "headers_too_large";
    case 503:
      return "unavailable";
    case 505:
      return "http_version_not_supported";
    default:
      return code >= 500 ? "internal" : "bad_request";
  }
}

std::string TypeForStatus(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument:
      return "invalid_argument";
    case StatusCode::kNotFound:
      return "not_found";
    case StatusCode::kDataError:
      return "data_error";
    case StatusCode::kIoError:
      return "io_error";
    default:
      return "internal";
  }
}

}  // namespace

int HttpStatusFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kDataError:
      return 422;
    case StatusCode::kIoError:
      return 503;
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

HttpResponse ErrorResponse(const Status& status) {
  std::string message = status.message();
  const ErrorLocation& loc = status.location();
  if (!loc.file.empty()) message = status.ToString();  // file:line context is the point of data errors
  return ErrorResponse(HttpStatusFor(status), message, loc.field, TypeForStatus(status.code()));
}

HttpResponse ErrorResponse(int http_status, const std::string& message, const std::string& field,
                           const std::string& type) {
  nlohmann::ordered_json error = {{"status", http_status},
                                  {"type", type.empty() ? TypeForHttp(http_status) : type},
                                  {"message", message}};
  if (!field.empty()) error["field"] = field;
  nlohmann::ordered_json body = {{"detail", message}, {"error", std::move(error)}};
  HttpResponse r;
  r.status = http_status;
  r.log_message = message;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

}  // namespace cordon::server
