// A GoogleTest fixture for tests over one real list. Test-only: part of
// cordon_lists_testing; never linked into the library.
#ifndef CORDON_LISTS_COMMON_SHARED_SOURCE_FIXTURE_H_
#define CORDON_LISTS_COMMON_SHARED_SOURCE_FIXTURE_H_

#include <gtest/gtest.h>

#include <chrono>

#include "cordon/status.h"
#include "lists/loaded_source.h"

namespace cordon {

// The tests of a suite derived from SharedSourceFixture<Suite> share one
// LoadedSource, loaded before the suite's first test and freed after its
// last (a real list takes a while to load). Suite defines
//   static Status Load(LoadedSource* out);  // public
// Tests read src_ (what was loaded), status_ (what Load returned; src_ may
// be partly filled when it is not OK) and load_ms_ (wall time of Load).
template <typename Suite>
class SharedSourceFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    src_ = new LoadedSource();
    auto start = std::chrono::steady_clock::now();
    status_ = new Status(Suite::Load(src_));
    load_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  }
  static void TearDownTestSuite() {
    delete src_;
    delete status_;
    src_ = nullptr;
    status_ = nullptr;
  }

  static inline LoadedSource* src_ = nullptr;
  static inline Status* status_ = nullptr;
  static inline double load_ms_ = 0;
};

}  // namespace cordon

#endif  // CORDON_LISTS_COMMON_SHARED_SOURCE_FIXTURE_H_
