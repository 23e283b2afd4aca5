#include "normalize/name_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <unordered_map>

#include "base/utf8.h"
#include "normalize/arabic_skeleton.h"
#include "normalize/burmese_reading.h"
#include "normalize/french_transcription.h"
#include "normalize/katakana_reader.h"
#include "normalize/korean_romanizer.h"
#include "normalize/org_word_translations.h"
#include "normalize/phonetic_key.h"
#include "normalize/slavic_cognates.h"
#include "normalize/slavic_respelling.h"

namespace cordon {
namespace {

// ICU objects are not shared between threads: one set per thread.
class IcuTools {
 public:
  IcuTools() {
    UErrorCode status = U_ZERO_ERROR;
    nfkc_cf_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
    latin_ascii_ = Make("Any-Latin; Latin-ASCII");
    // BGN leaves letters of other Cyrillic alphabets (Belarusian ў) as they
    // are: Any-Latin takes what is left.
    ru_bgn_ = Make("Russian-Latin/BGN; Any-Latin; Latin-ASCII");
    uk_bgn_ = Make("Ukrainian-Latin/BGN; Any-Latin; Latin-ASCII");
    han_ = Make("Han-Latin; Latin-ASCII");
    greek_ = Make("Greek-Latin/UNGEGN; Latin-ASCII");
  }

  icu::UnicodeString Fold(const icu::UnicodeString& s) const {
    if (nfkc_cf_ == nullptr) return s;
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out = nfkc_cf_->normalize(s, status);
    return U_SUCCESS(status) ? out : s;
  }
  // Transliterates one word. ICU's rule-based transliterators are slow
  // (microseconds a word) and names repeat, so results are remembered per
  // thread (bounded: emptied when full).
  std::string Apply(icu::Transliterator* t, const std::u32string& word) const {
    std::u32string key = word;
    key.push_back(static_cast<char32_t>(t == latin_ascii_.get() ? 1
                                        : t == ru_bgn_.get()    ? 2
                                        : t == uk_bgn_.get()    ? 3
                                        : t == han_.get()       ? 4
                                        : t == greek_.get()     ? 5
                                                                : 6));
    auto it = memo_.find(key);
    if (it != memo_.end()) return it->second;
    std::string out = Transliterate(t, word);
    if (memo_.size() >= kMemoEntries) memo_.clear();
    memo_.emplace(std::move(key), out);
    return out;
  }

  std::string Transliterate(icu::Transliterator* t, const std::u32string& word) const {
    icu::UnicodeString u = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(word.data()),
                                                         static_cast<int32_t>(word.size()));
    if (t != nullptr) t->transliterate(u);
    if (latin_ascii_ != nullptr && t != latin_ascii_.get()) latin_ascii_->transliterate(u);
    // BGN separates ambiguous digraphs with a middle dot (Lukash·enka).
    u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x00B7)), icu::UnicodeString());
    std::string out;
    u.toUTF8String(out);
    return out;
  }
  icu::Transliterator* latin_ascii() const { return latin_ascii_.get(); }
  icu::Transliterator* ru_bgn() const { return ru_bgn_.get(); }
  icu::Transliterator* uk_bgn() const { return uk_bgn_.get(); }
  icu::Transliterator* han() const { return han_.get(); }
  icu::Transliterator* greek() const { return greek_.get(); }

 private:
  static std::unique_ptr<icu::Transliterator> Make(const char* id) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
    if (U_FAILURE(status)) return nullptr;
    return t;
  }

  static constexpr size_t kMemoEntries = 50000;
  const icu::Normalizer2* nfkc_cf_ = nullptr;
  std::unique_ptr<icu::Transliterator> latin_ascii_, ru_bgn_, uk_bgn_, han_, greek_;
  // Per thread (IcuTools is thread_local), so no lock.
  mutable std::unordered_map<std::u32string, std::string> memo_;
};

const IcuTools& Tools() {
  thread_local IcuTools tools;
  return tools;
}

enum class Script { kLatin, kCyrillic, kHangul, kHan, kArabic, kHebrew, kGreek, kKatakana, kOther };
constexpr int kScriptCount = static_cast<int>(Script::kOther) + 1;

Script ScriptOf(char32_t c) {
  if (c < 0x80) return Script::kLatin;
  if (IsHangulSyllable(c) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F))
    return Script::kHangul;
  if (IsArabicScript(c)) return Script::kArabic;
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode sc = uscript_getScript(static_cast<UChar32>(c), &status);
  switch (sc) {
    case USCRIPT_LATIN:
      return Script::kLatin;
    case USCRIPT_CYRILLIC:
      return Script::kCyrillic;
    case USCRIPT_HAN:
      return Script::kHan;
    case USCRIPT_HEBREW:
      return Script::kHebrew;
    case USCRIPT_GREEK:
      return Script::kGreek;
    case USCRIPT_KATAKANA:
      return Script::kKatakana;
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
      return Script::kLatin;
    default:
      return Script::kOther;
  }
}

bool IsWordChar(char32_t c) {
  if (c < 0x80)
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'';
  if (c == 0x2019 || c == 0x02BC || c == 0x02BB || c == 0x02BF || c == 0x02BE) return true;  // apostrophes
  int8_t type = u_charType(static_cast<UChar32>(c));
  return u_isalnum(static_cast<UChar32>(c)) || type == U_NON_SPACING_MARK ||
         type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_MODIFIER_LETTER;
}

std::string ToUtf8(const std::u32string& s) {
  std::string out;
  icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(s.data()), static_cast<int32_t>(s.size()))
      .toUTF8String(out);
  return out;
}

// A word of the input: a maximal run of word characters. `after_comma`
// marks words that follow the first comma ("PUTIN, Vladimir").
struct Word {
  std::u32string text;
  Script script = Script::kLatin;
  bool after_comma = false;
  bool hyphenated = false;  // follows the previous word across a single hyphen
};

// Splits ASCII lower-case text into alnum tokens (apostrophes dropped).
// `hyphenated`, when given, gets one flag per token: true when the token
// follows the previous one across a single hyphen (PIR-ABASSI, Jong-Un).
void SplitAscii(std::string_view s, std::vector<std::string>* out, std::vector<bool>* hyphenated = nullptr) {
  std::string cur;
  std::string gap;  // separators since the last token
  auto flush = [&]() {
    if (cur.empty()) return;
    if (hyphenated != nullptr) hyphenated->push_back(!out->empty() && gap == "-");
    out->push_back(std::move(cur));
    cur.clear();
    gap.clear();
  };
  for (char ch : s) {
    char c = ch;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (cur.empty() && !out->empty() && gap.empty()) gap = " ";
      cur.push_back(c);
    } else if (c == '\'' || c == '`') {
      continue;  // O'Brien -> obrien, Ma'ruf -> maruf
    } else {
      flush();
      gap.push_back(c);
    }
  }
  flush();
}

