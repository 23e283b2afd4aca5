#include "lists/uk_ofsi/xlsx_reader.h"

#include <gtest/gtest.h>

#include "lists/uk_ofsi/xlsx_fixture.h"

namespace cordon {
namespace {

const char kNs[] = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";

struct Collected {
  std::vector<XlsxRow> rows;
  Status status;
};

Collected Read(const std::string& bytes, const XlsxReadOptions& options = {}) {
  Collected c;
  c.status = ReadXlsxFirstSheet(
      bytes, "test.xlsx",
      [&c](const XlsxRow& row) {
        c.rows.push_back(row);
        return Status::Ok();
      },
      options);
  return c;
}

TEST(XlsxReader, CellKindsAndGaps) {
  std::string shared = std::string("<sst ") + kNs +
                       "><si><t>alpha</t></si>"
                       "<si><r><t>be</t></r><r><t xml:space=\"preserve\">ta </t></r>"
                       "<rPh><t>IGNORED</t></rPh></si><si><t>&amp;&lt;</t></si></sst>";
  std::string sheet = std::string("<worksheet ") + kNs +
                      "><sheetData>"
                      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>1</v></c></row>"
                      "<row r=\"3\"><c r=\"B3\"><v>14196</v></c><c r=\"D3\" t=\"inlineStr\"><is>"
                      "<t>inline</t></is></c><c t=\"b\"><v>1</v></c><c r=\"AA3\" t=\"s\"><v>2</v></c>"
                      "</row><row><c t=\"str\"><f>A1</f><v>formula text</v></c></row>"
                      "</sheetData></worksheet>";
  ZipMembers m = MakeWorkbook(sheet);
  m.push_back({"xl/sharedStrings.xml", shared});
  Collected c = Read(MakeZip(m));
  ASSERT_TRUE(c.status.ok()) << c.status.ToString();
  ASSERT_EQ(c.rows.size(), 3u);
  EXPECT_EQ(c.rows[0].number, 1);
  EXPECT_EQ(c.rows[0].cells, (std::vector<std::string>{"alpha", "", "beta "}));
  EXPECT_EQ(c.rows[1].number, 3);
  ASSERT_EQ(c.rows[1].cells.size(), 27u);
  EXPECT_EQ(c.rows[1].cells[0], "");
  EXPECT_EQ(c.rows[1].cells[1], "14196");
  EXPECT_EQ(c.rows[1].cells[3], "inline");
  EXPECT_EQ(c.rows[1].cells[4], "TRUE");  // no reference: follows D3
  EXPECT_EQ(c.rows[1].cells[26], "&<");
  EXPECT_EQ(c.rows[2].number, 4);
  EXPECT_EQ(c.rows[2].cells, std::vector<std::string>{"formula text"});
}

TEST(XlsxReader, FindsSheetThroughRelationshipsAndPrefixes) {
  std::string sheet = "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                      "<x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>hi</x:t>"
                      "</x:is></x:c></x:row></x:sheetData></x:worksheet>";
  ZipMembers m = {
      {"xl/workbook.xml",
       "<workbook xmlns:rel=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
       "<sheets><sheet name=\"S\" sheetId=\"7\" rel:id=\"rId9\"/><sheet name=\"T\" rel:id=\"rId1\"/>"
       "</sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
       "<Relationship Id=\"rId9\" Target=\"/xl/worksheets/../worksheets/data.xml\"/></Relationships>"},
      {"xl/worksheets/sheet1.xml", MakeSheetXml({{"wrong sheet"}})},
      {"xl/worksheets/data.xml", sheet},
  };
  Collected c = Read(MakeZip(m));
  ASSERT_TRUE(c.status.ok()) << c.status.ToString();
  ASSERT_EQ(c.rows.size(), 1u);
  EXPECT_EQ(c.rows[0].cells[0], "hi");
}

TEST(XlsxReader, FallsBackToSheet1WithoutWorkbook) {
  Collected c = Read(MakeZip({{"xl/worksheets/sheet1.xml", MakeSheetXml({{"a", "", "c"}})}}));
  ASSERT_TRUE(c.status.ok()) << c.status.ToString();
  ASSERT_EQ(c.rows.size(), 1u);
  EXPECT_EQ(c.rows[0].cells, (std::vector<std::string>{"a", "", "c"}));
}

TEST(XlsxReader, ZipWithoutWorksheet) {
  ZipMembers m = MakeWorkbook("");
  m.pop_back();  // drop the sheet
  Collected c = Read(MakeZip(m));
  EXPECT_EQ(c.status.code(), StatusCode::kDataError);
  EXPECT_EQ(c.status.location().file, "test.xlsx");
  EXPECT_NE(c.status.message().find("no worksheet"), std::string::npos);
}

TEST(XlsxReader, NotAZip) {
  for (const std::string& bytes : {std::string(), std::string("PK\x03\x04garbage"),
                                   std::string("hello world, not a zip at all")}) {
    Collected c = Read(bytes);
    EXPECT_EQ(c.status.code(), StatusCode::kIoError);
    EXPECT_EQ(c.status.location().file, "test.xlsx");
  }
}

TEST(XlsxReader, TruncatedZip) {
  std::string zip = MakeZip(MakeWorkbook(MakeSheetXml({{"a"}, {"b"}})));
  Collected c = Read(zip.substr(0, zip.size() / 2));
  EXPECT_EQ(c.status.code(), StatusCode::kIoError);
  EXPECT_NE(c.status.message().find("truncated"), std::string::npos);
}

TEST(XlsxReader, CorruptMemberData) {
  std::string sheet = MakeSheetXml({{std::string(5000, 'x')}});
  std::string zip = MakeZip(MakeWorkbook(sheet));
  // Flip bytes in the middle of the compressed sheet (the last member).
  size_t pos = zip.rfind("xl/worksheets/sheet1.xml");
  pos = zip.rfind("xl/worksheets/sheet1.xml", pos - 1);  // local header, before the directory
  ASSERT_NE(pos, std::string::npos);
  for (size_t i = pos + 40; i < pos + 60 && i < zip.size(); ++i) zip[i] = static_cast<char>(zip[i] ^ 0x5a);
  Collected c = Read(zip);
  EXPECT_FALSE(c.status.ok());
  EXPECT_EQ(c.status.location().file, "test.xlsx");
}

TEST(XlsxReader, RefusesDoctypeAndEntities) {
  std::string bomb =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
      "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
      "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData>"
      "</worksheet>";
  Collected c = Read(MakeZip(MakeWorkbook(bomb)));
  EXPECT_EQ(c.status.code(), StatusCode::kDataError);
  EXPECT_EQ(c.status.location().field, "xl/worksheets/sheet1.xml");
  EXPECT_NE(c.status.message().find("DOCTYPE"), std::string::npos);
  EXPECT_TRUE(c.rows.empty());
}

TEST(XlsxReader, MemberSizeLimit) {
  std::string sheet = MakeSheetXml({{std::string(100000, 'z')}});
  std::string zip = MakeZip(MakeWorkbook(sheet));
  XlsxReadOptions options;
  options.max_member_bytes = 50000;
  Collected c = Read(zip, options);
  EXPECT_EQ(c.status.code(), StatusCode::kDataError);
  EXPECT_EQ(c.status.location().field, "xl/worksheets/sheet1.xml");
  options.max_member_bytes = 200000;
  EXPECT_TRUE(Read(zip, options).status.ok());
}

TEST(XlsxReader, BadCellsAndXml) {
  auto sheet_with = [](const std::string& cells) {
    return std::string("<worksheet><sheetData><row r=\"5\">") + cells + "</row></sheetData></worksheet>";
  };
  Collected c = Read(MakeZip(MakeWorkbook(sheet_with("<c r=\"A5\" t=\"s\"><v>3</v></c>"))));
  EXPECT_EQ(c.status.code(), StatusCode::kDataError);
  EXPECT_EQ(c.status.location().line, 5);
  EXPECT_EQ(c.status.location().field, "A5");

  c = Read(MakeZip(MakeWorkbook(sheet_with("<c r=\"5A\"><v>1</v></c>"))));
  EXPECT_EQ(c.status.code(), StatusCode::kDataError);
  EXPECT_NE(c.status.message().find("cell reference"), std::string::npos);

  c = Read(MakeZip(MakeWorkbook(sheet_with("<c r=\"ZZZZ5\"><v>1</v></c>"))));
  EXPECT_EQ(c.status.code(), StatusCode::kDataError);

  c = Read(MakeZip(MakeWorkbook("<worksheet><sheetData><row><c>")));
  EXPECT_EQ(c.status.code(), StatusCode::kDataError);
  EXPECT_NE(c.status.message().find("malformed XML"), std::string::npos);
  EXPECT_EQ(c.status.location().field, "xl/worksheets/sheet1.xml");

  c = Read(MakeZip(MakeWorkbook("<worksheet>\xff\xfe</worksheet>")));
  EXPECT_EQ(c.status.code(), StatusCode::kDataError);
}

TEST(XlsxReader, CallbackErrorStopsReading) {
  std::string zip = MakeZip(MakeWorkbook(MakeSheetXml({{"a"}, {"b"}, {"c"}})));
  int calls = 0;
  Status s = ReadXlsxFirstSheet(zip, "t.xlsx", [&calls](const XlsxRow& row) {
    ++calls;
    return row.number == 2 ? Status::DataError("stop here", {"t.xlsx", row.number, "X"}) : Status::Ok();
  });
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(s.message(), "stop here");
}

}  // namespace
}  // namespace cordon
