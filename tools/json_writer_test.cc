#include "json_writer.h"

#include <gtest/gtest.h>

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

}  // namespace cordon
