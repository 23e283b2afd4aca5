#include "text/gazetteer.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <set>
#include <unordered_set>

#include "geo/country_resolver.h"
#include "normalize/katakana_reader.h"
#include "text/jurisdiction_table.h"

namespace cordon {
namespace {

bool IsCased(WordScript s) {
  return s == WordScript::kLatin || s == WordScript::kCyrillic || s == WordScript::kGreek;
}

std::string UpperAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return out;
}

// Codes a program name targets: "DPRK3" -> KP, "RUSSIA-EO14024" -> RU,
// "Democratic People's Republic of Korea" -> KP; Ukraine-related programs
// target the occupied regions, not Ukraine.
std::vector<std::string> ProgramCodes(const std::string& program) {
  std::vector<std::string> codes;
  std::string upper = UpperAscii(program);
  // Names of whole lists ("Non-SDN Chinese Military-Industrial Complex
  // Companies List (CMIC)") describe a list, not a country programme.
  if (upper.find(" LIST") != std::string::npos) return codes;
  auto add = [&codes](std::string code) {
    if (!code.empty() && std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  };
  if (upper.find("CRIMEA") != std::string::npos || upper.find("13685") != std::string::npos) {
    add("UA-43");
    add("UA-40");
  }
  if (upper.find("14065") != std::string::npos) {
    add("UA-14");
    add("UA-09");
  }
  std::string word;
  auto flush = [&]() {
    if (word.empty()) return;
    std::string w = word;
    while (!w.empty() && w.back() >= '0' && w.back() <= '9') w.pop_back();
    word.clear();
    if (w.size() < 2) return;
    std::string_view code = ProgramWordCountry(w);
    if (!code.empty()) {
      add(std::string(code));
      return;
    }
    if (w.size() >= 4) {
      std::string resolved = ResolveCountry(w);
      if (!resolved.empty() && resolved != "UA") add(resolved);
    }
  };
  for (char c : upper) {
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      word.push_back(c);
    } else {
      flush();
    }
  }
  flush();
  return codes;
}

std::string Utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// Capitalised, looking past an elided article: "l'Iran", "dell'Iran", "d'Iran".
bool Capitalized(std::string_view text, const TextWord& w, const std::string& folded) {
  if (w.capitalized) return true;
  size_t apostrophe = folded.find('\'');
  if (apostrophe == std::string::npos || apostrophe > 4) return false;
  std::string_view word = text.substr(w.start, w.end - w.start);
  size_t at = word.find('\'');
  size_t len = 1;
  if (at == std::string_view::npos) {
    at = word.find("\xE2\x80\x99");  // typographic apostrophe
    len = 3;
  }
  return at != std::string_view::npos && at + len < word.size() && word[at + len] >= 'A' &&
         word[at + len] <= 'Z';
}

}  // namespace

void Gazetteer::AddTarget(const std::string& code, const std::string& name, bool comprehensive) {
  Target& t = targets_[code];
  if (t.name.empty()) t.name = name;
  t.comprehensive = t.comprehensive || comprehensive;
}

void Gazetteer::AddName(std::string_view code, PlaceKind kind, std::string_view name) {
  bool prefix = false;
  if (!name.empty() && name.back() == '*') {
    prefix = true;
    name.remove_suffix(1);
  }
  std::vector<TextWord> words;
  ScanWords(name, &words);
  if (words.empty()) return;
  Entry e;
  e.code = std::string(code);
  e.kind = kind;
  e.prefix = prefix;
  if (words.size() == 1 && words[0].script == WordScript::kCjk) {
    std::string folded = FoldWord(name.substr(words[0].start, words[0].end - words[0].start));
    if (CountCodePoints(folded) < 2) return;
    size_t pos = 0;
    char32_t first = DecodeUtf8(folded, &pos);
    e.keys.push_back(folded);
    for (uint32_t i : cjk_by_first_[first]) {
      if (entries_[i].keys == e.keys) return;
    }
    cjk_by_first_[first].push_back(static_cast<uint32_t>(entries_.size()));
    entries_.push_back(std::move(e));
    return;
  }
  for (const TextWord& w : words) {
    std::string folded = FoldWord(name.substr(w.start, w.end - w.start));
    if (w.script == WordScript::kCyrillic && !prefix) folded = CyrillicStem(folded);
    e.keys.push_back(std::move(folded));
  }
  // Single short words are too ambiguous in cased scripts ("Rus", "Ira");
  // Hangul and CJK names are short by nature.
  if (e.keys.size() == 1 && IsCased(words[0].script) && CountCodePoints(e.keys[0]) < 4) return;
  if (e.keys.size() == 1 && CountCodePoints(e.keys[0]) < 2) return;
  if (prefix) {
    if (e.keys.size() != 1 || e.keys[0].size() < 4) return;
    auto& bucket = prefix_by_head_[e.keys[0].substr(0, 4)];
    for (uint32_t i : bucket) {
      if (entries_[i].keys == e.keys) return;
    }
    bucket.push_back(static_cast<uint32_t>(entries_.size()));
  } else {
    auto& bucket = by_first_[e.keys[0]];
    for (uint32_t i : bucket) {
      if (entries_[i].keys == e.keys && entries_[i].code == e.code) return;
    }
    bucket.push_back(static_cast<uint32_t>(entries_.size()));
  }
  entries_.push_back(std::move(e));
}

