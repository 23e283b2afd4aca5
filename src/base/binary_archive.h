// A binary archive for snapshots: one list of members per type, read and
// written by the same code, so a member cannot be written and forgotten on
// the way back.
//
// A type takes part by specialising ArchiveFields<T> with
//     static auto Of(T& t) { return std::tie(t.a, t.b, ...); }
// listing every member that is not derived from the others, and
//     static constexpr int kSkipped = N;  // members deliberately left out
// For aggregates, CheckArchiveFields<T>() (a static_assert) compares the
// members listed plus kSkipped with the members the type has, so adding a
// member to an archived struct fails to compile until it is listed or
// skipped on purpose.
//
// Supported members: arithmetic types and enums (raw bytes, little-endian
// hosts only), std::string, std::vector, std::pair, std::unordered_map and
// types with ArchiveFields. A vector of numbers, or of structs that declare
// kRaw (numbers only, no padding), is copied as one block. An enum needs ArchiveEnumMax<E> (its
// largest valid value) so a reader can reject values the build does not
// know.
//
// ArchiveReader never reads past its input, never allocates more than a
// small multiple of the bytes left, and reports the first problem with its
// byte offset; it is safe on hostile input.
#ifndef CORDON_BASE_BINARY_ARCHIVE_H_
#define CORDON_BASE_BINARY_ARCHIVE_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <typeinfo>
#include <unordered_map>
#include <utility>
#include <vector>

namespace cordon {

// XXH64 of `bytes` (the published algorithm, so other tools can check a
// file): a fast checksum, not a cryptographic hash.
uint64_t Checksum64(std::string_view bytes, uint64_t seed = 0);

// Checksum64 of bytes that arrive in pieces: Digest() after any number of
// Update() calls equals Checksum64 of their concatenation.
class Checksum64Stream {
 public:
  explicit Checksum64Stream(uint64_t seed = 0);
  void Update(const void* data, size_t n);
  uint64_t Digest() const;

 private:
  uint64_t seed_;
  uint64_t v_[4];
  uint64_t total_ = 0;
  unsigned char tail_[32];
  size_t tail_size_ = 0;
};

// Specialise for each archived type (see the header comment).
template <class T>
struct ArchiveFields;

// Specialise for each archived enum: static constexpr uint64_t kMax = ...;
template <class E>
struct ArchiveEnumMax;

namespace archive_internal {

template <class T>
concept HasFields = requires(T& t) {
  ArchiveFields<T>::Of(t);
};

template <class T>
struct IsVector : std::false_type {};
template <class T, class A>
struct IsVector<std::vector<T, A>> : std::true_type {};
template <class T>
struct IsPair : std::false_type {};
template <class A, class B>
struct IsPair<std::pair<A, B>> : std::true_type {};
template <class T>
struct IsMap : std::false_type {};
template <class K, class V, class H, class E, class A>
struct IsMap<std::unordered_map<K, V, H, E, A>> : std::true_type {};

// Copied as bytes inside a vector: numbers, and structs whose
// ArchiveFields say `static constexpr bool kRaw = true;` (all members
// numbers, no padding: checked here).
template <class T>
constexpr bool RawCopy() {
  if constexpr (std::is_arithmetic_v<T>) {
    return !std::is_same_v<T, bool>;
  } else if constexpr (requires { ArchiveFields<T>::kRaw; }) {
    static_assert(std::is_trivially_copyable_v<T> && std::has_unique_object_representations_v<T>,
                  "kRaw needs a trivially copyable struct without padding");
    return ArchiveFields<T>::kRaw;
  } else {
    return false;
  }
}
template <class T>
inline constexpr bool kRawCopy = RawCopy<T>();

// Members of an aggregate, counted by how many initialisers it accepts.
struct AnyMember {
  template <class T>
  operator T() const;  // NOLINT: never defined, used unevaluated
};
template <class T, class... A>
constexpr size_t AggregateMembers() {
  if constexpr (requires { T{A{}..., AnyMember{}}; }) {
    return AggregateMembers<T, A..., AnyMember>();
  } else {
    return sizeof...(A);
  }
}

template <class T>
constexpr size_t ListedMembers() {
  return std::tuple_size_v<decltype(ArchiveFields<T>::Of(std::declval<T&>()))> + ArchiveFields<T>::kSkipped;
}

}  // namespace archive_internal

// True when ArchiveFields<T> lists (or skips) every member of aggregate T.
template <class T>
constexpr bool ArchiveFieldsComplete() {
  static_assert(std::is_aggregate_v<T>, "use a sizeof check for classes that are not aggregates");
  return archive_internal::AggregateMembers<T>() == archive_internal::ListedMembers<T>();
}

class ArchiveWriter {
 public:
  template <class... T>
  void operator()(const T&... values) {
    (Field(values), ...);
  }

