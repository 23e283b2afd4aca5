#include "text/gazetteer.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "text/test_engine.h"

namespace cordon {
namespace {

class GazetteerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::vector<Entity> entities;
    entities.push_back(TestEntity("1", Schema::kPerson, {TestName("A B")}, {"DPRK3"}));
    entities.push_back(TestEntity("2", Schema::kPerson, {TestName("C D")}, {"VENEZUELA-EO13850"}));
    entities.push_back(TestEntity("3", Schema::kOrganization, {TestName("E F")},
                                  {"Non-SDN Chinese Military-Industrial Complex Companies List (CMIC)"}));
    gazetteer_ = new Gazetteer(entities);
  }
  static void TearDownTestSuite() { delete gazetteer_; }

  static std::vector<JurisdictionMention> Find(std::string_view text) {
    std::vector<TextWord> words;
    ScanWords(text, &words);
    std::vector<std::string> folded;
    for (const auto& w : words) folded.push_back(FoldWord(text.substr(w.start, w.end - w.start)));
    std::vector<JurisdictionMention> out;
    gazetteer_->Find(text, words, folded, &out);
    for (const auto& m : out) EXPECT_EQ(text.substr(m.start, m.end - m.start), m.text);
    return out;
  }
  static std::vector<std::string> Codes(std::string_view text) {
    std::vector<std::string> codes;
    for (const auto& m : Find(text)) codes.push_back(m.code + ":" + m.text);
    return codes;
  }
  static Gazetteer* gazetteer_;
};
Gazetteer* GazetteerTest::gazetteer_ = nullptr;

TEST_F(GazetteerTest, CountryNamesInManyLanguages) {
  EXPECT_EQ(Codes("Sanzioni contro la Corea del Nord."), (std::vector<std::string>{"KP:Corea del Nord"}));
  EXPECT_EQ(Codes("Nordkorea testet Raketen."), (std::vector<std::string>{"KP:Nordkorea"}));
  EXPECT_EQ(Codes("Санкции против Северной Кореи"), (std::vector<std::string>{"KP:Северной Кореи"}));
  EXPECT_EQ(Codes("북한의 미사일"), (std::vector<std::string>{"KP:북한의"}));
  EXPECT_EQ(Codes("الوفد من كوريا الشمالية"), (std::vector<std::string>{"KP:كوريا الشمالية"}));
}

TEST_F(GazetteerTest, CjkNamesInsideIdeographRuns) {
  auto found = Find("北朝鮮の金正恩総書記");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].code, "KP");
  EXPECT_EQ(found[0].text, "北朝鮮");
}

TEST_F(GazetteerTest, CitiesPortsRegionsAndDemonyms) {
  auto found = Find("From Pyongyang and Nampo to Sevastopol in Crimea, nordkoreanische Diplomaten");
  std::vector<std::pair<std::string, PlaceKind>> got;
  for (const auto& m : found) got.emplace_back(m.code, m.kind);
  EXPECT_EQ(got, (std::vector<std::pair<std::string, PlaceKind>>{{"KP", PlaceKind::kCity},
                                                                 {"KP", PlaceKind::kPort},
                                                                 {"UA-40", PlaceKind::kCity},
                                                                 {"UA-43", PlaceKind::kRegion},
                                                                 {"KP", PlaceKind::kDemonym}}));
  EXPECT_TRUE(found[3].comprehensive);
}

TEST_F(GazetteerTest, ProgramsComeFromTheListsAndTheTable) {
  auto found = Find("Venezuela and Iran");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].code, "VE");
  EXPECT_FALSE(found[0].comprehensive);
  EXPECT_EQ(found[0].programs, (std::vector<std::string>{"VENEZUELA-EO13850"}));
  EXPECT_EQ(found[1].code, "IR");
  EXPECT_TRUE(found[1].comprehensive);
  JurisdictionMention kp;
  ASSERT_TRUE(gazetteer_->Lookup("kp", &kp));
  EXPECT_TRUE(std::find(kp.programs.begin(), kp.programs.end(), "DPRK3") != kp.programs.end());
}

TEST_F(GazetteerTest, NoTargetNoMention) {
  // A list name mentioning "Chinese" does not make China a target.
  EXPECT_TRUE(Find("Trade with China and France grew.").empty());
  JurisdictionMention m;
  EXPECT_FALSE(gazetteer_->Lookup("CN", &m));
  EXPECT_FALSE(gazetteer_->Lookup("DE", &m));
}

TEST_F(GazetteerTest, CountryNamesNeedACapitalDemonymsDoNot) {
  EXPECT_TRUE(Find("la cuba del vino").empty());  // Italian: a wine vat
  EXPECT_EQ(Codes("il presidente russo"), (std::vector<std::string>{"RU:russo"}));
}

}  // namespace
}  // namespace cordon
