// Cutting a stream of payment data into messages in bounded memory:
// pacs.008 files into their <Document> elements (any namespace prefix; an
// envelope around them is allowed), MT files into messages starting at
// "{1:". Input arrives in pieces of any size; a message larger than the
// limit is reported (and skipped without being buffered).
#ifndef CORDON_PAYMENT_MESSAGE_SPLITTER_H_
#define CORDON_PAYMENT_MESSAGE_SPLITTER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "cordon/payment.h"
#include "cordon/status.h"

namespace cordon {

struct RawMessage {
  size_t index = 0;       // 1-based
  int64_t line = 0;       // 1-based line of its first byte in the input
  std::string_view text;  // empty when too_large
  bool too_large = false;
  size_t bytes = 0;  // its size (also when too_large)
};

class MessageSplitter {
 public:
  using Sink = std::function<void(const RawMessage&)>;

  // `format` must be kPacs008 or kMt103 (see DetectPaymentFormat).
  MessageSplitter(PaymentFormat format, size_t max_message_bytes, Sink sink);

  // Feeds the next piece. Errors (the whole input is refused): a DOCTYPE or
  // ENTITY declaration outside the messages (XML), text that is no message
  // at all before the first one (binary data).
  Status Feed(std::string_view piece);
  // Flushes the last message. Errors: an unterminated message is reported
  // through the sink as a message (with text), not here.
  Status Finish();

  size_t messages() const { return count_; }

 private:
  Status FeedXml();
  Status FeedMt();
  void Emit(size_t begin, size_t end, bool too_large, size_t bytes);
  void AdvanceLines(size_t upto);
  void Consume(size_t n);  // drops n bytes of the live buffer, counting lines
  std::string_view View() const { return std::string_view(buf_).substr(head_); }
  size_t Size() const { return buf_.size() - head_; }

  PaymentFormat format_;
  size_t max_bytes_;
  Sink sink_;
  std::string buf_;  // input; bytes before head_ are consumed
  size_t head_ = 0;
  size_t scanned_ = 0;  // bytes of buf_ already searched for the current boundary
  int64_t line_ = 1;    // line number at buf_[0]
  size_t count_ = 0;
  // XML state
  bool in_message_ = false;
  bool skipping_ = false;  // current message too large: dropping bytes until its end
  size_t skipped_bytes_ = 0;
  int64_t message_line_ = 0;
  std::string end_tag_;  // "</Document>" or "</ns:Document>"
};

// Decides the format from the first non-blank bytes: '<' -> pacs.008,
// "{1:" / "{4:" / ":20:" -> MT103, else kAuto (unknown).
PaymentFormat DetectPaymentFormat(std::string_view head);

}  // namespace cordon

#endif  // CORDON_PAYMENT_MESSAGE_SPLITTER_H_
