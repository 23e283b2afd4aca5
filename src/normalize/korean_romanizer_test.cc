#include "normalize/korean_romanizer.h"

#include <gtest/gtest.h>

namespace cordon {

TEST(KoreanRomanizer, ListStyleFirst) {
  auto v = RomanizeHangul(U"김정은");
  ASSERT_GE(v.size(), 2u);
  EXPECT_EQ(v[0], (std::vector<std::string>{"kim", "jong", "un"}));
  EXPECT_EQ(v[1], (std::vector<std::string>{"gim", "jeong", "eun"}));
}

TEST(KoreanRomanizer, SurnameSpellings) {
  auto v = RomanizeHangul(U"박봉주");
  bool park = false;
  for (const auto& x : v) park = park || x[0] == "park";
  EXPECT_TRUE(park);
  EXPECT_EQ(v[0][0], "pak");
}

TEST(KoreanRomanizer, FromCyrillic) {
  auto v = KoreanFromCyrillic({U"ким", U"чен", U"ын"});
  bool found = false;
  for (const auto& x : v) found = found || x == std::vector<std::string>{"kim", "jong", "un"};
  EXPECT_TRUE(found);
  EXPECT_TRUE(KoreanFromCyrillic({U"путин", U"владимир"}).empty());
}

}  // namespace cordon
