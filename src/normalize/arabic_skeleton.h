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

}  // namespace cordon

#endif  // CORDON_NORMALIZE_ARABIC_SKELETON_H_
