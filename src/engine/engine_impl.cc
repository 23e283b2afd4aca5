#include "engine/engine_impl.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/utf8.h"
#include "engine/explanation_builder.h"
#include "geo/country_resolver.h"
#include "index/name_index_codec.h"
#include "lists/common/date_parser.h"
#include "lists/source_registry.h"
#include "match/attribute_scorer.h"
#include "match/ofac_sls_scorer.h"
#include "normalize/listed_name_forms.h"
#include "normalize/name_normalizer.h"
#include "normalize/name_vocabulary.h"

namespace cordon {
namespace {

// Queries that found no candidate, remembered per thread: customer files
// repeat whole names (one row in six of the synthetic million), and such a
// query's answer depends only on what the key holds (name, type, the
// minimum name score the attributes leave, the sources) as long as it has
// no identifier. Bounded: the oldest key goes when a new one comes, one at
// a time, in space reserved once. (A set emptied when full stalled a query
// for 1-3 ms now and then, rehashing or freeing 50,000 keys.)
class NoHitCache {
 public:
  static std::string Key(const Query& query, double min_score, const std::vector<std::string>& sources) {
    std::string key;
    key.push_back(static_cast<char>(query.kind));
    key.append(reinterpret_cast<const char*>(&min_score), sizeof(min_score));
    for (const std::string& s : sources) {
      key += s;
      key.push_back('\x1f');
    }
    key.push_back('\0');
    key += query.name;
    return key;
  }
  static bool Contains(uint64_t engine, const std::string& key) { return Get(engine).index.count(key) != 0; }
  static void Add(uint64_t engine, std::string key) {
    Cache& c = Get(engine);
    if (c.index.count(key) != 0) return;
    if (c.ring.size() < kEntries) {
      c.ring.push_back(std::move(key));  // no reallocation: reserved
      c.index.insert(c.ring.back());
      return;
    }
    std::string& oldest = c.ring[c.next];
    c.index.erase(oldest);
    oldest = std::move(key);
    c.index.insert(oldest);
    c.next = (c.next + 1) % kEntries;
  }

