#include "lists/eu_derived/eu_composite_fields.h"

#include <gtest/gtest.h>

namespace cordon {
namespace {

TEST(EuEntityRemark, AllThreeParts) {
  EuEntityRemark r = ParseEuEntityRemark(
      "(UN ID: QDi.401)\\n(Date of UN designation: 2017-02-22)\\n(Corrigendum 2017/326 (OJ L49))");
  EXPECT_EQ(r.un_id, "QDi.401");
  EXPECT_EQ(r.designation_date, "2017-02-22");
  EXPECT_EQ(r.native_remark, "Corrigendum 2017/326 (OJ L49)");
}

TEST(EuEntityRemark, DateOnlyAndNativeOnly) {
  EuEntityRemark r = ParseEuEntityRemark("(Date of UN designation: 2022-02-25)");
  EXPECT_EQ(r.un_id, "");
  EXPECT_EQ(r.designation_date, "2022-02-25");
  EXPECT_EQ(r.native_remark, "");
  r = ParseEuEntityRemark("(UNSC RESOLUTION 1483)");
  EXPECT_EQ(r.designation_date, "");
  EXPECT_EQ(r.native_remark, "UNSC RESOLUTION 1483");
  EXPECT_EQ(ParseEuEntityRemark("").native_remark, "");
}

TEST(EuEntityRemark, DateRunningIntoText) {
  // The native designation date column sometimes carried free text.
  EuEntityRemark r = ParseEuEntityRemark(
      "(Date of UN designation: 6.1.2012.\\nSenior Taliban official as at 2011.)");
  EXPECT_EQ(r.designation_date, "6.1.2012");
  EXPECT_EQ(r.native_remark, "Senior Taliban official as at 2011.");
}

TEST(EuIdentificationNumber, BareNumber) {
  EXPECT_EQ(EuIdentificationNumber("488555 (passport-National passport) ", "passport"), "488555");
  EXPECT_EQ(EuIdentificationNumber("D 0001203 (passport-National passport) ((afghan passport))",
                                   "passport"),
            "D 0001203");
  // Parentheses inside the number itself.
  EXPECT_EQ(EuIdentificationNumber("12/YAKANA(N)006981 (passport-National passport) ", "passport"),
            "12/YAKANA(N)006981");
  EXPECT_EQ(EuIdentificationNumber("100211261(УНП) (regnumber-Registration Number)  (x)",
                                   "regnumber"),
            "100211261(УНП)");
  // Unknown code: fall back to the first " (".
  EXPECT_EQ(EuIdentificationNumber("ABC 1 (weird) (x)", "nope"), "ABC 1");
  EXPECT_EQ(EuIdentificationNumber("plain", ""), "plain");
  EXPECT_EQ(EuIdentificationNumber(" (passport-National passport)", "passport"), "");
  EXPECT_EQ(EuIdentificationNumber("(other-Other)", "other"), "");
}

}  // namespace
}  // namespace cordon
