// Fuzz target: any valid UTF-8 name normalises without crashing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/utf8.h"
#include "normalize/name_normalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (size > 4096 || !cordon::IsValidUtf8(text)) return 0;
  cordon::NormalizeName(text);
  cordon::NormalizeName(text, {.is_person = true});
  cordon::NormalizeName(text, {.is_organization = true});
  return 0;
}
