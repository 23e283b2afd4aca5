#include "normalize/phonetic_key.h"

#include <array>
#include <utility>

namespace cordon {
namespace {

// Ordered rewrite rules, longest first at each position.
constexpr std::array<std::pair<std::string_view, std::string_view>, 29> kRules = {{
    {"tsch", "c"}, {"dzh", "j"}, {"sch", "s"}, {"tch", "c"}, {"shch", "s"}, {"sh", "s"},
    {"ch", "c"},   {"zh", "j"},  {"dj", "j"},  {"kh", "h"},  {"gh", "g"},   {"ph", "f"},
    {"th", "t"},   {"ck", "k"},  {"cz", "c"},  {"sz", "s"},  {"ts", "c"},   {"tz", "c"},
    {"ou", "u"},   {"oo", "u"},  {"eo", "o"},  {"eu", "u"},  {"ee", "i"},   {"ie", "i"},
    {"ks", "x"},   {"qu", "k"},  {"dh", "d"},  {"ei", "ai"}, {"ey", "ai"},
}};

// For each first letter, the indices of the rules starting with it, in
// kRules order (-1 ends the list).
struct RulesByFirstLetter {
  std::array<std::array<int8_t, 8>, 256> at{};
  constexpr RulesByFirstLetter() {
    for (auto& list : at) list.fill(-1);
    for (size_t r = 0; r < kRules.size(); ++r) {
      auto& list = at[static_cast<unsigned char>(kRules[r].first[0])];
      size_t k = 0;
      while (list[k] >= 0) ++k;
      list[k] = static_cast<int8_t>(r);
    }
  }
};
constexpr RulesByFirstLetter kRulesByFirstLetter;

}  // namespace

std::string PhoneticKey(std::string_view t) {
  std::string out;
  out.reserve(t.size());
  size_t i = 0;
  while (i < t.size()) {
    bool hit = false;
    for (int8_t r : kRulesByFirstLetter.at[static_cast<unsigned char>(t[i])]) {
      if (r < 0) break;
      const auto& [from, to] = kRules[static_cast<size_t>(r)];
      if (t.substr(i, from.size()) == from) {
        out += to;
        i += from.size();
        hit = true;
        break;
      }
    }
    if (hit) continue;
    char c = t[i++];
    switch (c) {
      case 'y':
        c = 'i';
        break;
      case 'w':
        c = 'v';
        break;
      case 'q':
        c = 'k';
        break;
      case 'j':
        c = 'j';
        break;
      case 'c':
        c = 'k';
        break;
      default:
        break;
    }
    out.push_back(c);
  }
  // An initial o is u (Osman, Usman; Omar, Umar; Osama, Usama): Arabic and
  // Turkic names begin with a u that romanisations write either way.
  if (out.size() >= 4 && out[0] == 'o') out[0] = 'u';
  // "ff" at the end is the old French/German spelling of -ov (Ivanoff).
  if (out.size() > 3 && out.compare(out.size() - 2, 2, "ff") == 0) out.replace(out.size() - 2, 2, "v");
  // Collapse doubled letters.
  std::string collapsed;
  collapsed.reserve(out.size());
  for (char c : out) {
    if (collapsed.empty() || collapsed.back() != c) collapsed.push_back(c);
  }
  // Silent final e after a consonant (Poutine, Mohamede) in longer tokens.
  if (collapsed.size() > 4 && collapsed.back() == 'e' && !IsLatinVowel(collapsed[collapsed.size() - 2])) {
    collapsed.pop_back();
  }
  // A final h after a vowel (Usamah, Hamzah, Fatimah, Abdallah) writes the
  // Arabic ta marbuta or a long final vowel, which other lists leave out
  // (Usama, Hamza, Fatima, Abdalla); in words of six letters or more, so
  // Salah and Sarah keep theirs.
  if (collapsed.size() >= 6 && collapsed.back() == 'h' && IsLatinVowel(collapsed[collapsed.size() - 2])) {
    collapsed.pop_back();
  }
  return collapsed;
}

namespace {

// The one walk behind ConsonantSkeleton() and VowelSlots(): calls
// consonant(c) for each skeleton consonant (before doubled-letter collapse)
// and vowel(c) for each dropped vowel-like letter, in order.
template <typename OnConsonant, typename OnVowel>
void WalkLatinSkeleton(std::string_view t, OnConsonant consonant, OnVowel vowel) {
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    char next = i + 1 < t.size() ? t[i + 1] : '\0';
    if (IsLatinVowel(c) || c == 'w' || c == 'v' || c == '\'') {
      vowel(c);
      continue;
    }
    if (c == 'h') {
      // Second letter of a digraph (kh, sh, th, dh, gh, ch, zh) or a final
      // h after a vowel (Fatimah, Abdullah): no consonant of its own.
      char prev = i > 0 ? t[i - 1] : '\0';
      if (prev == 'k' || prev == 's' || prev == 't' || prev == 'd' || prev == 'g' || prev == 'c' ||
          prev == 'z') {
        continue;
      }
      if (next == '\0' && i > 0 && IsLatinVowel(prev)) continue;
    }
    if (c == 'c' && next == 'h')
      c = 'c';
    else if (c == 'c' || c == 'q')
      c = 'k';
    else if (c == 'z' && next == 'h')
      c = 'j';
    else if (c == 'z')
      c = 's';
    else if (c == 'x')
      c = 'k';
    consonant(c);
  }
}

}  // namespace

