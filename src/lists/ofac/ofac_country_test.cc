#include "lists/ofac/ofac_country.h"

#include <gtest/gtest.h>

namespace cordon {
namespace {

TEST(OfacCountry, ResolvesOfacSpellings) {
  EXPECT_EQ(OfacCountry("Korea, North"), "KP");
  EXPECT_EQ(OfacCountry("Russia"), "RU");
  EXPECT_EQ(OfacCountry("Burma"), "MM");
  EXPECT_EQ(OfacCountry("Region: Gaza"), "PS");
  EXPECT_EQ(OfacCountry("Region: West Bank"), "PS");
  EXPECT_EQ(OfacCountry("possibly Palestinian"), "PS");
  EXPECT_EQ(OfacCountry(" Hong Kong "), "HK");
  EXPECT_EQ(OfacCountry("Bosnia and Herzegovina"), "BA");
}

TEST(OfacCountry, KeepsUnknownTextAndDropsNoCountryMarkers) {
  EXPECT_EQ(OfacCountry("Region: Kafia Kingi"), "Region: Kafia Kingi");
  EXPECT_EQ(OfacCountry("undetermined"), "");
  EXPECT_EQ(OfacCountry("None Identified"), "");
  EXPECT_EQ(OfacCountry("   "), "");
  EXPECT_EQ(ResolveOfacCountry("Region: Kafia Kingi"), "");
  EXPECT_EQ(ResolveOfacCountry("Stuttgart"), "");
}

}  // namespace
}  // namespace cordon
