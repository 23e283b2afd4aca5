#include "lists/uk_fcdo_derived/uk_fcdo_derived_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "lists/common/temp_dir.h"

namespace cordon {
namespace {

const std::string kRealDir = std::string(CORDON_SOURCE_DIR) + "/data/lists/uk/fcdo_derived";

const char kSubjectsHeader[] =
    "unique_id,subject_type,un_reference_number,ofsi_group_id,date_designated,last_updated\n";
const char kNamesHeader[] =
    "name_id,unique_id,name_type,alias_strength,full_name,name_6,name_1,name_2,name_3,name_4,name_5\n";
const char kDobsHeader[] = "dob_id,unique_id,year,month,day,precision,parse_issues\n";
const char kIdsHeader[] = "id,unique_id,ofsi_group_id,raw_value,identifier_type,additional_info\n";

const Entity* Find(const LoadedSource& src, const std::string& id) {
  for (const Entity& e : src.entities) {
    if (e.source_id == id) return &e;
  }
  return nullptr;
}

bool HasSkip(const LoadedSource& src, const std::string& file, int64_t line, const std::string& field) {
  return std::any_of(src.skipped.begin(), src.skipped.end(), [&](const LoadIssue& i) {
    return i.file.size() >= file.size() &&
           i.file.compare(i.file.size() - file.size(), file.size(), file) == 0 && i.line == line &&
           i.field == field;
  });
}

// A fresh folder per test, removed afterwards.
class FcdoFixture : public ::testing::Test {
 protected:
  void Write(const std::string& name, const std::string& text) { dir_.Write(name, text); }
  Status Load(LoadedSource* out) { return LoadUkFcdoDerived(dir_.path(), "uk", out); }
  TempDir dir_;
};

// ---------------------------------------------------------------- real data

TEST(UkFcdoReal, CountsMatchReadme) {
  LoadedSource src;
  auto start = std::chrono::steady_clock::now();
  Status s = LoadUkFcdoDerived(kRealDir, "uk", &src);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(src.format, "uk_fcdo_derived");
  EXPECT_EQ(src.as_of, "2026-04-29");
  EXPECT_EQ(src.files.size(), 4u);
  ASSERT_EQ(src.entities.size(), 6046u);
  size_t persons = 0, orgs = 0, ships = 0, names = 0, weak = 0;
  for (const Entity& e : src.entities) {
    persons += e.schema == Schema::kPerson;
    orgs += e.schema == Schema::kOrganization;
    ships += e.schema == Schema::kVessel;
    names += e.names.size();
    ASSERT_FALSE(e.names.empty());
    EXPECT_EQ(e.names[0].type, NameType::kPrimary);
    for (const Name& n : e.names) weak += n.quality == NameQuality::kWeak;
  }
  EXPECT_EQ(persons, 3883u);
  EXPECT_EQ(orgs, 1531u);
  EXPECT_EQ(ships, 632u);
  EXPECT_LE(names, 15050u);
  EXPECT_GT(names, 14900u);
  EXPECT_GT(weak, 500u);
  EXPECT_LT(secs, 2.0);
  RecordProperty("load_seconds", std::to_string(secs));
  RecordProperty("names", std::to_string(names));
  RecordProperty("skipped", std::to_string(src.skipped.size()));
}

TEST(UkFcdoReal, PutinAndFcdoOnlySubject) {
  LoadedSource src;
  ASSERT_TRUE(LoadUkFcdoDerived(kRealDir, "uk", &src).ok());
  const Entity* p = Find(src, "RUS0251");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->schema, Schema::kPerson);
  ASSERT_EQ(p->names.size(), 2u);
  EXPECT_EQ(p->names[0].full, "Vladimir Vladimirovich PUTIN");
  EXPECT_EQ(p->names[0].given, "Vladimir Vladimirovich");
  EXPECT_EQ(p->names[0].family, "PUTIN");
  EXPECT_EQ(p->names[1].full, "Vladimir Putin");
  EXPECT_EQ(p->names[1].type, NameType::kAlias);
  EXPECT_EQ(p->references, (std::vector<std::string>{"uk:RUS0251", "ofsi:14196"}));
  EXPECT_EQ(p->listing_date, "2022-02-25");

