// Copyright (c) cordon authors.
//
// A guard run before any JSON parse of client input: the parser recurses per
// nesting level, so "[[[[...]]]]" in a 1 MB body would exhaust the stack.
#ifndef CORDON_SERVER_JSON_LIMITS_H_
#define CORDON_SERVER_JSON_LIMITS_H_

#include <string_view>

#include "cordon/status.h"

namespace cordon::server {

inline constexpr int kMaxJsonDepth = 32;

// InvalidArgument when arrays/objects nest deeper than `max_depth` (strings
// and escapes are skipped; the JSON need not be valid).
Status CheckJsonDepth(std::string_view text, int max_depth);

}  // namespace cordon::server

#endif  // CORDON_SERVER_JSON_LIMITS_H_
