#include "normalize/org_word_translations.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "normalize/name_normalizer.h"

namespace cordon {
namespace {

TEST(OrgWordTranslations, GenericWordsOfEuLanguages) {
  EXPECT_EQ(TranslateOrgWord("banco"), "bank");
  EXPECT_EQ(TranslateOrgWord("banque"), "bank");
  EXPECT_EQ(TranslateOrgWord("estado"), "state");
  EXPECT_EQ(TranslateOrgWord("staates"), "state");
  EXPECT_EQ(TranslateOrgWord("panstwo"), "state");
  EXPECT_EQ(TranslateOrgWord("panstwa"), "state");
  EXPECT_EQ(TranslateOrgWord("statului"), "state");
  EXPECT_EQ(TranslateOrgWord("islamique"), "islamic");
  EXPECT_EQ(TranslateOrgWord("islamitische"), "islamic");
  EXPECT_EQ(TranslateOrgWord("islamskie"), "islamic");
  EXPECT_EQ(TranslateOrgWord("izlamiku"), "islamic");
  EXPECT_EQ(TranslateOrgWord("ioslamach"), "islamic");
  EXPECT_EQ(TranslateOrgWord("gruppe"), "group");
  EXPECT_EQ(TranslateOrgWord("provincia"), "province");
  EXPECT_EQ(TranslateOrgWord("frente"), "front");
  EXPECT_EQ(TranslateOrgWord("naviera"), "shipping");
  EXPECT_EQ(TranslateOrgWord("handlowa"), "trading");
  // Russian and Greek as cordon romanises them.
  EXPECT_EQ(TranslateOrgWord("gosudarstvo"), "state");
  EXPECT_EQ(TranslateOrgWord("kratos"), "state");
  // An Estonian compound reads as two English words.
  EXPECT_EQ(TranslateOrgWord("kaubanduskorporatsioon"), "trading corporation");
  EXPECT_EQ(TranslateOrgWord("sudeste"), "south east");
}

TEST(OrgWordTranslations, EnglishAndNamesAreNotTranslated) {
  for (const char* word :
       {"bank", "state", "islamic", "group", "international", "organisation", "association", "oriental",
        "commerce", "kim", "maria", "ivanov", "koryo", "levant", "iraq"}) {
    EXPECT_EQ(TranslateOrgWord(word), "") << word;
  }
}

TEST(OrgWordTranslations, Connectors) {
  for (const char* word : {"en", "et", "und", "och", "w", "v", "na", "tal", "si", "agus", "ir", "un"}) {
    EXPECT_TRUE(IsOrgConnector(word)) << word;
  }
  // Words that are names or legal forms are not glue.
  for (const char* word : {"san", "sa", "ag", "kim", "bank"}) EXPECT_FALSE(IsOrgConnector(word)) << word;
}

std::vector<std::string> Texts(const NameVariant& v) {
  std::vector<std::string> out;
  for (const NameToken& t : v.tokens) out.push_back(t.text);
  return out;
}

constexpr NameHints kQuery = {.translate_org_words = true};

const NameVariant* Translated(const NormalizedName& n) {
  for (const NameVariant& v : n.variants) {
    if (v.method == "org-translated") return &v;
  }
  return nullptr;
}

TEST(OrgWordTranslations, NormalizeNameAddsAnEnglishReading) {
  NormalizedName n = NormalizeName("Banco Koryo", {.is_organization = true, .translate_org_words = true});
  ASSERT_GE(n.variants.size(), 2u);
  EXPECT_EQ(Texts(n.variants[0]), (std::vector<std::string>{"banco", "koryo"}));  // the name as written first
  const NameVariant* t = Translated(n);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(Texts(*t), (std::vector<std::string>{"bank", "koryo"}));
  // The word keeps the weight it had: a translation helps by matching, not
  // by making a word the listed name lacks lighter (Post Groep against POST
  // BANK would otherwise alert).
  EXPECT_EQ(t->tokens[0].role, TokenRole::kPlain);
  EXPECT_EQ(t->tokens[0].display, "banco");

  // Written with diacritics; the glue words become particles.
  n = NormalizeName("Państwo Islamskie w Iraku i Lewancie", kQuery);
  t = Translated(n);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(Texts(*t), (std::vector<std::string>{"state", "islamic", "w", "iraq", "i", "levant"}));
  EXPECT_EQ(t->tokens[2].role, TokenRole::kParticle);
  EXPECT_EQ(t->tokens[4].role, TokenRole::kParticle);

  n = NormalizeName("L-Istat Iżlamiku tal-Iraq u l-Levante",
                    {.is_organization = true, .translate_org_words = true});
  t = Translated(n);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(Texts(*t),
            (std::vector<std::string>{"l", "state", "islamic", "tal", "iraq", "u", "l", "levant"}));

  // A translated legal form leaves the tokens, as in English.
  n = NormalizeName("Korea Kumsani kaubanduskorporatsioon",
                    {.is_organization = true, .translate_org_words = true});
  t = Translated(n);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(Texts(*t), (std::vector<std::string>{"korea", "kumsani", "trading"}));

  // Greek and Russian.
  n = NormalizeName("Ισλαμικό Κράτος του Ιράκ", kQuery);
  t = Translated(n);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(Texts(*t), (std::vector<std::string>{"islamic", "state", "tou", "iraq"}));
  n = NormalizeName("Исламское государство", kQuery);
  t = Translated(n);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(Texts(*t), (std::vector<std::string>{"islamic", "state"}));
}

TEST(OrgWordTranslations, OnlyWhenAWordTranslates) {
  // Glue alone is no reason for another reading (most customers' firms).
  EXPECT_EQ(
      Translated(NormalizeName("Legrand et Schmitt", {.is_organization = true, .translate_org_words = true})),
      nullptr);
  EXPECT_EQ(Translated(NormalizeName("Maas en Zonen", kQuery)), nullptr);
  EXPECT_EQ(Translated(NormalizeName("KORYO BANK", {.is_organization = true, .translate_org_words = true})),
            nullptr);
  EXPECT_EQ(
      NormalizeName("Islamic State", {.is_organization = true, .translate_org_words = true}).variants.size(),
      1u);
  // A name of one word is not read: a generic word alone names nobody.
  EXPECT_EQ(Translated(NormalizeName("Север", kQuery)), nullptr);
  // Listed names are not read (translate_org_words unset).
  EXPECT_EQ(Translated(NormalizeName("Banco Koryo", {.is_organization = true})), nullptr);
}

TEST(OrgWordTranslations, PersonsAreNeverTranslated) {
  // A person whose name holds such a word keeps it.
  for (const char* name :
       {"Juan Estado", "Maria Banco", "Ola Nord", "Stratos Papadopoulos", "Miguel Frente"}) {
    NormalizedName n = NormalizeName(name, {.is_person = true, .translate_org_words = true});
    EXPECT_EQ(Translated(n), nullptr) << name;
  }
}

}  // namespace
}  // namespace cordon
