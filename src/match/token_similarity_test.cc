#include "match/token_similarity.h"

#include <gtest/gtest.h>

namespace cordon {
namespace {

TokenMatch C(std::string_view a, std::string_view b, bool ac = false, bool bc = false) {
  return CompareTokens(MakeTokenKeys(a, ac), MakeTokenKeys(b, bc));
}

TEST(TokenSimilarity, Kinds) {
  EXPECT_EQ(C("putin", "putin").kind, TokenMatchKind::kExact);
  EXPECT_EQ(C("wladimir", "vladimir").kind, TokenMatchKind::kRomanization);
  EXPECT_EQ(C("poutine", "putin").kind, TokenMatchKind::kRomanization);
  EXPECT_EQ(C("vladimr", "vladimir").kind, TokenMatchKind::kFuzzy);
  EXPECT_EQ(C("v", "vladimir").kind, TokenMatchKind::kInitial);
  EXPECT_EQ(C("mhmd", "muhammad", true, false).kind, TokenMatchKind::kRomanization);
  EXPECT_EQ(C("mohamed", "muhammad").kind, TokenMatchKind::kRomanization);
  EXPECT_EQ(C("chong", "jong").kind, TokenMatchKind::kRomanization);
  EXPECT_EQ(C("tarek", "tariq").kind, TokenMatchKind::kRomanization);
}

TEST(TokenSimilarity, Rejects) {
  EXPECT_EQ(C("bush", "habbash").kind, TokenMatchKind::kNone);
  EXPECT_EQ(C("kim", "kin").kind, TokenMatchKind::kNone);  // too short for a typo
  EXPECT_EQ(C("jong", "tong").kind, TokenMatchKind::kNone);
  EXPECT_EQ(C("putin", "python").kind, TokenMatchKind::kNone);
  EXPECT_EQ(C("putin", "petion").kind, TokenMatchKind::kNone);
  EXPECT_EQ(C("mahmoud", "mohammad").kind, TokenMatchKind::kNone);  // same consonants, other name
  EXPECT_LT(C("mr", "amur", true, false).score, 0.8);
  EXPECT_NE(C("hm", "hm", true, false).kind, TokenMatchKind::kExact);  // skeleton vs Latin word                 // two consonants: weak
  EXPECT_EQ(C("v", "putin").kind, TokenMatchKind::kNone);
  EXPECT_EQ(C("yi", "y").kind, TokenMatchKind::kInitial);  // an initial, not a romanisation
}

// Qaf romanised q or g (Qadhafi, Gaddafi; Qasim, Gasim); never between
// Chinese syllables, and k and g stay apart otherwise.
TEST(TokenSimilarity, QafReadAsG) {
  EXPECT_EQ(C("gaddafi", "qadhafi").kind, TokenMatchKind::kRomanization);
  EXPECT_EQ(C("qasim", "gasim").kind, TokenMatchKind::kRomanization);
  EXPECT_NE(C("qiang", "giang").kind, TokenMatchKind::kRomanization);
  EXPECT_NE(C("gasim", "kasim").kind, TokenMatchKind::kRomanization);
}

// Persian e for Arabic i at the start of a name (Esmaeli, Ismaili), with
// the consonants and vowels the skeleton rule asks for; not Evan/Ivan.
TEST(TokenSimilarity, DoubledLettersCountOnce) {
  EXPECT_EQ(C("musab", "mossaab").kind, TokenMatchKind::kRomanization);  // Mus'ab
  EXPECT_EQ(C("hassan", "husain").kind, TokenMatchKind::kNone);          // vowels still must fit
}

TEST(TokenSimilarity, InitialEAndI) {
  EXPECT_EQ(C("ismaili", "esmaeli").kind, TokenMatchKind::kRomanization);
  EXPECT_EQ(C("evan", "ivan").kind, TokenMatchKind::kNone);
}

TEST(TokenSimilarity, ArabicLongVowels) {
  // Arabic-script tokens carry their written long vowels (a/u/i).
  EXPECT_EQ(C("kald", "khalid", true, false).kind, TokenMatchKind::kRomanization);   // خالد
  EXPECT_EQ(C("klud", "khulud", true, false).kind, TokenMatchKind::kRomanization);   // خلود
  EXPECT_LT(C("klud", "khald", true, false).score, 0.75);                           // not Khald
  EXPECT_LT(C("klud", "khaled", true, false).score, 0.75);                          // nor Khaled
  EXPECT_EQ(C("mhmud", "mahmoud", true, false).kind, TokenMatchKind::kRomanization);  // محمود
  EXPECT_EQ(C("hidr", "heydar", true, false).kind, TokenMatchKind::kRomanization);    // حیدر
  EXPECT_EQ(C("ahmd", "ahmad", true, false).kind, TokenMatchKind::kRomanization);   // أحمد
  EXPECT_EQ(C("iusf", "yusuf", true, false).kind, TokenMatchKind::kRomanization);   // يوسف
  EXPECT_EQ(C("ulid", "walid", true, false).kind, TokenMatchKind::kRomanization);   // وليد
  // Two Arabic-script words: same consonants, long vowels elsewhere.
  EXPECT_LT(C("mhmud", "mhmd", true, true).score, 0.75);  // محمود vs محمد
  EXPECT_LT(C("hlia", "hail", true, true).score, 0.75);   // هلیا vs هايل
  EXPECT_EQ(C("mhmd", "mhmd", true, true).kind, TokenMatchKind::kExact);
}

TEST(TokenSimilarity, ArabicShortAndLongVowels) {
  // One consonant: علي ("li") is Ali or Aly, not a longer word; الله ("l")
  // is Allah written apart.
  EXPECT_EQ(C("li", "ali", true, false).kind, TokenMatchKind::kRomanization);
  EXPECT_EQ(C("ali", "li", false, true).kind, TokenMatchKind::kRomanization);
  EXPECT_EQ(C("li", "aly", true, false).kind, TokenMatchKind::kRomanization);
  EXPECT_EQ(C("li", "allie", true, false).kind, TokenMatchKind::kNone);  // too long for one consonant
  EXPECT_EQ(C("l", "allah", true, false).kind, TokenMatchKind::kRomanization);
  EXPECT_EQ(C("l", "ali", true, false).kind, TokenMatchKind::kNone);  // Allah is not Ali
  // A final ya may be an alif maqsura: موسى Musa, مرتضی Morteza (Persian "mrtsi").
  EXPECT_EQ(C("musi", "musa", true, false).kind, TokenMatchKind::kRomanization);
  EXPECT_EQ(C("mrtsi", "morteza", true, false).kind, TokenMatchKind::kRomanization);
  // A Latin long vowel (ou, ee) or final -i is written in Arabic script.
  EXPECT_LT(C("mhmd", "mahmoud", true, false).score, 0.75);  // محمد is not Mahmoud
  EXPECT_LT(C("sid", "saeedi", true, false).score, 0.75);    // سعيد is Saeed, not Saeedi
  EXPECT_EQ(C("sid", "saeed", true, false).kind, TokenMatchKind::kRomanization);
  EXPECT_EQ(C("sidi", "saeedi", true, false).kind, TokenMatchKind::kRomanization);
  // Two Arabic-script words of three consonants, one apart, are two names
  // (گنجی Ganji, آقاجانی Aghajani); a Latin spelling one apart is a slip.
  EXPECT_EQ(C("gnji", "agajani", true, true).kind, TokenMatchKind::kNone);
  EXPECT_EQ(C("kdur", "khaddour", true, false).kind, TokenMatchKind::kRomanization);
}

TEST(TokenSimilarity, LatinVowelsMustFit) {
  // Same consonants, vowels in the same places, but other vowels there:
  // Hassan is not Husein; Tarek/Tariq and Karim/Kerem are one name.
  EXPECT_EQ(C("hassan", "husein").kind, TokenMatchKind::kNone);
  EXPECT_EQ(C("karim", "kerem").kind, TokenMatchKind::kRomanization);
  EXPECT_EQ(C("ahmad", "ahmed").kind, TokenMatchKind::kRomanization);
}

TEST(TokenSimilarity, Symmetric) {
  for (auto [a, b] : {std::pair{"vladimir", "wladimir"}, {"v", "vladimir"}, {"putn", "putin"}}) {
    EXPECT_DOUBLE_EQ(C(a, b).score, C(b, a).score) << a << " " << b;
  }
  EXPECT_DOUBLE_EQ(C("li", "ali", true, false).score, C("ali", "li", false, true).score);
  EXPECT_DOUBLE_EQ(C("sid", "saeedi", true, false).score, C("saeedi", "sid", false, true).score);
}

}  // namespace
}  // namespace cordon
