// Consonant skeletons of names written in Arabic script (Arabic, Persian,
// Urdu), comparable with ConsonantSkeleton() of Latin spellings.
#ifndef CORDON_NORMALIZE_ARABIC_SKELETON_H_
#define CORDON_NORMALIZE_ARABIC_SKELETON_H_

#include <string>
#include <string_view>

namespace cordon {

bool IsArabicScript(char32_t c);

// One Arabic-script word (no spaces) to its Latin consonant skeleton:
// محمد -> "mhmd", أحمد -> "hmd", خالد -> "kld", يوسف -> "sf". Short vowel
// marks, alif, waw, ya, hamza, ayn and a final ha/ta marbuta are dropped,
// matching how ConsonantSkeleton() drops Latin vowels. The definite article
// ال at the start is removed and reported through *had_article.
std::string ArabicSkeleton(std::u32string_view word, bool* had_article);

// The same word with its written long vowels kept: alif-like letters as 'a',
// waw as 'u', ya as 'i' (they are also the consonants w and y; a Latin
// spelling writes a vowel or w/y there either way). خلود -> "klud" (Khulud),
// خالد -> "kald" (Khalid), هايل -> "hail", هلیا -> "hlia". Two words with
// one skeleton but long vowels in different places are different names.
// ArabicSkeleton() is this spelling without a/u/i. الله gives "l".
std::string ArabicSpelling(std::u32string_view word, bool* had_article);

// The spelling of a Persian (or Urdu) reader: the letters Persian says
// otherwise than Arabic read its way, ث as s, ذ ض ظ as z (written s, as
// ConsonantSkeleton() writes z), ق as gh (g): مرتضی -> "mrtsi" (Morteza, not
// Murtada), کیومرث -> "kiumrs" (Kiumars), آقامیری -> "agamiri" (Aghamiri).
// Equal to ArabicSpelling() for a word with none of those letters.
std::string PersianSpelling(std::u32string_view word, bool* had_article);

// True when a word has a letter only Persian, Urdu, Pashto or Kurdish
// write (پ چ ژ گ ک ی, Urdu ہ ے ٹ ڈ ڑ): its name is read the Persian way too.
bool HasPersianLetter(std::u32string_view word);

// True when PersianSpelling(word) differs from ArabicSpelling(word).
bool ReadsOtherwiseInPersian(std::u32string_view word);

// Strips the long-vowel letters a/u/i from an ArabicSpelling() and collapses
// the doubled consonants that leaves: "hmam" -> "hm".
std::string SkeletonOfArabicSpelling(std::string_view spelling);

}  // namespace cordon

#endif  // CORDON_NORMALIZE_ARABIC_SKELETON_H_
