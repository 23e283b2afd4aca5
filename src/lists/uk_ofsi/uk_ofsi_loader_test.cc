#include "lists/uk_ofsi/uk_ofsi_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "base/file_reader.h"
#include "lists/common/shared_source_fixture.h"
#include "lists/common/temp_dir.h"
#include "lists/uk_ofsi/xlsx_fixture.h"

namespace cordon {
namespace {

const std::string kRealDir = std::string(CORDON_SOURCE_DIR) + "/data/lists/uk";

const std::vector<std::string> kHeader = {
    "Name 6", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Title", "Name Non-Latin Script",
    "Non-Latin Script Type", "Non-Latin Script Language", "DOB", "Town of Birth",
    "Country of Birth", "Nationality", "Passport Number", "Passport Details",
    "National Identification Number", "National Identification Details", "Position",
    "Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6",
    "Post/Zip Code", "Country", "Other Information", "Group Type", "Alias Type",
    "Alias Quality", "Regime", "Listed On", "UK Sanctions List Date Designated", "Last Updated",
    "Group ID"};

// One data row given as column name -> value.
std::vector<std::string> Row(const std::map<std::string, std::string>& values,
                             const std::vector<std::string>& header = kHeader) {
  std::vector<std::string> row(header.size());
  for (const auto& [k, v] : values) {
    auto it = std::find(header.begin(), header.end(), k);
    if (it == header.end()) ADD_FAILURE() << "no column " << k;
    else row[it - header.begin()] = v;
  }
  return row;
}

std::string Xlsx(std::vector<std::vector<std::string>> data, const std::vector<std::string>& header = kHeader) {
  data.insert(data.begin(), header);
  data.insert(data.begin(), {"Last Updated", "14/04/2025"});
  return MakeZip(MakeWorkbook(MakeSheetXml(data)));
}

Status Parse(const std::string& bytes, LoadedSource* out) {
  return ParseUkOfsiXlsx(bytes, "ConList.xlsx", "uk", out);
}

const Entity* Find(const LoadedSource& src, const std::string& id) {
  for (const Entity& e : src.entities) {
    if (e.source_id == id) return &e;
  }
  return nullptr;
}

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool HasSkip(const LoadedSource& src, int64_t line, const std::string& field) {
  return std::any_of(src.skipped.begin(), src.skipped.end(), [&](const LoadIssue& i) {
    return i.file == "ConList.xlsx" && i.line == line && i.field == field;
  });
}

// ---------------------------------------------------------------- real data

class UkOfsiReal : public SharedSourceFixture<UkOfsiReal> {
 public:
  static Status Load(LoadedSource* out) { return LoadUkOfsi(kRealDir, "uk", out); }