  template <class T>
  void Field(const T& v) {
    using namespace archive_internal;
    if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
      Raw(&v, sizeof(T));
    } else if constexpr (std::is_same_v<T, std::string>) {
      Length(v.size());
      Raw(v.data(), v.size());
    } else if constexpr (IsVector<T>::value) {
      using E = typename T::value_type;
      Length(v.size());
      if constexpr (kRawCopy<E>) {
        Raw(v.data(), v.size() * sizeof(E));
      } else {
        for (const E& e : v) Field(e);
      }
    } else if constexpr (IsPair<T>::value) {
      Field(v.first);
      Field(v.second);
    } else if constexpr (IsMap<T>::value) {
      // Sorted by key: the same map always gives the same bytes.
      std::vector<const typename T::value_type*> items;
      items.reserve(v.size());
      for (const auto& kv : v) items.push_back(&kv);
      std::sort(items.begin(), items.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
      Length(items.size());
      for (const auto* kv : items) {
        Field(kv->first);
        Field(kv->second);
      }
    } else {
      static_assert(HasFields<T>, "no ArchiveFields<T> for this type");
      std::apply([this](auto&... m) { (Field(m), ...); }, ArchiveFields<T>::Of(const_cast<T&>(v)));
    }
  }

  void Raw(const void* data, size_t n) {
    bytes_.append(static_cast<const char*>(data), n);
    if (sink_ && bytes_.size() >= kFlushBytes) Flush();
  }
  // Without a sink: everything written so far. With one: what is not
  // flushed yet.
  std::string& bytes() { return bytes_; }

  // Sends written bytes to `sink` (in pieces of about 1 MiB, in order)
  // instead of keeping them; a false return is remembered in ok().
  void SetSink(std::function<bool(std::string_view)> sink) { sink_ = std::move(sink); }
  // Passes what is buffered to the sink. Returns ok().
  bool Flush() {
    if (sink_ && !bytes_.empty()) {
      sink_ok_ = sink_(bytes_) && sink_ok_;
      bytes_.clear();
    }
    return sink_ok_;
  }
  bool ok() const { return sink_ok_; }

 private:
  static constexpr size_t kFlushBytes = size_t{1} << 20;
  void Length(uint64_t n) { Raw(&n, sizeof(n)); }
  std::string bytes_;
  std::function<bool(std::string_view)> sink_;
  bool sink_ok_ = true;
};

class ArchiveReader {
 public:
  // Reads `bytes`, which must outlive the reader.
  explicit ArchiveReader(std::string_view bytes) : bytes_(bytes) {}
  // Reads `size` bytes of the open file `fd` from `offset`, in pieces of
  // 1 MiB (pread: several readers may share one descriptor), so memory
  // holds the decoded values and one piece, never the whole file.
  // FileChecksum() is the Checksum64 of the bytes read from the file.
  ArchiveReader(int fd, uint64_t offset, uint64_t size);

  // Reads the values in order; false (and error() set) at the first problem.
  template <class... T>
  bool operator()(T&... values) {
    return (Field(values) && ...);
  }

  template <class T>
  bool Field(T& v) {
    using namespace archive_internal;
    if (!error_.empty()) return false;
    if constexpr (std::is_same_v<T, bool>) {
      uint8_t b = 0;
      if (!Raw(&b, 1, "flag")) return false;
      if (b > 1) return Fail("flag value " + std::to_string(b) + " is not 0 or 1");
      v = b != 0;
      return true;
    } else if constexpr (std::is_arithmetic_v<T>) {
      return Raw(&v, sizeof(T), "number");
    } else if constexpr (std::is_enum_v<T>) {
      std::underlying_type_t<T> u{};
      if (!Raw(&u, sizeof(u), "enum")) return false;
      if (static_cast<uint64_t>(u) > ArchiveEnumMax<T>::kMax) {
        return Fail("enum value " + std::to_string(static_cast<uint64_t>(u)) + " out of range");
      }
      v = static_cast<T>(u);
      return true;
    } else if constexpr (std::is_same_v<T, std::string>) {
      uint64_t n = 0;
      if (!Length(&n, 1)) return false;
      if (n <= bytes_.size() - pos_) {
        v.assign(bytes_.data() + pos_, n);
        pos_ += n;
        return true;
      }
      v.resize(n);
      return Raw(v.data(), n, "text");
    } else if constexpr (IsVector<T>::value) {
      using E = typename T::value_type;
      uint64_t n = 0;
      if constexpr (kRawCopy<E>) {
        if (!Length(&n, sizeof(E))) return false;
        v.resize(n);
        return Raw(v.data(), n * sizeof(E), "array");
      } else {
        if (!Length(&n, 1)) return false;
        v.clear();
        v.reserve(std::min<uint64_t>(n, left() / 8 + 1));
        for (uint64_t i = 0; i < n; ++i) {
          v.emplace_back();
          if (!Field(v.back())) return false;
        }
        return true;
      }
    } else if constexpr (IsPair<T>::value) {
      return Field(v.first) && Field(v.second);
    } else if constexpr (IsMap<T>::value) {
      uint64_t n = 0;
      if (!Length(&n, 1)) return false;
      v.clear();
      v.reserve(std::min<uint64_t>(n, left() / 8 + 1));
      for (uint64_t i = 0; i < n; ++i) {
        std::pair<typename T::key_type, typename T::mapped_type> kv;
        if (!Field(kv)) return false;
        if (!v.emplace(std::move(kv)).second) return Fail("duplicate key in a map");
      }
      return true;
    } else {
      static_assert(HasFields<T>, "no ArchiveFields<T> for this type");
      return std::apply([this](auto&... m) { return (Field(m) && ...); }, ArchiveFields<T>::Of(v));
    }
  }

