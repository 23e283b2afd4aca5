#include "index/name_index.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>
#include <thread>

#include "match/attribute_scorer.h"
#include "normalize/listed_name_forms.h"

namespace cordon {
namespace {

// Calls fn(key) for each phonetic key `phonetic` gives with some of its k
// and g read as the other (k is also how a key writes q), none when it has
// more than three of them.
template <typename Fn>
void ForEachQafKey(const std::string& phonetic, Fn fn) {
  std::array<size_t, 3> at{};
  size_t n = 0;
  for (size_t i = 0; i < phonetic.size(); ++i) {
    if (phonetic[i] != 'k' && phonetic[i] != 'g') continue;
    if (n == at.size()) return;
    at[n++] = i;
  }
  std::string flipped = phonetic;
  for (uint32_t mask = 1; mask < (1u << n); ++mask) {
    for (size_t b = 0; b < n; ++b) {
      const char c = phonetic[at[b]];
      flipped[at[b]] = (mask >> b) & 1u ? (c == 'k' ? 'g' : 'k') : c;
    }
    fn(flipped);
  }
}

float RoleMultiplier(TokenRole role) {
  switch (role) {
    case TokenRole::kParticle:
    case TokenRole::kLegalForm:
      return 0.0f;
    case TokenRole::kGeneric:
      return 0.3f;
    case TokenRole::kPatronymic:
      return 0.7f;
    default:
      return 1.0f;
  }
}

NameHints HintsFor(const Entity& e, const Name& n) {
  NameHints h;
  h.is_person = e.schema == Schema::kPerson;
  h.is_organization = IsOrganizationLike(e.schema) && e.schema != Schema::kLegalEntity;
  h.given = n.given;
  h.family = n.family;
  return h;
}

// Names of up to this many tokens choose their minor tokens among every
// subset (2^n bound checks); longer ones greedily.
constexpr size_t kMaxMinorSearchTokens = 8;

// Key spaces of the lookup tables.
constexpr uint64_t kSeedText = 1, kSeedConsonantal = 2, kSeedPhonetic = 3, kSeedSkeleton = 4,
                   kSeedDeletion = 5, kSeedKorean = 6, kSeedArabicSkeleton = 7, kSeedSkeletonDeletion = 8,
                   kSeedCompound = 9, kSeedArabicSkeletonDeletion = 10, kSeedDeletion2 = 11,
                   kSeedCompoundPhonetic = 12, kSeedPhoneticDeletion = 13, kSeedCompoundSkeleton = 14;

// FuzzyScore allows two edits when the longer word has eight letters or
// more; listed words that long get their two-letter deletions indexed.
constexpr size_t kTwoEditsMinLength = 8;

// HashToken() of `token` without the letters at `i` < `j`.
uint64_t HashWithout2(std::string_view token, size_t i, size_t j, uint64_t seed) {
  char buf[64];
  size_t n = 0;
  for (size_t k = 0; k < token.size() && n < sizeof(buf); ++k) {
    if (k != i && k != j) buf[n++] = token[k];
  }
  return HashToken(std::string_view(buf, n), seed);
}

// Per-thread memo of CompareTokens(query token, vocabulary token) for the
// query being searched: candidate names share many tokens (AL, MOHAMMED,
// KIM), so each pair is compared once per query. Open addressing over a
// fixed table; a new query bumps the stamp instead of clearing it; when the
// table is too full, pairs are simply compared again.
class PairMemo {
 public:
  void NewQuery() {
    if (++stamp_ == 0) {
      for (Entry& e : table_) e.stamp = 0;
      stamp_ = 1;
    }
    used_ = 0;
  }
  // `slot` names the query token (variant and position); `vocab` the listed one.
  template <typename Compute>
  TokenMatch Get(uint32_t slot, uint32_t vocab, Compute compute) {
    uint64_t key = (static_cast<uint64_t>(slot) << 32) | vocab;
    size_t pos = (key * 0x9e3779b97f4a7c15ULL) >> (64 - kBits);
    for (int probe = 0; probe < 8; ++probe, pos = (pos + 1) & (kSize - 1)) {
      Entry& e = table_[pos];
      if (e.stamp != stamp_) {
        if (used_ >= kSize / 2) break;
        ++used_;
        TokenMatch m = compute();
        e = {key, stamp_, m.score, m.kind};
        return m;
      }
      if (e.key == key) return {e.score, e.kind};
    }
    return compute();
  }

 private:
  static constexpr int kBits = 14;
  static constexpr size_t kSize = size_t{1} << kBits;
  struct Entry {
    uint64_t key = 0;
    uint32_t stamp = 0;
    double score = 0;
    TokenMatchKind kind = TokenMatchKind::kNone;
  };
  std::vector<Entry> table_ = std::vector<Entry>(kSize);
  uint32_t stamp_ = 0;
  size_t used_ = 0;
};

// Per query variant: vocabulary entry -> the latest of its credit entries
// (each links to the previous one). Open addressing over a table sized to
// the query's credits (tens), so lookups stay in cache.
class CreditIndex {
 public:
  void Reset(size_t credits) {
    // At most a quarter full: most lookups are misses (a listed token no
    // query token matched), which stop at the first empty slot.
    size_t size = 64;
    shift_ = 58;
    while (size < 4 * credits) {
      size *= 2;
      --shift_;
    }
    keys_.assign(size, kEmpty);
    heads_.resize(size);
    mask_ = size - 1;
    filter_ = 0;
  }
  // The latest entry of `vocab`, or UINT32_MAX.
  uint32_t Find(uint32_t vocab) const {
    // A 64-bit filter answers most misses without touching the table.
    if (((filter_ >> (vocab & 63)) & 1u) == 0) return UINT32_MAX;
    for (size_t pos = Hash(vocab);; pos = (pos + 1) & mask_) {
      if (keys_[pos] == vocab) return heads_[pos];
      if (keys_[pos] == kEmpty) return UINT32_MAX;
    }
  }
  // Makes `entry` the latest of `vocab`; returns the previous latest (or
  // UINT32_MAX). REQUIRES: fewer insertions than Reset() was told.
  uint32_t Push(uint32_t vocab, uint32_t entry) {
    filter_ |= uint64_t{1} << (vocab & 63);
    for (size_t pos = Hash(vocab);; pos = (pos + 1) & mask_) {
      if (keys_[pos] == kEmpty) {
        keys_[pos] = vocab;
        heads_[pos] = entry;
        return UINT32_MAX;
      }
      if (keys_[pos] == vocab) {
        uint32_t previous = heads_[pos];
        heads_[pos] = entry;
        return previous;
      }
    }
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  // Fibonacci hashing: the top bits of the product.
  size_t Hash(uint32_t vocab) const { return static_cast<size_t>((vocab * 0x9e3779b97f4a7c15ULL) >> shift_); }
  std::vector<uint32_t> keys_, heads_;
  size_t mask_ = 0;
  int shift_ = 58;
  uint64_t filter_ = 0;
};

// What the gathering credited to each listed name it reached, in a small
// hash table (tens of names a query; a table over all names would cost a
// cache miss per name).
class Accumulator {
 public:
  struct Entry {
    uint32_t name;
    float num = 0;
    uint32_t mask = 0;      // query tokens credited
    bool anchored = false;  // some credited pair may anchor the name
  };
  void Reset() {
    entries_.clear();
    if (++stamp_ == 0) {
      for (Slot& s : table_) s.stamp = 0;
      stamp_ = 1;
    }
  }
  // The entry of `name`, added when new.
  Entry& Touch(uint32_t name) {
    if (2 * (entries_.size() + 1) > table_.size()) Grow();
    const size_t mask = table_.size() - 1;
    for (size_t pos = Hash(name) & mask;; pos = (pos + 1) & mask) {
      Slot& s = table_[pos];
      if (s.stamp != stamp_) {
        s = {name, stamp_, static_cast<uint32_t>(entries_.size())};
        entries_.push_back({name});
        return entries_.back();
      }
      if (s.name == name) return entries_[s.index];
    }
  }
  std::vector<Entry>& entries() { return entries_; }

