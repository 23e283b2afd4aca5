#include "lists/un/xml_record_reader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace cordon {
namespace {

std::vector<XmlNode> ReadAll(std::string_view xml, Status* st, XmlDocumentInfo* info = nullptr,
                             const XmlLimits& limits = {}) {
  std::vector<XmlNode> records;
  *st = ReadXmlRecords(
      xml, "t.xml", {"R"}, [&](const XmlNode& r) { records.push_back(r); }, info, limits);
  return records;
}

TEST(XmlRecordReader, DeliversRecordsWithChildrenAndRootAttributes) {
  std::string xml =
      "<?xml version=\"1.0\"?>\n"
      "<ROOT a=\"1\" b=\"two\">\n"
      "  <R><N>  x  y\n z </N><L><VALUE>v1</VALUE><VALUE>v2</VALUE></L><E/></R>\n"
      "  <OTHER><R><N>nested</N></R></OTHER>\n"
      "</ROOT>\n";
  Status st;
  XmlDocumentInfo info;
  std::vector<XmlNode> recs = ReadAll(xml, &st, &info);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(info.root_name, "ROOT");
  ASSERT_EQ(info.root_attributes.size(), 2u);
  EXPECT_EQ(info.root_attributes[1].second, "two");
  EXPECT_EQ(info.records, 2u);
  EXPECT_EQ(recs[0].line, 3);
  EXPECT_EQ(recs[0].ChildText("N"), "x y z");
  EXPECT_EQ(recs[0].ChildText("E"), "");
  EXPECT_EQ(recs[0].ChildText("MISSING"), "");
  ASSERT_NE(recs[0].Child("L"), nullptr);
  ASSERT_EQ(recs[0].Child("L")->children.size(), 2u);
  EXPECT_EQ(recs[0].Child("L")->children[1].text, "v2");
  EXPECT_EQ(recs[1].ChildText("N"), "nested");
}

TEST(XmlRecordReader, DecodesCharacterReferencesAndCdata) {
  Status st;
  auto recs = ReadAll("<X><R><N>A &amp; B &#x0644; <![CDATA[<c>]]></N></R></X>", &st);
  ASSERT_TRUE(st.ok());
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].ChildText("N"), "A & B \xD9\x84 <c>");
}

TEST(XmlRecordReader, MalformedXmlNamesLineAndElement) {
  Status st;
  ReadAll("<X>\n<R>\n<N>abc</M>\n</R></X>", &st);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  EXPECT_EQ(st.location().file, "t.xml");
  EXPECT_EQ(st.location().line, 3);
  EXPECT_EQ(st.location().field, "N");
  EXPECT_NE(st.message().find("mismatched tag"), std::string::npos) << st.message();
}

TEST(XmlRecordReader, TruncatedDocumentIsAnError) {
  Status st;
  ReadAll("<X><R><N>abc</N></R><R><N>ab", &st);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  EXPECT_EQ(st.location().field, "N");
}

TEST(XmlRecordReader, EmptyAndGarbageInputAreErrors) {
  Status st;
  ReadAll("", &st);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  ReadAll(std::string("\x00\xff\xfe garbage", 12), &st);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  ReadAll("<X><R>\xC3\x28</R></X>", &st);  // invalid UTF-8
  EXPECT_EQ(st.code(), StatusCode::kDataError);
}

TEST(XmlRecordReader, RejectsBillionLaughsQuickly) {
  std::string xml =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE lolz [\n"
      " <!ENTITY lol \"lol\">\n"
      " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
      " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
      " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
      " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
      " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
      " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
      " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
      " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
      " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
      "]>\n"
      "<X><R><N>&lol9;</N></R></X>\n";
  Status st;
  auto start = std::chrono::steady_clock::now();
  auto recs = ReadAll(xml, &st);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  EXPECT_NE(st.message().find("DOCTYPE"), std::string::npos) << st.message();
  EXPECT_EQ(st.location().line, 2);
  EXPECT_TRUE(recs.empty());
  EXPECT_LT(elapsed, std::chrono::milliseconds(200));
}

TEST(XmlRecordReader, RejectsExternalEntities) {
  Status st;
  ReadAll("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><X><R><N>&e;</N></R></X>", &st);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  // An undeclared entity without a DOCTYPE is plain malformed XML.
  ReadAll("<X><R><N>&e;</N></R></X>", &st);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  EXPECT_EQ(st.location().field, "N");
}

TEST(XmlRecordReader, RejectsDeepNestingQuickly) {
  std::string xml;
  for (int i = 0; i < 100000; ++i) xml += "<a>";
  Status st;
  auto start = std::chrono::steady_clock::now();
  ReadAll(xml, &st);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  EXPECT_NE(st.message().find("nested deeper than 64"), std::string::npos) << st.message();
  EXPECT_EQ(st.location().field, "a");
  EXPECT_LT(elapsed, std::chrono::milliseconds(200));
}

TEST(XmlRecordReader, DepthLimitIsExact) {
  std::string ok, too_deep;
  for (int i = 0; i < 64; ++i) ok += "<a>";
  for (int i = 0; i < 64; ++i) ok += "</a>";
  Status st;
  ReadAll(ok, &st);
  EXPECT_TRUE(st.ok()) << st.ToString();
  too_deep = "<b>" + ok + "</b>";
  ReadAll(too_deep, &st);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
}

TEST(XmlRecordReader, TextAndElementLimits) {
  XmlLimits limits;
  limits.max_text_bytes = 10;
  limits.max_record_elements = 3;
  Status st;
  ReadAll("<X><R><N>0123456789AB</N></R></X>", &st, nullptr, limits);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  EXPECT_EQ(st.location().field, "N");
  ReadAll("<X><R><N/><N/><N/></R></X>", &st, nullptr, limits);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  ReadAll("<X><R><N/><N/></R><R><N/><N/></R></X>", &st, nullptr, limits);
  EXPECT_TRUE(st.ok()) << st.ToString();
}

TEST(CollapseWhitespace, TrimsAndCollapses) {
  EXPECT_EQ(CollapseWhitespace("  a \n\t b  "), "a b");
  EXPECT_EQ(CollapseWhitespace(" \n "), "");
  EXPECT_EQ(CollapseWhitespace("x"), "x");
}

}  // namespace
}  // namespace cordon