  bool Raw(void* out, size_t n, const char* what) {
    if (n > left()) {
      return Fail(std::string("truncated ") + what + ": needs " + std::to_string(n) + " bytes, " +
                  std::to_string(left()) + " left");
    }
    if (n <= bytes_.size() - pos_) {
      if (n > 0) std::memcpy(out, bytes_.data() + pos_, n);
      pos_ += n;
      return true;
    }
    return RawFromFile(static_cast<char*>(out), n);
  }

  // File mode: reads (and checksums) whatever the decoder did not, so
  // FileChecksum() covers the whole range. Returns false on a read error.
  bool Drain();
  uint64_t FileChecksum() const { return file_sum_.Digest(); }
  // A read from the file failed (an I/O error, or the file shrank).
  bool io_failed() const { return io_failed_; }

  // Records a problem found by the caller (a value out of range).
  bool Fail(std::string message) {
    if (error_.empty()) error_ = "at byte " + std::to_string(offset()) + ": " + std::move(message);
    return false;
  }

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  size_t left() const { return bytes_.size() - pos_ + static_cast<size_t>(file_end_ - file_pos_); }
  size_t offset() const { return static_cast<size_t>(consumed_before_ + pos_); }

 private:
  bool RawFromFile(char* out, size_t n);
  bool Refill();

  // A count of items of at least `item_bytes` each: refused when the bytes
  // left cannot hold them, so a corrupt count never allocates.
  bool Length(uint64_t* n, size_t item_bytes) {
    if (!Raw(n, sizeof(*n), "length")) return false;
    if (*n > left() / item_bytes) {
      return Fail("length " + std::to_string(*n) + " exceeds the " + std::to_string(left()) + " bytes left");
    }
    return true;
  }

  std::string_view bytes_;  // the input, or the piece of the file read last
  size_t pos_ = 0;
  std::string error_;
  // File mode.
  int fd_ = -1;
  uint64_t file_pos_ = 0, file_end_ = 0;  // not read yet: [file_pos_, file_end_)
  uint64_t consumed_before_ = 0;          // bytes of earlier pieces
  std::unique_ptr<char[]> buffer_;
  Checksum64Stream file_sum_;
  bool io_failed_ = false;
};

// A description of what ArchiveWriter writes for a type: member types in
// order, sizes of raw blocks. Two builds that describe a type alike read
// each other's bytes; a snapshot records it to refuse the other builds'.
class ArchiveLayout {
 public:
  template <class... T>
  void operator()(const T&... values) {
    (Field(values), ...);
  }

  template <class T>
  void Field(const T&) {
    Describe<T>();
  }

  template <class T>
  void Describe() {
    using namespace archive_internal;
    if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
      out_ += std::is_enum_v<T> ? 'e' : std::is_floating_point_v<T> ? 'f' : std::is_signed_v<T> ? 'i' : 'u';
      out_ += std::to_string(sizeof(T));
    } else if constexpr (std::is_same_v<T, std::string>) {
      out_ += 's';
    } else if constexpr (IsVector<T>::value) {
      out_ += kRawCopy<typename T::value_type> ? "raw" + std::to_string(sizeof(typename T::value_type)) + "["
                                               : "[";
      Describe<typename T::value_type>();
      out_ += ']';
    } else if constexpr (IsPair<T>::value) {
      out_ += '(';
      Describe<typename T::first_type>();
      Describe<typename T::second_type>();
      out_ += ')';
    } else if constexpr (IsMap<T>::value) {
      out_ += "map(";
      Describe<typename T::key_type>();
      Describe<typename T::mapped_type>();
      out_ += ')';
    } else {
      out_ += '{';
      using Tuple = decltype(ArchiveFields<T>::Of(std::declval<T&>()));
      DescribeTuple<Tuple>(std::make_index_sequence<std::tuple_size_v<Tuple>>());
      out_ += '}';
    }
  }

  const std::string& text() const { return out_; }

 private:
  template <class Tuple, size_t... I>
  void DescribeTuple(std::index_sequence<I...>) {
    (Describe<std::remove_cvref_t<std::tuple_element_t<I, Tuple>>>(), ...);
  }
  std::string out_;
};

}  // namespace cordon

#endif  // CORDON_BASE_BINARY_ARCHIVE_H_