 private:
  struct Slot {
    uint32_t name = 0;
    uint32_t stamp = 0;
    uint32_t index = 0;
  };
  static size_t Hash(uint32_t name) { return (name * 0x9e3779b97f4a7c15ULL) >> 40; }
  void Grow() {
    std::vector<Slot> old = std::move(table_);
    table_.assign(std::max<size_t>(1024, 2 * old.size()), Slot());
    ++stamp_;
    if (stamp_ == 0) stamp_ = 1;
    const size_t mask = table_.size() - 1;
    for (uint32_t k = 0; k < entries_.size(); ++k) {
      size_t pos = Hash(entries_[k].name) & mask;
      while (table_[pos].stamp == stamp_) pos = (pos + 1) & mask;
      table_[pos] = {entries_[k].name, stamp_, k};
    }
  }
  std::vector<Slot> table_;
  std::vector<Entry> entries_;
  uint32_t stamp_ = 1;
};

}  // namespace

namespace {
std::atomic<uint64_t> next_index_id{1};
}  // namespace

NameIndex::NameIndex() : id_(next_index_id.fetch_add(1)) {}

uint32_t NameIndex::Intern(const std::string& text, bool consonantal) {
  std::string key = consonantal ? "#" + text : text;
  auto it = interned_.find(key);
  if (it != interned_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(vocab_.size());
  interned_.emplace(key, id);
  vocab_.push_back(MakeTokenKeys(text, consonantal));
  postings_.emplace_back();
  return id;
}

int64_t NameIndex::FindVocab(std::string_view text, bool consonantal) const {
  for (uint32_t v : by_text_.Find(HashToken(text, consonantal ? kSeedConsonantal : kSeedText))) {
    if (vocab_[v].consonantal == consonantal && vocab_[v].text == text) return v;
  }
  return -1;
}

double PopulationWeight(double share) {
  if (!(share > 0)) return 1.0;
  // 25.7 = ln(1e5) / 0.3^(2/3): a share of 1e-5 weighs exactly 0.3.
  constexpr double kScale = 25.7;
  return std::clamp(std::pow(std::log(1.0 / std::min(share, 1.0)) / kScale, 1.5), 0.1, 1.0);
}

std::unique_ptr<NameIndex> NameIndex::Build(const std::vector<Entity>& entities,
                                            const NameIndexOptions& options) {
  std::unique_ptr<NameIndex> index(new NameIndex());
  index->entities_ = &entities;
  index->entity_names_.resize(entities.size());
  std::vector<uint32_t> df;
  std::vector<uint32_t> last_entity;
  std::vector<std::pair<uint64_t, uint32_t>> compound_entries;
  // Normalising the names (ICU transliteration) is most of the build: each
  // block of entities is normalised on all cores, then interned in order, so
  // the index is the same whatever the thread count and little is held.
  constexpr uint32_t kBlock = 4096;
  const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
  // Per entity, per name, its forms (ListedNameForms: "X (ACRONYM)" and
  // "A; B" hold several) normalised, with whether the form is an acronym.
  struct FormNorm {
    NormalizedName norm;
    bool acronym = false;
  };
  std::vector<std::vector<std::vector<FormNorm>>> block(kBlock);
  for (uint32_t e = 0; e < entities.size(); ++e) {
    if (e % kBlock == 0) {
      const uint32_t end = static_cast<uint32_t>(std::min<size_t>(entities.size(), size_t{e} + kBlock));
      std::atomic<uint32_t> next{e};
      auto work = [&] {
        for (uint32_t x = next++; x < end; x = next++) {
          const Entity& ent = entities[x];
          std::vector<std::vector<FormNorm>>& out = block[x - e];
          out.resize(std::min<size_t>(ent.names.size(), 0xFFFF));
          for (size_t n = 0; n < out.size(); ++n) {
            out[n].clear();
            const std::string& full = ent.names[n].full;
            std::vector<ListedNameForm> forms = ListedNameForms(full);
            // The string as written stays a form too (a customer record may
            // carry the same "(ACRONYM)"), unless it lists several names.
            if (forms.size() > 1 && full.find(';') == std::string::npos) forms.push_back({full, false});
            for (ListedNameForm& form : forms) {
              out[n].push_back({NormalizeName(form.text, HintsFor(ent, ent.names[n])), form.acronym});
            }
          }
        }
      };
      std::vector<std::thread> pool;
      for (unsigned t = 1; t < threads && end - e > 64; ++t) pool.emplace_back(work);
      work();
      for (auto& t : pool) t.join();
    }
    const Entity& entity = entities[e];
    for (uint16_t n = 0; n < entity.names.size() && n < 0xFFFF; ++n) {
      const Name& name = entity.names[n];
      for (const FormNorm& form : block[e % kBlock][n]) {
        const NormalizedName& norm = form.norm;
        for (const NameVariant& variant : norm.variants) {
          ListedName ln;
          ln.entity = e;
          ln.name = n;
          ln.first_token = static_cast<uint32_t>(index->tokens_.size());
          ln.distinctive_tokens = 0;
          bool word_counted = false;  // the current written word is counted
          ln.token_count = static_cast<uint16_t>(std::min<size_t>(variant.tokens.size(), 32));
          ln.method = variant.method;
          ln.legal_forms = norm.legal_forms;
          ln.weak = name.quality == NameQuality::kWeak || form.acronym;
          ln.person_like_alias =
              (entity.schema == Schema::kPerson || entity.schema == Schema::kLegalEntity) &&
              name.type != NameType::kPrimary;
          uint32_t name_id = static_cast<uint32_t>(index->names_.size());
          for (size_t t = 0; t < ln.token_count; ++t) {
            const NameToken& tok = variant.tokens[t];
            uint32_t v = index->Intern(tok.text, tok.consonantal);
            if (df.size() <= v) {
              df.resize(v + 1, 0);
              last_entity.resize(v + 1, UINT32_MAX);
            }
            if (last_entity[v] != e) {
              last_entity[v] = e;
              ++df[v];
            }
            auto& post = index->postings_[v];
            if (post.empty() || post.back() != name_id) post.push_back(name_id);
            index->tokens_.push_back({v, tok.role, tok.hyphenated, 0.0f});
            bool distinctive = tok.role != TokenRole::kParticle && tok.role != TokenRole::kGeneric &&
                               tok.role != TokenRole::kPatronymic && tok.role != TokenRole::kLegalForm;
            // Counted per written word: the parts of SA-ID or JAMAL-AL-DIN are
            // one word, so such an alias alone is a one-word alias.
            if (!tok.hyphenated) word_counted = false;
            if (distinctive && !word_counted) {
              ++ln.distinctive_tokens;
              word_counted = true;
            }
            ln.has_initials = ln.has_initials || (tok.text.size() == 1 && !tok.consonantal);
            if (t > 0 && !tok.consonantal && !variant.tokens[t - 1].consonantal && tok.text.size() >= 2 &&
                variant.tokens[t - 1].text.size() >= 2) {
              compound_entries.push_back(
                  {HashToken(variant.tokens[t - 1].text + tok.text, kSeedCompound), name_id});
              // The same pair by phonetic keys, as CompoundEquals() joins them
              // (PIR-ABASSI ~ PIRABBASI, Kamal Eddin ~ KAMALEDDINE).
              const TokenKeys& a = index->vocab_[index->tokens_[index->tokens_.size() - 2].vocab];
              const TokenKeys& b = index->vocab_[v];
              if (a.phonetic.size() >= 3 && b.phonetic.size() >= 3) {
                compound_entries.push_back(
                    {HashToken(a.phonetic + b.phonetic, kSeedCompoundPhonetic), name_id});
              }
              // And by skeletons, for one Arabic-script word (CompoundEquals:
              // Mohammed Reza ~ محمدرضا, Mohammad Ali ~ محمدعلی).
              if (a.skeleton.size() + b.skeleton.size() >= 3 && !a.skeleton.empty() && !b.skeleton.empty()) {
                compound_entries.push_back(
                    {HashToken(a.skeleton + b.skeleton, kSeedCompoundSkeleton), name_id});
              }
            }
          }
          index->names_.push_back(std::move(ln));
          index->entity_names_[e].push_back(name_id);
        }
      }
    }
    for (const IdentityDocument& doc : entity.documents) {
      std::string id = NormalizeIdentifier(doc.number);
      if (id.size() < 4) continue;
      auto& v = index->by_identifier_[id];
      if (v.empty() || v.back() != e) v.push_back(e);
    }
  }
  // Weights: inverse document frequency over entities, squashed to [0.1,1];
  // apart, how common the word is in the general population (not for
  // consonant skeletons: their letters are no word).
  const double n_entities = std::max<double>(2.0, static_cast<double>(entities.size()));
  const double log_n = std::log(n_entities);
  index->vocab_weight_.resize(index->vocab_.size());
  index->vocab_population_weight_.resize(index->vocab_.size());
  for (uint32_t v = 0; v < index->vocab_.size(); ++v) {
    double idf = std::log(n_entities / std::max<uint32_t>(1, df[v])) / log_n;
    index->vocab_weight_[v] = static_cast<float>(std::clamp(std::pow(idf, 1.5), 0.1, 1.0));
    const TokenKeys& keys = index->vocab_[v];
    const double share =
        options.population != nullptr && !keys.consonantal ? options.population->Share(keys.text) : 0.0;
    index->vocab_population_weight_[v] = static_cast<float>(PopulationWeight(share));
  }
  for (ListedToken& t : index->tokens_) t.weight = index->vocab_weight_[t.vocab] * RoleMultiplier(t.role);
  // Per name, the least each listed token adds to the denominator when left
  // unmatched, largest first, as running sums (the candidate bound).
  {
    std::vector<float> pens;
    for (const ListedName& ln : index->names_) {
      pens.clear();
      // ScoreName() reads at most 32 tokens a side.
      for (uint32_t t = ln.first_token; t < ln.first_token + std::min<uint32_t>(ln.token_count, 32); ++t) {
        const ListedToken& lt = index->tokens_[t];
        pens.push_back(lt.weight * static_cast<float>(MinUnmatchedListedShare(
                                       lt.role, index->vocab_[lt.vocab].text.size())));
      }
      std::sort(pens.begin(), pens.end(), std::greater<float>());
      float sum = 0;
      for (size_t k = 0; k < pens.size(); ++k)
        index->tokens_[ln.first_token + k].penalty_top = sum += pens[k];
    }
  }
  // Lookup tables over the vocabulary.
  std::vector<std::pair<uint64_t, uint32_t>> text, phonetic, skeleton, deletion, korean, arabic,
      skeleton_deletion, deletion2;
  for (uint32_t v = 0; v < index->vocab_.size(); ++v) {
    const TokenKeys& k = index->vocab_[v];
    text.push_back({HashToken(k.text, k.consonantal ? kSeedConsonantal : kSeedText), v});
    if (!k.consonantal) {
      phonetic.push_back({HashToken(k.phonetic, kSeedPhonetic), v});
      // A word with q also under its key with k and g read either way
      // (QafReadAsG: Qadhafi is found by Gaddafi's key); a query word with
      // q looks those up itself (MatchVocabulary).
      if (k.text.find('q') != std::string::npos) {
        ForEachQafKey(k.phonetic, [&](const std::string& key) {
          phonetic.push_back({HashToken(key, kSeedPhonetic), v});
        });
      }
      // Phonetic keys one edit apart (PhoneticFuzzyScore: keys of six
      // sounds or more): their deletions, kept in the text deletion table
      // under their own seed. (Two edits, allowed from eight sounds, are not
      // indexed: their two-letter deletions cost 58 MB for 0 of 1,604
      // bench/candidates hits.)
      if (k.phonetic.size() >= 6 && k.phonetic.size() <= kMaxIndexedWordLength) {
        for (size_t i = 0; i < k.phonetic.size(); ++i)
          deletion.push_back({HashTokenWithout(k.phonetic, i, kSeedPhoneticDeletion), v});
      }
      if (k.text.size() >= 4) {
        for (size_t i = 0; i < k.text.size(); ++i)
          deletion.push_back({HashTokenWithout(k.text, i, kSeedDeletion), v});
      }
      if (k.text.size() >= kTwoEditsMinLength && k.text.size() <= kMaxIndexedWordLength) {
        for (size_t i = 0; i < k.text.size(); ++i) {
          for (size_t j = i + 1; j < k.text.size(); ++j)
            deletion2.push_back({HashWithout2(k.text, i, j, kSeedDeletion2), v});
        }
      }
    }
    // (One-consonant Latin skeletons where one may match: علي ~ Ali.)
    if (k.skeleton.size() >= 2 || OneConsonantLatinWord(k)) {
      skeleton.push_back({HashToken(k.skeleton, kSeedSkeleton), v});
    }
    if (k.consonantal && !k.skeleton.empty())
      arabic.push_back({HashToken(k.skeleton, kSeedArabicSkeleton), v});
    if (k.skeleton.size() >= 3) {
      for (size_t i = 0; i < k.skeleton.size(); ++i) {
        skeleton_deletion.push_back(
            {HashTokenWithout(k.skeleton, i,
                              k.consonantal ? kSeedArabicSkeletonDeletion : kSeedSkeletonDeletion),
             v});
      }
    }
    if (!k.korean.empty()) korean.push_back({HashToken(k.korean, kSeedKorean), v});
  }
  index->by_text_ = TokenHashTable::Build(std::move(text));
  index->by_phonetic_ = TokenHashTable::Build(std::move(phonetic));
  index->by_skeleton_ = TokenHashTable::Build(std::move(skeleton));
  index->by_deletion_ = TokenHashTable::Build(std::move(deletion));
  index->by_deletion2_ = TokenHashTable::Build(std::move(deletion2));
  index->by_korean_ = TokenHashTable::Build(std::move(korean));
  index->by_arabic_skeleton_ = TokenHashTable::Build(std::move(arabic));
  index->by_skeleton_deletion_ = TokenHashTable::Build(std::move(skeleton_deletion));
  index->compounds_ = TokenHashTable::Build(std::move(compound_entries));
  index->interned_ = {};
  index->FinishDerived();
  return index;
}

void NameIndex::FinishDerived() {
  hot_names_.clear();
  hot_names_.reserve(names_.size());
  // ScoreName() and MaxMiddleBlockDiscount() read at most 32 tokens a side;
  // one buffer serves every name (this runs when a snapshot opens).
  std::array<ScoringToken, 32> tokens;
  for (const ListedName& ln : names_) {
    size_t n = 0;
    for (uint32_t t = ln.first_token; t < ln.first_token + ln.token_count && n < tokens.size(); ++t)
      tokens[n++] = ScoringTokenAt(t);
    const float discount = static_cast<float>(MaxMiddleBlockDiscount(tokens.data(), n));
    hot_names_.push_back({ln.entity, ln.first_token, ln.token_count, ln.has_initials, discount});
  }
  initial_postings_.assign(postings_.size(), {});
  for (size_t v = 0; v < postings_.size(); ++v) {
    for (uint32_t name_id : postings_[v]) {
      if (names_[name_id].has_initials) initial_postings_[v].push_back(name_id);
    }
  }
}

std::shared_ptr<const TokenLookup> NameIndex::Lookup(const TokenKeys& q) const {
  // The result depends on the text, on whether the token is a consonant
  // skeleton, and on whether its Korean key is in use (Prepare() clears it
  // for names that do not read as Korean).
  thread_local std::string key;
  key.clear();
  key.push_back(static_cast<char>('0' + (q.consonantal ? 1 : 0) + (q.korean.empty() ? 0 : 2)));
  key += q.text;
  std::shared_ptr<const TokenLookup> found;
  if (lookups_.Find(key, &found)) return found;
  auto lookup = std::make_shared<TokenLookup>();
  MatchVocabulary(q, &lookup->matches);
  // The exact entry, when there is one, comes first (only it scores 1).
  if (!lookup->matches.empty()) {
    lookup->weight = vocab_weight_[lookup->matches.front().vocab];
    lookup->population_weight = vocab_population_weight_[lookup->matches.front().vocab];
  }
  lookups_.Insert(key, lookup);
  return lookup;
}

void NameIndex::MatchVocabulary(const TokenKeys& q, std::vector<VocabularyMatch>* out) const {
  out->clear();
  // Per-thread "seen" marks over the vocabulary, reset by bumping a stamp.
  thread_local std::vector<uint32_t> seen;
  thread_local uint32_t stamp = 0;
  if (seen.size() < vocab_.size()) seen.assign(vocab_.size(), 0);
  if (++stamp == 0) {
    std::fill(seen.begin(), seen.end(), 0);
    stamp = 1;
  }
  auto consider = [&](uint32_t v) {
    if (seen[v] == stamp) return;
    seen[v] = stamp;
    TokenMatch m = CompareTokens(q, vocab_[v]);
    if (m.score >= 0.7) out->push_back({m.score, v, m.kind});
  };
  auto consider_all = [&](const TokenHashTable& table, uint64_t hash) {
    for (uint32_t v : table.Find(hash)) consider(v);
  };
  consider_all(by_text_, HashToken(q.text, q.consonantal ? kSeedConsonantal : kSeedText));
  // Skeleton routes (CompareTokens: equal skeletons, or one edit apart when
  // one side is an Arabic-script skeleton of three letters or more).
  if (q.consonantal) {
    consider_all(by_skeleton_, HashToken(q.skeleton, kSeedSkeleton));
  } else if (q.skeleton.size() >= 2 || OneConsonantLatinWord(q)) {
    consider_all(by_arabic_skeleton_, HashToken(q.skeleton, kSeedArabicSkeleton));
  }
  // (A Latin query needs only Arabic-script vocabulary here: two Latin
  // words never match by a skeleton edit.)
  if (q.skeleton.size() >= 3) {
    consider_all(by_skeleton_deletion_, HashToken(q.skeleton, kSeedArabicSkeletonDeletion));
    if (q.consonantal) consider_all(by_skeleton_deletion_, HashToken(q.skeleton, kSeedSkeletonDeletion));
    for (size_t i = 0; i < q.skeleton.size(); ++i) {
      consider_all(by_skeleton_deletion_, HashTokenWithout(q.skeleton, i, kSeedArabicSkeletonDeletion));
      consider_all(by_arabic_skeleton_, HashTokenWithout(q.skeleton, i, kSeedArabicSkeleton));
      if (q.consonantal) {
        consider_all(by_skeleton_deletion_, HashTokenWithout(q.skeleton, i, kSeedSkeletonDeletion));
        consider_all(by_skeleton_, HashTokenWithout(q.skeleton, i, kSeedSkeleton));
      }
    }
  }
  if (!q.consonantal) {
    consider_all(by_phonetic_, HashToken(q.phonetic, kSeedPhonetic));
    // Qaf written q or g (QafReadAsG: Sadeq ~ Sadegh): a word with q looks
    // its key up with k and g read either way. (Listed words with q are
    // also indexed so: Gaddafi finds Qadhafi by its own key.)
    if (q.text.find('q') != std::string::npos) {
      ForEachQafKey(q.phonetic, [&](const std::string& key) {
        consider_all(by_phonetic_, HashToken(key, kSeedPhonetic));
      });
    }
    // Phonetic keys one edit apart (symmetric deletions, as for the texts
    // below).
    const std::string& ph = q.phonetic;
    if (ph.size() + 1 >= 6 && ph.size() <= kMaxIndexedWordLength) {
      consider_all(by_deletion_, HashToken(ph, kSeedPhoneticDeletion));
      for (size_t i = 0; i < ph.size(); ++i) {
        if (ph.size() - 1 >= 6) consider_all(by_phonetic_, HashTokenWithout(ph, i, kSeedPhonetic));
        consider_all(by_deletion_, HashTokenWithout(ph, i, kSeedPhoneticDeletion));
      }
    }
    if (!q.korean.empty()) consider_all(by_korean_, HashToken(q.korean, kSeedKorean));
    if (q.skeleton.size() >= 3) consider_all(by_skeleton_, HashToken(q.skeleton, kSeedSkeleton));
    if (q.text.size() >= 4) {
      consider_all(by_deletion_, HashToken(q.text, kSeedDeletion));
      for (size_t i = 0; i < q.text.size(); ++i) {
        consider_all(by_text_, HashTokenWithout(q.text, i, kSeedText));
        consider_all(by_deletion_, HashTokenWithout(q.text, i, kSeedDeletion));
      }
      // Two edits (symmetric deletions up to two letters a side), only where
      // the longer word has kTwoEditsMinLength letters: a listed word two
      // letters longer, one letter longer (with a substitution), or as long
      // (two substitutions) or shorter than a long query word.
      const size_t len = q.text.size();
      if (len + 2 >= kTwoEditsMinLength && len <= kMaxIndexedWordLength) {
        consider_all(by_deletion2_, HashToken(q.text, kSeedDeletion2));
        for (size_t i = 0; len + 1 >= kTwoEditsMinLength && i < len; ++i) {
          consider_all(by_deletion2_, HashTokenWithout(q.text, i, kSeedDeletion2));
          for (size_t j = i + 1; len >= kTwoEditsMinLength && j < len; ++j) {
            consider_all(by_text_, HashWithout2(q.text, i, j, kSeedText));
            consider_all(by_deletion_, HashWithout2(q.text, i, j, kSeedDeletion));
            consider_all(by_deletion2_, HashWithout2(q.text, i, j, kSeedDeletion2));
          }
        }
      }
    }
  }
  std::sort(out->begin(), out->end(), [](const VocabularyMatch& a, const VocabularyMatch& b) {
    return a.score > b.score || (a.score == b.score && a.vocab < b.vocab);
  });
}

double NameIndex::TokenWeight(const std::string& text) const {
  return Lookup(MakeTokenKeys(text, false))->weight;
}

namespace {

// What a thread remembers of one query token (customer names repeat their
// words): its keys, which are the same for every index (a phonetic key costs
// thousands of instructions), and its lookups in one index, with and
// without its Korean key (valid while index_id matches).
struct CachedToken {
  TokenKeys keys;
  uint64_t index_id = 0;
  std::shared_ptr<const TokenLookup> lookup[2];  // [1]: Korean key kept
};

// The thread's cache of tokens. Bounded: emptied when full, but only in
// Reserve(), so that the entries a caller holds stay valid until its next
// Reserve() (entries of an unordered_map survive rehashing).
class TokenCache {
 public:
  // Makes room for `tokens` more entries.
  static void Reserve(size_t tokens) {
    if (Map().size() + tokens > kEntries) Map().clear();
  }
  // The entry for a token, made when new.
  static CachedToken& For(const std::string& text, bool consonantal) {
    thread_local std::string key;
    key.assign(1, consonantal ? '#' : '-');
    key += text;
    auto& map = Map();
    auto it = map.find(key);
    if (it != map.end()) return it->second;
    CachedToken entry;
    entry.keys = MakeTokenKeys(text, consonantal);
    return map.emplace(key, std::move(entry)).first->second;
  }

 private:
  static constexpr size_t kEntries = 50000;
  static std::unordered_map<std::string, CachedToken>& Map() {
    thread_local std::unordered_map<std::string, CachedToken> map;
    return map;
  }
};

}  // namespace

PreparedName NameIndex::Prepare(const NormalizedName& name) const {
  PreparedName out;
  out.legal_forms = name.legal_forms;
  auto add_variant = [&](const std::vector<NameToken>& tokens, const std::string& method) {
    PreparedName::Variant v;
    v.method = method;
    v.keys.reserve(tokens.size());
    std::vector<CachedToken*> cached;
    cached.reserve(tokens.size());
    TokenCache::Reserve(tokens.size());
    for (const NameToken& t : tokens) {
      cached.push_back(&TokenCache::For(t.text, t.consonantal));
      v.keys.push_back(cached.back()->keys);
    }
    // Korean syllable keys merge k/g, t/d, p/b, ch/j, l/r: only a name that
    // reads as Korean (two or more syllable-shaped words, not pinyin) uses
    // them, or Roob would match Loop and Pang would match Bang.
    size_t syllables = 0, words = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].role == TokenRole::kParticle) continue;
      ++words;
      syllables += v.keys[i].korean.empty() ? 0 : 1;
    }
    bool korean_like = words >= 2 && syllables == words && method.rfind("pinyin", 0) != 0;
    if (!korean_like) {
      for (TokenKeys& k : v.keys) k.korean.clear();
    }
    for (size_t i = 0; i < tokens.size(); ++i) {
      ScoringToken st;
      st.keys = &v.keys[i];
      v.displays.push_back(tokens[i].display);  // `tokens` may be a temporary
      st.role = tokens[i].role;
      st.hyphenated = tokens[i].hyphenated;
      // The thread's entry first (no lock), then the shared memo.
      CachedToken& c = *cached[i];
      const int with_korean = v.keys[i].korean.empty() ? 0 : 1;
      if (c.index_id != id_) {
        c.index_id = id_;
        c.lookup[0] = c.lookup[1] = nullptr;
      }
      if (c.lookup[with_korean] == nullptr) c.lookup[with_korean] = Lookup(v.keys[i]);
      v.lookups.push_back(c.lookup[with_korean]);
      st.weight = v.lookups.back()->weight * RoleMultiplier(tokens[i].role);
      st.population_weight = v.lookups.back()->population_weight;
      v.tokens.push_back(st);
    }
    out.variants.push_back(std::move(v));
  };
  for (const NameVariant& variant : name.variants) {
    add_variant(variant.tokens, variant.method);
    // A run-together compound the lists split (Jongun ~ Jong Un) needs no
    // reading of its own: the compounds table finds the listed pair and
    // ScoreName() aligns the word with both parts.
  }
  // Point tokens at their keys and displays once nothing moves any more.
  for (auto& v : out.variants) {
    for (size_t i = 0; i < v.tokens.size(); ++i) {
      v.tokens[i].keys = &v.keys[i];
      v.tokens[i].display = v.displays[i];
    }
  }
  return out;
}

