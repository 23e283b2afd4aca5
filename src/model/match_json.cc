#include "model/match_json.h"

namespace cordon {

void WriteMatchJson(const Match& m, JsonWriter* w) {
  const Entity& e = *m.entity;
  w->BeginObject();
  w->Key("source");
  w->String(e.source);
  w->Key("source_id");
  w->String(e.source_id);
  w->Key("schema");
  w->String(SchemaName(e.schema));
  w->Key("name");
  w->String(e.names.empty() ? "" : e.names[0].full);
  w->Key("matched_name");
  w->String(m.matched_name);
  w->Key("matched_name_type");
  w->String(NameTypeName(m.matched_name_type));
  w->Key("score");
  w->Number(m.score);
  w->Key("strength");
  w->String(MatchStrengthName(m.strength));
  w->Key("programs");
  w->StringArray(e.programs);
  w->Key("birth_dates");
  w->BeginArray();
  for (const auto& d : e.birth_dates) w->String(d.ToString());
  w->EndArray();
  w->Key("countries");
  std::vector<std::string> countries = e.nationalities;
  for (const auto& c : e.countries) {
    bool seen = false;
    for (const auto& x : countries) seen = seen || x == c;
    if (!seen) countries.push_back(c);
  }
  w->StringArray(countries);
  w->Key("explanation");
  w->BeginObject();
  WriteExplanationMembers(m.explanation, w);
  w->EndObject();
  w->EndObject();
}

void WriteExplanationMembers(const Explanation& x, JsonWriter* w) {
  w->Key("summary");
  w->String(x.summary);
  w->Key("name_score");
  w->Number(x.name_score);
  w->Key("aligned");
  w->BeginArray();
  for (const auto& a : x.aligned) {
    w->BeginObject();
    w->Key("query");
    w->String(a.query_token);
    w->Key("listed");
    w->String(a.list_token);
    w->Key("similarity");
    w->Number(a.similarity);
    w->Key("weight");
    w->Number(a.weight);
    w->Key("method");
    w->String(a.method);
    w->EndObject();
  }
  w->EndArray();
  w->Key("unmatched_query");
  w->StringArray(x.unmatched_query_tokens);
  w->Key("unmatched_query_roles");
  w->StringArray(x.unmatched_query_roles);
  w->Key("unmatched_listed");
  w->StringArray(x.unmatched_list_tokens);
  w->Key("unmatched_listed_roles");
  w->StringArray(x.unmatched_list_roles);
  w->Key("attributes");
  w->BeginArray();
  for (const auto& c : x.attributes) {
    w->BeginObject();
    w->Key("attribute");
    w->String(c.attribute);
    w->Key("verdict");
    w->String(VerdictName(c.verdict));
    w->Key("query");
    w->String(c.query_value);
    w->Key("listed");
    w->String(c.list_value);
    w->Key("effect");
    w->Number(c.effect);
    w->EndObject();
  }
  w->EndArray();
  w->Key("list_as_of");
  w->String(x.list_as_of);
  w->Key("list_version");
  w->String(x.list_version);
}

void WriteMatchesJson(const std::vector<Match>& matches, JsonWriter* w) {
  w->BeginArray();
  for (const auto& m : matches) WriteMatchJson(m, w);
  w->EndArray();
}

}  // namespace cordon
