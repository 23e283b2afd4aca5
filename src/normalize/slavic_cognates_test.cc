#include "normalize/slavic_cognates.h"

#include <gtest/gtest.h>

#include "normalize/name_normalizer.h"

namespace cordon {
namespace {

std::string Russian(std::string_view token, CognateKind want) {
  CognateKind kind;
  std::string r = RussianForm(token, &kind);
  EXPECT_EQ(kind, want) << token;
  return r;
}

TEST(SlavicCognates, GivenNames) {
  EXPECT_EQ(Russian("volodymyr", CognateKind::kGivenName), "vladimir");
  EXPECT_EQ(Russian("uladzimir", CognateKind::kGivenName), "vladimir");
  EXPECT_EQ(Russian("siarhei", CognateKind::kGivenName), "sergey");
  EXPECT_EQ(Russian("olena", CognateKind::kGivenName), "yelena");
  EXPECT_EQ(Russian("volha", CognateKind::kGivenName), "olga");
  // Russian forms and ordinary names are left alone.
  EXPECT_EQ(Russian("vladimir", CognateKind::kNone), "");
  EXPECT_EQ(Russian("maria", CognateKind::kNone), "");
  EXPECT_EQ(Russian("john", CognateKind::kNone), "");
}

TEST(SlavicCognates, Patronymics) {
  EXPECT_EQ(Russian("volodymyrovych", CognateKind::kPatronymic), "vladimirovich");
  EXPECT_EQ(Russian("uladzimiravich", CognateKind::kPatronymic), "vladimirovich");
  EXPECT_EQ(Russian("serhiyovych", CognateKind::kPatronymic), "sergeyevich");
  EXPECT_EQ(Russian("siarheevich", CognateKind::kPatronymic), "sergeyevich");
  EXPECT_EQ(Russian("mykolaivna", CognateKind::kPatronymic), "nikolayevna");
  EXPECT_EQ(Russian("mikalaeuna", CognateKind::kPatronymic), "nikolayevna");
  EXPECT_EQ(Russian("ryhoravich", CognateKind::kPatronymic), "grigoryevich");
  EXPECT_EQ(Russian("ivanavich", CognateKind::kPatronymic), "ivanovich");
  EXPECT_EQ(Russian("vladimirovich", CognateKind::kNone), "");
  EXPECT_EQ(Russian("abramovich", CognateKind::kNone), "");
}

TEST(SlavicCognates, SurnameEndings) {
  EXPECT_EQ(RussianSurnameForm("lukashenka"), "lukashenko");
  EXPECT_EQ(RussianSurnameForm("naumau"), "naumov");
  EXPECT_EQ(RussianSurnameForm("ushakou"), "ushakov");
  EXPECT_EQ(RussianSurnameForm("kalinouski"), "kalinovskiy");
  EXPECT_EQ(RussianSurnameForm("petrov"), "");
  EXPECT_EQ(RussianSurnameForm("hirhel"), "girgel");
  EXPECT_EQ(RussianSurnameForm("bahuslauski"), "baguslavskiy");
  EXPECT_EQ(RussianSurnameForm("mikhailov"), "");  // kh stays
  EXPECT_EQ(RussianSurnameForm("bureau"), "");
}

TEST(SlavicCognates, NormaliserAddsRussianForm) {
  NormalizedName n = NormalizeName("Aliaksandr Ryhoravich LUKASHENKA");
  bool found = false;
  for (const NameVariant& v : n.variants) {
    if (v.method != "russian-form") continue;
    ASSERT_EQ(v.tokens.size(), 3u);
    EXPECT_EQ(v.tokens[0].text, "aleksandr");
    EXPECT_EQ(v.tokens[1].text, "grigoryevich");
    EXPECT_EQ(v.tokens[2].text, "lukashenko");
    found = true;
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(NormalizeName("John Smith").variants.size(), 1u);
  // A Russian patronymic is enough for the Belarusian surname ending.
  bool volkov = false;
  for (const NameVariant& v : NormalizeName("Alexey Alexandrovich VOLKAU").variants) {
    volkov = volkov || (v.tokens.size() == 3 && v.tokens[2].text == "volkov");
  }
  EXPECT_TRUE(volkov);
}

}  // namespace
}  // namespace cordon