  const Entity* a = Find(src, "AQD0389");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->references, (std::vector<std::string>{"uk:AQD0389", "un:QDi.437"}));
  ASSERT_EQ(a->names.size(), 4u);
  EXPECT_EQ(a->names[0].family, "AL-JABURI");
  EXPECT_EQ(a->names[0].given, "SAMI JASIM MUHAMMAD JAATA");
  EXPECT_EQ(a->names[1].full, "Sami al-Ajuz");
  EXPECT_EQ(a->names[1].quality, NameQuality::kWeak);
  EXPECT_EQ(a->names[2].quality, NameQuality::kStrong);
  std::vector<std::string> dobs;
  for (const PartialDate& d : a->birth_dates) dobs.push_back(d.ToString());
  EXPECT_EQ(dobs, (std::vector<std::string>{"1964-09-18", "1961-01-01", "1961-08", "1961-07", "1963-04"}));
  ASSERT_EQ(a->documents.size(), 2u);  // four rows, two distinct
  EXPECT_EQ(a->documents[0].type, DocumentType::kNationalId);
  EXPECT_EQ(a->documents[0].number, "4118");
  EXPECT_EQ(a->documents[0].note, "Turkish Residency Card issued on 15 Jan. 2019");
  EXPECT_EQ(a->listing_date, "2026-03-27");

  const Entity* ship = Find(src, "DPR0075");
  ASSERT_NE(ship, nullptr);
  EXPECT_EQ(ship->schema, Schema::kVessel);
  ASSERT_EQ(ship->documents.size(), 1u);
  EXPECT_EQ(ship->documents[0].type, DocumentType::kImo);
  EXPECT_EQ(ship->documents[0].number, "9562233");
  EXPECT_EQ(ship->names[0].given, "");
  EXPECT_NE(ship->raw.find("subject_identifiers.csv: 19122,DPR0075"), std::string::npos);
}

// ------------------------------------------------------------------ quirks

TEST_F(FcdoFixture, NamesOrderQualityAndDuplicates) {
  Write("subjects.csv", std::string(kSubjectsHeader) +
                            "X1,entity,,123,01/02/2020,03/04/2021\n"
                            "X2,individual,QDi.9,,05/06/2019,07/08/2031\n");
  Write("subject_names.csv", std::string(kNamesHeader) +
                                 "1,X1,alias,low_quality_aka,ACME,ACME,,,,,\n"
                                 "2,X1,primary,,ACME LIMITED,ACME LIMITED,,,,,\n"
                                 "3,X1,alias,good_quality_aka,ACME,ACME,,,,,\n"
                                 "4,X2,primary,,,DOE,John,,,,\n");
  LoadedSource src;
  Status s = Load(&src);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(src.entities.size(), 2u);
  const Entity& e = src.entities[0];
  EXPECT_EQ(e.schema, Schema::kOrganization);
  ASSERT_EQ(e.names.size(), 2u);
  EXPECT_EQ(e.names[0].full, "ACME LIMITED");
  EXPECT_EQ(e.names[0].type, NameType::kPrimary);
  EXPECT_EQ(e.names[0].family, "");  // entity: no name parts
  EXPECT_EQ(e.names[1].full, "ACME");
  EXPECT_EQ(e.names[1].quality, NameQuality::kStrong);  // strong on its second row
  EXPECT_EQ(e.references, (std::vector<std::string>{"uk:X1", "ofsi:123"}));
  EXPECT_EQ(src.entities[1].names[0].full, "John DOE");
  // 2031 is implausible for a list date: as_of stays at 2021.
  EXPECT_EQ(src.as_of, "2021-04-03");
  EXPECT_EQ(src.files.size(), 2u);
}

// --------------------------------------------------------- malformed input

TEST_F(FcdoFixture, MissingRequiredFiles) {
  LoadedSource a;
  Status s = Load(&a);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_NE(s.location().file.find("subjects.csv"), std::string::npos);
  Write("subjects.csv", std::string(kSubjectsHeader) + "X1,entity,,,,\n");
  LoadedSource b;
  s = Load(&b);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_NE(s.location().file.find("subject_names.csv"), std::string::npos);
}

