#include "index/token_hash_table.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>

namespace cordon {
namespace {

TEST(TokenHashTable, FindsWhatWasAddedAndNothingElse) {
  // Differential: against std::map over random short tokens.
  std::mt19937 rng(7);
  std::map<std::string, std::vector<uint32_t>> reference;
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  for (uint32_t id = 0; id < 5000; ++id) {
    std::string t;
    for (int k = 0, n = 2 + static_cast<int>(rng() % 5); k < n; ++k) t.push_back(static_cast<char>('a' + rng() % 6));
    auto& ids = reference[t];
    if (ids.empty() || ids.back() != id) ids.push_back(id);
    entries.push_back({HashToken(t, 1), id});
    entries.push_back({HashToken(t, 1), id});  // duplicates are dropped
  }
  TokenHashTable table = TokenHashTable::Build(entries);
  for (const auto& [t, ids] : reference) {
    auto found = table.Find(HashToken(t, 1));
    EXPECT_EQ(std::vector<uint32_t>(found.begin(), found.end()), ids) << t;
    EXPECT_TRUE(table.Find(HashToken(t, 2)).empty()) << t;  // other key space
  }
  EXPECT_TRUE(table.Find(HashToken("zzzzzz", 1)).empty());
  EXPECT_TRUE(TokenHashTable().Find(HashToken("a", 1)).empty());
}

TEST(TokenHashTable, HashWithoutEqualsHashOfDeletion) {
  std::string t = "vladimir";
  for (size_t i = 0; i < t.size(); ++i) {
    std::string del = t.substr(0, i) + t.substr(i + 1);
    EXPECT_EQ(HashTokenWithout(t, i, 3), HashToken(del, 3));
  }
  EXPECT_NE(HashToken("putin", 0), HashToken("putin", 1));
}

}  // namespace
}  // namespace cordon
