// Copyright (c) cordon authors.
//
// JSON for the text and payment reports (POST /v1/screen/text, /payment).
// Each party match is written as in /match (WriteMatch), so every hit carries
// its explanation and list version.
#ifndef CORDON_SERVER_HANDLERS_SCREENING_JSON_H_
#define CORDON_SERVER_HANDLERS_SCREENING_JSON_H_

#include "cordon/payment.h"
#include "cordon/text.h"
#include "engine_holder.h"
#include "base/json_writer.h"

namespace cordon::server {

void WriteTextReport(const TextReport& report, const ServingState& state, double match_threshold,
                     JsonWriter* out);
void WritePaymentReport(const PaymentReport& report, const ServingState& state, double match_threshold,
                        JsonWriter* out);

}  // namespace cordon::server

#endif  // CORDON_SERVER_HANDLERS_SCREENING_JSON_H_
