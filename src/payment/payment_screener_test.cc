#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cordon/payment.h"
#include "text/test_engine.h"

namespace cordon {
namespace {

class PaymentScreenerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    engine_ = MakeTestEngine().release();
    ASSERT_NE(engine_, nullptr);
    screener_ = PaymentScreener::Create(*engine_).value().release();
  }
  static void TearDownTestSuite() {
    delete screener_;
    delete engine_;
  }
  static Engine* engine_;
  static PaymentScreener* screener_;
};
Engine* PaymentScreenerTest::engine_ = nullptr;
PaymentScreener* PaymentScreenerTest::screener_ = nullptr;

std::string Doc(const std::string& id, const std::string& cdtr, const std::string& extra = "") {
  return "<Document><FIToFICstmrCdtTrf><GrpHdr><MsgId>" + id +
         "</MsgId></GrpHdr><CdtTrfTxInf><Dbtr><Nm>Hans Mueller</Nm></Dbtr>\n<Cdtr><Nm>" + cdtr +
         "</Nm><PstlAdr><TwnNm>Pyongyang</TwnNm><Ctry>KP</Ctry></PstlAdr></Cdtr>" + extra +
         "<RmtInf><Ustrd>goods for Vladimir Putin via "
         "Nampo</Ustrd></RmtInf></CdtTrfTxInf></FIToFICstmrCdtTrf>"
         "</Document>\n";
}

const PaymentHit* FindHit(const PaymentMessageReport& m, const std::string& field) {
  for (const auto& h : m.hits) {
    if (h.field == field) return &h;
  }
  return nullptr;
}

