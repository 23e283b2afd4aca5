#include "json_out.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace cordon::server {
namespace {

TEST(JsonOutTest, WritesNestedContainersWithSeparators) {
  std::string s;
  JsonOut out(&s);
  out.BeginObject();
  out.Key("a");
  out.BeginArray();
  out.Int(1);
  out.BeginObject();
  out.EndObject();
  out.BeginArray();
  out.EndArray();
  out.Null();
  out.EndArray();
  out.Key("b");
  out.Bool(false);
  out.Key("c");
  out.Raw("{\"x\":1}");
  out.EndObject();
  EXPECT_EQ(s, R"({"a":[1,{},[],null],"b":false,"c":{"x":1}})");
}

TEST(JsonOutTest, NumbersKeepFourDecimalsWithoutTrailingZeros) {
  std::string s;
  JsonOut out(&s);
  out.BeginArray();
  for (double d : {0.0, 1.0, 0.96, 0.123456, -0.00001, 0.5, 12.25}) out.Number(d);
  out.Number(std::numeric_limits<double>::infinity());
  out.EndArray();
  EXPECT_EQ(s, "[0,1,0.96,0.1235,0,0.5,12.25,null]");
}

TEST(JsonOutTest, EscapesControlCharactersAndRepairsInvalidUtf8) {
  std::string s;
  JsonOut out(&s);
  out.BeginArray();
  out.String("a\"b\\c\n\t\x01 Путин");
  out.String("bad \xff\xfe end");
  out.EndArray();
  nlohmann::json j = nlohmann::json::parse(s);  // valid JSON
  EXPECT_EQ(j[0], "a\"b\\c\n\t\x01 Путин");
  EXPECT_EQ(j[1], "bad \xEF\xBF\xBD\xEF\xBF\xBD end");
}

}  // namespace
}  // namespace cordon::server
