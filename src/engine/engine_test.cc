// Engine behaviour on small, self-made list folders (the bundled lists are
// exercised by tests/golden).
#include "cordon/engine.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace cordon {
namespace {

namespace fs = std::filesystem;

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cordon_engine_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "internal");
    Write("internal/blocklist.csv",
          "id,name,type,aliases,birth_date,country,id_numbers\n"
          "P1,Ivan Petrovich SIDOROV,person,Иван Сидоров;Iwan Sidorow,1961-04-12,RU,passport:7201234567\n"
          "P2,Kim Chol Min,person,,1975,KP,\n"
          "V1,OCEAN STAR,vessel,,,PA,imo:9123456\n"
          "O1,Romashka Trading LLC,organization,ООО Ромашка,,RU,registration:1027700132195\n");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& rel, const std::string& text) {
    fs::create_directories((dir_ / rel).parent_path());
    std::ofstream(dir_ / rel, std::ios::binary) << text;
  }

  std::unique_ptr<Engine> Open(bool strict = false) {
    LoadOptions o;
    o.lists_dir = dir_.string();
    o.strict = strict;
    Result<std::unique_ptr<Engine>> e = Engine::Open(o);
    EXPECT_TRUE(e.ok()) << e.status().ToString();
    return e.ok() ? std::move(e).value() : nullptr;
  }

  std::vector<std::string> Ids(const Engine& e, Query q, ScreenOptions o = {}) {
    Result<std::vector<Match>> r = e.Screen(q, o);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    std::vector<std::string> ids;
    if (r.ok()) {
      for (const auto& m : r.value()) ids.push_back(m.entity->source_id);
    }
    return ids;
  }

  fs::path dir_;
};

TEST_F(EngineTest, ScreensAcrossScriptsWithExplanation) {
  auto e = Open();
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Ids(*e, {"Ivan Sidorov"}), std::vector<std::string>{"P1"});
  EXPECT_EQ(Ids(*e, {"СИДОРОВ Иван Петрович"}), std::vector<std::string>{"P1"});
  EXPECT_EQ(Ids(*e, {"Romashka Trading"}), std::vector<std::string>{"O1"});
  Result<std::vector<Match>> r = e->Screen({"Sidorov, Ivan"}, {});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.value().size(), 1u);
  const Match& m = r.value()[0];
  EXPECT_EQ(m.entity->source, "internal");
  EXPECT_GE(m.score, 0.8);
  EXPECT_FALSE(m.explanation.aligned.empty());
  EXPECT_NE(m.explanation.summary.find("sidorov"), std::string::npos);
  EXPECT_FALSE(m.explanation.list_version.empty());
  EXPECT_FALSE(m.explanation.list_as_of.empty());
}

TEST_F(EngineTest, AttributesChangeTheOutcome) {
  auto e = Open();
  ASSERT_NE(e, nullptr);
  Query q{"Kim Chol Min"};
  EXPECT_EQ(Ids(*e, q), std::vector<std::string>{"P2"});
  q.birth_date = "1990-05-05";  // 15 years off
  EXPECT_TRUE(Ids(*e, q).empty());
  q.birth_date = "1975";
  Result<std::vector<Match>> r = e->Screen(q, {});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.value().size(), 1u);
  ASSERT_EQ(r.value()[0].explanation.attributes.size(), 1u);
  EXPECT_EQ(r.value()[0].explanation.attributes[0].verdict, Verdict::kMatch);
}

TEST_F(EngineTest, StrengthAndTunableWeights) {
  auto e = Open();
  ASSERT_NE(e, nullptr);
  Result<std::vector<Match>> r = e->Screen({"Kim Chol Min"}, {});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.value().size(), 1u);
  EXPECT_EQ(r.value()[0].strength, MatchStrength::kExact);
  r = e->Screen({"Kim Chol Mim"}, {.threshold = 0.5});  // a typo in a short part
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r.value().empty());
  EXPECT_NE(r.value()[0].strength, MatchStrength::kExact);
  // A birth year far off clears the hit by default; a user who trusts birth
  // dates less can soften the penalty.
  Query q{"Kim Chol Min"};
  q.birth_date = "1990";
  EXPECT_TRUE(Ids(*e, q).empty());
  ScreenOptions soft;
  soft.weights.birth_date_far = -0.05;
  EXPECT_EQ(Ids(*e, q, soft), std::vector<std::string>{"P2"});
  ScreenOptions bad;
  bad.weights.country_match = 5;
  EXPECT_EQ(e->Screen(q, bad).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(EngineTest, OfacSlsAlgorithm) {
  auto e = Open();
  ASSERT_NE(e, nullptr);
  ScreenOptions o;
  o.algorithm = Algorithm::kOfacSls;
  Result<std::vector<Match>> r = e->Screen({"Sidorov Ivan"}, o);
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r.value().empty());
  EXPECT_EQ(r.value()[0].entity->source_id, "P1");
  EXPECT_NE(r.value()[0].explanation.summary.find("Sanctions List Search"), std::string::npos);
  // SLS does not transliterate German spellings the way cordon does.
  Result<std::vector<Match>> cordon = e->Screen({"Iwan Sidorow"}, {});
  ASSERT_TRUE(cordon.ok());
  EXPECT_FALSE(cordon.value().empty());
  o.sources = {"internal"};
  o.threshold = 0.99;
  r = e->Screen({"Ivan Sidorovv"}, o);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.value().empty());
}

