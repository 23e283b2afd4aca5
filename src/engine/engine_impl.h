// The Engine implementation: owns the entities, the source infos and the
// name index; Screen() is const and thread-safe.
#ifndef CORDON_ENGINE_ENGINE_IMPL_H_
#define CORDON_ENGINE_ENGINE_IMPL_H_

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "cordon/engine.h"
#include "engine/snapshot.h"
#include "index/name_index.h"

namespace cordon {

class EngineImpl : public Engine {
 public:
  // Builds the index over `entities`, weights lowered by `population` (its
  // version goes into the provenance).
  EngineImpl(std::vector<Entity> entities, std::vector<SourceInfo> sources, const NamePopulation& population,
             Provenance provenance = {});
  // Takes an index read from a snapshot. REQUIRES: NameIndexCodec::Validate()
  // passed for `index` and `entities`.
  EngineImpl(std::vector<Entity> entities, std::vector<SourceInfo> sources, std::unique_ptr<NameIndex> index,
             Provenance provenance);

  Result<std::vector<Match>> Screen(const Query& query, const ScreenOptions& options) const override;
  const std::vector<SourceInfo>& Sources() const override { return sources_; }
  const SourceInfo* FindSource(const std::string& source) const override;
  const std::vector<Entity>& Entities() const override { return entities_; }
  const std::string& PopulationVersion() const override { return provenance_.population; }
  Status SaveSnapshot(const std::string& path) const override;

  const NameIndex& index() const { return *index_; }
  const Provenance& provenance() const { return provenance_; }

 private:
  // --algorithm ofac: every listed name scored with ScoreOfacSls().
  Result<std::vector<Match>> ScreenOfacSls(const Query& query, const ScreenOptions& options,
                                           const std::vector<bool>* allowed) const;
  void BuildKindMasks();

  std::vector<Entity> entities_;
  std::vector<SourceInfo> sources_;
  std::unique_ptr<NameIndex> index_;
  Provenance provenance_;  // what a snapshot records about the lists
  // Per EntityKind (index = enum value): which entities a query of that kind
  // may match. Built once; index 0 (kAny) is empty (no filter).
  std::vector<std::vector<bool>> kind_masks_;
  // Unique per engine in the process: per-thread caches of query results
  // tell one engine's from another's (a server reload).
  const uint64_t id_ = NextEngineId();
  static uint64_t NextEngineId();
  // Upper-case ASCII words of every listed name in the list's own order,
  // per entity and name; built on the first --algorithm ofac query.
  mutable std::once_flag sls_once_;
  mutable std::vector<std::vector<std::vector<std::string>>> sls_words_;
};

}  // namespace cordon

#endif  // CORDON_ENGINE_ENGINE_IMPL_H_
