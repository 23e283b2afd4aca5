// GET /entities/{id}: one listed entity by its id ("<source>-<source_id>").
#include "engine_holder.h"
#include "ftm_entity.h"
#include "handlers/handlers.h"

namespace cordon::server {

Status HandleEntity(RequestContext& ctx, HttpResponse* response) {
  const std::string& id = ctx.path_params[0];
  auto it = ctx.state->by_id.find(id);
  if (it == ctx.state->by_id.end()) {
    return Status::NotFound(
        "no entity with id '" + id + "' (ids are <source>-<source_id>, e.g. ofac_sdn-35096)", {"", 0, "id"});
  }
  const Entity& e = *it->second;
  JsonWriter out(&response->body);
  WriteEntity(e, *ctx.state->engine, /*raw=*/true, &out, ctx.state->MembersOf(&e));
  return Status::Ok();
}

}  // namespace cordon::server