 private:
  static constexpr size_t kEntries = 50000;
  struct Cache {
    uint64_t engine = 0;
    std::vector<std::string> ring;  // the keys, oldest at `next` once full
    size_t next = 0;
    std::unordered_set<std::string_view> index;  // views of ring's strings
  };
  static Cache& Get(uint64_t engine) {
    thread_local Cache cache;
    if (cache.ring.capacity() < kEntries) {
      cache.ring.reserve(kEntries);
      cache.index.reserve(kEntries);
    }
    if (cache.engine != engine) {
      cache.index.clear();
      cache.ring.clear();
      cache.next = 0;
      cache.engine = engine;
    }
    return cache;
  }
};

// Parsing the list files and building the index free far more memory than
// the engine keeps (about 50 MB of the bundled lists' XML, CSV and
// intermediate strings); glibc keeps it mapped unless asked to give it back.
void ReleaseFreedMemory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace

namespace {

constexpr size_t kMaxNameBytes = 1024;
constexpr int kMaxLimit = 1000;

// The strength a score alone gives (see MatchStrength in match.h).
MatchStrength StrengthOfScore(double score) {
  if (score >= 0.92) return MatchStrength::kStrong;
  if (score >= 0.85) return MatchStrength::kMedium;
  return MatchStrength::kWeak;
}

// See MatchStrength in include/cordon/match.h.
MatchStrength Strength(const NameScoreDetail& detail, const std::vector<ScoringToken>& query,
                       const std::vector<ScoringToken>& listed, const AttributeOutcome& outcome) {
  bool exact = !detail.pairs.empty();
  for (const TokenPair& p : detail.pairs) exact = exact && p.match.kind == TokenMatchKind::kExact;
  for (int i : detail.unmatched_query) exact = exact && query[i].weight == 0;
  for (int j : detail.unmatched_listed) exact = exact && listed[j].weight == 0;
  if (exact || outcome.identifier_matched) return MatchStrength::kExact;
  return StrengthOfScore(outcome.score);
}

// Legal forms on both sides: the same family (LLC ~ Ltd ~ GmbH) agrees; no
// family in common (LLC vs JSC) costs weights.legal_form_mismatch. A form on
// one side only is neutral (users often leave it out).
void AddLegalFormCheck(const std::vector<std::string>& query, const std::vector<std::string>& listed,
                       const EvidenceWeights& weights, AttributeOutcome* outcome) {
  if (query.empty() || listed.empty()) return;
  AttributeCheck check;
  check.attribute = "legal_form";
  for (const auto& f : query) check.query_value += (check.query_value.empty() ? "" : ", ") + f;
  for (const auto& f : listed) check.list_value += (check.list_value.empty() ? "" : ", ") + f;
  bool agree = false;
  for (const auto& a : query) {
    for (const auto& b : listed) agree = agree || a == b || LegalFormFamily(a) == LegalFormFamily(b);
  }
  check.verdict = agree ? Verdict::kMatch : Verdict::kMismatch;
  if (!agree) {
    check.effect = weights.legal_form_mismatch;
    outcome->score = std::clamp(outcome->score + check.effect, 0.0, 1.0);
  }
  outcome->checks.push_back(std::move(check));
}

NameHints QueryHints(EntityKind kind) {
  NameHints h;
  h.is_person = kind == EntityKind::kPerson;
  h.is_organization = kind == EntityKind::kOrganization;
  h.translate_org_words = true;  // foreign generic words read in English (listed names are not)
  return h;
}

}  // namespace

Result<std::unique_ptr<Engine>> Engine::Open(const LoadOptions& options) {
  std::vector<SourceFolder> folders;
  Status s = FindSourceFolders(options.lists_dir, &folders);
  if (!s.ok()) return s;
  for (const auto& wanted : options.sources) {
    bool found =
        std::any_of(folders.begin(), folders.end(), [&](const SourceFolder& f) { return f.id == wanted; });
    if (!found)
      return Status::InvalidArgument("unknown source '" + wanted + "' (no such folder in " +
                                     options.lists_dir + ")");
  }
  NamePopulation population;
  if (options.population.empty()) {
    population = NamePopulation::Bundled();
  } else if (options.population != "none") {
    Result<NamePopulation> table = NamePopulation::Load(options.population);
    if (!table.ok()) return table.status();
    population = std::move(table).value();
  }
  std::vector<Entity> entities;
  std::vector<SourceInfo> infos;
  size_t loaded = 0;
  for (const SourceFolder& folder : folders) {
    if (!options.sources.empty() &&
        std::find(options.sources.begin(), options.sources.end(), folder.id) == options.sources.end()) {
      continue;
    }
    SourceInfo info;
    info.id = folder.id;
    info.format = folder.format;
    LoadedSource src;
    info.status = LoadSourceFolder(folder, &src);
    info.files = src.files;
    info.skipped = std::move(src.skipped);
    if (!src.format.empty()) info.format = src.format;
    if (info.status.ok()) {
      info.as_of = src.as_of;
      info.version = HashFiles(src.files);
      info.entities = src.entities.size();
      for (Entity& e : src.entities) {
        info.names += e.names.size();
        e.source = folder.id;
        entities.push_back(std::move(e));
      }
      ++loaded;
    }
    if (options.strict) {
      if (!info.status.ok()) return info.status;
      if (!info.skipped.empty()) {
        const LoadIssue& i = info.skipped.front();
        return Status::DataError(
            "strict mode: " + std::to_string(info.skipped.size()) + " record(s) skipped; first: " + i.message,
            {i.file, i.line, i.field});
      }
    }
    infos.push_back(std::move(info));
  }
  if (loaded == 0) {
    for (const auto& i : infos) {
      if (!i.status.ok())
        return Status::DataError("no list could be loaded; " + i.id + ": " + i.status.ToString());
    }
    return Status::DataError("no list sources found", {options.lists_dir});
  }
  Provenance provenance;
  provenance.lists_dir = options.lists_dir;
  provenance.selected = options.sources;
  std::unique_ptr<Engine> engine(
      new EngineImpl(std::move(entities), std::move(infos), population, std::move(provenance)));
  ReleaseFreedMemory();
  return engine;
}

Result<std::unique_ptr<Engine>> Engine::FromEntities(std::vector<Entity> entities,
                                                     std::vector<SourceInfo> sources) {
  std::unordered_map<std::string, size_t> source_of;
  for (size_t i = 0; i < sources.size(); ++i) {
    sources[i].entities = 0;
    sources[i].names = 0;
    source_of[sources[i].id] = i;
  }
  for (size_t i = 0; i < entities.size(); ++i) {
    const Entity& e = entities[i];
    auto it = source_of.find(e.source);
    if (it == source_of.end()) {
      return Status::InvalidArgument("entity " + std::to_string(i) + " ('" + e.source_id + "'): source '" +
                                     e.source + "' is not one of the given sources");
    }
    if (e.names.empty()) {
      return Status::InvalidArgument("entity " + std::to_string(i) + " ('" + e.source_id + "') has no name");
    }
    SourceInfo& info = sources[it->second];
    ++info.entities;
    info.names += e.names.size();
  }
  return std::unique_ptr<Engine>(
      new EngineImpl(std::move(entities), std::move(sources), NamePopulation::Bundled()));
}

uint64_t EngineImpl::NextEngineId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1);
}

