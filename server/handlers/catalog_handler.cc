// GET /catalog: the datasets served (yente's catalog shape) with each list's
// version, as-of date, counts, skipped records and load status.
// GET /algorithms: the scorers /match accepts.
#include "ftm_entity.h"
#include "handlers/handlers.h"
#include "handlers/params.h"

namespace cordon::server {

Status HandleCatalog(RequestContext& ctx, HttpResponse* response) {
  const Engine& engine = *ctx.state->engine;
  const ServiceOptions& opts = *ctx.service.options;
  Json datasets = Json::array();
  std::vector<std::string> names = DatasetNames(engine, opts);
  size_t total_entities = 0;
  std::vector<std::string> loaded;
  std::vector<std::string> sanctions;
  for (const SourceInfo& s : engine.Sources()) {
    if (!s.status.ok()) continue;
    total_entities += s.entities;
    loaded.push_back(s.id);
    for (const auto& id : opts.sanctions_sources) {
      if (id == s.id) sanctions.push_back(s.id);
    }
  }
  datasets.push_back({{"name", "default"},
                      {"title", "All loaded lists"},
                      {"type", "collection"},
                      {"children", loaded},
                      {"entity_count", total_entities},
                      {"load", true}});
  if (!sanctions.empty()) {
    size_t n = 0;
    for (const auto& id : sanctions) n += engine.FindSource(id)->entities;
    datasets.push_back({{"name", "sanctions"},
                        {"title", "Sanctions lists (OFAC, UN, EU, UK)"},
                        {"type", "collection"},
                        {"children", sanctions},
                        {"entity_count", n},
                        {"load", true}});
  }
  for (const SourceInfo& s : engine.Sources()) {
    Json skipped = Json::array();
    for (size_t i = 0; i < s.skipped.size() && i < 20; ++i) {
      const LoadIssue& issue = s.skipped[i];
      skipped.push_back(
          {{"file", issue.file}, {"line", issue.line}, {"field", issue.field}, {"message", issue.message}});
    }
    datasets.push_back({{"name", s.id},
                        {"title", s.id},
                        {"type", "source"},
                        {"format", s.format},
                        {"version", s.version},
                        {"last_export", s.as_of},
                        {"entity_count", s.entities},
                        {"name_count", s.names},
                        {"files", s.files},
                        {"skipped_count", s.skipped.size()},
                        {"skipped", std::move(skipped)},
                        {"load", s.status.ok()},
                        {"status", s.status.ok() ? "ok" : s.status.ToString()}});
  }
  ReloadOutcome last = ctx.service.holder->LastReload();
  Json reload = nullptr;
  if (last.attempted) {
    reload = {{"ok", last.ok}, {"at", last.at}, {"error", last.ok ? Json() : Json(last.status.ToString())}};
  }
  Json out = {{"datasets", std::move(datasets)},     {"current", names},
              {"outdated", Json::array()},           {"index_stale", false},
              {"generation", ctx.state->generation}, {"loaded_at", ctx.state->loaded_at},
              {"last_reload", std::move(reload)}};
  response->body = DumpJson(out);
  return Status::Ok();
}

Status HandleAlgorithms(RequestContext& ctx, HttpResponse* response) {
  Json cordon = {
      {"name", "cordon"},
      {"description",
       "cordon's scorer: names transliterated and romanised from any script, weighted token alignment "
       "(rare name parts weigh more), caps so a surname alone never matches, then birth date, country, "
       "identifier and legal-form evidence. Default threshold 0.80. Also accepted under yente's names "
       "(best, logic-v1, logic-v2, name-based, name-qualified, regression-v1, regression-v2)."},
      {"features",
       {{"name_score", "weighted alignment of the name parts (the score before attributes)"},
        {"birth_date", "compatible +0.05; same year -0.05; one year apart -0.10; further -0.25"},
        {"country", "a listed country agrees +0.03; the list has countries and none agrees -0.10"},
        {"id_number", "an equal passport/IMO/registration number lifts the score to at least 0.90"},
        {"legal_form", "legal forms of different families (LLC vs JSC) -0.05"}}}};
  Json ofac = {{"name", "ofac"},
               {"description",
                "a mirror of the US Treasury Sanctions List Search score: Jaro-Winkler + Soundex over the "
                "list's own Latin spelling, no transliteration, attributes ignored. For comparing with the "
                "regulator's tool, not for screening."},
               {"features", {{"name_score", "Jaro-Winkler/Soundex name score"}}}};
  Json out = {{"algorithms", Json::array({std::move(cordon), std::move(ofac)})},
              {"default", "cordon"},
              {"best", "cordon"}};
  response->body = DumpJson(out);
  return Status::Ok();
}

}  // namespace cordon::server
