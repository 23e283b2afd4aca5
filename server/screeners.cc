#include "screeners.h"

namespace cordon::server {

Result<const TextScreener*> LazyScreeners::Text() {
  std::call_once(text_once_, [this] {
    Result<std::unique_ptr<TextScreener>> s = TextScreener::Create(*engine_);
    if (s.ok()) {
      text_ = std::move(s.value());
    } else {
      text_status_ = s.status();
    }
  });
  if (text_ == nullptr) return text_status_;
  return static_cast<const TextScreener*>(text_.get());
}

Result<const PaymentScreener*> LazyScreeners::Payment() {
  std::call_once(payment_once_, [this] {
    Result<std::unique_ptr<PaymentScreener>> s = PaymentScreener::Create(*engine_);
    if (s.ok()) {
      payment_ = std::move(s.value());
    } else {
      payment_status_ = s.status();
    }
  });
  if (payment_ == nullptr) return payment_status_;
  return static_cast<const PaymentScreener*>(payment_.get());
}

}  // namespace cordon::server
