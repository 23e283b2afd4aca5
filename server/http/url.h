// Copyright (c) cordon authors.
//
// Percent-decoding of path segments and query strings (RFC 3986, with '+' as
// a space in query strings as HTML forms and most clients send it).
#ifndef CORDON_SERVER_HTTP_URL_H_
#define CORDON_SERVER_HTTP_URL_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cordon/status.h"

namespace cordon::server {

// Decodes %XX escapes (and '+' as space when `plus_is_space`).
// Errors: InvalidArgument for a truncated or non-hex escape.
Result<std::string> PercentDecode(std::string_view text, bool plus_is_space);

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// "a=1&b=x%20y&a=2" -> {{"a","1"},{"b","x y"},{"a","2"}} in order; a key
// without '=' gets an empty value. Errors: InvalidArgument naming the
// parameter with a bad escape.
Result<QueryParams> ParseQueryString(std::string_view query);

// Last value of `key`, or nullptr.
const std::string* FindParam(const QueryParams& params, std::string_view key);

}  // namespace cordon::server

#endif  // CORDON_SERVER_HTTP_URL_H_
