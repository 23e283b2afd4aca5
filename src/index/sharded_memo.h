// A bounded, thread-safe memo from strings to small values.
//
// Customer files repeat given names and surnames endlessly, so what the
// index works out for one query token (its vocabulary matches, its weight)
// is worth remembering. The memo is split into shards, each behind its own
// mutex, so threads rarely wait on each other. When a shard is full it is
// emptied whole: simple, bounded, and good enough for data whose common
// tokens come back within seconds.
#ifndef CORDON_INDEX_SHARDED_MEMO_H_
#define CORDON_INDEX_SHARDED_MEMO_H_

#include <array>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cordon {

template <typename Value>
class ShardedMemo {
 public:
  // At most `capacity` entries in all (rounded up to whole shards).
  explicit ShardedMemo(size_t capacity) : per_shard_(capacity / kShards + 1) {}
  ShardedMemo(const ShardedMemo&) = delete;
  ShardedMemo& operator=(const ShardedMemo&) = delete;

  // Copies the value remembered for `key` into *out. Returns false (and
  // leaves *out alone) when there is none. Thread-safe.
  bool Find(std::string_view key, Value* out) const {
    size_t h = std::hash<std::string_view>()(key);
    Shard& s = shards_[h % kShards];
    std::lock_guard<std::mutex> lock(s.mu);
    auto it = s.map.find(key);
    if (it == s.map.end()) return false;
    *out = it->second;
    return true;
  }

  // Remembers value for key (replacing any). Thread-safe.
  void Insert(std::string_view key, const Value& value) {
    size_t h = std::hash<std::string_view>()(key);
    Shard& s = shards_[h % kShards];
    std::lock_guard<std::mutex> lock(s.mu);
    if (s.map.size() >= per_shard_) s.map.clear();
    s.map.insert_or_assign(std::string(key), value);
  }

 private:
  static constexpr size_t kShards = 64;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  struct Shard {
    std::mutex mu;
    std::unordered_map<std::string, Value, Hash, std::equal_to<>> map;
  };
  size_t per_shard_;
  mutable std::array<Shard, kShards> shards_;
};

}  // namespace cordon

#endif  // CORDON_INDEX_SHARDED_MEMO_H_
