#include "population/name_population.h"

#include <gtest/gtest.h>

namespace cordon {
namespace {

TEST(NamePopulation, ParsesSharesAndSumsKinds) {
  Result<NamePopulation> t = NamePopulation::Parse(
      "# comment\n"
      "\n"
      "SMITH\tsurname\t0.01\n"
      "james\tsurname\t0.003\r\n"
      "James\tmale\t0.03\n"
      "Ngozi\tany\t0.0001\n",
      "t.tsv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->size(), 3u);
  EXPECT_DOUBLE_EQ(t->Share("smith"), 0.01);
  // A given name counts half: one sex of the population.
  EXPECT_DOUBLE_EQ(t->Share("james"), 0.003 + 0.015);
  EXPECT_DOUBLE_EQ(t->Share("ngozi"), 0.0001);
  EXPECT_EQ(t->Share("hudson"), 0.0);
  EXPECT_EQ(t->version().rfind("t.tsv@", 0), 0u) << t->version();
}

TEST(NamePopulation, ErrorsNameLineAndField) {
  struct Case {
    const char* text;
    int64_t line;
    const char* field;
  } cases[] = {
      {"a\tsurname\n", 1, ""},
      {"# x\nsmith\tsurname\t0.1\textra\n", 2, ""},
      {"\tsurname\t0.1\n", 1, "name"},
      {"two words\tsurname\t0.1\n", 1, "name"},
      {"smith\tsurnames\t0.1\n", 1, "kind"},
      {"smith\tsurname\t0\n", 1, "share"},
      {"smith\tsurname\t1.5\n", 1, "share"},
      {"smith\tsurname\tnan\n", 1, "share"},
      {"ok\tmale\t0.1\nsmith\tsurname\t0.1x\n", 2, "share"},
  };
  for (const Case& c : cases) {
    Result<NamePopulation> t = NamePopulation::Parse(c.text, "bad.tsv");
    ASSERT_FALSE(t.ok()) << c.text;
    EXPECT_EQ(t.status().code(), StatusCode::kDataError);
    EXPECT_EQ(t.status().location().file, "bad.tsv");
    EXPECT_EQ(t.status().location().line, c.line) << c.text;
    EXPECT_EQ(t.status().location().field, c.field) << c.text;
  }
}

TEST(NamePopulation, LoadReportsMissingFile) {
  Result<NamePopulation> t = NamePopulation::Load("/nonexistent/population.tsv");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), StatusCode::kNotFound);
}

TEST(NamePopulation, BundledTableParses) {
  // Bundled() swallows a parse error; parse it here so a broken table fails
  // the build's tests instead of silently weighting nothing.
  NamePopulation t = NamePopulation::Bundled();
  EXPECT_EQ(t.size(), 5911u);  // 6,494 records; given names shared by both sexes or surnames once
  EXPECT_NEAR(t.Share("smith"), 0.01006, 1e-6);
  EXPECT_GT(t.Share("hudson"), 0.0005);
  EXPECT_GT(t.Share("mary"), 0.01);
  EXPECT_EQ(t.Share("putin"), 0.0);
  EXPECT_EQ(t.version().rfind("us_census_1990@", 0), 0u) << t.version();
}

TEST(NamePopulationCounter, WritesATableParseReadsBack) {
  NamePopulationCounter counter;
  for (int i = 0; i < 6; ++i) counter.AddName({"hudson", "inc"});
  for (int i = 0; i < 3; ++i) counter.AddName({"maria", "MARIA", "lopez"});  // a word once per name
  counter.AddName({"rare", "", "two words", std::string(65, 'x')});
  EXPECT_EQ(counter.names(), 10u);
  NamePopulationCounter::TableOptions options;
  options.min_count = 3;
  options.source = "customers.csv";
  const std::string table = counter.Table(options);
  EXPECT_NE(table.find("from customers.csv: 10 names"), std::string::npos) << table;
  Result<NamePopulation> back = NamePopulation::Parse(table, "counted");
  ASSERT_TRUE(back.ok()) << back.status().ToString() << "\n" << table;
  EXPECT_EQ(back->size(), 4u);  // hudson, inc, maria, lopez; not rare (1 < 3)
  EXPECT_DOUBLE_EQ(back->Share("hudson"), 0.6);
  EXPECT_DOUBLE_EQ(back->Share("maria"), 0.3);
  EXPECT_EQ(back->Share("rare"), 0.0);
  // Most common first.
  EXPECT_LT(table.find("hudson"), table.find("maria"));
  // No names: a header and no records, which parses as an empty table.
  Result<NamePopulation> empty = NamePopulation::Parse(NamePopulationCounter().Table({}), "empty");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->size(), 0u);
}

}  // namespace
}  // namespace cordon
