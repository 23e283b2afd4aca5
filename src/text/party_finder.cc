#include "text/party_finder.h"

#include <algorithm>
#include <map>

#include "normalize/arabic_skeleton.h"
#include "normalize/katakana_reader.h"
#include "normalize/korean_romanizer.h"
#include "normalize/name_normalizer.h"
#include "normalize/name_vocabulary.h"
#include "normalize/phonetic_key.h"
#include "text/han_readings.h"

namespace cordon {
namespace {

bool IsCased(WordScript s) {
  return s == WordScript::kLatin || s == WordScript::kCyrillic || s == WordScript::kGreek;
}

// Function words of the corpus languages that appear capitalised at the
// start of a sentence and also occur inside some listed name.
bool IsStopWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kStop = {
      "the",        "a",         "an",       "in",       "on",      "of",       "at",        "for",
      "and",        "or",        "to",       "by",       "with",    "from",     "this",      "that",
      "these",      "after",     "before",   "but",      "as",      "its",      "his",       "her",
      "their",      "our",       "we",       "he",       "she",     "it",       "they",      "is",
      "was",        "new",       "mr",       "mrs",      "ms",      "dr",       "il",        "la",
      "le",         "lo",        "gli",      "una",      "uno",     "del",      "della",     "dello",
      "dei",        "degli",     "delle",    "di",       "da",      "e",        "ed",        "nel",
      "nella",      "per",       "con",      "su",       "der",     "die",      "das",       "den",
      "dem",        "des",       "und",      "ein",      "eine",    "einer",    "im",        "am",
      "vom",        "zum",       "zur",      "von",      "zu",      "auf",      "mit",       "les",
      "du",         "et",        "en",       "au",       "aux",     "el",       "los",       "las",
      "y",          "v",         "na",       "s",        "k",       "o",        "i",         "po",
      "za",         "no",        "ni",       "non",      "nicht",   "not",      "president", "presidente",
      "praesident", "prezident", "minister", "ministro", "general", "generale", "leader",    "chairman",
      "secretary"};
  return kStop.count(w) > 0;
}

// Given names and surnames shared by millions of people in many countries,
// common whatever the loaded lists hold (the lists' own frequencies add to
// this: see kCommonNames).
bool IsCommonNameToken(std::string_view roman) {
  static const std::unordered_set<std::string_view> kCommon = {
      "mohammed", "muhammad",  "mohammad", "mohamed", "muhammed",  "ahmed",     "ahmad",   "ali",
      "hassan",   "hasan",     "hussein",  "husain",  "abdul",     "abdullah",  "omar",    "umar",
      "ibrahim",  "mahmoud",   "khalid",   "yusuf",   "kim",       "lee",       "li",      "ri",
      "park",     "pak",       "choi",     "choe",    "jung",      "jong",      "kang",    "cho",
      "yoon",     "jang",      "lim",      "han",     "oh",        "wang",      "zhang",   "liu",
      "chen",     "yang",      "zhao",     "huang",   "zhou",      "wu",        "nguyen",  "tran",
      "le",       "pham",      "ivanov",   "smirnov", "kuznetsov", "popov",     "petrov",  "sokolov",
      "john",     "david",     "michael",  "james",   "robert",    "william",   "maria",   "jose",
      "juan",     "carlos",    "ana",      "anna",    "alexander", "sergey",    "sergei",  "andrei",
      "andrey",   "dmitry",    "ivan",     "olga",    "elena",     "smith",     "johnson", "brown",
      "garcia",   "rodriguez", "martinez", "lopez",   "gonzalez",  "hernandez", "singh",   "kumar",
      "khan",     "shah"};
  return kCommon.count(roman) > 0;
}

bool IsKoreanSurname(char32_t c) {
  static const std::u32string_view kSurnames =
      U"김이리박최정강조윤장임림한오서신권황안송류유홍전고문양손배백허남심노로하곽성차주우구민진지엄채원천방"
      U"공현함변염"
      U"여추도석선설마길연위표명기반왕금옥육인맹제모탁국어은편용태계룡량렴려";
  return kSurnames.find(c) != std::u32string_view::npos;
}

std::u32string ToU32(std::string_view s) {
  std::u32string out;
  size_t pos = 0;
  while (pos < s.size()) out.push_back(DecodeUtf8(s, &pos));
  return out;
}

std::string ToUtf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) AppendUtf8(c, &out);
  return out;
}

// Words of an Arabic-script name that never begin a surname on their own:
// الله ends compounds (نصر الله), بن/ابن/بنت/ابو link a name to a father.
bool IsArabicNameLink(std::string_view folded) {
  return folded == "الله" || folded == "بن" || folded == "ابن" || folded == "بنت" || folded == "ابو";
}

// Concatenated consonant skeletons of Arabic-script words (نصر الله ->
// "nsr" + "l" = "nsrl"), a consonant doubled across the junction kept once,
// as ConsonantSkeleton("nasrallah") does.
std::string JoinedArabicSkeleton(const std::vector<std::string>& folded, size_t begin, size_t end) {
  std::string out;
  for (size_t k = begin; k < end; ++k) {
    bool article = false;
    std::string sk = ArabicSkeleton(ToU32(folded[k]), &article);
    if (!out.empty() && !sk.empty() && out.back() == sk.front()) sk.erase(0, 1);
    out += sk;
  }
  return out;
}

// Splits a folded word into its hyphen-separated parts, apostrophes dropped
// (O'Brien -> obrien, as the name normaliser does).
std::vector<std::string> Parts(std::string_view form) {
  std::vector<std::string> parts(1);
  for (char c : form) {
    if (c == '-') {
      if (!parts.back().empty()) parts.emplace_back();
    } else if (c != '\'') {
      parts.back().push_back(c);
    }
  }
  if (parts.back().empty()) parts.pop_back();
  return parts;
}

std::string RomanOf(std::string_view part, WordScript script) {
  if (script == WordScript::kLatin) {
    std::string out;
    for (char c : part) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        out.push_back(c);
      else if (static_cast<unsigned char>(c) >= 0x80)
        return "";
    }
    return out;
  }
  if (script == WordScript::kCyrillic) return RomanizeFolded(part);
  return "";
}

