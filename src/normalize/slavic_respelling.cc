#include "normalize/slavic_respelling.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_set>
#include <utility>

#include "normalize/phonetic_key.h"

namespace cordon {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Letter (UTF-8, lower then upper case) -> its digraph, lower case. All are
// two-byte sequences (U+0100..U+021B).
struct Expansion {
  std::string_view lower, upper, digraph;
};
constexpr std::array<Expansion, 15> kExpansions = {{
    {"č", "Č", "ch"},
    {"ć", "Ć", "ch"},
    {"š", "Š", "sh"},
    {"ś", "Ś", "sh"},
    {"ş", "Ş", "sh"},
    {"ș", "Ș", "sh"},
    {"ž", "Ž", "zh"},
    {"ż", "Ż", "zh"},
    {"ź", "Ź", "zh"},
    {"ț", "Ț", "ts"},
    {"ţ", "Ţ", "ts"},
    {"đ", "Đ", "dj"},
    // Czech and Slovak soft consonants, Russian дь, ть, нь before a vowel
    // (Ďumin ~ DYUMIN, Plachotňuk ~ PLAKHOTNYUK).
    {"ď", "Ď", "dy"},
    {"ť", "Ť", "ty"},
    {"ň", "Ň", "ny"},
}};

// Endings of Russian, Ukrainian and Belarusian surnames and patronymics
// in any Latin convention (not -in or -ski: Martin, Kowalski).
bool HasSlavicEnding(std::string_view t) {
  if (t.size() < 5) return false;
  for (std::string_view s : {"ov",   "ev",   "ova", "eva",  "jov",  "enko",   "juk",  "skij", "skaja",
                             "vich", "vych", "vna", "itj",  "ytj",  "witsch", "owna", "ewna", "ow",
                             "ew",   "owa",  "ewa", "chuk", "czuk", "yuk",    "iuk",  "oj",   "yj"}) {
    if (EndsWith(t, s)) return true;
  }
  return false;
}

// Russian given names in the English convention: a token another
// convention writes (Dmitrij, Michail, Semjon, Pjotr) reads as one of
// these once respelled, which shows the whole name to be Russian even
// with a surname of no Slavic ending (Dmitrij MICHOLAP, Andrej CHOCHLUN).
bool IsRussianGivenName(std::string_view t) {
  static const auto* names = new std::unordered_set<std::string_view>{
      "aleksandr",  "alexandr", "aleksey",    "alexey",   "anatoliy",   "andrey",     "arkadiy", "artyom",
      "boris",      "vasiliy",  "valeriy",    "vitaliy",  "vyacheslav", "gennadiy",   "georgiy", "grigoriy",
      "dmitriy",    "dmitry",   "yevgeniy",   "yegor",    "ivan",       "igor",       "ilya",    "innokentiy",
      "konstantin", "leonid",   "matvey",     "mikhail",  "nikolay",    "oleg",       "pavel",   "pyotr",
      "semyon",     "sergey",   "stanislav",  "timofey",  "fyodor",     "yuriy",      "yakov",   "yaroslav",
      "dzmitriy",   "dzmitry",  "aliaksandr", "aliaksey", "andrei",     "natalya",    "tatyana", "yelena",
      "yekaterina", "yuliya",   "mariya",     "darya",    "sofya",      "anastasiya", "olga",    "svetlana",
      "irina",      "lyudmila", "lyubov",     "nadezhda", "galina",     "semen",      "aleksei", "alexei",
      "yevgeny",    "evgeniy",  "evgeny",     "fedor",    "petr"};
  return names->count(t) > 0;
}

}  // namespace

std::string ExpandSlavicDiacritics(std::string_view name) {
  std::string out;
  bool changed = false;
  size_t i = 0;
  while (i < name.size()) {
    const Expansion* hit = nullptr;
    bool upper = false;
    if (i + 1 < name.size() && (static_cast<unsigned char>(name[i]) & 0xE0) == 0xC0) {
      std::string_view two = name.substr(i, 2);
      for (const Expansion& e : kExpansions) {
        if (two == e.lower || two == e.upper) {
          hit = &e;
          upper = two == e.upper;
          break;
        }
      }
    }
    if (hit == nullptr) {
      out.push_back(name[i++]);
      continue;
    }
    i += 2;
    changed = true;
    // Upper-case digraph when the next letter is upper case too (ŠOJGU ->
    // SHOJGU), capitalised otherwise (Šojgu -> Shojgu).
    bool next_upper = i < name.size() && name[i] >= 'A' && name[i] <= 'Z';
    const std::string_view d = hit->digraph;
    out.push_back(upper ? static_cast<char>(d[0] - 'a' + 'A') : d[0]);
    out.push_back(upper && next_upper ? static_cast<char>(d[1] - 'a' + 'A') : d[1]);
  }
  return changed ? out : std::string();
}

