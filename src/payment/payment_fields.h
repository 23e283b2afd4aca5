// A payment message reduced to the fields that get screened, whatever its
// format: each with its path ("Cdtr/Nm", ":59:"), its transaction and what
// kind of value it is.
#ifndef CORDON_PAYMENT_PAYMENT_FIELDS_H_
#define CORDON_PAYMENT_PAYMENT_FIELDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "cordon/payment.h"
#include "cordon/status.h"

namespace cordon {

struct PaymentField {
  std::string path;
  int transaction = 0;
  FieldKind kind = FieldKind::kParty;
  std::string value;
  int64_t line = 0;  // 1-based line within the message
};

struct ParsedPayment {
  PaymentFormat format = PaymentFormat::kAuto;
  std::string reference;
  size_t transactions = 0;
  std::vector<PaymentField> fields;
  // Non-OK: malformed. location().field names the field, line is relative
  // to the message. A syntax error leaves `fields` empty; a semantic error
  // (bad BIC, missing party) keeps the fields read.
  Status status;
};

}  // namespace cordon

#endif  // CORDON_PAYMENT_PAYMENT_FIELDS_H_
