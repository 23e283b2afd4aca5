// Copyright (c) cordon authors.
//
// The free-text and payment screeners of one serving engine, built on first
// use (building the text prefilter indexes every listed name, which takes a
// moment and memory that a /match-only deployment need not pay). Each
// ServingState has its own, so a reload never mixes an old screener with a
// new engine. Thread-safe.
#ifndef CORDON_SERVER_SCREENERS_H_
#define CORDON_SERVER_SCREENERS_H_

#include <memory>
#include <mutex>

#include "cordon/engine.h"
#include "cordon/payment.h"
#include "cordon/text.h"

namespace cordon::server {

class LazyScreeners {
 public:
  // `engine` must outlive this object (both live in one ServingState).
  explicit LazyScreeners(const Engine* engine) : engine_(engine) {}

  // The screener, built by the first caller (others wait). Errors: whatever
  // Create() returned, every time.
  Result<const TextScreener*> Text();
  Result<const PaymentScreener*> Payment();

 private:
  const Engine* engine_;
  std::once_flag text_once_;
  std::unique_ptr<TextScreener> text_;
  Status text_status_;
  std::once_flag payment_once_;
  std::unique_ptr<PaymentScreener> payment_;
  Status payment_status_;
};

}  // namespace cordon::server

#endif  // CORDON_SERVER_SCREENERS_H_
