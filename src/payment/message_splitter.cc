#include "payment/message_splitter.h"

#include <algorithm>
#include <cstring>

namespace cordon {

PaymentFormat DetectPaymentFormat(std::string_view head) {
  size_t i = 0;
  // UTF-8 byte order mark.
  if (head.size() >= 3 && head.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
  while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
  head.remove_prefix(i);
  if (head.empty()) return PaymentFormat::kAuto;
  if (head[0] == '<') return PaymentFormat::kPacs008;
  if (head.rfind("{1:", 0) == 0 || head.rfind("{4:", 0) == 0 || head.rfind(":20:", 0) == 0) {
    return PaymentFormat::kMt103;
  }
  return PaymentFormat::kAuto;
}

MessageSplitter::MessageSplitter(PaymentFormat format, size_t max_message_bytes, Sink sink)
    : format_(format), max_bytes_(max_message_bytes), sink_(std::move(sink)) {}

void MessageSplitter::AdvanceLines(size_t upto) {
  const auto begin = buf_.begin() + static_cast<std::ptrdiff_t>(head_);
  line_ += std::count(begin, begin + static_cast<std::ptrdiff_t>(upto), '\n');
}

void MessageSplitter::Consume(size_t n) {
  AdvanceLines(n);
  head_ += n;
}

void MessageSplitter::Emit(size_t begin, size_t end, bool too_large, size_t bytes) {
  RawMessage m;
  m.index = ++count_;
  m.line = message_line_;
  m.too_large = too_large;
  m.bytes = bytes;
  if (!too_large) m.text = std::string_view(buf_).substr(head_ + begin, end - begin);
  sink_(m);
}

Status MessageSplitter::Feed(std::string_view piece) {
  // Drop what earlier messages consumed once per piece, not once per
  // message (a piece holds hundreds of messages).
  buf_.erase(0, head_);
  head_ = 0;
  buf_.append(piece.data(), piece.size());
  return format_ == PaymentFormat::kPacs008 ? FeedXml() : FeedMt();
}

Status MessageSplitter::FeedXml() {
  while (true) {
    if (!in_message_) {
      size_t lt = View().find('<', scanned_);
      if (lt == std::string::npos) {
        Consume(Size());
        scanned_ = 0;
        return Status::Ok();
      }
      // Need the whole tag name (and the marker of a declaration).
      size_t gt = View().find_first_of("> \t\r\n/", lt + 1);
      if (View().compare(lt, 4, "<!--") == 0) {
        size_t close = View().find("-->", lt + 4);
        if (close == std::string::npos) {
          if (Size() - lt > max_bytes_) {
            return Status::DataError("XML comment longer than " + std::to_string(max_bytes_) + " bytes",
                                     {"", line_, "comment"});
          }
          scanned_ = lt;
          return Status::Ok();
        }
        scanned_ = close + 3;
        continue;
      }
      if (gt == std::string::npos) {
        if (Size() - lt > 4096) return Status::DataError("unterminated XML tag", {"", line_, ""});
        Consume(lt);
        scanned_ = 0;
        return Status::Ok();
      }
      std::string_view tag(buf_.data() + head_ + lt + 1, gt - lt - 1);
      if (!tag.empty() && tag[0] == '!') {
        AdvanceLines(lt);
        return Status::InvalidArgument(
            "XML declarations (<!DOCTYPE, <!ENTITY) are not accepted in payment files: they allow entity "
            "expansion",
            {"", line_, std::string(tag.substr(0, 16))});
      }
      size_t colon = tag.find(':');
      std::string_view local = colon == std::string_view::npos ? tag : tag.substr(colon + 1);
      if (local == "Document" && View()[gt] != '/') {
        end_tag_ = "</" + std::string(tag) + ">";
        Consume(lt);
        message_line_ = line_;
        in_message_ = true;
        skipping_ = false;
        skipped_bytes_ = 0;
        scanned_ = 0;
        continue;
      }
      scanned_ = gt;
      continue;
    }
    // Inside a message: look for its end tag.
    size_t from = scanned_ > end_tag_.size() ? scanned_ - end_tag_.size() : 0;
    size_t end = View().find(end_tag_, from);
    if (end == std::string::npos) {
      if (skipping_) {
        size_t keep = std::min(Size(), end_tag_.size());
        size_t drop = Size() - keep;
        Consume(drop);
        skipped_bytes_ += drop;
      } else if (Size() > max_bytes_) {
        skipping_ = true;
        continue;
      }
      scanned_ = Size();
      return Status::Ok();
    }
    size_t stop = end + end_tag_.size();
    if (skipping_) {
      Emit(0, 0, true, skipped_bytes_ + stop);
    } else {
      Emit(0, stop, stop > max_bytes_, stop);
    }
    Consume(stop);
    in_message_ = false;
    skipping_ = false;
    scanned_ = 0;
  }
}

Status MessageSplitter::FeedMt() {
  while (true) {
    if (!in_message_) {
      size_t start = View().find("{1:");
      if (start == std::string::npos) {
        // A file of bare text blocks (":20:..." without headers) is one
        // message; keep it.
        if (count_ == 0 && DetectPaymentFormat(View()) == PaymentFormat::kMt103) {
          message_line_ = line_;
          in_message_ = true;
          scanned_ = 0;
          continue;
        }
        size_t keep = Size() >= 2 ? 2 : Size();
        Consume(Size() - keep);
        return Status::Ok();
      }
      Consume(start);
      message_line_ = line_;
      in_message_ = true;
      skipping_ = false;
      skipped_bytes_ = 0;
      scanned_ = 3;
      continue;
    }
    size_t from = std::max<size_t>(scanned_ > 2 ? scanned_ - 2 : 0, 1);
    size_t next = View().find("{1:", from);
    if (next == std::string::npos) {
      if (skipping_) {
        size_t keep = std::min<size_t>(Size(), 2);
        size_t drop = Size() - keep;
        Consume(drop);
        skipped_bytes_ += drop;
      } else if (Size() > max_bytes_) {
        skipping_ = true;
        continue;
      }
      scanned_ = Size();
      return Status::Ok();
    }
    if (skipping_) {
      Emit(0, 0, true, skipped_bytes_ + next);
    } else {
      Emit(0, next, next > max_bytes_, next);
    }
    Consume(next);
    message_line_ = line_;
    skipping_ = false;
    skipped_bytes_ = 0;
    scanned_ = 3;
  }
}

Status MessageSplitter::Finish() {
  if (format_ == PaymentFormat::kMt103) {
    if (in_message_) {
      if (skipping_) {
        Emit(0, 0, true, skipped_bytes_ + Size());
      } else {
        Emit(0, Size(), Size() > max_bytes_, Size());
      }
    }
  } else if (in_message_) {
    // An unterminated Document: hand it over so the parser names the error.
    if (skipping_) {
      Emit(0, 0, true, skipped_bytes_ + Size());
    } else {
      Emit(0, Size(), false, Size());
    }
  }
  buf_.clear();
  head_ = 0;
  in_message_ = false;
  if (count_ == 0) {
    return Status::InvalidArgument(format_ == PaymentFormat::kPacs008
                                       ? "no pacs.008 message found (no <Document> element)"
                                       : "no MT103 message found (no {1: block or :20: field)",
                                   {"", 0, ""});
  }
  return Status::Ok();
}

}  // namespace cordon
