#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include "cordon/text.h"
#include "text/test_engine.h"

namespace cordon {
namespace {

class TextScreenerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    engine_ = MakeTestEngine().release();
    ASSERT_NE(engine_, nullptr);
    screener_ = TextScreener::Create(*engine_).value().release();
  }
  static void TearDownTestSuite() {
    delete screener_;
    delete engine_;
  }

  static TextReport Screen(std::string_view text, TextOptions options = {}) {
    auto r = screener_->Screen(text, options);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (!r.ok()) return {};
    // Offsets always point at the mention as written.
    for (const auto& m : r->mentions) EXPECT_EQ(text.substr(m.start, m.end - m.start), m.text);
    for (const auto& j : r->jurisdictions) EXPECT_EQ(text.substr(j.start, j.end - j.start), j.text);
    return std::move(r).value();
  }
  // "text:kind:source_id" per mention.
  static std::vector<std::string> Mentions(std::string_view text, TextOptions options = {}) {
    std::vector<std::string> out;
    for (const auto& m : Screen(text, options).mentions) {
      out.push_back(m.text + ":" + std::string(MentionKindName(m.kind)) + ":" +
                    (m.matches.empty() ? "-" : m.matches[0].entity->source_id));
    }
    return out;
  }

  static Engine* engine_;
  static TextScreener* screener_;
};
Engine* TextScreenerTest::engine_ = nullptr;
TextScreener* TextScreenerTest::screener_ = nullptr;

TEST_F(TextScreenerTest, RussianInflectedNamesAndSurnameReferences) {
  std::string text =
      "Президент Владимир Путин провёл совещание. По словам Путина, санкции не работают. "
      "Позже Путину доложили о визите Ким Чен Ына.";
  EXPECT_EQ(Mentions(text), (std::vector<std::string>{"Владимир Путин:full_name:1", "Путина:surname_ref:1",
                                                      "Путину:surname_ref:1", "Ким Чен Ына:full_name:2"}));
  auto report = Screen(text);
  EXPECT_EQ(report.mentions[1].refers_to, report.mentions[0].start);
  ASSERT_FALSE(report.mentions[0].matches.empty());
  EXPECT_EQ(report.mentions[0].matches[0].explanation.list_version, "v1test");
  ASSERT_EQ(report.list_versions.size(), 1u);
  EXPECT_EQ(report.list_versions[0].version, "v1test");
}

TEST_F(TextScreenerTest, SurnameOrGivenNameAloneIsNoMention) {
  EXPECT_TRUE(Mentions("Putin said nothing. Vladimir went home. Kim and Lee met Jong.").empty());
}

TEST_F(TextScreenerTest, SurnameCountsOnlyAfterTheFullName) {
  EXPECT_EQ(Mentions("Putin arrived. Later Vladimir Putin spoke, and Putin left."),
            (std::vector<std::string>{"Vladimir Putin:full_name:1", "Putin:surname_ref:1"}));
}

TEST_F(TextScreenerTest, CommonTokensTogetherAreNoMention) {
  // "Ali Mohammed" is listed, but both tokens are among the commonest names.
  EXPECT_TRUE(Mentions("Our teacher Mohammed Ali and the baker Kim Lee opened a shop.").empty());
}

TEST_F(TextScreenerTest, TitlesParticlesLineBreaksAndSpellings) {
  EXPECT_EQ(Mentions("Talks with Mr. Kim Jong-un ended."),
            (std::vector<std::string>{"Kim Jong-un:full_name:2"}));
  EXPECT_EQ(Mentions("le président russe Vladimir\nPoutine a reçu"),
            (std::vector<std::string>{"Vladimir\nPoutine:full_name:1"}));
  EXPECT_EQ(Mentions("KIM JONG UN"), (std::vector<std::string>{"KIM JONG UN:full_name:2"}));
  EXPECT_EQ(Mentions("Putin's ally Nicolas Maduro Moros"),
            (std::vector<std::string>{"Nicolas Maduro Moros:full_name:7"}));
}

TEST_F(TextScreenerTest, CyrillicKoreanNameAcrossALineBreak) {
  EXPECT_EQ(Mentions("по поручению Ким\nЧен Ына, который"),
            (std::vector<std::string>{"Ким\nЧен Ына:full_name:2"}));
}

TEST_F(TextScreenerTest, ArabicCompoundWithAllah) {
  // Nasrallah is written as two words in Arabic script: نصر الله.
  EXPECT_EQ(Mentions("وقال حسن نصر الله في كلمة"), (std::vector<std::string>{"حسن نصر الله:full_name:10"}));
}

