#include "ftm_entity.h"

#include <cctype>
#include <deque>
#include <string>
#include <utility>
#include <vector>

namespace cordon::server {
namespace {

// FtM writes country codes in lower case ("ru"); lists' own text stays as is.
std::string FtmCountry(const std::string& c) {
  if (c.size() == 2 && std::isupper(static_cast<unsigned char>(c[0])) &&
      std::isupper(static_cast<unsigned char>(c[1]))) {
    return {static_cast<char>(std::tolower(static_cast<unsigned char>(c[0]))),
            static_cast<char>(std::tolower(static_cast<unsigned char>(c[1])))};
  }
  return c;
}

// FtM properties in first-seen order, values de-duplicated. Values are views
// into the entity (which outlives the writer) or into `owned_` for the few
// that are computed (dates, lower-cased country codes).
class Properties {
 public:
  void Add(std::string_view key, std::string_view value) {
    if (value.empty()) return;
    for (auto& [k, values] : props_) {
      if (k == key) {
        for (std::string_view v : values) {
          if (v == value) return;
        }
        values.push_back(value);
        return;
      }
    }
    props_.emplace_back(key, std::vector<std::string_view>{value});
  }
  void AddOwned(std::string_view key, std::string value) {
    if (value.empty()) return;
    owned_.push_back(std::move(value));
    Add(key, owned_.back());
  }
  void Write(JsonWriter* out) const {
    out->BeginObject();
    for (const auto& [k, values] : props_) {
      out->Key(k);
      out->BeginArray();
      for (std::string_view v : values) out->String(v);
      out->EndArray();
    }
    out->EndObject();
  }