 protected:
  static void SetUpTestSuite() {
    SharedSourceFixture::SetUpTestSuite();
    seconds_ = load_ms_ / 1000;
  }
  static inline double seconds_ = 0;
};

TEST_F(UkOfsiReal, CountsMatchReadme) {
  ASSERT_TRUE(status_->ok()) << status_->ToString();
  EXPECT_EQ(src_->format, "uk_ofsi_xlsx");
  EXPECT_EQ(src_->as_of, "2025-04-14");
  EXPECT_EQ(src_->files, std::vector<std::string>{kRealDir + "/ConList.xlsx"});
  ASSERT_EQ(src_->entities.size(), 4688u);
  size_t persons = 0, orgs = 0, ships = 0, names = 0, un = 0, scripts = 0;
  for (const Entity& e : src_->entities) {
    persons += e.schema == Schema::kPerson;
    orgs += e.schema == Schema::kOrganization;
    ships += e.schema == Schema::kVessel;
    names += e.names.size();
    ASSERT_FALSE(e.names.empty());
    EXPECT_EQ(e.names[0].type, NameType::kPrimary) << e.source_id;
    EXPECT_FALSE(e.raw.empty());
    un += std::any_of(e.references.begin(), e.references.end(),
                      [](const std::string& r) { return r.rfind("un:", 0) == 0; });
    for (const Name& n : e.names) scripts += !n.script.empty();
  }
  EXPECT_EQ(persons, 3663u);
  EXPECT_EQ(orgs, 1010u);
  EXPECT_EQ(ships, 15u);
  EXPECT_EQ(un, 866u);
  EXPECT_GT(scripts, 1000u);
  EXPECT_TRUE(src_->skipped.empty()) << src_->skipped[0].message;
  EXPECT_LT(seconds_, 3.0);
  RecordProperty("load_seconds", std::to_string(seconds_));
  RecordProperty("names", std::to_string(names));
}

TEST_F(UkOfsiReal, RowCountOfTheSheet) {
  std::string bytes;
  ASSERT_TRUE(ReadFile(kRealDir + "/ConList.xlsx", &bytes).ok());
  int64_t rows = 0;
  Status s = ReadXlsxFirstSheet(bytes, "ConList.xlsx", [&rows](const XlsxRow&) {
    ++rows;
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(rows, 2 + 18798);
}

TEST_F(UkOfsiReal, Putin) {
  ASSERT_TRUE(status_->ok());
  const Entity* e = Find(*src_, "14196");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source, "uk");
  EXPECT_EQ(e->schema, Schema::kPerson);
  ASSERT_EQ(e->names.size(), 3u);
  EXPECT_EQ(e->names[0].full, "Vladimir Vladimirovich PUTIN");
  EXPECT_EQ(e->names[0].given, "Vladimir Vladimirovich");
  EXPECT_EQ(e->names[0].family, "PUTIN");
  EXPECT_EQ(e->names[0].type, NameType::kPrimary);
  EXPECT_EQ(e->names[1].full, "Vladimir PUTIN");  // "Primary name variation" row
  EXPECT_EQ(e->names[1].type, NameType::kAlias);
  EXPECT_EQ(e->names[2].full, "Владимир Владимирович Путин");
  EXPECT_EQ(e->names[2].type, NameType::kAlias);
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].ToString(), "1952-10-07");
  EXPECT_EQ(e->birth_places, std::vector<std::string>{"St Petersburg (then Leningrad), Russia"});
  EXPECT_EQ(e->nationalities, std::vector<std::string>{"RU"});
  EXPECT_EQ(e->title, "President of the Russian Federation");
  ASSERT_EQ(e->addresses.size(), 1u);
  EXPECT_EQ(e->addresses[0].full, "Moscow, Russia");
  EXPECT_EQ(e->addresses[0].city, "Moscow");
  EXPECT_EQ(e->addresses[0].country, "RU");
  EXPECT_EQ(e->countries, std::vector<std::string>{"RU"});
  EXPECT_EQ(e->references, std::vector<std::string>{"uk:RUS0251"});
  EXPECT_EQ(e->gender, "male");
  EXPECT_EQ(e->programs, std::vector<std::string>{"Russia"});
  EXPECT_EQ(e->listing_date, "2022-02-25");
  EXPECT_NE(e->raw.find("Group ID: 14196"), std::string::npos);
  EXPECT_NE(e->raw.find("Alias Type: Primary name"), std::string::npos);
}

TEST_F(UkOfsiReal, CyrillicNameWithScript) {
  ASSERT_TRUE(status_->ok());
  const Entity* e = Find(*src_, "15610");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->names[0].full, "Alexander Grigoryevich ABRAMOV");
  auto it = std::find_if(e->names.begin(), e->names.end(),
                         [](const Name& n) { return n.full == "АБРАМОВ Александр Григорьевич"; });
  ASSERT_NE(it, e->names.end());
  EXPECT_EQ(it->script, "Cyrillic");
  EXPECT_EQ(it->type, NameType::kAlias);
  EXPECT_EQ(e->listing_date, "2022-11-02");
}

TEST_F(UkOfsiReal, ShipAndUnReference) {
  ASSERT_TRUE(status_->ok());
  const Entity* ship = Find(*src_, "13651");
  ASSERT_NE(ship, nullptr);
  EXPECT_EQ(ship->schema, Schema::kVessel);
  EXPECT_EQ(ship->names[0].full, "SAM JONG 2");  // the "Primary name" row, not the first row
  EXPECT_GE(ship->names.size(), 9u);
  ASSERT_FALSE(ship->documents.empty());
  EXPECT_EQ(ship->documents[0].type, DocumentType::kImo);
  EXPECT_EQ(ship->documents[0].number, "7408873");
  EXPECT_TRUE(Has(ship->countries, "KP"));  // flag
  EXPECT_EQ(ship->listing_date, "2018-04-03");

  const Entity* ri = Find(*src_, "13418");
  ASSERT_NE(ri, nullptr);
  EXPECT_TRUE(Has(ri->references, "un:KPi.033"));
  EXPECT_TRUE(Has(ri->references, "uk:DPR0270"));
  ASSERT_EQ(ri->documents.size(), 1u);
  EXPECT_EQ(ri->documents[0].type, DocumentType::kPassport);
  EXPECT_EQ(ri->documents[0].number, "381310014");
}

