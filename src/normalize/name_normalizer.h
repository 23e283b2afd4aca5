// Turning a name in any script into comparable tokens.
#ifndef CORDON_NORMALIZE_NAME_NORMALIZER_H_
#define CORDON_NORMALIZE_NAME_NORMALIZER_H_

#include <string>
#include <string_view>
#include <vector>

#include "normalize/name_vocabulary.h"

namespace cordon {

struct NameToken {
  std::string text;     // lower-case ASCII romanisation ("vladimir", "jong")
  std::string display;  // the token as written, for explanations
  TokenRole role = TokenRole::kPlain;
  // `text` is a consonant skeleton (the source script writes no short
  // vowels: Arabic, Persian, Hebrew); compare with ConsonantSkeleton().
  bool consonantal = false;
  // Joined to the previous token by a hyphen (PIR-ABASSI, Jong-Un): one
  // written word, counted once when asking "how many name words agree".
  bool hyphenated = false;
};

// One way of reading a name: the tokens in written order, legal forms and
// honorifics removed.
struct NameVariant {
  std::vector<NameToken> tokens;
  // How the variant was made: "latin", "cyrillic-bgn", "korean-list",
  // "korean-rr", "korean-from-cyrillic", "pinyin", "arabic-skeleton", "icu",
  // "katakana" (a guessed source spelling of a katakana word: ReadKatakana),
  // "org-translated" (an organisation's generic words in English:
  // TranslateOrgWord).
  std::string method;
};

struct NormalizedName {
  // At least one variant when the name had any letters; the first is the
  // preferred reading. Variants are distinct.
  std::vector<NameVariant> variants;
  // Canonical legal forms found ("llc", "jsc"), in order.
  std::vector<std::string> legal_forms;
  bool has_non_latin = false;  // some of the input was in another script
};

// What is known about the name beyond its text.
struct NameHints {
  bool is_person = false;        // schema is Person: no legal forms, commas invert
  bool is_organization = false;  // schema is an organisation: legal forms expected
  // List-provided parts (may be empty). When set, tokens of `family` get
  // TokenRole::kFamily and those of `given` kGiven.
  std::string_view given;
  std::string_view family;
  // Unless is_person: a name whose generic words are in another EU language
  // (Banco, Państwo, Islamskie) also reads in English (org_word_translations.h).
  // Set for queries, not for listed names: the lists give the English names
  // themselves, and a second reading of every multilingual listed name cost
  // 15% of organisation screening throughput for no measured recall.
  bool translate_org_words = false;
};

// Normalises one name. REQUIRES: `name` is valid UTF-8 (callers validate
// user input first). Thread-safe; ICU transliterators are per thread.
// Pipeline: ASCII fast path or ICU NFKC + case folding; per-script
// romanisation (Cyrillic BGN, Hangul list style + RR, Han pinyin, Arabic
// consonant skeleton, everything else ICU Any-Latin; then Latin-ASCII to
// drop diacritics; katakana words also get up to 8 extra variants from
// ReadKatakana, the spellings a foreign name most likely had; with
// hints.translate_org_words, a name not known to be a person's whose
// generic words are in another EU language also reads in English:
// org_word_translations.h); "LAST,
// First" inversion; tokenising on spaces, hyphens
// and punctuation; honorifics dropped; legal forms extracted; roles set.
NormalizedName NormalizeName(std::string_view name, const NameHints& hints = {});

// Adds the variants of `from` that `into` lacks (same token texts), after
// its own, and its legal forms. For reading one string several ways.
void MergeVariants(NormalizedName from, NormalizedName* into);

}  // namespace cordon

#endif  // CORDON_NORMALIZE_NAME_NORMALIZER_H_
