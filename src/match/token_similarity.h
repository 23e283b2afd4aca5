// Comparing two normalised name tokens.
#ifndef CORDON_MATCH_TOKEN_SIMILARITY_H_
#define CORDON_MATCH_TOKEN_SIMILARITY_H_

#include <string>
#include <string_view>

namespace cordon {

// A token with every comparison key computed once (prepare once, compare
// many). Build with MakeTokenKeys().
struct TokenKeys {
  std::string text;      // lower-case ASCII, or a consonant skeleton
  std::string phonetic;  // PhoneticKey(text); empty for consonantal tokens
  std::string skeleton;  // ConsonantSkeleton(text), or text if consonantal
  std::string korean;    // KoreanSyllableKey(text): "" unless a Korean syllable
  bool consonantal = false;
};
TokenKeys MakeTokenKeys(std::string_view text, bool consonantal);

enum class TokenMatchKind : uint8_t { kNone = 0, kExact, kRomanization, kFuzzy, kInitial, kCompound };
std::string_view TokenMatchKindName(TokenMatchKind kind);

struct TokenMatch {
  double score = 0;  // in [0,1]
  TokenMatchKind kind = TokenMatchKind::kNone;
};

// How alike a query token and a listed token are:
//   1.0  exact text
//   0.93 equal phonetic keys (another romanisation: Wladimir/Vladimir)
//   0.90 equal consonant skeletons when one side is consonantal (Arabic);
//        0.86 for three consonants, 0.78 for two (ambiguous); 0.75 for
//        one, against a Latin word of at most kMaxOneConsonantLatinLength
//        letters with vowels where the Arabic writes long ones (علي ~ Ali);
//        0.9 for الله against Allah, Ullah, Ollah
//   0.90 the same Korean syllable in two romanisations (Jong/Chong/Jeong)
//   0.7-0.9 one or two edits (a typo), scaled by length; none below 5 letters
//        but a letter left out of a five-letter word (Abbs/Abbas: 0.76),
//        unless both are shaped like Chinese/Korean syllables (Chen/Cheng)
//        (0.97 of that for an edit between phonetic keys of 6 sounds or more)
//   0.80 equal consonant skeletons (4+ consonants) of two Latin spellings
//        of similar length with vowels in the same places (Mohamed/Muhammad,
//        not Mahmoud/Mohammad)
//   0.75 an initial against a name starting with that letter
// and kNone (0) otherwise. Symmetric in its arguments.
TokenMatch CompareTokens(const TokenKeys& query, const TokenKeys& listed);

// A word shaped like one syllable of romanised Chinese or Korean: up to two
// consonants, one to three vowels, then nothing, n, ng or r (jong, hyeon,
// chao; also Jean, Sean).
bool SyllableShaped(std::string_view word);

// Longest Latin word a one-consonant Arabic-script skeleton matches (and
// the index relates to one): Ali, Aly, Alee.
inline constexpr size_t kMaxOneConsonantLatinLength = 4;

// True for a Latin token of one skeleton consonant that CompareTokens() may
// match with an Arabic-script word: a short word (Ali), or Allah written
// apart (Allah, Ullah: الله). The index relates such tokens by skeleton.
bool OneConsonantLatinWord(const TokenKeys& latin);

// Longest word the index's edit-neighbourhood lookups cover.
inline constexpr size_t kMaxIndexedWordLength = 40;

// CompareTokens() of a pair the candidate index did not relate: the index
// looks up equal texts, phonetic keys, Korean keys and skeletons, and edit
// neighbours (words of at most kMaxIndexedWordLength letters), so such a
// pair can only match through the routes it does not cover: an initial
// against a word, or phonetic keys two edits apart (0.97 x their edit
// score; keys one edit apart are looked up).
// Equal to CompareTokens() whenever CompareTokens() would have given
// < 0.7 through every indexed route; cheaper, because it skips the edit
// distance of the texts.
TokenMatch CompareTokensOutsideIndex(const TokenKeys& query, const TokenKeys& listed);

}  // namespace cordon

#endif  // CORDON_MATCH_TOKEN_SIMILARITY_H_