TEST_F(TextScreenerTest, ArabicSurnameAloneAfterTheFullName) {
  // نصر الله alone, with a conjunction or preposition attached, only after
  // the full name; الله alone is never a surname.
  std::string text =
      "قال نصر الله شيئا. ثم قال حسن نصر الله إن الحزب مستعد. وأكد نصر الله ذلك، ونصر الله يرى أن "
      "لنصر الله دورا. والله أعلم.";
  EXPECT_EQ(Mentions(text),
            (std::vector<std::string>{"حسن نصر الله:full_name:10", "نصر الله:surname_ref:10",
                                      "ونصر الله:surname_ref:10", "لنصر الله:surname_ref:10"}));
  auto report = Screen(text);
  ASSERT_EQ(report.mentions.size(), 4u);
  EXPECT_EQ(report.mentions[1].refers_to, report.mentions[0].start);
  // A one-word surname with the article: الأسد, بالأسد, للأسد (ل + الأسد).
  EXPECT_EQ(Mentions("التقى بشار الأسد وفدا. وقال الأسد إن بالأسد ثقة، وللأسد رأي."),
            (std::vector<std::string>{"بشار الأسد:full_name:15", "الأسد:surname_ref:15",
                                      "بالأسد:surname_ref:15", "وللأسد:surname_ref:15"}));
}

TEST_F(TextScreenerTest, HanNamesInChineseAndJapanese) {
  // Korean reading (金正恩 -> 김정은), simplified characters read as
  // traditional (崔龙海), pinyin (李方伟 -> li fangwei), a Han name listed
  // as written (金铁三); byte offsets into the run.
  std::string zh = "朝鲜领导人金正恩在平壤会见了崔龙海。美国制裁了李方伟和金铁三。";
  EXPECT_EQ(Mentions(zh), (std::vector<std::string>{"金正恩:full_name:2", "崔龙海:full_name:13",
                                                    "李方伟:full_name:11", "金铁三:full_name:12"}));
  auto report = Screen(zh);
  ASSERT_EQ(report.mentions.size(), 4u);
  EXPECT_EQ(report.mentions[0].start, zh.find("金正恩"));
  EXPECT_EQ(report.mentions[0].end, zh.find("金正恩") + 9);
  // Japanese: kana around the name, 竜 for 龍, 偉 for 伟.
  EXPECT_EQ(Mentions("北朝鮮の金正恩総書記は崔竜海氏と李方偉氏に会った。"),
            (std::vector<std::string>{"金正恩:full_name:2", "崔竜海:full_name:13", "李方偉:full_name:11"}));
}

TEST_F(TextScreenerTest, HanFamilyNameOrOrdinaryWordIsNoMention) {
  // A family name alone (金, 李), the family name with one given-name
  // character of a listed name (金正), ordinary words (金融 "finance") and
  // common people's names raise nothing.
  EXPECT_TRUE(Mentions("金先生和李女士在金融公司工作。金正在开会。王伟和张丽去了北京。").empty());
  // Read in another order, the syllables of a listed name are not that
  // name: Han text writes the family name first (龙崔海 is no Choe Ryong Hae).
  EXPECT_TRUE(Mentions("龙崔海在这里。").empty());
  // Two characters are only a name when listed as written (周伟), and not
  // when the dictionary reads them as one word: 周围 ("around") reads as
  // Zhou Wei too.
  EXPECT_EQ(Mentions("警方说周伟已经离开。周围的人都很高兴。"),
            (std::vector<std::string>{"周伟:full_name:14"}));
}

TEST_F(TextScreenerTest, KatakanaNamesInJapanese) {
  // Parts joined by the middle dot or an equals sign, Han titles and kana
  // particles around them; the surname alone refers back to the full name.
  std::string ja =
      "ロシアのウラジーミル・プーチン大統領は、シリアのバッシャール・アル＝アサド大統領と会談した。"
      "プーチン氏は協力を強調し、アサド大統領も同意した。";
  EXPECT_EQ(Mentions(ja), (std::vector<std::string>{"ウラジーミル・プーチン:full_name:1",
                                                    "バッシャール・アル＝アサド:full_name:15",
                                                    "プーチン:surname_ref:1", "アサド:surname_ref:15"}));
  auto report = Screen(ja);
  ASSERT_EQ(report.mentions.size(), 4u);
  EXPECT_EQ(report.mentions[2].refers_to, report.mentions[0].start);
  // Korean names in katakana: ン before a vowel is ng (ジョンウン Jong Un).
  EXPECT_EQ(Mentions("北朝鮮のキム・ジョンウン総書記は視察した。"),
            (std::vector<std::string>{"キム・ジョンウン:full_name:2"}));
}

