// A read-only hash table from token strings to lists of ids, built once.
//
// The index asks it hundreds of times per query (a token, each of its
// one-letter deletions, its phonetic key, its skeleton), so it is flat:
// keys are 64-bit hashes in one open-addressing array, ids in one
// contiguous vector, a small bit filter answers most misses, and a lookup
// never allocates. Two different strings
// with one 64-bit hash would share their id lists; every caller verifies
// candidates (CompareTokens, or a text comparison), so a collision can add a
// candidate but never a wrong answer.
#ifndef CORDON_INDEX_TOKEN_HASH_TABLE_H_
#define CORDON_INDEX_TOKEN_HASH_TABLE_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace cordon {

class NameIndexCodec;
template <class T>
struct ArchiveFields;

// 64-bit hash of a token; `seed` separates key spaces (text, phonetic...).
uint64_t HashToken(std::string_view token, uint64_t seed);

// HashToken() of `token` with the letter at `skip` removed, without
// building that string.
uint64_t HashTokenWithout(std::string_view token, size_t skip, uint64_t seed);

class TokenHashTable {
 public:
  TokenHashTable() = default;

  // Builds the table from (hash, id) pairs; duplicates are dropped and each
  // hash's ids are kept in ascending order.
  static TokenHashTable Build(std::vector<std::pair<uint64_t, uint32_t>> entries);

  // The ids stored under `hash`; empty when none. Thread-safe (read-only).
  std::span<const uint32_t> Find(uint64_t hash) const;

  size_t size() const { return ids_.size(); }

 private:
  // Snapshots: see name_index_codec.h.
  friend class NameIndexCodec;
  template <class T>
  friend struct ArchiveFields;

  struct Slot {
    uint64_t hash = 0;
    uint32_t begin = 0;
    uint32_t count = 0;  // 0 = empty slot
  };
  std::vector<Slot> slots_;  // power-of-two size, linear probing
  // One bit per possible hash value class, 16 bits per key: most lookups
  // (a deletion of a word no list has) stop here without touching slots_,
  // which is large and far away in memory.
  std::vector<uint64_t> filter_;
  std::vector<uint32_t> ids_;
};

}  // namespace cordon

#endif  // CORDON_INDEX_TOKEN_HASH_TABLE_H_
