// Fuzz target: any bytes through the MT splitter and MT103 parser.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "payment/message_splitter.h"
#include "payment/mt103_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  cordon::MessageSplitter splitter(cordon::PaymentFormat::kMt103, 2048, [](const cordon::RawMessage& m) {
    if (m.too_large) return;
    cordon::ParsedPayment p = cordon::ParseMt103(m.text);
    for (const auto& f : p.fields) {
      if (f.path.empty() || f.value.empty()) std::abort();
    }
  });
  size_t step = size % 5 + 1;
  for (size_t pos = 0; pos < size; pos += step) {
    if (!splitter.Feed(input.substr(pos, step)).ok()) return 0;
  }
  (void)splitter.Finish();
  cordon::ParseMt103(input);
  return 0;
}
