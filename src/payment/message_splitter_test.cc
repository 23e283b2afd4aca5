#include "payment/message_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cordon {
namespace {

struct Collected {
  std::vector<std::string> texts;
  std::vector<int64_t> lines;
  std::vector<bool> too_large;
};

Status Split(PaymentFormat format, const std::string& input, size_t piece, size_t max_bytes, Collected* out) {
  MessageSplitter splitter(format, max_bytes, [out](const RawMessage& m) {
    out->texts.emplace_back(m.text);
    out->lines.push_back(m.line);
    out->too_large.push_back(m.too_large);
  });
  for (size_t pos = 0; pos < input.size(); pos += piece) {
    if (Status s = splitter.Feed(std::string_view(input).substr(pos, piece)); !s.ok()) return s;
  }
  return splitter.Finish();
}

const char kTwoDocs[] =
    "<?xml version=\"1.0\"?>\n<Env>\n<ns:Document xmlns:ns=\"x\"><a>1</a></ns:Document>\n"
    "<!-- </Document> in a comment -->\n<Document>\n<b/>\n</Document>\n</Env>\n";

TEST(MessageSplitterTest, XmlDocumentsWithAnyPrefixInAnyPieces) {
  for (size_t piece : {size_t{1}, size_t{3}, size_t{7}, size_t{4096}}) {
    Collected c;
    ASSERT_TRUE(Split(PaymentFormat::kPacs008, kTwoDocs, piece, 1 << 20, &c).ok()) << piece;
    ASSERT_EQ(c.texts.size(), 2u) << piece;
    EXPECT_EQ(c.texts[0], "<ns:Document xmlns:ns=\"x\"><a>1</a></ns:Document>");
    EXPECT_EQ(c.texts[1], "<Document>\n<b/>\n</Document>");
    EXPECT_EQ(c.lines, (std::vector<int64_t>{3, 5})) << piece;
  }
}

TEST(MessageSplitterTest, DoctypeOutsideMessagesRefusesTheInput) {
  Collected c;
  Status s =
      Split(PaymentFormat::kPacs008,
            "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">]>\n<Document/>", 5, 1 << 20, &c);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.location().line, 2);
}

TEST(MessageSplitterTest, OversizeMessageIsReportedAndTheNextOneStillComes) {
  std::string big = "<Document>" + std::string(5000, 'x') + "</Document>\n<Document>ok</Document>";
  for (size_t piece : {size_t{10}, size_t{100000}}) {
    Collected c;
    ASSERT_TRUE(Split(PaymentFormat::kPacs008, big, piece, 1000, &c).ok());
    ASSERT_EQ(c.texts.size(), 2u);
    EXPECT_TRUE(c.too_large[0]);
    EXPECT_FALSE(c.too_large[1]);
    EXPECT_EQ(c.texts[1], "<Document>ok</Document>");
    EXPECT_EQ(c.lines[1], 2);
  }
}

TEST(MessageSplitterTest, MtMessagesStartAtBlockOne) {
  std::string mt = "{1:F01AAAABBCCXXX0000000000}{4:\n:20:A\n-}\n{1:F01AAAABBCCXXX0000000000}{4:\n:20:B\n-}";
  Collected c;
  ASSERT_TRUE(Split(PaymentFormat::kMt103, mt, 4, 1 << 20, &c).ok());
  ASSERT_EQ(c.texts.size(), 2u);
  EXPECT_EQ(c.texts[0].rfind("{1:", 0), 0u);
  EXPECT_NE(c.texts[0].find(":20:A"), std::string::npos);
  EXPECT_NE(c.texts[1].find(":20:B"), std::string::npos);
  EXPECT_EQ(c.lines, (std::vector<int64_t>{1, 4}));
}

TEST(MessageSplitterTest, NothingToSplitIsAnError) {
  Collected c;
  EXPECT_EQ(Split(PaymentFormat::kPacs008, "<Other>text</Other>", 4, 100, &c).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(Split(PaymentFormat::kMt103, "random words", 4, 100, &c).code(), StatusCode::kInvalidArgument);
}

TEST(DetectPaymentFormatTest, ByFirstBytes) {
  EXPECT_EQ(DetectPaymentFormat("\xEF\xBB\xBF  <?xml"), PaymentFormat::kPacs008);
  EXPECT_EQ(DetectPaymentFormat("\n{1:F01"), PaymentFormat::kMt103);
  EXPECT_EQ(DetectPaymentFormat(":20:REF"), PaymentFormat::kMt103);
  EXPECT_EQ(DetectPaymentFormat("\x7F"
                                "ELF"),
            PaymentFormat::kAuto);
  EXPECT_EQ(DetectPaymentFormat(""), PaymentFormat::kAuto);
}

}  // namespace
}  // namespace cordon
