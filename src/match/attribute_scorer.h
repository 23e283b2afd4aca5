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

// Adjusts a name score with the query's attributes against the entity:
// - an identifier equal to a listed document (passport, national id, IMO,
//   registration) lifts the score to at least 0.9 (strong on its own);
// - birth date: a compatible date adds 0.05; the same year with another
//   month/day subtracts 0.05; one year apart 0.1; two or more years apart
//   0.25 (which takes even an exact name below the default threshold);
// - country (nationality, citizenship, residence, address, flag): equal
//   adds 0.03, different subtracts 0.1;
// - an attribute the list does not have is neutral (verdict unknown).
AttributeOutcome ScoreAttributes(double name_score, const QueryAttributes& query,
                                 const Entity& entity);

}  // namespace cordon

#endif  // CORDON_MATCH_ATTRIBUTE_SCORER_H_
