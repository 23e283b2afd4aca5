#include "index/name_index.h"

#include <gtest/gtest.h>

namespace cordon {
namespace {

Entity Person(std::string id, std::string name) {
  Entity e;
  e.source = "test";
  e.source_id = std::move(id);
  e.schema = Schema::kPerson;
  Name n;
  n.full = std::move(name);
  e.names.push_back(n);
  return e;
}

class NameIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    entities_.push_back(Person("1", "PUTIN, Vladimir Vladimirovich"));
    entities_.push_back(Person("2", "KIM, Jong Un"));
    entities_.push_back(Person("3", "KIM, Jong Il"));
    entities_.push_back(Person("4", "KIM, Yo Jong"));
    entities_.push_back(Person("5", "HABBASH, George"));
    entities_.push_back(Person("7", "KIM, Tae Song"));
    entities_.push_back(Person("8", "PAK, Tae Song"));
    entities_.push_back(Person("9", "ASHTIANI, Mohammad Reza"));
    entities_.push_back(Person("10", "KHAMIS, Reda Ali"));
    entities_.push_back(Person("11", "NASERI, Mohammad Sadegh"));
    entities_.push_back(Person("12", "QADHAFI, Saif al-Arab"));
    Entity ship;
    ship.source = "test";
    ship.source_id = "6";
    ship.schema = Schema::kVessel;
    ship.names.push_back({"CHON MA SAN"});
    ship.documents.push_back({DocumentType::kImo, "8660313", "", ""});
    entities_.push_back(ship);
    index_ = NameIndex::Build(entities_);
  }

  std::vector<std::string> Find(std::string_view name, double min = 0.8) {
    PreparedName q = index_->Prepare(NormalizeName(name));
    SearchOptions o;
    o.min_score = min;
    std::vector<NameHit> hits = index_->Search(q, o);
    std::sort(hits.begin(), hits.end(), [](const NameHit& a, const NameHit& b) { return a.score > b.score; });
    std::vector<std::string> ids;
    for (const auto& h : hits) ids.push_back(entities_[h.entity].source_id);
    return ids;
  }

  std::vector<Entity> entities_;
  std::unique_ptr<NameIndex> index_;
};

TEST_F(NameIndexTest, FindsAcrossScriptsAndSpellings) {
  EXPECT_EQ(Find("Vladimir Putin"), std::vector<std::string>{"1"});
  EXPECT_EQ(Find("Wladimir Putin"), std::vector<std::string>{"1"});
  EXPECT_EQ(Find("Путин Владимир Владимирович"), std::vector<std::string>{"1"});
  EXPECT_EQ(Find("김정은"), std::vector<std::string>{"2"});
  EXPECT_EQ(Find("Ким Чен Ын"), std::vector<std::string>{"2"});
  EXPECT_EQ(Find("Kim Jongun"), std::vector<std::string>{"2"});
  EXPECT_EQ(Find("Vladimr Putin"), std::vector<std::string>{"1"});
  EXPECT_EQ(Find("김태성"), std::vector<std::string>{"7"});
  EXPECT_EQ(Find("محمدرضا آشتیانی"), std::vector<std::string>{"9"});
  EXPECT_EQ(Find("رضا علي خميس"), std::vector<std::string>{"10"});
  // Qaf written q or g: the index looks the word up both ways.
  EXPECT_EQ(Find("Mohammad Sadeq NASERI"), std::vector<std::string>{"11"});
  EXPECT_EQ(Find("GADDAFI, Saif Al-Arab"), std::vector<std::string>{"12"});
}

TEST_F(NameIndexTest, CommonTokensAloneDoNotMatch) {
  EXPECT_TRUE(Find("Kim").empty());
  EXPECT_TRUE(Find("Putin").empty());
  EXPECT_TRUE(Find("George Bush").empty());
}

TEST_F(NameIndexTest, IdentifierLookup) {
  const auto* ents = index_->EntitiesWithIdentifier("8660313");
  ASSERT_NE(ents, nullptr);
  EXPECT_EQ(entities_[(*ents)[0]].source_id, "6");
}

