#include "http/http_message.h"

namespace cordon::server {

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 100:
      return "Continue";
    case 200:
      return "OK";
    case 204:
      return "No Content";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 411:
      return "Length Required";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 417:
      return "Expectation Failed";
    case 422:
      return "Unprocessable Content";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "Unknown";
  }
}

void SerializeResponse(const HttpResponse& r, bool keep_alive, std::string* out) {
  out->reserve(out->size() + r.body.size() + 160);
  out->append("HTTP/1.1 ");
  out->append(std::to_string(r.status));
  out->push_back(' ');
  out->append(ReasonPhrase(r.status));
  out->append("\r\nServer: cordon\r\nContent-Type: ");
  out->append(r.content_type);
  out->append("\r\nContent-Length: ");
  out->append(std::to_string(r.body.size()));
  out->append("\r\n");
  for (const auto& [k, v] : r.headers) {
    out->append(k);
    out->append(": ");
    out->append(v);
    out->append("\r\n");
  }
  if (!keep_alive) out->append("Connection: close\r\n");
  out->append("\r\n");
  out->append(r.body);
}

}  // namespace cordon::server
