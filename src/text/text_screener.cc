// TextScreener: words -> jurisdictions (gazetteer) and parties (prefilter +
// Engine::Screen), over a whole string or a file read in pieces.
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <deque>
#include <mutex>

#include <unistd.h>

#include "base/utf8.h"
#include "cordon/text.h"
#include "text/text_screener_impl.h"
#include "text/word_scanner.h"

namespace cordon {

std::string_view MentionKindName(MentionKind kind) {
  switch (kind) {
    case MentionKind::kFullName:
      return "full_name";
    case MentionKind::kSingleToken:
      return "single_token";
    case MentionKind::kSurnameRef:
      return "surname_ref";
  }
  return "full_name";
}

std::string_view PlaceKindName(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kCountryName:
      return "country";
    case PlaceKind::kDemonym:
      return "demonym";
    case PlaceKind::kCity:
      return "city";
    case PlaceKind::kPort:
      return "port";
    case PlaceKind::kRegion:
      return "region";
  }
  return "country";
}

std::vector<ListVersion> ListVersionsOf(const Engine& engine) {
  std::vector<ListVersion> out;
  for (const SourceInfo& s : engine.Sources()) {
    if (!s.status.ok()) continue;
    out.push_back({s.id, s.as_of, s.version});
  }
  return out;
}

namespace {

constexpr size_t kPieceBytes = size_t{4} << 20;
// Context read on each side of a piece of a file: a name or place across a
// cut is seen whole by both neighbours and reported by the piece it starts
// in. Far longer than any name (a run is at most 8 listed words).
constexpr size_t kOverlapBytes = size_t{64} << 10;

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Where to cut a piece of prose: after the last blank line, else the last
// line break, else the last space, else the last character boundary.
size_t CutPoint(std::string_view buf) {
  const size_t min_cut = buf.size() / 2;
  size_t p = buf.rfind("\n\n");
  if (p != std::string_view::npos && p >= min_cut) return p + 2;
  p = buf.rfind('\n');
  if (p != std::string_view::npos && p >= min_cut) return p + 1;
  p = buf.find_last_of(" \t");
  if (p != std::string_view::npos && p >= min_cut) return p + 1;
  size_t cut = buf.size();
  while (cut > 0 && (static_cast<unsigned char>(buf[cut - 1]) & 0xC0) == 0x80) --cut;
  if (cut > 0 && static_cast<unsigned char>(buf[cut - 1]) >= 0xC0) --cut;  // a lead byte without its tail
  return cut == 0 ? buf.size() : cut;
}

}  // namespace

TextScreenerImpl::TextScreenerImpl(const Engine& engine)
    : engine_(engine), parties_(engine), places_(engine.Entities()), versions_(ListVersionsOf(engine)) {}

Result<TextReport> TextScreenerImpl::Screen(std::string_view utf8, const TextOptions& options) const {
  if (Status s = Validate(options); !s.ok()) return s;
  if (utf8.size() > options.max_bytes) {
    return Status::InvalidArgument("text of " + std::to_string(utf8.size()) + " bytes is larger than the " +
                                   std::to_string(options.max_bytes) + "-byte limit; screen it as a file");
  }
  TextReport report;
  report.list_versions = versions_;
  SurnameMemory memory;
  if (Status s = Piece(utf8, 0, {}, options, &memory, &report); !s.ok()) return s;
  return report;
}

Result<TextReport> TextScreenerImpl::ScreenFile(const std::string& path, const TextOptions& options) const {
  if (Status s = Validate(options); !s.ok()) return s;
  gzFile f = nullptr;
  if (path == "-") {
    f = gzdopen(dup(0), "rb");
  } else {
    FILE* probe = std::fopen(path.c_str(), "rb");
    if (probe == nullptr) return Status::NotFound("cannot open text file", {path, 0, ""});
    std::fclose(probe);
    f = gzopen(path.c_str(), "rb");
  }
  if (f == nullptr) return Status::IoError("cannot open text file", {path, 0, ""});
  gzbuffer(f, 1 << 16);
  TextReport report;
  report.list_versions = versions_;
  SurnameMemory memory;
  // buf holds the file from offset buf_base; the pieces' own parts tile the
  // file from 0, each screened with up to kOverlapBytes of context around.
  std::string buf;
  size_t buf_base = 0;
  size_t own = 0;  // file offset where the next piece's own part begins
  bool eof = false;
  Status status;
  while (status.ok()) {
    const size_t own_rel = own - buf_base;
    while (!eof && buf.size() < own_rel + kPieceBytes + kOverlapBytes) {
      const size_t have = buf.size();
      const size_t want = own_rel + kPieceBytes + kOverlapBytes - have;
      buf.resize(have + want);
      const int got = gzread(f, buf.data() + have, static_cast<unsigned>(want));
      if (got < 0) {
        int err = 0;
        status = Status::IoError(std::string("read failed: ") + gzerror(f, &err), {path, 0, ""});
        buf.resize(have);
        break;
      }
      buf.resize(have + static_cast<size_t>(got));
      if (got == 0) eof = true;
    }
    if (!status.ok() || own_rel >= buf.size()) break;
    const std::string_view all(buf);
    size_t own_end = buf.size();
    if (!eof || buf.size() - own_rel > kPieceBytes)
      own_end = own_rel + CutPoint(all.substr(own_rel, kPieceBytes));
    // The context around the own part, cut at character boundaries.
    size_t begin = own_rel >= kOverlapBytes ? own_rel - kOverlapBytes : 0;
    while (begin < own_rel && IsContinuationByte(all[begin])) ++begin;
    size_t end = std::min(buf.size(), own_end + kOverlapBytes);
    while (end > own_end && end < buf.size() && IsContinuationByte(all[end])) --end;
    status = Piece(all.substr(begin, end - begin), buf_base + begin, {own_rel - begin, own_end - begin},
                   options, &memory, &report);
    if (!status.ok()) {
      if (status.code() == StatusCode::kInvalidArgument) {
        ErrorLocation loc = status.location();
        loc.file = path;
        status = Status::InvalidArgument(status.message(), loc);
      }
      break;
    }
    own = buf_base + own_end;
    if (report.truncated) break;
    // Keep kOverlapBytes before the next own part as its context.
    const size_t drop = own_end > kOverlapBytes ? own_end - kOverlapBytes : 0;
    buf.erase(0, drop);
    buf_base += drop;
  }
  gzclose(f);
  if (!status.ok()) return status;
  return report;
}