ScoringToken NameIndex::ScoringTokenAt(uint32_t t) const {
  ScoringToken st;
  st.keys = &vocab_[tokens_[t].vocab];
  st.display = vocab_[tokens_[t].vocab].text;
  st.role = tokens_[t].role;
  st.weight = tokens_[t].weight;
  st.population_weight = vocab_population_weight_[tokens_[t].vocab];
  st.hyphenated = tokens_[t].hyphenated;
  return st;
}

std::vector<ScoringToken> NameIndex::ListedTokens(uint32_t listed_name) const {
  const ListedName& ln = names_[listed_name];
  std::vector<ScoringToken> out;
  out.reserve(ln.token_count);
  for (uint32_t t = ln.first_token; t < ln.first_token + ln.token_count; ++t)
    out.push_back(ScoringTokenAt(t));
  return out;
}

const std::vector<uint32_t>* NameIndex::EntitiesWithIdentifier(const std::string& normalized) const {
  auto it = by_identifier_.find(normalized);
  return it == by_identifier_.end() ? nullptr : &it->second;
}

std::vector<NameHit> NameIndex::Search(const PreparedName& query, const SearchOptions& options) const {
  thread_local Accumulator acc;
  thread_local PairMemo memo;
  thread_local std::vector<TokenMatch> sims;
  memo.NewQuery();
  // The best hit per entity: best_hits, with best_pos[entity] its index
  // (UINT32_MAX when none; reset before returning).
  thread_local std::vector<NameHit> best_hits;
  thread_local std::vector<uint32_t> best_pos;
  best_hits.clear();
  if (best_pos.size() < entity_names_.size()) best_pos.assign(entity_names_.size(), UINT32_MAX);
  struct Credit {
    double delta;
    uint32_t vocab;
    bool anchor;
    TokenMatchKind kind;
    double similarity;  // CompareTokens(query token, vocabulary entry)
  };
  struct CreditEntry {
    Credit credit;
    uint8_t token;  // query token
    uint32_t next;  // next entry of the same vocabulary entry, or UINT32_MAX
  };
  // Per query token, its credits; and all of them by vocabulary entry.
  thread_local std::array<std::vector<Credit>, 32> token_credits;
  thread_local CreditIndex credit_index;
  thread_local std::vector<CreditEntry> credit_entries;
  thread_local std::vector<uint32_t> joined_vocab;
  thread_local std::string joined_buf;
  ScoringToken listed_buf[32];
  auto allowed = [&](uint32_t entity) {
    return options.entity_allowed == nullptr || (*options.entity_allowed)[entity];
  };
  // Scores one listed name. With `from_credits` (the candidate loop of this
  // variant, while credit_index holds its credits), the pairs the index
  // related come from the credits, and the others can only match through
  // the routes it does not cover (CompareTokensOutsideIndex); initials have
  // no full credits and are compared in full.
  auto score_name = [&](int variant_index, uint32_t name_id, bool from_credits) {
    const PreparedName::Variant& v = query.variants[variant_index];
    const ListedName& ln = names_[name_id];
    size_t n = 0;
    for (uint32_t t = ln.first_token; t < ln.first_token + ln.token_count && n < 32; ++t, ++n)
      listed_buf[n] = ScoringTokenAt(t);
    const size_t qn = std::min<size_t>(v.tokens.size(), 32);
    sims.resize(qn * n);
    for (size_t i = 0; i < qn; ++i) {
      const uint32_t slot = static_cast<uint32_t>(variant_index) * 32 + static_cast<uint32_t>(i);
      for (size_t j = 0; j < n; ++j) {
        const TokenKeys* listed_keys = listed_buf[j].keys;
        const uint32_t vocab = static_cast<uint32_t>(listed_keys - vocab_.data());
        sims[i * n + j] = memo.Get(slot, vocab, [&]() -> TokenMatch {
          const TokenKeys& q = *v.tokens[i].keys;
          if (!from_credits || (q.text.size() < 2 && !q.consonantal)) return CompareTokens(q, *listed_keys);
          for (uint32_t e = credit_index.Find(vocab); e != UINT32_MAX; e = credit_entries[e].next) {
            if (credit_entries[e].token == i)
              return {credit_entries[e].credit.similarity, credit_entries[e].credit.kind};
          }
          return CompareTokensOutsideIndex(q, *listed_keys);
        });
      }
    }
    NameHit hit{ln.entity, name_id, variant_index,
                ScoreName(v.tokens.data(), qn, listed_buf, n, nullptr, sims.data())};
    if (ln.weak) {
      hit.score *= 0.9;
      hit.weak_alias = true;
    }
    // Persons, and parties whose list does not say (CSL's BIS lists).
    if (ln.person_like_alias && ln.distinctive_tokens == 1 && hit.score > 0.75) {
      hit.score = 0.75;
      hit.one_word_alias = true;
    }
    uint32_t& pos = best_pos[ln.entity];
    if (pos == UINT32_MAX) {
      pos = static_cast<uint32_t>(best_hits.size());
      best_hits.push_back(hit);
    } else if (NameHit& kept = best_hits[pos];
               hit.score > kept.score || (hit.score == kept.score && name_id < kept.listed_name)) {
      // Ties go to the entity's earlier name (its primary name first), so
      // the result does not depend on the order candidates were gathered in.
      kept = hit;
    }
  };

  for (int vi = 0; options.exhaustive && vi < static_cast<int>(query.variants.size()); ++vi) {
    for (uint32_t name_id = 0; name_id < names_.size(); ++name_id) {
      if (allowed(names_[name_id].entity)) score_name(vi, name_id, false);
    }
  }
  // Candidate bound. A name's score N/D reaches T = min_score exactly when
  // N - T*D >= 0, and N - T*D is a sum of one term per query token: for a
  // token aligned with similarity s and pair weight p, (s - T) * p; for a
  // token left out, -T * w * MinUnmatchedQueryShare() (listed parts left
  // out only lower it). Pair weights are the mean of both sides' weights, so
  // p lies in [w/2, (w+1)/2], and in [w/2, (w+v)/2] against a vocabulary
  // entry of weight v. Taking, per token, the largest term its best
  // similarity allows bounds N - T*D from above; ScoreName's caps only
  // lower scores. A candidate is scored only when its bound is >= 0, so the
  // index returns every name an exhaustive scan would (bench/candidates
  // checks this on real lists), except through the routes no lookup
  // covers: listed below in SearchOptions' comment.
  //
  // Gathering (MaxScore). Each query token's credits are the vocabulary
  // entries it matches with the term each earns over being left out. The
  // tokens whose best credits together cannot lift a name to the threshold
  // ("minor" tokens) gather no names: a name that can pass holds a credit
  // of another token. Names with initials are the exception (their bound
  // also gains for every word left unaligned): minor tokens gather them,
  // through anchoring credits only when min_score is above kUnanchoredCap
  // (then a name needs an anchor). Every gathered name is then credited
  // from its own tokens with the best credit of each query token.
  const double T = options.min_score;
  const bool need_anchor = T > kUnanchoredCap;
  for (int vi = 0; !options.exhaustive && vi < static_cast<int>(query.variants.size()); ++vi) {
    const PreparedName::Variant& v = query.variants[vi];
    acc.Reset();
    const size_t usable = std::min<size_t>(v.tokens.size(), 32);
    double base = 0;  // every token left out
    std::array<double, 32> left_out{}, p_max{}, via_initial{};
    for (size_t i = 0; i < usable; ++i) {
      const ScoringToken& qt = v.tokens[i];
      p_max[i] = (qt.weight + 1.0) / 2.0;
      left_out[i] = -T * qt.weight * MinUnmatchedQueryShare(v.tokens.data(), usable, i);
      // An initial (either side) aligns at 0.75 with half the pair weight.
      via_initial[i] = std::max(left_out[i], std::max((0.75 - T) * p_max[i] / 2, (0.75 - T) * qt.weight / 4));
      base += left_out[i];
    }
    auto term = [&](size_t i, double sim) {
      return std::max({(sim - T) * p_max[i], (sim - T) * v.tokens[i].weight / 2, left_out[i]});
    };
    // The same, when the listed side is one vocabulary entry: a listed
    // token weighs at most its entry's weight (roles only lower it).
    auto term_with = [&](size_t i, double sim, double listed_weight) {
      const double p = (v.tokens[i].weight + listed_weight) / 2.0;
      return std::max({(sim - T) * p, (sim - T) * v.tokens[i].weight / 2, left_out[i]});
    };
    auto is_initial = [&](size_t i) {
      return v.tokens[i].keys->text.size() < 2 && !v.tokens[i].keys->consonantal;
    };
    // A query initial may align with any listed part that starts with it.
    double initial_slack = 0;
    size_t query_initials = 0;
    for (size_t i = 0; i < usable; ++i) {
      if (is_initial(i)) {
        initial_slack += via_initial[i] - left_out[i];
        ++query_initials;
      }
    }
    // Each token's credits.
    for (size_t i = 0; i < usable; ++i) {
      const ScoringToken& qt = v.tokens[i];
      std::vector<Credit>& tc = token_credits[i];
      tc.clear();
      if (is_initial(i)) {
        // An initial finds listed initials equal to it (B&H, E. S. Co.).
        int64_t exact = FindVocab(qt.keys->text, false);
        if (exact >= 0) {
          tc.push_back({term(i, 1.0) - via_initial[i], static_cast<uint32_t>(exact), false,
                        TokenMatchKind::kExact, 1.0});
        }
        continue;
      }
      for (const VocabularyMatch& m : v.lookups[i]->matches) {
        const bool anchor = AnchorsName(m.kind, qt.role, qt.keys->text.size(), qt.keys->consonantal);
        tc.push_back(
            {term_with(i, m.score, vocab_weight_[m.vocab]) - left_out[i], m.vocab, anchor, m.kind, m.score});
      }
    }
    // Minor tokens: any set whose best credits together keep the bound
    // below zero will do. Of those, the one whose postings are longest
    // (every set, for names of up to kMaxMinorSearchTokens tokens; else
    // smallest best credits first): the syllables of a Korean name weigh
    // alike, and the common one among them need not be walked.
    uint32_t minor = 0;
    {
      std::array<double, 32> gain{};
      std::array<size_t, 32> postings{};
      for (size_t i = 0; i < usable; ++i) {
        for (const Credit& c : token_credits[i]) {
          gain[i] = std::max(gain[i], c.delta);
          postings[i] += postings_[c.vocab].size();
        }
      }
      const double start = base + initial_slack;
      if (usable <= kMaxMinorSearchTokens) {
        size_t best_postings = 0;
        for (uint32_t set = 1; set < (1u << usable); ++set) {
          double reach = start;
          size_t walked = 0;
          for (size_t i = 0; i < usable; ++i) {
            if ((set >> i) & 1u) {
              reach += gain[i];
              walked += postings[i];
            }
          }
          if (reach < -1e-4 && walked > best_postings) {
            best_postings = walked;
            minor = set;
          }
        }
      } else {
        std::array<std::pair<double, size_t>, 32> gains;
        for (size_t i = 0; i < usable; ++i) gains[i] = {gain[i], i};
        std::sort(gains.begin(), gains.begin() + usable);
        double reach = start;
        for (size_t k = 0; k < usable; ++k) {
          if (reach + gains[k].first >= -1e-4) break;
          reach += gains[k].first;
          minor |= 1u << gains[k].second;
        }
      }
    }
    // Gather, and index every credit by vocabulary entry for crediting.
    {
      size_t total = 0;
      for (size_t i = 0; i < usable; ++i) total += token_credits[i].size();
      credit_index.Reset(total);
    }
    credit_entries.clear();
    // A name that can pass holds a credit of a major token and, when
    // anchors are needed, an anchoring credit. Gathered through major
    // tokens' anchoring credits, it is also gathered either through major
    // tokens' other credits or through minor tokens' anchoring credits,
    // whichever route has the shorter postings.
    bool via_minor_anchors = false;
    if (need_anchor) {
      size_t major_other = 0, minor_anchor = 0;
      for (size_t i = 0; i < usable; ++i) {
        const bool is_minor = ((minor >> i) & 1u) != 0;
        for (const Credit& c : token_credits[i]) {
          if (!is_minor && !c.anchor) major_other += postings_[c.vocab].size();
          if (is_minor && c.anchor) minor_anchor += postings_[c.vocab].size();
        }
      }
      via_minor_anchors = minor_anchor < major_other;
    }
    for (size_t i = 0; i < usable; ++i) {
      const bool is_minor = ((minor >> i) & 1u) != 0;
      for (const Credit& c : token_credits[i]) {
        const uint32_t next = credit_index.Push(c.vocab, static_cast<uint32_t>(credit_entries.size()));
        credit_entries.push_back({c, static_cast<uint8_t>(i), next});
        const std::vector<uint32_t>* route = nullptr;
        if (!is_minor) {
          if (c.anchor || !via_minor_anchors) route = &postings_[c.vocab];
        } else if (c.anchor || !need_anchor) {
          route = via_minor_anchors ? &postings_[c.vocab] : &initial_postings_[c.vocab];
        }
        if (route != nullptr) {
          for (uint32_t name_id : *route) acc.Touch(name_id);
        }
      }
      if (is_initial(i)) continue;
      // One query word for two listed parts (SAJEDINIA ~ SAJEDI-NIA): on top
      // of whatever the word earns otherwise (an overestimate).
      const ScoringToken& qt = v.tokens[i];
      const double delta = term(i, 1.0) - left_out[i];
      const bool compound_anchor =
          AnchorsName(TokenMatchKind::kCompound, qt.role, qt.keys->text.size(), qt.keys->consonantal);
      // (An Arabic-script word: its skeleton, against Latin pairs'.)
      const bool consonantal = qt.keys->consonantal;
      const uint64_t keys[2] = {consonantal ? HashToken(qt.keys->skeleton, kSeedCompoundSkeleton)
                                            : HashToken(qt.keys->text, kSeedCompound),
                                HashToken(qt.keys->phonetic, kSeedCompoundPhonetic)};
      for (size_t k = 0; k < (qt.keys->phonetic.empty() ? 1u : 2u); ++k) {
        for (uint32_t name_id : compounds_.Find(keys[k])) {
          Accumulator::Entry& e = acc.Touch(name_id);
          e.mask |= 1u << i;
          e.num += static_cast<float>(delta);
          e.anchored = e.anchored || compound_anchor;
        }
      }
    }
    // Two adjacent query tokens may be one listed token (Jong Un ~ Jongun):
    // look the joined text up and credit both tokens as if equal.
    for (size_t i = 0; i + 1 < usable; ++i) {
      const TokenKeys& a = *v.tokens[i].keys;
      const TokenKeys& b = *v.tokens[i + 1].keys;
      if (a.consonantal != b.consonantal) continue;
      // The listed tokens ScoreName() would align with both as a compound
      // (CompoundEquals): equal to their texts, phonetic keys or skeletons
      // joined.
      joined_vocab.clear();
      auto consider = [&](std::span<const uint32_t> found) {
        for (uint32_t jv : found) {
          if (CompoundEquals(a, b, vocab_[jv])) joined_vocab.push_back(jv);
        }
      };
      auto joined_key = [&](const std::string& x, const std::string& y) -> std::string_view {
        joined_buf.assign(x);
        joined_buf += y;
        return joined_buf;
      };
      if (!a.consonantal) {
        if (a.text.size() >= 2 && b.text.size() >= 2) {
          consider(by_text_.Find(HashToken(joined_key(a.text, b.text), kSeedText)));
          consider(by_phonetic_.Find(HashToken(joined_key(a.phonetic, b.phonetic), kSeedPhonetic)));
        }
        consider(
            by_arabic_skeleton_.Find(HashToken(joined_key(a.skeleton, b.skeleton), kSeedArabicSkeleton)));
      } else {
        consider(by_skeleton_.Find(HashToken(joined_key(a.skeleton, b.skeleton), kSeedSkeleton)));
      }
      std::sort(joined_vocab.begin(), joined_vocab.end());
      joined_vocab.erase(std::unique(joined_vocab.begin(), joined_vocab.end()), joined_vocab.end());
      const double delta = (term(i, 1.0) - left_out[i]) + (term(i + 1, 1.0) - left_out[i + 1]);
      const bool joined_anchor =
          AnchorsName(TokenMatchKind::kCompound, v.tokens[i].role, a.text.size(), a.consonantal) ||
          AnchorsName(TokenMatchKind::kCompound, v.tokens[i + 1].role, b.text.size(), b.consonantal);
      for (uint32_t jv : joined_vocab) {
        for (uint32_t name_id : postings_[jv]) {
          // Whatever the two tokens earned separately stays counted: an
          // overestimate, which a bound may make.
          Accumulator::Entry& e = acc.Touch(name_id);
          e.mask |= (1u << i) | (1u << (i + 1));
          e.num += static_cast<float>(delta);
          e.anchored = e.anchored || joined_anchor;
        }
      }
    }
    for (const Accumulator::Entry& gathered : acc.entries()) {
      const uint32_t name_id = gathered.name;
      const HotName& ln = hot_names_[name_id];
      if (!allowed(ln.entity)) continue;
      // Credits from the name's own tokens: the best one per query token.
      std::array<double, 32> best_credit;
      uint32_t got = 0;
      bool anchored = gathered.anchored;
      for (uint32_t t = ln.first_token; t < ln.first_token + ln.token_count; ++t) {
        const uint32_t vocab = tokens_[t].vocab;
        for (uint32_t e = credit_index.Find(vocab); e != UINT32_MAX; e = credit_entries[e].next) {
          const CreditEntry& ce = credit_entries[e];
          if (((got >> ce.token) & 1u) == 0 || ce.credit.delta > best_credit[ce.token]) {
            best_credit[ce.token] = ce.credit.delta;
          }
          got |= 1u << ce.token;
          anchored = anchored || ce.credit.anchor;
        }
      }
      if (need_anchor && !anchored) continue;
      double bound = base + initial_slack + gathered.num;
      for (size_t i = 0; i < usable; ++i) {
        if (((got >> i) & 1u) != 0) bound += best_credit[i];
      }
      const uint32_t mask = gathered.mask | got;
      // Listed parts left out: each aligned query token covers at most two
      // listed tokens (a compound), each query initial one, and when the
      // name has initials, each query word not aligned by the index one
      // more; the rest add at least their least share.
      const size_t listed = std::min<size_t>(ln.token_count, 32);
      const size_t aligned = static_cast<size_t>(std::popcount(mask));
      if (listed > 0) {
        const size_t covered =
            2 * aligned + query_initials + (ln.has_initials ? usable - std::min(aligned, usable) : 0);
        const float total = tokens_[ln.first_token + listed - 1].penalty_top;
        const float top =
            covered == 0 ? 0.0f : tokens_[ln.first_token + std::min(covered, listed) - 1].penalty_top;
        // A block of middle names left out costs only its costliest part.
        bound -= T * std::max(0.0f, total - top - ln.block_discount) * (1.0 - 1e-5);
      }
      if (ln.has_initials) {
        // Query words the index did not align may align with a listed initial.
        for (size_t i = 0; i < usable; ++i) {
          if (((mask >> i) & 1u) == 0 && v.tokens[i].keys->text.size() >= 2)
            bound += via_initial[i] - left_out[i];
        }
      }
      if (bound < -1e-6) continue;
      score_name(vi, name_id, true);
    }
  }
  for (uint32_t entity : options.forced_entities) {
    if (!allowed(entity)) continue;
    for (uint32_t name_id : entity_names_[entity]) {
      for (int vi = 0; vi < static_cast<int>(query.variants.size()); ++vi) score_name(vi, name_id, false);
    }
    if (best_pos[entity] == UINT32_MAX) {
      best_pos[entity] = static_cast<uint32_t>(best_hits.size());
      best_hits.push_back(
          NameHit{entity, entity_names_[entity].empty() ? 0 : entity_names_[entity][0], 0, 0});
    }
  }
  std::vector<NameHit> out;
  for (const NameHit& hit : best_hits) {
    best_pos[hit.entity] = UINT32_MAX;
    bool forced = std::find(options.forced_entities.begin(), options.forced_entities.end(), hit.entity) !=
                  options.forced_entities.end();
    if (hit.score >= options.min_score || forced) out.push_back(hit);
  }
  return out;
}

}  // namespace cordon
