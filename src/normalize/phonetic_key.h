// Keys that make different romanisations of one name compare equal.
#ifndef CORDON_NORMALIZE_PHONETIC_KEY_H_
#define CORDON_NORMALIZE_PHONETIC_KEY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cordon {

// A vowel of a lower-case ASCII name token: a, e, i, o, u, and y (which
// romanisations write for i: Yuri, Aly).
inline bool IsLatinVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// Romanisation-insensitive key of one lower-case ASCII token. Collapses the
// spelling differences between transliteration systems and languages:
// German/French/English/ICAO/BGN renderings of Cyrillic (Wladimir, Vladimir;
// Poutine, Putin; Chruschtschow, Khrushchev, Hruschov), digraphs (kh/h,
// ph/f, zh/j, sch/sh, tsch/ch, ou/u, eo/o, dh/d, ei/ey/ai: Qadhafi,
// Qaddafi; Seif, Saif, Hussein, Husayn), an initial o/u in words of four
// letters or more (Osman, Usman), y/i, w/v, c/k, doubled letters,
// a final silent e, and a final h after a vowel in words of six letters or
// more (Usamah, Abdallah). Not a general phonetic algorithm: it never merges
// consonants of different places (b/p, d/t stay apart).
std::string PhoneticKey(std::string_view token);

// Consonant skeleton of one lower-case ASCII token: vowels, y, w and h
// dropped after the first letter, doubled letters collapsed ("muhammad" ->
// "mhmd", "mohamed" -> "mhmd"). Used to compare Latin names with scripts
// that write no short vowels (Arabic, Persian, Hebrew).
std::string ConsonantSkeleton(std::string_view token);

// Which vowels a word writes between the consonants of its skeleton:
// slots[j] is a mask of kVowel* bits for what stands before skeleton
// consonant j; slots[size] is after the last. Size is skeleton size + 1.
// Latin words (the letters ConsonantSkeleton() drops): a -> A; e, i -> A|I;
// o, u -> A|U; y -> I; w, v -> U; ' -> A. ArabicSpelling() strings: the long
// vowels a -> A (alif), u -> U (waw), i -> I (ya).
// "khalid" -> skeleton "kld", slots {0, A, A|I, 0}; "klud" -> {0, 0, U, 0}.
// A Latin slot that spells a long vowel (ou, oo, ee: Mahmoud, Saeed) also
// has kVowelLong.
inline constexpr uint8_t kVowelA = 1;
inline constexpr uint8_t kVowelU = 2;
inline constexpr uint8_t kVowelI = 4;
inline constexpr uint8_t kVowelLong = 8;
std::vector<uint8_t> VowelSlots(std::string_view token, bool arabic_spelling);

// Key of a token that reads as one romanised Korean syllable, in any of the
// systems lists and customers use (McCune-Reischauer, Revised, DPRK and
// conventional spellings): "jong", "chong", "jeong" -> "jong"; "kim", "gim"
// -> "kim"; "un", "eun" -> "un"; "ri", "lee" -> "ri"; "pak", "park", "bak"
// -> "pak". Returns "" when the token is not a Korean syllable.
std::string KoreanSyllableKey(std::string_view token);

}  // namespace cordon

#endif  // CORDON_NORMALIZE_PHONETIC_KEY_H_
