// Fuzzes the /match body decoder: any bytes must give a decoded request or an
// InvalidArgument naming a field, never a crash, a hang or an exception.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "ftm_query.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  cordon::Result<cordon::server::MatchRequestBody> r = cordon::server::DecodeMatchRequest(body);
  if (r.ok()) {
    for (const auto& q : r.value().queries) {
      if (q.names.empty() || q.key.empty()) std::abort();
    }
  } else if (r.status().code() != cordon::StatusCode::kInvalidArgument ||
             r.status().location().field.empty()) {
    std::abort();
  }
  return 0;
}
