#include "lists/us_bis_dpl/organization_name.h"

#include <gtest/gtest.h>

namespace cordon {
namespace {

TEST(LooksLikeOrganizationName, LegalForms) {
  EXPECT_TRUE(LooksLikeOrganizationName("AIR FREIGHT LTD"));
  EXPECT_TRUE(LooksLikeOrganizationName("GHARE SABZ CO."));
  EXPECT_TRUE(LooksLikeOrganizationName("GHASHIM GROUP, INC."));
  EXPECT_TRUE(LooksLikeOrganizationName("Kinglead Electronics Co., Ltd."));
  EXPECT_TRUE(LooksLikeOrganizationName("KOTO COMMERCIO IBERICA, S.L."));
  EXPECT_TRUE(LooksLikeOrganizationName("EMPRESA DE TRANSPORTE AEROCARGO DEL SUR, S.A."));
  EXPECT_TRUE(LooksLikeOrganizationName("Siemens GmbH"));
  EXPECT_TRUE(LooksLikeOrganizationName("RADIOTESTER OOO"));
  EXPECT_TRUE(LooksLikeOrganizationName("AL NASER AIRLINES"));
  EXPECT_TRUE(LooksLikeOrganizationName("JUZHOI ELECTRONIC LLC"));
}

TEST(LooksLikeOrganizationName, PersonNamesAreNot) {
  EXPECT_FALSE(LooksLikeOrganizationName("AARON ABRAHAM VILLA"));
  EXPECT_FALSE(LooksLikeOrganizationName("I. ASH"));
  EXPECT_FALSE(LooksLikeOrganizationName("ROBERT J. SHUBERT, SR."));
  EXPECT_FALSE(LooksLikeOrganizationName("CORPUZ, Maria"));  // whole words only
  EXPECT_FALSE(LooksLikeOrganizationName("Joao Sa"));        // "SA" only with dots
  EXPECT_FALSE(LooksLikeOrganizationName(""));
}

}  // namespace
}  // namespace cordon
