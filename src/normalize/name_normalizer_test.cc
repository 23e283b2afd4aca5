#include "normalize/name_normalizer.h"

#include <gtest/gtest.h>

namespace cordon {
namespace {

std::string Tokens(const NameVariant& v) {
  std::string out;
  for (const auto& t : v.tokens) {
    if (!out.empty()) out += " ";
    out += t.text;
  }
  return out;
}

std::vector<std::string> AllVariants(std::string_view name, NameHints hints = {}) {
  std::vector<std::string> out;
  for (const auto& v : NormalizeName(name, hints).variants) out.push_back(Tokens(v));
  return out;
}

bool HasVariant(std::string_view name, std::string_view expected, NameHints hints = {}) {
  for (const auto& v : AllVariants(name, hints)) {
    if (v == expected) return true;
  }
  return false;
}

TEST(NameNormalizer, AsciiFastPathAndOfacInversion) {
  NameHints person{.is_person = true};
  NormalizedName n = NormalizeName("PUTIN, Vladimir Vladimirovich", person);
  ASSERT_EQ(n.variants.size(), 1u);
  const auto& t = n.variants[0].tokens;
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].text, "putin");
  EXPECT_EQ(t[0].role, TokenRole::kFamily);
  EXPECT_EQ(t[1].text, "vladimir");
  EXPECT_EQ(t[1].role, TokenRole::kGiven);
  EXPECT_EQ(t[2].role, TokenRole::kPatronymic);
}

// A person's surname written in capitals labels the name's parts (the EU
// and UK convention): at the end or at the start, with diacritics; not for
// a name of one case, nor for an organisation, nor when the capitals are
// not one run at an end.
TEST(NameNormalizer, SurnameInCapitals) {
  NameHints person{.is_person = true};
  auto roles = [](std::string_view name, const NameHints& hints) {
    std::string out;
    const NormalizedName n = NormalizeName(name, hints);
    for (const NameToken& t : n.variants[0].tokens)
      out += t.text + ":" + std::string(TokenRoleName(t.role)) + " ";
    return out;
  };
  EXPECT_EQ(roles("Delcy Eloina RODRÍGUEZ GÓMEZ", person),
            "delcy:given eloina:given rodriguez:family gomez:family ");
  EXPECT_EQ(roles("KIM Jong Un", person), "kim:family jong:given un:given ");
  EXPECT_EQ(roles("Ali al-SAYED", person), "ali:given al:particle sayed:family ");
  EXPECT_EQ(roles("Jonna Linden", person), "jonna:name linden:name ");
  EXPECT_EQ(roles("JONNA LINDEN", person), "jonna:name linden:name ");
  EXPECT_EQ(roles("Anna MARIA Linden", person), "anna:name maria:name linden:name ");
  EXPECT_EQ(roles("Bank MELLI", NameHints{.is_organization = true}), "bank:generic melli:name ");
}

TEST(NameNormalizer, HyphensAndApostrophes) {
  EXPECT_EQ(AllVariants("Kim Jong-Un")[0], "kim jong un");
  EXPECT_EQ(AllVariants("O'Brien")[0], "obrien");
}

TEST(NameNormalizer, DiacriticsAndFullWidth) {
  EXPECT_EQ(AllVariants("José Łódź Straße")[0], "jose lodz strasse");
  EXPECT_EQ(AllVariants("Ｋｉｍ")[0], "kim");
}

TEST(NameNormalizer, Hangul) {
  EXPECT_TRUE(HasVariant("김정은", "kim jong un"));
  EXPECT_TRUE(HasVariant("김정은", "gim jeong eun"));
  EXPECT_TRUE(HasVariant("리수용", "ri su yong"));
  EXPECT_TRUE(HasVariant("최룡해", "choe ryong hae"));
}

TEST(NameNormalizer, CyrillicBgnAndKorean) {
  EXPECT_EQ(AllVariants("Путин Владимир Владимирович")[0], "putin vladimir vladimirovich");
  EXPECT_TRUE(HasVariant("Ким Чен Ын", "kim jong un"));
  EXPECT_TRUE(HasVariant("Шойгу Сергей", "shoygu sergey"));
}

TEST(NameNormalizer, HanToPinyin) {
  EXPECT_EQ(AllVariants("习近平")[0], "xi jin ping");
}

