// Fuzz target: the customer CSV parser must never crash or hang, and every
// accepted row must satisfy the documented invariants.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/utf8.h"
#include "store/customer_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  cordon::CustomerFile f;
  (void)cordon::ParseCustomerCsv(text, "fuzz.csv", &f);
  for (const auto& r : f.rows) {
    if (r.id.empty() || r.name.empty() || r.name.size() > 1024 || !cordon::IsValidUtf8(r.name)) __builtin_trap();
    (void)cordon::EncodeCustomer(r);
  }
  for (const auto& e : f.errors) {
    if (e.location().line < 2) __builtin_trap();
  }
  return 0;
}
