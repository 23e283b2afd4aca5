#include "base/json_writer.h"

#include <gtest/gtest.h>

#include <limits>
#include <nlohmann/json.hpp>

namespace cordon {

TEST(JsonWriter, NestedAndEscaped) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("name");
  w.String("Kim \"Jong\" Un\n김정은");
  w.Key("score");
  w.Number(0.875);
  w.Key("list");
  w.StringArray({"a", "b"});
  w.Key("empty");
  w.BeginArray();
  w.EndArray();
  w.Key("n");
  w.Int(-3);
  w.Key("ok");
  w.Bool(true);
  w.EndObject();
  EXPECT_EQ(out, R"({"name":"Kim \"Jong\" Un\n김정은","score":0.875,"list":["a","b"],"empty":[],"n":-3,"ok":true})");
}

TEST(JsonWriter, InvalidUtf8BecomesReplacement) {
  std::string out;
  JsonWriter w(&out);
  w.String("a\xFF" "b\x01");
  EXPECT_EQ(out, "\"a\xEF\xBF\xBD" "b\\u0001\"");
}

TEST(JsonWriter, Numbers) {
  std::string out;
  JsonWriter w(&out);
  w.BeginArray();
  w.Number(1.0);
  w.Number(0.1234567);
  w.Number(-0.00001);
  w.EndArray();
  EXPECT_EQ(out, "[1,0.1235,0]");
}

TEST(JsonWriter, WritesNestedContainersWithSeparators) {
  std::string s;
  JsonWriter out(&s);
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
  out.RawValue("{\"x\":1}");
  out.EndObject();
  EXPECT_EQ(s, R"({"a":[1,{},[],null],"b":false,"c":{"x":1}})");
}

TEST(JsonWriter, NumbersKeepFourDecimalsWithoutTrailingZeros) {
  std::string s;
  JsonWriter out(&s);
  out.BeginArray();
  for (double d : {0.0, 1.0, 0.96, 0.123456, -0.00001, 0.5, 12.25}) out.Number(d);
  out.Number(std::numeric_limits<double>::infinity());
  out.EndArray();
  EXPECT_EQ(s, "[0,1,0.96,0.1235,0,0.5,12.25,null]");
}

TEST(JsonWriter, EscapesControlCharactersAndRepairsInvalidUtf8) {
  std::string s;
  JsonWriter out(&s);
  out.BeginArray();
  out.String("a\"b\\c\n\t\x01 Путин");
  out.String("bad \xff\xfe end");
  out.EndArray();
  nlohmann::json j = nlohmann::json::parse(s);  // valid JSON
  EXPECT_EQ(j[0], "a\"b\\c\n\t\x01 Путин");
  EXPECT_EQ(j[1], "bad \xEF\xBF\xBD\xEF\xBF\xBD end");
}

}  // namespace cordon
