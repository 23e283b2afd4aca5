// PaymentScreener: split -> parse -> screen every field (parties with
// Engine::Screen, places with the gazetteer, free text with the text
// screener).
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <deque>
#include <mutex>
#include <unordered_map>

#include "cordon/payment.h"
#include "payment/message_splitter.h"
#include "payment/mt103_parser.h"
#include "payment/pacs008_parser.h"
#include "text/text_screener_impl.h"

namespace cordon {

std::string_view PaymentFormatName(PaymentFormat format) {
  switch (format) {
    case PaymentFormat::kAuto:
      return "auto";
    case PaymentFormat::kPacs008:
      return "pacs.008";
    case PaymentFormat::kMt103:
      return "MT103";
  }
  return "auto";
}

std::string_view FieldKindName(FieldKind kind) {
  switch (kind) {
    case FieldKind::kParty:
      return "party";
    case FieldKind::kFreeText:
      return "free_text";
    case FieldKind::kCountry:
      return "country";
    case FieldKind::kTown:
      return "town";
    case FieldKind::kBic:
      return "bic";
    case FieldKind::kIban:
      return "iban";
  }
  return "party";
}

namespace {

constexpr size_t kReadPiece = size_t{1} << 20;
constexpr size_t kMaxCachedNames = 100000;

// Party names already screened in this input (payment files repeat their
// debtors and agents).
using NameCache = std::unordered_map<std::string, std::vector<Match>>;

class PaymentScreenerImpl : public PaymentScreener {
 public:
  explicit PaymentScreenerImpl(const Engine& engine) : engine_(engine), text_(engine) {}

  Result<PaymentReport> Screen(std::string_view data, const PaymentOptions& options) const override {
    if (data.size() > options.max_bytes) {
      return Status::InvalidArgument("payment input of " + std::to_string(data.size()) +
                                     " bytes is larger than the " + std::to_string(options.max_bytes) +
                                     "-byte limit; screen it as a file");
    }
    PaymentReport report;
    Status s = Run(
        [&](MessageSplitter* splitter) -> Status {
          // Feed in pieces, as a file would arrive.
          for (size_t pos = 0; pos < data.size(); pos += kReadPiece) {
            if (Status st = splitter->Feed(data.substr(pos, kReadPiece)); !st.ok()) return st;
          }
          return Status::Ok();
        },
        data.substr(0, 4096), options,
        [&](PaymentMessageReport&& m) { report.messages.push_back(std::move(m)); }, &report);
    if (!s.ok()) return s;
    return report;
  }

  Status ScreenFile(const std::string& path, const PaymentOptions& options,
                    const std::function<void(PaymentMessageReport&&)>& on_message,
                    PaymentReport* summary) const override {
    gzFile f = nullptr;
    if (path == "-") {
      f = gzdopen(dup(0), "rb");
    } else {
      FILE* probe = std::fopen(path.c_str(), "rb");
      if (probe == nullptr) return Status::NotFound("cannot open payment file", {path, 0, ""});
      std::fclose(probe);
      f = gzopen(path.c_str(), "rb");
    }
    if (f == nullptr) return Status::IoError("cannot open payment file", {path, 0, ""});
    std::string piece(kReadPiece, '\0');
    int got = gzread(f, piece.data(), static_cast<unsigned>(piece.size()));
    if (got < 0) {
      gzclose(f);
      return Status::IoError("read failed", {path, 0, ""});
    }
    piece.resize(static_cast<size_t>(got));
    const std::string head = piece.substr(0, 4096);
    PaymentReport local;
    PaymentReport* sum = summary != nullptr ? summary : &local;
    // Name the file in every message's error.
    auto named = [&](PaymentMessageReport&& m) {
      if (!m.status.ok()) {
        ErrorLocation loc = m.status.location();
        loc.file = path;
        m.status = Status::DataError(m.status.message(), loc);
      }
      on_message(std::move(m));
    };
    Status s = Run(
        [&](MessageSplitter* splitter) -> Status {
          std::string buf = std::move(piece);
          while (!buf.empty()) {
            if (Status st = splitter->Feed(buf); !st.ok()) return st;
            buf.resize(kReadPiece);
            int n = gzread(f, buf.data(), static_cast<unsigned>(buf.size()));
            if (n < 0) return Status::IoError("read failed");
            buf.resize(static_cast<size_t>(n));
          }
          return Status::Ok();
        },
        head, options, named, sum);
    gzclose(f);
    if (!s.ok()) {
      ErrorLocation loc = s.location();
      loc.file = path;
      switch (s.code()) {
        case StatusCode::kInvalidArgument:
          return Status::InvalidArgument(s.message(), loc);
        case StatusCode::kDataError:
          return Status::DataError(s.message(), loc);
        case StatusCode::kIoError:
          return Status::IoError(s.message(), loc);
        default:
          return s;
      }
    }
    return Status::Ok();
  }

