#include "text/word_scanner.h"

#include <unicode/uchar.h>

#include <array>
#include <cstring>

namespace cordon {
namespace {

WordScript ScriptOf(char32_t c) {
  if (c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF)) return WordScript::kLatin;
  if ((c >= 0x370 && c <= 0x3FF) || (c >= 0x1F00 && c <= 0x1FFF)) return WordScript::kGreek;
  if (c >= 0x400 && c <= 0x52F) return WordScript::kCyrillic;
  if ((c >= 0x600 && c <= 0x6FF) || (c >= 0x750 && c <= 0x77F) || (c >= 0xFB50 && c <= 0xFDFF) ||
      (c >= 0xFE70 && c <= 0xFEFF)) {
    return WordScript::kArabic;
  }
  if ((c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F)) {
    return WordScript::kHangul;
  }
  if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF)) {
    return WordScript::kCjk;
  }
  return WordScript::kOther;
}

bool IsWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  if (c == 0x640) return true;  // Arabic tatweel
  if (u_isalnum(static_cast<UChar32>(c))) return true;
  const int8_t type = u_charType(static_cast<UChar32>(c));
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || c == 0x202F || c == 0x3000 || c == 0x2009;
}

// Latin-1 Supplement and Latin Extended-A, lower-cased, to ASCII.
const char* LatinFold(char32_t c) {
  static const char* const kLatin1[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",
      "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
      "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",
      "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};
  static const char* const kExtA[128] = {
      "a", "a", "a", "a", "a", "a", "c",  "c",  "c", "c", "c", "c", "c",  "c",  "d", "d", "d", "d", "e",
      "e", "e", "e", "e", "e", "e", "e",  "e",  "e", "g", "g", "g", "g",  "g",  "g", "g", "g", "h", "h",
      "h", "h", "i", "i", "i", "i", "i",  "i",  "i", "i", "i", "i", "ij", "ij", "j", "j", "k", "k", "k",
      "l", "l", "l", "l", "l", "l", "l",  "l",  "l", "l", "n", "n", "n",  "n",  "n", "n", "n", "n", "n",
      "o", "o", "o", "o", "o", "o", "oe", "oe", "r", "r", "r", "r", "r",  "r",  "s", "s", "s", "s", "s",
      "s", "s", "s", "t", "t", "t", "t",  "t",  "t", "u", "u", "u", "u",  "u",  "u", "u", "u", "u", "u",
      "u", "u", "w", "w", "y", "y", "y",  "z",  "z", "z", "z", "z", "z",  "s"};
  if (c >= 0xC0 && c <= 0xFF) return kLatin1[c - 0xC0];
  if (c >= 0x100 && c <= 0x17F) return kExtA[c - 0x100];
  return nullptr;
}

const char* CyrillicRoman(char32_t c) {
  static const char* const kBasic[32] = {"a",  "b",  "v",  "g",    "d", "e", "zh", "z", "i",  "y", "k",
                                         "l",  "m",  "n",  "o",    "p", "r", "s",  "t", "u",  "f", "kh",
                                         "ts", "ch", "sh", "shch", "",  "y", "",   "e", "yu", "ya"};
  if (c >= 0x430 && c <= 0x44F) return kBasic[c - 0x430];
  switch (c) {
    case 0x451:
      return "e";  // ё
    case 0x456:
      return "i";  // і
    case 0x457:
      return "yi";  // ї
    case 0x454:
      return "ye";  // є
    case 0x491:
      return "g";  // ґ
    case 0x45E:
      return "u";  // ў
    default:
      return nullptr;
  }
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

void ScanWords(std::string_view text, std::vector<TextWord>* out) {
  size_t pos = 0;
  // What lies between the previous word and the next one.
  int newlines = 0;
  bool only_space = false;
  bool have_prev = false;
  while (pos < text.size()) {
    size_t start = pos;
    char32_t c = DecodeUtf8(text, &pos);
    if (!IsWordChar(c)) {
      if (c == '\n') {
        ++newlines;
      } else if (!IsSpace(c)) {
        only_space = false;
      }
      continue;
    }
    TextWord w;
    w.start = start;
    w.script = ScriptOf(c);
    w.capitalized = c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(static_cast<UChar32>(c));
    w.joined_to_previous = have_prev && only_space && newlines <= 1;
    const bool cjk = w.script == WordScript::kCjk;
    size_t end = pos;
    while (pos < text.size()) {
      size_t next = pos;
      char32_t d = DecodeUtf8(text, &next);
      if (IsWordChar(d)) {
        // A run of CJK stays one word; a script change starts a new word
        // (digits and marks excepted).
        WordScript s = ScriptOf(d);
        bool digit_or_mark = d < 0x80 ? (d >= '0' && d <= '9') : !u_isalpha(static_cast<UChar32>(d));
        if (!digit_or_mark && (s == WordScript::kCjk) != cjk) break;
        if (!digit_or_mark && s != w.script && s != WordScript::kOther && w.script != WordScript::kOther)
          break;
        pos = next;
        end = pos;
        continue;
      }
      // Inner hyphen or apostrophe followed by a letter; a hyphen at a line
      // end followed by the rest of the word ("Jong-\nun").
      if ((IsHyphen(d) || IsApostrophe(d)) && next < text.size()) {
        size_t after = next;
        if (IsHyphen(d)) {
          while (after < text.size() && (text[after] == '\r' || text[after] == ' ')) ++after;
          if (after < text.size() && text[after] == '\n') {
            ++after;
            while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
          } else {
            after = next;
          }
        }
        if (after < text.size()) {
          size_t probe = after;
          char32_t e = DecodeUtf8(text, &probe);
          if (IsWordChar(e)) {
            pos = after;
            continue;
          }
        }
      }
      break;
    }
    w.end = end;
    w.followed_by_period = end < text.size() && text[end] == '.';
    out->push_back(w);
    have_prev = true;
    only_space = true;
    newlines = 0;
  }
}

std::string FoldWord(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  size_t pos = 0;
  while (pos < word.size()) {
    unsigned char b = static_cast<unsigned char>(word[pos]);
    if (b < 0x80) {
      ++pos;
      if ((b >= 'A' && b <= 'Z')) {
        out.push_back(static_cast<char>(b + 32));
      } else if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '\'') {
        out.push_back(static_cast<char>(b));
      }
      continue;
    }
    char32_t c = DecodeUtf8(word, &pos);
    if (c == 0x2019) {
      out.push_back('\'');
      continue;
    }
    if (c == 0x2010 || c == 0x2011) {
      out.push_back('-');
      continue;
    }
    c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    if (const char* latin = LatinFold(c)) {
      out += latin;
      continue;
    }
    switch (c) {
      case 0x451:
        c = 0x435;
        break;  // ё -> е
      case 0x622:
      case 0x623:
      case 0x625:
      case 0x671:
        c = 0x627;
        break;  // alef forms
      case 0x629:
        c = 0x647;
        break;  // ta marbuta -> ha
      case 0x649:
        c = 0x64A;
        break;  // alef maqsura -> ya
      case 0x6CC:
        c = 0x64A;
        break;  // Farsi ya
      case 0x6A9:
        c = 0x643;
        break;  // keheh -> kaf
      default:
        break;
    }
    if (c == 0x640 || (c >= 0x64B && c <= 0x652) || c == 0x670) continue;  // tatweel, harakat
    if (c < 0x80 || c == '\n' || c == '\r' || c == ' ') continue;
    const int8_t type = u_charType(static_cast<UChar32>(c));
    if (type == U_NON_SPACING_MARK && c < 0x370) continue;  // combining accents on Latin
    AppendUtf8(c, &out);
  }
  return out;
}

std::string RomanizeFolded(std::string_view folded) {
  std::string out;
  out.reserve(folded.size());
  size_t pos = 0;
  while (pos < folded.size()) {
    unsigned char b = static_cast<unsigned char>(folded[pos]);
    if (b < 0x80) {
      ++pos;
      if (b >= 'a' && b <= 'z') out.push_back(static_cast<char>(b));
      if (b >= '0' && b <= '9') out.push_back(static_cast<char>(b));
      continue;
    }
    char32_t c = DecodeUtf8(folded, &pos);
    if (const char* r = CyrillicRoman(c)) {
      out += r;
    } else {
      return "";
    }
  }
  return out;
}

namespace {

// Russian/Ukrainian noun and adjective endings, longest first.
constexpr std::array<std::string_view, 34> kCyrillicEndings = {
    "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ая", "яя", "ое",
    "ее",   "ые",  "ие",  "ой",  "ей",  "ий",  "ый",  "ом",  "ем",  "ам", "ям", "ах",
    "ях",   "ов",  "ев",  "а",   "я",   "е",   "и",   "ы",   "у",   "ю"};

constexpr std::array<std::string_view, 40> kKoreanParticles = {
    "에게서", "으로서", "으로써", "이라는", "에서는", "에서도", "에서의", "께서는", "에게는", "에서",
    "에게",   "께서",   "으로",   "이라",   "라는",   "과의",   "와의",   "까지",   "부터",   "처럼",
    "보다",   "이다",   "이며",   "이고",   "에는",   "에도",   "이나",   "조차",   "마저",   "은",
    "는",     "이",     "가",     "을",     "를",     "의",     "에",     "와",     "과",     "도"};

}  // namespace

std::string CyrillicStem(std::string_view folded) {
  for (std::string_view e : kCyrillicEndings) {
    if (EndsWith(folded, e) && CountCodePoints(folded.substr(0, folded.size() - e.size())) >= 3) {
      return std::string(folded.substr(0, folded.size() - e.size()));
    }
  }
  if (EndsWith(folded, "ь") || EndsWith(folded, "й")) {
    if (CountCodePoints(folded) >= 4) return std::string(folded.substr(0, folded.size() - 2));
  }
  return std::string(folded);
}

std::vector<std::string> InflectionVariants(std::string_view folded, WordScript script,
                                            std::string_view lang) {
  std::vector<std::string> out;
  auto add = [&out, folded](std::string_view v) {
    if (v.empty() || v == folded) return;
    for (const auto& o : out) {
      if (o == v) return;
    }
    out.emplace_back(v);
  };
  switch (script) {
    case WordScript::kLatin: {
      if (EndsWith(folded, "'s")) add(folded.substr(0, folded.size() - 2));
      // A bare genitive s (Putins, Russlands) only in languages that write
      // one; in Romance languages a final s is a plural or part of the name.
      const bool genitive_s = lang == "auto" || lang == "de" || lang == "en" || lang == "nl" || lang == "sv" ||
                              lang == "da" || lang == "no" || lang == "nb";
      if (genitive_s && EndsWith(folded, "s") && folded.size() >= 4) add(folded.substr(0, folded.size() - 1));
      // French/Italian elision: l'Iran, d'Iran.
      if (folded.size() > 3 && folded[1] == '\'') add(folded.substr(2));
      break;
    }
    case WordScript::kCyrillic: {
      for (std::string_view e : kCyrillicEndings) {
        if (!EndsWith(folded, e)) continue;
        std::string_view stem = folded.substr(0, folded.size() - e.size());
        if (CountCodePoints(stem) < 2) continue;
        add(stem);
        // Сергея -> Сергей, Юрия -> Юрий: a stem ending in a vowel took й.
        add(std::string(stem) + "й");
        // Ына -> Ын already; Путиным -> Путин via "ым"? covered by "ым"-less list:
        // try the soft sign too (Игоря -> Игорь).
        add(std::string(stem) + "ь");
      }
      if (EndsWith(folded, "ым") && CountCodePoints(folded) > 4) add(folded.substr(0, folded.size() - 4));
      break;
    }
    case WordScript::kHangul: {
      for (std::string_view p : kKoreanParticles) {
        if (EndsWith(folded, p) && CountCodePoints(folded.substr(0, folded.size() - p.size())) >= 2) {
          add(folded.substr(0, folded.size() - p.size()));
        }
      }
      break;
    }
    case WordScript::kArabic: {
      // و / ف (and), then ب / ل / ك (in, for, like). Each letter is 2 bytes.
      std::string_view w = folded;
      std::vector<std::string_view> stems;
      if (w.size() > 6 && (w.substr(0, 2) == "و" || w.substr(0, 2) == "ف")) {
        w = w.substr(2);
        stems.push_back(w);
      }
      if (w.size() > 6 && (w.substr(0, 2) == "ب" || w.substr(0, 2) == "ل" || w.substr(0, 2) == "ك")) {
        stems.push_back(w.substr(2));
      }
      for (auto s : stems) add(s);
      break;
    }
    default:
      break;
  }
  return out;
}

}  // namespace cordon
