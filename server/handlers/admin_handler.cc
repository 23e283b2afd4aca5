// POST /admin/reload: load the lists again in the background and swap the
// index when the new load is sound (engine_holder.h says what "broken"
// means). Responds 202 with a ticket; ?wait=SECONDS (at most 120) waits for
// the outcome and answers 200 (reloaded) or 422/503 (refused, with why; the
// old lists keep serving). GET /admin/reload: the last outcome.
// Both need "Authorization: Bearer <token>"; without a configured token the
// admin endpoints are off (404).
#include "ftm_entity.h"
#include "handlers/handlers.h"
#include "handlers/params.h"
#include "http_errors.h"
#include "reloader.h"

namespace cordon::server {
namespace {

// Compares in time independent of where the strings differ (the token's
// length is not secret).
bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

// True when the request carries the admin token; otherwise fills the error
// response (404 when admin endpoints are off, 401 for a missing/wrong token).
bool Authorise(RequestContext& ctx, HttpResponse* response) {
  const std::string& token = ctx.service.options->admin_token;
  if (token.empty()) {
    *response = ErrorResponse(404,
                              "admin endpoints are disabled (start the server with CORDON_ADMIN_TOKEN or "
                              "--admin-token-file)");
    return false;
  }
  const std::string* auth = ctx.request.Header("authorization");
  const std::string prefix = "Bearer ";
  if (auth == nullptr || auth->compare(0, prefix.size(), prefix) != 0 ||
      !ConstantTimeEquals(std::string_view(*auth).substr(prefix.size()), token)) {
    *response = ErrorResponse(
        401, auth == nullptr ? "missing 'Authorization: Bearer <token>' header" : "wrong admin token",
        "authorization");
    response->headers.emplace_back("WWW-Authenticate", "Bearer");
    return false;
  }
  return true;
}

Json OutcomeJson(const ReloadOutcome& o, const ServingState* state) {
  Json j = {{"attempted", o.attempted},
            {"ok", o.ok},
            {"at", o.at},
            {"seconds", o.seconds},
            {"generation", o.generation}};
  if (!o.status.ok()) j["error"] = o.status.ToString();
  if (state != nullptr) {
    Json sources = Json::array();
    for (const SourceInfo& s : state->engine->Sources()) {
      sources.push_back({{"id", s.id},
                         {"version", s.version},
                         {"as_of", s.as_of},
                         {"entities", s.entities},
                         {"loaded", s.status.ok()}});
    }
    j["serving"] = std::move(sources);
  }
  return j;
}

}  // namespace

Status HandleReload(RequestContext& ctx, HttpResponse* response) {
  if (!Authorise(ctx, response)) return Status::Ok();
  Result<int> wait = IntParam(ctx.params, "wait", 0, 0, 120);
  if (!wait.ok()) return wait.status();
  Reloader* reloader = ctx.service.reloader;
  uint64_t ticket = reloader->Trigger();
  if (wait.value() == 0) {
    response->status = 202;
    response->body = DumpJson(Json{{"status", "reloading"}, {"ticket", ticket}});
    return Status::Ok();
  }
  if (!reloader->Wait(ticket, wait.value() * 1000)) {
    response->status = 202;
    response->body = DumpJson(Json{{"status", "reloading"}, {"ticket", ticket}});
    return Status::Ok();
  }
  ReloadOutcome o = ctx.service.holder->LastReload();
  std::shared_ptr<const ServingState> now = ctx.service.holder->Current();
  Json body = OutcomeJson(o, now.get());
  body["status"] = o.ok ? "reloaded" : "refused";
  // Broken list content: 422; lists folder missing or unreadable: 503.
  response->status = o.ok ? 200 : o.status.code() == StatusCode::kDataError ? 422 : 503;
  response->body = DumpJson(body);
  return Status::Ok();
}

Status HandleReloadStatus(RequestContext& ctx, HttpResponse* response) {
  if (!Authorise(ctx, response)) return Status::Ok();
  ReloadOutcome o = ctx.service.holder->LastReload();
  std::shared_ptr<const ServingState> now = ctx.service.holder->Current();
  Json body = OutcomeJson(o, now.get());
  body["running"] = ctx.service.reloader->running();
  body["completed"] = ctx.service.reloader->completed();
  response->body = DumpJson(body);
  return Status::Ok();
}

}  // namespace cordon::server