TEST(UkOfsiMalformed, TruncatedRealFile) {
  std::string bytes;
  ASSERT_TRUE(ReadFile(kRealDir + "/ConList.xlsx", &bytes).ok());
  TempDir dir;
  dir.Write("ConList.xlsx", bytes.substr(0, bytes.size() / 2));
  LoadedSource src;
  Status s = LoadUkOfsi(dir.path(), "uk", &src);
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_EQ(s.location().file, dir.path() + "/ConList.xlsx");
  EXPECT_NE(s.ToString().find("ConList.xlsx"), std::string::npos);
  EXPECT_NE(s.message().find("truncated"), std::string::npos);
}

TEST(UkOfsiMalformed, MissingFile) {
  TempDir dir;
  LoadedSource src;
  Status s = LoadUkOfsi(dir.path(), "uk", &src);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.location().file, dir.path() + "/ConList.xlsx");
}

TEST(UkOfsiMalformed, ZipWithoutWorksheet) {
  LoadedSource src;
  Status s = Parse(MakeZip({{"xl/workbook.xml", "<workbook/>"}, {"docProps/app.xml", "<x/>"}}), &src);
  EXPECT_EQ(s.code(), StatusCode::kDataError);
  EXPECT_EQ(s.location().file, "ConList.xlsx");
  EXPECT_NE(s.message().find("no worksheet"), std::string::npos);
}

TEST(UkOfsiMalformed, MissingHeaderColumn) {
  std::vector<std::string> header = kHeader;
  header.erase(std::find(header.begin(), header.end(), "Group ID"));
  LoadedSource src;
  Status s = Parse(Xlsx({Row({{"Name 6", "X"}}, header)}, header), &src);
  EXPECT_EQ(s.code(), StatusCode::kDataError);
  EXPECT_EQ(s.location().file, "ConList.xlsx");
  EXPECT_EQ(s.location().line, 2);
  EXPECT_EQ(s.location().field, "Group ID");
}

TEST(UkOfsiMalformed, EmptySheetAndHeaderOnly) {
  LoadedSource a;
  Status s = Parse(MakeZip(MakeWorkbook(MakeSheetXml({}))), &a);
  EXPECT_EQ(s.code(), StatusCode::kDataError);
  EXPECT_NE(s.message().find("header"), std::string::npos);
  LoadedSource b;
  s = Parse(Xlsx({}), &b);
  EXPECT_EQ(s.code(), StatusCode::kDataError);
  EXPECT_NE(s.message().find("no data rows"), std::string::npos);
}

TEST(UkOfsiMalformed, GarbageBytes) {
  LoadedSource src;
  Status s = Parse(std::string("\x00\x01garbage\xff", 10), &src);
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_EQ(s.location().file, "ConList.xlsx");
}

TEST(UkOfsiMalformed, BadRowsAndDatesAreSkippedWithLocation) {
  LoadedSource src;
  Status s = Parse(Xlsx({
                       Row({{"Name 6", "GOOD"}, {"Group Type", "Entity"}, {"Group ID", "1"},
                            {"Alias Type", "Primary name"}, {"Listed On", "31/02/20x5"}}),
                       Row({{"Name 6", "NO GROUP"}, {"Group Type", "Entity"}}),
                       Row({{"Group Type", "Entity"}, {"Group ID", "1"}, {"Alias Type", "AKA"}}),
                       Row({{"Name 6", "DOE"}, {"Name 1", "John"}, {"Group Type", "Individual"},
                            {"Group ID", "2"}, {"DOB", "45/13/1960"}, {"Alias Type", "AKA"}}),
                       Row({{"Group Type", "Individual"}, {"Group ID", "3"}, {"Alias Type", "AKA"}}),
                   }),
                   &src);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(src.entities.size(), 2u);  // group 3 has no name at all
  EXPECT_TRUE(HasSkip(src, 3, "Listed On"));
  EXPECT_TRUE(HasSkip(src, 4, "Group ID"));
  EXPECT_TRUE(HasSkip(src, 5, "Name 6"));
  EXPECT_TRUE(HasSkip(src, 6, "DOB"));
  EXPECT_TRUE(HasSkip(src, 7, "Name 6"));
  EXPECT_EQ(src.entities[1].names[0].full, "John DOE");
  EXPECT_TRUE(src.entities[1].birth_dates.empty());
}