// Regression: a query with no Latin letters (compared through cordon's
// romanisation) read the tokens of a destroyed temporary and crashed.
TEST_F(EngineTest, OfacSlsAlgorithmWithNonLatinQuery) {
  auto e = Open();
  ASSERT_NE(e, nullptr);
  ScreenOptions o;
  o.algorithm = Algorithm::kOfacSls;
  o.threshold = 0.7;
  Result<std::vector<Match>> r = e->Screen({"Сидоров Иван Петрович"}, o);
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r.value().empty());
  EXPECT_EQ(r.value()[0].entity->source_id, "P1");
}

TEST_F(EngineTest, LegalFormFamiliesAreCompared) {
  auto e = Open();
  ASSERT_NE(e, nullptr);
  auto legal = [&](const char* name) -> std::pair<Verdict, double> {
    Result<std::vector<Match>> r = e->Screen({name}, {.threshold = 0.5});
    EXPECT_TRUE(r.ok());
    if (!r.ok() || r.value().empty()) return {Verdict::kUnknown, -1};
    for (const auto& c : r.value()[0].explanation.attributes) {
      if (c.attribute == "legal_form") return {c.verdict, r.value()[0].score};
    }
    return {Verdict::kUnknown, r.value()[0].score};
  };
  auto same = legal("Romashka Trading Ltd");  // LLC and Ltd: both limited companies
  auto other = legal("Romashka Trading JSC");
  auto none = legal("Romashka Trading");
  EXPECT_EQ(same.first, Verdict::kMatch);
  EXPECT_EQ(other.first, Verdict::kMismatch);
  EXPECT_EQ(none.first, Verdict::kUnknown);  // a form on one side only is neutral
  EXPECT_LT(other.second, same.second);
}

TEST_F(EngineTest, IdentifierFindsVesselByImo) {
  auto e = Open();
  ASSERT_NE(e, nullptr);
  Query q{"Some Other Name"};
  q.id_numbers = {"IMO 9123456"};
  EXPECT_EQ(Ids(*e, q), std::vector<std::string>{"V1"});
}

