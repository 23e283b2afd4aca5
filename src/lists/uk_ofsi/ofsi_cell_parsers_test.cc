#include "lists/uk_ofsi/ofsi_cell_parsers.h"

#include <gtest/gtest.h>

namespace cordon {
namespace {

using Values = std::vector<std::string>;

TEST(SplitNumberedValues, Forms) {
  EXPECT_EQ(SplitNumberedValues("Russia"), Values{"Russia"});
  EXPECT_EQ(SplitNumberedValues("  "), Values{});
  EXPECT_EQ(SplitNumberedValues("(1) Central African Republic. (2) South Sudan"),
            (Values{"Central African Republic", "South Sudan"}));
  EXPECT_EQ(SplitNumberedValues("(1) Uganda (2) Uganda (3)Uganda"),
            (Values{"Uganda", "Uganda", "Uganda"}));
  EXPECT_EQ(SplitNumberedValues("(1) 20645897 (2) -"), (Values{"20645897", "-"}));
  // "(3)" without "(2)" is part of the first value.
  EXPECT_EQ(SplitNumberedValues("(1) a (3) b"), Values{"a (3) b"});
  EXPECT_EQ(SplitNumberedValues("(1)"), Values{});
}

TEST(ParseOtherInformation, TaggedFields) {
  OfsiOtherInformation i = ParseOtherInformation(
      "(UK Sanctions List Ref):DPR0270. (UN Ref):KPi.033. Ri Won Ho is an official (of KOMID). "
      "(Gender):Male (Phone number):(1) 123 (IMO number):7408873 (Flag of ship):North Korea "
      "(Previous flags):Russia (Business Reg No):Russian TIN: 7718763393. (Business Reg No): ");
  EXPECT_EQ(i.uk_ref, "DPR0270");
  EXPECT_EQ(i.un_ref, "KPi.033");
  EXPECT_EQ(i.gender, "male");
  EXPECT_EQ(i.imo, "7408873");
  EXPECT_EQ(i.flag, "North Korea");
  EXPECT_EQ(i.business_reg_numbers, Values{"Russian TIN: 7718763393"});
}

TEST(ParseOtherInformation, MissingOrMalformed) {
  OfsiOtherInformation i = ParseOtherInformation("(UN Ref):N/A (Gender):unknown (IMO number):12");
  EXPECT_EQ(i.un_ref, "");
  EXPECT_EQ(i.gender, "");
  EXPECT_EQ(i.imo, "");
  EXPECT_EQ(ParseOtherInformation("").uk_ref, "");
  EXPECT_EQ(ParseOtherInformation("(UK Sanctions List Ref):").uk_ref, "");
  EXPECT_EQ(ParseOtherInformation("(gender):female").gender, "female");
  // A stray space after the dot (group 16180).
  EXPECT_EQ(ParseOtherInformation("(UN Ref):CDi. 038. Listed pursuant").un_ref, "CDi.038");
}

TEST(NormalizeScriptLabel, Misspellings) {
  EXPECT_EQ(NormalizeScriptLabel("Cryillic"), "Cyrillic");
  EXPECT_EQ(NormalizeScriptLabel("Cyrilic"), "Cyrillic");
  EXPECT_EQ(NormalizeScriptLabel("Russian"), "Cyrillic");
  EXPECT_EQ(NormalizeScriptLabel(" Arabic "), "Arabic");
  EXPECT_EQ(NormalizeScriptLabel(""), "");
}

}  // namespace
}  // namespace cordon
