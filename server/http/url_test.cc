#include "http/url.h"

#include <gtest/gtest.h>

namespace cordon::server {
namespace {

TEST(UrlTest, DecodesEscapesAndPlus) {
  Result<std::string> d = PercentDecode("Ким%20Чен+Ын%2B", true);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d.value(), "Ким Чен Ын+");
  EXPECT_EQ(PercentDecode("a+b", false).value(), "a+b");
  EXPECT_EQ(PercentDecode("%D0%9A", false).value(), "\xD0\x9A");
}

TEST(UrlTest, RejectsBadEscapes) {
  EXPECT_FALSE(PercentDecode("%", false).ok());
  EXPECT_FALSE(PercentDecode("%4", false).ok());
  EXPECT_FALSE(PercentDecode("%zz", false).ok());
}

TEST(UrlTest, ParsesQueryStringsInOrder) {
  Result<QueryParams> p =
      ParseQueryString("q=vladimir+putin&limit=3&&flag&exclude_dataset=a&exclude_dataset=b");
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p.value().size(), 5u);
  EXPECT_EQ(*FindParam(p.value(), "q"), "vladimir putin");
  EXPECT_EQ(*FindParam(p.value(), "flag"), "");
  EXPECT_EQ(*FindParam(p.value(), "exclude_dataset"), "b");
  EXPECT_EQ(FindParam(p.value(), "nope"), nullptr);
  Result<QueryParams> bad = ParseQueryString("q=%G1");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().location().field, "q");
}

}  // namespace
}  // namespace cordon::server
