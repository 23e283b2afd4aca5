// Finds sanctioned and high-risk jurisdictions in text: CLDR country names in
// every ICU locale, plus the hand-written table (demonyms, capitals, ports,
// occupied regions), each tied to an ISO code and the programs of the loaded
// lists that target it.
#ifndef CORDON_TEXT_GAZETTEER_H_
#define CORDON_TEXT_GAZETTEER_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cordon/entity.h"
#include "cordon/text.h"
#include "text/word_scanner.h"

namespace cordon {

class Gazetteer {
 public:
  // Targets: the comprehensive table plus every country a program of
  // `entities` targets (from the program's name, e.g. "DPRK3" -> KP,
  // "RUSSIA-EO14024" -> RU). Country names come from ICU for each target.
  explicit Gazetteer(const std::vector<Entity>& entities);

  // Jurisdictions among `words` of `text` (from ScanWords), in text order,
  // appended to *out. `folded[i]` is FoldWord of words[i].
  void Find(std::string_view text, const std::vector<TextWord>& words, const std::vector<std::string>& folded,
            std::vector<JurisdictionMention>* out) const;

  // The mention for an ISO code seen in a structured field (a payment's
  // country or BIC), or false when the code is not a target.
  bool Lookup(std::string_view code, JurisdictionMention* out) const;

  size_t name_count() const { return entries_.size(); }

 private:
  struct Target {
    std::string name;
    bool comprehensive = false;
    std::vector<std::string> programs;
  };
  struct Entry {
    std::vector<std::string> keys;  // per word
    std::string code;
    PlaceKind kind;
    bool prefix = false;  // last key matches any word that starts with it
  };

  void AddTarget(const std::string& code, const std::string& name, bool comprehensive);
  void AddName(std::string_view code, PlaceKind kind, std::string_view name);
  void Fill(const std::string& code, size_t start, size_t end, std::string_view text, PlaceKind kind,
            JurisdictionMention* m) const;
  bool WordMatches(const std::vector<std::string>& cands, std::string_view key, bool prefix) const;
  void Candidates(std::string_view folded, WordScript script, std::vector<std::string>* out) const;

  std::map<std::string, Target> targets_;
  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_first_;
  // Prefix entries by their first three bytes.
  std::unordered_map<std::string, std::vector<uint32_t>> prefix_by_head_;
  // CJK names (matched as substrings of ideograph runs), by first code point.
  std::unordered_map<char32_t, std::vector<uint32_t>> cjk_by_first_;
};

}  // namespace cordon

#endif  // CORDON_TEXT_GAZETTEER_H_
