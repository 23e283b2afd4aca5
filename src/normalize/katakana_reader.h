// Reading a katakana word back into the Latin spelling a foreign name most
// likely had (ウラジーミル -> vladimir, プーチン -> putin, ラブロフ -> lavrov).
#ifndef CORDON_NORMALIZE_KATAKANA_READER_H_
#define CORDON_NORMALIZE_KATAKANA_READER_H_

#include <string>
#include <string_view>
#include <vector>

namespace cordon {

// Katakana letters, the prolonged sound mark ー and the iteration marks:
// U+30A1..U+30FA and U+30FC..U+30FE (not the middle dot ・, which separates
// the parts of a name). Half-width katakana are not included: callers fold
// them first (NFKC).
bool IsKatakanaLetter(char32_t c);

// At most this many readings per word.
inline constexpr size_t kMaxKatakanaReadings = 4;

// Readings of one katakana word (IsKatakanaLetter() for every character),
// lower-case ASCII, most likely first, distinct, at most
// kMaxKatakanaReadings; empty when the word holds no katakana syllable.
//
// Japanese writes a foreign name by sound, adding a vowel after most
// consonants and merging sounds the source language tells apart, so a
// reading undoes what it can and guesses the rest:
//   - vowels Japanese adds are dropped: u after a consonant before another
//     consonant or at the word end (セルゲイ -> sergei, キム -> kim, ラブロフ ->
//     lavrov), o after t/d at the word end or before r/w (アサド -> asad,
//     アレクサンドル -> aleksandr), i after ch at the word end (ビッチ -> vich);
//     not in a first syllable unless a Latin cluster can start a word there
//     (スミス -> smis, but ルカシェンコ -> lukashenko);
//   - the prolonged sound mark and the geminate ッ add no letter (プーチン ->
//     putin); ン is m before b/p/m and ng before a vowel (ジョンウン -> jongun);
//   - small vowels combine (ディ -> di, フィ -> fi, ウィ -> wi, シェ -> she);
//   - ヴ is v; ウ starting a word before ラ行 is v (ウラジーミル -> vlad...);
//     a final フ after o or e is v (the Russian -ov, -ev);
//     フ before another consonant is h (アフマド -> ahmad);
//   - guessed per word, one reading each: r or l for ラ行 (all r, all l,
//     the first l and the rest r, the first r and the rest l); and, when
//     the word has バ行, ジ or チ, two styles: b, ji, chi as written, or the
//     Russian renderings v, di, ti (ウラジーミル -> vladimir, プーチン -> putin).
// Not a general transliterator: a Japanese word gets a reading too, and it
// is meaningless (the caller keeps the ICU reading next to these).
// Thread-safe, no allocation beyond the result.
std::vector<std::string> ReadKatakana(std::u32string_view word);

}  // namespace cordon

#endif  // CORDON_NORMALIZE_KATAKANA_READER_H_
