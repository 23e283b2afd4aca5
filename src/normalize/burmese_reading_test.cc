#include "normalize/burmese_reading.h"

#include <gtest/gtest.h>

namespace cordon {
namespace {

TEST(BurmeseReading, RecognisesBurmeseNames) {
  EXPECT_TRUE(ReadsAsBurmese({"aung", "lin", "dwe"}));
  EXPECT_TRUE(ReadsAsBurmese({"u", "zaw", "min"}));
  EXPECT_TRUE(ReadsAsBurmese({"moe", "nai", "banya", "ong"}));
  // Shared syllables alone, other words, one word: not Burmese.
  EXPECT_FALSE(ReadsAsBurmese({"lin", "yin"}));
  EXPECT_FALSE(ReadsAsBurmese({"tin", "man"}));
  EXPECT_FALSE(ReadsAsBurmese({"aung", "smith"}));
  EXPECT_FALSE(ReadsAsBurmese({"aung"}));
}

TEST(BurmeseReading, OneSpellingPerSyllable) {
  EXPECT_EQ(BurmeseSpelling("dway"), BurmeseSpelling("dwe"));
  EXPECT_EQ(BurmeseSpelling("khaing"), BurmeseSpelling("khine"));
  EXPECT_EQ(BurmeseSpelling("htun"), BurmeseSpelling("tun"));
  EXPECT_EQ(BurmeseSpelling("moe"), BurmeseSpelling("mo"));
  EXPECT_EQ(BurmeseSpelling("banyar"), BurmeseSpelling("banya"));
  EXPECT_EQ(BurmeseSpelling("ong"), "aung");
  EXPECT_EQ(BurmeseSpelling("pyae"), BurmeseSpelling("pye"));
  EXPECT_EQ(BurmeseSpelling("yee"), BurmeseSpelling("yi"));
  EXPECT_EQ(BurmeseSpelling("aung"), "aung");
  EXPECT_NE(BurmeseSpelling("hlaing"), BurmeseSpelling("naing"));
}

TEST(BurmeseReading, Honorifics) {
  EXPECT_TRUE(IsBurmeseHonorific("u"));
  EXPECT_TRUE(IsBurmeseHonorific("nai"));
  EXPECT_FALSE(IsBurmeseHonorific("aung"));
}

}  // namespace
}  // namespace cordon
