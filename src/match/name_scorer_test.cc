#include "match/name_scorer.h"

#include <gtest/gtest.h>

#include <deque>
#include <memory>

namespace cordon {
namespace {

// Builds scoring tokens from "text:weight:role" specs.
class Name {
 public:
  Name(std::initializer_list<std::tuple<const char*, float, TokenRole>> parts) {
    for (auto [text, w, role] : parts) Add(text, w, role);
  }
  void Add(const char* text, float weight, TokenRole role) {
    keys_.push_back(MakeTokenKeys(text, false));
    ScoringToken t;
    t.keys = &keys_.back();
    t.weight = weight;
    t.role = role;
    tokens_.push_back(t);
  }
  void SetPopulationWeight(size_t i, float w) { tokens_[i].population_weight = w; }
  void SetHyphenated(size_t i) { tokens_[i].hyphenated = true; }
  const ScoringToken* data() const { return tokens_.data(); }
  size_t size() const { return tokens_.size(); }

 private:
  std::deque<TokenKeys> keys_;
  std::vector<ScoringToken> tokens_;
};

double S(const Name& q, const Name& n, NameScoreDetail* d = nullptr) {
  return ScoreName(q.data(), q.size(), n.data(), n.size(), d);
}

constexpr TokenRole P = TokenRole::kPlain;
const Name kPutin{{"putin", 1.0f, TokenRole::kFamily},
                  {"vladimir", 0.5f, TokenRole::kGiven},
                  {"vladimirovich", 0.6f * 0.7f, TokenRole::kPatronymic}};

TEST(NameScorer, OrderIndependentAndMissingPatronymic) {
  double s = S(Name{{"vladimir", 0.5f, P}, {"putin", 1.0f, P}}, kPutin);
  EXPECT_GT(s, 0.9);
  EXPECT_LT(s, 1.0);
  EXPECT_DOUBLE_EQ(S(Name{{"putin", 1.0f, P}, {"vladimir", 0.5f, P}, {"vladimirovich", 0.42f, P}}, kPutin), 1.0);
}

TEST(NameScorer, SurnameAloneNeverAlerts) {
  NameScoreDetail d;
  double s = S(Name{{"putin", 1.0f, P}}, kPutin, &d);
  EXPECT_LE(s, 0.7);
  EXPECT_TRUE(d.single_token_cap);
}

// A middle name the list leaves out costs little, on either side.
TEST(NameScorer, MiddleNameLeftOutByTheList) {
  const Name listed{{"vladimir", 0.6f, P}, {"plahotniuc", 1.0f, P}};
  const Name query{{"vladimir", 0.6f, P}, {"gheorghe", 0.9f, P}, {"plahotniuc", 1.0f, P}};
  EXPECT_GT(S(query, listed), 0.8);  // was 0.56: a full query word's weight
  EXPECT_GT(S(listed, query), 0.8);
  // A common middle word too (Malek Muhammad ALI ~ Malek ALI).
  EXPECT_GT(S(Name{{"malek", 0.7f, P}, {"muhammad", 0.3f, P}, {"ali", 0.4f, P}},
              Name{{"malek", 0.7f, P}, {"ali", 0.4f, P}}),
            0.9);
  // A middle initial too (Alexander H KUZIN ~ KUZIN, Alexander).
  EXPECT_NEAR(S(Name{{"alexander", 0.5f, P}, {"h", 0.8f, P}, {"kuzin", 1.0f, P}},
                Name{{"alexander", 0.5f, P}, {"kuzin", 1.0f, P}}),
              1.5 / (1.5 + 0.8 * 0.25), 1e-6);
  // Not a word after the last matched one (no middle name), nor a syllable
  // of a Korean or Chinese name (장현진: jang hyeon jin is not Jang Jin).
  EXPECT_LT(S(Name{{"vladimir", 0.6f, P}, {"plahotniuc", 1.0f, P}, {"gheorghe", 0.9f, P}}, listed), 0.8);
  EXPECT_LT(S(Name{{"jang", 0.5f, P}, {"hyeon", 0.8f, P}, {"jin", 0.6f, P}},
              Name{{"jang", 0.5f, P}, {"jin", 0.6f, P}}),
            0.8);
  // The index's bound takes the lower share for the middle word only.
  EXPECT_DOUBLE_EQ(MinUnmatchedQueryShare(query.data(), query.size(), 1), 0.25);
  EXPECT_DOUBLE_EQ(MinUnmatchedQueryShare(query.data(), query.size(), 0), 1.0);
  EXPECT_DOUBLE_EQ(MinUnmatchedQueryShare(query.data(), query.size(), 2), 1.0);
}

// An Arabic-script middle word the list leaves out, of three consonants or
// more (بطرس جرجس الحلاق ~ Boutros AL HALLAQ), costs a quarter of its weight.
TEST(NameScorer, ArabicScriptMiddleName) {
  std::deque<TokenKeys> keys{MakeTokenKeys("btrs", true), MakeTokenKeys("jrjs", true),
                             MakeTokenKeys("hlak", true), MakeTokenKeys("btrs", true),
                             MakeTokenKeys("hlak", true)};
  std::vector<ScoringToken> q(3), n(2);
  for (size_t i = 0; i < 3; ++i) q[i] = {&keys[i], {}, TokenRole::kPlain, 0.8f};
  for (size_t j = 0; j < 2; ++j) n[j] = {&keys[3 + j], {}, TokenRole::kPlain, 0.8f};
  EXPECT_DOUBLE_EQ(MinUnmatchedQueryShare(q.data(), 3, 1), 0.25);
  EXPECT_NEAR(ScoreName(q.data(), 3, n.data(), 2, nullptr), 1.6 / (1.6 + 0.8 * 0.25), 1e-6);
}

// A patronymic the list leaves out costs a quarter of its weight, on
// either side (Michail Vjatjaslavavitj HRYB ~ HRYB, Mikhail).
TEST(NameScorer, PatronymicLeftOutByTheList) {
  const Name listed{{"mikhail", 0.5f, P}, {"hryb", 1.0f, P}};
  const Name query{
      {"mikhail", 0.5f, P}, {"vyacheslavovich", 0.6f, TokenRole::kPatronymic}, {"hryb", 1.0f, P}};
  EXPECT_NEAR(S(query, listed), 1.5 / (1.5 + 0.6 * 0.25), 1e-6);
  EXPECT_DOUBLE_EQ(MinUnmatchedQueryShare(query.data(), query.size(), 1), 0.25);
}

// A listed second surname after the query's surname costs a quarter of
// its weight (RODRIGUEZ, Delcy ~ Delcy RODRIGUEZ GOMEZ); not after a part
// the query does not mark as its surname.
TEST(NameScorer, SecondSurnameLeftOut) {
  constexpr TokenRole F = TokenRole::kFamily, G = TokenRole::kGiven;
  const Name listed{{"delcy", 0.8f, P}, {"rodriguez", 0.6f, P}, {"gomez", 0.7f, P}};
  EXPECT_NEAR(S(Name{{"rodriguez", 0.6f, F}, {"delcy", 0.8f, G}}, listed), 1.4 / (1.4 + 0.7 * 0.25), 1e-6);
  EXPECT_NEAR(S(Name{{"delcy", 0.8f, P}, {"rodriguez", 0.6f, P}}, listed), 1.4 / (1.4 + 0.7 * 0.6), 1e-6);
}

// Several listed given names left out are one omission: the heaviest costs
// a fifth of its weight, the others nothing (QADHAFI, Aisha ~ Aisha
// Muammar Muhammed Abu Minyar QADHAFI). A first surname left out is no
// middle name (Maria GARCIA ~ Maria Elena GAXIOLA GARCIA), nor is a part of
// a hyphenated word: each costs its own quarter.
TEST(NameScorer, MiddleNameBlockLeftOut) {
  constexpr TokenRole F = TokenRole::kFamily, G = TokenRole::kGiven;
  const Name query{{"qadhafi", 1.0f, F}, {"aisha", 0.6f, G}};
  const Name listed{{"aisha", 0.6f, G},
                    {"muammar", 0.8f, G},
                    {"muhammed", 0.2f, G},
                    {"minyar", 1.0f, G},
                    {"qadhafi", 1.0f, F}};
  EXPECT_NEAR(S(query, listed), 1.6 / (1.6 + 0.2 * 1.0), 1e-6);
  EXPECT_NEAR(MaxMiddleBlockDiscount(listed.data(), listed.size()), 0.2 * (0.8 + 0.2), 1e-6);

  const Name garcia{{"maria", 0.5f, G}, {"elena", 0.5f, G}, {"gaxiola", 1.0f, F}, {"garcia", 0.5f, F}};
  EXPECT_NEAR(S(Name{{"maria", 0.5f, G}, {"garcia", 0.5f, F}}, garcia), 1.0 / (1.0 + 0.2 * 0.5 + 0.25 * 1.0),
              1e-6);

  Name hyphenated{{"john", 0.5f, G}, {"paul", 0.6f, G}, {"pridmore", 1.0f, G}, {"smith", 0.4f, F}};
  hyphenated.SetHyphenated(3);
  EXPECT_NEAR(S(Name{{"john", 0.5f, G}, {"smith", 0.4f, F}}, hyphenated),
              0.9 / (0.9 + 0.2 * 0.6 + 0.25 * 1.0), 1e-6);
}

// A query word written twice that matched once costs nothing (Kalev
// Katanga KATANGA ~ MUTONDO KATANGA, Kalev), nor counts as a second word
// (a one-word name written twice is still one word); syllables of Korean
// and Chinese names are parts of their own (Seong Seong-hun).
TEST(NameScorer, RepeatedQueryWord) {
  constexpr TokenRole F = TokenRole::kFamily, G = TokenRole::kGiven;
  const Name listed{{"mutondo", 1.0f, F}, {"katanga", 0.9f, F}, {"kalev", 1.0f, G}};
  EXPECT_NEAR(S(Name{{"kalev", 1.0f, P}, {"katanga", 0.9f, P}, {"katanga", 0.9f, P}}, listed),
              S(Name{{"kalev", 1.0f, P}, {"katanga", 0.9f, P}}, listed), 1e-9);
  NameScoreDetail d;
  EXPECT_LE(S(Name{{"utair", 1.0f, P}, {"utair", 1.0f, P}}, Name{{"utair", 1.0f, P}, {"group", 0.2f, P}}, &d),
            0.7);
  EXPECT_TRUE(d.single_token_cap);
  const Name seong{{"seong", 0.5f, P}, {"seong", 0.5f, P}, {"hun", 0.6f, P}};
  EXPECT_LT(S(seong, Name{{"seong", 0.5f, P}, {"hun", 0.6f, P}}), 0.8);
}

// A listed first given name the query leaves out costs a quarter of its
// weight when the query gives the other two words of a three-word name,
// words rare among people (Anouar AL-KATTAN ~ Wasim Anouar al-KATTAN); in a
// longer name the rest is the father's name, and common words (Ali HASSAN)
// are too often a father's or a namesake's.
TEST(NameScorer, FirstGivenNameLeftOut) {
  const Name listed{{"wasim", 0.9f, P}, {"anouar", 0.9f, P}, {"kattan", 1.0f, P}};
  const Name query{{"anouar", 0.9f, P}, {"kattan", 1.0f, P}};
  EXPECT_NEAR(S(query, listed), 1.9 / (1.9 + 0.25 * 0.9), 1e-6);
  const Name longer{{"nabil", 0.9f, P}, {"anouar", 0.9f, P}, {"halil", 0.8f, P}, {"kattan", 1.0f, P}};
  EXPECT_NEAR(S(Name{{"anouar", 0.9f, P}, {"halil", 0.8f, P}, {"kattan", 1.0f, P}}, longer),
              2.7 / (2.7 + 0.6 * 0.9), 1e-6);
  Name common{{"anouar", 0.9f, P}, {"kattan", 1.0f, P}};
  common.SetPopulationWeight(0, 0.2f);
  EXPECT_NEAR(S(common, listed), 1.9 / (1.9 + 0.6 * 0.9), 1e-6);
}

// A word pairs with its other spelling before a typo-close rarer word
// (Muhammad is Mohammed in Mohammed Muammar QADHAFI, not Muammar).
TEST(NameScorer, SpellingBeforeTypo) {
  NameScoreDetail d;
  S(Name{{"qaddafi", 1.0f, P}, {"muhammad", 0.3f, P}},
    Name{{"mohammed", 0.3f, P}, {"muammar", 0.9f, P}, {"qadhafi", 1.0f, P}}, &d);
  bool muhammad_is_mohammed = false;
  for (const TokenPair& p : d.pairs)
    muhammad_is_mohammed = muhammad_is_mohammed || (p.query == 1 && p.listed == 0);
  EXPECT_TRUE(muhammad_is_mohammed);
}

TEST(NameScorer, InitialCountsLess) {
  double initial = S(Name{{"v", 0.5f, P}, {"putin", 1.0f, P}}, kPutin);
  double full = S(Name{{"vladimir", 0.5f, P}, {"putin", 1.0f, P}}, kPutin);
  EXPECT_GT(initial, 0.75);
  EXPECT_LT(initial, full);
}

TEST(NameScorer, CompoundGivenNames) {
  Name listed{{"kim", 0.2f, P}, {"jong", 0.6f, P}, {"un", 0.7f, P}};
  NameScoreDetail d;
  EXPECT_DOUBLE_EQ(S(Name{{"kim", 0.2f, P}, {"jongun", 1.0f, P}}, listed, &d), 1.0);
  ASSERT_EQ(d.pairs.size(), 2u);
}

TEST(NameScorer, DifferentGivenNameIsNoMatch) {
  Name listed{{"kim", 0.2f, P}, {"jong", 0.6f, P}, {"un", 0.7f, P}};
  EXPECT_LT(S(Name{{"kim", 0.2f, P}, {"jong", 0.6f, P}, {"il", 0.7f, P}}, listed), 0.6);
  EXPECT_LT(S(Name{{"george", 0.5f, P}, {"bush", 0.9f, P}}, Name{{"george", 0.5f, P}, {"habbash", 0.9f, P}}), 0.5);
}

TEST(NameScorer, DetailListsUnmatched) {
  NameScoreDetail d;
  S(Name{{"vladimir", 0.5f, P}, {"putin", 1.0f, P}, {"extra", 1.0f, P}}, kPutin, &d);
  EXPECT_EQ(d.unmatched_query, std::vector<int>{2});
  EXPECT_EQ(d.unmatched_listed, std::vector<int>{2});
}

}  // namespace
}  // namespace cordon