std::string DropCzechFeminineEndings(std::string_view name) {
  std::string out;
  bool changed = false;
  size_t i = 0;
  auto at_word_end = [&](size_t pos) {
    if (pos >= name.size()) return true;
    unsigned char c = static_cast<unsigned char>(name[pos]);
    return !(std::isalnum(c) || c >= 0x80 || c == '\'');
  };
  while (i < name.size()) {
    // "ová" / "OVÁ" (á is C3 A1, Á is C3 81), "ská" / "SKÁ", at a word's end
    // after at least three letters.
    if (i + 4 <= name.size() && out.size() >= 3 && name[i + 2] == '\xC3' &&
        (name[i + 3] == '\xA1' || name[i + 3] == '\x81') && at_word_end(i + 4)) {
      const char a = static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
      const char b = static_cast<char>(std::tolower(static_cast<unsigned char>(name[i + 1])));
      const bool upper = name[i + 3] == '\x81';
      if (a == 'o' && b == 'v') {
        // A Russian feminine surname takes -ová on its own ending:
        // Tichonovová, Putinová -> Tichonova, Putina.
        const std::string_view stem = std::string_view(out).substr(out.size() - 2);
        const bool russian_stem = std::tolower(static_cast<unsigned char>(stem[0])) == 'o' ||
                                  std::tolower(static_cast<unsigned char>(stem[0])) == 'e' ||
                                  std::tolower(static_cast<unsigned char>(stem[0])) == 'i' ||
                                  std::tolower(static_cast<unsigned char>(stem[0])) == 'y';
        const char last = static_cast<char>(std::tolower(static_cast<unsigned char>(stem[1])));
        if (russian_stem && (last == 'v' || last == 'n')) out += upper ? "A" : "a";
        i += 4;
        changed = true;
        continue;
      }
      if (a == 's' && b == 'k') {
        out.append(name.substr(i, 2));
        out += upper ? "AYA" : "aya";
        i += 4;
        changed = true;
        continue;
      }
    }
    out.push_back(name[i++]);
  }
  return changed ? out : std::string();
}

bool ReadsAsRespelledSlavic(const std::vector<std::string>& tokens) {
  bool j_given = false;  // a j-spelled name part: Sergej, Jurij, Jelena, Ilja
  size_t inner_j = 0;    // parts with a j not at their start: Andrej Sychevoj
  bool slavic = false;   // a Slavic surname or patronymic
  for (const std::string& t : tokens) {
    for (size_t i = 0; i + 1 < t.size(); ++i) {
      // tj, sj, zj before a vowel or at the end: Swedish/Dutch ch, sh, zh.
      if (t.size() >= 5 && t[i + 1] == 'j' && (t[i] == 't' || t[i] == 's' || t[i] == 'z') &&
          (i + 2 == t.size() || IsLatinVowel(t[i + 2]))) {
        return true;
      }
    }
    for (std::string_view s :
         {"vitj", "vitsj", "witsch", "wytsch", "vitsch", "owna", "ewna", "jevna", "jevich", "iej"}) {
      if (t.size() > s.size() + 2 && EndsWith(t, s)) return true;
    }
    bool inner = false;
    if (t.size() >= 4 && t.back() == 'j' && IsLatinVowel(t[t.size() - 2])) inner = true;  // Sergej, Jurij
    for (size_t i = 1; i + 1 < t.size(); ++i) {
      if (t[i] != 'j') continue;
      const char before = t[i - 1], after = t[i + 1];
      if (IsLatinVowel(after)) {
        // OJUN, Andrejev; Ilja, Natalja (soft l, n); Vjacheslav, Fjodor,
        // Pjotr, Bjalou, Mjasnikov (a labial + j before a vowel).
        if (IsLatinVowel(before) || before == 'l' || before == 'n' || before == 'v' || before == 'f' ||
            before == 'p' || before == 'b' || before == 'm') {
          inner = true;
        }
      } else if (IsLatinVowel(before) && after != 'j') {
        inner = true;  // й before a consonant: Tulejko, Ajdar, Zajtsev
      }
    }
    if (inner) ++inner_j;
    if (inner || (t.size() >= 3 && t[0] == 'j' && IsLatinVowel(t[1]))) j_given = true;
  }
  if (inner_j >= 2) return true;
  if (j_given) {
    for (const std::string& t : tokens) slavic = slavic || HasSlavicEnding(t);
    if (slavic) return true;
  }
  // A Russian given name in another convention beside another part that
  // is written in one too (a j, c or w: Dmitrij Micholap, Andrej Cedrik)
  // or ends as a Slavic surname. Not Marija HORVAT or Nikolaj HANSEN: the
  // Croatian and Danish names are spelt so at home.
  if (tokens.size() < 2) return false;
  auto respellable = [](const std::string& t) {
    return t.size() >= 4 && t.find_first_of("jcw") != std::string::npos;  // most names: no allocation
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i];
    if (!respellable(t)) continue;
    bool other = false;  // tested first: it allocates nothing
    for (size_t k = 0; k < tokens.size() && !other; ++k)
      other = k != i && (respellable(tokens[k]) || HasSlavicEnding(tokens[k]));
    if (!other) continue;
    const std::string english = RespellSlavicToken(t, false, true);
    if (english != t && IsRussianGivenName(english)) return true;
  }
  return false;
}