Gazetteer::Gazetteer(const std::vector<Entity>& entities) {
  for (const auto& c : ComprehensiveJurisdictions()) {
    AddTarget(std::string(c.code), std::string(c.name), true);
    targets_[std::string(c.code)].programs.emplace_back(c.regime);
  }
  // Programs of the loaded lists and the countries they target.
  std::map<std::string, std::vector<std::string>> program_codes;
  for (const Entity& e : entities) {
    for (const std::string& p : e.programs) {
      auto it = program_codes.find(p);
      if (it == program_codes.end()) it = program_codes.emplace(p, ProgramCodes(p)).first;
    }
  }
  for (const auto& [program, codes] : program_codes) {
    for (const std::string& code : codes) {
      if (code.size() == 2 || code.rfind("UA-", 0) == 0) {
        AddTarget(code, code.size() == 2 ? CountryName(code) : code, false);
        targets_[code].programs.push_back(program);
      }
    }
  }
  for (auto& [code, t] : targets_) {
    std::sort(t.programs.begin(), t.programs.end());
    t.programs.erase(std::unique(t.programs.begin(), t.programs.end()), t.programs.end());
  }

  // CLDR country names in every language ICU knows.
  int32_t count = 0;
  const icu::Locale* locales = icu::Locale::getAvailableLocales(count);
  std::vector<std::string> iso2;
  for (const auto& [code, t] : targets_) {
    if (code.size() == 2) iso2.push_back(code);
  }
  for (int32_t i = 0; i < count; ++i) {
    const icu::Locale& loc = locales[i];
    if (loc.getCountry()[0] != '\0' || loc.getScript()[0] != '\0' || loc.getVariant()[0] != '\0') continue;
    icu::UnicodeString kr;
    icu::Locale("", "KR").getDisplayCountry(loc, kr);
    for (const std::string& code : iso2) {
      icu::UnicodeString name;
      icu::Locale("", code.c_str()).getDisplayCountry(loc, name);
      if (name.isEmpty() || name == icu::UnicodeString(code.c_str(), "")) continue;
      if (code == "KP" && name == kr) continue;
      AddName(code, PlaceKind::kCountryName, Utf8(name));
    }
  }
  for (const auto& code : iso2) AddName(code, PlaceKind::kCountryName, CountryName(code));
  for (const PlaceNameEntry& p : PlaceNameTable()) {
    if (targets_.count(std::string(p.code)) == 0) continue;
    std::string_view names = p.names;
    while (!names.empty()) {
      size_t bar = names.find('|');
      AddName(p.code, p.kind, names.substr(0, bar));
      if (bar == std::string_view::npos) break;
      names.remove_prefix(bar + 1);
    }
  }
}

void Gazetteer::Candidates(std::string_view folded, WordScript script, std::vector<std::string>* out) const {
  out->clear();
  if (script == WordScript::kCyrillic) {
    out->push_back(CyrillicStem(folded));
    return;
  }
  out->emplace_back(folded);
  if (script == WordScript::kLatin) {
    // "Russian-born", "Iran-linked": the part before the hyphen.
    size_t hyphen = folded.find('-');
    if (hyphen != std::string_view::npos && hyphen >= 4) out->emplace_back(folded.substr(0, hyphen));
  }
  if (script == WordScript::kLatin || script == WordScript::kHangul || script == WordScript::kArabic) {
    for (auto& v : InflectionVariants(folded, script, "auto")) out->push_back(std::move(v));
  }
}

bool Gazetteer::WordMatches(const std::vector<std::string>& cands, std::string_view key, bool prefix) const {
  for (const auto& c : cands) {
    if (prefix ? c.compare(0, key.size(), key) == 0 : c == key) return true;
  }
  return false;
}