namespace cordon {
namespace {

TEST(NameScorer, CommonWordAloneDoesNotAlert) {
  Name common{{"mohamed", 0.15f, TokenRole::kPlain}};
  EXPECT_LT(S(common, common), 0.7);
  Name rare{{"artavil", 1.0f, TokenRole::kPlain}};
  EXPECT_DOUBLE_EQ(S(rare, rare), 1.0);
}

// A word rare in the lists but common among people (HUDSON): alone against
// a listed name with more words it does not alert; as the whole listed name
// it does (a collision).
TEST(NameScorer, WordCommonAmongPeopleAloneDoesNotAlert) {
  auto org = [](std::initializer_list<const char*> generic_words, float population_weight) {
    auto name = std::make_unique<Name>(std::initializer_list<std::tuple<const char*, float, TokenRole>>{
        {"hudson", 1.0f, TokenRole::kPlain}});
    for (const char* g : generic_words) name->Add(g, 0.3f * 0.4f, TokenRole::kGeneric);
    name->SetPopulationWeight(0, population_weight);
    return name;
  };
  auto query = org({}, 0.16f);
  auto listed = org({"engineering"}, 0.16f);
  NameScoreDetail d;
  EXPECT_LT(S(*query, *listed, &d), 0.8);
  EXPECT_TRUE(d.single_token_cap);
  EXPECT_TRUE(d.population_cap);
  // Not lowered when the population table does not know the word.
  auto rare_query = org({}, 1.0f);
  auto rare_listed = org({"engineering"}, 1.0f);
  NameScoreDetail rd;
  EXPECT_GE(S(*rare_query, *rare_listed, &rd), 0.8);
  EXPECT_FALSE(rd.population_cap);
  // The whole listed name, generic word included: alerts.
  auto full_query = org({"engineering"}, 0.16f);
  EXPECT_GE(S(*full_query, *listed), 0.8);
  // And the one word that is the whole listed name.
  EXPECT_DOUBLE_EQ(S(*query, *query), 1.0);
}

}  // namespace
}  // namespace cordon