EngineImpl::EngineImpl(std::vector<Entity> entities, std::vector<SourceInfo> sources,
                       const NamePopulation& population, Provenance provenance)
    : entities_(std::move(entities)), sources_(std::move(sources)), provenance_(std::move(provenance)) {
  provenance_.population = population.version();
  index_ = NameIndex::Build(entities_, {&population});
  BuildKindMasks();
}

EngineImpl::EngineImpl(std::vector<Entity> entities, std::vector<SourceInfo> sources,
                       std::unique_ptr<NameIndex> index, Provenance provenance)
    : entities_(std::move(entities)),
      sources_(std::move(sources)),
      index_(std::move(index)),
      provenance_(std::move(provenance)) {
  NameIndexCodec::Attach(index_.get(), &entities_);
  BuildKindMasks();
}

void EngineImpl::BuildKindMasks() {
  kind_masks_.resize(5);
  for (int k = 1; k < 5; ++k) {
    kind_masks_[k].resize(entities_.size());
    for (size_t i = 0; i < entities_.size(); ++i) {
      kind_masks_[k][i] = KindAllowsSchema(static_cast<EntityKind>(k), entities_[i].schema);
    }
  }
}

const SourceInfo* EngineImpl::FindSource(const std::string& source) const {
  for (const auto& s : sources_) {
    if (s.id == source && s.status.ok()) return &s;
  }
  return nullptr;
}

