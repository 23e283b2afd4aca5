// Scoring one query name against one listed name, with the alignment that
// explains the score.
#ifndef CORDON_MATCH_NAME_SCORER_H_
#define CORDON_MATCH_NAME_SCORER_H_

#include <string_view>
#include <vector>

#include "match/token_similarity.h"
#include "normalize/name_vocabulary.h"

namespace cordon {

// A token ready for scoring. `keys` must outlive the call.
struct ScoringToken {
  const TokenKeys* keys = nullptr;
  std::string_view display;
  TokenRole role = TokenRole::kPlain;
  float weight = 1.0f;      // evidence weight in [0,1]: rare tokens ~1, KIM ~0.2
  // How rare the word is in a general population (PopulationWeight():
  // HUDSON 0.16, 1 when unknown), where `weight` says how rare it is in the
  // lists (HUDSON ~1). Read only where one word decides (ScoreName()).
  float population_weight = 1.0f;
  bool hyphenated = false;  // continues the previous token's written word
};

struct TokenPair {
  int query = -1;
  int query2 = -1;  // second query token of a compound (Jong Un ~ Jongun)
  int listed = -1;
  int listed2 = -1;  // second listed token of a compound
  TokenMatch match;
  double weight = 0;
};

struct NameScoreDetail {
  double score = 0;
  std::vector<TokenPair> pairs;
  std::vector<int> unmatched_query;
  std::vector<int> unmatched_listed;
  bool single_token_cap = false;  // a single-word rule capped the score
  // The single word is common in the general population (ScoringToken::
  // population_weight) and that lowered the cap.
  bool population_cap = false;
};

// Order-independent alignment: every query token is paired with at most one
// listed token (or an adjacent pair, for compounds), best pairs first. The
// score is
//     sum(similarity * pair weight) /
//     (sum(pair weight) + sum(unmatched query weight)
//      + sum(unmatched listed weight * leniency(role)))
// where leniency is lower for parts users often leave out (patronymic 0.15,
// a middle name 0.25 -- a listed given name after a given name that matched,
// a second surname when another surname matched (SANTANILLA BOTACHE),
// or an unlabelled part between the first and last distinctive parts, of
// four letters or more --,
// generic words 0.3, other name parts 0.6, particles 0). A single
// distinctive query token matching one part of a longer name scores at most
// 0.7, so a surname or given name alone never reaches the default threshold;
// a one-word query against a one-word name scores at most 0.5 + its weight,
// so a common word alone (MOHAMED, a weak one-word alias) does not alert
// (with words left over on either side, the lower of its weight and its
// population_weight: Hudson Inc against HUDSON ENGINEERING LTD);
// and a score needs an anchor (one distinctive part equal exactly, in another
// romanisation or as a compound): typos and initials alone stop at 0.70.
// `detail` may be null (then only the score is computed). At most 32 tokens
// per side are considered. No allocation when detail is null.
// `similarities`, when not null, holds CompareTokens(query[i], listed[j]) at
// [i * listed_count + j] for every pair (the caller may know them already);
// the result is the same either way.
// Whether `whole` is `a` and `b` written as one word: "jong" + "un" ==
// "jongun", or their phonetic keys joined (three sounds or more a part); for
// Arabic-script tokens their consonant skeletons joined, each part with two
// consonants or more (Allah's bare "l" excepted): نصر الله ~ Nasrallah.
// Initials are never halves.
bool CompoundEquals(const TokenKeys& a, const TokenKeys& b, const TokenKeys& whole);

// The smallest share of its weight query token i (of the n in `query`)
// adds to the score's denominator when it stays unmatched (ScoreName's
// penalty): less for a word the list may leave out as a middle name (a
// given name after another given name, a second surname, an unlabelled
// part between two distinctive parts; of four letters or more, or an
// initial; not a Korean or Chinese syllable, nor an Arabic-script word of
// fewer than three consonants). The index uses it to bound a candidate's
// score before scoring it.
double MinUnmatchedQueryShare(const ScoringToken* query, size_t n, size_t i);

// The smallest share of its weight a listed token of this role and length
// adds to the denominator when it stays unmatched (a possible middle name's
// 0.25, a patronymic's 0.15, ...). For the same bound.
double MinUnmatchedListedShare(TokenRole role, size_t letters);

// Several middle names left out are one omission: ScoreName() charges the
// heaviest of the listed given names and second surname left out a middle
// name's share and the others nothing. At most this much of the sum of
// MinUnmatchedListedShare() x weight over a listed name's unmatched tokens
// is so waived (a quarter of the weights of the parts that may join such a
// block, the heaviest apart). For the bound.
double MaxMiddleBlockDiscount(const ScoringToken* listed, size_t n);

// A name whose aligned parts include no anchor scores at most this.
inline constexpr double kUnanchoredCap = 0.7;

// Whether an aligned pair of this kind anchors a name when its query token
// has this role and length: an exact, romanised or compound match of a
// distinctive part (or a patronymic), never a one-letter initial.
bool AnchorsName(TokenMatchKind kind, TokenRole query_role, size_t query_letters, bool query_consonantal);

double ScoreName(const ScoringToken* query, size_t query_count, const ScoringToken* listed,
                 size_t listed_count, NameScoreDetail* detail, const TokenMatch* similarities = nullptr);

}  // namespace cordon

#endif  // CORDON_MATCH_NAME_SCORER_H_