// Whether `rest` begins with a title or honorific that follows a family
// name in Chinese or Japanese (金総書記, 李先生, 崔氏), in simplified,
// traditional or Japanese writing.
bool HanTitleAt(std::u32string_view rest) {
  static const std::u32string_view kTitles[] = {
      U"氏",   U"先生", U"女士", U"小姐",   U"总书记", U"総書記", U"總書記", U"委员长", U"委員長",
      U"主席", U"总统", U"總統", U"大統領", U"总理",   U"總理",   U"総理",   U"首相",   U"外相",
      U"部长", U"部長", U"长官", U"長官",   U"将军",   U"將軍",   U"将軍",   U"同志",   U"书记",
      U"書記", U"议长", U"議長", U"大使",   U"司令",   U"副"};
  static const std::u32string_view kFirsts = U"氏先女小总総總委主大首外部长長将將同书書议議司副";
  if (rest.empty() || kFirsts.find(rest[0]) == std::u32string_view::npos) return false;
  for (std::u32string_view t : kTitles) {
    if (rest.substr(0, t.size()) == t) return true;
  }
  return false;
}

// What joins the parts of a foreign name written in katakana: the middle
// dot (ウラジーミル・プーチン, half-width too), an equals sign or the katakana
// double hyphen (アル＝アサド), a space.
bool IsKatakanaNameSeparator(std::string_view gap) {
  return gap == "・" || gap == "･" || gap == "＝" || gap == "=" || gap == "゠" || gap == " " || gap == "　";
}

}  // namespace

void PartyFinder::KatakanaParts(std::string_view text, const std::vector<TextWord>& words,
                                std::vector<KatakanaPart>* out) {
  std::vector<KatakanaPart>& parts = *out;
  parts.clear();
  std::u32string run;
  for (size_t w = 0; w < words.size(); ++w) {
    if (words[w].script != WordScript::kCjk) continue;
    const std::string_view word = text.substr(words[w].start, words[w].end - words[w].start);
    // Katakana is U+30A0..U+30FF, UTF-8 E3 82 xx or E3 83 xx: Chinese text
    // is skipped without decoding.
    if (word.find("\xE3\x82") == std::string_view::npos && word.find("\xE3\x83") == std::string_view::npos)
      continue;
    size_t run_start = 0;
    for (size_t pos = 0;;) {
      const size_t at = pos;
      const char32_t c = pos < word.size() ? DecodeUtf8(word, &pos) : 0;
      if (c != 0 && IsKatakanaLetter(c)) {
        if (run.empty()) run_start = at;
        run.push_back(c);
        continue;
      }
      if (!run.empty()) {
        KatakanaPart p;
        p.start = words[w].start + run_start;
        p.end = words[w].start + at;
        p.word = w;
        p.letters = run.size();
        p.reading = ReadingOf(run);
        p.joined_to_previous =
            !parts.empty() && parts.back().end <= p.start &&
            IsKatakanaNameSeparator(text.substr(parts.back().end, p.start - parts.back().end));
        if (!p.reading->readings.empty()) parts.push_back(std::move(p));
        run.clear();
      }
      if (c == 0) break;
    }
  }
}