TEST_F(EngineTest, KindAndSourceFilters) {
  auto e = Open();
  ASSERT_NE(e, nullptr);
  Query q{"Ocean Star"};
  EXPECT_EQ(Ids(*e, q), std::vector<std::string>{"V1"});
  q.kind = EntityKind::kPerson;
  EXPECT_TRUE(Ids(*e, q).empty());
  ScreenOptions o;
  o.sources = {"nope"};
  EXPECT_EQ(e->Screen({"Ocean Star"}, o).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(EngineTest, RejectsBadQueries) {
  auto e = Open();
  ASSERT_NE(e, nullptr);
  auto code = [&](Query q, ScreenOptions o = {}) { return e->Screen(q, o).status().code(); };
  EXPECT_EQ(code({""}), StatusCode::kInvalidArgument);
  EXPECT_EQ(code({"   "}), StatusCode::kInvalidArgument);
  EXPECT_EQ(code({"--,,"}), StatusCode::kInvalidArgument);
  EXPECT_EQ(code({"bad\xFFutf8"}), StatusCode::kInvalidArgument);
  EXPECT_EQ(code({std::string(5000, 'a')}), StatusCode::kInvalidArgument);
  EXPECT_EQ(code({"Ivan", EntityKind::kAny, "yesterday"}), StatusCode::kInvalidArgument);
  EXPECT_EQ(code({"Ivan", EntityKind::kAny, "", "Atlantis"}), StatusCode::kInvalidArgument);
  ScreenOptions o;
  o.threshold = 1.5;
  EXPECT_EQ(code({"Ivan"}, o), StatusCode::kInvalidArgument);
  o = {};
  o.limit = 0;
  EXPECT_EQ(code({"Ivan"}, o), StatusCode::kInvalidArgument);
  Result<std::vector<Match>> r = e->Screen({"bad\xFFutf8"}, {});
  EXPECT_EQ(r.status().location().field, "name");
}

TEST_F(EngineTest, BrokenSourceIsReportedAndOthersLoad) {
  Write("broken/list.csv", "no_id_column,foo\n1,2\n");
  auto e = Open();
  ASSERT_NE(e, nullptr);
  bool saw_broken = false;
  for (const SourceInfo& s : e->Sources()) {
    if (s.id == "broken") {
      saw_broken = true;
      EXPECT_FALSE(s.status.ok());
    }
  }
  EXPECT_TRUE(saw_broken);
  EXPECT_EQ(Ids(*e, {"Ivan Sidorov"}), std::vector<std::string>{"P1"});
  LoadOptions o;
  o.lists_dir = dir_.string();
  o.strict = true;
  EXPECT_FALSE(Engine::Open(o).ok());
}

TEST_F(EngineTest, MissingFolderAndUnknownSource) {
  LoadOptions o;
  o.lists_dir = (dir_ / "does-not-exist").string();
  EXPECT_EQ(Engine::Open(o).status().code(), StatusCode::kNotFound);
  o.lists_dir = dir_.string();
  o.sources = {"ofac_sdn"};
  EXPECT_EQ(Engine::Open(o).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(EngineTest, FromEntitiesIndexesCallerEntities) {
  Entity customer;
  customer.source = "customers";
  customer.source_id = "C-17";
  customer.schema = Schema::kPerson;
  Name n;
  n.full = "Ivan Sidorov";
  customer.names.push_back(n);
  SourceInfo info;
  info.id = "customers";
  info.version = "v1";
  Result<std::unique_ptr<Engine>> e = Engine::FromEntities({customer}, {info});
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  ASSERT_EQ(e.value()->Sources().size(), 1u);
  EXPECT_EQ(e.value()->Sources()[0].entities, 1u);
  Query q;
  q.name = "Иван Сидоров";
  EXPECT_EQ(Ids(*e.value(), q), std::vector<std::string>{"C-17"});

  customer.source = "elsewhere";
  EXPECT_EQ(Engine::FromEntities({customer}, {info}).status().code(), StatusCode::kInvalidArgument);
  customer.source = "customers";
  customer.names.clear();
  EXPECT_EQ(Engine::FromEntities({customer}, {info}).status().code(), StatusCode::kInvalidArgument);
}

// Repeated queries that found nothing are answered from a per-thread cache;
// the answer must still belong to the engine asked (a reload builds a new
// one), and an identifier, a birth date or a country must still count.
TEST_F(EngineTest, RepeatedQueriesAnswerForTheEngineAsked) {
  auto engine_with = [](const std::string& name) {
    Entity e;
    e.source = "list";
    e.source_id = "L-1";
    e.schema = Schema::kPerson;
    Name n;
    n.full = name;
    e.names.push_back(n);
    IdentityDocument doc;
    doc.number = "AB1234567";
    e.documents.push_back(doc);
    SourceInfo info;
    info.id = "list";
    info.version = "v1";
    return Engine::FromEntities({e}, {info});
  };
  Result<std::unique_ptr<Engine>> before = engine_with("Ivan Sidorov");
  Result<std::unique_ptr<Engine>> after = engine_with("Pyotr Ivanenko");
  ASSERT_TRUE(before.ok() && after.ok());
  Query q;
  q.name = "Pyotr Ivanenko";
  for (int pass = 0; pass < 2; ++pass) {
    EXPECT_TRUE(Ids(*before.value(), q).empty()) << "pass " << pass;
  }
  EXPECT_EQ(Ids(*after.value(), q), std::vector<std::string>{"L-1"});
  // The same name with the listed party's document number: found.
  q.id_numbers = {"AB 1234567"};
  EXPECT_EQ(Ids(*before.value(), q), std::vector<std::string>{"L-1"});
}

// The cache holds 50,000 names and then lets the oldest go, one at a time:
// past that, names it let go and names it kept answer as before.
TEST_F(EngineTest, NoHitCacheEvictsOldestAndStillAnswers) {
  Entity e;
  e.source = "list";
  e.source_id = "L-1";
  e.schema = Schema::kPerson;
  e.names.push_back(Name{"Ivan Sidorov"});
  SourceInfo info;
  info.id = "list";
  info.version = "v1";
  Result<std::unique_ptr<Engine>> engine = Engine::FromEntities({e}, {info});
  ASSERT_TRUE(engine.ok());
  Query q;
  for (int i = 0; i < 50100; ++i) {
    q.name = "Customer " + std::to_string(i);
    ASSERT_TRUE(Ids(*engine.value(), q).empty()) << q.name;
  }
  for (int i : {0, 99, 100, 50099}) {
    q.name = "Customer " + std::to_string(i);
    EXPECT_TRUE(Ids(*engine.value(), q).empty()) << q.name;
  }
  q.name = "Ivan Sidorov";
  EXPECT_EQ(Ids(*engine.value(), q), std::vector<std::string>{"L-1"});
}

}  // namespace
}  // namespace cordon
