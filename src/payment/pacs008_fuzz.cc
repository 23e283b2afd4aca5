// Fuzz target: any bytes through the pacs.008 splitter and parser, fed in
// uneven pieces: no crash, no hang, every message reported.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "payment/message_splitter.h"
#include "payment/pacs008_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t seen = 0;
  cordon::MessageSplitter splitter(cordon::PaymentFormat::kPacs008, 4096, [&](const cordon::RawMessage& m) {
    ++seen;
    if (m.index != seen) std::abort();
    if (!m.too_large) {
      cordon::ParsedPayment p = cordon::ParsePacs008(m.text, {.max_depth = 32});
      if (!p.status.ok() && p.status.location().field.empty() &&
          p.status.code() != cordon::StatusCode::kInternal) {
        std::abort();  // every error names a field
      }
    }
  });
  size_t step = size % 7 + 1;
  for (size_t pos = 0; pos < size; pos += step) {
    if (!splitter.Feed(input.substr(pos, step)).ok()) return 0;
  }
  (void)splitter.Finish();
  cordon::ParsePacs008(input);  // the whole input as one message, too
  return 0;
}
