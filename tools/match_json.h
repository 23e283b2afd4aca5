// The JSON shape of matches, shared by `screen --json` and `screen-file`.
#ifndef CORDON_TOOLS_MATCH_JSON_H_
#define CORDON_TOOLS_MATCH_JSON_H_

#include <vector>

#include "cordon/match.h"
#include "json_writer.h"

namespace cordon {

// Writes one match object:
// {"source","source_id","schema","name","matched_name","matched_name_type",
//  "score","programs","birth_dates","countries","explanation":{...}}
void WriteMatchJson(const Match& match, JsonWriter* w);
void WriteMatchesJson(const std::vector<Match>& matches, JsonWriter* w);

}  // namespace cordon

#endif  // CORDON_TOOLS_MATCH_JSON_H_