Status TextScreenerImpl::Validate(const TextOptions& options) const {
  if (!(options.threshold >= 0 && options.threshold <= 1)) {
    return Status::InvalidArgument("threshold must be in [0,1]", {"", 0, "threshold"});
  }
  if (options.limit < 1) return Status::InvalidArgument("limit must be at least 1", {"", 0, "limit"});
  for (const auto& s : options.sources) {
    if (engine_.FindSource(s) == nullptr) {
      return Status::InvalidArgument("unknown source '" + s + "'", {"", 0, "sources"});
    }
  }
  return Status::Ok();
}

Status TextScreenerImpl::Piece(std::string_view text, size_t base, PartyFinder::Range own,
                               const TextOptions& options, SurnameMemory* memory, TextReport* report) const {
  own.end = std::min(own.end, text.size());
  auto owned = [&own](size_t start) { return start >= own.begin && start < own.end; };
  size_t bad = FindInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    return Status::InvalidArgument("invalid UTF-8 at byte offset " + std::to_string(base + bad) +
                                       " (the text must be UTF-8; binary data is not screened)",
                                   {"", 0, "byte " + std::to_string(base + bad)});
  }
  std::vector<TextWord> words;
  ScanWords(text, &words);
  std::vector<std::string> folded;
  folded.reserve(words.size());
  for (const TextWord& w : words) folded.push_back(FoldWord(text.substr(w.start, w.end - w.start)));
  report->bytes += own.end - own.begin;
  for (const TextWord& w : words) report->words += owned(w.start);
  size_t room = options.max_results -
                std::min(options.max_results, report->mentions.size() + report->jurisdictions.size());
  if (options.jurisdictions) {
    std::vector<JurisdictionMention> places;
    places_.Find(text, words, folded, &places);
    for (auto& p : places) {
      if (!owned(p.start)) continue;
      if (room == 0) {
        report->truncated = true;
        break;
      }
      p.start += base;
      p.end += base;
      report->jurisdictions.push_back(std::move(p));
      --room;
    }
  }
  if (options.parties) {
    std::vector<TextMention> mentions;
    if (Status s = parties_.Find(text, base, words, folded, options, own, memory, &mentions); !s.ok())
      return s;
    for (auto& m : mentions) {
      if (room == 0) {
        report->truncated = true;
        break;
      }
      report->mentions.push_back(std::move(m));
      --room;
    }
  }
  return Status::Ok();
}

Result<std::unique_ptr<TextScreener>> TextScreener::Create(const Engine& engine) {
  return std::unique_ptr<TextScreener>(new TextScreenerImpl(engine));
}

Result<TextReport> ScreenText(const Engine& engine, std::string_view utf8, const TextOptions& options) {
  // A few screeners, keyed by the engine and its entity storage, so a new
  // engine at a recycled address is not served a stale prefilter.
  struct Cached {
    const Engine* engine;
    const Entity* entities;
    size_t count;
    std::shared_ptr<TextScreener> screener;
  };
  static std::mutex mu;
  static std::deque<Cached>* cache = new std::deque<Cached>();
  std::shared_ptr<TextScreener> screener;
  {
    std::lock_guard<std::mutex> lock(mu);
    for (const Cached& c : *cache) {
      if (c.engine == &engine && c.entities == engine.Entities().data() &&
          c.count == engine.Entities().size()) {
        screener = c.screener;
      }
    }
    if (screener == nullptr) {
      auto created = TextScreener::Create(engine);
      if (!created.ok()) return created.status();
      screener = std::shared_ptr<TextScreener>(std::move(created).value().release());
      cache->push_back({&engine, engine.Entities().data(), engine.Entities().size(), screener});
      if (cache->size() > 4) cache->pop_front();
    }
  }
  return screener->Screen(utf8, options);
}

}  // namespace cordon