TEST_F(TextScreenerTest, KatakanaSurnameAloneOrOrdinaryWordsAreNoMention) {
  // A listed surname alone, never tied to a full name; ordinary katakana
  // words and unlisted people; a listed katakana surname inside another
  // name's chain (プーチン・ロシア is "Putin, Russia").
  EXPECT_TRUE(Mentions("プーチン大統領は会見した。ラブロフ外相も出席した。").empty());
  EXPECT_TRUE(Mentions("ジョン・スミス氏はコンピュータとテレビを買い、マクドナルドで食事した。").empty());
  EXPECT_TRUE(Mentions("プーチン・ロシア大統領は述べた。").empty());
  // Two common tokens (アリー ali, ムハンマド muhammad) are not screened.
  EXPECT_TRUE(Mentions("アリー・モハメッド氏が来日した。").empty());
}

TEST_F(TextScreenerTest, HanFamilyNameAloneAfterTheFullName) {
  // 金 after 金正恩 is Kim Jong Un; 金融 ("finance") stays a word.
  std::string ja = "金正恩総書記は視察した。金総書記は金融市場にも言及した。";
  EXPECT_EQ(Mentions(ja), (std::vector<std::string>{"金正恩:full_name:2", "金:surname_ref:2"}));
  // Before the full name, 金 is nothing.
  EXPECT_TRUE(Mentions("金総書記は視察した。").empty());
  // A family name followed by a given name is another person (李娜 after
  // 李方伟); inside a word it is no name (资金 "funds").
  EXPECT_EQ(Mentions("美国制裁了李方伟。老师李娜也来了，资金不足。"),
            (std::vector<std::string>{"李方伟:full_name:11"}));
  EXPECT_EQ(Mentions("美国制裁了李方伟。李先生否认。"),
            (std::vector<std::string>{"李方伟:full_name:11", "李:surname_ref:11"}));
}

TEST_F(TextScreenerTest, KatakanaPlaceInsideALongerWordIsNoPlace) {
  // マリ (Mali) inside マリア, シリア (Syria) inside シリアル ("serial").
  EXPECT_TRUE(Screen("マリアさんはシリアルナンバーを確認した。").jurisdictions.empty());
  EXPECT_EQ(Screen("ロシアとシリアの情勢").jurisdictions.size(), 2u);
}

// Seeded random mixes of Han characters (family names, name characters),
// kana (katakana name parts and separators too), Hangul, Arabic words with prefixes and punctuation: every
// mention and place must point at its text (Screen() checks offsets), and names planted whole are found.
TEST_F(TextScreenerTest, RandomHanAndArabicMixesKeepOffsets) {
  const std::vector<std::string> pieces = {
      "金", "正", "恩", "崔", "龙", "海", "李", "方", "伟", "周", "围", "的", "在", "和", "经", "济", "の",
      "は", "ア", "ー", "。", "、", " ", "\n", "김", "정", "은", "نصر", "الله", "ونصر", "حسن", " ", "𠀋",
      "々", "平壤",
      // katakana parts, separators, small kana and marks
      "プーチン", "ウラジーミル", "・", "＝", "ッ", "ィ", "ヽ", "ン", "総書記", "氏"};
  std::mt19937 rng(5);
  size_t planted = 0, found = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 24);
    bool plant = rng() % 4 == 0;
    for (int k = 0; k < n; ++k) {
      if (plant && k == n / 2) text += "。金正恩。";
      text += pieces[rng() % pieces.size()];
    }
    TextReport report = Screen(text);
    if (plant) {
      ++planted;
      for (const auto& m : report.mentions) found += m.text == "金正恩";
    }
  }
  EXPECT_GE(found, planted);
}

TEST_F(TextScreenerTest, KoreanNameWithParticle) {
  EXPECT_EQ(Mentions("김정은은 평양에서 연설했다"), (std::vector<std::string>{"김정은은:full_name:2"}));
}

TEST_F(TextScreenerTest, OrganisationsVesselsAndOneWordNames) {
  EXPECT_EQ(Mentions("A tanker, the Wise Honest, and Rosoboronexport were named."),
            (std::vector<std::string>{"Wise Honest:full_name:6", "Rosoboronexport:single_token:4"}));
  // A one-word name written in lower case is an ordinary word.
  EXPECT_TRUE(Mentions("rosoboronexport").empty());
}

