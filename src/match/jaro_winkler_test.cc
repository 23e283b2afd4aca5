#include "match/jaro_winkler.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace cordon {
namespace {

// Textbook values (Winkler 1990; Wikipedia "Jaro-Winkler distance").
TEST(JaroWinkler, TextbookValues) {
  EXPECT_NEAR(JaroWinkler("MARTHA", "MARHTA"), 0.961, 5e-4);
  EXPECT_NEAR(JaroWinkler("DWAYNE", "DUANE"), 0.840, 5e-4);
  EXPECT_NEAR(JaroWinkler("DIXON", "DICKSONX"), 0.813, 5e-4);
  EXPECT_NEAR(JaroWinkler("MARTHA", "MARHTA", 0.0), 0.944, 5e-4);  // plain Jaro
  EXPECT_NEAR(JaroWinkler("ROBERT", "ROGER"), 0.858, 5e-4);
}

TEST(JaroWinkler, EdgeCases) {
  EXPECT_EQ(JaroWinkler("", ""), 1.0);
  EXPECT_EQ(JaroWinkler("", "A"), 0.0);
  EXPECT_EQ(JaroWinkler("A", ""), 0.0);
  EXPECT_EQ(JaroWinkler("A", "A"), 1.0);
  EXPECT_EQ(JaroWinkler("A", "B"), 0.0);
  EXPECT_EQ(JaroWinkler("ABC", "XYZ"), 0.0);
  EXPECT_EQ(JaroWinkler("PUTIN", "PUTIN"), 1.0);
  EXPECT_LT(JaroWinkler("putin", "PUTIN"), 1.0);  // case-sensitive by contract
  // Window of max(5,5)/2-1 = 1: characters two apart do not match.
  EXPECT_EQ(JaroWinkler("AXXXX", "YYAYY"), 0.0);
  // Prefix bonus without the 0.7 threshold: Jaro 0.6 + 0.1*1*(1-0.6).
  EXPECT_NEAR(JaroWinkler("PUTIN", "PADAN"), 0.64, 1e-12);
  // Long strings take the heap path and still agree with the reference.
  std::string long_a(300, 'A'), long_b(300, 'A');
  long_b[299] = 'B';
  EXPECT_DOUBLE_EQ(JaroWinkler(long_a, long_b), JaroWinklerReference(long_a, long_b));
  EXPECT_GT(JaroWinkler(long_a, long_b), 0.99);
}

TEST(JaroWinkler, InUnitRange) {
  for (double scale : {0.0, 0.1, 0.25}) {
    EXPECT_LE(JaroWinkler("ABCD", "ABCE", scale), 1.0);
    EXPECT_GE(JaroWinkler("ABCD", "ABCE", scale), 0.0);
  }
}

std::string RandomWord(std::mt19937& rng, int max_len, int alphabet) {
  std::uniform_int_distribution<int> len(0, max_len), ch(0, alphabet - 1);
  std::string s;
  for (int i = len(rng); i > 0; --i) s.push_back(static_cast<char>('A' + ch(rng)));
  return s;
}

// Differential test: the fast version agrees with the naive reference.
TEST(JaroWinkler, AgreesWithReference) {
  std::mt19937 rng(20240611);
  for (int iter = 0; iter < 50000; ++iter) {
    const int max_len = iter % 10 == 0 ? 300 : 12;  // some cross the 256-byte stack limit
    const int alphabet = iter % 3 == 0 ? 2 : 5;
    const std::string a = RandomWord(rng, max_len, alphabet);
    const std::string b = RandomWord(rng, max_len, alphabet);
    const double got = JaroWinkler(a, b);
    const double ref = JaroWinklerReference(a, b);
    ASSERT_NEAR(got, ref, 1e-12) << a << " / " << b;
    ASSERT_GE(got, 0.0);
    ASSERT_LE(got, 1.0);
  }
}

TEST(Soundex, TextbookValues) {
  EXPECT_EQ(Soundex("Robert"), "R163");
  EXPECT_EQ(Soundex("Rupert"), "R163");
  EXPECT_EQ(Soundex("Rubin"), "R150");
  EXPECT_EQ(Soundex("Ashcraft"), "A261");  // H does not separate S and C
  EXPECT_EQ(Soundex("Ashcroft"), "A261");
  EXPECT_EQ(Soundex("Tymczak"), "T522");  // vowel separates C/Z from K
  EXPECT_EQ(Soundex("Pfister"), "P236");  // F coded like the first letter P
  EXPECT_EQ(Soundex("Honeyman"), "H555");
}

TEST(Soundex, EdgeCases) {
  EXPECT_EQ(Soundex(""), "");
  EXPECT_EQ(Soundex("123"), "");
  EXPECT_EQ(Soundex("-'"), "");
  EXPECT_EQ(Soundex("A"), "A000");
  EXPECT_EQ(Soundex("lee"), "L000");
  EXPECT_EQ(Soundex("ROBERT"), Soundex("robert"));
  EXPECT_EQ(Soundex("O'Brien"), "O165");  // punctuation skipped
  EXPECT_EQ(Soundex("Putin"), Soundex("Padan"));
  EXPECT_NE(Soundex("Wladimir"), Soundex("Vladimir"));  // first letter kept literally
  EXPECT_EQ(Soundex("Wladimir"), "W435");
}

}  // namespace
}  // namespace cordon
