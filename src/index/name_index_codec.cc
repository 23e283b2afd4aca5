#include "index/name_index_codec.h"

#include <bit>
#include <cmath>

namespace cordon {

template <>
struct ArchiveEnumMax<TokenRole> {
  static constexpr uint64_t kMax = static_cast<uint64_t>(TokenRole::kGeneric);
};

template <>
struct ArchiveFields<TokenKeys> {
  static constexpr int kSkipped = 0;
  static auto Of(TokenKeys& k) { return std::tie(k.text, k.phonetic, k.skeleton, k.korean, k.consonantal); }
};

template <>
struct ArchiveFields<TokenHashTable::Slot> {
  static constexpr int kSkipped = 0;
  static constexpr bool kRaw = true;
  static auto Of(TokenHashTable::Slot& s) { return std::tie(s.hash, s.begin, s.count); }
};

template <>
struct ArchiveFields<TokenHashTable> {
  static constexpr int kSkipped = 0;
  static auto Of(TokenHashTable& t) { return std::tie(t.slots_, t.filter_, t.ids_); }
};

template <>
struct ArchiveFields<NameIndex::ListedToken> {
  static constexpr int kSkipped = 0;
  static auto Of(NameIndex::ListedToken& t) {
    return std::tie(t.vocab, t.role, t.hyphenated, t.weight, t.penalty_top);
  }
};

template <>
struct ArchiveFields<NameIndex::ListedName> {
  static constexpr int kSkipped = 0;
  static auto Of(NameIndex::ListedName& n) {
    return std::tie(n.entity, n.name, n.token_count, n.distinctive_tokens, n.first_token, n.weak,
                    n.person_like_alias, n.has_initials, n.method, n.legal_forms);
  }
};

// Every member of NameIndex but six: entities_ (the engine's vector,
// attached after reading), interned_ (used while building only), lookups_
// (a memo, filled by queries), hot_names_ and initial_postings_ (derived
// from names_ and postings_ by FinishDerived() after reading), and id_ (the
// index's identity in this process, given by the constructor).
template <>
struct ArchiveFields<NameIndex> {
  static constexpr int kSkipped = 6;
  static auto Of(NameIndex& x) {
    return std::tie(x.vocab_, x.vocab_weight_, x.vocab_population_weight_, x.postings_, x.by_text_,
                    x.by_phonetic_, x.by_skeleton_, x.by_deletion_, x.by_deletion2_, x.by_korean_,
                    x.by_arabic_skeleton_, x.by_skeleton_deletion_, x.compounds_, x.tokens_, x.names_,
                    x.entity_names_, x.by_identifier_);
  }
};

// Classes are not aggregates: their size stands in for their member list
// (on the one ABI cordon is built for; elsewhere the snapshot round-trip
// test still catches a forgotten member).
#if defined(__x86_64__) && defined(__GLIBCXX__)
static_assert(sizeof(TokenHashTable) == 72, "TokenHashTable changed: update ArchiveFields<TokenHashTable>");
static_assert(sizeof(NameIndex) == 7144,
              "NameIndex gained or lost a member: list it in ArchiveFields<NameIndex> (or count it in "
              "kSkipped if it is a cache or build-time state), then update this size");
#endif

void NameIndexCodec::CheckMembersListed() {
  // A member added to one of these structs must be archived (listed above)
  // or skipped on purpose (kSkipped, with a comment saying why it can be).
  // (Inside a member: the structs are private to NameIndex.)
  static_assert(ArchiveFieldsComplete<TokenKeys>(), "TokenKeys changed: update ArchiveFields<TokenKeys>");
  static_assert(ArchiveFieldsComplete<TokenHashTable::Slot>(), "Slot changed: update its ArchiveFields");
  static_assert(ArchiveFieldsComplete<NameIndex::ListedToken>(),
                "ListedToken changed: update its ArchiveFields");
  static_assert(ArchiveFieldsComplete<NameIndex::ListedName>(),
                "ListedName changed: update its ArchiveFields");
}

void NameIndexCodec::Write(const NameIndex& index, ArchiveWriter* out) { out->Field(index); }

std::unique_ptr<NameIndex> NameIndexCodec::Read(ArchiveReader* in) {
  std::unique_ptr<NameIndex> index(new NameIndex());
  if (!in->Field(*index)) return nullptr;
  return index;
}

void NameIndexCodec::Attach(NameIndex* index, const std::vector<Entity>* entities) {
  index->entities_ = entities;
  index->FinishDerived();
}

std::string NameIndexCodec::Layout() {
  ArchiveLayout layout;
  layout.Describe<NameIndex>();
  return layout.text();
}

namespace {

bool InUnitRange(float w) { return std::isfinite(w) && w >= 0.0f && w <= 1.0f; }

}  // namespace

// The shape Find() relies on: a power-of-two slot array with at least one
// empty slot (probing stops there), a power-of-two filter, id ranges inside
// ids_, and ids below `bound`.
Status NameIndexCodec::ValidateTable(const TokenHashTable& t, const char* name, size_t bound) {
  auto bad = [&](const std::string& what) {
    return Status::DataError(std::string("lookup table ") + name + ": " + what);
  };
  if (t.slots_.empty()) return Status::Ok();  // Find() answers nothing
  if (!std::has_single_bit(t.slots_.size())) return bad("slot count is not a power of two");
  if (t.filter_.empty() || !std::has_single_bit(t.filter_.size()))
    return bad("filter size is not a power of two");
  bool has_empty = false;
  for (const auto& s : t.slots_) {
    if (s.count == 0) {
      has_empty = true;
      continue;
    }
    if (uint64_t{s.begin} + s.count > t.ids_.size()) return bad("slot range beyond the ids");
  }
  if (!has_empty) return bad("no empty slot");
  for (uint32_t id : t.ids_) {
    if (id >= bound) return bad("id " + std::to_string(id) + " out of range");
  }
  return Status::Ok();
}

Status NameIndexCodec::ValidateShape(const NameIndex& x) {
  const size_t vocab = x.vocab_.size(), names = x.names_.size(), tokens = x.tokens_.size();
  if (x.vocab_weight_.size() != vocab || x.vocab_population_weight_.size() != vocab ||
      x.postings_.size() != vocab) {
    return Status::DataError("vocabulary, weights and postings differ in size");
  }
  for (size_t v = 0; v < vocab; ++v) {
    if (x.vocab_[v].text.empty()) return Status::DataError("empty vocabulary entry " + std::to_string(v));
    if (!InUnitRange(x.vocab_weight_[v]) || !InUnitRange(x.vocab_population_weight_[v]))
      return Status::DataError("weight of vocabulary entry " + std::to_string(v));
    for (uint32_t n : x.postings_[v]) {
      if (n >= names)
        return Status::DataError("posting of vocabulary entry " + std::to_string(v) + " out of range");
    }
  }
  for (const auto& t : x.tokens_) {
    if (t.vocab >= vocab || !InUnitRange(t.weight) || !std::isfinite(t.penalty_top) || t.penalty_top < 0.0f) {
      return Status::DataError("listed token out of range");
    }
  }
  for (size_t n = 0; n < names; ++n) {
    const NameIndex::ListedName& ln = x.names_[n];
    if (uint64_t{ln.first_token} + ln.token_count > tokens) {
      return Status::DataError("tokens of listed name " + std::to_string(n) + " out of range");
    }
  }
  for (size_t e = 0; e < x.entity_names_.size(); ++e) {
    for (uint32_t n : x.entity_names_[e]) {
      if (n >= names || x.names_[n].entity != e)
        return Status::DataError("names of entity " + std::to_string(e));
    }
  }
  const std::pair<const TokenHashTable*, const char*> vocab_tables[] = {
      {&x.by_text_, "text"},
      {&x.by_phonetic_, "phonetic"},
      {&x.by_skeleton_, "skeleton"},
      {&x.by_deletion_, "deletion"},
      {&x.by_deletion2_, "deletion2"},
      {&x.by_korean_, "korean"},
      {&x.by_arabic_skeleton_, "arabic_skeleton"},
      {&x.by_skeleton_deletion_, "skeleton_deletion"}};
  for (const auto& [table, name] : vocab_tables) {
    if (Status s = ValidateTable(*table, name, vocab); !s.ok()) return s;
  }
  return ValidateTable(x.compounds_, "compounds", names);
}

Status NameIndexCodec::ValidateEntities(const NameIndex& x, const std::vector<Entity>& entities) {
  if (x.entity_names_.size() != entities.size()) {
    return Status::DataError("index covers " + std::to_string(x.entity_names_.size()) + " entities, not " +
                             std::to_string(entities.size()));
  }
  for (size_t n = 0; n < x.names_.size(); ++n) {
    const NameIndex::ListedName& ln = x.names_[n];
    if (ln.entity >= entities.size() || ln.name >= entities[ln.entity].names.size()) {
      return Status::DataError("listed name " + std::to_string(n) + " out of range");
    }
  }
  for (const auto& [id, list] : x.by_identifier_) {
    for (uint32_t e : list) {
      if (e >= entities.size()) return Status::DataError("identifier '" + id + "': entity out of range");
    }
  }
  return Status::Ok();
}

}  // namespace cordon