TEST_F(TextScreenerTest, JurisdictionsWithProgramsFromTheLists) {
  auto report = Screen("Sanctions on Venezuela and North Korea.");
  ASSERT_EQ(report.jurisdictions.size(), 2u);
  EXPECT_EQ(report.jurisdictions[0].code, "VE");
  EXPECT_EQ(report.jurisdictions[0].programs, (std::vector<std::string>{"VENEZUELA-EO13850"}));
  EXPECT_EQ(report.jurisdictions[1].code, "KP");
  EXPECT_TRUE(report.jurisdictions[1].comprehensive);
}

TEST_F(TextScreenerTest, OptionsSwitchPartsOff) {
  TextOptions options;
  options.parties = false;
  auto report = Screen("Vladimir Putin in Moscow", options);
  EXPECT_TRUE(report.mentions.empty());
  EXPECT_EQ(report.jurisdictions.size(), 1u);
  options.parties = true;
  options.jurisdictions = false;
  report = Screen("Vladimir Putin in Moscow", options);
  EXPECT_EQ(report.mentions.size(), 1u);
  EXPECT_TRUE(report.jurisdictions.empty());
  EXPECT_EQ(report.words, 4u);
}

TEST_F(TextScreenerTest, BadInputIsAClearError) {
  auto bad = screener_->Screen(std::string("ok text \xC3\x28 more"), {});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("byte offset 8"), std::string::npos) << bad.status().message();

  TextOptions small;
  small.max_bytes = 4;
  EXPECT_EQ(screener_->Screen("too long", small).status().code(), StatusCode::kInvalidArgument);
  TextOptions threshold;
  threshold.threshold = 1.5;
  EXPECT_EQ(screener_->Screen("x", threshold).status().code(), StatusCode::kInvalidArgument);
  TextOptions source;
  source.sources = {"nope"};
  EXPECT_EQ(screener_->Screen("x", source).status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(screener_->Screen("", {}).ok());
}

TEST_F(TextScreenerTest, MaxResultsTruncates) {
  TextOptions options;
  options.max_results = 2;
  auto report = Screen("Iran, Iran, Iran, Iran.", options);
  EXPECT_EQ(report.jurisdictions.size(), 2u);
  EXPECT_TRUE(report.truncated);
}

TEST_F(TextScreenerTest, ScreenFileKeepsFileOffsetsAcrossPieces) {
  // Over 4 MiB, so the file is read in several pieces; one 1 MB line has no
  // line break at all, and the surname comes pieces after the full name.
  std::string path = ::testing::TempDir() + "/cordon_text_file.txt";
  std::string content = "Vladimir Putin opened.\n";
  std::string filler;
  for (int i = 0; i < 90000; ++i) filler += "the quick brown fox jumps over the lazy dog\n";  // ~4 MB
  content += filler;
  content += std::string(1 << 20, 'a') + " ";
  const size_t putin_at = content.size() + 4;
  content += "and Putin left Minsk.\n";
  {
    std::ofstream out(path, std::ios::binary);
    out << content;
  }
  auto report = screener_->ScreenFile(path, {});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->bytes, content.size());
  ASSERT_EQ(report->mentions.size(), 2u);
  EXPECT_EQ(report->mentions[0].start, 0u);
  EXPECT_EQ(report->mentions[1].start, putin_at);
  EXPECT_EQ(report->mentions[1].kind, MentionKind::kSurnameRef);
  ASSERT_EQ(report->jurisdictions.size(), 1u);
  EXPECT_EQ(content.substr(report->jurisdictions[0].start, 5), "Minsk");

  std::ofstream(path, std::ios::binary) << "fine\n" << std::string("\xFF\xFE\x00\x01", 4);
  auto bad = screener_->ScreenFile(path, {});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().location().file, path);
  EXPECT_NE(bad.status().message().find("byte offset 5"), std::string::npos) << bad.status().message();
  std::filesystem::remove(path);

  EXPECT_EQ(screener_->ScreenFile("/nonexistent/file.txt", {}).status().code(), StatusCode::kNotFound);
}

