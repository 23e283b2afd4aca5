// Parsing one SWIFT MT103 message ({1:...}{2:...}{3:...}{4:\n:20:...\n-}{5:...})
// into the fields to screen.
#ifndef CORDON_PAYMENT_MT103_PARSER_H_
#define CORDON_PAYMENT_MT103_PARSER_H_

#include <string_view>

#include "payment/payment_fields.h"

namespace cordon {

// Fields read (path = the tag as written, ":59:", ":50K:"):
//   sender/receiver BICs of blocks 1 and 2 ("{1:}", "{2:}") as kBic;
//   :50a: ordering customer and :59a: beneficiary: option A BIC, option K /
//   no letter "/account" + name + address lines, option F "1/name",
//   "2/address", "3/CC/town" structured lines -> the name as kParty, the
//   address as kFreeText, the country as kCountry and the town as kTown;
//   :52a: :53a: :54a: :55a: :56a: :57a: institutions (A: BIC, D: name and
//   address); :70: remittance, :72: sender to receiver, :77B: regulatory
//   reporting as kFreeText.
// Errors (ParsedPayment::status, field = the tag or block): no block 4, an
// unterminated block 4, block 2 naming another message type, a line outside
// any field, a missing mandatory field (:20:, :23B:, :32A:, :50a:, :59a:),
// an invalid :32A: (date, currency, amount) or BIC. Text must be ASCII or
// UTF-8 (the SWIFT character set is a subset).
ParsedPayment ParseMt103(std::string_view text);

}  // namespace cordon

#endif  // CORDON_PAYMENT_MT103_PARSER_H_