void Gazetteer::Fill(const std::string& code, size_t start, size_t end, std::string_view text, PlaceKind kind,
                     JurisdictionMention* m) const {
  const Target& t = targets_.at(code);
  m->code = code;
  m->name = t.name;
  m->start = start;
  m->end = end;
  m->text = std::string(text.substr(start, end - start));
  m->kind = kind;
  m->comprehensive = t.comprehensive;
  m->programs = t.programs;
}

bool Gazetteer::Lookup(std::string_view code, JurisdictionMention* out) const {
  auto it = targets_.find(UpperAscii(code));
  if (it == targets_.end()) return false;
  out->code = it->first;
  out->name = it->second.name;
  out->comprehensive = it->second.comprehensive;
  out->programs = it->second.programs;
  out->kind = PlaceKind::kCountryName;
  return true;
}

void Gazetteer::Find(std::string_view text, const std::vector<TextWord>& words,
                     const std::vector<std::string>& folded, std::vector<JurisdictionMention>* out) const {
  std::vector<std::string> cands;
  std::vector<std::string> next_cands;
  for (size_t i = 0; i < words.size(); ++i) {
    const TextWord& w = words[i];
    if (w.script == WordScript::kCjk) {
      const std::string& f = folded[i];
      size_t pos = 0;
      char32_t before = 0;  // the character before `c`
      for (char32_t c = 0; pos < f.size(); before = c) {
        size_t at = pos;
        c = DecodeUtf8(f, &pos);
        auto it = cjk_by_first_.find(c);
        if (it == cjk_by_first_.end()) continue;
        // A katakana name inside a longer katakana word is another word
        // (マリ, Mali, in マリア; シリア in シリアル "serial").
        const bool katakana = IsKatakanaLetter(c);
        if (katakana && IsKatakanaLetter(before)) continue;
        size_t best = 0;
        const Entry* best_e = nullptr;
        for (uint32_t idx : it->second) {
          const Entry& e = entries_[idx];
          if (e.keys[0].size() > best && f.compare(at, e.keys[0].size(), e.keys[0]) == 0) {
            if (katakana && at + e.keys[0].size() < f.size()) {
              size_t after = at + e.keys[0].size();
              if (IsKatakanaLetter(DecodeUtf8(f, &after))) continue;
            }
            best = e.keys[0].size();
            best_e = &e;
          }
        }
        if (best_e != nullptr) {
          // Folding keeps CJK bytes as they are, so offsets carry over.
          JurisdictionMention m;
          Fill(best_e->code, w.start + at, w.start + at + best, text, best_e->kind, &m);
          out->push_back(std::move(m));
          pos = at + best;
        }
      }
      continue;
    }
    Candidates(folded[i], w.script, &cands);
    const Entry* best = nullptr;
    size_t best_len = 0;
    for (const auto& c : cands) {
      auto it = by_first_.find(c);
      if (it == by_first_.end()) continue;
      for (uint32_t idx : it->second) {
        const Entry& e = entries_[idx];
        if (e.keys.size() <= best_len) continue;
        if (i + e.keys.size() > words.size()) continue;
        bool ok = true;
        for (size_t k = 1; k < e.keys.size() && ok; ++k) {
          const TextWord& nw = words[i + k];
          if (!nw.joined_to_previous) {
            ok = false;
            break;
          }
          Candidates(folded[i + k], nw.script, &next_cands);
          ok = WordMatches(next_cands, e.keys[k], e.prefix && k + 1 == e.keys.size());
        }
        if (!ok) continue;
        if (e.kind != PlaceKind::kDemonym && IsCased(w.script) && !Capitalized(text, w, folded[i])) continue;
        best = &e;
        best_len = e.keys.size();
      }
    }
    if (best == nullptr && folded[i].size() >= 4) {
      auto it = prefix_by_head_.find(folded[i].substr(0, 4));
      if (it != prefix_by_head_.end()) {
        for (uint32_t idx : it->second) {
          const Entry& e = entries_[idx];
          if (folded[i].compare(0, e.keys[0].size(), e.keys[0]) == 0) {
            best = &e;
            best_len = 1;
            break;
          }
        }
      }
    }
    if (best == nullptr) continue;
    JurisdictionMention m;
    Fill(best->code, w.start, words[i + best_len - 1].end, text, best->kind, &m);
    out->push_back(std::move(m));
    i += best_len - 1;
  }
}

}  // namespace cordon