// A romanised Korean syllable of one letter (아 a, 이 i, 오 o, 우 u, 에 e)
// in a spelling of two or more (ah, yi, oh, woo, eh), which KoreanSyllableKey
// reads alike: a whole syllable, never an initial (김이수 is not KIM Il-Su).
std::string WholeSyllable(std::string syllable) {
  if (syllable.size() != 1) return syllable;
  switch (syllable[0]) {
    case 'a':
      return "ah";
    case 'e':
      return "eh";
    case 'i':
      return "yi";
    case 'o':
      return "oh";
    case 'u':
      return "woo";
    default:
      return syllable;
  }
}

// Raw token before classification.
struct RawToken {
  std::string text;
  std::string display;
  bool after_comma = false;
  bool hyphenated = false;  // joined to the previous token by a hyphen
  bool consonantal = false;
  bool family_first = false;  // first syllable of a Korean/Chinese name
  // A romanised Hangul or Han syllable: never a particle, title or legal
  // form (도 is "do", 德 "de", 아 "a": not the Portuguese do or French de).
  bool syllable = false;
  // A preposition, article or conjunction of an organisation name read in
  // English (IsOrgConnector): weightless, like a particle.
  bool connector = false;
  // An English word read for a word of another language (TranslateOrgWord):
  // it keeps the weight of the word as written (not kGeneric), so a
  // translation helps by matching, never by making a word the other name
  // lacks lighter (Post Groep against POST BANK, Valle against INVERSIONES
  // VALLE: new false alerts when translated words were generic).
  bool translated = false;
};

void AddVariant(NormalizedName* out, NameVariant v) {
  if (v.tokens.empty()) return;
  for (const NameVariant& existing : out->variants) {
    if (existing.tokens.size() != v.tokens.size()) continue;
    bool same = true;
    for (size_t i = 0; i < v.tokens.size() && same; ++i) same = existing.tokens[i].text == v.tokens[i].text;
    if (same) return;
  }
  out->variants.push_back(std::move(v));
}

bool ContainsToken(std::string_view haystack_norm, std::string_view token) {
  size_t pos = 0;
  while ((pos = haystack_norm.find(token, pos)) != std::string_view::npos) {
    bool start_ok = pos == 0 || haystack_norm[pos - 1] == ' ';
    size_t end = pos + token.size();
    bool end_ok = end == haystack_norm.size() || haystack_norm[end] == ' ';
    if (start_ok && end_ok) return true;
    pos = end;
  }
  return false;
}

std::string JoinedAscii(std::string_view text) {
  std::vector<std::string> parts;
  SplitAscii(text, &parts);
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out.push_back(' ');
    out += p;
  }
  return out;
}

