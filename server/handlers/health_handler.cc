// GET /healthz: the process answers. GET /readyz: an engine is loaded and the
// server is not draining (503 while shutting down), with the generation.
#include "ftm_entity.h"
#include "handlers/handlers.h"

namespace cordon::server {

Status HandleHealthz(RequestContext& ctx, HttpResponse* response) {
  response->body = R"({"status":"ok"})";
  return Status::Ok();
}

Status HandleReadyz(RequestContext& ctx, HttpResponse* response) {
  bool draining = ctx.service.draining.load();
  size_t loaded = 0;
  for (const SourceInfo& s : ctx.state->engine->Sources()) loaded += s.status.ok() ? 1 : 0;
  Json out = {{"status", draining ? "draining" : "ok"},
              {"generation", ctx.state->generation},
              {"loaded_at", ctx.state->loaded_at},
              {"sources", loaded},
              {"entities", ctx.state->engine->Entities().size()}};
  response->status = draining ? 503 : 200;
  response->body = DumpJson(out);
  return Status::Ok();
}

}  // namespace cordon::server