TEST_F(PaymentScreenerTest, Pacs008PartiesPlacesAndFreeText) {
  auto r = screener_->Screen(Doc("M1", "KIM JONG UN"), {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->messages.size(), 1u);
  const PaymentMessageReport& m = r->messages[0];
  EXPECT_TRUE(m.status.ok());
  EXPECT_EQ(m.reference, "M1");
  const PaymentHit* cdtr = FindHit(m, "Cdtr/Nm");
  ASSERT_NE(cdtr, nullptr);
  ASSERT_FALSE(cdtr->matches.empty());
  EXPECT_EQ(cdtr->matches[0].entity->source_id, "2");
  EXPECT_EQ(cdtr->transaction, 1);
  const PaymentHit* ctry = FindHit(m, "Cdtr/PstlAdr/Ctry");
  ASSERT_NE(ctry, nullptr);
  EXPECT_EQ(ctry->jurisdictions.at(0).code, "KP");
  ASSERT_NE(FindHit(m, "Cdtr/PstlAdr/TwnNm"), nullptr);
  const PaymentHit* rmt = FindHit(m, "RmtInf/Ustrd");
  ASSERT_NE(rmt, nullptr);
  ASSERT_EQ(rmt->mentions.size(), 1u);
  EXPECT_EQ(rmt->mentions[0].text, "Vladimir Putin");
  EXPECT_EQ(rmt->jurisdictions.at(0).text, "Nampo");
  EXPECT_EQ(FindHit(m, "Dbtr/Nm"), nullptr);  // Hans Mueller is nobody listed
  EXPECT_EQ(r->messages_with_hits, 1u);
  ASSERT_EQ(r->list_versions.size(), 1u);
}

TEST_F(PaymentScreenerTest, MalformedMessageDoesNotStopTheOthers) {
  std::string file =
      Doc("M1", "Anna Schmidt") + "<Document><FIToFICstmrCdtTrf><GrpHdr><MsgId>M2</MsgId>\n<oops>" +
      "</Document>\n" +
      Doc("M3", "Wise Honest", "<CdtrAgt><FinInstnId><BICFI>BAD</BICFI></FinInstnId></CdtrAgt>") +
      Doc("M4", "Kim Jong Un");
  auto r = screener_->Screen(file, {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->messages.size(), 4u);
  EXPECT_TRUE(r->messages[0].status.ok());
  EXPECT_FALSE(r->messages[1].status.ok());
  EXPECT_EQ(r->messages[1].index, 2u);
  EXPECT_EQ(r->messages[1].line, 3);
  EXPECT_NE(r->messages[1].status.message().find("message 2"), std::string::npos);
  EXPECT_TRUE(r->messages[1].hits.empty());
  // A semantic error still screens the message's parties.
  EXPECT_EQ(r->messages[2].status.location().field, "CdtTrfTxInf[1]/CdtrAgt/FinInstnId/BICFI");
  EXPECT_NE(FindHit(r->messages[2], "Cdtr/Nm"), nullptr);
  EXPECT_NE(FindHit(r->messages[3], "Cdtr/Nm"), nullptr);
  EXPECT_EQ(r->messages_failed, 2u);
}

TEST_F(PaymentScreenerTest, Mt103HitsNameTheTag) {
  std::string mt =
      "{1:F01DEUTDEFFAXXX0000000000}{2:I103KKBCKPPYXXXXN}{4:\n:20:R1\n:23B:CRED\n:32A:261125EUR1,00\n"
      ":50K:ANNA SCHMIDT\n:59:/1\nKOREA KWANGSON BANKING CORP\n:72:/BNF/VESSEL WISE HONEST\n-}\n";
  auto r = screener_->Screen(mt + mt, {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->messages.size(), 2u);
  const auto& m = r->messages[1];
  EXPECT_EQ(m.format, PaymentFormat::kMt103);
  EXPECT_EQ(m.line, 10);
  ASSERT_NE(FindHit(m, ":59:"), nullptr);
  EXPECT_EQ(FindHit(m, ":59:")->matches.at(0).entity->source_id, "5");
  ASSERT_NE(FindHit(m, ":72:"), nullptr);
  EXPECT_EQ(FindHit(m, ":72:")->mentions.at(0).text, "WISE HONEST");
  ASSERT_NE(FindHit(m, "{2:}"), nullptr);
  EXPECT_EQ(FindHit(m, "{2:}")->jurisdictions.at(0).code, "KP");
  EXPECT_EQ(FindHit(m, ":50K:"), nullptr);
}

TEST_F(PaymentScreenerTest, WholeInputErrors) {
  EXPECT_EQ(screener_
                ->Screen("\x7F"
                         "ELF\x01\x02 binary",
                         {})
                .status()
                .code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(screener_->Screen("", {}).status().code(), StatusCode::kInvalidArgument);
  auto doctype = screener_->Screen("<!DOCTYPE x [<!ENTITY a \"b\">]><Document/>", {});
  EXPECT_EQ(doctype.status().code(), StatusCode::kInvalidArgument);
  PaymentOptions small;
  small.max_bytes = 10;
  EXPECT_EQ(screener_->Screen(Doc("M1", "X"), small).status().code(), StatusCode::kInvalidArgument);
  PaymentOptions bad;
  bad.threshold = -1;
  EXPECT_EQ(screener_->Screen(Doc("M1", "X"), bad).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(PaymentScreenerTest, OversizeMessageIsReportedAndSkipped) {
  PaymentOptions options;
  options.max_message_bytes = 600;
  std::string big =
      Doc("M1", "Kim Jong Un", "<RmtInf><Ustrd>" + std::string(2000, 'x') + "</Ustrd></RmtInf>");
  auto r = screener_->Screen(big + Doc("M2", "Kim Jong Un"), options);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->messages.size(), 2u);
  EXPECT_FALSE(r->messages[0].status.ok());
  EXPECT_NE(r->messages[0].status.message().find("larger than"), std::string::npos);
  EXPECT_TRUE(r->messages[1].status.ok());
  EXPECT_FALSE(r->messages[1].hits.empty());
}

TEST_F(PaymentScreenerTest, ScreenFileStreamsAndNamesTheFile) {
  std::string path = ::testing::TempDir() + "/cordon_payments.xml";
  {
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < 300; ++i)
      out << Doc("M" + std::to_string(i), i % 100 == 7 ? "Kim Jong Un" : "Anna Schmidt");
    out << "<Document><broken>\n</Document>\n";
  }
  size_t count = 0, with_matches = 0;
  std::string error_file;
  PaymentReport summary;
  Status s = screener_->ScreenFile(
      path, {},
      [&](PaymentMessageReport&& m) {
        ++count;
        if (FindHit(m, "Cdtr/Nm") != nullptr) ++with_matches;
        if (!m.status.ok()) error_file = m.status.location().file;
      },
      &summary);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(count, 301u);
  EXPECT_EQ(with_matches, 3u);
  EXPECT_EQ(error_file, path);
  EXPECT_EQ(summary.messages_failed, 1u);
  EXPECT_TRUE(summary.messages.empty());
  std::filesystem::remove(path);
  EXPECT_EQ(screener_
                ->ScreenFile(
                    "/nonexistent.xml", {}, [](PaymentMessageReport&&) {}, nullptr)
                .code(),
            StatusCode::kNotFound);
}

TEST_F(PaymentScreenerTest, ConvenienceFunction) {
  auto r = ScreenPayments(*engine_, Doc("M1", "Kim Jong Un"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->messages_with_hits, 1u);
}

}  // namespace
}  // namespace cordon
