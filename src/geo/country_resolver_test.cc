#include "geo/country_resolver.h"

#include <gtest/gtest.h>

namespace cordon {

TEST(CountryResolver, ResolvesListSpellings) {
  EXPECT_EQ(ResolveCountry("Korea, North"), "KP");
  EXPECT_EQ(ResolveCountry("North Korea"), "KP");
  EXPECT_EQ(ResolveCountry("Democratic People's Republic of Korea"), "KP");
  EXPECT_EQ(ResolveCountry("Russia"), "RU");
  EXPECT_EQ(ResolveCountry("Russian Federation"), "RU");
  EXPECT_EQ(ResolveCountry("Iran (Islamic Republic of)"), "IR");
  EXPECT_EQ(ResolveCountry("Iranian"), "IR");
  EXPECT_EQ(ResolveCountry("Burma"), "MM");
  EXPECT_EQ(ResolveCountry("Germany"), "DE");
  EXPECT_EQ(ResolveCountry("de"), "DE");
  EXPECT_EQ(ResolveCountry("RUS"), "RU");
  EXPECT_EQ(ResolveCountry("Syrian Arab Republic"), "SY");
  EXPECT_EQ(ResolveCountry("Côte d’Ivoire"), "CI");
}

TEST(CountryResolver, UnknownIsEmpty) {
  EXPECT_EQ(ResolveCountry("Atlantis"), "");
  EXPECT_EQ(ResolveCountry(""), "");
}

TEST(CountryResolver, Names) {
  EXPECT_EQ(CountryName("FR"), "France");
  EXPECT_EQ(CountryName("ZZ9"), "ZZ9");
}

}  // namespace cordon