TEST(NameNormalizer, ArabicSkeleton) {
  NormalizedName n = NormalizeName("محمد بن سلمان");
  ASSERT_FALSE(n.variants.empty());
  EXPECT_EQ(Tokens(n.variants[0]), "mhmd bn slman");
  EXPECT_TRUE(n.variants[0].tokens[0].consonantal);
  EXPECT_EQ(n.variants[0].tokens[1].role, TokenRole::kParticle);
  EXPECT_EQ(Tokens(NormalizeName("عبد الرحمن").variants[0]), "bd al rhmn");
  // Long vowels are kept in the token (a/u/i); particles still recognised.
  EXPECT_EQ(Tokens(NormalizeName("خلود").variants[0]), "klud");
  NormalizedName abu = NormalizeName("أبو بكر");
  EXPECT_EQ(abu.variants[0].tokens[0].role, TokenRole::kParticle);
  // علي (Ali) is a name part, not the article; Urdu letters have consonants.
  NormalizedName ali = NormalizeName("رضا علي خميس");
  EXPECT_EQ(Tokens(ali.variants[0]), "rda li kmis");
  EXPECT_NE(ali.variants[0].tokens[1].role, TokenRole::kParticle);
  EXPECT_EQ(Tokens(NormalizeName("چوہدری").variants[0]), "cuhdri");
}

TEST(NameNormalizer, CyrillicYoReadAsYo) {
  // BGN's ë folds to e (Artem); English spellings write yo (Artyom).
  EXPECT_TRUE(HasVariant("Туров Артём Викторович", "turov artem viktorovich"));
  EXPECT_TRUE(HasVariant("Туров Артём Викторович", "turov artyom viktorovich"));
  EXPECT_TRUE(HasVariant("Аксёненко", "aksyonenko"));
  NormalizedName n = NormalizeName("Артём Туров");
  for (const NameVariant& v : n.variants) EXPECT_EQ(v.tokens[0].display, "артём") << v.method;
}

TEST(NameNormalizer, KoreanSyllableOfOneVowelIsSpeltWhole) {
  // 이 read "i" would be an initial; a syllable is a whole word.
  EXPECT_TRUE(HasVariant("김이수", "kim yi su"));
  EXPECT_FALSE(HasVariant("김이수", "kim i su"));
  EXPECT_TRUE(HasVariant("간아진", "kan ah jin"));
}

TEST(NameNormalizer, DottedAcronymsOfOrganisations) {
  NameHints org{.is_organization = true};
  EXPECT_TRUE(HasVariant("T.M.G. ENGINEERING LIMITED", "t m g engineering", org));
  EXPECT_TRUE(HasVariant("T.M.G. ENGINEERING LIMITED", "tmg engineering", org));
  // Unknown kind: only with a legal form or a generic word.
  EXPECT_TRUE(HasVariant("U.S.A. Trading Co.", "usa trading"));
  // Persons keep their initials.
  EXPECT_FALSE(HasVariant("J.R. Smith", "jr smith", NameHints{.is_person = true}));
  EXPECT_FALSE(HasVariant("J.R. Smith", "jr smith"));
}

TEST(NameNormalizer, PersianReading) {
  // A name with a Persian letter is also read the Persian way: ض ذ ظ as z
  // (written s), ث as s, ق as gh.
  EXPECT_TRUE(HasVariant("مرتضی پیری", "mrtsi piri"));
  EXPECT_TRUE(HasVariant("مرتضی پیری", "mrtdi piri"));
  EXPECT_TRUE(HasVariant("سید محمد امین آقامیری", "sid mhmd amin agamiri"));
  // Arabic letters only: no Persian reading (رضا is Rida, ق is q).
  EXPECT_FALSE(HasVariant("رضا علي خميس", "rsa li kmis"));
  EXPECT_FALSE(HasVariant("قاسم", "gasm"));
}

TEST(NameNormalizer, SayyidWeighsAsAParticle) {
  NormalizedName n = NormalizeName("Seyed Hadi MANSOURI");
  EXPECT_EQ(n.variants[0].tokens[0].role, TokenRole::kParticle);
  n = NormalizeName("سید علیرضا آوایی");
  EXPECT_EQ(n.variants[0].tokens[0].role, TokenRole::kParticle);
  // سعید (Saeed) spells like سید but is a name.
  n = NormalizeName("سعید آقاجانی");
  EXPECT_NE(n.variants[0].tokens[0].role, TokenRole::kParticle);
  // A surname: last, or before the comma.
  n = NormalizeName("Saduddin SAYYED");
  EXPECT_NE(n.variants[0].tokens[1].role, TokenRole::kParticle);
  n = NormalizeName("SYED, Ali");
  EXPECT_NE(n.variants[0].tokens[0].role, TokenRole::kParticle);
}

