#include "normalize/katakana_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace cordon {
namespace {

bool Reads(std::u32string_view word, std::string_view latin) {
  const std::vector<std::string> r = ReadKatakana(word);
  return std::find(r.begin(), r.end(), latin) != r.end();
}

TEST(KatakanaReader, ForeignNamesReadBack) {
  EXPECT_TRUE(Reads(U"ウラジーミル", "vladimir"));  // ウ before ラ is v, ジ di, final ル r
  EXPECT_TRUE(Reads(U"プーチン", "putin"));         // ー adds nothing, チ ti
  EXPECT_TRUE(Reads(U"ラブロフ", "lavrov"));        // first l then r, ブ v, final フ v
  EXPECT_TRUE(Reads(U"セルゲイ", "sergei"));        // inner ル r
  EXPECT_TRUE(Reads(U"キム", "kim"));
  EXPECT_TRUE(Reads(U"ジョンウン", "jongun"));  // ン before a vowel is ng
  EXPECT_TRUE(Reads(U"ハーメネイー", "hamenei"));
  EXPECT_TRUE(Reads(U"アリー", "ali"));
  EXPECT_TRUE(Reads(U"アサド", "asad"));  // final ド d
  EXPECT_TRUE(Reads(U"アレクサンドル", "aleksandr"));
  EXPECT_TRUE(Reads(U"ルカシェンコ", "lukashenko"));  // a first syllable keeps its u; シェ she
  EXPECT_TRUE(Reads(U"カディロフ", "kadirov"));       // ディ di
  EXPECT_TRUE(Reads(U"ナスララ", "nasrala"));         // first r then l
  EXPECT_TRUE(Reads(U"メドベージェフ", "medvedev"));
  EXPECT_TRUE(Reads(U"アフマド", "ahmad"));  // inner フ h
  EXPECT_TRUE(Reads(U"トランプ", "tramp"));  // ン before p is m; ト starts a cluster
  EXPECT_TRUE(Reads(U"スミス", "smis"));
  EXPECT_TRUE(Reads(U"ヴィクトル", "viktr"));
}

TEST(KatakanaReader, RussianStyleFirstWhenTheWordLooksRussian) {
  EXPECT_EQ(ReadKatakana(U"ラブロフ")[0], "ravrov");
  EXPECT_EQ(ReadKatakana(U"テレビ")[0], "terebi");  // no Russian ending: as written first
}

TEST(KatakanaReader, SmallKanaCombine) {
  EXPECT_TRUE(Reads(U"ディ", "di"));
  EXPECT_TRUE(Reads(U"フィ", "fi"));
  EXPECT_TRUE(Reads(U"ウィ", "wi"));
  EXPECT_TRUE(Reads(U"リョ", "ryo"));
  EXPECT_TRUE(Reads(U"ジョ", "jo"));
  EXPECT_TRUE(Reads(U"ヴァ", "va"));
}

TEST(KatakanaReader, JapaneseLongVowelsCollapse) {
  EXPECT_EQ(ReadKatakana(U"サトウ"), std::vector<std::string>{"sato"});
  EXPECT_EQ(ReadKatakana(U"タナカ"), std::vector<std::string>{"tanaka"});
}

TEST(KatakanaReader, Bounded) {
  // Many liquids and every style trigger: still at most four readings.
  const auto r = ReadKatakana(U"ラリルレロバジチラリルレロ");
  EXPECT_LE(r.size(), kMaxKatakanaReadings);
  EXPECT_FALSE(r.empty());
  EXPECT_TRUE(ReadKatakana(U"ー").empty());
  EXPECT_TRUE(ReadKatakana(U"ッン").empty());  // no syllable
  EXPECT_TRUE(ReadKatakana(U"").empty());
}

TEST(KatakanaReader, RandomWordsGiveBoundedLowerCaseReadings) {
  // Any sequence of the block's letters and marks (small kana first,
  // repeated ー, ッ at the end...): at most four distinct non-empty
  // lower-case ASCII readings.
  std::mt19937 rng(11);
  for (int round = 0; round < 20000; ++round) {
    std::u32string word;
    const int n = 1 + static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) word.push_back(static_cast<char32_t>(0x30A1 + rng() % (0x30FE - 0x30A1 + 1)));
    const std::vector<std::string> r = ReadKatakana(word);
    ASSERT_LE(r.size(), kMaxKatakanaReadings);
    for (size_t i = 0; i < r.size(); ++i) {
      ASSERT_FALSE(r[i].empty());
      for (char c : r[i]) ASSERT_TRUE(c >= 'a' && c <= 'z') << r[i];
      for (size_t j = 0; j < i; ++j) ASSERT_NE(r[i], r[j]);
    }
  }
}

TEST(KatakanaReader, OnlyKatakanaLetters) {
  EXPECT_TRUE(IsKatakanaLetter(U'ア'));
  EXPECT_TRUE(IsKatakanaLetter(U'ー'));
  EXPECT_FALSE(IsKatakanaLetter(U'・'));
  EXPECT_FALSE(IsKatakanaLetter(U'あ'));
  EXPECT_FALSE(IsKatakanaLetter(U'金'));
}

}  // namespace
}  // namespace cordon
