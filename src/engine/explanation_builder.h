// Turning scoring detail into the Explanation a compliance officer reads.
#ifndef CORDON_ENGINE_EXPLANATION_BUILDER_H_
#define CORDON_ENGINE_EXPLANATION_BUILDER_H_

#include <vector>

#include "cordon/engine.h"
#include "cordon/match.h"
#include "match/attribute_scorer.h"
#include "match/name_scorer.h"

namespace cordon {

// Fills match->explanation from the name alignment (query and listed tokens
// as scored), the attribute outcome and the source's version.
void BuildExplanation(const std::vector<ScoringToken>& query_tokens,
                      const std::vector<ScoringToken>& listed_tokens, const NameScoreDetail& detail,
                      const AttributeOutcome& attributes, const SourceInfo* source, Match* match);

}  // namespace cordon

#endif  // CORDON_ENGINE_EXPLANATION_BUILDER_H_
