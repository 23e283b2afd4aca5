#include "lists/common/date_parser.h"

#include <gtest/gtest.h>

namespace cordon {
namespace {

std::string P(std::string_view s, SlashOrder o = SlashOrder::kDayFirst) {
  PartialDate d;
  if (!ParsePartialDate(s, &d, o)) return "invalid";
  return d.ToString();
}

TEST(DateParser, ListSpellings) {
  EXPECT_EQ(P("07 Oct 1952"), "1952-10-07");
  EXPECT_EQ(P("7 October 1952"), "1952-10-07");
  EXPECT_EQ(P("Oct 1952"), "1952-10");
  EXPECT_EQ(P("1952"), "1952");
  EXPECT_EQ(P("circa 1952"), "~1952");
  EXPECT_EQ(P("1960 to 1962"), "1960..1962");
  EXPECT_EQ(P("1960-1962"), "1960..1962");
  EXPECT_EQ(P("1952-10-07"), "1952-10-07");
  EXPECT_EQ(P("1952-10-07T00:00:00"), "1952-10-07");
  EXPECT_EQ(P("07/10/1952"), "1952-10-07");
  EXPECT_EQ(P("10/07/1952", SlashOrder::kMonthFirst), "1952-10-07");
  EXPECT_EQ(P("dd/mm/1964"), "1964");
  EXPECT_EQ(P("00/00/1964"), "1964");
  EXPECT_EQ(P("00/05/1964"), "1964-05");
}

TEST(DateParser, RejectsNonsense) {
  EXPECT_EQ(P(""), "invalid");
  EXPECT_EQ(P("Leningrad"), "invalid");
  EXPECT_EQ(P("1952-13-01"), "invalid");
  EXPECT_EQ(P("32 Oct 1952"), "invalid");
  EXPECT_EQ(P("1960-02-30"), "invalid");
  EXPECT_EQ(P("1961-02-29"), "invalid");
  EXPECT_EQ(P("1960-02-29"), "1960-02-29");
  EXPECT_EQ(P("31/04/1970"), "invalid");
  EXPECT_EQ(P("3033-09-30"), "invalid");
  EXPECT_EQ(P("Octopus 1952"), "invalid");
  EXPECT_EQ(P("1962 to 1960"), "invalid");
}

}  // namespace
}  // namespace cordon
