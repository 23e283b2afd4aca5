// Copyright (c) cordon authors.
//
// cordon entities and matches in the JSON shape yente returns (FollowTheMoney
// entity: id, caption, schema, properties, datasets...; a scored result adds
// score, match, features, explanations). Differences from yente are listed in
// docs/server.md. Written with the streaming JsonWriter (hot path).
#ifndef CORDON_SERVER_FTM_ENTITY_H_
#define CORDON_SERVER_FTM_ENTITY_H_

#include <nlohmann/json.hpp>

#include "cordon/engine.h"
#include "cordon/match.h"
#include "base/json_writer.h"

namespace cordon::server {

using Json = nlohmann::ordered_json;

// The entity as an FtM object: {"id", "caption", "schema", "properties",
// "datasets", "referents", "target", "first_seen", "last_seen", "cordon":
// {source, source_id, references, list_as_of, list_version}}. Countries are
// lower-case ISO codes as in FtM. `engine` gives the source's as-of date and
// version. `raw` adds the list's original record text. `members`, when not
// empty, is EntityMembersJson() of the entity rendered in advance (the
// serving state keeps one per entity, so hot responses copy bytes).
void WriteEntity(const Entity& entity, const Engine& engine, bool raw, JsonWriter* out,
                 std::string_view members = {});

// A match: the entity members plus score, match (score >= match_threshold),
// strength, matched_name, matched_name_type, features (name score and each
// attribute's effect) and explanations (per feature: score and a readable
// detail; "name_score" also has the aligned tokens).
void WriteMatch(const Match& match, const Engine& engine, double match_threshold, JsonWriter* out,
                std::string_view members = {});

// The entity's members as WriteEntity writes them, without the braces.
std::string EntityMembersJson(const Entity& entity, const Engine& engine);

// Serialises a DOM compactly (the low-traffic endpoints); invalid UTF-8
// (never expected) becomes U+FFFD.
std::string DumpJson(const Json& json);

}  // namespace cordon::server

#endif  // CORDON_SERVER_FTM_ENTITY_H_
