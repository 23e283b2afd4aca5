#include "text/han_readings.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace cordon {
namespace {

TEST(HanReadingsTest, Pinyin) {
  EXPECT_EQ(PinyinOf(U'李'), "li");
  EXPECT_EQ(PinyinOf(U'伟'), "wei");
  EXPECT_EQ(PinyinOf(U'偉'), "wei");
  EXPECT_EQ(PinyinOf(U'吕'), "lu");  // lǚ, folded as ICU's Latin-ASCII does
  EXPECT_EQ(PinyinOf(U'a'), "");
  EXPECT_EQ(PinyinOf(U'ア'), "");
}

TEST(HanReadingsTest, KoreanReadingsNameReadingFirst) {
  char32_t r[2];
  ASSERT_EQ(HangulReadingsOf(U'金', r), 2);
  EXPECT_EQ(r[0], U'김');  // the reading in personal names
  EXPECT_EQ(r[1], U'금');
  ASSERT_GE(HangulReadingsOf(U'龙', r), 1);  // simplified: read as 龍
  EXPECT_EQ(r[0], U'룡');
  ASSERT_EQ(HangulReadingsOf(U'恩', r), 1);
  EXPECT_EQ(r[0], U'은');
  EXPECT_EQ(HangulReadingsOf(U'x', r), 0);
}

TEST(HanReadingsTest, FamilyNames) {
  EXPECT_EQ(HanFamilyNameLength(U"金正恩"), 1u);
  EXPECT_EQ(HanFamilyNameLength(U"崔龍海"), 1u);
  EXPECT_EQ(HanFamilyNameLength(U"欧阳修"), 2u);
  EXPECT_EQ(HanFamilyNameLength(U"南宮"), 2u);
  EXPECT_EQ(HanFamilyNameLength(U"的人"), 0u);
  EXPECT_EQ(HanFamilyNameLength(U""), 0u);
  EXPECT_TRUE(IsHanCharacter(U'金'));
  EXPECT_FALSE(IsHanCharacter(U'の'));
}

TEST(HanReadingsTest, DictionaryWordBoundaries) {
  // 周围 ("around") is one dictionary word; the name 崔龙海 is not.
  std::vector<size_t> b = HanWordBoundaries(U"周围的人");
  EXPECT_EQ(b.front(), 0u);
  EXPECT_EQ(b.back(), 4u);
  EXPECT_TRUE(std::find(b.begin(), b.end(), 2u) != b.end());
  EXPECT_TRUE(std::find(b.begin(), b.end(), 1u) == b.end());
  // Characters outside the BMP count once.
  b = HanWordBoundaries(U"𠀋周围");
  EXPECT_EQ(b.back(), 3u);
}

}  // namespace
}  // namespace cordon
