// Golden screening scenarios: data files in tests/golden/*.tsv, run against
// the bundled lists. One line per case:
//
//   NAME <TAB> OPTIONS <TAB> EXPECT [<TAB> comment]
//
// OPTIONS: "-" or ";"-separated key=value pairs: type=person, dob=1952,
//   country=RU, id=NUMBER, source=ofac_sdn, threshold=0.7.
// EXPECT: ";"-separated assertions, each on the ranked matches:
//   top1=SRC:ID[|SRC:ID...]  the first match is one of these
//   top3=SRC:ID[|...]        one of these is among the first three
//   in=SRC:ID[|...]          one of these is among the matches
//   not=SRC:ID               this entity is not among the matches
//   none                     no match at all (a must-not-match case)
// Lines starting with '#' and blank lines are ignored.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "cordon/engine.h"

namespace cordon {
namespace {

namespace fs = std::filesystem;

struct Case {
  std::string file;
  int line = 0;
  std::string name, options, expect;
};

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) out.push_back(cur);
  return out;
}

std::vector<Case> LoadCases() {
  std::vector<Case> cases;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(CORDON_SOURCE_DIR) / "tests/golden")) {
    if (e.path().extension() == ".tsv") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> cols = Split(line, '\t');
      Case c;
      c.file = f.filename().string();
      c.line = n;
      if (cols.size() < 3) {
        c.expect = "malformed";
      } else {
        c.name = cols[0];
        c.options = cols[1];
        c.expect = cols[2];
      }
      cases.push_back(c);
    }
  }
  return cases;
}

class GoldenTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    LoadOptions o;
    o.lists_dir = std::string(CORDON_SOURCE_DIR) + "/data/lists";
    Result<std::unique_ptr<Engine>> e = Engine::Open(o);
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    engine_ = std::move(e).value().release();
  }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }
  static Engine* engine_;
};
Engine* GoldenTest::engine_ = nullptr;

std::string Describe(const std::vector<Match>& matches) {
  std::string s;
  for (size_t i = 0; i < matches.size() && i < 5; ++i) {
    const Match& m = matches[i];
    char score[16];
    std::snprintf(score, sizeof(score), "%.3f", m.score);
    s += "\n    " + std::to_string(i + 1) + ". " + m.entity->source + ":" + m.entity->source_id + " " + score + " " +
         m.matched_name;
  }
  return s.empty() ? " (no matches)" : s;
}

TEST_F(GoldenTest, AllScenarios) {
  ASSERT_NE(engine_, nullptr);
  std::vector<Case> cases = LoadCases();
  ASSERT_GE(cases.size(), 40u) << "golden files missing";
  for (const Case& c : cases) {
    std::string where = c.file + ":" + std::to_string(c.line) + " \"" + c.name + "\"";
    ASSERT_NE(c.expect, "malformed") << where;
    Query q;
    q.name = c.name;
    ScreenOptions o;
    o.limit = 20;
    if (c.options != "-") {
      for (const std::string& kv : Split(c.options, ';')) {
        size_t eq = kv.find('=');
        ASSERT_NE(eq, std::string::npos) << where << ": bad option " << kv;
        std::string k = kv.substr(0, eq), v = kv.substr(eq + 1);
        if (k == "type") {
          q.kind = v == "person" ? EntityKind::kPerson
                   : v == "organization" ? EntityKind::kOrganization
                   : v == "vessel" ? EntityKind::kVessel
                   : v == "aircraft" ? EntityKind::kAircraft
                                       : EntityKind::kAny;
        } else if (k == "dob") {
          q.birth_date = v;
        } else if (k == "country") {
          q.country = v;
        } else if (k == "id") {
          q.id_numbers.push_back(v);
        } else if (k == "source") {
          o.sources.push_back(v);
        } else if (k == "threshold") {
          o.threshold = std::stod(v);
        } else {
          FAIL() << where << ": unknown option " << k;
        }
      }
    }
    Result<std::vector<Match>> r = engine_->Screen(q, o);
    ASSERT_TRUE(r.ok()) << where << ": " << r.status().ToString();
    const std::vector<Match>& m = r.value();
    auto key = [](const Match& x) { return x.entity->source + ":" + x.entity->source_id; };
    for (const std::string& assertion : Split(c.expect, ';')) {
      if (assertion == "none") {
        EXPECT_TRUE(m.empty()) << where << ": expected no match, got" << Describe(m);
        continue;
      }
      size_t eq = assertion.find('=');
      ASSERT_NE(eq, std::string::npos) << where << ": bad assertion " << assertion;
      std::string kind = assertion.substr(0, eq);
      std::vector<std::string> wanted = Split(assertion.substr(eq + 1), '|');
      auto is_wanted = [&](const Match& x) {
        return std::find(wanted.begin(), wanted.end(), key(x)) != wanted.end();
      };
      size_t depth = kind == "top1" ? 1 : kind == "top3" ? 3 : m.size();
      bool found = false;
      for (size_t i = 0; i < m.size() && i < depth; ++i) found = found || is_wanted(m[i]);
      if (kind == "not") {
        EXPECT_FALSE(found) << where << ": " << assertion << " matched;" << Describe(m);
      } else {
        ASSERT_TRUE(kind == "top1" || kind == "top3" || kind == "in") << where << ": bad assertion " << kind;
        EXPECT_TRUE(found) << where << ": expected " << assertion << ", got" << Describe(m);
      }
    }
  }
}

}  // namespace
}  // namespace cordon