// ------------------------------------------------------------------ quirks

TEST(UkOfsiQuirks, GroupMergingAndNames) {
  auto base = [](std::map<std::string, std::string> extra) {
    std::map<std::string, std::string> row = {
        {"Group Type", "Individual"}, {"Group ID", "77"}, {"Regime", "Russia"},
        {"Nationality", "(1) Russia. (2) Ukraine"}, {"Listed On", "01/03/2022"},
        {"Other Information", "(UK Sanctions List Ref):RUS9999. (UN Ref):QDi.001 (Gender):Female"},
        {"Last Updated", "01/05/2023"}};
    for (auto& [k, v] : extra) row[k] = v;
    return Row(row);
  };
  LoadedSource src;
  Status s = Parse(
      Xlsx({
          base({{"Name 6", "IVANOVA"}, {"Name 1", "Anna"}, {"Alias Type", "AKA"}, {"Alias Quality", "Low quality"},
                {"DOB", "dd/mm/1964"}, {"Title", "Dr"}}),
          base({{"Name 6", "IVANOVA"}, {"Name 1", "Anna"}, {"Name 2", "Petrovna"}, {"Alias Type", "Primary name"},
                {"DOB", "(1) 02/03/1970 (2) 00/00/1971"}, {"Name Non-Latin Script", "Анна Иванова"},
                {"Non-Latin Script Type", "Cryillic"}, {"Regime", "Belarus"}, {"Listed On", "05/05/2021"}}),
          base({{"Name 6", "IVANOVA"}, {"Name 1", "Anna"}, {"Alias Type", "AKA"}, {"DOB", "03/1972"}}),
          base({{"Name 6", "SMIRNOVA"}, {"Name 1", "Anna"}, {"Alias Type", "FKA"},
                {"Position", "Director"}}),
          base({{"Name 6", "IVANOVA"}, {"Name 1", "Anna"}, {"Name 2", "Petrovna"}, {"Alias Type", "Primary name"}}),
      }),
      &src);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(src.entities.size(), 1u);
  const Entity& e = src.entities[0];
  EXPECT_EQ(e.source_id, "77");
  ASSERT_EQ(e.names.size(), 4u);
  EXPECT_EQ(e.names[0].full, "Anna Petrovna IVANOVA");
  EXPECT_EQ(e.names[0].type, NameType::kPrimary);
  EXPECT_EQ(e.names[1].full, "Anna IVANOVA");
  // Seen weak on row 3 and strong on row 5: the strong reading wins.
  EXPECT_EQ(e.names[1].quality, NameQuality::kStrong);
  EXPECT_EQ(e.names[2].full, "Анна Иванова");
  EXPECT_EQ(e.names[2].script, "Cyrillic");
  EXPECT_EQ(e.names[3].full, "Anna SMIRNOVA");
  EXPECT_EQ(e.names[3].type, NameType::kFormerName);
  std::vector<std::string> dobs;
  for (const PartialDate& d : e.birth_dates) dobs.push_back(d.ToString());
  EXPECT_EQ(dobs, (std::vector<std::string>{"1964", "1970-03-02", "1971", "1972-03"}));
  EXPECT_EQ(e.nationalities, (std::vector<std::string>{"RU", "UA"}));
  EXPECT_EQ(e.programs, (std::vector<std::string>{"Russia", "Belarus"}));
  EXPECT_EQ(e.listing_date, "2021-05-05");  // the earliest
  EXPECT_EQ(e.references, (std::vector<std::string>{"uk:RUS9999", "un:QDi.001"}));
  EXPECT_EQ(e.gender, "female");
  EXPECT_EQ(e.title, "Dr");
  EXPECT_EQ(src.as_of, "2025-04-14");
  // raw: the first row in full, the others as differences.
  EXPECT_EQ(e.raw.rfind("Name 6: IVANOVA\nName 1: Anna\n", 0), 0u) << e.raw;
  EXPECT_NE(e.raw.find("row 4: Name 2: Petrovna; "), std::string::npos) << e.raw;
}

