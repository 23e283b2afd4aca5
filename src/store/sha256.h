// SHA-256 (FIPS 180-4), used for record content hashes and the audit chain.
// Our own ~100-line implementation: no crypto library is needed for hashing
// alone, and the test vectors in sha256_test.cc pin it to the standard.
#ifndef CORDON_STORE_SHA256_H_
#define CORDON_STORE_SHA256_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cordon {

// Incremental hasher. Not thread-safe; cheap to construct.
class Sha256 {
 public:
  Sha256();
  void Update(std::string_view data);
  // The 32-byte digest. The hasher must not be updated afterwards.
  std::array<uint8_t, 32> Finish();

 private:
  void Block(const uint8_t* p);

  uint32_t h_[8];
  uint8_t buf_[64];
  size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

// Lower-case hex SHA-256 of `data` (64 characters).
std::string Sha256Hex(std::string_view data);

}  // namespace cordon

#endif  // CORDON_STORE_SHA256_H_
