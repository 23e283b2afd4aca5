#include "base/binary_archive.h"

#include <unistd.h>

#include <cerrno>

namespace cordon {
namespace {

// XXH64 (https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md).
constexpr uint64_t kPrime1 = 0x9E3779B185EBCA87ULL;
constexpr uint64_t kPrime2 = 0xC2B2AE3D27D4EB4FULL;
constexpr uint64_t kPrime3 = 0x165667B19E3779F9ULL;
constexpr uint64_t kPrime4 = 0x85EBCA77C2B2AE63ULL;
constexpr uint64_t kPrime5 = 0x27D4EB2F165667C5ULL;

uint64_t Rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

uint64_t Read64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

uint32_t Read32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

uint64_t Round(uint64_t acc, uint64_t lane) {
  acc += lane * kPrime2;
  acc = Rotl(acc, 31);
  return acc * kPrime1;
}

uint64_t Merge(uint64_t acc, uint64_t v) {
  acc ^= Round(0, v);
  return acc * kPrime1 + kPrime4;
}

uint64_t Avalanche(uint64_t h) {
  h ^= h >> 33;
  h *= kPrime2;
  h ^= h >> 29;
  h *= kPrime3;
  h ^= h >> 32;
  return h;
}

// The tail of XXH64: fewer than 32 bytes after the stripes.
uint64_t Finish(uint64_t h, const char* p, const char* end) {
  for (; p + 8 <= end; p += 8) h = Rotl(h ^ Round(0, Read64(p)), 27) * kPrime1 + kPrime4;
  if (p + 4 <= end) {
    h = Rotl(h ^ (uint64_t{Read32(p)} * kPrime1), 23) * kPrime2 + kPrime3;
    p += 4;
  }
  for (; p < end; ++p) h = Rotl(h ^ (static_cast<unsigned char>(*p) * kPrime5), 11) * kPrime1;
  return Avalanche(h);
}

uint64_t Converge(const uint64_t v[4]) {
  uint64_t h = Rotl(v[0], 1) + Rotl(v[1], 7) + Rotl(v[2], 12) + Rotl(v[3], 18);
  for (int i = 0; i < 4; ++i) h = Merge(h, v[i]);
  return h;
}

}  // namespace

uint64_t Checksum64(std::string_view bytes, uint64_t seed) {
  const char* p = bytes.data();
  const char* end = p + bytes.size();
  uint64_t h;
  if (bytes.size() >= 32) {
    uint64_t v1 = seed + kPrime1 + kPrime2, v2 = seed + kPrime2, v3 = seed, v4 = seed - kPrime1;
    for (; p + 32 <= end; p += 32) {
      v1 = Round(v1, Read64(p));
      v2 = Round(v2, Read64(p + 8));
      v3 = Round(v3, Read64(p + 16));
      v4 = Round(v4, Read64(p + 24));
    }
    h = Rotl(v1, 1) + Rotl(v2, 7) + Rotl(v3, 12) + Rotl(v4, 18);
    h = Merge(h, v1);
    h = Merge(h, v2);
    h = Merge(h, v3);
    h = Merge(h, v4);
  } else {
    h = seed + kPrime5;
  }
  h += bytes.size();
  return Finish(h, p, end);
}

Checksum64Stream::Checksum64Stream(uint64_t seed)
    : seed_(seed), v_{seed + kPrime1 + kPrime2, seed + kPrime2, seed, seed - kPrime1} {}

void Checksum64Stream::Update(const void* data, size_t n) {
  const char* p = static_cast<const char*>(data);
  const char* end = p + n;
  total_ += n;
  if (tail_size_ + n < 32) {
    std::memcpy(tail_ + tail_size_, p, n);
    tail_size_ += n;
    return;
  }
  if (tail_size_ > 0) {
    const size_t fill = 32 - tail_size_;
    std::memcpy(tail_ + tail_size_, p, fill);
    p += fill;
    const char* t = reinterpret_cast<const char*>(tail_);
    for (int i = 0; i < 4; ++i) v_[i] = Round(v_[i], Read64(t + 8 * i));
    tail_size_ = 0;
  }
  for (; p + 32 <= end; p += 32) {
    for (int i = 0; i < 4; ++i) v_[i] = Round(v_[i], Read64(p + 8 * i));
  }
  tail_size_ = static_cast<size_t>(end - p);
  std::memcpy(tail_, p, tail_size_);
}

uint64_t Checksum64Stream::Digest() const {
  uint64_t h = total_ >= 32 ? Converge(v_) : seed_ + kPrime5;
  h += total_;
  const char* t = reinterpret_cast<const char*>(tail_);
  return Finish(h, t, t + tail_size_);
}

ArchiveReader::ArchiveReader(int fd, uint64_t offset, uint64_t size)
    : fd_(fd), file_pos_(offset), file_end_(offset + size) {}

bool ArchiveReader::Refill() {
  constexpr size_t kPiece = size_t{1} << 20;
  if (buffer_ == nullptr) buffer_.reset(new char[kPiece]);
  consumed_before_ += bytes_.size();
  const size_t want = static_cast<size_t>(std::min<uint64_t>(kPiece, file_end_ - file_pos_));
  size_t got = 0;
  while (got < want) {
    ssize_t r = ::pread(fd_, buffer_.get() + got, want - got, static_cast<off_t>(file_pos_ + got));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) {
      io_failed_ = true;
      bytes_ = {};
      pos_ = 0;
      return Fail(r < 0 ? std::string("read error: ") + std::strerror(errno) : "the file ended early");
    }
    got += static_cast<size_t>(r);
  }
  file_sum_.Update(buffer_.get(), got);
  file_pos_ += got;
  bytes_ = std::string_view(buffer_.get(), got);
  pos_ = 0;
  return true;
}

bool ArchiveReader::RawFromFile(char* out, size_t n) {
  // REQUIRES: n <= left() and n > what the current piece holds.
  const size_t have = bytes_.size() - pos_;
  if (have > 0) std::memcpy(out, bytes_.data() + pos_, have);  // (no piece read yet: data() is null)
  pos_ += have;
  out += have;
  n -= have;
  while (n > 0) {
    if (!Refill()) return false;
    const size_t take = std::min(n, bytes_.size());
    std::memcpy(out, bytes_.data(), take);
    pos_ = take;
    out += take;
    n -= take;
  }
  return true;
}

bool ArchiveReader::Drain() {
  if (fd_ < 0) return true;
  pos_ = bytes_.size();
  while (file_pos_ < file_end_) {
    if (!Refill()) return false;
    pos_ = bytes_.size();
  }
  return true;
}

}  // namespace cordon
