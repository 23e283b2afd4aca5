#include "normalize/listed_name_forms.h"

#include <gtest/gtest.h>

namespace cordon {
namespace {

std::vector<std::string> Texts(std::string_view full) {
  std::vector<std::string> out;
  for (const ListedNameForm& f : ListedNameForms(full)) out.push_back(f.text);
  return out;
}

TEST(ListedNameForms, PlainNameIsItself) {
  EXPECT_EQ(Texts("Vladimir Vladimirovich PUTIN"),
            (std::vector<std::string>{"Vladimir Vladimirovich PUTIN"}));
  EXPECT_EQ(Texts("AL-QAIDA"), (std::vector<std::string>{"AL-QAIDA"}));
}

TEST(ListedNameForms, SemicolonsSeparateNames) {
  EXPECT_EQ(Texts("Abas Rashidi; Abbas Rashedi; Abas Rashedi"),
            (std::vector<std::string>{"Abas Rashidi", "Abbas Rashedi", "Abas Rashedi"}));
  EXPECT_EQ(Texts("Halen Bakhtiar; Halen Bakhtiar"), (std::vector<std::string>{"Halen Bakhtiar"}));
}

TEST(ListedNameForms, AcronymInParenthesesIsAWeakForm) {
  std::vector<ListedNameForm> f = ListedNameForms("DOOSTAN INTERNATIONAL COMPANY (DICO)");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].text, "DOOSTAN INTERNATIONAL COMPANY");
  EXPECT_FALSE(f[0].acronym);
  EXPECT_EQ(f[1].text, "DICO");
  EXPECT_TRUE(f[1].acronym);
  std::vector<ListedNameForm> two =
      ListedNameForms("IRGC AEROSPACE FORCE SELF SUFFICIENCY JIHAD ORGANIZATION (ASF SSJO)");
  ASSERT_EQ(two.size(), 2u);
  EXPECT_TRUE(two[1].acronym);  // several acronyms are still acronyms
  EXPECT_EQ(Texts("NIRU BATTERY MFG.CO (SABA BATTERY)"),
            (std::vector<std::string>{"NIRU BATTERY MFG.CO", "SABA BATTERY"}));
  EXPECT_EQ(Texts("ISLAMIC STATE IN IRAQ AND THE LEVANT IN SOUTH-EAST ASIA (ISIL-SEA, ISIL-SOUTH EAST ASIA)"),
            (std::vector<std::string>{"ISLAMIC STATE IN IRAQ AND THE LEVANT IN SOUTH-EAST ASIA", "ISIL-SEA",
                                      "ISIL-SOUTH EAST ASIA"}));
}

TEST(ListedNameForms, RemarksAndTranslationsAreDropped) {
  EXPECT_EQ(Texts("Abu-Ahmad Al-Amriki (the American)"), (std::vector<std::string>{"Abu-Ahmad Al-Amriki"}));
  EXPECT_EQ(Texts("Ezatullah Haqqani (previously listed as)"),
            (std::vector<std::string>{"Ezatullah Haqqani"}));
  EXPECT_EQ(Texts("Bes [paholainen]"), (std::vector<std::string>{"Bes"}));
  EXPECT_EQ(Texts("Pishgam (Pioneer) Energy Industries"),
            (std::vector<std::string>{"Pishgam Energy Industries"}));
}

TEST(ListedNameForms, OriginalScriptAndNestedLists) {
  EXPECT_EQ(Texts("Ibrahim Hassan Tali Asiri (إبراهيم حسن طالع عسيري)"),
            (std::vector<std::string>{"Ibrahim Hassan Tali Asiri", "إبراهيم حسن طالع عسيري"}));
  EXPECT_EQ(Texts("Hay’at Tahrir al-Sham (HTS) (هيئة تحرير الشام (original script); Hay’et Tahrir al-Sham; "
                  "Assembly for the Liberation of Syria)"),
            (std::vector<std::string>{"Hay’at Tahrir al-Sham", "HTS", "هيئة تحرير الشام",
                                      "Hay’et Tahrir al-Sham", "Assembly for the Liberation of Syria"}));
}

TEST(ListedNameForms, UnbalancedOrEmptyKeepsTheString) {
  EXPECT_EQ(Texts("NAME (UNCLOSED"), (std::vector<std::string>{"NAME (UNCLOSED"}));
  EXPECT_EQ(Texts("NAME) X"), (std::vector<std::string>{"NAME) X"}));
  EXPECT_EQ(Texts("(ONLY GROUP)"), (std::vector<std::string>{"ONLY GROUP"}));
  EXPECT_EQ(Texts("();"), (std::vector<std::string>{"();"}));
}

}  // namespace
}  // namespace cordon