TEST(NameNormalizer, LegalFormsInManyLanguages) {
  NameHints org{.is_organization = true};
  NormalizedName n = NormalizeName("ANGLO-CARIBBEAN CO., LTD.", org);
  EXPECT_EQ(Tokens(n.variants[0]), "anglo caribbean");
  EXPECT_EQ(n.legal_forms, std::vector<std::string>{"ltd"});
  n = NormalizeName("OOO Romashka");
  EXPECT_EQ(Tokens(n.variants[0]), "romashka");
  EXPECT_EQ(n.legal_forms, std::vector<std::string>{"llc"});
  n = NormalizeName("Grupo Industrial SA de CV");
  EXPECT_EQ(n.legal_forms, std::vector<std::string>{"sa"});
  n = NormalizeName("ООО Ромашка");
  EXPECT_EQ(Tokens(n.variants[0]), "romashka");
  n = NormalizeName("CIMEX, S.A.");
  EXPECT_EQ(Tokens(n.variants[0]), "cimex");
  EXPECT_EQ(n.variants[0].tokens[0].role, TokenRole::kPlain);
}

TEST(NameNormalizer, HonorificsDropped) {
  EXPECT_EQ(AllVariants("Mr. Kim Jong Un")[0], "kim jong un");
  EXPECT_EQ(AllVariants("Sheikh Abdul Rahman")[0], "abd rahman");
  EXPECT_EQ(AllVariants("Abdulrahman Yasin")[0], "abd rahman yasin");
  EXPECT_EQ(AllVariants("Abdallah")[0], "abdallah");  // Abd + Allah: one name
  EXPECT_EQ(AllVariants("Abdullah Azzam")[0], "abdullah azzam");
  EXPECT_EQ(AllVariants("Qari Muhammad Ayub")[0], "muhammad ayub");
  EXPECT_EQ(AllVariants("KHINE, Daw Thet Thet")[0], "khine thet thet");
  // Generational suffixes go even before the comma; a title last stays, as
  // a particle (a surname, or a title written after the name).
  EXPECT_EQ(AllVariants("IVANOV JR., Sergey")[0], "ivanov sergey");
  NormalizedName n = NormalizeName("Mohamed Omar HAJI");
  EXPECT_EQ(Tokens(n.variants[0]), "mohamed omar haji");
  EXPECT_EQ(n.variants[0].tokens[2].role, TokenRole::kParticle);
}

// An organisation named after its owner keeps his religious title as a
// particle (HAJI BASIR HAWALA); other titles are names there (Admiral).
TEST(NameNormalizer, OrganisationTitles) {
  NormalizedName n = NormalizeName("HAJI BASIR HAWALA", {.is_organization = true});
  ASSERT_EQ(n.variants[0].tokens.size(), 3u);
  EXPECT_EQ(n.variants[0].tokens[0].role, TokenRole::kParticle);
  n = NormalizeName("Admiral Shipping Group", {.is_organization = true});
  EXPECT_NE(n.variants[0].tokens[0].role, TokenRole::kParticle);
}

// Burmese Mg is Maung; an organisation keeps its letters (MG Motors).
TEST(NameNormalizer, NameAbbreviationsExpanded) {
  NormalizedName n = NormalizeName("SWE, Khin Mg", {.is_person = true});
  EXPECT_EQ(Tokens(n.variants[0]), "swe khin maung");
  EXPECT_EQ(n.variants[0].tokens[2].display, "mg");
  EXPECT_EQ(Tokens(NormalizeName("MG Motors Ltd", {.is_organization = true}).variants[0]), "mg motors");
}

TEST(NameNormalizer, EmptyAndPunctuationOnly) {
  EXPECT_TRUE(NormalizeName("").variants.empty());
  EXPECT_TRUE(NormalizeName(" -- ,, ").variants.empty());
}

}  // namespace
}  // namespace cordon