Result<std::vector<Match>> EngineImpl::Screen(const Query& query, const ScreenOptions& options) const {
  // Validate.
  if (query.name.size() > kMaxNameBytes) {
    return Status::InvalidArgument("name longer than " + std::to_string(kMaxNameBytes) + " bytes",
                                   {"", 0, "name"});
  }
  size_t bad = FindInvalidUtf8(query.name);
  if (bad != std::string_view::npos) {
    return Status::InvalidArgument("invalid UTF-8 at byte " + std::to_string(bad), {"", 0, "name"});
  }
  if (TrimAscii(query.name).empty()) return Status::InvalidArgument("name is empty", {"", 0, "name"});
  if (!(options.threshold >= 0.0 && options.threshold <= 1.0)) {
    return Status::InvalidArgument("threshold must be in [0,1]", {"", 0, "threshold"});
  }
  if (options.limit < 1 || options.limit > kMaxLimit) {
    return Status::InvalidArgument("limit must be in 1.." + std::to_string(kMaxLimit), {"", 0, "limit"});
  }
  const EvidenceWeights& w = options.weights;
  for (double v : {w.birth_date_match, w.birth_date_near, w.birth_date_one_year, w.birth_date_far,
                   w.country_match, w.country_mismatch, w.legal_form_mismatch}) {
    if (!(v >= -1.0 && v <= 1.0)) {
      return Status::InvalidArgument("evidence weights must be in [-1,1]", {"", 0, "weights"});
    }
  }
  if (!(w.identifier_floor >= 0.0 && w.identifier_floor <= 1.0)) {
    return Status::InvalidArgument("identifier_floor must be in [0,1]", {"", 0, "weights"});
  }
  for (const auto& s : options.sources) {
    if (FindSource(s) == nullptr)
      return Status::InvalidArgument("unknown or unloaded source '" + s + "'", {"", 0, "source"});
  }
  QueryAttributes attrs;
  if (!query.birth_date.empty()) {
    if (!ParsePartialDate(query.birth_date, &attrs.birth_date)) {
      return Status::InvalidArgument(
          "not a date: '" + query.birth_date + "' (use yyyy, yyyy-mm or yyyy-mm-dd)", {"", 0, "birth_date"});
    }
  }
  if (!query.country.empty()) {
    attrs.country = ResolveCountry(query.country);
    if (attrs.country.empty()) {
      return Status::InvalidArgument("unknown country: '" + query.country + "'", {"", 0, "country"});
    }
  }
  for (const auto& id : query.id_numbers) {
    std::string norm = NormalizeIdentifier(id);
    if (norm.empty()) return Status::InvalidArgument("empty identifier", {"", 0, "id_number"});
    attrs.identifiers.push_back(std::move(norm));
  }

  // Names scoring below threshold - (largest bonus the query's attributes
  // can add) cannot reach the threshold: the index need not score them.
  double max_bonus = 0;
  if (!attrs.birth_date.empty()) max_bonus += std::max(0.0, w.birth_date_match);
  if (!attrs.country.empty()) max_bonus += std::max(0.0, w.country_match);
  const double min_score = std::max(0.0, options.threshold - max_bonus);
  const bool cacheable = attrs.identifiers.empty() && options.algorithm != Algorithm::kOfacSls;
  std::string cache_key;
  if (cacheable) {
    cache_key = NoHitCache::Key(query, min_score, options.sources);
    if (NoHitCache::Contains(id_, cache_key)) return std::vector<Match>();
  }

  NormalizedName norm = NormalizeName(query.name, QueryHints(query.kind));
  // "NAME (ACRONYM)", "A; B": the names the string holds are read too, so
  // the bracketed part is not a part the listed name lacks.
  if (query.name.find_first_of(";([") != std::string::npos) {
    for (const ListedNameForm& form : ListedNameForms(query.name)) {
      if (!form.acronym) MergeVariants(NormalizeName(form.text, QueryHints(query.kind)), &norm);
    }
  }
  if (norm.variants.empty()) {
    return Status::InvalidArgument("name has no letters or digits", {"", 0, "name"});
  }
  std::vector<bool> allowed;  // only built when sources are restricted
  const std::vector<bool>* allowed_ptr = nullptr;
  if (!options.sources.empty()) {
    allowed.resize(entities_.size());
    for (size_t i = 0; i < entities_.size(); ++i) {
      const Entity& e = entities_[i];
      allowed[i] =
          KindAllowsSchema(query.kind, e.schema) &&
          std::find(options.sources.begin(), options.sources.end(), e.source) != options.sources.end();
    }
    allowed_ptr = &allowed;
  } else if (query.kind != EntityKind::kAny) {
    allowed_ptr = &kind_masks_[static_cast<int>(query.kind)];
  }
  if (options.algorithm == Algorithm::kOfacSls) return ScreenOfacSls(query, options, allowed_ptr);
  PreparedName prepared = index_->Prepare(norm);

  SearchOptions search;
  search.min_score = min_score;
  search.entity_allowed = allowed_ptr;
  for (const auto& id : attrs.identifiers) {
    if (const auto* ents = index_->EntitiesWithIdentifier(id)) {
      search.forced_entities.insert(search.forced_entities.end(), ents->begin(), ents->end());
    }
  }
  std::vector<NameHit> hits = index_->Search(prepared, search);
  if (cacheable && hits.empty()) NoHitCache::Add(id_, std::move(cache_key));

  std::vector<Match> matches;
  for (const NameHit& hit : hits) {
    const Entity& entity = entities_[hit.entity];
    AttributeOutcome outcome = ScoreAttributes(hit.score, attrs, entity, w);
    const NameIndex::ListedName& listed_name = index_->listed_names()[hit.listed_name];
    AddLegalFormCheck(prepared.legal_forms, listed_name.legal_forms, w, &outcome);
    if (outcome.score < options.threshold) continue;
    Match m;
    m.entity = &entity;
    const NameIndex::ListedName& ln = index_->listed_names()[hit.listed_name];
    m.matched_name = entity.names[ln.name].full;
    m.matched_name_type = entity.names[ln.name].type;
    m.score = outcome.score;
    // Re-score the winning pair with detail for the explanation (the index
    // scored candidates without it).
    const std::vector<ScoringToken>& query_tokens = prepared.variants[hit.query_variant].tokens;
    std::vector<ScoringToken> listed = index_->ListedTokens(hit.listed_name);
    NameScoreDetail detail;
    ScoreName(query_tokens.data(), query_tokens.size(), listed.data(), listed.size(), &detail);
    detail.score = hit.score;
    BuildExplanation(query_tokens, listed, detail, outcome, FindSource(entity.source), &m);
    m.strength = Strength(detail, query_tokens, listed, outcome);
    if (hit.weak_alias) m.explanation.summary += " The list marks this alias weak: name score x 0.9.";
    if (hit.one_word_alias) {
      m.explanation.summary +=
          " A one-word alias of a person: name score capped at 0.75 (needs a birth date, "
          "country or identifier to alert).";
    }
    if (hit.weak_alias || hit.one_word_alias) {
      if (m.strength == MatchStrength::kExact) m.strength = MatchStrength::kMedium;
    }
    matches.push_back(std::move(m));
  }
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.entity->source != b.entity->source) return a.entity->source < b.entity->source;
    return a.entity->source_id < b.entity->source_id;
  });
  if (matches.size() > static_cast<size_t>(options.limit)) matches.resize(static_cast<size_t>(options.limit));
  return matches;
}

}  // namespace cordon

