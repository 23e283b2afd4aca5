// The JSON kept with an alert: the match's explanation, in the same shape as
// `cordon screen --json` writes it (tools/match_json.cc), so a reviewer sees
// the same evidence later that the screening saw.
#ifndef CORDON_MONITOR_EXPLANATION_JSON_H_
#define CORDON_MONITOR_EXPLANATION_JSON_H_

#include <string>

#include "cordon/match.h"

namespace cordon {

// {"summary","name_score","aligned":[{query,listed,similarity,weight,method}],
//  "unmatched_query","unmatched_listed","attributes":[{attribute,verdict,
//  query_value,list_value,effect}],"list_as_of","list_version",
//  "score","strength","matched_name","matched_name_type"}
std::string ExplanationJson(const Match& match);

}  // namespace cordon

#endif  // CORDON_MONITOR_EXPLANATION_JSON_H_
