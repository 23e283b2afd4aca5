#include "store/blocking_keys.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace cordon {
namespace {

// How many tokens of `a` share at least one key with some token of `b`.
int SharedTokens(const BlockingName& a, const BlockingName& b) {
  std::vector<std::string> keys = AllKeys(b);
  int n = 0;
  for (const auto& t : a.tokens) {
    bool any = false;
    for (const auto& k : t.keys) any = any || std::binary_search(keys.begin(), keys.end(), k);
    n += any;
  }
  return n;
}

TEST(BlockingKeysTest, SpellingsOfOneNameShareKeys) {
  BlockingName listed = MakeBlockingName("PUTIN, Vladimir Vladimirovich", true, false);
  EXPECT_TRUE(listed.readable);
  EXPECT_EQ(listed.tokens.size(), 3u);
  EXPECT_EQ(SharedTokens(MakeBlockingName("Wladimir Poutine", true, false), listed), 2);
  EXPECT_EQ(SharedTokens(MakeBlockingName("Путин Владимир", true, false), listed), 2);
  // Latin and Arabic script meet on the consonant skeleton.
  EXPECT_EQ(
      SharedTokens(MakeBlockingName("محمد حسين", true, false), MakeBlockingName("Muhammad Hussein", true, false)), 2);
  // Korean romanisations meet on the syllable key.
  EXPECT_EQ(SharedTokens(MakeBlockingName("Gim Jeong Eun", true, false), MakeBlockingName("KIM, Jong Un", true, false)),
            3);
  EXPECT_EQ(SharedTokens(MakeBlockingName("Jonna Linden", true, false), listed), 0);
}

TEST(BlockingKeysTest, ListedSideReachesOneTypo) {
  BlockingName customer = MakeBlockingName("Vladinir Puttin", true, false);
  EXPECT_EQ(SharedTokens(MakeBlockingName("PUTIN, Vladimir Vladimirovich", true, false, /*typos=*/true), customer), 2);
  EXPECT_LT(SharedTokens(MakeBlockingName("PUTIN, Vladimir Vladimirovich", true, false), customer), 2);
  // Short words are not expanded (the engine does not either).
  BlockingName kim = MakeBlockingName("KIM, Un Sol", true, false, true);
  EXPECT_EQ(AllKeys(kim), AllKeys(MakeBlockingName("KIM, Un Sol", true, false)));
}

TEST(BlockingKeysTest, GlueWordsAreNotTokens) {
  BlockingName org = MakeBlockingName("Acme Trading LLC", false, true);
  EXPECT_EQ(org.tokens.size(), 1u);  // "trading" is generic, "llc" a legal form
  BlockingName particle = MakeBlockingName("Abdullah bin Ali", true, false);
  EXPECT_EQ(particle.tokens.size(), 2u);
  EXPECT_FALSE(MakeBlockingName("---", false, false).readable);
  std::vector<std::string> keys = AllKeys(org);
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
}

}  // namespace
}  // namespace cordon
