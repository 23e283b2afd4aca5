#include "store/customer_csv.h"

#include <gtest/gtest.h>

namespace cordon {
namespace {

TEST(CustomerCsvTest, ParsesColumnsInAnyOrder) {
  CustomerFile f;
  ASSERT_TRUE(ParseCustomerCsv("country,name,id,dob,type,extra\nDE,\"Linden, Jonna\",C1,1998-09-10,person,x\n"
                               "NL,van Dijk,C2,,organisation,y\n",
                               "c.csv", &f)
                  .ok());
  ASSERT_TRUE(f.errors.empty());
  ASSERT_EQ(f.rows.size(), 2u);
  EXPECT_EQ(f.rows[0].id, "C1");
  EXPECT_EQ(f.rows[0].name, "Linden, Jonna");
  EXPECT_EQ(f.rows[0].dob, "1998-09-10");
  EXPECT_EQ(f.rows[0].country, "DE");
  EXPECT_EQ(f.rows[1].type, "organization");
  EXPECT_EQ(f.rows[1].line, 3);
}

TEST(CustomerCsvTest, ReportsEveryBadRowWithFileLineAndField) {
  CustomerFile f;
  ASSERT_TRUE(ParseCustomerCsv("id,name,type,dob\n"
                               "C1,Ann Lee,person,1990-02-30\n"   // no 30 February
                               "C2,,person,\n"                    // empty name
                               "C3,Bob,robot,\n"                  // bad type
                               "C1,Ann Again,person,\n"          // duplicate id (of an invalid row: still two C1s)
                               "C7,Eve\n"                         // column count
                               "C6,Good Name,,1970\n",
                               "bad.csv", &f)
                  .ok());
  ASSERT_EQ(f.errors.size(), 5u);
  EXPECT_EQ(f.errors[0].location().file, "bad.csv");
  EXPECT_EQ(f.errors[0].location().line, 2);
  EXPECT_EQ(f.errors[0].location().field, "dob");
  EXPECT_EQ(f.errors[1].location().field, "name");
  EXPECT_EQ(f.errors[2].location().field, "type");
  EXPECT_EQ(f.errors[3].location().line, 5);
  EXPECT_EQ(f.errors[3].location().field, "id");
  EXPECT_EQ(f.errors[4].location().line, 6);
  ASSERT_EQ(f.rows.size(), 1u);
  EXPECT_EQ(f.rows[0].id, "C6");
}

TEST(CustomerCsvTest, StructuralErrorsAreReturned) {
  CustomerFile f;
  EXPECT_EQ(ParseCustomerCsv("", "e.csv", &f).code(), StatusCode::kDataError);
  Status s = ParseCustomerCsv("id,full_name\nC1,x\n", "h.csv", &f);
  EXPECT_EQ(s.code(), StatusCode::kDataError);
  EXPECT_EQ(s.location().field, "name");
  EXPECT_FALSE(ParseCustomerCsv("id,name\nC1,\"unterminated\n", "q.csv", &f).ok());
}

TEST(CustomerCsvTest, CanonicalFormAndChangedFields) {
  CustomerRow a{1, "C1", "Ann Lee", "person", "1990", "GB"};
  CustomerRow b = a;
  EXPECT_EQ(EncodeCustomer(a), EncodeCustomer(b));
  b.line = 9;  // the line is not content
  EXPECT_EQ(EncodeCustomer(a), EncodeCustomer(b));
  b.name = "Ann\tLee";
  b.country = "FR";
  std::vector<std::string> expected = {"name", "country"};
  EXPECT_EQ(CustomerChangedFields(EncodeCustomer(a), EncodeCustomer(b)), expected);
}

}  // namespace
}  // namespace cordon
