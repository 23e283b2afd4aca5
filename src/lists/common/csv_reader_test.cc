#include "lists/common/csv_reader.h"

#include <gtest/gtest.h>

namespace cordon {

TEST(CsvReader, ReadsOfacLegacyQuirks) {
  std::string data =
      "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\"\r\n"
      "306,\"BANCO, \"\"NACIONAL\"\"\",-0- ,\"a.k.a. 'BNC'.\"\r\n"
      "\x1A\r\n";
  CsvReader r(data, "sdn.csv");
  std::vector<std::string> f;
  ASSERT_TRUE(r.Next(&f));
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[1], "AEROCARIBBEAN AIRLINES");
  EXPECT_EQ(f[2], "-0- ");
  EXPECT_EQ(r.record_line(), 1);
  ASSERT_TRUE(r.Next(&f));
  EXPECT_EQ(f[1], "BANCO, \"NACIONAL\"");
  EXPECT_EQ(r.record_line(), 2);
  EXPECT_FALSE(r.Next(&f));
  EXPECT_TRUE(r.status().ok());
}

TEST(CsvReader, MultilineFieldsKeepLineNumbers) {
  std::string data = "a,\"x\ny\"\nb,c\n";
  CsvReader r(data, "f.csv");
  std::vector<std::string> f;
  ASSERT_TRUE(r.Next(&f));
  EXPECT_EQ(f[1], "x\ny");
  ASSERT_TRUE(r.Next(&f));
  EXPECT_EQ(r.record_line(), 3);
  EXPECT_EQ(r.record_text(), "b,c");
}

TEST(CsvReader, UnterminatedQuoteIsAnErrorWithLocation) {
  std::string data = "a,b\nc,\"never closed\n";
  CsvReader r(data, "broken.csv");
  std::vector<std::string> f;
  ASSERT_TRUE(r.Next(&f));
  EXPECT_FALSE(r.Next(&f));
  EXPECT_EQ(r.status().code(), StatusCode::kDataError);
  EXPECT_EQ(r.status().location().file, "broken.csv");
  EXPECT_EQ(r.status().location().line, 2);
}

TEST(CsvReader, TabSeparated) {
  std::string data = "\"Name\"\t\"City\"\n\"ACME\"\t\"Paris\"\n";
  CsvReader r(data, "dpl.txt", {.delimiter = '\t'});
  std::vector<std::string> f;
  ASSERT_TRUE(r.Next(&f));
  ASSERT_TRUE(r.Next(&f));
  EXPECT_EQ(f[0], "ACME");
  EXPECT_EQ(f[1], "Paris");
}

TEST(CsvReader, FieldLimit) {
  std::string data = "\"" + std::string(100, 'x');
  CsvReader r(data, "x.csv", {.max_field_bytes = 10});
  std::vector<std::string> f;
  EXPECT_FALSE(r.Next(&f));
  EXPECT_EQ(r.status().code(), StatusCode::kDataError);
}

}  // namespace cordon
