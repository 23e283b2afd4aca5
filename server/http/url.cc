#include "http/url.h"

namespace cordon::server {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Result<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      int hi = i + 2 < text.size() ? HexValue(text[i + 1]) : -1;
      int lo = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
      if (hi < 0 || lo < 0)
        return Status::InvalidArgument("malformed percent-escape at offset " + std::to_string(i));
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Result<QueryParams> ParseQueryString(std::string_view query) {
  QueryParams params;
  size_t pos = 0;
  while (pos < query.size()) {
    size_t amp = query.find('&', pos);
    if (amp == std::string_view::npos) amp = query.size();
    std::string_view pair = query.substr(pos, amp - pos);
    pos = amp + 1;
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    Result<std::string> key = PercentDecode(pair.substr(0, eq), true);
    if (!key.ok()) return Status::InvalidArgument("query string: " + key.status().message());
    std::string value;
    if (eq != std::string_view::npos) {
      Result<std::string> v = PercentDecode(pair.substr(eq + 1), true);
      if (!v.ok()) {
        return Status::InvalidArgument("query parameter '" + key.value() + "': " + v.status().message(),
                                       {"", 0, key.value()});
      }
      value = std::move(v.value());
    }
    params.emplace_back(std::move(key.value()), std::move(value));
  }
  return params;
}

const std::string* FindParam(const QueryParams& params, std::string_view key) {
  const std::string* found = nullptr;
  for (const auto& [k, v] : params) {
    if (k == key) found = &v;
  }
  return found;
}

}  // namespace cordon::server
