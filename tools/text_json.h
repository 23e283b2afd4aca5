// The JSON shape of free-text and payment screening results, shared by
// `screen-text --json` and `screen-payment --json`.
#ifndef CORDON_TOOLS_TEXT_JSON_H_
#define CORDON_TOOLS_TEXT_JSON_H_

#include <vector>

#include "cordon/payment.h"
#include "cordon/text.h"
#include "base/json_writer.h"

namespace cordon {

// {"text","start","end","kind","matches":[...]} (+"refers_to" for surname_ref)
void WriteMentionJson(const TextMention& m, JsonWriter* w);
// {"code","name","text","start","end","kind","comprehensive","programs":[...]}
void WriteJurisdictionJson(const JurisdictionMention& j, JsonWriter* w);
// {"<source>": {"as_of": ..., "version": ...}, ...}
void WriteListVersionsJson(const std::vector<ListVersion>& versions, JsonWriter* w);
// {"index","format","line","reference","transactions","status":"ok"|"error",
//  "error":{...},"hits":[{"field","transaction","kind","value","matches","mentions","jurisdictions"}]}
void WritePaymentMessageJson(const PaymentMessageReport& m, JsonWriter* w);

// One readable line per match / place, for the text output.
std::string DescribeMatch(const Match& m);
std::string DescribeJurisdiction(const JurisdictionMention& j);

}  // namespace cordon

#endif  // CORDON_TOOLS_TEXT_JSON_H_
