// Fuzzes the HTTP request parser: whole inputs and the same bytes fed in
// growing prefixes (as a slow client sends them), checking that both ways
// agree and that consumed() never exceeds the input.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "http/request_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using cordon::server::RequestParser;
  std::string in(reinterpret_cast<const char*>(data), size);
  cordon::server::ParserLimits limits;
  limits.max_body_bytes = 4096;
  limits.max_header_bytes = 2048;
  // Parse as a stream of pipelined requests.
  size_t off = 0;
  RequestParser whole(limits);
  RequestParser::State last = RequestParser::State::kIncomplete;
  while (off < in.size()) {
    last = whole.Parse(std::string_view(in).substr(off));
    if (last != RequestParser::State::kComplete) break;
    if (whole.consumed() == 0 || whole.consumed() > in.size() - off) std::abort();
    off += whole.consumed();
    whole.Reset();
  }
  // Byte by byte for the first request must reach the same first outcome.
  RequestParser first(limits);
  RequestParser::State a = first.Parse(in);
  RequestParser slow(limits);
  RequestParser::State b = RequestParser::State::kIncomplete;
  for (size_t n = 1; n <= in.size() && n <= 8192; ++n) {
    b = slow.Parse(std::string_view(in).substr(0, n));
    if (b != RequestParser::State::kIncomplete) break;
  }
  if (in.size() <= 8192 && a != b) std::abort();
  if (a == RequestParser::State::kComplete && b == a && first.consumed() != slow.consumed()) std::abort();
  return 0;
}
