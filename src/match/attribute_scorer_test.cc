#include "match/attribute_scorer.h"

#include <gtest/gtest.h>

namespace cordon {
namespace {

Entity Putin() {
  Entity e;
  e.schema = Schema::kPerson;
  e.birth_dates.push_back({1952, 10, 7});
  e.nationalities.push_back("RU");
  e.documents.push_back({DocumentType::kPassport, "AB 123456", "RU", ""});
  return e;
}

TEST(AttributeScorer, MatchingBirthDateAndCountryAdd) {
  QueryAttributes q;
  q.birth_date = {1952, 10, 7};
  q.country = "RU";
  AttributeOutcome o = ScoreAttributes(0.85, q, Putin());
  EXPECT_NEAR(o.score, 0.93, 1e-9);
  ASSERT_EQ(o.checks.size(), 2u);
  EXPECT_EQ(o.checks[0].verdict, Verdict::kMatch);
  EXPECT_EQ(o.checks[1].verdict, Verdict::kMatch);
}

TEST(AttributeScorer, DifferentBirthYearDropsBelowThreshold) {
  QueryAttributes q;
  q.birth_date = {1990, 1, 1};
  AttributeOutcome o = ScoreAttributes(1.0, q, Putin());
  EXPECT_LT(o.score, 0.8);
  EXPECT_EQ(o.checks[0].verdict, Verdict::kMismatch);
}

TEST(AttributeScorer, YearOnlyIsCompatible) {
  QueryAttributes q;
  q.birth_date = {1952, 0, 0};
  EXPECT_EQ(ScoreAttributes(0.9, q, Putin()).checks[0].verdict, Verdict::kMatch);
}

TEST(AttributeScorer, MissingIsNeutral) {
  QueryAttributes q;
  q.birth_date = {1990, 1, 1};
  Entity e;
  AttributeOutcome o = ScoreAttributes(0.85, q, e);
  EXPECT_DOUBLE_EQ(o.score, 0.85);
  EXPECT_EQ(o.checks[0].verdict, Verdict::kUnknown);
}

TEST(AttributeScorer, IdentifierIsStrongOnItsOwn) {
  QueryAttributes q;
  q.identifiers.push_back(NormalizeIdentifier("ab-123456"));
  AttributeOutcome o = ScoreAttributes(0.3, q, Putin());
  EXPECT_GE(o.score, 0.9);
  EXPECT_TRUE(o.identifier_matched);
  EXPECT_EQ(NormalizeIdentifier("IMO 9123456"), "9123456");
}

}  // namespace
}  // namespace cordon