std::string ConsonantSkeleton(std::string_view t) {
  std::string out;
  bool vowel_since = true;  // a vowel since the last consonant
  WalkLatinSkeleton(
      t,
      [&](char c) {
        // A doubled letter is one consonant (Hassan, Mohammad); the same
        // consonant after a vowel is another (Aziz: s-s, Baba: b-b).
        if (out.empty() || out.back() != c || vowel_since) out.push_back(c);
        vowel_since = false;
      },
      [&](char) { vowel_since = true; });
  return out;
}

std::vector<uint8_t> VowelSlots(std::string_view t, bool arabic_spelling) {
  std::vector<uint8_t> slots(1, 0);
  char last = 0;
  auto consonant = [&](char c) {
    if (c == last) return;  // a doubled letter is one skeleton consonant
    last = c;
    slots.push_back(0);
  };
  char last_vowel = 0;                    // the previous letter, when a vowel of this slot
  auto vowel_seen = [&]() { last = 0; };  // the same consonant again is another
  auto vowel = [&](char c) {
    if ((last_vowel == 'o' && (c == 'u' || c == 'o')) || (last_vowel == 'e' && c == 'e'))
      slots.back() |= kVowelLong;
    last_vowel = c;
    uint8_t bits = 0;
    switch (c) {
      case 'a':
      case '\'':
        bits = kVowelA;
        break;
      case 'e':
      case 'i':
        bits = kVowelA | kVowelI;
        break;
      case 'o':
      case 'u':
        bits = kVowelA | kVowelU;
        break;
      case 'y':
        bits = kVowelI;
        break;
      case 'w':
      case 'v':
        bits = kVowelU;
        break;
    }
    slots.back() |= bits;
    vowel_seen();
  };
  if (!arabic_spelling) {
    WalkLatinSkeleton(
        t,
        [&](char c) {
          last_vowel = 0;
          consonant(c);
        },
        vowel);
    return slots;
  }
  for (char c : t) {
    if (c == 'a' || c == 'u' || c == 'i') {
      slots.back() |= c == 'a' ? kVowelA : (c == 'u' ? kVowelU : kVowelI);
      vowel_seen();
    } else {
      consonant(c);
    }
  }
  return slots;
}

std::string KoreanSyllableKey(std::string_view t) {
  // Longest spellings first within each slot.
  static const std::pair<std::string_view, std::string_view> kInitials[] = {
      {"tch", "j"}, {"kk", "k"}, {"tt", "t"}, {"pp", "p"}, {"ss", "s"}, {"jj", "j"}, {"ch", "j"},
      {"kh", "k"},  {"rh", "r"}, {"th", "t"}, {"ph", "p"}, {"k", "k"},  {"g", "k"},  {"n", "n"},
      {"d", "t"},   {"t", "t"},  {"r", "r"},  {"l", "r"},  {"m", "m"},  {"b", "p"},  {"p", "p"},
      {"s", "s"},   {"j", "j"},  {"h", "h"},  {"", ""}};
  static const std::pair<std::string_view, std::string_view> kVowels[] = {
      {"yeo", "yo"}, {"yae", "ye"}, {"wae", "we"}, {"eo", "o"},  {"eu", "u"},  {"ae", "e"},  {"ya", "ya"},
      {"yo", "yo"},  {"ye", "ye"},  {"wa", "wa"},  {"oe", "oe"}, {"oi", "oe"}, {"wo", "wo"}, {"we", "we"},
      {"wi", "wi"},  {"yu", "yu"},  {"ui", "ui"},  {"oo", "u"},  {"ee", "i"},  {"ou", "u"},  {"a", "a"},
      {"o", "o"},    {"e", "e"},    {"u", "u"},    {"i", "i"}};
  static const std::pair<std::string_view, std::string_view> kFinals[] = {
      {"ng", "ng"}, {"rk", "k"}, {"ck", "k"}, {"k", "k"}, {"g", "k"}, {"n", "n"}, {"t", "t"},
      {"d", "t"},   {"l", "l"},  {"r", "l"},  {"m", "m"}, {"p", "p"}, {"b", "p"}, {"", ""}};
  if (t.empty() || t.size() > 7) return "";
  // Syllables of one vowel as names spell them (Ah, Oh, Yi, Woo, Eh).
  if (t == "ah" || t == "eh" || t == "oh") return std::string(1, t[0]);
  if (t == "yi") return "i";
  if (t == "woo" || t == "wu") return "u";
  for (const auto& [ini, ini_key] : kInitials) {
    if (t.substr(0, ini.size()) != ini) continue;
    std::string_view rest = t.substr(ini.size());
    for (const auto& [vow, vow_key] : kVowels) {
      if (rest.substr(0, vow.size()) != vow) continue;
      std::string_view fin = rest.substr(vow.size());
      for (const auto& [f, f_key] : kFinals) {
        if (fin == f) {
          // "rk" only after a: Park.
          if (f == "rk" && vow != "a") continue;
          return std::string(ini_key) + std::string(vow_key) + std::string(f_key);
        }
      }
    }
  }
  return "";
}

}  // namespace cordon