namespace cordon {
namespace {

TEST(NameScorer, OneWordTypoIsNotEnough) {
  NameScoreDetail d;
  EXPECT_LE(S(Name{{"haley", 1.0f, TokenRole::kPlain}}, Name{{"hanley", 1.0f, TokenRole::kPlain}}, &d), 0.75);
  EXPECT_TRUE(d.single_token_cap);
}

}  // namespace
}  // namespace cordon

namespace cordon {
namespace {

TEST(NameScorer, HyphenatedSurnameAloneIsOneWord) {
  std::deque<TokenKeys> keys;
  auto tok = [&](const char* text, float w, TokenRole role, bool hyphenated) {
    keys.push_back(MakeTokenKeys(text, false));
    ScoringToken t;
    t.keys = &keys.back();
    t.weight = w;
    t.role = role;
    t.hyphenated = hyphenated;
    return t;
  };
  std::vector<ScoringToken> q = {tok("pir", 1.0f, TokenRole::kPlain, false), tok("abassi", 1.0f, TokenRole::kPlain, true)};
  std::vector<ScoringToken> n = {tok("abbas", 0.6f, TokenRole::kGiven, false), tok("pir", 1.0f, TokenRole::kFamily, false),
                                 tok("abassi", 1.0f, TokenRole::kFamily, true)};
  EXPECT_LE(ScoreName(q.data(), q.size(), n.data(), n.size(), nullptr), 0.7);
  q[1].hyphenated = false;  // two separate words: a surname and a name
  EXPECT_GT(ScoreName(q.data(), q.size(), n.data(), n.size(), nullptr), 0.7);
}

}  // namespace
}  // namespace cordon