 private:
  Status Validate(const PaymentOptions& options) const {
    TextOptions t;
    t.threshold = options.threshold;
    t.limit = options.limit;
    t.sources = options.sources;
    if (Status s = text_.Validate(t); !s.ok()) return s;
    if (options.max_message_bytes == 0) return Status::InvalidArgument("max_message_bytes must be positive");
    if (options.max_xml_depth < 4) return Status::InvalidArgument("max_xml_depth must be at least 4");
    return Status::Ok();
  }

  template <typename Feeder>
  Status Run(Feeder&& feed, std::string_view head, const PaymentOptions& options,
             const std::function<void(PaymentMessageReport&&)>& on_message, PaymentReport* summary) const {
    if (Status s = Validate(options); !s.ok()) return s;
    PaymentFormat format = options.format;
    if (format == PaymentFormat::kAuto) format = DetectPaymentFormat(head);
    if (format == PaymentFormat::kAuto) {
      return Status::InvalidArgument(
          "not a payment file: expected pacs.008 XML (starting with '<') or SWIFT MT103 text (starting with "
          "\"{1:\" or \":20:\")",
          {"", 1, ""});
    }
    summary->list_versions = text_.versions();
    NameCache cache;
    Status sink_error;
    MessageSplitter splitter(format, options.max_message_bytes, [&](const RawMessage& raw) {
      PaymentMessageReport m = ScreenMessage(raw, format, options, &cache);
      if (!m.status.ok()) ++summary->messages_failed;
      if (!m.hits.empty()) ++summary->messages_with_hits;
      on_message(std::move(m));
    });
    if (Status s = feed(&splitter); !s.ok()) return s;
    return splitter.Finish();
  }