// A file over 4 MiB is read in pieces; whatever the cut (a line break
// inside a name, a space inside a place name, a character boundary inside
// a run of Han characters), ScreenFile reports exactly what Screen reports
// for the whole text, with the same offsets.
TEST_F(TextScreenerTest, NamesAcrossPieceBoundariesAreFoundOnce) {
  constexpr size_t kPiece = size_t{4} << 20;
  // Exactly `bytes` bytes of `phrase` repeated (for Latin phrases, the last
  // byte a space; for Han, `bytes` a multiple of 3).
  auto filler = [](size_t bytes, std::string_view phrase) {
    std::string out;
    while (out.size() < bytes) out += phrase;
    out.resize(bytes);
    if (phrase[0] == 't' || phrase[0] == 'a') out.back() = ' ';
    return out;
  };
  struct Case {
    std::string name;
    std::string content;
    size_t expect_mentions, expect_places;
  };
  std::vector<Case> cases;
  {
    // The only line break in the second half of the first piece is inside
    // "Vladimir\nPutin": the piece is cut right after it.
    std::string c = filler(kPiece - 40, "the quick brown fox jumps over the lazy dog ");
    c += "Vladimir\nPutin met Kim Jong Un. ";
    c += filler(300000, "a slow grey cat sleeps under the warm sun ") + "Then Putin left.\n";
    cases.push_back({"line break", c, 3, 0});
  }
  {
    // No line break at all: the cut is the last space, inside "North Korea".
    std::string c = filler(kPiece - 8, "the quick brown fox jumps over the lazy dog ");
    c += "North Korea and Vladimir Putin. ";
    c += filler(300000, "a slow grey cat sleeps under the warm sun ");
    cases.push_back({"space", c, 1, 1});
  }
  {
    // No space either: the cut is a character boundary inside 金正恩 (the
    // 4 MiB mark falls in its second character).
    std::string c = filler(kPiece - 4, "今天天气很好我们去公园散步。");  // 4194300 = 3 x 1398100
    c += "金正恩在平壤会见了李方伟。";
    c += filler(300000, "今天天气很好我们去公园散步。");
    cases.push_back({"character", c, 2, 1});
  }
  const std::string path = ::testing::TempDir() + "/cordon_text_boundary.txt";
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::ofstream(path, std::ios::binary) << c.content;
    TextOptions whole_options;
    whole_options.max_bytes = c.content.size();
    auto whole = screener_->Screen(c.content, whole_options);
    auto file = screener_->ScreenFile(path, {});
    ASSERT_TRUE(whole.ok()) << whole.status().ToString();
    ASSERT_TRUE(file.ok()) << file.status().ToString();
    EXPECT_EQ(whole->mentions.size(), c.expect_mentions);
    EXPECT_EQ(whole->jurisdictions.size(), c.expect_places);
    ASSERT_EQ(file->mentions.size(), whole->mentions.size());
    for (size_t i = 0; i < whole->mentions.size(); ++i) {
      EXPECT_EQ(file->mentions[i].start, whole->mentions[i].start);
      EXPECT_EQ(file->mentions[i].end, whole->mentions[i].end);
      EXPECT_EQ(file->mentions[i].text, whole->mentions[i].text);
      EXPECT_EQ(file->mentions[i].kind, whole->mentions[i].kind);
      EXPECT_EQ(file->mentions[i].refers_to, whole->mentions[i].refers_to);
      EXPECT_EQ(c.content.substr(file->mentions[i].start, file->mentions[i].end - file->mentions[i].start),
                file->mentions[i].text);
    }
    ASSERT_EQ(file->jurisdictions.size(), whole->jurisdictions.size());
    for (size_t i = 0; i < whole->jurisdictions.size(); ++i) {
      EXPECT_EQ(file->jurisdictions[i].start, whole->jurisdictions[i].start);
      EXPECT_EQ(file->jurisdictions[i].text, whole->jurisdictions[i].text);
    }
    EXPECT_EQ(file->bytes, c.content.size());
    EXPECT_EQ(file->words, whole->words);
  }
  // The cuts really fall inside the names (else this test proves nothing).
  EXPECT_LT(cases[0].content.find("Vladimir\nPutin"), kPiece);
  EXPECT_GT(cases[0].content.find("Putin met"), kPiece / 2);
  EXPECT_EQ(cases[0].content.rfind('\n', kPiece), cases[0].content.find("\nPutin"));
  EXPECT_EQ(cases[1].content.rfind(' ', kPiece - 1), cases[1].content.find(" Korea"));
  EXPECT_LT(cases[2].content.find("金正恩"), kPiece);
  EXPECT_GT(cases[2].content.find("金正恩") + 9, kPiece);
  std::filesystem::remove(path);
}

TEST_F(TextScreenerTest, ConvenienceFunctionCachesPerEngine) {
  auto a = ScreenText(*engine_, "Kim Jong Un in Pyongyang");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->mentions.size(), 1u);
  EXPECT_EQ(a->jurisdictions.size(), 1u);
  auto b = ScreenText(*engine_, "Kim Jong Un");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->mentions.size(), 1u);
}

}  // namespace
}  // namespace cordon
