#include "lists/uk_fcdo_derived/uk_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "base/file_reader.h"
#include "lists/common/temp_dir.h"
#include "lists/uk_fcdo_derived/uk_fcdo_derived_loader.h"
#include "lists/uk_ofsi/uk_ofsi_loader.h"
#include "lists/uk_ofsi/xlsx_fixture.h"

namespace cordon {
namespace {

const std::string kRealDir = std::string(CORDON_SOURCE_DIR) + "/data/lists/uk";

const Entity* Find(const LoadedSource& src, const std::string& id) {
  for (const Entity& e : src.entities) {
    if (e.source_id == id) return &e;
  }
  return nullptr;
}

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

std::vector<std::string> Dates(const Entity& e) {
  std::vector<std::string> out;
  for (const PartialDate& d : e.birth_dates) out.push_back(d.ToString());
  return out;
}

// A ConList with one individual group (id 100, ref RUS0100) and one entity.
std::string SmallConList() {
  std::vector<std::string> header = {"Name 6", "Name 1", "DOB", "Passport Number", "Other Information",
                                     "Group Type", "Alias Type", "Listed On", "Group ID"};
  return MakeZip(MakeWorkbook(MakeSheetXml({
      {"Last Updated", "14/04/2025"},
      header,
      {"PETROV", "Ivan", "01/02/1960", "AB 12-34", "(UK Sanctions List Ref):RUS0100.", "Individual",
       "Primary name", "01/03/2022", "100"},
      {"ACME", "", "", "", "(UK Sanctions List Ref):RUS0200.", "Entity", "Primary name", "02/03/2022",
       "200"},
  })));
}

class UkFixture : public ::testing::Test {
 protected:
  void SetUp() override { dir_.MakeDir("fcdo_derived"); }
  void Write(const std::string& name, const std::string& bytes) { dir_.Write(name, bytes); }
  void WriteFcdo() {
    Write("fcdo_derived/subjects.csv",
          "unique_id,subject_type,un_reference_number,ofsi_group_id,date_designated,last_updated\n"
          "RUS0100,individual,QDi.5,100,01/03/2022,09/04/2025\n"
          "RUS0200,entity,,,02/03/2022,01/01/2024\n"
          "RUS0300,ship,,,03/03/2022,29/04/2026\n");
    Write("fcdo_derived/subject_names.csv",
          "name_id,unique_id,name_type,alias_strength,full_name,name_6,name_1,name_2,name_3,name_4,name_5\n"
          "1,RUS0100,primary,,Ivan  petrov,PETROV,Ivan,,,,\n"
          "2,RUS0100,alias,low_quality_aka,Vanya,Vanya,,,,,\n"
          "3,RUS0200,primary,,ACME LLC,ACME LLC,,,,,\n"
          "4,RUS0300,primary,,SEA STAR,SEA STAR,,,,,\n");
    Write("fcdo_derived/subject_dobs.csv",
          "dob_id,unique_id,year,month,day,precision,parse_issues\n"
          "1,RUS0100,1960,02,,month_year,\n"
          "2,RUS0100,1961,,,year_only,\n");
    Write("fcdo_derived/subject_identifiers.csv",
          "id,unique_id,ofsi_group_id,raw_value,identifier_type,additional_info\n"
          "1,RUS0100,100,AB1234,passport,\n"
          "2,RUS0100,100,X9,national,\n"
          "3,RUS0300,,IMO1234567,imo,\n");
  }
  std::string dir() const { return dir_.path(); }
  TempDir dir_;
};

// ---------------------------------------------------------------- real data

TEST(UkReal, MergesFcdoIntoOfsi) {
  LoadedSource src;
  auto start = std::chrono::steady_clock::now();
  Status s = LoadUk(kRealDir, "uk", &src);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(src.format, "uk_ofsi_xlsx+uk_fcdo_derived");
  EXPECT_EQ(src.as_of, "2026-04-29");
  EXPECT_EQ(src.files.size(), 5u);
  EXPECT_EQ(src.files[0], kRealDir + "/ConList.xlsx");
  // 4,688 OFSI groups + 1,377 FCDO subjects without an OFSI group.
  EXPECT_EQ(src.entities.size(), 4688u + 1377u);
  EXPECT_TRUE(src.skipped.empty());
  EXPECT_LT(secs, 3.0);
  RecordProperty("load_seconds", std::to_string(secs));

  const Entity* putin = Find(src, "14196");
  ASSERT_NE(putin, nullptr);
  // FCDO's "Vladimir Putin" is OFSI's "Vladimir PUTIN": not duplicated.
  EXPECT_EQ(putin->names.size(), 3u);
  EXPECT_EQ(putin->references, std::vector<std::string>{"uk:RUS0251"});
  EXPECT_NE(putin->raw.find("--- FCDO UK Sanctions List (derived), RUS0251 ---"), std::string::npos);

  const Entity* ri = Find(src, "13418");
  ASSERT_NE(ri, nullptr);
  EXPECT_EQ(Dates(*ri), (std::vector<std::string>{"1964-07-17", "1990-06-26"}));
  EXPECT_EQ(ri->documents.size(), 1u);  // same passport number in both

  const Entity* fcdo_only = Find(src, "AQD0389");
  ASSERT_NE(fcdo_only, nullptr);
  EXPECT_EQ(fcdo_only->source, "uk");
  EXPECT_TRUE(Has(fcdo_only->references, "un:QDi.437"));
}

TEST(UkReal, MergeStats) {
  LoadedSource ofsi, fcdo;
  ASSERT_TRUE(LoadUkOfsi(kRealDir, "uk", &ofsi).ok());
  ASSERT_TRUE(LoadUkFcdoDerived(kRealDir + "/fcdo_derived", "uk", &fcdo).ok());
  size_t ofsi_names = 0, merged_names = 0;
  for (const Entity& e : ofsi.entities) ofsi_names += e.names.size();
  UkMergeStats stats = MergeFcdoIntoOfsi(std::move(fcdo), &ofsi);
  for (size_t i = 0; i < 4688; ++i) merged_names += ofsi.entities[i].names.size();
  EXPECT_EQ(stats.matched, 4669u);
  EXPECT_EQ(stats.added, 1377u);
  RecordProperty("matched", std::to_string(stats.matched));
  RecordProperty("added", std::to_string(stats.added));
  RecordProperty("names_added_to_ofsi_groups", std::to_string(merged_names - ofsi_names));
}

// ------------------------------------------------------------ combinations

TEST_F(UkFixture, OfsiOnly) {
  Write("ConList.xlsx", SmallConList());
  LoadedSource src;
  ASSERT_TRUE(LoadUk(dir(), "uk", &src).ok());
  EXPECT_EQ(src.format, "uk_ofsi_xlsx");
  EXPECT_EQ(src.entities.size(), 2u);
  EXPECT_EQ(src.as_of, "2025-04-14");
}

TEST_F(UkFixture, FcdoOnly) {
  WriteFcdo();
  LoadedSource src;
  ASSERT_TRUE(LoadUk(dir(), "uk", &src).ok());
  EXPECT_EQ(src.format, "uk_fcdo_derived");
  EXPECT_EQ(src.entities.size(), 3u);
  EXPECT_EQ(src.entities[0].source_id, "RUS0100");
}

TEST_F(UkFixture, Neither) {
  LoadedSource src;
  Status s = LoadUk(dir(), "uk", &src);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_NE(s.location().file.find("ConList.xlsx"), std::string::npos);
}

TEST_F(UkFixture, BothMerged) {
  Write("ConList.xlsx", SmallConList());
  WriteFcdo();
  LoadedSource src;
  Status s = LoadUk(dir(), "uk", &src);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(src.format, "uk_ofsi_xlsx+uk_fcdo_derived");
  EXPECT_EQ(src.as_of, "2026-04-29");
  EXPECT_EQ(src.files.size(), 5u);
  ASSERT_EQ(src.entities.size(), 3u);

  const Entity& petrov = src.entities[0];  // matched by ofsi_group_id 100
  EXPECT_EQ(petrov.source_id, "100");
  EXPECT_EQ(petrov.references, (std::vector<std::string>{"uk:RUS0100", "un:QDi.5"}));
  ASSERT_EQ(petrov.names.size(), 2u);  // "Ivan  petrov" == "Ivan PETROV"
  EXPECT_EQ(petrov.names[0].full, "Ivan PETROV");
  EXPECT_EQ(petrov.names[1].full, "Vanya");
  EXPECT_EQ(petrov.names[1].type, NameType::kAlias);
  EXPECT_EQ(petrov.names[1].quality, NameQuality::kWeak);
  // 1960-02 is covered by 1960-02-01; 1961 is new.
  EXPECT_EQ(Dates(petrov), (std::vector<std::string>{"1960-02-01", "1961"}));
  ASSERT_EQ(petrov.documents.size(), 2u);  // "AB 12-34" == "AB1234"
  EXPECT_EQ(petrov.documents[1].number, "X9");

  const Entity& acme = src.entities[1];  // no ofsi_group_id: matched by uk ref
  EXPECT_EQ(acme.source_id, "200");
  EXPECT_EQ(acme.names.size(), 2u);
  EXPECT_EQ(acme.names[1].full, "ACME LLC");

  const Entity& ship = src.entities[2];  // FCDO only
  EXPECT_EQ(ship.source_id, "RUS0300");
  EXPECT_EQ(ship.schema, Schema::kVessel);
  EXPECT_EQ(ship.documents[0].number, "1234567");
}

TEST_F(UkFixture, BrokenFcdoKeepsOfsi) {
  Write("ConList.xlsx", SmallConList());
  Write("fcdo_derived/subjects.csv", "not,the,header\n");
  Write("fcdo_derived/subject_names.csv", "x\n");
  LoadedSource src;
  Status s = LoadUk(dir(), "uk", &src);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(src.format, "uk_ofsi_xlsx");
  EXPECT_EQ(src.entities.size(), 2u);
  ASSERT_EQ(src.skipped.size(), 1u);
  EXPECT_NE(src.skipped[0].file.find("subjects.csv"), std::string::npos);
  EXPECT_EQ(src.skipped[0].field, "unique_id");
  EXPECT_NE(src.skipped[0].message.find("FCDO tables not merged"), std::string::npos);
}

TEST_F(UkFixture, TruncatedConListFailsEvenWithFcdo) {
  std::string bytes;
  ASSERT_TRUE(ReadFile(kRealDir + "/ConList.xlsx", &bytes).ok());
  Write("ConList.xlsx", bytes.substr(0, bytes.size() / 2));
  WriteFcdo();
  LoadedSource src;
  Status s = LoadUk(dir(), "uk", &src);
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_EQ(s.location().file, dir() + "/ConList.xlsx");
}

}  // namespace
}  // namespace cordon
