// Romanising Korean personal names written in Hangul.
//
// ICU's Hangul-Latin gives Revised Romanization run together ("gimjeong-eun"
// for 김정은), while sanctions lists write DPRK names in a simplified
// McCune-Reischauer style with syllables separated ("Kim Jong Un", "Ri Sung
// Il", "Choe Ryong Hae"). This romaniser works syllable by syllable and
// returns several whole-name variants so either spelling can match.
#ifndef CORDON_NORMALIZE_KOREAN_ROMANIZER_H_
#define CORDON_NORMALIZE_KOREAN_ROMANIZER_H_

#include <string>
#include <string_view>
#include <vector>

namespace cordon {

// True for a precomposed Hangul syllable (U+AC00..U+D7A3).
bool IsHangulSyllable(char32_t c);

// Romanises one run of Hangul syllables (UTF-32). Each syllable becomes its
// own lower-case token; the output lists variants, first the list style
// (simplified McCune-Reischauer: 김정은 -> "kim jong un"), then Revised
// Romanization ("gim jeong eun"), then conventional surname spellings
// ("lee", "park", "choi") where they differ. Variants are distinct.
std::vector<std::vector<std::string>> RomanizeHangul(std::u32string_view syllables);

// A Cyrillic-written Korean name (Kontsevich system, as Russian media write
// DPRK names: "Ким Чен Ын") back to the list style ("kim jong un"). Input is
// the lower-case Cyrillic tokens; returns variants (the list style first),
// or nothing unless the name looks Korean (a Korean surname first, then 1-3
// short one-syllable tokens).
std::vector<std::vector<std::string>> KoreanFromCyrillic(
    const std::vector<std::u32string>& tokens);

}  // namespace cordon

#endif  // CORDON_NORMALIZE_KOREAN_ROMANIZER_H_
