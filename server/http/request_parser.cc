#include "http/request_parser.h"

#include <algorithm>
#include <cctype>

namespace cordon::server {
namespace {

// RFC 9110 tchar.
bool IsTokenChar(unsigned char c) {
  if (std::isalnum(c)) return true;
  switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
      return true;
    default:
      return false;
  }
}

std::string_view TrimOws(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// True when the comma-separated header value contains `token` (case-insensitive).
bool HasToken(std::string_view value, std::string_view token) {
  size_t pos = 0;
  while (pos <= value.size()) {
    size_t comma = value.find(',', pos);
    if (comma == std::string_view::npos) comma = value.size();
    if (Lower(TrimOws(value.substr(pos, comma - pos))) == token) return true;
    pos = comma + 1;
  }
  return false;
}

}  // namespace

void RequestParser::Reset() {
  request_ = HttpRequest();
  scanned_ = 0;
  headers_done_ = false;
  expect_continue_ = false;
  head_bytes_ = 0;
  content_length_ = 0;
  consumed_ = 0;
  error_status_ = 0;
  error_message_.clear();
}

RequestParser::State RequestParser::Fail(int status, std::string message) {
  error_status_ = status;
  error_message_ = std::move(message);
  return State::kError;
}

RequestParser::State RequestParser::Parse(std::string_view buffer) {
  if (error_status_ != 0) return State::kError;
  if (!headers_done_) {
    // Tolerate empty lines before the request line (RFC 9112 2.2).
    size_t start = 0;
    while (start < buffer.size() && (buffer[start] == '\r' || buffer[start] == '\n') && start < 8) ++start;
    size_t from = std::max(scanned_, start);
    size_t end = buffer.find("\r\n\r\n", from);
    if (end == std::string_view::npos) {
      // +3: the bytes seen may end with the first three of the terminator.
      if (buffer.size() - start > limits_.max_header_bytes + 3) {
        return Fail(
            431, "request header section larger than " + std::to_string(limits_.max_header_bytes) + " bytes");
      }
      scanned_ = buffer.size() >= 3 ? buffer.size() - 3 : 0;
      return State::kIncomplete;
    }
    if (end - start > limits_.max_header_bytes) {
      return Fail(
          431, "request header section larger than " + std::to_string(limits_.max_header_bytes) + " bytes");
    }
    State s = ParseHead(buffer.substr(start, end + 2 - start));
    if (s == State::kError) return s;
    headers_done_ = true;
    head_bytes_ = end + 4;
  }
  if (buffer.size() - head_bytes_ < content_length_) return State::kIncomplete;
  request_.body.assign(buffer.substr(head_bytes_, content_length_));
  consumed_ = head_bytes_ + content_length_;
  expect_continue_ = false;
  return State::kComplete;
}

// `head` is the request line and header fields, each ending in CRLF.
RequestParser::State RequestParser::ParseHead(std::string_view head) {
  size_t eol = head.find("\r\n");
  std::string_view line = head.substr(0, eol);
  // request-line = method SP request-target SP HTTP-version
  size_t sp1 = line.find(' ');
  size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp1 == std::string_view::npos || sp2 == std::string_view::npos ||
      line.find(' ', sp2 + 1) != std::string_view::npos) {
    return Fail(400, "malformed request line (expected 'METHOD /path HTTP/1.1')");
  }
  std::string_view method = line.substr(0, sp1);
  std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  std::string_view version = line.substr(sp2 + 1);
  if (method.empty() || method.size() > 16 || !std::all_of(method.begin(), method.end(), [](char c) {
        return IsTokenChar(static_cast<unsigned char>(c));
      })) {
    return Fail(400, "malformed request method");
  }
  if (target.empty() || target.front() != '/') {
    return Fail(400, "request target must be an absolute path starting with '/'");
  }
  for (char c : target) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f)
      return Fail(400, "request target contains a control, space or non-ASCII byte");
  }
  if (version.size() != 8 || version.substr(0, 7) != "HTTP/1." || (version[7] != '0' && version[7] != '1')) {
    bool well_formed = version.size() == 8 && version.substr(0, 5) == "HTTP/" &&
                       std::isdigit(static_cast<unsigned char>(version[5])) && version[6] == '.' &&
                       std::isdigit(static_cast<unsigned char>(version[7]));
    if (well_formed) return Fail(505, "HTTP version not supported (HTTP/1.0 and HTTP/1.1 only)");
    return Fail(400, "malformed HTTP version (expected HTTP/1.1)");
  }
  request_.method.assign(method);
  request_.target.assign(target);
  size_t q = target.find('?');
  request_.path.assign(target.substr(0, q));
  if (q != std::string_view::npos) request_.query.assign(target.substr(q + 1));
  request_.version_minor = version[7] - '0';

  bool have_length = false;
  bool close = false;
  bool keep_alive_token = false;
  size_t pos = eol + 2;
  while (pos < head.size()) {
    size_t next = head.find("\r\n", pos);
    std::string_view field = head.substr(pos, next - pos);
    pos = next + 2;
    if (field.empty()) break;
    if (field.front() == ' ' || field.front() == '\t')
      return Fail(400, "obsolete header line folding is not accepted");
    size_t colon = field.find(':');
    if (colon == std::string_view::npos || colon == 0)
      return Fail(400, "malformed header field (no 'name:')");
    std::string_view name = field.substr(0, colon);
    if (!std::all_of(name.begin(), name.end(),
                     [](char c) { return IsTokenChar(static_cast<unsigned char>(c)); })) {
      return Fail(400, "malformed header field name");
    }
    std::string_view value = TrimOws(field.substr(colon + 1));
    for (char c : value) {
      unsigned char u = static_cast<unsigned char>(c);
      if ((u < 0x20 && u != '\t') || u == 0x7f)
        return Fail(400, "header '" + Lower(name) + "' contains a control character");
    }
    if (request_.headers.size() >= limits_.max_headers) {
      return Fail(431, "more than " + std::to_string(limits_.max_headers) + " header fields");
    }
    std::string lname = Lower(name);
    if (lname == "content-length") {
      if (value.empty() || value.size() > 18 ||
          !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return Fail(400, "header 'content-length' is not a non-negative integer");
      }
      size_t n = std::stoull(std::string(value));
      if (have_length && n != content_length_) return Fail(400, "conflicting 'content-length' headers");
      have_length = true;
      content_length_ = n;
    } else if (lname == "transfer-encoding") {
      return Fail(411, "Transfer-Encoding is not supported; send the body with a Content-Length");
    } else if (lname == "connection") {
      close = close || HasToken(value, "close");
      keep_alive_token = keep_alive_token || HasToken(value, "keep-alive");
    } else if (lname == "expect") {
      if (Lower(value) != "100-continue") return Fail(417, "only 'Expect: 100-continue' is supported");
      expect_continue_ = true;
    }
    request_.headers.emplace_back(std::move(lname), std::string(value));
  }
  if (content_length_ > limits_.max_body_bytes) {
    return Fail(413, "request body of " + std::to_string(content_length_) + " bytes exceeds the limit of " +
                         std::to_string(limits_.max_body_bytes) + " bytes");
  }
  if (content_length_ == 0) expect_continue_ = false;
  request_.keep_alive = request_.version_minor == 1 ? !close : keep_alive_token && !close;
  return State::kComplete;
}

}  // namespace cordon::server