PartyFinder::KatakanaPrefilter PartyFinder::PrefilterOf(const KatakanaReading& reading) const {
  KatakanaPrefilter out;
  std::vector<uint32_t>& ids = out.ids;
  for (const std::string& r : reading.readings) {
    const std::string key = Key(r);
    if (IsCommonNameToken(r) || IsCommonNameToken(key)) out.common = true;
    // The reading's phonetic key, or its consonants (a vowel Japanese
    // added or dropped: ショイグ "shoig" is SHOIGU, ナスララ NASRALLAH).
    for (const std::string& k : {key, "ar:" + ConsonantSkeleton(r)}) {
      auto it = vocab_.find(k);
      if (it == vocab_.end()) continue;
      if (it->second.id != 0) ids.push_back(it->second.id);
      if (k == key && it->second.names > kCommonNames) out.common = true;
    }
    // Two listed tokens written as one word (ジョンウン "jongun": Jong Un).
    for (size_t i = 2; i + 2 <= r.size(); ++i) {
      auto head = vocab_.find(Key(std::string_view(r).substr(0, i)));
      if (head == vocab_.end() || head->second.id == 0) continue;
      auto tail = vocab_.find(Key(std::string_view(r).substr(i)));
      if (tail == vocab_.end() || tail->second.id == 0) continue;
      ids.push_back(head->second.id);
      ids.push_back(tail->second.id);
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return out;
}

std::shared_ptr<const PartyFinder::KatakanaReading> PartyFinder::ReadingOf(const std::u32string& word) {
  // Japanese text repeats its katakana words (ロシア, ミサイル): remembered
  // per thread, bounded (emptied when full).
  thread_local std::unordered_map<std::u32string, std::shared_ptr<const KatakanaReading>> memo;
  if (auto it = memo.find(word); it != memo.end()) return it->second;
  auto r = std::make_shared<KatakanaReading>();
  r->readings = ReadKatakana(word);
  for (const std::string& reading : r->readings) {
    r->surname_keys.push_back(Key(reading));
    // A final u read as added may be the name's own (ショイグ, Shoigu).
    const char last = reading.back();
    if (last != 'a' && last != 'e' && last != 'i' && last != 'o' && last != 'u')
      r->surname_keys.push_back(Key(reading + "u"));
  }
  if (memo.size() >= 20000) memo.clear();
  memo.emplace(word, r);
  return r;
}

void PartyFinder::HanSurnameKeys(std::u32string_view family, std::vector<std::string>* keys) {
  keys->clear();
  // Pinyin (李 li) and the Korean reading (金 -> 김 kim), as lists write them.
  std::string pinyin;
  for (char32_t c : family) pinyin += PinyinOf(c);
  if (!pinyin.empty()) keys->push_back(Key(pinyin));
  std::u32string hangul;
  for (char32_t c : family) {
    char32_t readings[2];
    if (HangulReadingsOf(c, readings) == 0) return;
    hangul.push_back(readings[0]);
  }
  for (const auto& variant : RomanizeHangul(hangul)) {
    std::string joined;
    for (const auto& syllable : variant) joined += syllable;
    keys->push_back(Key(joined));
  }
}

std::string PartyFinder::Key(std::string_view roman) { return PhoneticKey(roman); }

uint32_t PartyFinder::NamesWithToken(std::string_view roman) const {
  auto it = vocab_.find(Key(roman));
  return it == vocab_.end() ? 0 : it->second.names;
}

PartyFinder::PartyFinder(const Engine& engine) : engine_(engine) {
  for (const Entity& e : engine.Entities()) {
    for (const Name& n : e.names) AddName(n, e.schema);
  }
  for (auto& [first, names] : han_names_) {
    std::sort(names.begin(), names.end(), [](const std::u32string& a, const std::u32string& b) {
      return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    names.erase(std::unique(names.begin(), names.end()), names.end());
  }
  hangul_ids_.resize(11172);
  for (char32_t k = 0; k < 11172; ++k) {
    const char32_t syllable = 0xAC00 + k;
    auto variants = RomanizeHangul(std::u32string_view(&syllable, 1));
    if (variants.empty() || variants[0].size() != 1) continue;
    const std::string key = KoreanSyllableKey(variants[0][0]);
    if (key.empty() || korean_syllables_.count(key) == 0) continue;
    auto it = vocab_.find("ko:" + key);
    if (it != vocab_.end()) hangul_ids_[k] = it->second.id;
  }
  std::vector<std::string> keys;
  for (const std::u32string& family : HanFamilyNames()) {
    HanSurnameKeys(family, &keys);
    for (const std::string& key : keys) {
      std::u32string& starts = han_family_starts_[key];
      if (starts.find(family[0]) == std::u32string::npos) starts.push_back(family[0]);
    }
  }
  pinyin_listed_.resize(PinyinSyllableCount());
  for (size_t k = 1; k < pinyin_listed_.size(); ++k) {
    auto it = vocab_.find(Key(PinyinSyllable(k)));
    pinyin_listed_[k] = it != vocab_.end() && it->second.id != 0;
  }
}

uint32_t PartyFinder::TokenId(const std::string& key) {
  if (postings_.empty()) postings_.emplace_back();  // id 0 means "none"
  TokenInfo& info = vocab_[key];
  if (info.id == 0) {
    info.id = static_cast<uint32_t>(postings_.size());
    postings_.emplace_back();
  }
  pending_.push_back(info.id);
  return info.id;
}

void PartyFinder::AddName(const Name& name, Schema schema) {
  pending_.clear();
  std::vector<TextWord> words;
  ScanWords(name.full, &words);
  // A name written wholly in Han characters or kana is looked for as
  // written inside runs of such text (which has no spaces).
  std::u32string han;
  for (const TextWord& w : words) {
    if (w.script != WordScript::kCjk) {
      han.clear();
      break;
    }
    han += ToU32(std::string_view(name.full).substr(w.start, w.end - w.start));
  }
  if (han.size() >= 2) han_names_[han[0]].push_back(std::move(han));
  size_t plain_words = 0;
  std::string last_key;
  for (const TextWord& w : words) {
    std::string folded = FoldWord(std::string_view(name.full).substr(w.start, w.end - w.start));
    if (w.script == WordScript::kHangul) {
      for (const auto& variant : RomanizeHangul(ToU32(folded))) {
        for (const auto& syl : variant) {
          std::string k = KoreanSyllableKey(syl);
          if (!k.empty()) {
            korean_syllables_.insert(k);
            TokenId("ko:" + k);
          }
        }
      }
      continue;
    }
    if (w.script == WordScript::kArabic) {
      bool article = false;
      std::string sk = ArabicSkeleton(ToU32(folded), &article);
      if (!sk.empty()) {
        ++skeletons_[sk];
        TokenId("ar:" + sk);
      }
      continue;
    }
    std::vector<std::string> parts = Parts(folded);
    std::string joined;
    for (const std::string& part : parts) {
      std::string roman = RomanOf(part, w.script);
      if (roman.empty()) continue;
      joined += roman;
      TokenId(Key(roman));
      TokenInfo& info = vocab_[Key(roman)];
      ++info.names;
      bool legal = !MatchLegalForm({roman}, 0).canonical.empty();
      if (!IsParticle(roman) && !IsGenericOrgWord(roman) && !IsHonorific(roman) && !legal &&
          !IsStopWord(roman)) {
        info.distinctive = true;
      }
      if (!legal) {
        ++plain_words;
        last_key = Key(roman);
      }
      std::string sk = ConsonantSkeleton(roman);
      if (sk.size() >= 2) {
        ++skeletons_[sk];
        TokenId("ar:" + sk);
      }
      // Arabic script writes Nasrallah, Abdullah, Hezbollah as two words.
      for (std::string_view allah : {"allah", "ullah", "ollah"}) {
        if (roman.size() > allah.size() + 2 &&
            roman.compare(roman.size() - allah.size(), allah.size(), allah) == 0) {
          std::string head = ConsonantSkeleton(roman.substr(0, roman.size() - allah.size()));
          if (head.size() >= 2) {
            ++skeletons_[head];
            TokenId("ar:" + head);
          }
        }
      }
      std::string ks = KoreanSyllableKey(roman);
      if (!ks.empty()) {
        korean_syllables_.insert(ks);
        TokenId("ko:" + ks);
      }
    }
    if (parts.size() > 1 && !joined.empty()) {
      TokenId(Key(joined));
      TokenInfo& info = vocab_[Key(joined)];
      ++info.names;
      info.distinctive = true;
    }
  }
  if (schema != Schema::kPerson && plain_words == 1 && last_key.size() >= 5) {
    single_token_names_.insert(last_key);
  }
  std::sort(pending_.begin(), pending_.end());
  pending_.erase(std::unique(pending_.begin(), pending_.end()), pending_.end());
  const auto number = static_cast<uint32_t>(name_tokens_.size());
  for (uint32_t id : pending_) postings_[id].push_back(number);
  name_tokens_.push_back(pending_);
}

bool PartyFinder::CoOccur(const std::vector<WordInfo>& info, size_t begin, size_t end) const {
  // The word whose tokens are in the fewest names drives the search.
  size_t best = end;
  size_t best_size = SIZE_MAX;
  for (size_t k = begin; k < end; ++k) {
    if (info[k].particle || info[k].ids.empty()) continue;
    size_t size = 0;
    for (uint32_t id : info[k].ids) size += postings_[id].size();
    if (size < best_size) {
      best_size = size;
      best = k;
    }
  }
  if (best == end) return true;  // nothing to check (Korean in Cyrillic)
  // Words without ids (الله, Korean in Cyrillic) are left to the engine.
  size_t need = 0;
  for (size_t k = begin; k < end; ++k) {
    if (!info[k].particle && !info[k].ids.empty()) ++need;
  }
  constexpr size_t kMaxChecked = 50000;
  size_t checked = 0;
  for (uint32_t id : info[best].ids) {
    for (uint32_t n : postings_[id]) {
      if (++checked > kMaxChecked) return true;  // too common to tell: let the engine decide
      const std::vector<uint32_t>& tokens = name_tokens_[n];
      size_t held = 1;  // the driving word
      for (size_t k = begin; k < end; ++k) {
        if (k == best || info[k].particle || info[k].ids.empty()) continue;
        bool any = false;
        for (uint32_t wid : info[k].ids) any = any || std::binary_search(tokens.begin(), tokens.end(), wid);
        held += any;
      }
      if (held >= need) return true;
    }
  }
  return false;
}

bool PartyFinder::FormListed(std::string_view form, WordScript script, bool* distinctive, uint32_t* min_names,
                             std::vector<std::string>* keys) const {
  *distinctive = false;
  *min_names = 0;
  if (script == WordScript::kArabic) {
    // Arabic writes "Nasrallah" as two words (نصر الله): the part before
    // -allah is a prefilter token (see AddName), and الله (Allah), which ends
    // many compound names (عبد الله), is a name part left to the engine.
    if (form == "الله") return true;
    bool article = false;
    std::string sk = ArabicSkeleton(ToU32(form), &article);
    auto it = skeletons_.find(sk);
    if (sk.size() < 2 || it == skeletons_.end()) return false;
    *distinctive = sk.size() >= 3;
    *min_names = it->second;
    keys->push_back("ar:" + sk);
    return true;
  }
  std::vector<std::string> parts = Parts(form);
  if (parts.empty()) return false;
  std::string joined;
  bool all = true;
  std::vector<std::string> part_keys;
  for (const std::string& part : parts) {
    std::string roman = RomanOf(part, script);
    if (roman.empty()) return false;
    joined += roman;
    std::string key = Key(roman);
    auto it = vocab_.find(key);
    if (it == vocab_.end()) {
      all = false;
    } else {
      *distinctive = *distinctive || it->second.distinctive;
      uint32_t names = IsCommonNameToken(roman) ? UINT32_MAX : it->second.names;
      if (*min_names == 0 || names < *min_names) *min_names = names;
    }
    part_keys.push_back(std::move(key));
  }
  if (!all && parts.size() > 1) {
    auto it = vocab_.find(Key(joined));
    if (it != vocab_.end()) {
      *distinctive = it->second.distinctive;
      *min_names = it->second.names;
      keys->push_back(Key(joined));
      return true;
    }
  }
  if (!all) return false;
  for (auto& k : part_keys) keys->push_back(std::move(k));
  return true;
}

void PartyFinder::FillIds(WordInfo* info) const {
  info->ids.clear();
  for (const std::string& key : info->keys) {
    auto it = vocab_.find(key);
    if (it != vocab_.end() && it->second.id != 0) info->ids.push_back(it->second.id);
  }
}

void PartyFinder::Classify(std::string_view text, const TextWord& w, const std::string& folded,
                           std::string_view lang, WordInfo* info) const {
  *info = WordInfo();
  if (w.script == WordScript::kCjk || w.script == WordScript::kHangul || w.script == WordScript::kOther ||
      w.script == WordScript::kGreek) {
    info->stop = w.script != WordScript::kHangul;
    return;
  }
  std::string roman = w.script == WordScript::kArabic ? std::string() : RomanOf(folded, w.script);
  if (!roman.empty() && (IsHonorific(roman) || IsStopWord(roman))) {
    info->stop = true;
    return;
  }
  info->particle = !roman.empty() && IsParticle(roman);
  // Lower-case words of cased scripts are never names (particles aside):
  // skip the prefilter for them, they are most of the text.
  if (IsCased(w.script) && !w.capitalized) return;
  bool distinctive = false;
  uint32_t names = 0;
  if (FormListed(folded, w.script, &distinctive, &names, &info->keys)) {
    FillIds(info);
    info->listed = true;
    info->distinctive = distinctive;
    info->rare = distinctive && names <= kCommonNames;
    info->surface = std::string(text.substr(w.start, w.end - w.start));
    return;
  }
  for (const std::string& form : InflectionVariants(folded, w.script, lang)) {
    if (FormListed(form, w.script, &distinctive, &names, &info->keys)) {
      FillIds(info);
      info->listed = true;
      info->distinctive = distinctive;
      info->rare = distinctive && names <= kCommonNames;
      info->surface = form;
      return;
    }
  }
  if (info->particle) info->surface = folded;
}

bool PartyFinder::KoreanFullNames(std::string_view folded, std::vector<std::string>* surfaces) const {
  std::vector<std::string> forms = {std::string(folded)};
  for (auto& v : InflectionVariants(folded, WordScript::kHangul, "ko")) forms.push_back(std::move(v));
  for (const std::string& form : forms) {
    if (KoreanNameHeld(ToU32(form))) surfaces->push_back(form);
  }
  return !surfaces->empty();
}

bool PartyFinder::KoreanNameHeld(std::u32string_view u) const {
  if (u.size() < 2 || u.size() > 4 || !IsKoreanSurname(u[0])) return false;
  // One listed name must hold every syllable (김정은: kim, jong, un).
  std::vector<uint32_t> ids;
  for (char32_t c : u) {
    if (!IsHangulSyllable(c) || hangul_ids_[c - 0xAC00] == 0) return false;
    ids.push_back(hangul_ids_[c - 0xAC00]);
  }
  return NameHoldsAll(ids);
}

bool PartyFinder::PinyinHeld(const std::vector<std::string>& tokens) const {
  std::vector<uint32_t> ids;
  size_t common = 0;
  for (const std::string& t : tokens) {
    auto it = vocab_.find(Key(t));
    if (it == vocab_.end() || it->second.id == 0) return false;
    common += IsCommonNameToken(t) || it->second.names > kCommonNames;
    ids.push_back(it->second.id);
  }
  // Two common tokens ("Wang Wei", "Li Na") name too many people, as in
  // Latin script.
  if (tokens.size() == 2 && common == 2) return false;
  return NameHoldsAll(ids);
}

void PartyFinder::HanQueries(std::u32string_view run, size_t at, std::vector<HanQuery>* out) const {
  out->clear();
  const std::u32string_view rest = run.substr(at);
  if (rest.empty()) return;
  if (auto it = han_names_.find(rest[0]); it != han_names_.end()) {
    for (const std::u32string& name : it->second) {
      if (rest.substr(0, name.size()) == name) out->push_back({name.size(), ToUtf8(name), true});
    }
  }
  const size_t family = HanFamilyNameLength(rest);
  if (family == 0) return;
  size_t han = 0;  // a name is 2-4 ideographs; kana and punctuation end it
  while (han < rest.size() && han < 4 && IsHanCharacter(rest[han])) ++han;
  // Two characters read as a romanised name are too often a word or parts
  // of two (时长 "duration" reads as the pinyin of a listed Shi Zhang):
  // readings need three or four characters.
  for (size_t len = han; len > family && len >= 3; --len) {
    // The Korean reading (金正恩 -> 김정은, 崔龙海 -> 최룡해), each
    // character in either of its readings (李 -> 리 or 이).
    char32_t readings[4][2];
    int counts[4] = {0, 0, 0, 0};
    bool all = true;
    for (size_t k = 0; k < len && all; ++k) all = (counts[k] = HangulReadingsOf(rest[k], readings[k])) > 0;
    bool korean = false;
    for (int combo = 0; all && !korean && combo < (1 << len); ++combo) {
      std::u32string name;
      for (size_t k = 0; k < len && name.size() == k; ++k) {
        const int pick = (combo >> k) & 1;
        if (pick < counts[k]) name.push_back(readings[k][pick]);
      }
      if (name.size() == len && KoreanNameHeld(name)) {
        HanQuery q{len, ToUtf8(name), false, {}};
        for (const auto& variant : RomanizeHangul(std::u32string_view(name).substr(0, family))) {
          std::string joined;
          for (const auto& syllable : variant) joined += syllable;
          q.family_keys.push_back(Key(joined));
        }
        out->push_back(std::move(q));
        korean = true;
      }
    }
    // The pinyin: family name, then the given name as one token (李方伟 ->
    // "li fangwei", as lists write Chinese names) or syllable by syllable.
    size_t index[4] = {0, 0, 0, 0};
    bool read = true;
    for (size_t k = 0; k < len; ++k) read = read && (index[k] = PinyinIndexOf(rest[k])) != 0;
    // A one-character family name must be a listed token (li, zhang).
    if (!read || (family == 1 && !pinyin_listed_[index[0]])) continue;
    std::string surname, given;
    for (size_t k = 0; k < family; ++k) surname += PinyinSyllable(index[k]);
    for (size_t k = family; k < len; ++k) given += PinyinSyllable(index[k]);
    if (PinyinHeld({surname, given})) out->push_back({len, surname + " " + given, false, {Key(surname)}});
    bool split = len - family >= 2;
    for (size_t k = family; k < len && split; ++k) split = pinyin_listed_[index[k]];
    if (split) {
      std::vector<std::string> tokens = {surname};
      std::string query = surname;
      for (size_t k = family; k < len; ++k) {
        tokens.emplace_back(PinyinSyllable(index[k]));
        query += " " + tokens.back();
      }
      if (PinyinHeld(tokens)) out->push_back({len, query, false, {Key(surname)}});
    }
  }
}

bool PartyFinder::NameHoldsAll(std::vector<uint32_t> ids) const {
  if (ids.empty()) return false;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  const auto rarest = std::min_element(ids.begin(), ids.end(), [this](uint32_t a, uint32_t b) {
    return postings_[a].size() < postings_[b].size();
  });
  for (uint32_t n : postings_[*rarest]) {
    const auto& tokens = name_tokens_[n];
    if (std::includes(tokens.begin(), tokens.end(), ids.begin(), ids.end())) return true;
  }
  return false;
}

std::vector<std::string> PartyFinder::FamilySkeletons(const Match& match) const {
  std::vector<std::string> out;
  const Entity* e = match.entity;
  std::string family;
  for (const Name& n : e->names) {
    if (n.full == match.matched_name && !n.family.empty()) family = n.family;
  }
  if (family.empty() && !e->names.empty()) family = e->names[0].family;
  if (family.empty()) return out;
  NormalizedName norm = NormalizeName(family, {.is_person = true});
  if (norm.variants.empty()) return out;
  std::string joined;
  for (const auto& t : norm.variants[0].tokens) {
    if (t.role == TokenRole::kParticle) continue;
    std::string sk = t.consonantal ? t.text : ConsonantSkeleton(t.text);
    if (!sk.empty()) out.push_back(sk);
    joined += t.text;
  }
  if (norm.variants[0].tokens.size() > 1 && !joined.empty()) out.push_back(ConsonantSkeleton(joined));
  return out;
}

std::vector<std::string> PartyFinder::SurnameKeys(const Match& match) const {
  std::vector<std::string> keys;
  const Entity* e = match.entity;
  std::string family;
  for (const Name& n : e->names) {
    if (n.full == match.matched_name && !n.family.empty()) family = n.family;
  }
  if (family.empty() && !e->names.empty() && !e->names[0].family.empty()) family = e->names[0].family;
  NormalizedName norm = NormalizeName(family.empty() ? match.matched_name : family, {.is_person = true});
  if (norm.variants.empty()) return keys;
  const auto& tokens = norm.variants[0].tokens;
  if (!family.empty()) {
    for (const auto& t : tokens) {
      if (t.role != TokenRole::kParticle) keys.push_back(Key(t.text));
    }
    return keys;
  }
  for (const auto& t : tokens) {
    if (t.role == TokenRole::kFamily) keys.push_back(Key(t.text));
  }
  if (!keys.empty() || tokens.size() < 2) return keys;
  if (tokens.size() == 3 && !KoreanSyllableKey(tokens[0].text).empty()) {
    keys.push_back(Key(tokens[0].text));
  } else {
    for (size_t i = tokens.size(); i-- > 0;) {
      if (tokens[i].role != TokenRole::kPatronymic && tokens[i].role != TokenRole::kParticle) {
        keys.push_back(Key(tokens[i].text));
        break;
      }
    }
  }
  return keys;
}

Status PartyFinder::Find(std::string_view text, size_t base, const std::vector<TextWord>& words,
                         const std::vector<std::string>& folded, const TextOptions& options, Range own,
                         SurnameMemory* memory, std::vector<TextMention>* out) const {
  const size_t n = words.size();
  std::vector<WordInfo> info(n);
  for (size_t i = 0; i < n; ++i) Classify(text, words[i], folded[i], options.lang, &info[i]);

  // Korean names written in Cyrillic (Kontsevich: "Ким Чен Ына"): their
  // syllables are not list tokens until read back as Korean.
  for (size_t i = 0; i < n; ++i) {
    if (words[i].script != WordScript::kCyrillic || !words[i].capitalized) continue;
    for (size_t len = std::min<size_t>(3, n - i); len >= 2; --len) {
      bool ok = true;
      for (size_t k = i + 1; k < i + len; ++k) {
        ok = ok && words[k].script == WordScript::kCyrillic && words[k].capitalized &&
             words[k].joined_to_previous;
      }
      if (!ok) continue;
      std::vector<std::string> lasts = {folded[i + len - 1]};
      for (auto& v : InflectionVariants(folded[i + len - 1], WordScript::kCyrillic, options.lang))
        lasts.push_back(v);
      for (const std::string& last : lasts) {
        std::vector<std::u32string> tokens;
        for (size_t k = i; k + 1 < i + len; ++k) tokens.push_back(ToU32(folded[k]));
        tokens.push_back(ToU32(last));
        bool found = false;
        for (const auto& variant : KoreanFromCyrillic(tokens)) {
          bool all = !variant.empty();
          for (const auto& syl : variant) {
            std::string key = KoreanSyllableKey(syl);
            all = all && !key.empty() && korean_syllables_.count(key) > 0;
          }
          found = found || all;
        }
        if (!found) continue;
        for (size_t k = i; k < i + len; ++k) {
          info[k].listed = info[k].distinctive = info[k].rare = true;
          info[k].stop = info[k].particle = false;
          info[k].ids.clear();  // Korean syllables are checked above, not by co-occurrence
          info[k].surface = k + 1 == i + len
                                ? last
                                : std::string(text.substr(words[k].start, words[k].end - words[k].start));
        }
        i += len - 1;
        len = 2;  // done with this name
        break;
      }
    }
  }

  ScreenOptions so;
  so.threshold = options.threshold;
  so.limit = options.limit;
  so.sources = options.sources;
  std::map<std::string, std::vector<Match>> cache;
  auto screen = [&](const std::string& name, std::vector<Match>** result) -> bool {
    auto it = cache.find(name);
    if (it == cache.end()) {
      Query q;
      q.name = name;
      auto r = engine_.Screen(q, so);
      if (!r.ok()) {
        // Options were validated by the caller: an odd span is no mention.
        it = cache.emplace(name, std::vector<Match>()).first;
      } else {
        it = cache.emplace(name, std::move(r).value()).first;
      }
    }
    *result = &it->second;
    return !it->second.empty();
  };

  std::vector<bool> covered(n, false);
  // Bytes of `text` of every mention so far inside CJK words (a name there
  // covers only part of its word; the passes that look inside such words
  // check them), disjoint, ordered by start: found mostly in text order,
  // so an insertion is mostly an append.
  std::vector<std::pair<size_t, size_t>> spans;
  auto add_span = [&spans](size_t start, size_t end) {
    const auto at = std::make_pair(start, end);
    spans.insert(std::upper_bound(spans.begin(), spans.end(), at), at);
  };
  auto overlaps = [&spans](size_t start, size_t end) {
    // The last span starting before `end` is the only one that can overlap.
    auto it = std::lower_bound(spans.begin(), spans.end(), std::make_pair(end, size_t{0}));
    return it != spans.begin() && std::prev(it)->second > start;
  };
  std::vector<TextMention> found;
  // A mention of bytes [start, end) of `text`, made of words [a, b). Only
  // mentions starting in `own` are reported and remembered (the rest of
  // the piece is context shared with the neighbouring pieces).
  // A surname reference gives the start of the full-name mention it refers
  // to (`refers_to`).
  auto emit_span = [&](size_t start, size_t end, size_t a, size_t b, MentionKind kind,
                       const std::vector<Match>& matches, size_t refers_to = 0) {
    for (size_t k = a; k < b; ++k) covered[k] = true;
    if (words[a].script == WordScript::kCjk) add_span(start, end);
    if (start < own.begin || start >= own.end) return;
    TextMention m;
    m.start = base + start;
    m.end = base + end;
    m.text = std::string(text.substr(start, end - start));
    m.kind = kind;
    m.matches = matches;
    m.refers_to = refers_to;
    if (!m.matches.empty() && m.matches[0].entity->schema == Schema::kPerson &&
        kind != MentionKind::kSurnameRef) {
      auto remember = [&](const std::string& key) {
        if (memory->by_key.count(key) == 0) memory->by_key[key] = {m.start, m.matches};
      };
      for (const std::string& key : SurnameKeys(m.matches[0])) remember(key);
      // Arabic script: the written words of the surname (نصر الله), found
      // by the listed family name's consonant skeleton, of a name matched
      // exactly or strongly, and at least four letters long. Skeletons are
      // loose: a guessed name must not turn a common word (من "from", نصر
      // "victory") into a surname for the rest of the text. Without a
      // listed family name nothing is remembered.
      if (b - a >= 2 && words[a].script == WordScript::kArabic &&
          m.matches[0].strength <= MatchStrength::kMedium) {
        const std::vector<std::string> family = FamilySkeletons(m.matches[0]);
        for (size_t j = a + 1; j < b; ++j) {
          if (IsArabicNameLink(folded[j])) continue;
          if (std::find(family.begin(), family.end(), JoinedArabicSkeleton(folded, j, b)) == family.end())
            continue;
          std::string key = "ar:" + folded[j];
          size_t letters = CountCodePoints(folded[j]);
          for (size_t k = j + 1; k < b; ++k) {
            key += " " + folded[k];
            letters += CountCodePoints(folded[k]);
          }
          if (letters >= 4) remember(key);
        }
      }
    }
    found.push_back(std::move(m));
  };
  auto emit = [&](size_t a, size_t b, MentionKind kind, const std::vector<Match>& matches) {
    emit_span(words[a].start, words[b - 1].end, a, b, kind, matches);
  };
  // Every query word must line up with the listed name (particles aside),
  // so a name plus a neighbouring word is not reported as that name.
  auto clean = [](const Match& m) {
    for (const auto& t : m.explanation.unmatched_query_tokens) {
      if (!IsParticle(t)) return false;
    }
    return true;
  };

  // Runs of Han characters and kana (Chinese, Japanese): names are
  // substrings, tried where a listed Han name or a family name begins.
  std::vector<HanQuery> queries;
  std::u32string run;
  std::vector<size_t> offsets;  // byte offset of each character in the word
  for (size_t w = 0; w < n; ++w) {
    if (words[w].script != WordScript::kCjk) continue;
    const std::string_view word = text.substr(words[w].start, words[w].end - words[w].start);
    run.clear();
    offsets.clear();
    for (size_t pos = 0; pos < word.size();) {
      offsets.push_back(pos);
      run.push_back(DecodeUtf8(word, &pos));
    }
    offsets.push_back(word.size());
    for (size_t at = 0; at < run.size();) {
      HanQueries(run, at, &queries);
      size_t taken = 0;
      for (const HanQuery& q : queries) {
        // The dictionary segmentation (with a few characters of context)
        // must begin a word where the name begins and end one where it
        // ends: 多于一处 "more than one place" holds 于一处, read Yu Yichu.
        // A two-character listed name must moreover not be one word.
        {
          const size_t from = at >= 6 ? at - 6 : 0;
          const size_t to = std::min(run.size(), at + q.length + 6);
          const std::vector<size_t> bounds =
              HanWordBoundaries(std::u32string_view(run).substr(from, to - from));
          auto is_bound = [&bounds](size_t b) { return std::binary_search(bounds.begin(), bounds.end(), b); };
          if (!is_bound(at - from) || !is_bound(at - from + q.length)) continue;
          if (q.length == 2 && !is_bound(at - from + 1)) continue;
        }
        std::vector<Match>* matches = nullptr;
        if (!screen(q.query, &matches)) continue;
        const Match& best = (*matches)[0];
        // A reading is a guess (a phonetic key lets "zhou weiyi" pass for
        // Zhou Wei): only an exact match of a person counts.
        if (!clean(best) || best.strength > (q.native ? MatchStrength::kStrong : MatchStrength::kExact))
          continue;
        if (!q.native) {
          if (best.entity->schema != Schema::kPerson) continue;
          const std::vector<std::string> family = SurnameKeys(best);
          if (std::none_of(q.family_keys.begin(), q.family_keys.end(), [&family](const std::string& k) {
                return std::find(family.begin(), family.end(), k) != family.end();
              })) {
            continue;
          }
        }
        emit_span(words[w].start + offsets[at], words[w].start + offsets[at + q.length], w, w + 1,
                  MentionKind::kFullName, *matches);
        taken = q.length;
        break;
      }
      at += taken > 0 ? taken : 1;
    }
  }

  auto in_run = [&](size_t i) {
    const WordInfo& wi = info[i];
    if (wi.stop) return false;
    if (wi.listed) return wi.particle || words[i].capitalized || !IsCased(words[i].script);
    return wi.particle;
  };
  size_t i = 0;
  while (i < n) {
    if (words[i].script == WordScript::kHangul) {
      std::vector<std::string> surfaces;
      KoreanFullNames(folded[i], &surfaces);
      for (const std::string& surface : surfaces) {
        std::vector<Match>* matches = nullptr;
        if (screen(surface, &matches) && clean((*matches)[0]) &&
            (*matches)[0].entity->schema == Schema::kPerson) {
          emit(i, i + 1, MentionKind::kFullName, *matches);
          break;
        }
      }
      ++i;
      continue;
    }
    if (!in_run(i) || info[i].particle) {
      ++i;
      continue;
    }
    size_t b = i + 1;
    while (b < n && b - i < 8 && words[b].joined_to_previous && in_run(b) &&
           !(words[b - 1].followed_by_period && words[b - 1].end - words[b - 1].start > 2)) {
      ++b;
    }
    while (b > i + 1 && info[b - 1].particle) --b;
    const size_t a = i;
    for (size_t len = std::min<size_t>(5, b - a); len >= 2; --len) {
      for (size_t s = a; s + len <= b; ++s) {
        bool overlap = false;
        size_t names = 0;
        bool distinctive = false;
        bool rare = false;
        for (size_t k = s; k < s + len; ++k) {
          overlap = overlap || covered[k];
          if (!info[k].particle) ++names;
          distinctive = distinctive || info[k].distinctive;
          rare = rare || info[k].rare;
        }
        if (overlap || names < 2 || !distinctive || info[s].particle || info[s + len - 1].particle) continue;
        if (!CoOccur(info, s, s + len)) continue;
        // Two common tokens ("Mohammed Ali", "Kim Jong") name too many people.
        if (names == 2 && !rare) continue;
        std::string query;
        for (size_t k = s; k < s + len; ++k) {
          if (!query.empty()) query.push_back(' ');
          query += info[k].surface;
        }
        std::vector<Match>* matches = nullptr;
        if (screen(query, &matches) && clean((*matches)[0])) {
          emit(s, s + len, MentionKind::kFullName, *matches);
        }
      }
    }
    // A one-word listed name of an organisation or vessel ("Rosoboronexport").
    if (b == a + 1 && !covered[a] && words[a].capitalized && !info[a].keys.empty() &&
        single_token_names_.count(info[a].keys[0]) > 0) {
      auto it = vocab_.find(info[a].keys[0]);
      std::vector<Match>* matches = nullptr;
      if (it != vocab_.end() && it->second.names <= kMaxSingleTokenNames && it->second.distinctive &&
          !IsCommonNameToken(RomanOf(folded[a], words[a].script)) && screen(info[a].surface, &matches)) {
        const Match& best = (*matches)[0];
        if (best.strength == MatchStrength::kExact && best.entity->schema != Schema::kPerson && clean(best)) {
          emit(a, a + 1, MentionKind::kSingleToken, *matches);
        }
      }
    }
    i = b;
  }

  // Surnames alone, after the text tied them to a full name.
  // A surname reference at bytes [start, end) of `text`, in words [a, b).
  auto emit_ref_span = [&](size_t start, size_t end, size_t a, size_t b, const SurnameMemory::Ref& ref) {
    emit_span(start, end, a, b, MentionKind::kSurnameRef, ref.matches, ref.mention_start);
  };
  auto emit_ref = [&](size_t a, size_t b, const SurnameMemory::Ref& ref) {
    emit_ref_span(words[a].start, words[b - 1].end, a, b, ref);
  };
  // The remembered surname, if `key` is one and was tied to a full name
  // before `start`.
  auto recall = [&](const std::string& key, size_t start) -> const SurnameMemory::Ref* {
    auto it = memory->by_key.find(key);
    if (it == memory->by_key.end() || it->second.mention_start >= base + start) return nullptr;
    return &it->second;
  };
  // Foreign names in Japanese, written in katakana (ウラジーミル・プーチン):
  // a name of two to four parts is screened when its parts' readings
  // occur together in one listed name and are not all common tokens; a
  // part left alone (プーチン大統領は) is a surname only after the text tied
  // it to a full name.
  thread_local std::vector<KatakanaPart> kana;  // kept: large texts have many parts
  KatakanaParts(text, words, &kana);
  std::vector<bool> kana_used(kana.size(), false);
  std::vector<WordInfo> kana_info;
  std::unordered_map<const KatakanaReading*, KatakanaPrefilter> prefilters;  // per distinct word
  std::unordered_map<std::string, const std::vector<Match>*> kana_verdicts;  // query -> matches, or null
  auto prefilter = [&](const KatakanaPart& part) -> const KatakanaPrefilter& {
    auto it = prefilters.find(part.reading.get());
    if (it == prefilters.end()) it = prefilters.emplace(part.reading.get(), PrefilterOf(*part.reading)).first;
    return it->second;
  };
  for (size_t g = 0; g < kana.size();) {
    size_t g_end = g + 1;  // [g, g_end): parts joined by separators
    while (g_end < kana.size() && kana[g_end].joined_to_previous) ++g_end;
    for (size_t len = std::min<size_t>(4, g_end - g); len >= 2; --len) {
      for (size_t s = g; s + len <= g_end; ++s) {
        const size_t start = kana[s].start, end = kana[s + len - 1].end;
        bool skip = overlaps(start, end);
        for (size_t k = s; k < s + len && !skip; ++k) skip = kana_used[k];
        if (skip) continue;
        // Names repeat in a text: the verdict on a query is kept.
        const std::string query(text.substr(start, end - start));
        auto verdict = kana_verdicts.find(query);
        if (verdict == kana_verdicts.end()) {
          const std::vector<Match>* found_matches = nullptr;
          bool all_common = true;
          bool listed = true;
          kana_info.assign(len, WordInfo());
          for (size_t k = 0; k < len && listed; ++k) {
            const KatakanaPrefilter& pf = prefilter(kana[s + k]);
            all_common = all_common && pf.common;
            kana_info[k].ids = pf.ids;
            listed = !pf.ids.empty();
          }
          // Two or more common tokens ("Muhammad Ali") name too many people.
          std::vector<Match>* matches = nullptr;
          if (listed && !all_common && CoOccur(kana_info, 0, len) && screen(query, &matches) &&
              clean((*matches)[0])) {
            found_matches = matches;
          }
          verdict = kana_verdicts.emplace(query, found_matches).first;
        }
        if (verdict->second == nullptr) continue;
        emit_span(start, end, kana[s].word, kana[s + len - 1].word + 1, MentionKind::kFullName,
                  *verdict->second);
        for (size_t k = s; k < s + len; ++k) kana_used[k] = true;
      }
    }
    for (size_t k = g; k < g_end && !memory->by_key.empty(); ++k) {
      if (kana_used[k] || kana[k].letters < 2 || overlaps(kana[k].start, kana[k].end)) continue;
      for (const std::string& key : kana[k].reading->surname_keys) {
        if (const SurnameMemory::Ref* ref = recall(key, kana[k].start)) {
          emit_ref_span(kana[k].start, kana[k].end, kana[k].word, kana[k].word + 1, *ref);
          break;
        }
      }
    }
    g = g_end;
  }
  // A Han family name alone (金総書記 after 金正恩): a surname reference
  // when a title, kana or punctuation follows it (not another ideograph: 金融
  // "finance", 李娜 another person) and, after an ideograph, the dictionary
  // segmentation starts a word there (資金は "funds" holds no 金).
  std::u32string family_starts;  // first characters of remembered Han family names
  for (const auto& [key, ref] : memory->by_key) {
    if (auto it = han_family_starts_.find(key); it != han_family_starts_.end()) family_starts += it->second;
  }
  std::sort(family_starts.begin(), family_starts.end());
  family_starts.erase(std::unique(family_starts.begin(), family_starts.end()), family_starts.end());
  if (!family_starts.empty()) {
    // Found by their UTF-8 bytes: no decoding of the text around them.
    std::vector<std::string> starts_utf8;
    for (char32_t c : family_starts) AppendUtf8(c, &starts_utf8.emplace_back());
    std::u32string context;       // up to 6 characters before the name, then up to 5 from it
    std::vector<size_t> offsets;  // byte offset in the word of each character of `context`, and its end
    std::vector<std::string> keys;
    for (size_t w = 0; w < n; ++w) {
      if (words[w].script != WordScript::kCjk) continue;
      const std::string_view word = text.substr(words[w].start, words[w].end - words[w].start);
      for (const std::string& first : starts_utf8) {
        for (size_t at = word.find(first); at != std::string_view::npos; at = word.find(first, at + 1)) {
          size_t from = at, before = 0;
          while (from > 0 && before < 6) {
            do --from;
            while (from > 0 && (static_cast<unsigned char>(word[from]) & 0xC0) == 0x80);
            ++before;
          }
          context.clear();
          offsets.clear();
          for (size_t pos = from; pos < word.size() && context.size() < before + 5;) {
            offsets.push_back(pos);
            context.push_back(DecodeUtf8(word, &pos));
            if (context.size() == before + 5 || pos == word.size()) offsets.push_back(pos);
          }
          const std::u32string_view rest = std::u32string_view(context).substr(before);
          const size_t family = HanFamilyNameLength(rest);
          if (family == 0) continue;
          // What follows must be no ideograph, or a title.
          if (family < rest.size() && IsHanCharacter(rest[family]) && !HanTitleAt(rest.substr(family)))
            continue;
          const size_t start = words[w].start + at, end = words[w].start + offsets[before + family];
          HanSurnameKeys(rest.substr(0, family), &keys);
          const SurnameMemory::Ref* ref = nullptr;
          for (size_t k = 0; k < keys.size() && ref == nullptr; ++k) ref = recall(keys[k], start);
          if (ref == nullptr || overlaps(start, end)) continue;
          if (before > 0 && IsHanCharacter(context[before - 1])) {
            const std::vector<size_t> bounds =
                HanWordBoundaries(std::u32string_view(context).substr(0, before + family));
            if (!std::binary_search(bounds.begin(), bounds.end(), before)) continue;
          }
          emit_ref_span(start, end, w, w + 1, *ref);
        }
      }
    }
  }

  if (!memory->by_key.empty()) {
    std::vector<std::string> keys;
    for (size_t k = 0; k < n; ++k) {
      if (covered[k]) continue;
      if (words[k].script == WordScript::kArabic) {
        // The surname as written (نصر الله), its first word possibly with
        // a conjunction or preposition attached (ونصر, لنصر; للأسد for
        // ل + الأسد).
        if (IsArabicNameLink(folded[k])) continue;
        std::vector<std::string> forms = InflectionVariants(folded[k], WordScript::kArabic, options.lang);
        forms.insert(forms.begin(), folded[k]);
        for (size_t f = 0, size = forms.size(); f < size; ++f) {
          if (forms[f].size() > 6 && forms[f].compare(0, 4, "لل") == 0)
            forms.push_back("ا" + forms[f].substr(2));
        }
        bool done = false;
        for (size_t len = std::min<size_t>(3, n - k); len >= 1 && !done; --len) {
          bool joined = true;
          std::string tail;
          for (size_t j = k + 1; j < k + len; ++j) {
            joined = joined && words[j].script == WordScript::kArabic && words[j].joined_to_previous &&
                     !covered[j];
            tail += " " + folded[j];
          }
          if (!joined) continue;
          for (const std::string& f : forms) {
            if (const SurnameMemory::Ref* ref = recall("ar:" + f + tail, words[k].start)) {
              emit_ref(k, k + len, *ref);
              done = true;
              break;
            }
          }
        }
        continue;
      }
      if (info[k].stop ||
          !(words[k].script == WordScript::kLatin || words[k].script == WordScript::kCyrillic))
        continue;
      if (!words[k].capitalized) continue;
      keys.clear();
      std::vector<std::string> forms = InflectionVariants(folded[k], words[k].script, options.lang);
      forms.insert(forms.begin(), folded[k]);
      for (const std::string& f : forms) {
        std::string roman = RomanOf(f, words[k].script);
        if (!roman.empty()) keys.push_back(Key(roman));
      }
      for (const std::string& key : keys) {
        if (const SurnameMemory::Ref* ref = recall(key, words[k].start)) {
          emit_ref(k, k + 1, *ref);
          break;
        }
      }
    }
  }
  std::sort(found.begin(), found.end(),
            [](const TextMention& x, const TextMention& y) { return x.start < y.start; });
  for (auto& m : found) out->push_back(std::move(m));
  return Status::Ok();
}

}  // namespace cordon