// Classifies raw tokens into a variant: honorifics out, legal forms out
// (recorded), particles, patronymics, generic words, family/given roles.
NameVariant Classify(std::vector<RawToken> raw, const NameHints& hints, std::string method,
                     std::vector<std::string>* legal_forms) {
  NameVariant v;
  v.method = std::move(method);
  // Arabic compounds: abdul/abdel/abdal/abdur/abdol + name -> abd + name.
  std::vector<RawToken> expanded;
  for (RawToken& t : raw) {
    static const char* kAbd[] = {"abdul", "abdel", "abdal", "abdur", "abdol", "abdoul", "abdelh"};
    bool split = false;
    if (!t.consonantal) {
      for (const char* p : kAbd) {
        std::string_view pre(p);
        if (t.text.size() >= pre.size() && t.text.compare(0, pre.size(), pre) == 0) {
          // Abdulrahman -> abd rahman; Abdullah/Abdallah (Abd + Allah) and
          // short remainders stay one word.
          std::string rest = t.text.substr(pre.size());
          // Abd + Allah (+ nisba): Abdullah, Abdollahi, Abdallah stay whole.
          bool allah = rest.rfind("lah", 0) == 0 || rest.rfind("llah", 0) == 0 || rest.rfind("allah", 0) == 0;
          if (!rest.empty() && (rest.size() < 4 || allah)) break;
          RawToken a = t;
          a.text = "abd";
          expanded.push_back(a);
          if (!rest.empty()) {
            RawToken b = t;
            b.text = rest;
            b.hyphenated = true;  // the same written word as "abd"
            expanded.push_back(b);
          }
          split = true;
          break;
        }
      }
    }
    if (!split) expanded.push_back(std::move(t));
  }
  std::vector<std::string> texts;
  texts.reserve(expanded.size());
  for (const auto& t : expanded) texts.push_back(t.text);

  // A patronymic stands between given name and surname; in a two-word name
  // an -ovich word is the surname (Roman Abramovich, Petrovic).
  size_t name_words = 0;
  for (const auto& t : expanded) name_words += (IsParticle(t.text) || t.connector) && !t.syllable ? 0 : 1;
  // Two -ovich words without a comma: "Roman Arkadyevich Abramovich", the
  // last is the surname.
  size_t patronymic_like = 0;
  for (const auto& t : expanded) patronymic_like += IsPatronymic(t.text) ? 1 : 0;
  std::string norm_family = JoinedAscii(hints.family);
  std::string norm_given = JoinedAscii(hints.given);
  bool any_comma =
      std::any_of(expanded.begin(), expanded.end(), [](const RawToken& t) { return t.after_comma; });

  for (size_t i = 0; i < expanded.size(); ++i) {
    const RawToken& t = expanded[i];
    if (!hints.is_person && !t.consonantal && !t.syllable) {
      // A legal form may stand first only in Russian style (OOO Romashka).
      LegalFormHit hit = MatchLegalForm(texts, i);
      if (!hit.canonical.empty() && (i > 0 || (expanded.size() > hit.length && t.text.size() >= 2 &&
                                               t.text != "co" && t.text != "as" && t.text != "sa"))) {
        if (expanded.size() > hit.length || hints.is_organization) {
          legal_forms->push_back(hit.canonical);
          i += hit.length - 1;
          continue;
        }
      }
    }
    // Honorifics are dropped, except as part of a surname (AL-SHAYKH,
    // Muhammad: after a particle, or before the comma of LAST, First).
    // Last, a title may be a surname (Mohamed Omar HAJI, HAJI, Mohamed
    // Omar) or a title written after the name (ALIZAI Jan Agha Haji): it is
    // kept, weighing as a particle. Generational suffixes (Jr., II) go
    // wherever they stand (IVANOV JR., Sergey).
    bool in_surname = (i > 0 && IsParticle(expanded[i - 1].text)) || (any_comma && !t.after_comma);
    const bool honorific =
        expanded.size() > 1 && !t.consonantal && !t.syllable && IsHonorific(t.text) && !hints.is_organization;
    const bool generational = honorific && IsGenerationalSuffix(t.text);
    const bool title_last =
        honorific && !generational && !in_surname && !any_comma && i + 1 == expanded.size();
    if (generational || (honorific && !in_surname && !title_last)) continue;
    NameToken nt;
    nt.text = t.text;
    if (const std::string_view full = ExpandNameAbbreviation(t.text); !full.empty() && !hints.is_organization)
      nt.text = std::string(full);
    nt.display = t.display.empty() ? t.text : t.display;
    nt.consonantal = t.consonantal;
    nt.hyphenated = t.hyphenated && !v.tokens.empty();
    std::string consonants = t.consonantal ? SkeletonOfArabicSpelling(t.text) : std::string();
    // Arabic-script particles: bin, abu, the article written apart, Allah's
    // "l"; not علي ("li", Ali). Sayyid weighs as a particle where it is
    // no surname (not last, not before the comma: Saduddin SAYYED): lists
    // write it or leave it out (سید, not سعید, Saeed, which spells alike).
    const bool sayyid = !in_surname && !hints.is_organization && i + 1 < expanded.size() &&
                        (t.consonantal ? t.display == "سید" || t.display == "سيد" : IsSayyidTitle(t.text));
    // An organisation named after a person keeps the person's religious
    // title (HAJI BASIR HAWALA), weighing as a particle: a query without a
    // kind drops it, and another list may leave it out. Not other titles:
    // in Admiral Shipping Group, Admiral is the name.
    const bool org_title = hints.is_organization && i + 2 < expanded.size() && !t.consonantal &&
                           !t.syllable && IsReligiousTitle(t.text);
    // A person's epithet "the" (THE MAURITANIAN, Salih) is an article, as in
    // an organisation's name.
    const bool article = !hints.is_organization && t.text == "the" && expanded.size() > 1;
    if (((IsParticle(t.text) || t.connector) && !t.syllable) || sayyid || org_title || title_last ||
        article ||
        (t.consonantal &&
         (consonants == "bn" || consonants == "b" || (consonants == "l" && t.text != "li")))) {
      nt.role = TokenRole::kParticle;
    } else if (!hints.is_organization && name_words >= 3 && IsPatronymic(t.text) &&
               !(any_comma && !t.after_comma) &&
               !(patronymic_like >= 2 && !any_comma && i + 1 == expanded.size())) {
      nt.role = TokenRole::kPatronymic;
    } else if (!hints.is_person && IsGenericOrgWord(t.text) && !t.translated) {
      nt.role = TokenRole::kGeneric;
    } else if (!norm_family.empty() && ContainsToken(norm_family, t.text)) {
      nt.role = TokenRole::kFamily;
    } else if (!norm_given.empty() && ContainsToken(norm_given, t.text)) {
      nt.role = TokenRole::kGiven;
    } else if (any_comma && !hints.is_organization) {
      nt.role = t.after_comma ? TokenRole::kGiven : TokenRole::kFamily;
    } else if (t.family_first) {
      nt.role = TokenRole::kFamily;
    }
    v.tokens.push_back(std::move(nt));
  }
  // A name made only of particles keeps them as ordinary parts.
  if (std::all_of(v.tokens.begin(), v.tokens.end(),
                  [](const NameToken& t) { return t.role == TokenRole::kParticle; })) {
    for (NameToken& t : v.tokens) t.role = TokenRole::kPlain;
  }
  return v;
}

// An organisation name written in another EU language, read once more in
// English (org_word_translations.h): "Banco Koryo" -> bank koryo, "Państwo
// Islamskie w Iraku" -> state islamic [w] iraku, its glue words weightless.
// Only with NameHints::translate_org_words (queries); persons are never
// read so; names of unknown kind only when a word translates. Returns
// false, having allocated nothing, when no word does (most names): the
// caller adds `*translated` after the reading it came from.
bool TranslatedReading(const std::vector<RawToken>& raw, const NameHints& hints, NameVariant* translated) {
  if (hints.is_person || !hints.translate_org_words) return false;
  auto english_of = [](const RawToken& t) {
    return t.consonantal || t.syllable ? std::string_view() : TranslateOrgWord(t.text);
  };
  // A name of one word is not read: a generic word alone names nobody, and
  // such words are names too (the alias "Север", read "north", found OOO
  // NORD MARINE).
  if (raw.size() < 2 ||
      std::none_of(raw.begin(), raw.end(), [&](const RawToken& t) { return !english_of(t).empty(); })) {
    return false;
  }
  size_t words = 0;
  for (const RawToken& t : raw) words += IsParticle(t.text) || IsOrgConnector(t.text) ? 0 : 1;
  if (words < 2) return false;
  std::vector<RawToken> out;
  out.reserve(raw.size() + 1);
  for (const RawToken& t : raw) {
    std::string_view english = english_of(t);
    if (english.empty()) {
      out.push_back(t);
      out.back().connector = !t.consonantal && !t.syllable && IsOrgConnector(t.text);
      continue;
    }
    // One word may read as two (kaubanduskorporatsioon -> trading
    // corporation): still one written word.
    bool first = true;
    for (size_t pos = 0; pos <= english.size();) {
      size_t end = std::min(english.find(' ', pos), english.size());
      RawToken w = t;
      if (w.display.empty()) w.display = t.text;  // explanations show the word as written
      w.text = std::string(english.substr(pos, end - pos));
      w.translated = true;
      w.hyphenated = first ? t.hyphenated : true;
      out.push_back(std::move(w));
      first = false;
      pos = end + 1;
    }
  }
  // Legal forms a translation reveals (sociedad -> company) are not
  // recorded: the name's own legal forms are compared as written.
  std::vector<std::string> ignored;
  *translated = Classify(std::move(out), hints, "org-translated", &ignored);
  return true;
}

