// Copyright (c) cordon authors.
//
// Payment message screening: ISO 20022 pacs.008 (FI to FI customer credit
// transfer, XML) and SWIFT MT103 (block text), one or many messages per file.
// Every party (debtor, creditor, ultimate parties, initiating party, agents by
// name and by BIC country), every postal address country and town, and the
// free-text fields (remittance information, MT fields 70 and 72) are screened;
// each hit names the field path it came from.
//
// A malformed message gets an error naming the message and the field; the
// other messages in the file are still screened.
#ifndef CORDON_PAYMENT_H_
#define CORDON_PAYMENT_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cordon/engine.h"
#include "cordon/match.h"
#include "cordon/status.h"
#include "cordon/text.h"

namespace cordon {

enum class PaymentFormat : uint8_t {
  kAuto = 0,  // decided from the content: '<' -> pacs.008, "{1:" or ":20:" -> MT103
  kPacs008,
  kMt103,
};
std::string_view PaymentFormatName(PaymentFormat format);  // "auto", "pacs.008", "MT103"

struct PaymentOptions {
  PaymentFormat format = PaymentFormat::kAuto;
  double threshold = kDefaultThreshold;  // for party names and free text
  int limit = 5;                         // matches per hit
  std::vector<std::string> sources;      // restrict to these source ids; empty = all
  // A message larger than this is reported as malformed (and skipped in
  // bounded memory); the next message is still screened.
  // (A pacs.008 <Document> may batch many transactions, hence the room.)
  size_t max_message_bytes = size_t{64} << 20;  // 64 MiB
  // ScreenPayments(string_view) refuses inputs larger than this; ScreenFile
  // streams and has no limit.
  size_t max_bytes = size_t{256} << 20;  // 256 MiB
  int max_xml_depth = 64;                // deeper nesting is a malformed message
};

// What kind of value a hit was found in.
enum class FieldKind : uint8_t {
  kParty = 0,  // a party or agent name (Dbtr/Nm, :50K: first line)
  kFreeText,   // remittance info, :70:, :72:, address lines: scanned as prose
  kCountry,    // a postal address or residence country (Ctry, CtryOfRes)
  kTown,       // a postal address town (TwnNm) or an MT address line
  kBic,        // a BIC: its country letters (5-6) are checked
  kIban,       // an IBAN: its country letters (1-2) are checked
};
// "party", "free_text", "country", "town", "bic", "iban"
std::string_view FieldKindName(FieldKind kind);

// One screened field that hit something.
struct PaymentHit {
  // Path of the field inside the message: "Cdtr/Nm", "Dbtr/PstlAdr/Ctry",
  // "CdtrAgt/FinInstnId/BICFI", "RmtInf/Ustrd"; for MT103 the tag ":59:",
  // ":70:". Empty never.
  std::string field;
  // pacs.008: 1-based index of the CdtTrfTxInf the field belongs to (0 for
  // the group header). MT103: always 1.
  int transaction = 0;
  FieldKind kind = FieldKind::kParty;
  std::string value;           // the field's text as written (trimmed)
  std::vector<Match> matches;  // kParty: matches of the whole name
  // kFreeText / kTown: parties found inside the text (offsets into `value`).
  std::vector<TextMention> mentions;
  // kFreeText / kTown / kCountry / kBic / kIban / kParty: sanctioned or
  // high-risk places (offsets into `value`; for kBic and kIban the span of
  // the country letters).
  std::vector<JurisdictionMention> jurisdictions;
};

// The result for one message of the input.
struct PaymentMessageReport {
  size_t index = 0;                             // 1-based position of the message in the input
  PaymentFormat format = PaymentFormat::kAuto;  // kPacs008 or kMt103
  int64_t line = 0;                             // 1-based line where the message starts in the input
  // MsgId / first EndToEndId (pacs.008) or field :20: (MT103), when found.
  std::string reference;
  size_t transactions = 0;  // CdtTrfTxInf count (pacs.008); 1 for MT103
  // Non-OK: the message is malformed; location() names the field (XML
  // element path or MT tag) and the line. Hits found before the error are
  // kept only for semantic errors (a bad BIC or country); a syntax error
  // yields no hits.
  Status status;
  std::vector<PaymentHit> hits;
};

struct PaymentReport {
  std::vector<PaymentMessageReport> messages;  // in input order
  std::vector<ListVersion> list_versions;
  size_t messages_with_hits = 0;
  size_t messages_failed = 0;
};

// Prepared once per Engine (it owns a TextScreener). Thread-safe.
// The Engine must outlive the screener.
class PaymentScreener {
 public:
  static Result<std::unique_ptr<PaymentScreener>> Create(const Engine& engine);
  virtual ~PaymentScreener() = default;

  // Screens every message in `data`. A malformed message is reported in its
  // PaymentMessageReport and the others are screened. Errors (whole input):
  // InvalidArgument for bad options, input over max_bytes, a format that
  // cannot be recognised, no message found, or a DOCTYPE/entity declaration
  // in an XML input.
  virtual Result<PaymentReport> Screen(std::string_view data, const PaymentOptions& options) const = 0;

  // Streams a file of any size (gzip accepted; "-" = standard input) in
  // bounded memory, calling `on_message` for every message in input order.
  // `summary` (may be null) receives the counts and list versions (its
  // `messages` stays empty). Errors as Screen(), plus NotFound / IoError
  // naming the file.
  virtual Status ScreenFile(const std::string& path, const PaymentOptions& options,
                            const std::function<void(PaymentMessageReport&&)>& on_message,
                            PaymentReport* summary) const = 0;

 protected:
  PaymentScreener() = default;
};

// Convenience: a PaymentScreener cached for `engine`. Same errors as Screen().
Result<PaymentReport> ScreenPayments(const Engine& engine, std::string_view data,
                                     const PaymentOptions& options = {});

}  // namespace cordon

#endif  // CORDON_PAYMENT_H_
