// Copyright (c) cordon authors.
//
// FollowTheMoney query-by-example (the body of yente's POST /match) decoded
// into cordon queries. Decoding validates everything a client controls and
// names the offending JSON path in the error ("queries.q1.properties.name[0]").
//
// Body: {"queries": {"<key>": {"schema": "Person",
//                              "properties": {"name": ["..."], ...}}, ...},
//        "weights": {"birth_date_far": -0.1, ...}}   (weights optional)
// Property values are a string or an array of strings (null = absent).
// Property mapping (docs/server.md lists it with every difference from yente):
//   names      name, alias, previousName, weakAlias, and for persons the
//              composition of firstName, secondName, middleName, fatherName,
//              lastName (each name is screened; the best score per entity counts)
//   birthDate  the first value (yyyy, yyyy-mm, yyyy-mm-dd; a time part is cut)
//   country    the first of nationality, citizenship, country, jurisdiction, flag
//   ids        idNumber, passportNumber, nationalId, taxNumber, registrationNumber,
//              imoNumber, innCode, ogrnCode, leiCode, swiftBic, vatCode, mmsi
// Other properties are accepted and ignored (echoed back in the response).
#ifndef CORDON_SERVER_FTM_QUERY_H_
#define CORDON_SERVER_FTM_QUERY_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cordon/match.h"
#include "cordon/status.h"

namespace cordon::server {

struct FtmQueryLimits {
  size_t max_queries = 100;       // per request
  size_t max_names = 8;           // per query, after composition
  size_t max_values = 32;         // per property
  size_t max_value_bytes = 1024;  // per property value
};

struct FtmQuery {
  std::string key;     // the client's key for this query ("q1")
  std::string schema;  // FtM schema as sent ("Person")
  EntityKind kind = EntityKind::kAny;
  std::vector<std::string> names;  // each screened with `base`
  Query base;                      // birth_date, country, id_numbers; name empty
  // Every property as sent (values as strings), for echoing back.
  std::vector<std::pair<std::string, std::vector<std::string>>> properties;
};

struct MatchRequestBody {
  std::vector<FtmQuery> queries;  // body order
  bool has_weights = false;
  EvidenceWeights weights;  // defaults overridden by "weights"
};

// Maps an FtM schema name to the kind of listed party it may match.
// Errors: InvalidArgument for a schema cordon does not screen.
Result<EntityKind> KindForSchema(std::string_view schema);

// Decodes the JSON body of POST /match. Errors: InvalidArgument naming the
// JSON path at fault: malformed JSON (with the byte offset), invalid UTF-8,
// wrong types, unknown schema, no name, a malformed birth date, unknown
// weight keys, limits exceeded.
Result<MatchRequestBody> DecodeMatchRequest(std::string_view body, const FtmQueryLimits& limits = {});

// Applies "weights" keys (the names of EvidenceWeights members) from a JSON
// object text; used by the decoder and exposed for tests. Errors name the key.
Status ApplyWeight(std::string_view key, double value, EvidenceWeights* weights);

}  // namespace cordon::server

#endif  // CORDON_SERVER_FTM_QUERY_H_
