// Fuzz target: the UN XML loader must never crash, hang or exhaust memory,
// whatever the bytes (including entity-expansion and deep-nesting attacks).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lists/un/un_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view xml(reinterpret_cast<const char*>(data), size);
  cordon::LoadedSource out;
  cordon::Status st = cordon::ParseUnXml(xml, "fuzz.xml", "un", &out);
  for (const cordon::Entity& e : out.entities) {
    if (e.source_id.empty() || e.names.empty() || e.names[0].full.empty()) __builtin_trap();
  }
  (void)st;
  return 0;
}