// The comma of "LAST, First" inverts the name unless what follows it is a
// legal form ("CIMEX, S.A.") or the name is an organisation.
bool CommaInverts(std::string_view name, const NameHints& hints) {
  if (hints.is_organization) return false;
  size_t comma = name.find(',');
  if (comma == std::string_view::npos || name.find(',', comma + 1) != std::string_view::npos) return false;
  std::vector<std::string> after;
  SplitAscii(name.substr(comma + 1), &after);
  if (after.empty()) return false;
  if (!hints.is_person && !MatchLegalForm(after, 0).canonical.empty()) return false;
  return true;
}

void NormalizeAscii(std::string_view name, const NameHints& hints, NormalizedName* out) {
  bool invert = CommaInverts(name, hints);
  size_t comma = invert ? name.find(',') : std::string_view::npos;
  std::vector<RawToken> raw;
  auto add_part = [&](std::string_view part, bool after_comma) {
    std::vector<std::string> words;
    std::vector<bool> hyphenated;
    SplitAscii(part, &words, &hyphenated);
    for (size_t i = 0; i < words.size(); ++i) {
      RawToken t;
      t.text = std::move(words[i]);
      t.after_comma = after_comma;
      t.hyphenated = hyphenated[i];
      raw.push_back(std::move(t));
    }
  };
  if (invert) {
    add_part(name.substr(0, comma), false);
    add_part(name.substr(comma + 1), true);
  } else {
    add_part(name, false);
  }
  NameVariant translated;
  const bool has_translation = TranslatedReading(raw, hints, &translated);
  AddVariant(out, Classify(std::move(raw), hints, "latin", &out->legal_forms));
  if (has_translation) AddVariant(out, std::move(translated));
}

// Katakana words read back into the Latin spellings foreign names most
// likely had (ReadKatakana: several guesses a word), next to the ICU
// reading: whole-name variants pick one reading per katakana word, the
// combinations of likelier readings first (smallest sum of ranks), at most
// kMaxKatakanaVariants.
// Other words keep their tokens of the first variant.
constexpr size_t kMaxKatakanaVariants = 8;

void AddKatakanaVariants(const std::vector<Word>& words,
                         const std::vector<std::vector<RawToken>>& first_by_word, const NameHints& hints,
                         NormalizedName* out) {
  std::vector<std::vector<std::string>> readings(words.size());
  size_t combos = 1;
  for (size_t w = 0; w < words.size(); ++w) {
    if (words[w].script != Script::kKatakana) continue;
    readings[w] = ReadKatakana(words[w].text);
    if (!readings[w].empty()) combos *= readings[w].size();
  }
  // Every combination of reading ranks (few: at most 4 per word), ordered
  // by the sum of ranks, then the largest rank.
  std::vector<std::vector<size_t>> picks;
  std::vector<size_t> pick(words.size(), 0);
  for (size_t c = 0; c < combos && c < 256; ++c) {
    picks.push_back(pick);
    for (size_t w = 0; w < words.size(); ++w) {
      if (readings[w].empty()) continue;
      if (++pick[w] < readings[w].size()) break;
      pick[w] = 0;
    }
  }
  auto cost = [](const std::vector<size_t>& p) {
    size_t sum = 0, max = 0;
    for (size_t r : p) {
      sum += r;
      max = std::max(max, r);
    }
    return std::make_pair(sum, max);
  };
  std::stable_sort(picks.begin(), picks.end(),
                   [&cost](const auto& a, const auto& b) { return cost(a) < cost(b); });
  size_t added = 0;
  for (const std::vector<size_t>& p : picks) {
    if (added >= kMaxKatakanaVariants) break;
    std::vector<RawToken> raw;
    for (size_t w = 0; w < words.size(); ++w) {
      if (readings[w].empty()) {
        raw.insert(raw.end(), first_by_word[w].begin(), first_by_word[w].end());
        continue;
      }
      RawToken t;
      t.text = readings[w][p[w]];
      t.display = ToUtf8(words[w].text);
      t.after_comma = words[w].after_comma;
      t.hyphenated = words[w].hyphenated;
      raw.push_back(std::move(t));
    }
    std::vector<std::string> ignored;  // legal forms were recorded by the first variant
    const size_t before = out->variants.size();
    AddVariant(out, Classify(std::move(raw), hints, "katakana", &ignored));
    added += out->variants.size() - before;
  }
}

