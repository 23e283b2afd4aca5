// Fuzz target: the custom CSV parser must never crash or hang, and every
// entity it returns must honour the loader contract.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "lists/custom/custom_csv_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  cordon::LoadedSource out;
  cordon::Status st = cordon::ParseCustomCsv(text, "fuzz.csv", "custom", &out);
  std::set<std::string> ids;
  for (const cordon::Entity& e : out.entities) {
    if (e.source_id.empty() || e.names.empty() || e.names[0].full.empty()) __builtin_trap();
    if (!ids.insert(e.source_id).second) __builtin_trap();  // ids are unique
  }
  (void)st;
  return 0;
}
