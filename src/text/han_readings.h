// Readings of Han characters for finding personal names in Chinese and
// Japanese text, which writes no spaces: the Mandarin pinyin of a character
// and its Korean (Hangul) readings, from tables generated from Unihan
// (han_readings.inc, see gen_han_readings.py), and which characters begin
// a Chinese or Korean family name.
#ifndef CORDON_TEXT_HAN_READINGS_H_
#define CORDON_TEXT_HAN_READINGS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cordon {

// True for a CJK ideograph (Unified, Extension A, Compatibility), not kana.
bool IsHanCharacter(char32_t c);

// Toneless ASCII pinyin of an ideograph in U+4E00..U+9FFF (李 -> "li",
// 伟 -> "wei"); "" when Unihan gives none or c is outside the block.
std::string_view PinyinOf(char32_t c);

// The same as an index into the table of toneless pinyin syllables (0: no
// reading), for callers that keep something per syllable.
size_t PinyinIndexOf(char32_t c);
size_t PinyinSyllableCount();
std::string_view PinyinSyllable(size_t index);  // REQUIRES: index < PinyinSyllableCount()

// Korean readings (precomposed Hangul syllables) of an ideograph, written
// into out[0..1], the reading used in personal names first (金 -> 김, 금);
// simplified forms read as their traditional form (龙 -> 룡, 용). Returns
// how many (0, 1 or 2).
int HangulReadingsOf(char32_t c, char32_t out[2]);

// Length in characters (1 or 2) of the Chinese or Korean family name that
// begins at name[0] (李, 金, 崔; compounds 欧阳, 司马, 南宫, 鲜于), in
// simplified or traditional writing; 0 when name[0] begins no common
// family name.
size_t HanFamilyNameLength(std::u32string_view name);

// Every family name HanFamilyNameLength() knows: one character each, then
// the two-character compounds.
std::vector<std::u32string> HanFamilyNames();

// Word boundaries (character indices into `run`, 0 and run.size()
// included, ascending) that ICU's dictionary-based word break iterator
// finds in a run of Han characters and kana (Japanese rules when the run
// holds kana, else Chinese). Personal names are mostly not in its
// dictionary; ordinary words are (周围 "around", 金融 "finance"). Thread-safe.
std::vector<size_t> HanWordBoundaries(std::u32string_view run);

}  // namespace cordon

#endif  // CORDON_TEXT_HAN_READINGS_H_
