#include "normalize/arabic_skeleton.h"

namespace cordon {
namespace {

// Letter tables, one letter a line.
// clang-format off

// The consonant Persian (and Urdu) readers say for a letter they read
// otherwise than Arabic, 0 for the others.
char PersianConsonant(char32_t c) {
  switch (c) {
    case U'ث': return 's';
    case U'ذ': return 's';
    case U'ض': return 's';
    case U'ظ': return 's';
    case U'ق': return 'g';
    default: return 0;
  }
}

// Latin consonant for an Arabic-script letter, 0 when the letter is dropped.
char Consonant(char32_t c) {
  switch (c) {
    case U'ب': return 'b';
    case U'پ': return 'p';
    case U'ت': return 't';
    case U'ث': return 't';
    case U'ج': return 'j';
    case U'چ': return 'c';
    case U'ح': return 'h';
    case U'خ': return 'k';
    case U'د': return 'd';
    case U'ذ': return 'd';
    case U'ر': return 'r';
    case U'ز': return 's';
    case U'ژ': return 'j';
    case U'س': return 's';
    case U'ش': return 's';
    case U'ص': return 's';
    case U'ض': return 'd';
    case U'ط': return 't';
    case U'ظ': return 's';
    case U'غ': return 'g';
    case U'ف': return 'f';
    case U'ق': return 'k';
    case U'ک': return 'k';
    case U'ك': return 'k';
    case U'گ': return 'g';
    case U'ل': return 'l';
    case U'م': return 'm';
    case U'ن': return 'n';
    case U'ه': return 'h';
    case U'ھ': return 'h';
    case U'ہ': return 'h';  // Urdu heh goal
    case U'ٹ': return 't';  // Urdu tteh
    case U'ڈ': return 'd';  // Urdu ddal
    case U'ڑ': return 'r';  // Urdu rreh
    case U'ں': return 'n';  // Urdu noon ghunna
    default: return 0;  // alif, waw, ya, hamza, ayn, ta marbuta, marks
  }
}

// The long vowel a letter writes (also the consonant w or y), 0 for none.
char LongVowel(char32_t c) {
  switch (c) {
    case U'ا': case U'أ': case U'إ': case U'آ': case U'ٱ': return 'a';
    case U'و': case U'ؤ': return 'u';
    case U'ي': case U'ی': case U'ى': case U'ئ': case U'ې': case U'ۍ': case U'ے': return 'i';
    default: return 0;
  }
}

// clang-format on

}  // namespace

bool IsArabicScript(char32_t c) {
  return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
         (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
         (c >= 0xFE70 && c <= 0xFEFF);
}

bool HasPersianLetter(std::u32string_view word) {
  for (char32_t c : word) {
    switch (c) {
      case U'پ':
      case U'چ':
      case U'ژ':
      case U'گ':
      case U'ک':
      case U'ی':
      case U'ہ':
      case U'ے':
      case U'ٹ':
      case U'ڈ':
      case U'ڑ':
        return true;
      default:
        break;
    }
  }
  return false;
}

bool ReadsOtherwiseInPersian(std::u32string_view word) {
  for (char32_t c : word) {
    if (PersianConsonant(c) != 0) return true;
  }
  return false;
}

namespace {

std::string Spelling(std::u32string_view word, bool* had_article, bool persian) {
  *had_article = false;
  // الله (Allah) is a name part of its own (Abdullah, Nasrallah), not al- + lh.
  if (word == U"الله" || word == U"اللہ") return "l";
  if (word.size() > 3 && word[0] == U'ا' && word[1] == U'ل') {
    *had_article = true;
    word.remove_prefix(2);
  }
  std::string out;
  for (size_t i = 0; i < word.size(); ++i) {
    char32_t c = word[i];
    // A final ha is usually the feminine ending or Allah's silent h.
    if ((c == U'ه' || c == U'ة') && i + 1 == word.size() && i > 0) break;
    char k = persian && PersianConsonant(c) != 0 ? PersianConsonant(c) : Consonant(c);
    if (k == 0) {
      char v = LongVowel(c);
      if (v != 0) out.push_back(v);
      continue;
    }
    // Shadda doubles a letter; doubled letters collapse anyway.
    if (!out.empty() && out.back() == k) continue;
    out.push_back(k);
  }
  return out;
}

}  // namespace

std::string ArabicSpelling(std::u32string_view word, bool* had_article) {
  return Spelling(word, had_article, false);
}

std::string PersianSpelling(std::u32string_view word, bool* had_article) {
  return Spelling(word, had_article, true);
}

std::string SkeletonOfArabicSpelling(std::string_view spelling) {
  std::string out;
  bool vowel_since = true;
  for (char c : spelling) {
    if (c == 'a' || c == 'u' || c == 'i') {
      vowel_since = true;
      continue;
    }
    // A doubled letter is one consonant; the same after a long vowel is
    // another (عزيز: s-i-s, like Aziz).
    if (!out.empty() && out.back() == c && !vowel_since) continue;
    out.push_back(c);
    vowel_since = false;
  }
  return out;
}

std::string ArabicSkeleton(std::u32string_view word, bool* had_article) {
  return SkeletonOfArabicSpelling(ArabicSpelling(word, had_article));
}

}  // namespace cordon
