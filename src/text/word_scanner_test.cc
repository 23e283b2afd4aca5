#include "text/word_scanner.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace cordon {
namespace {

std::vector<std::string> Texts(std::string_view text, const std::vector<TextWord>& words) {
  std::vector<std::string> out;
  for (const auto& w : words) out.emplace_back(text.substr(w.start, w.end - w.start));
  return out;
}

TEST(ScanWordsTest, OffsetsHyphensApostrophesAndPeriods) {
  std::string text = "Mr. Kim Jong-un met Putin's envoy.";
  std::vector<TextWord> words;
  ScanWords(text, &words);
  EXPECT_EQ(Texts(text, words),
            (std::vector<std::string>{"Mr", "Kim", "Jong-un", "met", "Putin's", "envoy"}));
  EXPECT_TRUE(words[0].followed_by_period);
  EXPECT_FALSE(words[0].joined_to_previous);
  EXPECT_FALSE(words[1].joined_to_previous);  // "." between Mr and Kim
  EXPECT_TRUE(words[2].joined_to_previous);
  EXPECT_TRUE(words[1].capitalized);
  EXPECT_FALSE(words[3].capitalized);
  EXPECT_TRUE(words[5].followed_by_period);
}

TEST(ScanWordsTest, LineBreaksJoinButParagraphsDoNot) {
  std::string text = "Vladimir\nPutin\n\nKim";
  std::vector<TextWord> words;
  ScanWords(text, &words);
  ASSERT_EQ(words.size(), 3u);
  EXPECT_TRUE(words[1].joined_to_previous);
  EXPECT_FALSE(words[2].joined_to_previous);
}

TEST(ScanWordsTest, HyphenatedLineBreakStaysOneWord) {
  std::string text = "Kim Jong-\nun said";
  std::vector<TextWord> words;
  ScanWords(text, &words);
  EXPECT_EQ(Texts(text, words), (std::vector<std::string>{"Kim", "Jong-\nun", "said"}));
}

TEST(ScanWordsTest, ScriptsAndCjkRuns) {
  std::string text = "북한의 김정은 北朝鮮の金正恩 Путина";
  std::vector<TextWord> words;
  ScanWords(text, &words);
  ASSERT_EQ(words.size(), 4u);
  EXPECT_EQ(words[0].script, WordScript::kHangul);
  EXPECT_EQ(words[2].script, WordScript::kCjk);
  EXPECT_EQ(Texts(text, words)[2], "北朝鮮の金正恩");
  EXPECT_EQ(words[3].script, WordScript::kCyrillic);
  EXPECT_TRUE(words[3].capitalized);
}

TEST(FoldWordTest, CaseDiacriticsAndScriptVariants) {
  EXPECT_EQ(FoldWord("Müller"), "muller");
  EXPECT_EQ(FoldWord("STRAẞE"), FoldWord("straße"));
  EXPECT_EQ(FoldWord("Путина"), "путина");
  EXPECT_EQ(FoldWord("Ёлкин"), "елкин");
  EXPECT_EQ(FoldWord("إيران"), FoldWord("ايران"));
  EXPECT_EQ(FoldWord("Putin’s"), "putin's");
}

TEST(RomanizeFoldedTest, CyrillicToLatin) {
  EXPECT_EQ(RomanizeFolded("путин"), "putin");
  EXPECT_EQ(RomanizeFolded("щукин"), "shchukin");
  EXPECT_EQ(RomanizeFolded("putin"), "putin");
  EXPECT_EQ(RomanizeFolded("평양"), "");
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(InflectionVariantsTest, RussianCaseEndings) {
  EXPECT_TRUE(Has(InflectionVariants("путина", WordScript::kCyrillic, "auto"), "путин"));
  EXPECT_TRUE(Has(InflectionVariants("путину", WordScript::kCyrillic, "ru"), "путин"));
  EXPECT_TRUE(Has(InflectionVariants("ына", WordScript::kCyrillic, "auto"), "ын"));
  EXPECT_TRUE(Has(InflectionVariants("сергея", WordScript::kCyrillic, "auto"), "сергей"));
  EXPECT_FALSE(Has(InflectionVariants("путин", WordScript::kCyrillic, "auto"), "путин"));  // itself excluded
}

TEST(InflectionVariantsTest, GenitiveParticlesAndPrefixes) {
  EXPECT_TRUE(Has(InflectionVariants("putin's", WordScript::kLatin, "en"), "putin"));
  EXPECT_TRUE(Has(InflectionVariants("putins", WordScript::kLatin, "de"), "putin"));
  EXPECT_TRUE(Has(InflectionVariants("putins", WordScript::kLatin, "auto"), "putin"));
  EXPECT_FALSE(Has(InflectionVariants("carlos", WordScript::kLatin, "es"), "carlo"));
  EXPECT_TRUE(Has(InflectionVariants("l'iran", WordScript::kLatin, "it"), "iran"));
  EXPECT_TRUE(Has(InflectionVariants("북한의", WordScript::kHangul, "ko"), "북한"));
  EXPECT_TRUE(Has(InflectionVariants("김정은은", WordScript::kHangul, "ko"), "김정은"));
  EXPECT_TRUE(Has(InflectionVariants(FoldWord("وإيران"), WordScript::kArabic, "ar"), FoldWord("إيران")));
}

TEST(CyrillicStemTest, CasesOfOneNameShareAStem) {
  EXPECT_EQ(CyrillicStem("россия"), CyrillicStem("россии"));
  EXPECT_EQ(CyrillicStem("россия"), CyrillicStem("россией"));
  EXPECT_EQ(CyrillicStem("северная"), CyrillicStem("северной"));
  EXPECT_EQ(CyrillicStem("корея"), CyrillicStem("кореи"));
  EXPECT_NE(CyrillicStem("иран"), CyrillicStem("ирак"));
}

TEST(DecodeUtf8Test, RoundTrip) {
  std::string s;
  for (char32_t c : {U'a', U'é', U'Ж', U'한', U'𝔸'}) AppendUtf8(c, &s);
  size_t pos = 0;
  std::u32string back;
  while (pos < s.size()) back.push_back(DecodeUtf8(s, &pos));
  EXPECT_EQ(back, U"aéЖ한𝔸");
  EXPECT_EQ(CountCodePoints(s), 5u);
}

}  // namespace
}  // namespace cordon
