#include "match/token_similarity.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "match/edit_distance.h"
#include "normalize/arabic_skeleton.h"
#include "normalize/phonetic_key.h"

namespace cordon {

TokenKeys MakeTokenKeys(std::string_view text, bool consonantal) {
  TokenKeys k;
  k.text = std::string(text);
  k.consonantal = consonantal;
  if (consonantal) {
    k.skeleton = SkeletonOfArabicSpelling(k.text);
  } else {
    k.phonetic = PhoneticKey(text);
    k.skeleton = ConsonantSkeleton(text);
    k.korean = KoreanSyllableKey(text);
  }
  return k;
}

std::string_view TokenMatchKindName(TokenMatchKind kind) {
  switch (kind) {
    case TokenMatchKind::kExact:
      return "exact";
    case TokenMatchKind::kRomanization:
      return "romanization";
    case TokenMatchKind::kFuzzy:
      return "fuzzy";
    case TokenMatchKind::kInitial:
      return "initial";
    case TokenMatchKind::kCompound:
      return "compound";
    case TokenMatchKind::kNone:
      break;
  }
  return "none";
}

bool SyllableShaped(std::string_view w) {
  size_t i = 0;
  while (i < w.size() && i < 2 && !IsLatinVowel(w[i])) ++i;
  const size_t vowels_start = i;
  while (i < w.size() && IsLatinVowel(w[i])) ++i;
  if (i == vowels_start || i - vowels_start > 3) return false;
  const std::string_view rest = w.substr(i);
  return rest.empty() || rest == "n" || rest == "ng" || rest == "r";
}

namespace {

double FuzzyScore(std::string_view a, std::string_view b, size_t min_length = 5) {
  size_t shorter = std::min(a.size(), b.size());
  size_t longer = std::max(a.size(), b.size());
  // Four-letter tokens are too short for a typo to be told from another
  // name (Jong/Tong, Bush/Bash), except a letter left out of a five-letter
  // word (Abbs/Abbas, Wans/Wanis): then the longer word keeps every letter
  // of the shorter, in order.
  if (shorter < min_length) {
    if (!(min_length == 5 && shorter == 4 && longer == 5)) return 0;
    // Not between two syllables of Chinese or Korean names, where a letter
    // makes another syllable (JING/JIANG, CHEN/CHENG, JONG/JEONG).
    if (SyllableShaped(a) && SyllableShaped(b)) return 0;
    const std::string_view s = a.size() < b.size() ? a : b, l = a.size() < b.size() ? b : a;
    size_t i = 0;
    while (i < s.size() && s[i] == l[i]) ++i;
    if (s.substr(i) != l.substr(i + 1)) return 0;
    return 1.0 - 1.2 / 5.0;
  }
  int max_d = longer >= 8 ? 2 : 1;
  int d = BoundedEditDistance(a, b, max_d);
  if (d > max_d) return 0;
  double s = 1.0 - 1.2 * static_cast<double>(d) / static_cast<double>(longer);
  return s >= 0.7 ? s : 0;
}

// An edit between phonetic keys: weaker than one between the words, and
// only on keys of six sounds or more (ZHUANG and JIANG are other Chinese
// syllables, KHALID and HAMID other names, one sound apart in five).
double PhoneticFuzzyScore(std::string_view a, std::string_view b) { return 0.97 * FuzzyScore(a, b, 6); }

// The token with every run of vowels replaced by one '*' and doubled
// letters collapsed: "muhammad" and "mohamed" both give "m*h*m*d", while
// "mahmoud" gives "m*hm*d" (a different name with the same consonants).
std::string VowelPattern(std::string_view t) {
  std::string out;
  for (char c : t) {
    bool vowel = IsLatinVowel(c);
    char k = vowel ? '*' : (c == 'q' || c == 'c') ? 'k' : c;
    if (!out.empty() && out.back() == k) continue;
    out.push_back(k);
  }
  return out;
}

// The runs of vowels of a word, in order ("hussein" -> "u", "ei").
std::vector<std::string_view> VowelRuns(std::string_view t) {
  std::vector<std::string_view> runs;
  for (size_t i = 0; i < t.size();) {
    if (!IsLatinVowel(t[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < t.size() && IsLatinVowel(t[j])) ++j;
    runs.push_back(t.substr(i, j - i));
    i = j;
  }
  return runs;
}

// Can two runs of vowels write one vowel? They share a letter, or hold
// neighbours: a/e (Ahmad, Ahmed), e/i/y (Tarek, Tariq; Aly), o/u (Omar,
// Umar). Not a/u, a/i, a/o (Hasan is not Husein).
bool VowelsNeighbour(std::string_view x, std::string_view y) {
  static const char* kNeighbours[] = {"ae", "ei", "ey", "iy", "ou"};
  for (char a : x) {
    for (char b : y) {
      if (a == b) return true;
      for (const char* p : kNeighbours) {
        if ((a == p[0] && b == p[1]) || (a == p[1] && b == p[0])) return true;
      }
    }
  }
  return false;
}

// Two words with their vowels in the same places (VowelPattern equal):
// does each vowel of one fit the other's there?
bool VowelsAgree(std::string_view a, std::string_view b) {
  std::vector<std::string_view> x = VowelRuns(a), y = VowelRuns(b);
  if (x.size() != y.size()) return false;
  for (size_t i = 0; i < x.size(); ++i) {
    if (!VowelsNeighbour(x[i], y[i])) return false;
  }
  return true;
}

// Do the long vowels an Arabic-script spelling writes fit the other word?
// Two Arabic-script words must write them alike (محمود, Mahmoud, is not
// محمد, Muhammad); a Latin spelling must write a matching vowel wherever the
// Arabic writes a long one: alif any vowel, waw u/o/w/v, ya i/e/y (خلود,
// Khulud, is neither Khald nor Khaled), and the Arabic a long vowel wherever
// the Latin spells one (ou, oo, ee). REQUIRES: equal skeletons.
bool LongVowelsAgree(const TokenKeys& q, const TokenKeys& n) {
  std::vector<uint8_t> qs = VowelSlots(q.text, q.consonantal);
  std::vector<uint8_t> ns = VowelSlots(n.text, n.consonantal);
  if (qs.size() != ns.size()) return true;  // skeleton rules differ: no verdict
  if (q.consonantal && n.consonantal) return qs == ns;
  const std::vector<uint8_t>& arabic = q.consonantal ? qs : ns;
  const std::vector<uint8_t>& latin = q.consonantal ? ns : qs;
  for (size_t j = 0; j < arabic.size(); ++j) {
    // A final ya may be an alif maqsura, read a (موسى Musa, مصطفى Mustafa;
    // Persian writes both ی, مرتضی Morteza).
    if (j + 1 == arabic.size() && arabic[j] == kVowelI && (latin[j] & ~kVowelLong) == kVowelA) continue;
    if ((arabic[j] & latin[j]) != arabic[j]) return false;
    // A long vowel the Latin spells (ou, oo, ee) is written in Arabic
    // script: محمد is Muhammad, not Mahmoud (محمود).
    if ((latin[j] & kVowelLong) != 0 && arabic[j] == 0) return false;
  }
  // A final -i or -y (the nisba of Saeedi, Hosseini) is written with a ya:
  // سعيد is Saeed, not Saeedi.
  const std::string& latin_text = q.consonantal ? n.text : q.text;
  const char last = latin_text.empty() ? '\0' : latin_text.back();
  if ((last == 'i' || last == 'y') && latin.back() != 0 && (arabic.back() & kVowelI) == 0) return false;
  return true;
}

// True when an Arabic-script spelling writes a long vowel (alif, waw, ya).
bool WritesLongVowel(const TokenKeys& arabic) {
  return arabic.text.find_first_of("aui") != std::string::npos;
}

// Arabic qaf romanised q, k or g (Qadhafi, Kadhafi, Gaddafi; Qasim,
// Gasim): one word writes q where the other writes g, and the phonetic keys
// agree once g reads k. Not between syllables of Chinese names (pinyin q
// is another sound).
bool QafReadAsG(const TokenKeys& q, const TokenKeys& n) {
  const bool has_q = q.text.find('q') != std::string::npos || n.text.find('q') != std::string::npos;
  const bool has_g = q.text.find('g') != std::string::npos || n.text.find('g') != std::string::npos;
  if (!has_q || !has_g || q.phonetic.size() != n.phonetic.size() || q.phonetic.size() < 4) return false;
  if (SyllableShaped(q.text) || SyllableShaped(n.text)) return false;
  for (size_t i = 0; i < q.phonetic.size(); ++i) {
    const char a = q.phonetic[i] == 'g' ? 'k' : q.phonetic[i];
    const char b = n.phonetic[i] == 'g' ? 'k' : n.phonetic[i];
    if (a != b) return false;
  }
  return true;
}

}  // namespace

TokenMatch CompareTokens(const TokenKeys& q, const TokenKeys& n) {
  // A consonant skeleton equal to a Latin word (حمامي -> "hm" vs HM) is not
  // an exact match: compare skeletons below.
  if (q.text == n.text && q.consonantal == n.consonantal) return {1.0, TokenMatchKind::kExact};
  if (q.consonantal || n.consonantal) {
    const std::string& qs = q.skeleton;
    const std::string& ns = n.skeleton;
    // Short skeletons are ambiguous (عمر = mr = Amur, Omar, Umar, Mir):
    // the fewer consonants, the weaker the evidence.
    if (qs.size() >= 2 && qs == ns) {
      double sim = qs.size() >= 4 ? 0.9 : (qs.size() == 3 ? 0.86 : 0.78);
      // Same consonants, long vowels elsewhere: another name (Khulud/Khalid).
      if (!LongVowelsAgree(q, n)) return {std::min(sim, 0.7), TokenMatchKind::kFuzzy};
      // A long vowel the Arabic writes and the Latin spelling has in the
      // same place is evidence a bare two-consonant skeleton lacks (عزيز/
      // Aziz, ياسر/Yasir, عباس/Abbas). (Longer skeletons are not raised:
      // at 0.9, Masson ~ مازن and Therese ~ الترزي made clean customers alert.)
      if (qs.size() == 2 && q.consonantal != n.consonantal && WritesLongVowel(q.consonantal ? q : n))
        sim = 0.84;
      return {sim, TokenMatchKind::kRomanization};
    }
    // One consonant: Allah (spelt "l"), or a short Latin word whose vowels
    // fit the long vowels the Arabic writes (علي, "li", ~ Ali, Aly).
    if (qs.size() == 1 && qs == ns && q.consonantal != n.consonantal) {
      const TokenKeys& arabic = q.consonantal ? q : n;
      const TokenKeys& latin = q.consonantal ? n : q;
      if (arabic.text == "l") {
        if (latin.text.find("ll") != std::string::npos) return {0.9, TokenMatchKind::kRomanization};
      } else if (latin.text.size() <= kMaxOneConsonantLatinLength && WritesLongVowel(arabic) &&
                 LongVowelsAgree(q, n)) {
        return {0.75, TokenMatchKind::kRomanization};
      }
    }
    // One consonant apart: a Latin spelling's slip, or a longer name. Two
    // Arabic-script words of three consonants write their letters alike,
    // so one other is another name (گنجی, Ganji, is not آقاجانی, Aghajani).
    const size_t shorter = std::min(qs.size(), ns.size());
    if (shorter >= 3 && (q.consonantal != n.consonantal || shorter >= 4) &&
        BoundedEditDistance(qs, ns, 1) <= 1) {
      return {0.72, TokenMatchKind::kFuzzy};
    }
    return {};
  }
  // Initials: "V." against "Vladimir". A single letter is never another
  // romanisation of a word (Y. is not Yi).
  if (q.text.size() == 1 || n.text.size() == 1) {
    if (q.text[0] == n.text[0] && q.text.size() != n.text.size()) return {0.75, TokenMatchKind::kInitial};
    return {};
  }
  if (!q.phonetic.empty() && q.phonetic == n.phonetic) return {0.93, TokenMatchKind::kRomanization};
  if (!q.korean.empty() && q.korean == n.korean) return {0.9, TokenMatchKind::kRomanization};
  if (QafReadAsG(q, n)) return {0.9, TokenMatchKind::kRomanization};
  double fuzzy = std::max(FuzzyScore(q.text, n.text), PhoneticFuzzyScore(q.phonetic, n.phonetic));
  // Vowel-only differences between Latin spellings of one name.
  double skeleton = 0;
  // Three consonants are enough when the words have the same length
  // (Tarek/Tariq, Karim/Kerem); four when they differ by one letter. Each
  // vowel must fit the other's (VowelsAgree: Hassan is not Husein).
  // Lengths count a doubled letter once (Mossaab, Musab). The first letters
  // agree, or are an initial e and i (Esmail, Ismail; Ebrahim, Ibrahim:
  // Persian and Arabic spellings of one name).
  if (q.skeleton.size() >= 3 && q.skeleton == n.skeleton) {
    auto letters = [](std::string_view t) {
      int k = 0;
      for (size_t i = 0; i < t.size(); ++i) k += i == 0 || t[i] != t[i - 1];
      return k;
    };
    const int q_letters = letters(q.text), n_letters = letters(n.text);
    const bool same_length = q_letters == n_letters;
    const bool first_agrees = q.text[0] == n.text[0] || (q.text[0] == 'e' && n.text[0] == 'i') ||
                              (q.text[0] == 'i' && n.text[0] == 'e');
    if (q.skeleton.size() >= (same_length ? 3u : 4u) && first_agrees &&
        std::abs(q_letters - n_letters) <= 1 && VowelPattern(q.text) == VowelPattern(n.text) &&
        VowelsAgree(q.text, n.text)) {
      skeleton = 0.8;
    }
  }
  double best = std::max(fuzzy, skeleton);
  if (best > 0) return {best, best == skeleton ? TokenMatchKind::kRomanization : TokenMatchKind::kFuzzy};
  return {};
}

bool OneConsonantLatinWord(const TokenKeys& latin) {
  return !latin.consonantal && latin.skeleton.size() == 1 &&
         (latin.text.size() <= kMaxOneConsonantLatinLength || latin.text.find("ll") != std::string::npos);
}

TokenMatch CompareTokensOutsideIndex(const TokenKeys& q, const TokenKeys& n) {
  if (q.consonantal || n.consonantal) return {};  // every skeleton route is indexed
  if (q.text.size() == 1 || n.text.size() == 1 || q.text.size() > kMaxIndexedWordLength ||
      n.text.size() > kMaxIndexedWordLength) {
    return CompareTokens(q, n);
  }
  double fuzzy = PhoneticFuzzyScore(q.phonetic, n.phonetic);
  if (fuzzy > 0) return {fuzzy, TokenMatchKind::kFuzzy};
  return {};
}

}  // namespace cordon
