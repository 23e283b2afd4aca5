// Copyright (c) cordon authors.
//
// The engine the server is serving, swapped atomically on reload.
//
// Readers take a snapshot (a shared_ptr to an immutable ServingState) at the
// start of a request and use it to the end, so a request in flight finishes
// on the index it started with while a reload installs the next one; the old
// engine is freed when its last reader lets go.
//
// A reload is refused (the old engine keeps serving) when the new load is
// "broken", which means any of:
//   - Engine::Open fails (lists folder missing, no source loads, strict mode),
//     or, when serving a snapshot, Engine::OpenSnapshot fails (missing,
//     truncated, corrupted, foreign or stale snapshot);
//   - a source that is loaded now fails to load or has disappeared;
//   - a source now holds fewer than ReloadPolicy::min_entity_ratio of the
//     entities it holds now (a truncated download that still parses).
// Skipped records alone do not refuse a reload: they are reported per source
// in /catalog as they are for the CLI. A new source folder is accepted.
#ifndef CORDON_SERVER_ENGINE_HOLDER_H_
#define CORDON_SERVER_ENGINE_HOLDER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "cordon/engine.h"
#include "screeners.h"

namespace cordon::server {

struct ServingState {
  std::shared_ptr<const Engine> engine;
  // Entity id ("<source>-<source_id>", see EntityId) -> entity.
  std::unordered_map<std::string, const Entity*> by_id;
  uint64_t generation = 0;  // 1 for the first engine, +1 per accepted reload
  std::string loaded_at;    // UTC ISO-8601 time it was installed
  size_t names = 0;         // listed names over all loaded sources
  // Text and payment screeners over `engine`, built on first use.
  std::unique_ptr<LazyScreeners> screeners;
  // EntityMembersJson() of every entity, by index in engine->Entities():
  // responses copy these bytes instead of rendering each hit again.
  std::vector<std::string> entity_json;

  // The pre-rendered members of `entity`, or empty if it is not one of
  // engine->Entities() (callers then render it themselves).
  std::string_view MembersOf(const Entity* entity) const;
};

struct ReloadPolicy {
  double min_entity_ratio = 0.5;  // see the header comment
  // Build the text and payment screeners of a new engine before it starts
  // serving (about a second on the bundled lists), so the first
  // /v1/screen/text or /payment request after a start or reload does not
  // stall its worker. Off: built on first use.
  bool warm_screeners = false;
};

struct ReloadOutcome {
  bool ok = false;
  bool attempted = false;   // false before the first reload
  std::string at;           // UTC ISO-8601
  uint64_t generation = 0;  // serving generation after the attempt
  double seconds = 0;       // time the load took
  Status status;            // why it was refused (ok() when accepted)
};

// Makes the next engine for Reload().
using EngineLoader = std::function<Result<std::unique_ptr<Engine>>()>;

class EngineHolder {
 public:
  // `load` is what Reload() passes to Engine::Open.
  EngineHolder(LoadOptions load, ReloadPolicy policy = {});
  // Reload() calls `loader` (e.g. Engine::OpenSnapshot of a file the
  // operator rebuilds); `origin` (a folder or file) names it in messages.
  EngineHolder(EngineLoader loader, std::string origin, ReloadPolicy policy = {})
      : loader_(std::move(loader)), origin_(std::move(origin)), policy_(policy) {}

  // Installs `engine` as the serving engine (the first load, or tests).
  void Install(std::shared_ptr<const Engine> engine);

  // The serving state; nullptr before Install(). Thread-safe, cheap.
  std::shared_ptr<const ServingState> Current() const;

  // Loads the lists again and installs them unless broken (see above).
  // One reload at a time: a call while another runs waits for it.
  // Thread-safe.
  ReloadOutcome Reload();

  // The outcome of the last Reload() (attempted == false if none yet).
  ReloadOutcome LastReload() const;

  // Reloads attempted / refused since start.
  uint64_t reloads() const;
  uint64_t reload_failures() const;

  // "<source>-<source_id>": "ofac_sdn-35096", "un-KPi.033".
  static std::string EntityId(const Entity& entity);

 private:
  Status CheckNotBroken(const Engine& next, const Engine& current) const;

  const EngineLoader loader_;
  const std::string origin_;  // lists folder or snapshot file
  const ReloadPolicy policy_;
  mutable std::mutex mu_;  // guards the members below
  std::shared_ptr<const ServingState> current_;
  ReloadOutcome last_;
  uint64_t reloads_ = 0;
  uint64_t reload_failures_ = 0;
  std::mutex reload_mu_;  // one reload at a time
};

}  // namespace cordon::server

#endif  // CORDON_SERVER_ENGINE_HOLDER_H_
