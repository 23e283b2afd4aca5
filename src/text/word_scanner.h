// Splitting running text into words with byte offsets, and the cheap
// per-word keys the text screener compares: a case/diacritic fold in the
// word's own script, a Latin romanisation, and inflection-stripped forms.
// No ICU transliterator on this path (it must run at several MB/s).
#ifndef CORDON_TEXT_WORD_SCANNER_H_
#define CORDON_TEXT_WORD_SCANNER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"  // DecodeUtf8, AppendUtf8, CountCodePoints

namespace cordon {

enum class WordScript : uint8_t { kLatin = 0, kCyrillic, kGreek, kHangul, kArabic, kCjk, kOther };

struct TextWord {
  size_t start = 0;  // byte offsets into the scanned text
  size_t end = 0;
  WordScript script = WordScript::kLatin;
  bool capitalized = false;  // first letter is upper case (cased scripts only)
  // Only whitespace (spaces, tabs, at most one line break... or a soft
  // hyphenated line break) separates this word from the previous one, so
  // both may belong to one name.
  bool joined_to_previous = false;
  // The word is followed directly by ".", e.g. an abbreviation or a
  // sentence end.
  bool followed_by_period = false;
};

// Splits `text` (valid UTF-8) into words: runs of letters, digits and marks,
// with inner hyphens and apostrophes ("Jong-un", "O'Neil", "Putin's") kept
// inside the word. A run of CJK ideographs/kana is one word. Appends to *out.
void ScanWords(std::string_view text, std::vector<TextWord>* out);

// Lower case, Latin diacritics dropped (é -> e, ß -> ss), Cyrillic ё -> е,
// Arabic alef/ya/ta-marbuta variants unified, tatweel and short vowel marks
// dropped. Keeps the script otherwise.
std::string FoldWord(std::string_view word);

// A quick lower-case ASCII romanisation of a folded Latin or Cyrillic word
// (BGN-like for Cyrillic); "" for other scripts.
std::string RomanizeFolded(std::string_view folded);

// Forms of a folded word with inflections removed, most specific first,
// the word itself excluded: Russian case endings (путина -> путин, ына ->
// ын), German/English genitive s ('s), Korean particles (북한의 -> 북한),
// Arabic conjunction/preposition prefixes (وإيران -> ايران).
// `lang` ("auto" or ISO 639-1) narrows the rules: a bare genitive s is only
// stripped in "auto" and Germanic languages (de, en, nl, sv, da, no).
std::vector<std::string> InflectionVariants(std::string_view folded, WordScript script,
                                            std::string_view lang);

// The stem used to compare Cyrillic gazetteer words symmetrically (Россия,
// России, Россией -> росси). Other scripts: the word itself.
std::string CyrillicStem(std::string_view folded);


}  // namespace cordon

#endif  // CORDON_TEXT_WORD_SCANNER_H_
