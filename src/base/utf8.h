// UTF-8 validation and simple conversions.
#ifndef CORDON_BASE_UTF8_H_
#define CORDON_BASE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace cordon {

// Returns the byte offset of the first invalid UTF-8 sequence (overlong,
// surrogate, truncated, > U+10FFFF), or std::string_view::npos if valid.
size_t FindInvalidUtf8(std::string_view text);
inline bool IsValidUtf8(std::string_view text) {
  return FindInvalidUtf8(text) == std::string_view::npos;
}

// True when every byte is < 0x80.
bool IsAscii(std::string_view text);

// Windows-1252 / Latin-1 bytes to UTF-8 (OFAC files are declared ASCII but
// are safest read as Windows-1252).
std::string Latin1ToUtf8(std::string_view text);

// Strips ASCII whitespace at both ends.
std::string_view TrimAscii(std::string_view text);

// Decodes one UTF-8 code point at text[*pos] and advances *pos (never past
// the end). REQUIRES: *pos < text.size(); valid UTF-8 for a meaningful
// code point (a stray byte is read as a short sequence, without overrun).
char32_t DecodeUtf8(std::string_view text, size_t* pos);
// Appends the UTF-8 encoding of `c`.
void AppendUtf8(char32_t c, std::string* out);
// Code points in valid UTF-8 `text` (bytes that are not continuation bytes).
size_t CountCodePoints(std::string_view text);

}  // namespace cordon

#endif  // CORDON_BASE_UTF8_H_
