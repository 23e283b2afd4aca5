#include "payment/pacs008_parser.h"

#include <gtest/gtest.h>

#include <string>

namespace cordon {
namespace {

std::string Doc(const std::string& transactions, const std::string& header = "<MsgId>M1</MsgId>") {
  return "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\"><FIToFICstmrCdtTrf><GrpHdr>" +
         header + "</GrpHdr>" + transactions + "</FIToFICstmrCdtTrf></Document>";
}

const char kTx[] =
    "<CdtTrfTxInf><PmtId><EndToEndId>E1</EndToEndId></PmtId>"
    "<IntrBkSttlmAmt Ccy=\"EUR\">10.50</IntrBkSttlmAmt>\n"
    "<Dbtr><Nm>Hans Mueller</Nm><PstlAdr><TwnNm>Berlin</TwnNm><Ctry>DE</Ctry><AdrLine>Str "
    "1</AdrLine></PstlAdr></Dbtr>\n"
    "<DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct>"
    "<CdtrAgt><FinInstnId><BICFI>KKBCKPPY</BICFI><Nm>Korea Kwangson Banking Corp</Nm></FinInstnId></CdtrAgt>"
    "<Cdtr><Nm>Kim Jong Un</Nm><CtryOfRes>KP</CtryOfRes></Cdtr>"
    "<UltmtCdtr><Nm>Wise Honest</Nm></UltmtCdtr>"
    "<RmtInf><Ustrd>via Nampo</Ustrd></RmtInf></CdtTrfTxInf>";

std::vector<std::string> Paths(const ParsedPayment& p) {
  std::vector<std::string> out;
  for (const auto& f : p.fields) {
    out.push_back(std::to_string(f.transaction) + ":" + f.path + "=" + f.value + "/" +
                  std::string(FieldKindName(f.kind)));
  }
  return out;
}

TEST(Pacs008ParserTest, EveryScreenedFieldWithItsPath) {
  ParsedPayment p = ParsePacs008(Doc(kTx));
  ASSERT_TRUE(p.status.ok()) << p.status.ToString();
  EXPECT_EQ(p.reference, "M1");
  EXPECT_EQ(p.transactions, 1u);
  EXPECT_EQ(Paths(p),
            (std::vector<std::string>{
                "1:Dbtr/Nm=Hans Mueller/party", "1:Dbtr/PstlAdr/TwnNm=Berlin/town",
                "1:Dbtr/PstlAdr/Ctry=DE/country", "1:Dbtr/PstlAdr/AdrLine=Str 1/free_text",
                "1:DbtrAcct/Id/IBAN=DE89370400440532013000/iban", "1:CdtrAgt/FinInstnId/BICFI=KKBCKPPY/bic",
                "1:CdtrAgt/FinInstnId/Nm=Korea Kwangson Banking Corp/party", "1:Cdtr/Nm=Kim Jong Un/party",
                "1:Cdtr/CtryOfRes=KP/country", "1:UltmtCdtr/Nm=Wise Honest/party",
                "1:RmtInf/Ustrd=via Nampo/free_text"}));
  EXPECT_EQ(p.fields[1].line, 2);
}

TEST(Pacs008ParserTest, SeveralTransactionsAreNumbered) {
  ParsedPayment p = ParsePacs008(Doc(std::string(kTx) + kTx));
  ASSERT_TRUE(p.status.ok());
  EXPECT_EQ(p.transactions, 2u);
  EXPECT_EQ(p.fields.back().transaction, 2);
}

TEST(Pacs008ParserTest, SemanticErrorsNameTheFieldAndKeepTheFields) {
  std::string tx = kTx;
  tx.replace(tx.find("KKBCKPPY"), 8, "KKBC1");
  ParsedPayment p = ParsePacs008(Doc(tx));
  ASSERT_FALSE(p.status.ok());
  EXPECT_EQ(p.status.location().field, "CdtTrfTxInf[1]/CdtrAgt/FinInstnId/BICFI");
  EXPECT_FALSE(p.fields.empty());

  ParsedPayment no_cdtr = ParsePacs008(Doc("<CdtTrfTxInf><Dbtr><Nm>A</Nm></Dbtr></CdtTrfTxInf>"));
  EXPECT_EQ(no_cdtr.status.location().field, "CdtTrfTxInf[1]/Cdtr");
  ParsedPayment bad_ctry =
      ParsePacs008(Doc("<CdtTrfTxInf><Dbtr><PstlAdr><Ctry>Korea</Ctry></PstlAdr></Dbtr>"
                       "<Cdtr/></CdtTrfTxInf>"));
  EXPECT_EQ(bad_ctry.status.location().field, "CdtTrfTxInf[1]/Dbtr/PstlAdr/Ctry");
  ParsedPayment bad_amount =
      ParsePacs008(Doc("<CdtTrfTxInf><IntrBkSttlmAmt>1,5</IntrBkSttlmAmt><Dbtr/><Cdtr/></CdtTrfTxInf>"));
  EXPECT_EQ(bad_amount.status.location().field, "CdtTrfTxInf[1]/IntrBkSttlmAmt");
  EXPECT_EQ(ParsePacs008(Doc(kTx, "<NbOfTxs>1</NbOfTxs>")).status.location().field, "GrpHdr/MsgId");
  EXPECT_EQ(ParsePacs008(Doc("")).status.location().field, "CdtTrfTxInf");
}

TEST(Pacs008ParserTest, OtherMessagesAreRefused) {
  ParsedPayment p = ParsePacs008("<Document><FIToFIPmtStsRpt/></Document>");
  ASSERT_FALSE(p.status.ok());
  EXPECT_NE(p.status.message().find("FIToFICstmrCdtTrf"), std::string::npos);
  EXPECT_FALSE(ParsePacs008("<Other/>").status.ok());
}

TEST(Pacs008ParserTest, HostileXmlIsAnErrorNotAnExpansion) {
  std::string laughs =
      "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
      "<Document><FIToFICstmrCdtTrf><GrpHdr><MsgId>&lol2;</MsgId></GrpHdr></FIToFICstmrCdtTrf></Document>";
  ParsedPayment p = ParsePacs008(laughs);
  ASSERT_FALSE(p.status.ok());
  EXPECT_TRUE(p.fields.empty());
  EXPECT_NE(p.status.message().find("DOCTYPE"), std::string::npos) << p.status.message();

  ParsedPayment undefined = ParsePacs008(Doc(kTx, "<MsgId>&xxe;</MsgId>"));
  ASSERT_FALSE(undefined.status.ok());
  EXPECT_NE(undefined.status.message().find("malformed XML"), std::string::npos);

  std::string deep = "<Document><FIToFICstmrCdtTrf>";
  for (int i = 0; i < 200; ++i) deep += "<a>";
  ParsedPayment too_deep = ParsePacs008(deep);
  ASSERT_FALSE(too_deep.status.ok());
  EXPECT_NE(too_deep.status.message().find("deeper"), std::string::npos);

  ParsedPayment truncated = ParsePacs008(Doc(kTx).substr(0, 300));
  EXPECT_FALSE(truncated.status.ok());
  EXPECT_TRUE(truncated.fields.empty());
}

TEST(IsValidBicTest, Shapes) {
  EXPECT_TRUE(IsValidBic("DEUTDEFF"));
  EXPECT_TRUE(IsValidBic("DEUTDEFF500"));
  EXPECT_FALSE(IsValidBic("DEUTDEF"));
  EXPECT_FALSE(IsValidBic("DEU1DEFF"));
  EXPECT_FALSE(IsValidBic("deutdeff"));
}

}  // namespace
}  // namespace cordon
