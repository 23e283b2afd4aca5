#include "engine_holder.h"

#include <chrono>
#include <ctime>
#include <filesystem>

#include "base/utc_time.h"
#include "ftm_entity.h"

namespace cordon::server {
namespace {

// Where a source lives: its folder when serving lists, else the snapshot.
std::string SourcePath(const std::string& origin, const std::string& id) {
  std::error_code ec;
  return std::filesystem::is_directory(origin, ec) ? origin + "/" + id : origin;
}

}  // namespace

std::string_view ServingState::MembersOf(const Entity* entity) const {
  const std::vector<Entity>& all = engine->Entities();
  if (all.empty() || entity < all.data() || entity >= all.data() + all.size()) return {};
  return entity_json[static_cast<size_t>(entity - all.data())];
}

EngineHolder::EngineHolder(LoadOptions load, ReloadPolicy policy)
    : EngineHolder([load] { return Engine::Open(load); }, load.lists_dir, policy) {}

std::string EngineHolder::EntityId(const Entity& e) { return e.source + "-" + e.source_id; }

void EngineHolder::Install(std::shared_ptr<const Engine> engine) {
  auto state = std::make_shared<ServingState>();
  state->engine = std::move(engine);
  const std::vector<Entity>& entities = state->engine->Entities();
  state->by_id.reserve(entities.size());
  state->entity_json.reserve(entities.size());
  for (const Entity& e : entities) {
    state->by_id.emplace(EntityId(e), &e);
    state->names += e.names.size();
    state->entity_json.push_back(EntityMembersJson(e, *state->engine));
  }
  state->screeners = std::make_unique<LazyScreeners>(state->engine.get());
  if (policy_.warm_screeners) {
    (void)state->screeners->Text();  // errors are reported again on use
    (void)state->screeners->Payment();
  }
  state->loaded_at = UtcNowIso8601();
  std::lock_guard<std::mutex> lock(mu_);
  state->generation = current_ ? current_->generation + 1 : 1;
  current_ = std::move(state);
}

std::shared_ptr<const ServingState> EngineHolder::Current() const {
  std::lock_guard<std::mutex> lock(mu_);
  return current_;
}

Status EngineHolder::CheckNotBroken(const Engine& next, const Engine& current) const {
  for (const SourceInfo& old : current.Sources()) {
    if (!old.status.ok()) continue;  // was already failing: no regression
    const SourceInfo* now = nullptr;
    for (const SourceInfo& s : next.Sources()) {
      if (s.id == old.id) now = &s;
    }
    if (now == nullptr) {
      return Status::DataError("source '" + old.id + "' is loaded now but missing from the new lists",
                               {SourcePath(origin_, old.id), 0, ""});
    }
    if (!now->status.ok()) {
      return Status::DataError("source '" + old.id + "' no longer loads: " + now->status.ToString(),
                               now->status.location());
    }
    if (static_cast<double>(now->entities) < policy_.min_entity_ratio * static_cast<double>(old.entities)) {
      return Status::DataError("source '" + old.id + "' shrank from " + std::to_string(old.entities) +
                                   " to " + std::to_string(now->entities) + " entities (below " +
                                   std::to_string(static_cast<int>(policy_.min_entity_ratio * 100)) +
                                   "% of the serving list; a truncated file?)",
                               {SourcePath(origin_, old.id), 0, ""});
    }
  }
  return Status::Ok();
}

ReloadOutcome EngineHolder::Reload() {
  std::lock_guard<std::mutex> one_at_a_time(reload_mu_);
  auto start = std::chrono::steady_clock::now();
  ReloadOutcome outcome;
  outcome.attempted = true;
  Result<std::unique_ptr<Engine>> next = loader_();
  std::shared_ptr<const ServingState> current = Current();
  if (!next.ok()) {
    outcome.status = next.status();
  } else if (current != nullptr) {
    outcome.status = CheckNotBroken(*next.value(), *current->engine);
  }
  outcome.ok = outcome.status.ok();
  if (outcome.ok) Install(std::shared_ptr<const Engine>(std::move(next.value())));
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  outcome.at = UtcNowIso8601();
  std::lock_guard<std::mutex> lock(mu_);
  outcome.generation = current_ ? current_->generation : 0;
  ++reloads_;
  if (!outcome.ok) ++reload_failures_;
  last_ = outcome;
  return outcome;
}

ReloadOutcome EngineHolder::LastReload() const {
  std::lock_guard<std::mutex> lock(mu_);
  return last_;
}

uint64_t EngineHolder::reloads() const {
  std::lock_guard<std::mutex> lock(mu_);
  return reloads_;
}

uint64_t EngineHolder::reload_failures() const {
  std::lock_guard<std::mutex> lock(mu_);
  return reload_failures_;
}

}  // namespace cordon::server
