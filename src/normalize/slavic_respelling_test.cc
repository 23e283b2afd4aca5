#include "normalize/slavic_respelling.h"

#include <gtest/gtest.h>

#include "normalize/name_normalizer.h"

namespace cordon {
namespace {

bool HasReading(const NormalizedName& n, const std::vector<std::string>& texts) {
  for (const NameVariant& v : n.variants) {
    std::vector<std::string> got;
    for (const NameToken& t : v.tokens) got.push_back(t.text);
    if (got == texts) return true;
  }
  return false;
}

TEST(SlavicRespelling, ExpandsHacekLetters) {
  EXPECT_EQ(ExpandSlavicDiacritics("Dmitrij Andrejevič"), "Dmitrij Andrejevich");
  EXPECT_EQ(ExpandSlavicDiacritics("ŠOJGU"), "SHOJGU");
  EXPECT_EQ(ExpandSlavicDiacritics("Šojgu"), "Shojgu");
  EXPECT_EQ(ExpandSlavicDiacritics("Alexej Ďumin"), "Alexej Dyumin");
  EXPECT_EQ(ExpandSlavicDiacritics("PLACHOTŇUK"), "PLACHOTNYUK");
  EXPECT_EQ(ExpandSlavicDiacritics("Milad Džafárí"), "Milad Dzhafárí");
  EXPECT_EQ(ExpandSlavicDiacritics("Ştefan Ţurcanu"), "Shtefan Tsurcanu");
  EXPECT_EQ(ExpandSlavicDiacritics("Vladimir Putin"), "");
  EXPECT_EQ(ExpandSlavicDiacritics("Müller"), "");
}

TEST(SlavicRespelling, CzechFeminineEndings) {
  EXPECT_EQ(DropCzechFeminineEndings("Natalija Nikolajevna Dudarová"), "Natalija Nikolajevna Dudar");
  EXPECT_EQ(DropCzechFeminineEndings("Ina Leanidavna PAVLOVSKÁ"), "Ina Leanidavna PAVLOVSKAYA");
  EXPECT_EQ(DropCzechFeminineEndings("Jekaterina Vladimirovna TICHONOVOVÁ"), "Jekaterina Vladimirovna TICHONOVA");
  EXPECT_EQ(DropCzechFeminineEndings("Ljudmila Putinová"), "Ljudmila Putina");
  EXPECT_EQ(DropCzechFeminineEndings("Olga Petrova"), "");
  EXPECT_EQ(DropCzechFeminineEndings("Ová"), "");  // too short to be an ending
}

TEST(SlavicRespelling, RespellsTokens) {
  EXPECT_EQ(RespellSlavicToken("vjatjeslav"), "vyacheslav");
  EXPECT_EQ(RespellSlavicToken("viktorovitj"), "viktorovich");
  EXPECT_EQ(RespellSlavicToken("jurij"), "yuriy");
  EXPECT_EQ(RespellSlavicToken("sergej"), "sergey");
  EXPECT_EQ(RespellSlavicToken("zjeleznjak"), "zheleznyak");
  EXPECT_EQ(RespellSlavicToken("narysjkin"), "naryshkin");
  EXPECT_EQ(RespellSlavicToken("dzjabarov"), "dzhabarov");
  EXPECT_EQ(RespellSlavicToken("djordje"), "djordje");  // Serbian dj stays
  EXPECT_EQ(RespellSlavicToken("siergiej"), "sergey");  // Polish
  EXPECT_EQ(RespellSlavicToken("kacubo"), "katsubo");   // Czech/Belarusian c
  EXPECT_EQ(RespellSlavicToken("chor", false, true), "khor");  // ch is kh
  EXPECT_EQ(RespellSlavicToken("chamzajev", false, true), "khamzayev");
  EXPECT_EQ(RespellSlavicToken("tkachjov", false, false), "tkachyov");  // č
  EXPECT_EQ(RespellSlavicToken("chruschtschow", false, true), "khruschtschow");
  EXPECT_EQ(RespellSlavicToken("michail"), "michail");  // ch stays
  // The soft reading of the same letters: t + ja, not ch + a.
  EXPECT_EQ(RespellSlavicToken("artjom", true), "artyom");
  EXPECT_EQ(RespellSlavicToken("aksjonov", true), "aksyonov");
  EXPECT_EQ(RespellSlavicToken("viktorovitj", true), "viktorovich");
  EXPECT_TRUE(HasAmbiguousDigraph("artjom"));
  EXPECT_FALSE(HasAmbiguousDigraph("viktorovitj"));
}

TEST(SlavicRespelling, RecognisesConventionsNotEnglishOrOtherNames) {
  EXPECT_TRUE(ReadsAsRespelledSlavic({"valerij", "vladimirovitj", "kulikov"}));
  EXPECT_TRUE(ReadsAsRespelledSlavic({"sergej", "aksjonov"}));
  EXPECT_TRUE(ReadsAsRespelledSlavic({"jurij", "vorobjov"}));
  EXPECT_TRUE(ReadsAsRespelledSlavic({"wjatscheslaw", "wiktorowitsch", "wolodin"}));
  EXPECT_TRUE(ReadsAsRespelledSlavic({"siergiej", "surowikin"}));
  EXPECT_TRUE(ReadsAsRespelledSlavic({"dina", "ivanovna", "ojun"}));
  EXPECT_TRUE(ReadsAsRespelledSlavic({"andrej", "sychevoj"}));
  EXPECT_TRUE(ReadsAsRespelledSlavic({"jurij", "kovalchuk"}));
  EXPECT_TRUE(ReadsAsRespelledSlavic({"ilja", "kozlov"}));
  EXPECT_FALSE(ReadsAsRespelledSlavic({"juan", "jose", "jimenez"}));
  EXPECT_TRUE(ReadsAsRespelledSlavic({"vjacheslav", "tulejko"}));
  // A Russian given name in another convention, whatever the surname.
  EXPECT_TRUE(ReadsAsRespelledSlavic({"dmitrij", "micholap"}));
  EXPECT_TRUE(ReadsAsRespelledSlavic({"michail", "mizincev"}));
  EXPECT_TRUE(ReadsAsRespelledSlavic({"andrej", "cedrik"}));
  EXPECT_FALSE(ReadsAsRespelledSlavic({"michael", "jackson"}));
  EXPECT_FALSE(ReadsAsRespelledSlavic({"dmitrij"}));
  EXPECT_FALSE(ReadsAsRespelledSlavic({"marija", "horvat"}));
  EXPECT_FALSE(ReadsAsRespelledSlavic({"nikolaj", "hansen"}));
  // English-convention and non-Slavic names keep one reading.
  EXPECT_FALSE(ReadsAsRespelledSlavic({"vyacheslav", "viktorovich", "volodin"}));
  EXPECT_FALSE(ReadsAsRespelledSlavic({"jamal", "hassan"}));
  EXPECT_FALSE(ReadsAsRespelledSlavic({"jose", "martin"}));
  EXPECT_FALSE(ReadsAsRespelledSlavic({"jan", "kowalski"}));
}

TEST(SlavicRespelling, NormaliserAddsEnglishReading) {
  NormalizedName n = NormalizeName("Vjatjeslav Viktorovitj VOLODIN");
  EXPECT_TRUE(HasReading(n, {"vjatjeslav", "viktorovitj", "volodin"}));
  EXPECT_TRUE(HasReading(n, {"vyacheslav", "viktorovich", "volodin"}));
  EXPECT_EQ(n.variants[0].method, "latin");

  NormalizedName czech = NormalizeName("Dmitrij Andrejevič Antonov");
  EXPECT_TRUE(HasReading(czech, {"dmitrij", "andrejevic", "antonov"}));  // marks dropped, as before
  EXPECT_TRUE(HasReading(czech, {"dmitriy", "andreyevich", "antonov"}));

  NormalizedName english = NormalizeName("Vyacheslav Viktorovich VOLODIN");
  EXPECT_EQ(english.variants.size(), 1u);
}

}  // namespace
}  // namespace cordon
