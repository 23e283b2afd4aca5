// The JSON shape of matches and explanations, one for every writer: `screen
// --json`, `screen-file`, and the explanations the monitoring store keeps.
#ifndef CORDON_MODEL_MATCH_JSON_H_
#define CORDON_MODEL_MATCH_JSON_H_

#include <vector>

#include "cordon/match.h"
#include "base/json_writer.h"

namespace cordon {

// Writes one match object:
// {"source","source_id","schema","name","matched_name","matched_name_type",
//  "score","programs","birth_dates","countries","explanation":{...}}
void WriteMatchJson(const Match& match, JsonWriter* w);
void WriteMatchesJson(const std::vector<Match>& matches, JsonWriter* w);

// Writes the members of an explanation into the object the caller has open:
// "summary", "name_score", "aligned", "unmatched_query(_roles)",
// "unmatched_listed(_roles)", "attributes", "list_as_of", "list_version".
void WriteExplanationMembers(const Explanation& explanation, JsonWriter* w);

}  // namespace cordon

#endif  // CORDON_MODEL_MATCH_JSON_H_