  PaymentMessageReport ScreenMessage(const RawMessage& raw, PaymentFormat format,
                                     const PaymentOptions& options, NameCache* cache) const {
    PaymentMessageReport m;
    m.index = raw.index;
    m.format = format;
    m.line = raw.line;
    if (raw.too_large) {
      m.status = Status::DataError("message of " + std::to_string(raw.bytes) + " bytes is larger than the " +
                                       std::to_string(options.max_message_bytes) + "-byte limit; skipped",
                                   {"", raw.line, "message " + std::to_string(raw.index)});
      return m;
    }
    ParsedPayment parsed = format == PaymentFormat::kPacs008 ? ParsePacs008(raw.text, {options.max_xml_depth})
                                                             : ParseMt103(raw.text);
    m.reference = parsed.reference;
    m.transactions = parsed.transactions;
    if (!parsed.status.ok()) {
      const ErrorLocation& rel = parsed.status.location();
      ErrorLocation loc{"", rel.line > 0 ? raw.line + rel.line - 1 : raw.line, rel.field};
      m.status =
          Status::DataError("message " + std::to_string(raw.index) + ": " + parsed.status.message(), loc);
    }
    TextOptions text_options;
    text_options.threshold = options.threshold;
    text_options.limit = options.limit;
    text_options.sources = options.sources;
    ScreenOptions so;
    so.threshold = options.threshold;
    so.limit = options.limit;
    so.sources = options.sources;
    for (const PaymentField& f : parsed.fields) {
      PaymentHit hit;
      hit.field = f.path;
      hit.transaction = f.transaction;
      hit.kind = f.kind;
      hit.value = f.value;
      switch (f.kind) {
        case FieldKind::kParty: {
          auto it = cache->find(f.value);
          if (it == cache->end()) {
            if (cache->size() >= kMaxCachedNames) cache->clear();
            Query q;
            q.name = f.value;
            auto r = engine_.Screen(q, so);
            it = cache->emplace(f.value, r.ok() ? std::move(r).value() : std::vector<Match>()).first;
          }
          hit.matches = it->second;
          ScanText(f.value, text_options, /*parties=*/false, &hit);
          break;
        }
        case FieldKind::kFreeText:
          ScanText(f.value, text_options, /*parties=*/true, &hit);
          break;
        case FieldKind::kTown:
          ScanText(f.value, text_options, /*parties=*/false, &hit);
          break;
        case FieldKind::kCountry:
          AddPlace(f.value, 0, 2, &hit);
          break;
        case FieldKind::kBic:
          if (f.value.size() >= 6) AddPlace(f.value, 4, 6, &hit);
          break;
        case FieldKind::kIban:
          AddPlace(f.value, 0, 2, &hit);
          break;
      }
      if (!hit.matches.empty() || !hit.mentions.empty() || !hit.jurisdictions.empty())
        m.hits.push_back(std::move(hit));
    }
    return m;
  }

  void ScanText(const std::string& value, TextOptions options, bool parties, PaymentHit* hit) const {
    options.parties = parties;
    TextReport report;
    SurnameMemory memory;
    if (!text_.Piece(value, 0, options, &memory, &report).ok()) return;
    hit->mentions = std::move(report.mentions);
    hit->jurisdictions = std::move(report.jurisdictions);
  }

  void AddPlace(const std::string& value, size_t start, size_t end, PaymentHit* hit) const {
    if (value.size() < end) return;
    JurisdictionMention j;
    if (!text_.gazetteer().Lookup(value.substr(start, end - start), &j)) return;
    j.start = start;
    j.end = end;
    j.text = value.substr(start, end - start);
    hit->jurisdictions.push_back(std::move(j));
  }

  const Engine& engine_;
  TextScreenerImpl text_;
};

}  // namespace

Result<std::unique_ptr<PaymentScreener>> PaymentScreener::Create(const Engine& engine) {
  return std::unique_ptr<PaymentScreener>(new PaymentScreenerImpl(engine));
}

Result<PaymentReport> ScreenPayments(const Engine& engine, std::string_view data,
                                     const PaymentOptions& options) {
  struct Cached {
    const Engine* engine;
    const Entity* entities;
    size_t count;
    std::shared_ptr<PaymentScreener> screener;
  };
  static std::mutex mu;
  static std::deque<Cached>* cache = new std::deque<Cached>();
  std::shared_ptr<PaymentScreener> screener;
  {
    std::lock_guard<std::mutex> lock(mu);
    for (const Cached& c : *cache) {
      if (c.engine == &engine && c.entities == engine.Entities().data() &&
          c.count == engine.Entities().size()) {
        screener = c.screener;
      }
    }
    if (screener == nullptr) {
      auto created = PaymentScreener::Create(engine);
      if (!created.ok()) return created.status();
      screener = std::shared_ptr<PaymentScreener>(std::move(created).value().release());
      cache->push_back({&engine, engine.Entities().data(), engine.Entities().size(), screener});
      if (cache->size() > 4) cache->pop_front();
    }
  }
  return screener->Screen(data, options);
}

}  // namespace cordon
