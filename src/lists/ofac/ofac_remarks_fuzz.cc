// Fuzz target: ParseOfacRemarks must never crash, hang or produce an empty
// alias or document number, whatever the bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lists/ofac/ofac_remarks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  cordon::OfacRemarks r = cordon::ParseOfacRemarks(text);
  for (const cordon::Name& n : r.aliases) {
    if (n.full.empty() || n.quality != cordon::NameQuality::kWeak) __builtin_trap();
  }
  for (const cordon::IdentityDocument& d : r.documents) {
    if (d.number.empty()) __builtin_trap();
  }
  for (const cordon::PartialDate& d : r.birth_dates) {
    if (d.empty()) __builtin_trap();
  }
  // Output never holds more items than the input has separators + 1.
  size_t items = r.birth_dates.size() + r.birth_places.size() + r.documents.size() + r.aliases.size() + r.other.size() +
                 r.problems.size();
  size_t separators = 0;
  for (char c : text) separators += c == ';';
  if (items > separators + 1) __builtin_trap();
  return 0;
}
