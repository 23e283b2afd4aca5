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
  EXPECT_EQ(ResolveCountry("Myanmar"), "MM");
  EXPECT_EQ(ResolveCountry("Congo (Democratic Republic)"), "CD");
  EXPECT_EQ(ResolveCountry("Occupied Palestinian Territories"), "PS");
  EXPECT_EQ(ResolveCountry("Congo"), "CG");
  EXPECT_EQ(ResolveCountry("PRC"), "CN");
  EXPECT_EQ(ResolveCountry("China, Hong Kong Special Administrative Region"), "HK");
  EXPECT_EQ(ResolveCountry("Germany"), "DE");
  EXPECT_EQ(ResolveCountry("de"), "DE");
  EXPECT_EQ(ResolveCountry("RUS"), "RU");
  EXPECT_EQ(ResolveCountry("Syrian Arab Republic"), "SY");
  EXPECT_EQ(ResolveCountry("Côte d’Ivoire"), "CI");
  // CLDR spells these with "&" or "SAR China"; OFAC with "and" / plain.
  EXPECT_EQ(ResolveCountry("Bosnia and Herzegovina"), "BA");
  EXPECT_EQ(ResolveCountry("Trinidad and Tobago"), "TT");
  EXPECT_EQ(ResolveCountry("Sao Tome and Principe"), "ST");
  EXPECT_EQ(ResolveCountry("Hong Kong"), "HK");
  EXPECT_EQ(ResolveCountry("Macau"), "MO");
  EXPECT_EQ(ResolveCountry("North Macedonia, The Republic of"), "MK");
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
