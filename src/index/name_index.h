// The in-memory candidate index over every listed name.
//
// Built once from the loaded entities; immutable afterwards, so any number
// of threads may search it. Candidate generation never scans all names: each
// query token is looked up by exact text, phonetic key, consonant skeleton
// and one-edit deletion neighbourhood in the token vocabulary, and only
// names sharing a matching token are gathered. Candidates are kept when an
// upper bound of their score can still reach the threshold, then scored
// exactly with ScoreName().
#ifndef CORDON_INDEX_NAME_INDEX_H_
#define CORDON_INDEX_NAME_INDEX_H_

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "cordon/entity.h"
#include "index/sharded_memo.h"
#include "index/token_hash_table.h"
#include "match/name_scorer.h"
#include "match/token_similarity.h"
#include "normalize/name_normalizer.h"
#include "population/name_population.h"

namespace cordon {

// A vocabulary entry a query token matches (CompareTokens() >= 0.7).
struct VocabularyMatch {
  double score;
  uint32_t vocab;
  TokenMatchKind kind;
};

// What the index knows of one query token, worked out once per distinct
// token and shared (memo, prepared names): the vocabulary entries it
// matches, best first, and its weight.
struct TokenLookup {
  std::vector<VocabularyMatch> matches;
  float weight = 1.0f;             // the best match's weight; 1 for a token no list uses
  float population_weight = 1.0f;  // the best match's PopulationWeight()
};

class NameIndexCodec;
template <class T>
struct ArchiveFields;

// A query name prepared against the index vocabulary (weights looked up).
struct PreparedName {
  struct Variant {
    std::vector<TokenKeys> keys;
    std::vector<std::string> displays;                        // each token as written
    std::vector<ScoringToken> tokens;                         // point into `keys` and `displays`
    std::vector<std::shared_ptr<const TokenLookup>> lookups;  // per token
    std::string method;
  };
  std::vector<Variant> variants;
  std::vector<std::string> legal_forms;
  // Not copyable: tokens point into keys and displays.
  PreparedName() = default;
  PreparedName(const PreparedName&) = delete;
  PreparedName& operator=(const PreparedName&) = delete;
  PreparedName(PreparedName&&) = default;
  PreparedName& operator=(PreparedName&&) = default;
};

// One scored candidate: the best listed name of one entity.
struct NameHit {
  uint32_t entity = 0;
  uint32_t listed_name = 0;  // index into NameIndex::listed_names()
  int query_variant = 0;
  double score = 0;
  // Alias rules applied on top of the name score (see Search()).
  bool weak_alias = false;      // the list marks the alias weak: score x 0.9
  bool one_word_alias = false;  // a person's one-word alias: capped at 0.75
};

struct SearchOptions {
  // Keep hits with name score >= this. Candidates whose score bound (see
  // Search()) stays below it are dropped unscored. Routes of ScoreName() no
  // lookup covers, so a name found only through them is lost: phonetic keys
  // two edits apart (one edit is indexed), and a listed pair of parts
  // written as one query word other than letter for letter or phonetic key
  // for phonetic key. bench/candidates counts what they cost.
  // (Two edits are looked up through two-letter deletions where the scorer
  // accepts them: the longer word has eight letters or more.)
  double min_score = 0.8;
  // Entities to score regardless of name evidence (identifier matches).
  std::vector<uint32_t> forced_entities;
  // Filter: entities with a true entry are kept; null = keep all. Must
  // outlive the search and have one entry per entity.
  const std::vector<bool>* entity_allowed = nullptr;
  // Score every listed name, no candidate generation: the reference the
  // index is checked against (tests, bench/candidates). Slow.
  bool exhaustive = false;
};

struct NameIndexOptions {
  // General-population frequencies (NamePopulation) that lower the weight of
  // words many people carry; null = the lists' frequencies alone. Read
  // during Build() only.
  const NamePopulation* population = nullptr;
};

// How much a word weighs given the share of people carrying it (0: not in
// the population table): (ln(1/share) / 25.7)^1.5 in [0.1, 1], so a word one
// person in 100,000 carries or more weighs at most 0.3 and cannot alert
// alone against a longer listed name (ScoreName()'s one-word rule: 0.5 +
// weight < 0.8). SMITH (1 %) 0.1, KING (0.19 %) 0.12, HUDSON (0.06 %)
// 0.16; 1 for unknown words.
double PopulationWeight(double share);

class NameIndex {
 public:
  struct ListedName {
    uint32_t entity;
    uint16_t name;  // index into Entity::names
    uint16_t token_count;
    uint16_t distinctive_tokens;  // written words with a token that is not a particle, generic word or patronymic
    uint32_t first_token;         // into tokens_
    // Copied from the entity so scoring need not touch it: the list marks
    // the alias weak; a person's (or unclassified party's) alias, not its
    // primary name.
    bool weak = false;
    bool person_like_alias = false;
    bool has_initials = false;             // a one-letter part (E. S. Co., John B. Smith)
    std::string method;                    // normalisation variant ("latin", "korean-list", ...)
    std::vector<std::string> legal_forms;  // canonical legal forms of the name ("llc", "jsc")
  };

