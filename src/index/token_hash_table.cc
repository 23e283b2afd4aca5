#include "index/token_hash_table.h"

#include <algorithm>
#include <bit>

namespace cordon {
namespace {

// FNV-1a over the bytes, then a final avalanche (splitmix64) so that the low
// bits used for the slot index are well mixed.
constexpr uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;

uint64_t Mix(uint64_t h) {
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

// The seed is mixed in after the bytes: XORed into the start state it could
// cancel against the first letter ("aa" under one seed = "ba" under another).
uint64_t Finish(uint64_t h, uint64_t seed) { return Mix(h) ^ Mix(seed * 0x9e3779b97f4a7c15ULL + 1); }

}  // namespace

uint64_t HashToken(std::string_view token, uint64_t seed) {
  uint64_t h = kFnvOffset;
  for (unsigned char c : token) h = (h ^ c) * kFnvPrime;
  return Finish(h, seed);
}

uint64_t HashTokenWithout(std::string_view token, size_t skip, uint64_t seed) {
  uint64_t h = kFnvOffset;
  for (size_t i = 0; i < token.size(); ++i) {
    if (i == skip) continue;
    h = (h ^ static_cast<unsigned char>(token[i])) * kFnvPrime;
  }
  return Finish(h, seed);
}

TokenHashTable TokenHashTable::Build(std::vector<std::pair<uint64_t, uint32_t>> entries) {
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  TokenHashTable t;
  size_t distinct = 0;
  for (size_t i = 0; i < entries.size(); ++i) distinct += (i == 0 || entries[i].first != entries[i - 1].first);
  t.slots_.assign(std::bit_ceil(std::max<size_t>(16, distinct * 2)), Slot{});
  t.ids_.reserve(entries.size());
  const size_t mask = t.slots_.size() - 1;
  t.filter_.assign(std::bit_ceil(std::max<size_t>(64, distinct * 16)) / 64, 0);
  const size_t filter_mask = t.filter_.size() * 64 - 1;
  for (const auto& e : entries) {
    size_t bit = (e.first >> 24) & filter_mask;
    t.filter_[bit / 64] |= uint64_t{1} << (bit % 64);
  }
  for (size_t i = 0; i < entries.size();) {
    size_t j = i;
    Slot s;
    s.hash = entries[i].first;
    s.begin = static_cast<uint32_t>(t.ids_.size());
    while (j < entries.size() && entries[j].first == s.hash) t.ids_.push_back(entries[j++].second);
    s.count = static_cast<uint32_t>(j - i);
    size_t pos = s.hash & mask;
    while (t.slots_[pos].count != 0) pos = (pos + 1) & mask;
    t.slots_[pos] = s;
    i = j;
  }
  return t;
}

std::span<const uint32_t> TokenHashTable::Find(uint64_t hash) const {
  if (slots_.empty()) return {};
  const size_t bit = (hash >> 24) & (filter_.size() * 64 - 1);
  if ((filter_[bit / 64] >> (bit % 64) & 1u) == 0) return {};
  const size_t mask = slots_.size() - 1;
  for (size_t pos = hash & mask;; pos = (pos + 1) & mask) {
    const Slot& s = slots_[pos];
    if (s.count == 0) return {};
    if (s.hash == hash) return {ids_.data() + s.begin, s.count};
  }
}

}  // namespace cordon
