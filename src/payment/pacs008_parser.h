// Parsing one ISO 20022 pacs.008 <Document> (FIToFICstmrCdtTrf) into the
// fields to screen. Expat, no DTD: a DOCTYPE or entity declaration is an
// error, as is nesting deeper than a limit.
#ifndef CORDON_PAYMENT_PACS008_PARSER_H_
#define CORDON_PAYMENT_PACS008_PARSER_H_

#include <string_view>

#include "payment/payment_fields.h"

namespace cordon {

struct Pacs008Limits {
  int max_depth = 64;
};

// Parses `xml`, one <Document> element (any namespace prefix). Fields read:
// every party's Nm, PstlAdr (Ctry, TwnNm, CtrySubDvsn, AdrLine), CtryOfRes,
// agents' FinInstnId (BICFI, Nm, PstlAdr), AnyBIC, account IBANs, RmtInf
// (Ustrd, AddtlRmtInf), InstrForCdtrAgt/InstrForNxtAgt InstrInf; paths are
// relative to the CdtTrfTxInf (transaction >= 1) or the GrpHdr (0).
// Errors (in ParsedPayment::status, field = element path): malformed XML,
// DOCTYPE/entities, too deep, not a FIToFICstmrCdtTrf, no GrpHdr/MsgId, no
// CdtTrfTxInf, a transaction without Dbtr or Cdtr, an invalid BIC, country
// code or settlement amount.
ParsedPayment ParsePacs008(std::string_view xml, const Pacs008Limits& limits = {});

// True for an ISO 9362 BIC: 4 letters (bank), 2 letters (country), 2
// letters/digits (location), optionally 3 letters/digits (branch).
bool IsValidBic(std::string_view bic);

}  // namespace cordon

#endif  // CORDON_PAYMENT_PACS008_PARSER_H_
