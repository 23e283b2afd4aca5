#include "match/edit_distance.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace cordon {

TEST(EditDistance, Basics) {
  EXPECT_EQ(BoundedEditDistance("putin", "putin", 2), 0);
  EXPECT_EQ(BoundedEditDistance("putin", "putn", 2), 1);
  EXPECT_EQ(BoundedEditDistance("vladimir", "vladmiir", 2), 1);  // transposition
  EXPECT_EQ(BoundedEditDistance("kim", "lee", 1), 2);             // capped at max+1
  EXPECT_EQ(BoundedEditDistance("", "abc", 5), 3);
}

// Differential test: the bounded fast version agrees with the reference.
TEST(EditDistance, AgreesWithReference) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> len(0, 10), ch(0, 3);
  for (int iter = 0; iter < 20000; ++iter) {
    std::string a, b;
    for (int i = len(rng); i > 0; --i) a.push_back(static_cast<char>('a' + ch(rng)));
    for (int i = len(rng); i > 0; --i) b.push_back(static_cast<char>('a' + ch(rng)));
    int ref = EditDistanceReference(a, b);
    for (int max_d = 0; max_d <= 3; ++max_d) {
      int got = BoundedEditDistance(a, b, max_d);
      if (ref <= max_d) {
        ASSERT_EQ(got, ref) << a << " / " << b;
      } else {
        ASSERT_EQ(got, max_d + 1) << a << " / " << b;
      }
    }
  }
}

}  // namespace cordon