std::string RespellSlavicToken(std::string_view t, bool soft_inner, bool ch_is_kh) {
  // Polish -iej (Siergiej, Aleksiej): the i only softens the consonant.
  std::string polish;
  if (t.size() >= 6 && EndsWith(t, "iej")) {
    polish = std::string(t);
    for (size_t i = 1; i + 1 < polish.size(); ++i) {
      if (polish[i] == 'i' && polish[i + 1] == 'e' && !IsLatinVowel(polish[i - 1])) polish.erase(i, 1);
    }
    t = polish;
  }
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kRules = {{
      {"shtsh", "shch"},
      {"szcz", "shch"},
      {"dzj", "dzh"},
      {"tsj", "ch"},
      {"tj", "ch"},
      {"sj", "sh"},
      {"zj", "zh"},
  }};
  std::string out;
  out.reserve(t.size() + 4);
  size_t i = 0;
  while (i < t.size()) {
    bool hit = false;
    // t/s/z + j + vowel inside a word read as a consonant and y (Artjom,
    // Aksjonov) in the second, soft reading.
    if (soft_inner && i + 2 < t.size() && t[i + 1] == 'j' && (t[i] == 't' || t[i] == 's' || t[i] == 'z') &&
        IsLatinVowel(t[i + 2])) {
      out.push_back(t[i]);
      out.push_back('y');
      i += 2;
      continue;
    }
    for (const auto& [from, to] : kRules) {
      if (t.substr(i, from.size()) == from) {
        out += to;
        i += from.size();
        hit = true;
        break;
      }
    }
    if (hit) continue;
    char c = t[i];
    // ch is kh in every convention but English (Czech Zacharova, Swedish
    // Chor, German Michail), not in German sch and tsch.
    if (ch_is_kh && c == 'c' && i + 1 < t.size() && t[i + 1] == 'h' &&
        !(i > 0 && (t[i - 1] == 's' || t[i - 1] == 't'))) {
      out += "kh";
      i += 2;
      continue;
    }
    // Czech, Polish, Belarusian Latin c is ts (Kacubo, Cedrik); not in ch,
    // ck, cz or after s (sc).
    if (c == 'c' && !(i + 1 < t.size() && (t[i + 1] == 'h' || t[i + 1] == 'k' || t[i + 1] == 'z')) &&
        !(i > 0 && (t[i - 1] == 's' || t[i - 1] == 'c' || t[i - 1] == 't'))) {
      out += "ts";
      ++i;
      continue;
    }
    if (c == 'j' && !(i > 0 && t[i - 1] == 'd')) c = 'y';
    out.push_back(c);
    ++i;
  }
  return out;
}

bool HasAmbiguousDigraph(std::string_view t) {
  for (size_t i = 0; i + 2 < t.size(); ++i) {
    if (t[i + 1] == 'j' && (t[i] == 't' || t[i] == 's' || t[i] == 'z') && IsLatinVowel(t[i + 2])) return true;
  }
  return false;
}

}  // namespace cordon
