// Fuzz target: the CSL parser must never crash or hang, and every entity it
// returns must honour the loader contract.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lists/us_csl/us_csl_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  cordon::LoadedSource out;
  cordon::Status st = cordon::ParseUsCsl(text, "fuzz.csv", "us_csl", &out);
  for (const cordon::Entity& e : out.entities) {
    if (e.source_id.empty() || e.names.empty() || e.names[0].full.empty()) __builtin_trap();
  }
  (void)st;
  return 0;
}