namespace cordon {
namespace {

// Upper-case ASCII words as SLS sees a name: Latin letters and digits, in
// the order written (diacritics folded by the normaliser's ICU step are not
// applied here: SLS itself does not transliterate).
std::vector<std::string> SlsWords(std::string_view name) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 0x80) {
      cur.push_back(static_cast<char>(std::toupper(u)));
    } else if (c == '\'') {
      continue;
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

std::string Percent(double v) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%.0f", v * 100);
  return buf;
}

}  // namespace

Result<std::vector<Match>> EngineImpl::ScreenOfacSls(const Query& query, const ScreenOptions& options,
                                                     const std::vector<bool>* allowed) const {
  std::call_once(sls_once_, [this] {
    sls_words_.resize(entities_.size());
    for (size_t e = 0; e < entities_.size(); ++e) {
      for (const Name& n : entities_[e].names) sls_words_[e].push_back(SlsWords(n.full));
    }
  });
  // SLS takes Latin input; a name in another script is compared through
  // cordon's romanisation (documented difference).
  std::vector<std::string> query_words = SlsWords(query.name);
  if (query_words.empty()) {
    // Held in a local: the tokens must outlive the loop (a range-for over a
    // member of a temporary read freed memory).
    const NormalizedName romanised = NormalizeName(query.name);
    for (const NameToken& t : romanised.variants[0].tokens) {
      std::string w;
      for (char c : t.text) w.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
      query_words.push_back(w);
    }
  }
  std::vector<Match> matches;
  for (size_t e = 0; e < entities_.size(); ++e) {
    if (allowed != nullptr && !(*allowed)[e]) continue;
    double best = -1;
    size_t best_name = 0;
    OfacSlsDetail best_detail;
    for (size_t n = 0; n < sls_words_[e].size(); ++n) {
      if (sls_words_[e][n].empty()) continue;
      OfacSlsDetail d;
      double s = ScoreOfacSls(query_words, sls_words_[e][n], &d);
      if (s > best) {
        best = s;
        best_name = n;
        best_detail = std::move(d);
      }
    }
    if (best < options.threshold) continue;
    const Entity& entity = entities_[e];
    Match m;
    m.entity = &entity;
    m.matched_name = entity.names[best_name].full;
    m.matched_name_type = entity.names[best_name].type;
    m.score = best;
    m.strength = best >= 0.999 ? MatchStrength::kExact : StrengthOfScore(best);
    Explanation& ex = m.explanation;
    ex.name_score = best;
    const auto& listed = sls_words_[e][best_name];
    for (size_t k = 0; k < best_detail.pairs.size(); ++k) {
      auto [qi, li] = best_detail.pairs[k];
      TokenAlignment a;
      a.query_token = query_words[qi];
      a.list_token = listed[li];
      a.similarity = best_detail.part_scores[qi];
      a.weight = 1.0 / query_words.size();
      a.method = best_detail.soundex_hits[qi] ? "jaro-winkler+soundex" : "jaro-winkler";
      ex.aligned.push_back(std::move(a));
    }
    const SourceInfo* src = FindSource(entity.source);
    if (src != nullptr) {
      ex.list_as_of = src->as_of;
      ex.list_version = src->version;
    }
    ex.summary = "OFAC Sanctions List Search mirror: whole-name Jaro-Winkler " +
                 Percent(best_detail.whole_name_score) + ", name parts " +
                 Percent(best_detail.name_parts_score) + "; SLS would show about " + Percent(best) +
                 ". Birth date, country and identifiers are not scored in this mode.";
    if (src != nullptr)
      ex.summary += " List " + src->id + " as of " + src->as_of + ", version " + src->version + ".";
    matches.push_back(std::move(m));
  }
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.entity->source != b.entity->source) return a.entity->source < b.entity->source;
    return a.entity->source_id < b.entity->source_id;
  });
  if (matches.size() > static_cast<size_t>(options.limit)) matches.resize(static_cast<size_t>(options.limit));
  return matches;
}

}  // namespace cordon
