#include "normalize/french_transcription.h"

#include <gtest/gtest.h>

namespace cordon {
namespace {

TEST(FrenchTranscription, RespellsToTheEnglishConvention) {
  EXPECT_EQ(RespellFrenchToken("ouahid"), "wahid");     // ou at the start, before a vowel
  EXPECT_EQ(RespellFrenchToken("raoui"), "rawi");       // after and before a vowel
  EXPECT_EQ(RespellFrenchToken("azzaoui"), "azzawi");
  EXPECT_EQ(RespellFrenchToken("taouab"), "tawab");
  EXPECT_EQ(RespellFrenchToken("mouammar"), "muammar");  // after a consonant: a vowel
  EXPECT_EQ(RespellFrenchToken("mansour"), "mansur");
  EXPECT_EQ(RespellFrenchToken("houwaich"), "huwaish");
  EXPECT_EQ(RespellFrenchToken("youssef"), "yussef");
  EXPECT_EQ(RespellFrenchToken("djamel"), "jamel");
  EXPECT_EQ(RespellFrenchToken("chala"), "shala");
  EXPECT_EQ(RespellFrenchToken("ou"), "u");
  EXPECT_EQ(RespellFrenchToken("karim"), "karim");
  EXPECT_EQ(RespellFrenchToken(""), "");
}

TEST(FrenchTranscription, SignalIsOuOrDj) {
  EXPECT_TRUE(ReadsAsFrenchTranscription({"abdel", "taouab"}));
  EXPECT_TRUE(ReadsAsFrenchTranscription({"djamel", "ali"}));
  EXPECT_FALSE(ReadsAsFrenchTranscription({"richard", "schneider"}));  // ch alone is English and German
  EXPECT_TRUE(ReadsAsFrenchTranscription({"dhu", "al", "himma", "chaliche"}));  // ch beside al
  EXPECT_FALSE(ReadsAsFrenchTranscription({}));
}

}  // namespace
}  // namespace cordon