  // Builds the index. A word's weight comes from the lists (inverse
  // frequency among entities, squashed to [0.1, 1]); its PopulationWeight()
  // in options.population is kept beside it (ScoringToken::
  // population_weight). REQUIRES: `entities` outlives the index and is not
  // modified afterwards.
  static std::unique_ptr<NameIndex> Build(const std::vector<Entity>& entities,
                                          const NameIndexOptions& options = {});

  // Prepares a normalised query name: token keys and weights.
  PreparedName Prepare(const NormalizedName& name) const;

  // Scores candidates and returns the best hit per entity with name score
  // >= options.min_score (forced entities are returned whatever their
  // score), unordered. Beyond ScoreName(), aliases the list marks weak score
  // 0.9 of their name score, and a person's (or an unclassified party's)
  // alias with a single distinctive
  // word (a kunya, a nickname: "Mullah Idris", "Yusuf") at most 0.75: such
  // aliases need a birth date, country or identifier to alert.
  std::vector<NameHit> Search(const PreparedName& query, const SearchOptions& options) const;

  // The scoring tokens of a listed name (valid while the index lives).
  std::vector<ScoringToken> ListedTokens(uint32_t listed_name) const;

  // Entities holding a document with this NormalizeIdentifier()'d number.
  const std::vector<uint32_t>* EntitiesWithIdentifier(const std::string& normalized) const;

  const std::vector<ListedName>& listed_names() const { return names_; }
  size_t vocabulary_size() const { return vocab_.size(); }
  double TokenWeight(const std::string& text) const;

 private:
  // Snapshots (name_index_codec.h): a member added here must be listed in
  // ArchiveFields<NameIndex> there (a static_assert says so).
  friend class NameIndexCodec;
  template <class T>
  friend struct ArchiveFields;

  struct ListedToken {
    uint32_t vocab;
    TokenRole role;
    bool hyphenated;  // continues the previous token's written word
    float weight;
    // Of the token's name: the sum of the k+1 largest least shares its
    // tokens add to the denominator when left unmatched (weight x
    // MinUnmatchedListedShare()), k being this token's position.
    float penalty_top = 0;
  };
  // What the candidate bound reads of a listed name, packed.
  struct HotName {
    uint32_t entity;
    uint32_t first_token;
    uint16_t token_count;
    bool has_initials;
    // MaxMiddleBlockDiscount() of the name's tokens.
    float block_discount;
  };
  NameIndex();
  uint32_t Intern(const std::string& text, bool consonantal);
  // Rebuilds hot_names_ and initial_postings_ from names_ and postings_.
  void FinishDerived();
  // Listed token t (an index into tokens_) as ScoreName() reads it.
  ScoringToken ScoringTokenAt(uint32_t t) const;
  // What the vocabulary holds for a query token. Memoised.
  std::shared_ptr<const TokenLookup> Lookup(const TokenKeys& keys) const;
  // Vocabulary entries similar to `keys` (>= 0.7), best first, without the
  // memo.
  void MatchVocabulary(const TokenKeys& keys, std::vector<VocabularyMatch>* out) const;
  // The vocabulary id of a token's exact text, or -1.
  int64_t FindVocab(std::string_view text, bool consonantal) const;

  const std::vector<Entity>* entities_ = nullptr;
  std::vector<TokenKeys> vocab_;
  std::vector<float> vocab_weight_;                      // from the lists
  std::vector<float> vocab_population_weight_;           // PopulationWeight()
  std::vector<std::vector<uint32_t>> postings_;          // vocab -> listed names
  std::vector<std::vector<uint32_t>> initial_postings_;  // the same, only names with initials
  std::unordered_map<std::string, uint32_t> interned_;   // used while building only
  // Vocabulary lookups (token_hash_table.h), one key space per seed.
  TokenHashTable by_text_;               // text (consonantal tokens: own seed)
  TokenHashTable by_phonetic_;           // PhoneticKey
  TokenHashTable by_skeleton_;           // consonant skeleton (>= 2 letters)
  TokenHashTable by_deletion_;           // text with one letter deleted (>= 4 letters)
  TokenHashTable by_deletion2_;          // text with two letters deleted (>= 8 letters)
  TokenHashTable by_korean_;             // Korean syllable key
  TokenHashTable by_arabic_skeleton_;    // skeleton of consonantal tokens only
  TokenHashTable by_skeleton_deletion_;  // skeletons (>= 3) with one letter deleted
  // Listed names by the text of two adjacent parts joined (SAJEDI-NIA ->
  // "sajedinia"): a query writing them as one word finds the name.
  TokenHashTable compounds_;
  std::vector<ListedToken> tokens_;
  std::vector<HotName> hot_names_;  // parallel to names_
  std::vector<ListedName> names_;
  std::vector<std::vector<uint32_t>> entity_names_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_identifier_;
  // Memo of Lookup() per token (key: flags + text); see sharded_memo.h.
  // Bounded: about 200,000 distinct tokens.
  mutable ShardedMemo<std::shared_ptr<const TokenLookup>> lookups_{200000};
  // Unique per index in the process: per-thread caches of lookups tell
  // one index's from another's (a server reload, a monitor's two engines).
  uint64_t id_;
};

}  // namespace cordon

#endif  // CORDON_INDEX_NAME_INDEX_H_
