#include "normalize/phonetic_key.h"

#include <gtest/gtest.h>

namespace cordon {

TEST(PhoneticKey, RomanizationsCollapse) {
  EXPECT_EQ(PhoneticKey("wladimir"), PhoneticKey("vladimir"));
  EXPECT_EQ(PhoneticKey("poutine"), PhoneticKey("putin"));
  EXPECT_EQ(PhoneticKey("khrushchev"), PhoneticKey("hrushchev"));
  EXPECT_EQ(PhoneticKey("dmitriy"), PhoneticKey("dmitrii"));
  EXPECT_EQ(PhoneticKey("ivanoff"), PhoneticKey("ivanov"));
  EXPECT_EQ(PhoneticKey("jeong"), PhoneticKey("jong"));
  EXPECT_EQ(PhoneticKey("zhukov"), PhoneticKey("jukov"));
  // Arabic dh (dhal) and the diphthong ay, however written.
  EXPECT_EQ(PhoneticKey("qadhafi"), PhoneticKey("qaddafi"));
  EXPECT_EQ(PhoneticKey("seif"), PhoneticKey("saif"));
  EXPECT_EQ(PhoneticKey("hussein"), PhoneticKey("husayn"));
  EXPECT_EQ(PhoneticKey("seyed"), PhoneticKey("sayed"));
  EXPECT_EQ(PhoneticKey("meyer"), PhoneticKey("mayer"));
  // An initial o is u (Osman, Usman; Omar, Umar), in words of four letters
  // or more.
  EXPECT_EQ(PhoneticKey("osman"), PhoneticKey("usman"));
  EXPECT_EQ(PhoneticKey("omar"), PhoneticKey("umar"));
  EXPECT_NE(PhoneticKey("oda"), PhoneticKey("uda"));
}

TEST(PhoneticKey, FinalHAfterAVowelInLongerWords) {
  EXPECT_EQ(PhoneticKey("usamah"), PhoneticKey("usama"));
  EXPECT_EQ(PhoneticKey("hamzah"), PhoneticKey("hamza"));
  EXPECT_EQ(PhoneticKey("abdallah"), PhoneticKey("abdalla"));
  EXPECT_NE(PhoneticKey("salah"), PhoneticKey("sala"));  // five letters: the h stays
  EXPECT_NE(PhoneticKey("farrukh"), PhoneticKey("farruk"));  // kh is a consonant
}

TEST(PhoneticKey, KeepsDistinctConsonants) {
  EXPECT_NE(PhoneticKey("bush"), PhoneticKey("push"));
  EXPECT_NE(PhoneticKey("dan"), PhoneticKey("tan"));
}

TEST(ConsonantSkeleton, ArabicNameSpellings) {
  EXPECT_EQ(ConsonantSkeleton("muhammad"), "mhmd");
  EXPECT_EQ(ConsonantSkeleton("mohamed"), "mhmd");
  EXPECT_EQ(ConsonantSkeleton("mohammed"), "mhmd");
  EXPECT_EQ(ConsonantSkeleton("ahmed"), "hmd");
  EXPECT_EQ(ConsonantSkeleton("khalid"), "kld");
  EXPECT_EQ(ConsonantSkeleton("abdullah"), "bdl");
  EXPECT_EQ(ConsonantSkeleton("yusuf"), "sf");
}

}  // namespace cordon

namespace cordon {

TEST(KoreanSyllableKey, SystemsAgree) {
  EXPECT_EQ(KoreanSyllableKey("jong"), KoreanSyllableKey("chong"));
  EXPECT_EQ(KoreanSyllableKey("jeong"), KoreanSyllableKey("jong"));
  EXPECT_EQ(KoreanSyllableKey("gim"), KoreanSyllableKey("kim"));
  EXPECT_EQ(KoreanSyllableKey("eun"), KoreanSyllableKey("un"));
  EXPECT_EQ(KoreanSyllableKey("lee"), KoreanSyllableKey("ri"));
  EXPECT_EQ(KoreanSyllableKey("park"), KoreanSyllableKey("pak"));
  EXPECT_EQ(KoreanSyllableKey("choi"), KoreanSyllableKey("choe"));
  EXPECT_EQ(KoreanSyllableKey("vladimir"), "");
  EXPECT_EQ(KoreanSyllableKey("putin"), "");
  EXPECT_NE(KoreanSyllableKey("kim"), KoreanSyllableKey("kin"));
  // One-vowel syllables as names spell them.
  EXPECT_EQ(KoreanSyllableKey("oh"), KoreanSyllableKey("o"));
  EXPECT_EQ(KoreanSyllableKey("yi"), KoreanSyllableKey("ee"));
  EXPECT_EQ(KoreanSyllableKey("woo"), KoreanSyllableKey("oo"));
  EXPECT_EQ(KoreanSyllableKey("ah"), KoreanSyllableKey("a"));
}

TEST(PhoneticKey, VowelSlots) {
  using V = std::vector<uint8_t>;
  const uint8_t a = kVowelA, u = kVowelU, i = kVowelI;
  EXPECT_EQ(VowelSlots("khalid", false), (V{0, a, uint8_t(a | i), 0}));
  EXPECT_EQ(VowelSlots("klud", true), (V{0, 0, u, 0}));              // خلود
  EXPECT_EQ(VowelSlots("hamam", false), (V{0, a, a, 0}));            // skeleton "hmm": m-a-m is two
  EXPECT_EQ(VowelSlots("hammam", false).size(), ConsonantSkeleton("hammam").size() + 1);
  EXPECT_EQ(ConsonantSkeleton("hassan"), "hsn");
  EXPECT_EQ(ConsonantSkeleton("aziz"), "ss");
  EXPECT_EQ(VowelSlots("walid", false), (V{uint8_t(u | a), uint8_t(a | i), 0}));  // w is a vowel here
  EXPECT_EQ(VowelSlots("walid", false).size(), ConsonantSkeleton("walid").size() + 1);
}

}  // namespace cordon