namespace cordon {
namespace {

TEST(NameNormalizer, BelarusianAndTwoWordPatronymicLikeSurnames) {
  EXPECT_EQ(Tokens(NormalizeName("Аляксандр Лукашэнка").variants[0]), "alyaksandr lukashenka");
  NormalizedName n = NormalizeName("Roman Abramovich");
  EXPECT_EQ(n.variants[0].tokens[1].role, TokenRole::kPlain);  // a surname here
  EXPECT_EQ(NormalizeName("Sergej Valerjevitj Aksionov").variants[0].tokens[1].role, TokenRole::kPatronymic);
  EXPECT_EQ(NormalizeName("Juryj Leanidavitj Sivakou").variants[0].tokens[1].role, TokenRole::kPatronymic);
  n = NormalizeName("Roman Arkadyevich Abramovich");
  EXPECT_EQ(n.variants[0].tokens[1].role, TokenRole::kPatronymic);
  EXPECT_NE(n.variants[0].tokens[2].role, TokenRole::kPatronymic);
  n = NormalizeName("ABRAMOVICH, Roman Arkadyevich", {.is_person = true});
  EXPECT_EQ(n.variants[0].tokens[0].role, TokenRole::kFamily);
  EXPECT_EQ(n.variants[0].tokens[2].role, TokenRole::kPatronymic);
}

}  // namespace
}  // namespace cordon

namespace cordon {
namespace {

TEST(NameNormalizer, HyphenatedWordsAndSurnameTitles) {
  NormalizedName n = NormalizeName("PIR-ABASSI");
  ASSERT_EQ(n.variants[0].tokens.size(), 2u);
  EXPECT_FALSE(n.variants[0].tokens[0].hyphenated);
  EXPECT_TRUE(n.variants[0].tokens[1].hyphenated);
  n = NormalizeName("Kim Jong Un");
  EXPECT_FALSE(n.variants[0].tokens[2].hyphenated);
  n = NormalizeName("AL-SHAYKH, Muhammad", {.is_person = true});
  EXPECT_EQ(Tokens(n.variants[0]), "al shaykh muhammad");  // Shaykh is the surname here
  EXPECT_EQ(Tokens(NormalizeName("Sheikh Muhammad Hassan").variants[0]), "muhammad hassan");
  EXPECT_EQ(Tokens(NormalizeName("Abdollahi").variants[0]), "abdollahi");
}

TEST(NameNormalizer, KatakanaForeignNamesGetReadings) {
  // ICU's reading stays first; the katakana readings follow.
  NormalizedName n = NormalizeName("ウラジーミル・プーチン");
  ASSERT_GE(n.variants.size(), 2u);
  EXPECT_EQ(n.variants[0].method, "icu");
  EXPECT_EQ(Tokens(n.variants[0]), "urajimiru puchin");
  bool found = false;
  size_t katakana = 0;
  for (const auto& v : n.variants) {
    if (v.method != "katakana") continue;
    ++katakana;
    found = found || Tokens(v) == "vladimir putin";
    EXPECT_EQ(v.tokens[0].display, "ウラジーミル");
  }
  EXPECT_TRUE(found);
  EXPECT_LE(katakana, 8u);
  EXPECT_TRUE(n.has_non_latin);
}

TEST(NameNormalizer, KatakanaWithOtherScriptsAndSeparators) {
  EXPECT_TRUE(HasVariant("セルゲイ＝ラブロフ", "sergei lavrov"));
  EXPECT_TRUE(HasVariant("ｾﾙｹﾞｲ･ﾗﾌﾞﾛﾌ", "sergei lavrov"));  // half-width, folded by NFKC
  EXPECT_TRUE(HasVariant("Sergei ラブロフ", "sergei lavrov"));  // a Latin word keeps its token
  EXPECT_TRUE(HasVariant("ルー", "ru"));                        // ー does not count as Latin
  // Hiragana is Japanese, not a foreign name: ICU only.
  for (const auto& v : NormalizeName("すずき").variants) EXPECT_NE(v.method, "katakana");
}

TEST(NameNormalizer, KatakanaVariantsBounded) {
  // Eight words of four readings each: still at most 8 katakana variants.
  NormalizedName n = NormalizeName("ラリルロ・ラリルロ・ラリルロ・ラリルロ・ラリルロ・ラリルロ・ラリルロ・ラリルロ");
  size_t katakana = 0;
  for (const auto& v : n.variants) katakana += v.method == "katakana";
  EXPECT_GE(katakana, 1u);
  EXPECT_LE(katakana, 8u);
}

}  // namespace
}  // namespace cordon
