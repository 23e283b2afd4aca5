#include "match/jaro_winkler.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace cordon {
namespace {

constexpr size_t kMaxPrefix = 4;
constexpr size_t kStackBytes = 256;  // strings up to this length use stack flags

bool TestBit(const uint64_t* bits, size_t i) { return (bits[i >> 6] >> (i & 63)) & 1u; }
void SetBit(uint64_t* bits, size_t i) { bits[i >> 6] |= uint64_t{1} << (i & 63); }

// Jaro-Winkler with caller-provided, zeroed match flags for a and b.
double JaroWinklerWithFlags(std::string_view a, std::string_view b, double prefix_scale, uint64_t* a_flags,
                            uint64_t* b_flags) {
  const size_t n = a.size(), m = b.size();
  const size_t longer = std::max(n, m);
  const size_t window = longer / 2 > 0 ? longer / 2 - 1 : 0;
  size_t matches = 0;
  for (size_t i = 0; i < n; ++i) {
    const size_t lo = i > window ? i - window : 0;
    const size_t hi = std::min(m, i + window + 1);
    for (size_t j = lo; j < hi; ++j) {
      if (!TestBit(b_flags, j) && a[i] == b[j]) {
        SetBit(a_flags, i);
        SetBit(b_flags, j);
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  // Walk the matched characters of both strings in order; each position
  // where they differ is half a transposition.
  size_t out_of_order = 0;
  for (size_t i = 0, j = 0; i < n; ++i) {
    if (!TestBit(a_flags, i)) continue;
    while (!TestBit(b_flags, j)) ++j;
    if (a[i] != b[j]) ++out_of_order;
    ++j;
  }
  const double md = static_cast<double>(matches);
  const double t = static_cast<double>(out_of_order) / 2.0;
  const double jaro = (md / static_cast<double>(n) + md / static_cast<double>(m) + (md - t) / md) / 3.0;
  size_t prefix = 0;
  const size_t prefix_limit = std::min({kMaxPrefix, n, m});
  while (prefix < prefix_limit && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * prefix_scale * (1.0 - jaro);
}

char SoundexDigit(char upper) {
  switch (upper) {
    case 'B':
    case 'F':
    case 'P':
    case 'V':
      return '1';
    case 'C':
    case 'G':
    case 'J':
    case 'K':
    case 'Q':
    case 'S':
    case 'X':
    case 'Z':
      return '2';
    case 'D':
    case 'T':
      return '3';
    case 'L':
      return '4';
    case 'M':
    case 'N':
      return '5';
    case 'R':
      return '6';
    default:
      return 0;  // vowels, Y, H, W
  }
}

}  // namespace

double JaroWinkler(std::string_view a, std::string_view b, double prefix_scale) {
  if (a == b) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  if (a.size() <= kStackBytes && b.size() <= kStackBytes) {
    std::array<uint64_t, kStackBytes / 64> a_flags{}, b_flags{};
    return JaroWinklerWithFlags(a, b, prefix_scale, a_flags.data(), b_flags.data());
  }
  std::vector<uint64_t> a_flags(a.size() / 64 + 1), b_flags(b.size() / 64 + 1);
  return JaroWinklerWithFlags(a, b, prefix_scale, a_flags.data(), b_flags.data());
}

double JaroWinklerReference(std::string_view a, std::string_view b, double prefix_scale) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  const int window = std::max(0, std::max(n, m) / 2 - 1);
  std::vector<bool> a_used(n, false), b_used(m, false);
  for (int i = 0; i < n; ++i) {
    for (int j = std::max(0, i - window); j <= std::min(m - 1, i + window); ++j) {
      if (b_used[j] || a[i] != b[j]) continue;
      a_used[i] = b_used[j] = true;
      break;
    }
  }
  std::string a_matched, b_matched;
  for (int i = 0; i < n; ++i) {
    if (a_used[i]) a_matched.push_back(a[i]);
  }
  for (int j = 0; j < m; ++j) {
    if (b_used[j]) b_matched.push_back(b[j]);
  }
  if (a_matched.empty()) return 0.0;
  int half_transpositions = 0;
  for (size_t k = 0; k < a_matched.size(); ++k) {
    if (a_matched[k] != b_matched[k]) ++half_transpositions;
  }
  const double md = static_cast<double>(a_matched.size());
  const double t = half_transpositions / 2.0;
  const double jaro = (md / n + md / m + (md - t) / md) / 3.0;
  int prefix = 0;
  while (prefix < 4 && prefix < n && prefix < m && a[prefix] == b[prefix]) ++prefix;
  return jaro + prefix * prefix_scale * (1.0 - jaro);
}

std::string Soundex(std::string_view word) {
  std::string code;
  char previous = 0;  // digit of the last coded letter; 0 after a vowel
  for (char c : word) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) continue;
    const char upper = static_cast<char>(c & ~0x20);
    const char digit = SoundexDigit(upper);
    if (code.empty()) {
      code.push_back(upper);
      previous = digit;
      continue;
    }
    if (upper == 'H' || upper == 'W') continue;  // transparent: do not separate equal codes
    if (digit == 0) {
      previous = 0;  // a vowel separates equal codes
      continue;
    }
    if (digit != previous) {
      code.push_back(digit);
      if (code.size() == 4) return code;
    }
    previous = digit;
  }
  if (code.empty()) return code;
  code.resize(4, '0');
  return code;
}

}  // namespace cordon
