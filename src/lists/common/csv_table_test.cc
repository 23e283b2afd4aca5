#include "lists/common/csv_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cordon {
namespace {

TEST(CsvTable, LooksColumnsUpByTrimmedHeaderName) {
  std::string data = "id, name ,extra\n1,  Anna ,x\n2,Ben,\n";
  CsvTable t(data, "people.csv");
  ASSERT_TRUE(t.Open({"name", "id"}).ok());
  std::vector<LoadIssue> skipped;
  ASSERT_TRUE(t.Next(&skipped));
  EXPECT_EQ(t.Get("id"), "1");
  EXPECT_EQ(t.Get("name"), "Anna");
  EXPECT_EQ(t.Get("missing"), "");
  EXPECT_EQ(t.line(), 2);
  EXPECT_EQ(t.text(), "1,  Anna ,x");
  EXPECT_EQ(t.path(), "people.csv");
  ASSERT_TRUE(t.Next(&skipped));
  EXPECT_EQ(t.Get("name"), "Ben");
  EXPECT_EQ(t.Get("extra"), "");
  EXPECT_EQ(t.line(), 3);
  EXPECT_FALSE(t.Next(&skipped));
  EXPECT_TRUE(t.status().ok());
  EXPECT_TRUE(skipped.empty());
}

TEST(CsvTable, FirstOfRepeatedColumnsWins) {
  std::string data = "id,id\na,b\n";
  CsvTable t(data, "twice.csv");
  ASSERT_TRUE(t.Open({"id"}).ok());
  std::vector<LoadIssue> skipped;
  ASSERT_TRUE(t.Next(&skipped));
  EXPECT_EQ(t.Get("id"), "a");
}

TEST(CsvTable, MissingRequiredColumnNamesFileLineAndField) {
  std::string data = "id,full_name\n1,Anna\n";
  CsvTable t(data, "dir/names.csv");
  Status s = t.Open({"id", "name_type", "other"});
  EXPECT_EQ(s.code(), StatusCode::kDataError);
  EXPECT_EQ(s.message(), "header lacks required column");
  EXPECT_EQ(s.location().file, "dir/names.csv");
  EXPECT_EQ(s.location().line, 1);
  EXPECT_EQ(s.location().field, "name_type");
}

TEST(CsvTable, EmptyFileIsADataError) {
  CsvTable t("\n\n", "empty.csv");
  Status s = t.Open({});
  EXPECT_EQ(s.code(), StatusCode::kDataError);
  EXPECT_EQ(s.message(), "empty file: no header row");
  EXPECT_EQ(s.location().file, "empty.csv");
  EXPECT_EQ(s.location().line, 1);
}

TEST(CsvTable, WrongFieldCountIsSkippedWithItsLine) {
  std::string data = "a,b\n1,2\n1,2,3\nx\n4,5\n";
  CsvTable t(data, "t.csv");
  ASSERT_TRUE(t.Open({"a"}).ok());
  std::vector<LoadIssue> skipped;
  ASSERT_TRUE(t.Next(&skipped));
  EXPECT_EQ(t.Get("a"), "1");
  ASSERT_TRUE(t.Next(&skipped));
  EXPECT_EQ(t.Get("a"), "4");
  EXPECT_EQ(t.line(), 5);
  EXPECT_FALSE(t.Next(&skipped));
  ASSERT_EQ(skipped.size(), 2u);
  EXPECT_EQ(skipped[0].file, "t.csv");
  EXPECT_EQ(skipped[0].line, 3);
  EXPECT_EQ(skipped[0].field, "");
  EXPECT_EQ(skipped[0].message, "expected 2 fields, found 3");
  EXPECT_EQ(skipped[1].line, 4);
  EXPECT_EQ(skipped[1].message, "expected 2 fields, found 1");
}

TEST(CsvTable, InvalidUtf8IsSkipped) {
  std::string data = "a,b\nok,\xC3\xA9\nbad,\xFF\nnext,1\n";
  CsvTable t(data, "t.csv");
  ASSERT_TRUE(t.Open({}).ok());
  std::vector<LoadIssue> skipped;
  ASSERT_TRUE(t.Next(&skipped));
  EXPECT_EQ(t.Get("b"), "\xC3\xA9");
  ASSERT_TRUE(t.Next(&skipped));
  EXPECT_EQ(t.Get("a"), "next");
  EXPECT_FALSE(t.Next(&skipped));
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_EQ(skipped[0].file, "t.csv");
  EXPECT_EQ(skipped[0].line, 3);
  EXPECT_EQ(skipped[0].message, "invalid UTF-8 at byte 4");
}

TEST(CsvTable, SkipsByteOrderMark) {
  std::string data = "\xEF\xBB\xBFid,name\n1,Anna\n";
  CsvTable t(data, "bom.csv");
  ASSERT_TRUE(t.Open({"id", "name"}).ok());
  std::vector<LoadIssue> skipped;
  ASSERT_TRUE(t.Next(&skipped));
  EXPECT_EQ(t.Get("id"), "1");
  EXPECT_EQ(t.line(), 2);
}

TEST(CsvTable, SkipsDoubledByteOrderMark) {
  std::string data = "\xEF\xBB\xBF\xEF\xBB\xBFid,name\n1,Anna\n";
  CsvTable t(data, "bom2.csv");
  ASSERT_TRUE(t.Open({"id", "name"}).ok());
  std::vector<LoadIssue> skipped;
  ASSERT_TRUE(t.Next(&skipped));
  EXPECT_EQ(t.Get("name"), "Anna");
}

TEST(CsvTable, CsvSyntaxErrorEndsNextWithStatus) {
  std::string data = "a,b\n1,2\n3,\"never closed\n";
  CsvTable t(data, "broken.csv");
  ASSERT_TRUE(t.Open({}).ok());
  std::vector<LoadIssue> skipped;
  ASSERT_TRUE(t.Next(&skipped));
  EXPECT_FALSE(t.Next(&skipped));
  EXPECT_EQ(t.status().code(), StatusCode::kDataError);
  EXPECT_EQ(t.status().location().file, "broken.csv");
  EXPECT_EQ(t.status().location().line, 3);
  EXPECT_TRUE(skipped.empty());
}

}  // namespace
}  // namespace cordon
