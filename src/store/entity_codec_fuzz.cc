// Fuzz target: decoding a (damaged) stored record must never crash, and any
// record it accepts must re-encode to a record that decodes to the same.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "store/entity_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  cordon::Entity e;
  if (!cordon::DecodeEntity(text, &e).ok()) return 0;
  std::string once = cordon::EncodeEntity(e);
  cordon::Entity again;
  if (!cordon::DecodeEntity(once, &again).ok()) __builtin_trap();
  if (cordon::EncodeEntity(again) != once) __builtin_trap();
  (void)cordon::ChangedFields(text, once);
  return 0;
}
