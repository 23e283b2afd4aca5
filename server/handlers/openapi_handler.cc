// GET /openapi.json: the API description (OpenAPI 3.0), written by hand to
// match the handlers; server_test checks every route in the table appears.
#include "handlers/handlers.h"

namespace cordon::server {
namespace {

const char kOpenApi[] = R"JSON({
"openapi": "3.0.3",
"info": {"title": "cordon screening API", "version": "1",
  "description": "Sanctions screening compatible with the OpenSanctions yente /match API, plus cordon endpoints. Differences from yente: docs/server.md."},
"components": {
  "schemas": {
    "Error": {"type": "object", "properties": {
      "detail": {"type": "string"},
      "error": {"type": "object", "properties": {"status": {"type": "integer"}, "type": {"type": "string"},
        "message": {"type": "string"}, "field": {"type": "string"}}}}},
    "EntityExample": {"type": "object", "required": ["schema", "properties"], "properties": {
      "schema": {"type": "string", "enum": ["Person", "Organization", "Company", "PublicBody", "LegalEntity", "Thing", "Vessel", "Airplane"]},
      "properties": {"type": "object", "additionalProperties": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
        "description": "FtM properties. Used: name, alias, previousName, weakAlias, firstName, secondName, middleName, fatherName, lastName, birthDate, nationality, citizenship, country, jurisdiction, flag, idNumber, passportNumber, nationalId, taxNumber, registrationNumber, imoNumber, innCode, ogrnCode, leiCode, swiftBic, vatCode, mmsi."}}},
    "EntityMatchQuery": {"type": "object", "required": ["queries"], "properties": {
      "queries": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/EntityExample"}, "maxProperties": 100},
      "weights": {"type": "object", "additionalProperties": {"type": "number"},
        "description": "birth_date_match, birth_date_near, birth_date_one_year, birth_date_far, country_match, country_mismatch, identifier_floor, legal_form_mismatch"}}},
    "Entity": {"type": "object", "properties": {
      "id": {"type": "string"}, "caption": {"type": "string"}, "schema": {"type": "string"},
      "properties": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
      "datasets": {"type": "array", "items": {"type": "string"}}, "referents": {"type": "array", "items": {"type": "string"}},
      "target": {"type": "boolean"}, "first_seen": {"type": "string", "nullable": true}, "last_seen": {"type": "string", "nullable": true},
      "cordon": {"type": "object", "properties": {"source": {"type": "string"}, "source_id": {"type": "string"},
        "references": {"type": "array", "items": {"type": "string"}}, "list_as_of": {"type": "string"}, "list_version": {"type": "string"}}}}},
    "ScoredEntity": {"allOf": [{"$ref": "#/components/schemas/Entity"}, {"type": "object", "properties": {
      "score": {"type": "number"}, "match": {"type": "boolean"}, "strength": {"type": "string", "enum": ["exact", "strong", "medium", "weak"]},
      "matched_name": {"type": "string"}, "matched_name_type": {"type": "string"},
      "features": {"type": "object", "additionalProperties": {"type": "number"}},
      "explanations": {"type": "object", "additionalProperties": {"type": "object", "properties": {"score": {"type": "number"}, "detail": {"type": "string"}}}}}}]}
  },
  "securitySchemes": {"admin": {"type": "http", "scheme": "bearer"}},
  "responses": {"Error": {"description": "error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}},
  "parameters": {
    "dataset": {"name": "dataset", "in": "path", "required": true, "schema": {"type": "string"}, "description": "default, sanctions, or a source id (GET /catalog)"},
    "limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 5, "minimum": 1, "maximum": 500}},
    "algorithm": {"name": "algorithm", "in": "query", "schema": {"type": "string", "default": "cordon"}},
    "include_dataset": {"name": "include_dataset", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}, "explode": true},
    "exclude_dataset": {"name": "exclude_dataset", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}, "explode": true}
  }
},
"paths": {
  "/match/{dataset}": {"post": {"summary": "Match FtM entity examples (batch)",
    "parameters": [{"$ref": "#/components/parameters/dataset"}, {"$ref": "#/components/parameters/limit"},
      {"name": "threshold", "in": "query", "schema": {"type": "number", "default": 0.8}, "description": "score from which match is true"},
      {"name": "cutoff", "in": "query", "schema": {"type": "number"}, "description": "lowest score returned (default: threshold)"},
      {"$ref": "#/components/parameters/algorithm"}, {"$ref": "#/components/parameters/include_dataset"}, {"$ref": "#/components/parameters/exclude_dataset"}],
    "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EntityMatchQuery"}}}},
    "responses": {"200": {"description": "per query key: status, results, total, query", "content": {"application/json": {"schema": {"type": "object", "properties": {
      "responses": {"type": "object", "additionalProperties": {"type": "object", "properties": {"status": {"type": "integer"},
        "results": {"type": "array", "items": {"$ref": "#/components/schemas/ScoredEntity"}}, "total": {"type": "object"}, "query": {"type": "object"}}}},
      "limit": {"type": "integer"}}}}}},
      "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}}}},
  "/search/{dataset}": {"get": {"summary": "Names resembling q",
    "parameters": [{"$ref": "#/components/parameters/dataset"}, {"name": "q", "in": "query", "required": true, "schema": {"type": "string"}},
      {"name": "schema", "in": "query", "schema": {"type": "string", "default": "Thing"}}, {"$ref": "#/components/parameters/limit"},
      {"name": "offset", "in": "query", "schema": {"type": "integer", "default": 0}}, {"name": "threshold", "in": "query", "schema": {"type": "number", "default": 0.7}},
      {"$ref": "#/components/parameters/algorithm"}, {"$ref": "#/components/parameters/include_dataset"}, {"$ref": "#/components/parameters/exclude_dataset"}],
    "responses": {"200": {"description": "results, total, limit, offset"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
  "/v1/screen/text": {"post": {"summary": "Listed parties and sanctioned places mentioned in free text (any language)",
    "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["text"], "properties": {
      "text": {"type": "string"}, "lang": {"type": "string", "default": "auto"}, "threshold": {"type": "number", "default": 0.8},
      "limit": {"type": "integer", "default": 5}, "dataset": {"type": "string", "default": "default"},
      "parties": {"type": "boolean", "default": true}, "jurisdictions": {"type": "boolean", "default": true}}}}}},
    "responses": {"200": {"description": "mentions (byte offsets, matches with explanations), jurisdictions, list_versions"},
      "400": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}}}},
  "/v1/screen/payment": {"post": {"summary": "Screen ISO 20022 pacs.008 or SWIFT MT103 messages (one or many)",
    "parameters": [{"name": "format", "in": "query", "schema": {"type": "string", "enum": ["auto", "pacs008", "mt103"], "default": "auto"}},
      {"name": "threshold", "in": "query", "schema": {"type": "number", "default": 0.8}}, {"$ref": "#/components/parameters/limit"},
      {"name": "dataset", "in": "query", "schema": {"type": "string", "default": "default"}}],
    "requestBody": {"required": true, "content": {"application/xml": {"schema": {"type": "string"}}, "text/plain": {"schema": {"type": "string"}}}},
    "responses": {"200": {"description": "per message: status (ok/error with field and line), hits per field path with matches"},
      "400": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}}}},
  "/entities/{id}": {"get": {"summary": "One listed entity", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "<source>-<source_id>"}],
    "responses": {"200": {"description": "entity", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Entity"}}}}, "404": {"$ref": "#/components/responses/Error"}}}},
  "/catalog": {"get": {"summary": "Datasets, list versions, load status", "responses": {"200": {"description": "catalog"}}}},
  "/algorithms": {"get": {"summary": "Scoring algorithms", "responses": {"200": {"description": "algorithms"}}}},
  "/healthz": {"get": {"summary": "Liveness", "responses": {"200": {"description": "ok"}}}},
  "/readyz": {"get": {"summary": "Readiness (503 while draining)", "responses": {"200": {"description": "ready"}, "503": {"description": "draining"}}}},
  "/metrics": {"get": {"summary": "Prometheus metrics", "responses": {"200": {"description": "text/plain; version=0.0.4"}}}},
  "/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3"}}}},
  "/admin/reload": {
    "post": {"summary": "Reload the lists (atomic swap; a broken list keeps the old one serving)", "security": [{"admin": []}],
      "parameters": [{"name": "wait", "in": "query", "schema": {"type": "integer", "default": 0, "maximum": 120}, "description": "seconds to wait for the outcome"}],
      "responses": {"200": {"description": "reloaded"}, "202": {"description": "reloading"}, "401": {"$ref": "#/components/responses/Error"},
        "404": {"description": "admin endpoints disabled"}, "422": {"description": "refused: broken list, old lists still serving"}, "503": {"description": "refused: lists unreadable"}}},
    "get": {"summary": "Last reload outcome", "security": [{"admin": []}], "responses": {"200": {"description": "outcome"}, "401": {"$ref": "#/components/responses/Error"}}}}
}
})JSON";

}  // namespace

Status HandleOpenApi(RequestContext& ctx, HttpResponse* response) {
  response->body = kOpenApi;
  return Status::Ok();
}

}  // namespace cordon::server