// Differential: the index returns exactly the names an exhaustive scan
// scores above the threshold.
TEST_F(NameIndexTest, AgreesWithExhaustiveScan) {
  // (Korean syllables weigh alike: the common one is left unwalked; an
  // Arabic-script word finds two listed Latin words by joined skeleton.)
  for (const char* q : {"Vladimir Putin", "Kim Jong Il", "Jong Un", "Kim Yo-jong", "Habash George", "김태성",
                        "박태성", "Tae Song Kim", "محمدرضا آشتیانی", "رضا علي خميس", "Mohammad Sadeq NASERI",
                        "GADDAFI, Saif Al-Arab"}) {
    PreparedName p = index_->Prepare(NormalizeName(q));
    std::set<uint32_t> exhaustive;
    for (uint32_t n = 0; n < index_->listed_names().size(); ++n) {
      std::vector<ScoringToken> listed = index_->ListedTokens(n);
      for (const auto& v : p.variants) {
        if (ScoreName(v.tokens.data(), v.tokens.size(), listed.data(), listed.size(), nullptr) >= 0.8) {
          exhaustive.insert(index_->listed_names()[n].entity);
        }
      }
    }
    SearchOptions o;
    o.min_score = 0.8;
    std::set<uint32_t> found, reference;
    for (const auto& h : index_->Search(p, o)) found.insert(h.entity);
    EXPECT_EQ(found, exhaustive) << q;
    o.exhaustive = true;
    for (const auto& h : index_->Search(p, o)) reference.insert(h.entity);
    EXPECT_EQ(found, reference) << q;
  }
}

// A run-together name (Jongun) finds the listed parts (Jong Un) through the
// compounds table, in one reading whose tokens point at their own keys and
// display text.
TEST_F(NameIndexTest, RunTogetherNameFindsListedParts) {
  PreparedName q = index_->Prepare(NormalizeName("Kim Jongun"));
  ASSERT_EQ(q.variants.size(), 1u);
  const auto& v = q.variants[0];
  ASSERT_EQ(v.tokens.size(), v.displays.size());
  for (size_t i = 0; i < v.tokens.size(); ++i) {
    EXPECT_EQ(v.tokens[i].display, v.displays[i]);
    EXPECT_EQ(v.tokens[i].keys, &v.keys[i]);
  }
  EXPECT_EQ(Find("Kim Jongun").at(0), "2");
}

TEST(PopulationWeight, OnePersonIn100000WeighsAtMostThreeTenths) {
  EXPECT_EQ(PopulationWeight(0), 1.0);                        // unknown word
  EXPECT_NEAR(PopulationWeight(1e-5), 0.3, 0.002);            // the alone-alerting limit
  EXPECT_LT(PopulationWeight(0.00058), 0.2);                  // HUDSON
  EXPECT_DOUBLE_EQ(PopulationWeight(0.01), 0.1);              // SMITH: the floor
  EXPECT_GT(PopulationWeight(1e-7), PopulationWeight(1e-6));  // rarer weighs more
}

TEST(NameIndexPopulation, CommonCompanyWordAloneDoesNotAlert) {
  Entity org;
  org.source = "test";
  org.source_id = "h";
  org.schema = Schema::kOrganization;
  org.names.push_back({"HUDSON ENGINEERING LTD"});
  std::vector<Entity> entities{org, Person("p", "PUTIN, Vladimir Vladimirovich")};
  Result<NamePopulation> people = NamePopulation::Parse("hudson\tsurname\t0.00058\n", "t");
  ASSERT_TRUE(people.ok());
  auto search = [&](const NameIndex& index, std::string_view name) {
    SearchOptions o;
    o.min_score = 0.8;
    return index.Search(index.Prepare(NormalizeName(name)), o).size();
  };
  std::unique_ptr<NameIndex> lists_only = NameIndex::Build(entities);
  std::unique_ptr<NameIndex> with_people = NameIndex::Build(entities, {&people.value()});
  EXPECT_EQ(search(*lists_only, "Hudson Inc"), 1u);  // HUDSON is rare in the lists
  EXPECT_EQ(search(*with_people, "Hudson Inc"), 0u);
  EXPECT_EQ(search(*with_people, "Hudson Engineering Ltd"), 1u);
  std::vector<ScoringToken> listed = with_people->ListedTokens(0);
  ASSERT_FALSE(listed.empty());
  EXPECT_LT(listed[0].population_weight, 0.2f);
  EXPECT_EQ(with_people->ListedTokens(1)[0].population_weight, 1.0f);
}

}  // namespace
}  // namespace cordon
