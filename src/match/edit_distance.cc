#include "match/edit_distance.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace cordon {

int BoundedEditDistance(std::string_view a, std::string_view b, int max_distance) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  const int cap = max_distance + 1;
  if (std::abs(n - m) > max_distance) return cap;
  if (n > 64 || m > 64) return a == b ? 0 : cap;
  if (n == 0 || m == 0) return std::min(std::max(n, m), cap);
  // Quick reject: one edit changes at most two members of the set of
  // letters used (a substitution), a transposition none.
  uint32_t set_a = 0, set_b = 0;
  for (char c : a) set_a |= 1u << (static_cast<unsigned char>(c) & 31);
  for (char c : b) set_b |= 1u << (static_cast<unsigned char>(c) & 31);
  if (std::popcount(set_a ^ set_b) > 2 * max_distance) return cap;
  // Banded DP: a cell further than max_distance off the diagonal already
  // exceeds it; values are capped at max_distance + 1.
  int rows[3][66];
  int* prev2 = rows[0];
  int* prev = rows[1];
  int* cur = rows[2];
  for (int j = 0; j <= m + 1; ++j) prev[j] = std::min(j, cap);
  for (int j = 0; j <= m + 1; ++j) prev2[j] = cap;
  for (int i = 1; i <= n; ++i) {
    const int lo = std::max(1, i - max_distance);
    const int hi = std::min(m, i + max_distance);
    cur[lo - 1] = lo - 1 == 0 ? std::min(i, cap) : cap;
    int row_min = cur[lo - 1];
    for (int j = lo; j <= hi; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, prev2[j - 2] + 1);
      cur[j] = std::min(v, cap);
      row_min = std::min(row_min, cur[j]);
    }
    if (hi + 1 <= m) cur[hi + 1] = cap;
    if (row_min > max_distance) return cap;
    int* t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return std::min(prev[m], cap);
}

int EditDistanceReference(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

}  // namespace cordon
