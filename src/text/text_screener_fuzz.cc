// Fuzz target: any bytes through the text screener (over a small fixed
// engine) either screen or fail with a Status; offsets stay in range.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "cordon/text.h"
#include "text/test_engine.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static cordon::Engine* engine = cordon::MakeTestEngine().release();
  static cordon::TextScreener* screener = cordon::TextScreener::Create(*engine).value().release();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto report = screener->Screen(text, {});
  if (!report.ok()) return 0;
  for (const auto& m : report->mentions) {
    if (m.start > m.end || m.end > size || m.matches.empty()) std::abort();
  }
  for (const auto& j : report->jurisdictions) {
    if (j.start > j.end || j.end > size || j.code.empty()) std::abort();
  }
  return 0;
}
