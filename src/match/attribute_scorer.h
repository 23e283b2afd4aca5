// Secondary evidence: birth date, country and identifiers.
#ifndef CORDON_MATCH_ATTRIBUTE_SCORER_H_
#define CORDON_MATCH_ATTRIBUTE_SCORER_H_

#include <string>
#include <string_view>
#include <vector>

#include "cordon/entity.h"
#include "cordon/match.h"

namespace cordon {

// The query's attributes, parsed once.
struct QueryAttributes {
  PartialDate birth_date;                // empty when not given
  std::string country;                   // ISO2, empty when not given
  std::vector<std::string> identifiers;  // NormalizeIdentifier()'d
};

// Upper-case letters and digits only: "AB 123-456" -> "AB123456"; an IMO
// number's "IMO" prefix is dropped.
std::string NormalizeIdentifier(std::string_view id);

struct AttributeOutcome {
  double score = 0;                   // the adjusted score, in [0,1]
  std::vector<AttributeCheck> checks; // one per attribute the query gave
  bool identifier_matched = false;
};

// Adjusts a name score with the query's attributes against the entity
// (amounts from `weights`, defaults in brackets):
// - an identifier equal to a listed document (passport, national id, IMO,
//   registration) lifts the score to at least identifier_floor [0.9];
// - birth date: a compatible date adds birth_date_match [+0.05]; the same
//   year with another month/day birth_date_near [-0.05]; one year apart
//   birth_date_one_year [-0.10]; two or more years apart birth_date_far
//   [-0.25, which takes even an exact name below the default threshold];
// - country (nationality, citizenship, residence, address, flag): equal
//   country_match [+0.03], different country_mismatch [-0.10];
// - an attribute the list does not have is neutral (verdict unknown).
AttributeOutcome ScoreAttributes(double name_score, const QueryAttributes& query,
                                 const Entity& entity, const EvidenceWeights& weights = {});

}  // namespace cordon

#endif  // CORDON_MATCH_ATTRIBUTE_SCORER_H_
