// Fuzzes the population table parser: any bytes give a table or an error
// with a location, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "population/name_population.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  cordon::Result<cordon::NamePopulation> t = cordon::NamePopulation::Parse(text, "fuzz.tsv");
  if (t.ok()) {
    (void)t->Share("smith");
    (void)t->version();
  } else if (t.status().location().line <= 0) {
    __builtin_trap();
  }
  return 0;
}