void NormalizeUnicode(std::string_view name, const NameHints& hints, NormalizedName* out) {
  const IcuTools& tools = Tools();
  icu::UnicodeString u = tools.Fold(
      icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size()))));
  std::u32string text;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    text.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  bool invert = false;
  {
    std::string folded;
    u.toUTF8String(folded);
    invert = CommaInverts(folded, hints);
  }
  // Words.
  std::vector<Word> words;
  bool seen_comma = false;
  Word cur;
  auto flush = [&]() {
    if (cur.text.empty()) return;
    int counts[kScriptCount] = {0};
    for (char32_t c : cur.text) {
      if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) continue;
      if (c == 0x30FC) continue;  // ー (script Common) lengthens a kana vowel
      counts[static_cast<int>(ScriptOf(c))]++;
    }
    int best = 0;
    for (int s = 1; s < kScriptCount; ++s) {
      if (counts[s] > counts[best]) best = s;
    }
    cur.script = static_cast<Script>(best);
    cur.after_comma = invert && seen_comma;
    words.push_back(std::move(cur));
    cur = Word();
  };
  std::u32string gap;
  for (char32_t c : text) {
    if (IsWordChar(c)) {
      if (cur.text.empty()) {
        cur.hyphenated = !words.empty() && (gap == U"-" || gap == U"\u2010" || gap == U"\u2011");
        gap.clear();
      }
      cur.text.push_back(c);
    } else {
      flush();
      gap.push_back(c);
      if (c == ',') seen_comma = true;
    }
  }
  flush();
  if (words.empty()) return;

  // Hangul words have several romanisations; build whole-name variants by
  // taking the k-th romanisation of every Hangul word.
  std::vector<std::vector<std::vector<std::string>>> hangul(words.size());
  size_t max_k = 1;
  std::vector<std::u32string> cyrillic_words;
  bool all_cyrillic = true;
  bool ukrainian = false;
  for (size_t w = 0; w < words.size(); ++w) {
    if (words[w].script == Script::kHangul) {
      hangul[w] = RomanizeHangul(words[w].text);
      max_k = std::max(max_k, hangul[w].size());
    }
    if (words[w].script == Script::kCyrillic) {
      cyrillic_words.push_back(words[w].text);
      for (char32_t c : words[w].text) {
        if (c == U'і' || c == U'ї' || c == U'є' || c == U'ґ') ukrainian = true;
      }
    } else {
      all_cyrillic = false;
    }
    if (words[w].script != Script::kLatin) out->has_non_latin = true;
  }

  // The raw tokens of each word in the first variant, for the katakana
  // variants below.
  const bool any_katakana =
      std::any_of(words.begin(), words.end(), [](const Word& w) { return w.script == Script::kKatakana; });
  std::vector<std::vector<RawToken>> first_by_word(any_katakana ? words.size() : 0);
  // A name with a Persian or Urdu letter is read the Persian way once more,
  // when one of its Arabic-script words reads otherwise in Persian (مرتضی:
  // Morteza beside Murtada).
  const bool persian =
      std::any_of(words.begin(), words.end(),
                  [](const Word& w) { return w.script == Script::kArabic && HasPersianLetter(w.text); }) &&
      std::any_of(words.begin(), words.end(), [](const Word& w) {
        return w.script == Script::kArabic && ReadsOtherwiseInPersian(w.text);
      });
  for (size_t k = 0; k < max_k + (persian ? 1 : 0); ++k) {
    const bool persian_pass = persian && k == max_k;
    std::vector<RawToken> raw;
    std::string method = "latin";
    for (size_t w = 0; w < words.size(); ++w) {
      const size_t word_begin = raw.size();
      const Word& word = words[w];
      std::string display = ToUtf8(word.text);
      auto push_ascii = [&](const std::string& ascii, bool family_first_first, bool syllables = false) {
        std::vector<std::string> parts;
        std::vector<bool> hyphenated;
        SplitAscii(ascii, &parts, &hyphenated);
        for (size_t p = 0; p < parts.size(); ++p) {
          RawToken t;
          t.text = std::move(parts[p]);
          t.display = display;
          t.after_comma = word.after_comma;
          t.hyphenated = p == 0 ? word.hyphenated : hyphenated[p];
          t.family_first = family_first_first && p == 0 && w == 0;
          t.syllable = syllables;
          raw.push_back(std::move(t));
        }
      };
      switch (word.script) {
        case Script::kHangul: {
          if (hangul[w].empty()) break;
          const auto& var = hangul[w][std::min(k, hangul[w].size() - 1)];
          method = k == 0 ? "korean-list" : (k == 1 ? "korean-rr" : "korean-surname");
          for (size_t p = 0; p < var.size(); ++p) {
            RawToken t;
            t.text = WholeSyllable(var[p]);
            t.display = ToUtf8(std::u32string(1, word.text[std::min(p, word.text.size() - 1)]));
            t.after_comma = word.after_comma;
            t.family_first = (w == 0 && p == 0 && words.size() == 1);
            t.syllable = true;
            raw.push_back(std::move(t));
          }
          break;
        }
        case Script::kCyrillic:
          method = "cyrillic-bgn";
          push_ascii(tools.Apply(ukrainian ? tools.uk_bgn() : tools.ru_bgn(), word.text), false);
          break;
        case Script::kHan: {
          // One syllable a character: ICU's Han-Latin joins some runs of
          // characters into words and not others (wangjinyu, yi zhendong),
          // and a per-character memo hits where whole names never repeat.
          method = "pinyin";
          std::string syllables;
          for (char32_t c : word.text) {
            if (!syllables.empty()) syllables.push_back(' ');
            syllables += tools.Apply(tools.han(), std::u32string(1, c));
          }
          push_ascii(syllables, words.size() == 1, true);
          break;
        }
        case Script::kGreek:
          method = "icu";
          push_ascii(tools.Apply(tools.greek(), word.text), false);
          break;
        case Script::kArabic: {
          method = persian_pass ? "persian" : "arabic-skeleton";
          bool article = false;
          std::string skel =
              persian_pass ? PersianSpelling(word.text, &article) : ArabicSpelling(word.text, &article);
          if (article) {
            RawToken a;
            a.text = "al";
            a.display = "ال";
            a.after_comma = word.after_comma;
            raw.push_back(a);
          }
          if (!skel.empty()) {
            RawToken t;
            t.text = skel;
            t.display = display;
            t.consonantal = true;
            t.after_comma = word.after_comma;
            raw.push_back(std::move(t));
          }
          break;
        }
        case Script::kHebrew: {
          method = "icu";
          std::vector<std::string> parts;
          SplitAscii(tools.Apply(tools.latin_ascii(), word.text), &parts);
          for (auto& p : parts) {
            RawToken t;
            t.text = ConsonantSkeleton(p);
            t.display = display;
            t.consonantal = true;
            t.after_comma = word.after_comma;
            if (!t.text.empty()) raw.push_back(std::move(t));
          }
          break;
        }
        case Script::kKatakana:
        case Script::kLatin:
        case Script::kOther:
          if (word.script != Script::kLatin) method = "icu";
          push_ascii(tools.Apply(tools.latin_ascii(), word.text), false);
          break;
      }
      if (k == 0 && any_katakana) first_by_word[w].assign(raw.begin() + word_begin, raw.end());
    }
    NameVariant translated;
    const bool has_translation = k == 0 && TranslatedReading(raw, hints, &translated);
    AddVariant(out, Classify(std::move(raw), hints, method, &out->legal_forms));
    if (has_translation) AddVariant(out, std::move(translated));
  }

  if (any_katakana) AddKatakanaVariants(words, first_by_word, hints, out);

  if (all_cyrillic && !cyrillic_words.empty()) {
    for (auto& kv : KoreanFromCyrillic(cyrillic_words)) {
      std::vector<RawToken> raw;
      for (size_t i = 0; i < kv.size(); ++i) {
        RawToken t;
        t.text = WholeSyllable(kv[i]);
        t.display = ToUtf8(cyrillic_words[std::min(i, cyrillic_words.size() - 1)]);
        t.family_first = i == 0;
        t.syllable = true;
        raw.push_back(std::move(t));
      }
      std::vector<std::string> ignored;
      AddVariant(out, Classify(std::move(raw), hints, "korean-from-cyrillic", &ignored));
    }
  }
  // Legal forms are recorded once per variant; keep each distinct one once.
  std::sort(out->legal_forms.begin(), out->legal_forms.end());
  out->legal_forms.erase(std::unique(out->legal_forms.begin(), out->legal_forms.end()),
                         out->legal_forms.end());
}

