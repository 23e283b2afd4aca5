#include "ftm_query.h"

#include <gtest/gtest.h>

#include "json_limits.h"

namespace cordon::server {
namespace {

TEST(FtmQueryTest, DecodesPersonQueryWithAttributes) {
  Result<MatchRequestBody> r = DecodeMatchRequest(R"({"queries": {"q1": {"schema": "Person", "properties": {
      "name": ["Vladimir Putin", "Владимир Путин"], "birthDate": ["1952-10-07T00:00:00"],
      "nationality": ["ru"], "passportNumber": "123", "idNumber": ["123", "456"], "email": ["x@y"]}}},
      "weights": {"birth_date_far": -0.1}})");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r.value().queries.size(), 1u);
  const FtmQuery& q = r.value().queries[0];
  EXPECT_EQ(q.key, "q1");
  EXPECT_EQ(q.kind, EntityKind::kPerson);
  EXPECT_EQ(q.names, (std::vector<std::string>{"Vladimir Putin", "Владимир Путин"}));
  EXPECT_EQ(q.base.birth_date, "1952-10-07");
  EXPECT_EQ(q.base.country, "ru");
  EXPECT_EQ(q.base.id_numbers, (std::vector<std::string>{"123", "456"}));
  EXPECT_EQ(q.properties.size(), 6u);  // unknown "email" echoed, not used
  EXPECT_TRUE(r.value().has_weights);
  EXPECT_DOUBLE_EQ(r.value().weights.birth_date_far, -0.1);
}

TEST(FtmQueryTest, ComposesNamePartsAndKeepsBodyOrder) {
  Result<MatchRequestBody> r = DecodeMatchRequest(R"({"queries": {
      "b": {"schema": "Person", "properties": {"firstName": ["Kim"], "fatherName": [], "lastName": ["Jong Un"]}},
      "a": {"schema": "Vessel", "properties": {"name": "OCEAN STAR", "imoNumber": ["9230232"], "flag": ["kp"]}}}})");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r.value().queries.size(), 2u);
  EXPECT_EQ(r.value().queries[0].names, std::vector<std::string>{"Kim Jong Un"});
  EXPECT_EQ(r.value().queries[1].kind, EntityKind::kVessel);
  EXPECT_EQ(r.value().queries[1].base.country, "kp");
  EXPECT_FALSE(r.value().has_weights);
}

struct BadBody {
  const char* body;
  const char* field;  // expected error location
};

TEST(FtmQueryTest, BadInputNamesTheJsonPath) {
  const BadBody cases[] = {
      {"", "body"},
      {"{", "body"},
      {"[1]", "body"},
      {R"({"queries": []})", "queries"},
      {R"({"queries": {}})", "queries"},
      {R"({})", "queries"},
      {R"({"queries": {"q": 1}})", "queries.q"},
      {R"({"queries": {"q": {"properties": {"name": "x"}}}})", "queries.q.schema"},
      {R"({"queries": {"q": {"schema": 5, "properties": {}}}})", "queries.q.schema"},
      {R"({"queries": {"q": {"schema": "Spaceship", "properties": {"name": "x"}}}})", "queries.q.schema"},
      {R"({"queries": {"q": {"schema": "Person"}}})", "queries.q.properties"},
      {R"({"queries": {"q": {"schema": "Person", "properties": []}}})", "queries.q.properties"},
      {R"({"queries": {"q": {"schema": "Person", "properties": {"name": [1]}}}})",
       "queries.q.properties.name[0]"},
      {R"({"queries": {"q": {"schema": "Person", "properties": {"name": {"a": 1}}}}})",
       "queries.q.properties.name"},
      {R"({"queries": {"q": {"schema": "Person", "properties": {"birthDate": "1950"}}}})",
       "queries.q.properties"},
      {R"({"queries": {"q": {"schema": "Person", "properties": {"name": "x", "birthDate": "07.10.1952"}}}})",
       "queries.q.properties.birthDate[0]"},
      {R"({"queries": {"q": {"schema": "Person", "properties": {"name": "x"}}}, "weights": {"nope": 1}})",
       "weights.nope"},
      {R"({"queries": {"q": {"schema": "Person", "properties": {"name": "x"}}}, "weights": {"country_match": "1"}})",
       "weights.country_match"},
  };
  for (const BadBody& c : cases) {
    Result<MatchRequestBody> r = DecodeMatchRequest(c.body);
    ASSERT_FALSE(r.ok()) << c.body;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << c.body;
    EXPECT_EQ(r.status().location().field, c.field) << c.body << " -> " << r.status().ToString();
  }
}

TEST(FtmQueryTest, RejectsInvalidUtf8AndDeepNestingAndOverLimits) {
  std::string bad_utf8 =
      "{\"queries\": {\"q\": {\"schema\": \"Person\", \"properties\": {\"name\": \"\xC3\x28\"}}}}";
  EXPECT_FALSE(DecodeMatchRequest(bad_utf8).ok());
  std::string deep(10000, '[');
  Result<MatchRequestBody> r = DecodeMatchRequest(deep);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("nested deeper"), std::string::npos);
  EXPECT_TRUE(CheckJsonDepth(R"({"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["})", 2).ok());

  FtmQueryLimits limits;
  limits.max_queries = 1;
  limits.max_names = 1;
  EXPECT_FALSE(DecodeMatchRequest(R"({"queries": {"a": {"schema": "Person", "properties": {"name": "x"}},
                                                  "b": {"schema": "Person", "properties": {"name": "y"}}}})",
                                  limits)
                   .ok());
  EXPECT_FALSE(DecodeMatchRequest(
                   R"({"queries": {"a": {"schema": "Person", "properties": {"name": ["x", "y"]}}}})", limits)
                   .ok());
}

TEST(FtmQueryTest, SchemaKinds) {
  EXPECT_EQ(KindForSchema("Company").value(), EntityKind::kOrganization);
  EXPECT_EQ(KindForSchema("LegalEntity").value(), EntityKind::kAny);
  EXPECT_EQ(KindForSchema("Airplane").value(), EntityKind::kAircraft);
  EXPECT_FALSE(KindForSchema("person").ok());  // FtM schema names are case-sensitive
}

}  // namespace
}  // namespace cordon::server