TEST(UkOfsiQuirks, WeakAliasOnlyAndWithoutPrimaryRow) {
  LoadedSource src;
  Status s = Parse(Xlsx({
                       Row({{"Name 6", "ALPHA"}, {"Group Type", "Entity"}, {"Group ID", "5"},
                            {"Alias Type", "AKA"}, {"Alias Quality", "Low quality"}}),
                       Row({{"Name 6", "BETA"}, {"Group Type", "Entity"}, {"Group ID", "5"},
                            {"Alias Type", "AKA"}, {"Alias Quality", "Low quality"},
                            {"Position", "Front company"}}),
                   }),
                   &src);
  ASSERT_TRUE(s.ok());
  const Entity& e = src.entities[0];
  EXPECT_EQ(e.schema, Schema::kOrganization);
  EXPECT_EQ(e.names[0].full, "ALPHA");
  EXPECT_EQ(e.names[0].type, NameType::kPrimary);
  EXPECT_EQ(e.names[0].quality, NameQuality::kStrong);
  EXPECT_EQ(e.names[1].quality, NameQuality::kWeak);
  EXPECT_EQ(e.names[0].given, "");
  EXPECT_EQ(e.title, "Front company");  // Position stands in for a missing Title
}

TEST(UkOfsiQuirks, DocumentsAddressesBirthPlaces) {
  LoadedSource src;
  Status s = Parse(
      Xlsx({Row({{"Name 6", "X"}, {"Name 1", "Y"}, {"Group Type", "Individual"}, {"Group ID", "9"},
                 {"Alias Type", "Primary name"},
                 {"Passport Number", "(1) A-1 (2) B2"},
                 {"Passport Details", "(1) Issued in Iraq (2) Expired"},
                 {"National Identification Number", "(1) 555 (2) -"},
                 {"National Identification Details", "Ration card"},
                 {"Town of Birth", "(1) Mosul (2) Baghdad"}, {"Country of Birth", "Iraq"},
                 {"Address 1", "1 Street"}, {"Address 6", "Baghdad"}, {"Post/Zip Code", "10001"},
                 {"Country", "Iraq (previous address)"},
                 {"Other Information", "(Business Reg No):12345. (IMO number):1234567"}}),
            Row({{"Name 6", "X"}, {"Name 1", "Y"}, {"Group Type", "Individual"}, {"Group ID", "9"},
                 {"Alias Type", "AKA"}, {"Country", "Russian Federation (as at November 2010)"}}),
            Row({{"Name 6", "X"}, {"Name 1", "Y"}, {"Group Type", "Individual"}, {"Group ID", "9"},
                 {"Alias Type", "AKA"}, {"Country", "Atlantis"}})}),
      &src);
  ASSERT_TRUE(s.ok()) << s.ToString();
  const Entity& e = src.entities[0];
  ASSERT_EQ(e.documents.size(), 5u);
  EXPECT_EQ(e.documents[0].type, DocumentType::kPassport);
  EXPECT_EQ(e.documents[0].number, "A-1");
  EXPECT_EQ(e.documents[0].note, "Issued in Iraq");
  EXPECT_EQ(e.documents[1].number, "B2");
  EXPECT_EQ(e.documents[1].note, "Expired");
  EXPECT_EQ(e.documents[2].type, DocumentType::kNationalId);
  EXPECT_EQ(e.documents[2].number, "555");
  EXPECT_EQ(e.documents[2].note, "Ration card");
  EXPECT_EQ(e.documents[3].type, DocumentType::kImo);
  EXPECT_EQ(e.documents[4].type, DocumentType::kRegistration);
  EXPECT_EQ(e.documents[4].number, "12345");
  EXPECT_EQ(e.birth_places, (std::vector<std::string>{"Mosul, Iraq", "Baghdad, Iraq"}));
  ASSERT_EQ(e.addresses.size(), 1u);
  EXPECT_EQ(e.addresses[0].full, "1 Street, Baghdad, 10001, Iraq (previous address)");
  EXPECT_EQ(e.addresses[0].city, "Baghdad");
  EXPECT_EQ(e.addresses[0].country, "IQ");
  EXPECT_EQ(e.countries, (std::vector<std::string>{"IQ", "RU", "Atlantis"}));
}

}  // namespace
}  // namespace cordon