// The texts of a variant's tokens that are words (not consonant skeletons).
std::vector<std::string> WordTexts(const NameVariant& v) {
  std::vector<std::string> texts;
  for (const NameToken& t : v.tokens) {
    if (!t.consonantal) texts.push_back(t.text);
  }
  return texts;
}

// `from` with every word token rewritten by `respell` (skeletons kept),
// added as a variant of `method` when any token changed.
template <typename Respell>
void AddRespelledVariant(const NameVariant& from, const char* method, Respell respell, NormalizedName* out) {
  NameVariant respelled = from;  // copied first: `from` may live in out->variants, which AddVariant grows
  respelled.method = method;
  bool changed = false;
  for (NameToken& t : respelled.tokens) {
    if (t.consonantal) continue;
    std::string r = respell(t.text);
    changed = changed || r != t.text;
    t.text = std::move(r);
  }
  if (changed) AddVariant(out, std::move(respelled));
}

// The first reading of `text`, a rewriting of the name, added as a variant
// of `method`. Returns whether it was added (not already there).
bool AddRewrittenReading(const std::string& text, const NameHints& hints, const char* method,
                         NormalizedName* out) {
  NormalizedName alt;
  NormalizeUnicode(text, hints, &alt);
  if (alt.variants.empty()) return false;
  NameVariant v = std::move(alt.variants[0]);
  v.method = method;
  const size_t before = out->variants.size();
  AddVariant(out, std::move(v));
  return out->variants.size() > before;
}

// The name with Russian ё written йо, so that BGN romanises it yo, as
// English spellings do (Артём Artyom, Пётр Pyotr, Алёна Alyona; BGN's ë
// folds to e: Artem). Empty when the name has no ё.
std::string WithCyrillicYo(std::string_view name) {
  static constexpr std::string_view kYo = "ё", kCapitalYo = "Ё";
  if (name.find(kYo) == std::string_view::npos && name.find(kCapitalYo) == std::string_view::npos) return {};
  std::string out;
  out.reserve(name.size() + 8);
  for (size_t i = 0; i < name.size();) {
    if (name.compare(i, kYo.size(), kYo) == 0) {
      out += "йо";
      i += kYo.size();
    } else if (name.compare(i, kCapitalYo.size(), kCapitalYo) == 0) {
      out += "Йо";
      i += kCapitalYo.size();
    } else {
      out.push_back(name[i++]);
    }
  }
  return out;
}

// A Latin spelling of an East Slavic word with its yo, io or jo after a
// consonant read as e (artyom -> artem, aljochin -> alechin, berjoza ->
// bereza). Unchanged when there is none.
std::string ReadYoAsE(const std::string& t) {
  std::string out;
  out.reserve(t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    const bool yo = i + 1 < t.size() && (t[i] == 'y' || t[i] == 'i' || t[i] == 'j') && t[i + 1] == 'o';
    if (yo && i > 0 && !IsLatinVowel(t[i - 1]) && t[i - 1] != 'j') {
      out.push_back('e');
      ++i;
    } else {
      out.push_back(t[i]);
    }
  }
  return out;
}

// Second readings of Slavic names in another European convention (see
// slavic_respelling.h): the háček letters written out (Andrejevič ->
// Andrejevich), then Swedish/Czech/Polish/German j, tj, sj, zj in the
// English convention (Vjatjeslav Viktorovitj -> Vyacheslav Viktorovich).
void AddSlavicReadings(std::string_view name, const NameHints& hints, bool ascii, NormalizedName* out) {
  if (!ascii) {
    if (std::string expanded = ExpandSlavicDiacritics(name); !expanded.empty())
      AddRewrittenReading(expanded, hints, "latin-digraphs", out);
    if (std::string yo = WithCyrillicYo(name); !yo.empty()) {
      // Explanations show the name as written (артём, not артйом).
      if (AddRewrittenReading(yo, hints, "cyrillic-yo", out) && name.find("йо") == std::string_view::npos &&
          name.find("Йо") == std::string_view::npos) {
        for (NameToken& t : out->variants.back().tokens) {
          for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"йо", "ё"}, {"Йо", "Ё"}}) {
            for (size_t p = t.display.find(from); p != std::string::npos; p = t.display.find(from, p))
              t.display.replace(p, from.size(), to);
          }
        }
      }
    }
  }
  // Organisations keep their names: their Slavic words are not written in
  // these conventions, and acronyms are full of such letters (SSJO).
  if (hints.is_organization) return;
  if (!ascii) {
    if (std::string feminine = DropCzechFeminineEndings(name); !feminine.empty()) {
      // Its háček letters written out too (Zjankevičová -> Zjankevich).
      std::string both = ExpandSlavicDiacritics(feminine);
      AddRewrittenReading(both.empty() ? feminine : both, hints, "latin-digraphs", out);
    }
  }
  const size_t n = out->variants.size();
  for (size_t k = 0; k < n; ++k) {
    const NameVariant& v = out->variants[k];
    if (v.method != "latin" && v.method != "icu" && v.method != "latin-digraphs") continue;
    const std::vector<std::string> texts = WordTexts(v);
    if (!ReadsAsRespelledSlavic(texts)) continue;
    bool ambiguous = false;
    for (const std::string& t : texts) ambiguous = ambiguous || HasAmbiguousDigraph(t);
    // A ch the háček expansion wrote is English ch (č); others are kh.
    const bool ch_is_kh = v.method != "latin-digraphs";
    for (int soft = 0; soft <= (ambiguous ? 1 : 0); ++soft) {
      AddRespelledVariant(
          out->variants[k], "slavic-respelled",
          [soft, ch_is_kh](const std::string& t) { return RespellSlavicToken(t, soft == 1, ch_is_kh); }, out);
    }
  }
  // Ukrainian and Belarusian names in their Russian form (Oleh
  // Volodymyrovych -> Oleg Vladimirovich; LUKASHENKA -> lukashenko), when a
  // given name or patronymic is one of theirs.
  const size_t m = out->variants.size();
  for (size_t k = 0; k < m; ++k) {
    const NameVariant& v = out->variants[k];
    if (v.method != "latin" && v.method != "icu" && v.method != "latin-digraphs" &&
        v.method != "slavic-respelled" && v.method != "cyrillic-bgn") {
      continue;
    }
    NameVariant russian = v;
    russian.method = "russian-form";
    bool mapped = false;
    std::vector<bool> is_name_part(russian.tokens.size(), false);
    for (size_t i = 0; i < russian.tokens.size(); ++i) {
      NameToken& t = russian.tokens[i];
      if (t.consonantal) continue;
      CognateKind kind;
      std::string r = RussianForm(t.text, &kind);
      if (kind == CognateKind::kNone) continue;
      t.text = std::move(r);
      mapped = true;
      is_name_part[i] = true;
    }
    // Surname endings too, once the name shows itself East Slavic (a
    // Belarusian given name, or any patronymic: VOLKAU beside Alexandrovich).
    bool patronymic = std::any_of(russian.tokens.begin(), russian.tokens.end(),
                                  [](const NameToken& t) { return t.role == TokenRole::kPatronymic; });
    if (!mapped && !patronymic) continue;
    for (size_t i = 0; i < russian.tokens.size(); ++i) {
      NameToken& t = russian.tokens[i];
      if (is_name_part[i] || t.consonantal || t.role == TokenRole::kGiven || t.role == TokenRole::kPatronymic)
        continue;
      std::string r = RussianSurnameForm(t.text);
      if (!r.empty()) {
        t.text = std::move(r);
        mapped = true;
      }
    }
    if (mapped) AddVariant(out, std::move(russian));
  }
  // Russian ё is written yo, io or jo, or left e (Artyom, Artiom, Artem;
  // ALJOCHIN, ALEKHIN): East Slavic names (a patronymic, or a spelling in
  // another European convention) are also read with e there.
  const size_t r = out->variants.size();
  for (size_t k = 0; k < r; ++k) {
    const NameVariant& v = out->variants[k];
    if (v.method != "latin" && v.method != "icu" && v.method != "latin-digraphs" &&
        v.method != "slavic-respelled")
      continue;
    const bool slavic = v.method == "slavic-respelled" ||
                        std::any_of(v.tokens.begin(), v.tokens.end(),
                                    [](const NameToken& t) { return t.role == TokenRole::kPatronymic; });
    if (slavic) AddRespelledVariant(out->variants[k], "slavic-yo-e", ReadYoAsE, out);
  }
}

