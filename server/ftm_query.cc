#include "ftm_query.h"

#include <nlohmann/json.hpp>

#include "base/utf8.h"
#include "json_limits.h"

namespace cordon::server {
namespace {

using json = nlohmann::ordered_json;  // keeps the body order of queries

const char* const kNameProps[] = {"name", "alias", "previousName", "weakAlias"};
const char* const kNamePartProps[] = {"firstName", "secondName", "middleName", "fatherName", "lastName"};
const char* const kCountryProps[] = {"nationality", "citizenship", "country", "jurisdiction", "flag"};
const char* const kIdProps[] = {"idNumber",
                                "passportNumber",
                                "nationalId",
                                "taxNumber",
                                "registrationNumber",
                                "imoNumber",
                                "innCode",
                                "ogrnCode",
                                "leiCode",
                                "swiftBic",
                                "vatCode",
                                "mmsi"};

Status Bad(const std::string& path, const std::string& message) {
  return Status::InvalidArgument(path + ": " + message, {"", 0, path});
}

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// yyyy, yyyy-mm or yyyy-mm-dd.
bool IsPartialIsoDate(std::string_view d) {
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  if (!IsDigits(d.substr(0, 4))) return false;
  if (d.size() >= 7 && (d[4] != '-' || !IsDigits(d.substr(5, 2)))) return false;
  if (d.size() == 10 && (d[7] != '-' || !IsDigits(d.substr(8, 2)))) return false;
  return true;
}

const std::vector<std::string>* Find(const FtmQuery& q, std::string_view prop) {
  for (const auto& [k, v] : q.properties) {
    if (k == prop) return &v;
  }
  return nullptr;
}

void AddUnique(std::vector<std::string>* out, const std::string& v) {
  for (const auto& x : *out) {
    if (x == v) return;
  }
  out->push_back(v);
}

Status DecodeProperties(const json& props, const std::string& path, const FtmQueryLimits& limits,
                        FtmQuery* q) {
  if (!props.is_object()) return Bad(path, "expected an object of property -> values");
  for (auto it = props.begin(); it != props.end(); ++it) {
    const std::string& key = it.key();
    std::string ppath = path + "." + key;
    if (key.empty() || key.size() > 64) return Bad(ppath, "property names must be 1-64 bytes");
    std::vector<std::string> values;
    const json& v = it.value();
    auto take = [&](const json& item, const std::string& ipath) -> Status {
      if (!item.is_string()) return Bad(ipath, std::string("expected a string, got ") + item.type_name());
      const std::string& s = item.get_ref<const std::string&>();
      if (s.size() > limits.max_value_bytes) {
        return Bad(ipath, "value longer than " + std::to_string(limits.max_value_bytes) + " bytes");
      }
      if (!IsValidUtf8(s)) return Bad(ipath, "invalid UTF-8");
      std::string_view trimmed = TrimAscii(s);
      if (!trimmed.empty()) values.emplace_back(trimmed);
      return Status::Ok();
    };
    if (v.is_null()) {
      // absent
    } else if (v.is_array()) {
      if (v.size() > limits.max_values) {
        return Bad(ppath, "more than " + std::to_string(limits.max_values) + " values");
      }
      for (size_t i = 0; i < v.size(); ++i) {
        Status st = take(v[i], ppath + "[" + std::to_string(i) + "]");
        if (!st.ok()) return st;
      }
    } else {
      Status st = take(v, ppath);
      if (!st.ok()) return st;
    }
    q->properties.emplace_back(key, std::move(values));
  }
  return Status::Ok();
}

Status DecodeQuery(const std::string& key, const json& jq, const FtmQueryLimits& limits, FtmQuery* q) {
  const std::string path = "queries." + key;
  q->key = key;
  if (!jq.is_object()) return Bad(path, std::string("expected an object, got ") + jq.type_name());
  auto schema = jq.find("schema");
  if (schema == jq.end()) return Bad(path + ".schema", "missing (e.g. \"Person\", \"Company\", \"Vessel\")");
  if (!schema->is_string())
    return Bad(path + ".schema", std::string("expected a string, got ") + schema->type_name());
  q->schema = schema->get<std::string>();
  Result<EntityKind> kind = KindForSchema(q->schema);
  if (!kind.ok()) return Bad(path + ".schema", kind.status().message());
  q->kind = kind.value();
  auto props = jq.find("properties");
  if (props == jq.end()) return Bad(path + ".properties", "missing");
  Status st = DecodeProperties(*props, path + ".properties", limits, q);
  if (!st.ok()) return st;

  for (const char* p : kNameProps) {
    if (const auto* v = Find(*q, p)) {
      for (const auto& n : *v) AddUnique(&q->names, n);
    }
  }
  std::string composed;
  for (const char* p : kNamePartProps) {
    if (const auto* v = Find(*q, p)) {
      for (const auto& part : *v) {
        if (!composed.empty()) composed.push_back(' ');
        composed += part;
      }
    }
  }
  if (!composed.empty()) {
    if (composed.size() > limits.max_value_bytes) {
      return Bad(path + ".properties", "firstName/lastName parts together longer than " +
                                           std::to_string(limits.max_value_bytes) + " bytes");
    }
    AddUnique(&q->names, composed);
  }
  if (q->names.empty()) {
    return Bad(path + ".properties", "no name to screen: give name (or alias), or firstName/lastName");
  }
  if (q->names.size() > limits.max_names) {
    return Bad(path + ".properties", "more than " + std::to_string(limits.max_names) + " names in one query");
  }
  if (const auto* dates = Find(*q, "birthDate"); dates != nullptr && !dates->empty()) {
    std::string d = dates->front();
    if (d.size() > 10 && d[10] == 'T') d.resize(10);
    if (!IsPartialIsoDate(d)) {
      return Bad(path + ".properties.birthDate[0]", "expected yyyy, yyyy-mm or yyyy-mm-dd, got '" + d + "'");
    }
    q->base.birth_date = d;
  }
  for (const char* p : kCountryProps) {
    if (const auto* v = Find(*q, p); v != nullptr && !v->empty()) {
      q->base.country = v->front();
      break;
    }
  }
  for (const char* p : kIdProps) {
    if (const auto* v = Find(*q, p)) {
      for (const auto& id : *v) {
        if (q->base.id_numbers.size() >= limits.max_values) {
          return Bad(path + ".properties", "more than " + std::to_string(limits.max_values) + " identifiers");
        }
        AddUnique(&q->base.id_numbers, id);
      }
    }
  }
  q->base.kind = q->kind;
  return Status::Ok();
}

}  // namespace

Result<EntityKind> KindForSchema(std::string_view s) {
  if (s == "Person") return EntityKind::kPerson;
  if (s == "Organization" || s == "Company" || s == "PublicBody") return EntityKind::kOrganization;
  if (s == "LegalEntity" || s == "Thing") return EntityKind::kAny;
  if (s == "Vessel") return EntityKind::kVessel;
  if (s == "Airplane") return EntityKind::kAircraft;
  return Status::InvalidArgument(
      "unknown schema '" + std::string(s) +
      "' (Person, Organization, Company, PublicBody, LegalEntity, Thing, Vessel, Airplane)");
}

Status ApplyWeight(std::string_view key, double value, EvidenceWeights* w) {
  const std::pair<const char*, double*> keys[] = {
      {"birth_date_match", &w->birth_date_match},
      {"birth_date_near", &w->birth_date_near},
      {"birth_date_one_year", &w->birth_date_one_year},
      {"birth_date_far", &w->birth_date_far},
      {"country_match", &w->country_match},
      {"country_mismatch", &w->country_mismatch},
      {"identifier_floor", &w->identifier_floor},
      {"legal_form_mismatch", &w->legal_form_mismatch},
  };
  for (const auto& [name, ptr] : keys) {
    if (key == name) {
      if (value < -1.0 || value > 1.0) return Bad("weights." + std::string(key), "must be in [-1, 1]");
      *ptr = value;
      return Status::Ok();
    }
  }
  return Bad("weights." + std::string(key),
             "unknown weight (birth_date_match, birth_date_near, birth_date_one_year, birth_date_far, "
             "country_match, country_mismatch, identifier_floor, legal_form_mismatch)");
}

Result<MatchRequestBody> DecodeMatchRequest(std::string_view body, const FtmQueryLimits& limits) {
  Status depth = CheckJsonDepth(body, kMaxJsonDepth);
  if (!depth.ok()) return depth;
  json doc;
  try {
    doc = json::parse(body.begin(), body.end());
  } catch (const json::exception& e) {
    return Status::InvalidArgument(std::string("malformed JSON body: ") + e.what(), {"", 0, "body"});
  }
  if (!doc.is_object()) return Bad("body", std::string("expected a JSON object, got ") + doc.type_name());
  MatchRequestBody out;
  auto queries = doc.find("queries");
  if (queries == doc.end()) return Bad("queries", "missing (an object of key -> FtM entity example)");
  if (!queries->is_object())
    return Bad("queries", std::string("expected an object, got ") + queries->type_name());
  if (queries->empty()) return Bad("queries", "no queries");
  if (queries->size() > limits.max_queries) {
    return Bad("queries", "more than " + std::to_string(limits.max_queries) + " queries in one request");
  }
  for (auto it = queries->begin(); it != queries->end(); ++it) {
    if (it.key().empty() || it.key().size() > 128) return Bad("queries", "query keys must be 1-128 bytes");
    FtmQuery q;
    Status st = DecodeQuery(it.key(), it.value(), limits, &q);
    if (!st.ok()) return st;
    out.queries.push_back(std::move(q));
  }
  if (auto weights = doc.find("weights"); weights != doc.end() && !weights->is_null()) {
    if (!weights->is_object())
      return Bad("weights", std::string("expected an object, got ") + weights->type_name());
    for (auto it = weights->begin(); it != weights->end(); ++it) {
      if (!it.value().is_number()) {
        return Bad("weights." + it.key(), std::string("expected a number, got ") + it.value().type_name());
      }
      Status st = ApplyWeight(it.key(), it.value().get<double>(), &out.weights);
      if (!st.ok()) return st;
    }
    out.has_weights = true;
  }
  return out;
}

}  // namespace cordon::server