TEST_F(FcdoFixture, BadHeaderAndTruncation) {
  Write("subjects.csv", "id,type\nX1,entity\n");
  Write("subject_names.csv", kNamesHeader);
  LoadedSource a;
  Status s = Load(&a);
  EXPECT_EQ(s.code(), StatusCode::kDataError);
  EXPECT_EQ(s.location().field, "unique_id");
  EXPECT_EQ(s.location().line, 1);
  EXPECT_NE(s.location().file.find("subjects.csv"), std::string::npos);

  Write("subjects.csv", std::string(kSubjectsHeader) + "X1,entity,,,,\n");
  Write("subject_names.csv", std::string(kNamesHeader) + "1,X1,primary,,\"ACME cut");
  LoadedSource b;
  s = Load(&b);
  EXPECT_EQ(s.code(), StatusCode::kDataError);
  EXPECT_EQ(s.location().line, 2);
  EXPECT_NE(s.location().file.find("subject_names.csv"), std::string::npos);

  Write("subject_names.csv", "");
  LoadedSource c;
  s = Load(&c);
  EXPECT_EQ(s.code(), StatusCode::kDataError);
  EXPECT_NE(s.location().file.find("subject_names.csv"), std::string::npos);
}

TEST_F(FcdoFixture, BadRowsAndValuesAreSkipped) {
  Write("subjects.csv", std::string(kSubjectsHeader) +
                            "X1,individual,,,31/02/20x0,01/01/2020\n"  // line 2
                            ",entity,,,,\n"                            // line 3
                            "X1,entity,,,,\n"                          // line 4
                            "X3,entity,,,,\n"                          // line 5: no name
                            "X4,entity\n");                            // line 6: short
  Write("subject_names.csv", std::string(kNamesHeader) +
                                 "1,X1,primary,,A B,B,A,,,,\n"
                                 "2,NOPE,primary,,C,C,,,,,\n"  // line 3
                                 "3,X1,alias,,,,,,,,\n");     // line 4
  Write("subject_dobs.csv", std::string(kDobsHeader) +
                                "1,X1,1960,13,,exact,\n"  // line 2
                                "2,X1,,,,,\n"             // line 3
                                "3,X1,1961,02,03,exact,\n");
  Write("subject_identifiers.csv", std::string(kIdsHeader) +
                                       "1,X1,,,passport,\n"  // line 2
                                       "2,X1,,P123,passport,note\n"
                                       "3,X1,,P123,passport,other note\n"
                                       "4,X1,,99,weird_type,\n");
  LoadedSource src;
  Status s = Load(&src);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(src.entities.size(), 1u);
  const Entity& e = src.entities[0];
  EXPECT_EQ(e.listing_date, "");
  EXPECT_TRUE(HasSkip(src, "subjects.csv", 2, "date_designated"));
  EXPECT_TRUE(HasSkip(src, "subjects.csv", 3, "unique_id"));
  EXPECT_TRUE(HasSkip(src, "subjects.csv", 4, "unique_id"));
  EXPECT_TRUE(HasSkip(src, "subjects.csv", 5, "unique_id"));
  EXPECT_TRUE(HasSkip(src, "subjects.csv", 6, ""));
  EXPECT_TRUE(HasSkip(src, "subject_names.csv", 3, "unique_id"));
  EXPECT_TRUE(HasSkip(src, "subject_names.csv", 4, "full_name"));
  EXPECT_TRUE(HasSkip(src, "subject_dobs.csv", 2, "month"));
  EXPECT_TRUE(HasSkip(src, "subject_dobs.csv", 3, "year"));
  EXPECT_TRUE(HasSkip(src, "subject_identifiers.csv", 2, "raw_value"));
  EXPECT_EQ(src.skipped.size(), 10u);
  ASSERT_EQ(e.birth_dates.size(), 1u);
  EXPECT_EQ(e.birth_dates[0].ToString(), "1961-02-03");
  ASSERT_EQ(e.documents.size(), 2u);
  EXPECT_EQ(e.documents[0].note, "note");
  EXPECT_EQ(e.documents[1].type, DocumentType::kOther);
}

TEST_F(FcdoFixture, GarbageBytes) {
  Write("subjects.csv", std::string("\xff\xfe\x00\x01\"", 5));
  Write("subject_names.csv", kNamesHeader);
  LoadedSource src;
  Status s = Load(&src);
  EXPECT_EQ(s.code(), StatusCode::kDataError);
  EXPECT_NE(s.location().file.find("subjects.csv"), std::string::npos);
}

}  // namespace
}  // namespace cordon