// A Burmese name (burmese_reading.h) once more with its syllables in one
// spelling, and without the honorific it starts with (U, Daw, Maung, the
// Karen Saw, the Mon Nai; or the first given name after a comma: OO, U
// Tin), when two name syllables or more remain: U Zaw Min ~ MIN,
// Zaw; MOE, Nai Banya Ong ~ Banyar Aung Moe.
void AddBurmeseReading(const NameHints& hints, NormalizedName* out) {
  if (hints.is_organization) return;
  const size_t n = out->variants.size();
  for (size_t k = 0; k < n; ++k) {
    const NameVariant& v = out->variants[k];
    if (v.method != "latin" && v.method != "icu") continue;
    if (v.tokens.size() < 2 || !IsBurmeseWord(v.tokens[0].text) || !ReadsAsBurmese(WordTexts(v))) continue;
    NameVariant burmese = out->variants[k];  // copied: AddVariant grows out->variants
    burmese.method = "burmese";
    // The honorific is dropped, as titles are. The first reading keeps it:
    // Maung Maung KYAW is M. Maung KYAW.
    size_t syllables = 0, first = burmese.tokens.size();
    for (size_t i = 0; i < burmese.tokens.size(); ++i) {
      const NameToken& t = burmese.tokens[i];
      syllables += t.role == TokenRole::kParticle ? 0 : 1;
      if (first == burmese.tokens.size() && t.role != TokenRole::kFamily) first = i;  // MAUNG, U Chit: U
    }
    if (first < burmese.tokens.size() && syllables >= 3 &&
        burmese.tokens[first].role != TokenRole::kParticle &&
        IsBurmeseHonorific(burmese.tokens[first].text)) {
      burmese.tokens.erase(burmese.tokens.begin() + static_cast<std::ptrdiff_t>(first));
    }
    for (NameToken& t : burmese.tokens) t.text = BurmeseSpelling(t.text);
    AddVariant(out, std::move(burmese));
  }
}

// Arabic and Persian names in the French convention (Youssef, Al-Azzaoui,
// Djamel) also read in the English one (yussef, al azzawi, jamel), when a
// token shows the convention and the name is no Slavic one (their French
// spellings have a reading of their own). Not for organisations.
void AddFrenchReading(const NameHints& hints, NormalizedName* out) {
  if (hints.is_organization) return;
  const size_t n = out->variants.size();
  for (size_t k = 0; k < n; ++k) {
    const NameVariant& v = out->variants[k];
    if (v.method != "latin" && v.method != "icu") continue;
    const std::vector<std::string> texts = WordTexts(v);
    if (!ReadsAsFrenchTranscription(texts) || ReadsAsRespelledSlavic(texts)) continue;
    AddRespelledVariant(
        v, "french-respelled", [](const std::string& t) { return RespellFrenchToken(t); }, out);
  }
}

// `name` with every run of two or more letters each followed by a dot
// joined into one word (T.M.G. -> TMG); empty when there is none.
std::string JoinDottedAcronyms(std::string_view name) {
  auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  std::string out;
  bool changed = false;
  for (size_t i = 0; i < name.size();) {
    size_t j = i;
    size_t letters = 0;
    // "X." repeated, at a word start.
    const bool word_start = i == 0 || !letter(name[i - 1]);
    while (word_start && j + 1 < name.size() && letter(name[j]) && name[j + 1] == '.' &&
           (j + 2 == name.size() || !letter(name[j + 2]) || (j + 3 < name.size() && name[j + 3] == '.') ||
            j + 3 == name.size())) {
      j += 2;
      ++letters;
    }
    if (letters >= 2) {
      for (size_t k = i; k < j; k += 2) out.push_back(name[k]);
      out.push_back(' ');
      changed = true;
      i = j;
    } else {
      out.push_back(name[i++]);
    }
  }
  return changed ? out : std::string();
}

// An organisation's acronym written with dots (T.M.G. ENGINEERING LIMITED)
// also read as one word, as lists write it elsewhere (TMG Ltd.): its letters
// alone are initials, which anchor no match. Not for persons (J.R. Smith).
void AddAcronymReading(std::string_view name, const NameHints& hints, NormalizedName* out) {
  if (hints.is_person || out->variants.empty()) return;
  const bool org_like = hints.is_organization || !out->legal_forms.empty() ||
                        std::any_of(out->variants[0].tokens.begin(), out->variants[0].tokens.end(),
                                    [](const NameToken& t) { return t.role == TokenRole::kGeneric; });
  if (!org_like) return;
  if (const std::string joined = JoinDottedAcronyms(name); !joined.empty())
    AddRewrittenReading(joined, hints, "acronym", out);
}

