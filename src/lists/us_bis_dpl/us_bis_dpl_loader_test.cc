#include "lists/us_bis_dpl/us_bis_dpl_loader.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "base/utf8.h"
#include "lists/common/shared_source_fixture.h"

namespace cordon {
namespace {

const std::string kDplDir = std::string(CORDON_SOURCE_DIR) + "/data/lists/us_bis_dpl";
const std::string kHeader =
    "\"Name\"\t\"Street_Address\"\t\"City\"\t\"State\"\t\"Country\"\t\"Postal_Code\"\t\"Effective_Date\"\t"
    "\"Expiration_Date\"\t\"Standard_Order\"\t\"Last_Update\"\t\"Action\"\t\"FR_Citation\"\n";

// One quoted, tab-separated row from its twelve fields.
std::string Row(std::initializer_list<std::string> fields) {
  std::string out;
  for (const std::string& f : fields) {
    if (!out.empty()) out += "\t";
    out += "\"" + f + "\"";
  }
  return out + "\n";
}

const Entity* FindByName(const LoadedSource& src, const std::string& name, size_t nth = 0) {
  for (const Entity& e : src.entities) {
    if (e.names[0].full == name && nth-- == 0) return &e;
  }
  return nullptr;
}

class DplRealData : public SharedSourceFixture<DplRealData> {
 public:
  static Status Load(LoadedSource* out) { return LoadUsBisDpl(kDplDir, "us_bis_dpl", out); }
};

TEST_F(DplRealData, LoadsAllRows) {
  ASSERT_TRUE(status_->ok()) << status_->ToString();
  EXPECT_EQ(src_->format, "us_bis_dpl");
  EXPECT_EQ(src_->entities.size(), 665u);
  EXPECT_TRUE(src_->skipped.empty());
  EXPECT_EQ(src_->as_of, "2023-11-28");  // not the typo 3033-09-30
  EXPECT_EQ(src_->files, std::vector<std::string>{kDplDir + "/dpl.txt"});
  std::set<std::string> ids;
  size_t orgs = 0;
  for (const Entity& e : src_->entities) {
    EXPECT_TRUE(ids.insert(e.source_id).second) << "duplicate id " << e.source_id;
    EXPECT_EQ(e.names.size(), 1u);
    EXPECT_EQ(e.names[0].full, std::string(TrimAscii(e.names[0].full)));
    orgs += e.schema == Schema::kOrganization;
  }
  EXPECT_GT(orgs, 80u);
  EXPECT_LT(orgs, 300u);
  std::printf("DPL: %zu entities (%zu organizations), loaded in %.1f ms\n", src_->entities.size(), orgs, load_ms_);
  EXPECT_LT(load_ms_, 1000.0);
}

TEST_F(DplRealData, IAshLeadingSpaceAndUsAddress) {
  const Entity* e = FindByName(*src_, "I. ASH");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kLegalEntity);
  EXPECT_EQ(e->listing_date, "2003-06-19");
  ASSERT_EQ(e->addresses.size(), 1u);
  EXPECT_EQ(e->addresses[0].city, "SEAGOVILLE");
  EXPECT_EQ(e->addresses[0].country, "US");
  EXPECT_EQ(e->addresses[0].full,
            "UPON THE DATE OF THE ORDER INCARCERATED AT USM NO: 26265-177, FCI SEAGOVILLE, 2113 NORTH HIGHWAY 175, "
            "SEAGOVILLE, TX, 75159, US");
  EXPECT_EQ(e->programs, std::vector<std::string>{"Denied Persons List (DPL) - Bureau of Industry and Security"});
  EXPECT_EQ(e->source_id, DplRecordId("I. ASH",
                                      "UPON THE DATE OF THE ORDER INCARCERATED AT USM NO: 26265-177, FCI "
                                      "SEAGOVILLE, 2113 NORTH HIGHWAY 175",
                                      "SEAGOVILLE", "TX", "US", "75159", "06/19/2003",
                                      "68 F.R. 38290 6/27/03 71 F.R. 38843 7/10/06 72 F.R. 4236 1/30/07"));
  EXPECT_EQ(e->raw.substr(0, 10), "\" I. ASH\"\t");
}

TEST_F(DplRealData, AirFreightHasOneEntityPerAddress) {
  std::set<std::string> countries;
  for (size_t i = 0; i < 4; ++i) {
    const Entity* e = FindByName(*src_, "AIR FREIGHT LTD", i);
    ASSERT_NE(e, nullptr) << i;
    EXPECT_EQ(e->schema, Schema::kOrganization);
    EXPECT_EQ(e->listing_date, "2023-10-31");
    countries.insert(e->addresses.at(0).country);
  }
  EXPECT_EQ(countries, (std::set<std::string>{"IQ", "AE", "JO"}));
}

TEST_F(DplRealData, InferredAndUnresolvedCountries) {
  const Entity* villa = FindByName(*src_, "AARON ABRAHAM VILLA");  // Country empty, State TX
  ASSERT_NE(villa, nullptr);
  EXPECT_EQ(villa->countries, std::vector<std::string>{"US"});
  const Entity* griffith = FindByName(*src_, "VIRGIL GRIFFITH");  // trailing space trimmed
  ASSERT_NE(griffith, nullptr);
  EXPECT_EQ(griffith->listing_date, "2023-05-08");
  const Entity* hu = FindByName(*src_, "JOHNSON HU");
  ASSERT_NE(hu, nullptr);
  ASSERT_EQ(hu->countries.size(), 1u);
  EXPECT_TRUE(hu->countries[0] == "CN" || hu->countries[0] == "PRC") << hu->countries[0];
}

// ---------------------------------------------------------------------------

TEST(DplParse, IdenticalRowsGetDeterministicSuffixes) {
  std::string row =
      Row({"ACME TRADING CO.", "1 ST", "X", "", "AE", "", "01/02/2020", "", "Y", "2020-01-03", "", "85 F.R. 1"});
  LoadedSource out;
  ASSERT_TRUE(ParseUsBisDpl(kHeader + row + row + row, "dpl.txt", "dpl", &out).ok());
  ASSERT_EQ(out.entities.size(), 3u);
  const std::string base = out.entities[0].source_id;
  EXPECT_EQ(base.size(), 16u);
  EXPECT_EQ(out.entities[1].source_id, base + "-2");
  EXPECT_EQ(out.entities[2].source_id, base + "-3");
  EXPECT_EQ(out.entities[0].schema, Schema::kOrganization);
  EXPECT_EQ(out.entities[0].listing_date, "2020-01-02");
  EXPECT_EQ(out.as_of, "2020-01-03");
}

TEST(DplParse, IdIgnoresRoutineUpdateFields) {
  LoadedSource a, b;
  ASSERT_TRUE(ParseUsBisDpl(kHeader + Row({"JOHN DOE", "", "", "", "", "", "01/02/2020", "01/02/2030", "Y",
                                           "2020-01-03", "ADDED", "85 F.R. 1"}),
                            "dpl.txt", "dpl", &a)
                  .ok());
  ASSERT_TRUE(ParseUsBisDpl(kHeader + Row({"JOHN DOE", "", "", "", "", "", "01/02/2020", "01/02/2031", "N",
                                           "2021-05-05", "UPDATED", "85 F.R. 1"}),
                            "dpl.txt", "dpl", &b)
                  .ok());
  EXPECT_EQ(a.entities.at(0).source_id, b.entities.at(0).source_id);
  EXPECT_TRUE(a.entities[0].addresses.empty());
  EXPECT_TRUE(a.entities[0].countries.empty());
}

TEST(DplParse, ColumnsInAnyOrderAndLatin1) {
  std::string text =
      "\"FR_Citation\"\t\"Last_Update\"\t\"Effective_Date\"\t\"Postal_Code\"\t\"Country\"\t\"State\"\t\"City\"\t"
      "\"Street_Address\"\t\"Name\"\n"
      "\"1 F.R. 2\"\t\"2019-01-01\"\t\"12/31/2018\"\t\"\"\t\"Germany\"\t\"\"\t\"M\xFCnchen\"\t\"\"\t\"J\xD6RG "
      "M\xDCLLER\"\n";
  LoadedSource out;
  ASSERT_TRUE(ParseUsBisDpl(text, "dpl.txt", "dpl", &out).ok());
  ASSERT_EQ(out.entities.size(), 1u);
  EXPECT_EQ(out.entities[0].names[0].full, "J\xC3\x96RG M\xC3\x9CLLER");
  EXPECT_EQ(out.entities[0].addresses[0].city, "M\xC3\xBCnchen");
  EXPECT_EQ(out.entities[0].addresses[0].country, "DE");
  EXPECT_EQ(out.entities[0].listing_date, "2018-12-31");
}

TEST(DplParse, BadRowsAreSkippedWithLineAndField) {
  std::string text = kHeader + Row({"OK", "", "", "", "", "", "01/02/2020", "", "Y", "2020-01-03", "", "x"}) +
                     "\"SHORT\"\t\"ROW\"\n" +
                     Row({"  ", "", "", "", "", "", "01/02/2020", "", "Y", "2020-01-03", "", "x"}) +
                     Row({"BAD DATES", "", "", "", "", "", "13/45/2020", "", "Y", "3033-09-30", "", "x"});
  LoadedSource out;
  ASSERT_TRUE(ParseUsBisDpl(text, "dpl.txt", "dpl", &out).ok());
  ASSERT_EQ(out.entities.size(), 2u);
  EXPECT_EQ(out.entities[1].names[0].full, "BAD DATES");
  EXPECT_EQ(out.entities[1].listing_date, "");  // invalid date dropped, record kept
  EXPECT_EQ(out.as_of, "2020-01-03");           // 3033 ignored
  ASSERT_EQ(out.skipped.size(), 2u);
  EXPECT_EQ(out.skipped[0].file, "dpl.txt");
  EXPECT_EQ(out.skipped[0].line, 3);
  EXPECT_NE(out.skipped[0].message.find("expected 12"), std::string::npos);
  EXPECT_EQ(out.skipped[1].line, 4);
  EXPECT_EQ(out.skipped[1].field, "Name");
}

TEST(DplParse, MissingColumnIsDataErrorNamingIt) {
  LoadedSource out;
  Status st = ParseUsBisDpl("\"Name\"\t\"City\"\n\"X\"\t\"Y\"\n", "dpl.txt", "dpl", &out);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  EXPECT_EQ(st.location().file, "dpl.txt");
  EXPECT_EQ(st.location().line, 1);
  EXPECT_EQ(st.location().field, "Street_Address");
}

TEST(DplParse, EmptyTruncatedAndGarbage) {
  LoadedSource out;
  Status st = ParseUsBisDpl("", "dpl.txt", "dpl", &out);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  EXPECT_EQ(st.location().file, "dpl.txt");
  // A quote never closed: the file was cut inside a field.
  std::string cut = kHeader + "\"JOHN DOE\"\t\"1 MAIN";
  st = ParseUsBisDpl(cut, "dpl.txt", "dpl", &out);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  EXPECT_EQ(st.location().line, 2);
  st = ParseUsBisDpl(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "dpl.txt", "dpl", &out);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
}

TEST(DplLoad, MissingFile) {
  LoadedSource out;
  Status st = LoadUsBisDpl("/nonexistent/dpl", "dpl", &out);
  EXPECT_EQ(st.code(), StatusCode::kNotFound);
  EXPECT_EQ(st.location().file, "/nonexistent/dpl/dpl.txt");
}

}  // namespace
}  // namespace cordon
