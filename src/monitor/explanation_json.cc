#include "monitor/explanation_json.h"

#include "base/json_writer.h"
#include "model/match_json.h"

namespace cordon {

std::string ExplanationJson(const Match& m) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("score");
  w.Number(m.score);
  w.Key("strength");
  w.String(MatchStrengthName(m.strength));
  w.Key("matched_name");
  w.String(m.matched_name);
  w.Key("matched_name_type");
  w.String(NameTypeName(m.matched_name_type));
  WriteExplanationMembers(m.explanation, &w);
  w.EndObject();
  return out;
}

}  // namespace cordon