// The EU, the UK and many users write a person's surname in capitals
// (Delcy Eloina RODRÍGUEZ GÓMEZ, KIM Jong Un): when a name without a comma
// holds words in capitals (two letters or more) and capitalised words, the
// capital words standing together at its end or its start, those are the
// family name and the others the given names. Lower-case words (al, bin,
// de, the al of al-SAYED) and initials go with neither; hyphens part
// words as spaces do. Sets `family` and `given` to those
// words (UTF-8, space-separated) and returns true when the name reads so.
bool CaseMarkedParts(std::string_view name, std::string* family, std::string* given) {
  if (name.find(',') != std::string_view::npos) return false;
  enum class Kind : uint8_t { kNeither, kCapitals, kCapitalised };
  // One pass over the words, nothing allocated: most names are in one case.
  constexpr size_t kMaxWords = 16;
  std::array<std::pair<Kind, std::string_view>, kMaxWords> words;
  size_t count = 0;
  int first_cap = -1, last_cap = -1, first_mixed = -1, last_mixed = -1;
  auto separator = [](char c) { return c == ' ' || c == '\t' || c == '-'; };
  size_t pos = 0;
  while (pos < name.size()) {
    while (pos < name.size() && separator(name[pos])) ++pos;
    const size_t start = pos;
    size_t letters = 0, upper = 0, lower = 0;
    bool first_upper = false;
    while (pos < name.size() && !separator(name[pos])) {
      const char32_t c = DecodeUtf8(name, &pos);
      bool is_upper, is_lower;
      if (c < 0x80) {  // most names: no ICU call
        is_upper = c >= 'A' && c <= 'Z';
        is_lower = c >= 'a' && c <= 'z';
      } else {
        if (!u_isalpha(static_cast<UChar32>(c))) continue;
        is_upper = u_isUUppercase(static_cast<UChar32>(c));
        is_lower = !is_upper && u_isULowercase(static_cast<UChar32>(c));
        if (!is_upper && !is_lower) {
          ++letters;  // a letter of no case (Arabic, Han)
          continue;
        }
      }
      if (!is_upper && !is_lower) continue;
      if (is_upper) {
        first_upper = first_upper || letters == 0;
        ++upper;
      } else {
        ++lower;
      }
      ++letters;
    }
    if (start == pos) break;
    if (count == kMaxWords) return false;
    Kind kind = Kind::kNeither;
    if (letters >= 2 && lower == 0 && upper == letters) kind = Kind::kCapitals;
    if (first_upper && lower > 0) kind = Kind::kCapitalised;
    const int i = static_cast<int>(count);
    if (kind == Kind::kCapitals) {
      if (first_cap < 0) first_cap = i;
      last_cap = i;
    } else if (kind == Kind::kCapitalised) {
      if (first_mixed < 0) first_mixed = i;
      last_mixed = i;
    }
    words[count++] = {kind, name.substr(start, pos - start)};
  }
  // The capital words in one run (words of neither kind may stand inside
  // it), at the name's end or start, beside at least one capitalised word.
  if (first_cap < 0 || first_mixed < 0) return false;
  if (!(last_mixed < first_cap || last_cap < first_mixed)) return false;
  family->clear();
  given->clear();
  for (size_t k = 0; k < count; ++k) {
    const auto& [kind, word] = words[k];
    std::string* to = kind == Kind::kCapitals ? family : kind == Kind::kCapitalised ? given : nullptr;
    if (to == nullptr) continue;
    if (!to->empty()) to->push_back(' ');
    to->append(word);
  }
  return true;
}

// The token texts of every reading of `words`, space-separated: the form
// NameHints' given and family parts are compared in.
std::string ReadingTexts(std::string_view words) {
  std::string out;
  for (const NameVariant& v : NormalizeName(words, NameHints()).variants) {
    for (const NameToken& t : v.tokens) {
      if (ContainsToken(out, t.text)) continue;
      if (!out.empty()) out.push_back(' ');
      out += t.text;
    }
  }
  return out;
}

}  // namespace

NormalizedName NormalizeName(std::string_view name, const NameHints& given_hints) {
  NormalizedName out;
  bool ascii = true;
  for (char c : name) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  // A person's name with its surname in capitals labels its parts.
  NameHints hints = given_hints;
  std::string case_family, case_given;
  if (hints.is_person && hints.family.empty() && hints.given.empty() &&
      CaseMarkedParts(name, &case_family, &case_given)) {
    case_family = ReadingTexts(case_family);
    case_given = ReadingTexts(case_given);
    hints.family = case_family;
    hints.given = case_given;
  }
  auto normalize = [&](const NameHints& h, NormalizedName* o) {
    if (ascii) {
      NormalizeAscii(name, h, o);
    } else {
      NormalizeUnicode(name, h, o);
    }
  };
  normalize(hints, &out);
  // Unknown kind: a word that reads as a legal form may be a name part
  // (PAO Hua Chiang, PAK Han SE, Iyad AG GHALI), so a name with no generic
  // organisation word is also read as a person's, all its words kept.
  if (!hints.is_person && !hints.is_organization && !out.legal_forms.empty() && !out.variants.empty()) {
    bool generic = false;
    for (const NameToken& t : out.variants[0].tokens) generic = generic || t.role == TokenRole::kGeneric;
    if (!generic) {
      NameHints person = hints;
      person.is_person = true;
      NormalizedName as_person;
      normalize(person, &as_person);
      for (NameVariant& v : as_person.variants) AddVariant(&out, std::move(v));
    }
  }
  AddSlavicReadings(name, hints, ascii, &out);
  AddBurmeseReading(hints, &out);
  AddFrenchReading(hints, &out);
  AddAcronymReading(name, hints, &out);
  return out;
}

void MergeVariants(NormalizedName from, NormalizedName* into) {
  for (NameVariant& v : from.variants) AddVariant(into, std::move(v));
  for (std::string& f : from.legal_forms) {
    if (std::find(into->legal_forms.begin(), into->legal_forms.end(), f) == into->legal_forms.end())
      into->legal_forms.push_back(std::move(f));
  }
  into->has_non_latin = into->has_non_latin || from.has_non_latin;
}

}  // namespace cordon