 private:
  std::vector<std::pair<std::string_view, std::vector<std::string_view>>> props_;
  std::deque<std::string> owned_;  // stable addresses
};

void WriteEntityMembers(const Entity& e, const Engine& engine, JsonWriter* out) {
  Properties props;
  for (const Name& n : e.names) {
    switch (n.type) {
      case NameType::kPrimary:
        props.Add("name", n.full);
        break;
      case NameType::kAlias:
      case NameType::kNewName:
        props.Add(n.quality == NameQuality::kWeak ? "weakAlias" : "alias", n.full);
        break;
      case NameType::kFormerName:
        props.Add("previousName", n.full);
        break;
    }
    if (n.type == NameType::kPrimary) {
      props.Add("firstName", n.given);
      props.Add("lastName", n.family);
    }
  }
  for (const PartialDate& d : e.birth_dates) props.AddOwned("birthDate", d.ToString());
  for (const auto& p : e.birth_places) props.Add("birthPlace", p);
  for (const auto& c : e.nationalities) {
    props.AddOwned(e.schema == Schema::kPerson ? "nationality" : "country", FtmCountry(c));
  }
  for (const auto& c : e.countries)
    props.AddOwned(e.schema == Schema::kVessel ? "flag" : "country", FtmCountry(c));
  for (const IdentityDocument& d : e.documents) {
    const char* key = "idNumber";
    switch (d.type) {
      case DocumentType::kPassport:
        key = "passportNumber";
        break;
      case DocumentType::kImo:
        key = "imoNumber";
        break;
      case DocumentType::kRegistration:
        key = "registrationNumber";
        break;
      case DocumentType::kTaxId:
        key = "taxNumber";
        break;
      default:
        break;
    }
    props.Add(key, d.number);
  }
  for (const Address& a : e.addresses) props.Add("address", a.full);
  for (const auto& p : e.programs) props.Add("program", p);
  props.Add("gender", e.gender);
  props.Add("position", e.title);
  props.Add("createdAt", e.listing_date);

  const SourceInfo* source = engine.FindSource(e.source);
  out->Key("id");
  out->String(e.source + "-" + e.source_id);
  out->Key("caption");
  out->String(e.names.empty() ? std::string_view() : std::string_view(e.names[0].full));
  out->Key("schema");
  out->String(SchemaName(e.schema));
  out->Key("properties");
  props.Write(out);
  out->Key("datasets");
  out->BeginArray();
  out->String(e.source);
  out->EndArray();
  out->Key("referents");
  out->BeginArray();
  out->EndArray();
  out->Key("target");
  out->Bool(true);
  out->Key("first_seen");
  if (e.listing_date.empty()) {
    out->Null();
  } else {
    out->String(e.listing_date);
  }
  out->Key("last_seen");
  if (source == nullptr || source->as_of.empty()) {
    out->Null();
  } else {
    out->String(source->as_of);
  }
  out->Key("cordon");
  out->BeginObject();
  out->Key("source");
  out->String(e.source);
  out->Key("source_id");
  out->String(e.source_id);
  out->Key("references");
  out->StringArray(e.references);
  out->Key("list_as_of");
  out->String(source != nullptr ? std::string_view(source->as_of) : std::string_view());
  out->Key("list_version");
  out->String(source != nullptr ? std::string_view(source->version) : std::string_view());
  out->EndObject();
}

}  // namespace

std::string DumpJson(const Json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string EntityMembersJson(const Entity& e, const Engine& engine) {
  std::string text;
  JsonWriter out(&text);
  out.BeginObject();
  WriteEntityMembers(e, engine, &out);
  out.EndObject();
  return text.substr(1, text.size() - 2);
}

void WriteEntity(const Entity& e, const Engine& engine, bool raw, JsonWriter* out, std::string_view members) {
  out->BeginObject();
  if (members.empty()) {
    WriteEntityMembers(e, engine, out);
  } else {
    out->RawMembers(members);
  }
  if (raw) {
    out->Key("raw");
    out->String(e.raw);
  }
  out->EndObject();
}

void WriteMatch(const Match& m, const Engine& engine, double match_threshold, JsonWriter* out,
                std::string_view members) {
  const Explanation& x = m.explanation;
  out->BeginObject();
  if (members.empty()) {
    WriteEntityMembers(*m.entity, engine, out);
  } else {
    out->RawMembers(members);
  }
  out->Key("score");
  out->Number(m.score);
  out->Key("match");
  out->Bool(m.score >= match_threshold);
  out->Key("strength");
  out->String(MatchStrengthName(m.strength));
  out->Key("matched_name");
  out->String(m.matched_name);
  out->Key("matched_name_type");
  out->String(NameTypeName(m.matched_name_type));

  out->Key("features");
  out->BeginObject();
  out->Key("name_score");
  out->Number(x.name_score);
  for (const AttributeCheck& c : x.attributes) {
    out->Key(c.attribute);
    out->Number(c.effect);
  }
  out->EndObject();

  out->Key("explanations");
  out->BeginObject();
  out->Key("name_score");
  out->BeginObject();
  out->Key("score");
  out->Number(x.name_score);
  out->Key("detail");
  out->String(x.summary);
  out->Key("aligned");
  out->BeginArray();
  for (const TokenAlignment& a : x.aligned) {
    out->BeginObject();
    out->Key("query");
    out->String(a.query_token);
    out->Key("listed");
    out->String(a.list_token);
    out->Key("similarity");
    out->Number(a.similarity);
    out->Key("weight");
    out->Number(a.weight);
    out->Key("method");
    out->String(a.method);
    out->EndObject();
  }
  out->EndArray();
  out->Key("unmatched_query");
  out->StringArray(x.unmatched_query_tokens);
  out->Key("unmatched_listed");
  out->StringArray(x.unmatched_list_tokens);
  out->EndObject();
  for (const AttributeCheck& c : x.attributes) {
    out->Key(c.attribute);
    out->BeginObject();
    out->Key("score");
    out->Number(c.effect);
    out->Key("detail");
    out->String(c.attribute + " " + std::string(VerdictName(c.verdict)) + ": query '" + c.query_value +
                "', listed '" + c.list_value + "'");
    out->Key("verdict");
    out->String(VerdictName(c.verdict));
    out->Key("query");
    out->String(c.query_value);
    out->Key("listed");
    out->String(c.list_value);
    out->EndObject();
  }
  out->EndObject();
  out->EndObject();
}

}  // namespace cordon::server
