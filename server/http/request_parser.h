// Copyright (c) cordon authors.
//
// An incremental HTTP/1.1 request parser (RFC 9112 subset) with hard limits,
// so a slow, hostile or broken client costs bounded memory and CPU.
//
// Supported: request line, header fields, Content-Length bodies, pipelining
// (the caller keeps the bytes after consumed()). Rejected with a 4xx/5xx:
// Transfer-Encoding (411: cordon needs Content-Length), obsolete line folding,
// conflicting Content-Length values, control characters in the target or in
// header values, header sections or bodies above the limits.
#ifndef CORDON_SERVER_HTTP_REQUEST_PARSER_H_
#define CORDON_SERVER_HTTP_REQUEST_PARSER_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "http/http_message.h"

namespace cordon::server {

struct ParserLimits {
  size_t max_header_bytes = 16 * 1024;  // request line + header fields
  size_t max_headers = 100;
  size_t max_body_bytes = 1024 * 1024;
};

class RequestParser {
 public:
  enum class State { kIncomplete, kComplete, kError };

  explicit RequestParser(ParserLimits limits = {}) : limits_(limits) {}

  // Parses the bytes of one request. `buffer` holds everything received since
  // the request began (the caller appends new bytes and passes it again; the
  // parser remembers how far it has scanned, so a client sending one byte at
  // a time costs linear work). After kComplete, request() holds the request
  // and consumed() how many bytes of `buffer` it used; after kError,
  // error_status() and error_message() say what was wrong. Call Reset()
  // before the next request.
  State Parse(std::string_view buffer);

  // True once the header section has been parsed (body may be pending).
  bool headers_done() const { return headers_done_; }
  // True when the client sent "Expect: 100-continue" and the body is pending.
  bool expects_continue() const { return expect_continue_; }

  HttpRequest& request() { return request_; }
  size_t consumed() const { return consumed_; }
  int error_status() const { return error_status_; }
  const std::string& error_message() const { return error_message_; }

  void Reset();

 private:
  State Fail(int status, std::string message);
  State ParseHead(std::string_view head);

  ParserLimits limits_;
  HttpRequest request_;
  size_t scanned_ = 0;  // bytes already searched for the end of the head
  bool headers_done_ = false;
  bool expect_continue_ = false;
  size_t head_bytes_ = 0;
  size_t content_length_ = 0;
  size_t consumed_ = 0;
  int error_status_ = 0;
  std::string error_message_;
};

}  // namespace cordon::server

#endif  // CORDON_SERVER_HTTP_REQUEST_PARSER_H_
