// Copyright (c) cordon authors.
//
// One HTTP/1.1 request as the parser hands it to a handler, and the response
// the handler fills in. Plain data; transport concerns (sockets, keep-alive,
// timeouts) stay in http_server.
#ifndef CORDON_SERVER_HTTP_HTTP_MESSAGE_H_
#define CORDON_SERVER_HTTP_HTTP_MESSAGE_H_

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cordon::server {

struct HttpRequest {
  std::string method;     // "GET", "POST", ... (case-sensitive, as sent)
  std::string target;     // request-target as sent: "/match/default?limit=5"
  std::string path;       // target up to '?', not percent-decoded
  std::string query;      // after '?', not decoded; empty when absent
  int version_minor = 1;  // HTTP/1.<minor>
  // Header names lower-cased; values trimmed of surrounding spaces/tabs.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool keep_alive = true;  // from the version and the Connection header

  // Set by the server before the handler runs.
  std::string remote;  // peer "ip:port"
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();

  // First value of header `lower_name`, or nullptr.
  const std::string* Header(std::string_view lower_name) const {
    for (const auto& [k, v] : headers) {
      if (k == lower_name) return &v;
    }
    return nullptr;
  }
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
  bool close = false;                                        // close the connection after sending
  std::string log_message;  // for the access log: the error message of a 4xx/5xx
};

// "OK", "Not Found", ...; "Unknown" for codes cordon never sends.
std::string_view ReasonPhrase(int status);

// Appends the serialised response (status line, headers, body) to *out.
// `keep_alive` false adds "Connection: close".
void SerializeResponse(const HttpResponse& response, bool keep_alive, std::string* out);

}  // namespace cordon::server

#endif  // CORDON_SERVER_HTTP_HTTP_MESSAGE_H_
