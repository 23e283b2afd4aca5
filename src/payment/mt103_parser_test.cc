#include "payment/mt103_parser.h"

#include <gtest/gtest.h>

#include <string>

namespace cordon {
namespace {

std::string Mt(const std::string& fields, const std::string& type = "103") {
  return "{1:F01DEUTDEFFAXXX0000000000}{2:I" + type + "KKBCKPPYXXXXN}{3:{108:X}}{4:\r\n" + fields +
         "-}{5:{CHK:1}}";
}

const char kFields[] =
    ":20:REF-1\r\n:23B:CRED\r\n:32A:261125EUR1500,00\r\n"
    ":50K:/DE89370400440532013000\r\nHANS MUELLER\r\nBERLIN\r\n"
    ":59:/123456\r\nKIM JONG UN\r\nPYONGYANG\r\n:70:INVOICE 1\r\nMORE TEXT\r\n:71A:SHA\r\n";

std::vector<std::string> Paths(const ParsedPayment& p) {
  std::vector<std::string> out;
  for (const auto& f : p.fields)
    out.push_back(f.path + "=" + f.value + "/" + std::string(FieldKindName(f.kind)));
  return out;
}

TEST(Mt103ParserTest, PartiesAddressesFreeTextAndHeaderBics) {
  ParsedPayment p = ParseMt103(Mt(kFields));
  ASSERT_TRUE(p.status.ok()) << p.status.ToString();
  EXPECT_EQ(p.reference, "REF-1");
  EXPECT_EQ(Paths(p), (std::vector<std::string>{
                          "{1:}=DEUTDEFFXXX/bic", "{2:}=KKBCKPPYXXX/bic", ":50K:=DE89370400440532013000/iban",
                          ":50K:=HANS MUELLER/party", ":50K:=BERLIN/free_text", ":59:=KIM JONG UN/party",
                          ":59:=PYONGYANG/free_text", ":70:=INVOICE 1\nMORE TEXT/free_text"}));
  EXPECT_EQ(p.fields[5].line, 9);  // the name line, after the account line
}

TEST(Mt103ParserTest, StructuredOptionFAndBicOptionA) {
  ParsedPayment p =
      ParseMt103(Mt(":20:R\n:23B:CRED\n:32A:261125USD1,\n:50F:/1\n1/OCEAN STAR\n1/SHIPPING\n2/PORT ROAD "
                    "1\n3/IR/BANDAR ABBAS\n"
                    ":57A:KKBCKPPY\n:59A:/1\nDEUTDEFF\n"));
  ASSERT_TRUE(p.status.ok()) << p.status.ToString();
  EXPECT_EQ(Paths(p), (std::vector<std::string>{"{1:}=DEUTDEFFXXX/bic", "{2:}=KKBCKPPYXXX/bic",
                                                ":50F:=PORT ROAD 1/free_text", ":50F:=IR/country",
                                                ":50F:=BANDAR ABBAS/town", ":50F:=OCEAN STAR SHIPPING/party",
                                                ":57A:=KKBCKPPY/bic", ":59A:=DEUTDEFF/bic"}));
}

TEST(Mt103ParserTest, ErrorsNameTheField) {
  std::string no59 = kFields;
  no59.erase(no59.find(":59:"), no59.find(":70:") - no59.find(":59:"));
  EXPECT_EQ(ParseMt103(Mt(no59)).status.location().field, ":59a:");
  std::string bad_amount = kFields;
  bad_amount.replace(bad_amount.find("261125"), 6, "261399");
  ParsedPayment p = ParseMt103(Mt(bad_amount));
  EXPECT_EQ(p.status.location().field, ":32A:");
  EXPECT_EQ(p.status.location().line, 4);
  EXPECT_FALSE(p.fields.empty());  // semantic: the parties are still screened
  EXPECT_EQ(ParseMt103(Mt(kFields, "202")).status.location().field, "{2:}");
  std::string unterminated = Mt(kFields);
  unterminated.resize(unterminated.find("-}"));
  EXPECT_EQ(ParseMt103(unterminated).status.location().field, "{4:}");
  EXPECT_EQ(ParseMt103("{1:F01DEUTDEFFAXXX0000000000}").status.location().field, "{4:}");
  EXPECT_FALSE(ParseMt103(Mt("stray line\n" + std::string(kFields))).status.ok());
  EXPECT_FALSE(ParseMt103(std::string("{4:\n:20:\xFF\n-}")).status.ok());
}

TEST(Mt103ParserTest, BareTextBlock) {
  ParsedPayment p = ParseMt103(kFields);
  ASSERT_TRUE(p.status.ok()) << p.status.ToString();
  EXPECT_EQ(p.reference, "REF-1");
}

}  // namespace
}  // namespace cordon
