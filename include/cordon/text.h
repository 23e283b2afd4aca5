// Copyright (c) cordon authors.
//
// Free-text screening: finds listed parties (people, organisations, vessels,
// aircraft) and sanctioned or high-risk jurisdictions inside running text in
// any language and script (news articles, reports, remittance information).
//
// Usage: build a TextScreener once per Engine (it indexes every listed name
// token, which takes a moment) and call Screen() from any number of threads.
// ScreenText() is a convenience that keeps a screener per engine.
#ifndef CORDON_TEXT_H_
#define CORDON_TEXT_H_

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

namespace cordon {

// The list versions a report was produced against (one per loaded source).
struct ListVersion {
  std::string source;   // "ofac_sdn", "un", ...
  std::string as_of;    // the list's own date
  std::string version;  // content hash (SourceInfo::version)
};

struct TextOptions {
  // Language hint: "auto" (default) or an ISO 639-1 code ("ru", "de", ...).
  // It narrows inflection rules that would misfire in other languages (a
  // bare genitive s is only stripped in auto, de, en, nl, sv, da, no);
  // Russian case endings, Korean particles and Arabic prefixes apply to
  // their scripts whatever the hint.
  std::string lang = "auto";
  // Candidate spans whose best match scores below this are not reported.
  // A span is reported only when every word of it lines up with the listed
  // name (see docs/text.md), whatever the threshold.
  double threshold = kDefaultThreshold;
  int limit = 5;                     // at most this many matches per mention
  std::vector<std::string> sources;  // restrict to these source ids; empty = all
  bool parties = true;               // look for listed parties
  bool jurisdictions = true;         // look for sanctioned/high-risk places
  // Refuse inputs larger than this (InvalidArgument). Larger files are read
  // in pieces by TextScreener::ScreenFile, which has no such limit.
  size_t max_bytes = size_t{64} << 20;  // 64 MiB
  // Stop collecting after this many mentions + jurisdictions (the report is
  // then marked truncated), so a hostile input cannot exhaust memory.
  size_t max_results = 100000;
};

// How a party mention was recognised.
enum class MentionKind : uint8_t {
  kFullName = 0,  // a span of 2-5 words matched a listed name
  kSingleToken,   // a one-word listed name that is distinctive (a vessel, an org acronym)
  kSurnameRef,    // a surname alone, after the same text tied it to a full name
};
std::string_view MentionKindName(MentionKind kind);  // "full_name", "single_token", "surname_ref"

// A listed party mentioned in the text.
struct TextMention {
  size_t start = 0;  // UTF-8 byte offset of the first byte, into the input
  size_t end = 0;    // one past the last byte
  std::string text;  // input[start, end) as written (line breaks included)
  MentionKind kind = MentionKind::kFullName;
  // Matches for the span (best first, each with an Explanation naming the
  // list version). For kSurnameRef, the matches of the full name it refers to.
  std::vector<Match> matches;
  // For kSurnameRef: start offset of the full-name mention it refers to.
  size_t refers_to = 0;
};

// How a jurisdiction was recognised.
enum class PlaceKind : uint8_t {
  kCountryName = 0,  // a CLDR country name in some language, or a list spelling
  kDemonym,          // "Iranian", "nordkoreanisch", "北朝鮮の"
  kCity,             // a capital or major city ("Pyongyang", "Тегеран")
  kPort,             // a main port ("Nampo", "Bandar Abbas", "Latakia")
  kRegion,           // a sanctioned region ("Crimea", "Donetsk")
};
std::string_view PlaceKindName(PlaceKind kind);  // "country", "demonym", "city", "port", "region"

// A sanctioned or high-risk jurisdiction mentioned in the text.
struct JurisdictionMention {
  // ISO 3166-1 alpha-2 ("KP"), or ISO 3166-2 for regions ("UA-43" Crimea,
  // "UA-14" Donetsk, "UA-09" Luhansk, "UA-23" Zaporizhzhia, "UA-65" Kherson,
  // "UA-40" Sevastopol).
  std::string code;
  std::string name;  // English name ("North Korea", "Crimea")
  size_t start = 0;  // UTF-8 byte offsets into the input, as for TextMention
  size_t end = 0;
  std::string text;  // as written
  PlaceKind kind = PlaceKind::kCountryName;
  // Comprehensively sanctioned (a documented table: KP, IR, SY, CU, RU, BY
  // and the occupied regions of Ukraine) rather than only targeted by a
  // program of a loaded list.
  bool comprehensive = false;
  // Programs of the loaded lists that target it (read from the program
  // names: "DPRK3" -> KP), plus the table's reason for comprehensive ones;
  // sorted.
  std::vector<std::string> programs;
};

struct TextReport {
  std::vector<TextMention> mentions;               // in text order
  std::vector<JurisdictionMention> jurisdictions;  // in text order
  std::vector<ListVersion> list_versions;          // the engine's loaded sources
  size_t bytes = 0;                                // input size
  size_t words = 0;                                // word tokens seen (for false-mention rates)
  bool truncated = false;                          // max_results was reached
};

// Prepared once per Engine; Screen() is thread-safe and allocation-light.
// The Engine must outlive the screener.
class TextScreener {
 public:
  // Builds the name-token prefilter (the tokens of every listed name,
  // romanised, with token -> name postings) and the jurisdiction gazetteer
  // over `engine`'s entities: about 1.5 s for the bundled lists. Does not
  // fail today; the Result leaves room for data checks.
  static Result<std::unique_ptr<TextScreener>> Create(const Engine& engine);

  virtual ~TextScreener() = default;

  // Screens `utf8`. Errors: InvalidArgument for invalid UTF-8 (the message
  // gives the byte offset), input over options.max_bytes, a bad threshold,
  // limit < 1 or an unknown source.
  virtual Result<TextReport> Screen(std::string_view utf8, const TextOptions& options) const = 0;

  // Screens a file of any size (gzip accepted) in bounded memory: reads it in
  // pieces of a few MB cut at paragraph, line or word boundaries (a 10 MB
  // line is cut at a space, else at a character boundary), keeping offsets
  // relative to the whole file and the surname memory across pieces.
  // `path` "-" reads standard input. options.max_bytes does not apply.
  // Errors: NotFound / IoError naming the file; InvalidArgument for invalid
  // UTF-8 (with the byte offset) or bad options. Results found before an
  // invalid byte are not returned.
  virtual Result<TextReport> ScreenFile(const std::string& path, const TextOptions& options) const = 0;

 protected:
  TextScreener() = default;
};

// Convenience: screens `utf8` with a TextScreener cached for `engine` (the
// first call per engine builds it). Thread-safe. Same errors as Screen().
Result<TextReport> ScreenText(const Engine& engine, std::string_view utf8, const TextOptions& options = {});

// The loaded sources of `engine` as ListVersions.
std::vector<ListVersion> ListVersionsOf(const Engine& engine);

}  // namespace cordon

#endif  // CORDON_TEXT_H_
