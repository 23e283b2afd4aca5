#include "lists/custom/custom_csv_loader.h"

#include <gtest/gtest.h>

#include <string>

#include "lists/common/temp_dir.h"

namespace cordon {
namespace {

const std::string kExampleDir = std::string(CORDON_SOURCE_DIR) + "/tests/data/custom_list";

const Entity* Find(const LoadedSource& src, const std::string& id) {
  for (const Entity& e : src.entities) {
    if (e.source_id == id) return &e;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------
// The example list shipped in tests/data/custom_list/.

TEST(CustomCsvExample, LoadsBothFilesInNameOrder) {
  LoadedSource out;
  Status st = LoadCustomCsv(kExampleDir, "internal", &out);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(out.format, "custom_csv");
  EXPECT_EQ(out.as_of, "");
  EXPECT_EQ(out.files, (std::vector<std::string>{kExampleDir + "/internal_blocklist.csv", kExampleDir + "/peps.csv"}));
  EXPECT_TRUE(out.skipped.empty()) << out.skipped[0].message;
  ASSERT_EQ(out.entities.size(), 11u);
  EXPECT_EQ(out.entities[0].source_id, "BL-0001");
  EXPECT_EQ(out.entities[7].source_id, "PEP-101");
  for (const Entity& e : out.entities) EXPECT_EQ(e.source, "internal");
}

TEST(CustomCsvExample, FieldsOfKnownRecords) {
  LoadedSource out;
  ASSERT_TRUE(LoadCustomCsv(kExampleDir, "internal", &out).ok());
  const Entity* viktor = Find(out, "BL-0001");
  ASSERT_NE(viktor, nullptr);
  EXPECT_EQ(viktor->schema, Schema::kPerson);
  ASSERT_EQ(viktor->names.size(), 3u);
  EXPECT_EQ(viktor->names[0].full, "Viktor Halloran");
  EXPECT_EQ(viktor->names[0].type, NameType::kPrimary);
  EXPECT_EQ(viktor->names[1].full, "V. Halloran");
  EXPECT_EQ(viktor->names[1].type, NameType::kAlias);
  ASSERT_EQ(viktor->birth_dates.size(), 1u);
  EXPECT_EQ(viktor->birth_dates[0].ToString(), "1971-03-14");
  EXPECT_EQ(viktor->countries, std::vector<std::string>{"IE"});
  ASSERT_EQ(viktor->documents.size(), 1u);
  EXPECT_EQ(viktor->documents[0].type, DocumentType::kPassport);
  EXPECT_EQ(viktor->documents[0].number, "PA1234567");
  EXPECT_EQ(viktor->programs, std::vector<std::string>{"internal_blocklist"});
  EXPECT_EQ(viktor->raw.substr(0, 24), "BL-0001,Viktor Halloran,");

  const Entity* northwind = Find(out, "BL-0002");
  ASSERT_NE(northwind, nullptr);
  EXPECT_EQ(northwind->schema, Schema::kCompany);
  EXPECT_EQ(northwind->countries, (std::vector<std::string>{"GB", "AE"}));
  ASSERT_EQ(northwind->documents.size(), 2u);
  EXPECT_EQ(northwind->documents[0].type, DocumentType::kRegistration);
  EXPECT_EQ(northwind->documents[1].type, DocumentType::kTaxId);
  EXPECT_EQ(northwind->documents[1].number, "GB123456789");

  const Entity* heron = Find(out, "BL-0003");
  ASSERT_NE(heron, nullptr);
  EXPECT_EQ(heron->schema, Schema::kVessel);
  EXPECT_EQ(heron->documents.at(0).type, DocumentType::kImo);
  EXPECT_EQ(heron->documents.at(0).number, "1234567");

  const Entity* lucia = Find(out, "BL-0004");
  ASSERT_NE(lucia, nullptr);
  EXPECT_EQ(lucia->names[0].full, "Marchetti, Lucia");
  EXPECT_EQ(lucia->birth_dates.at(0).ToString(), "1985-07");
  EXPECT_EQ(lucia->countries, std::vector<std::string>{"IT"});

  const Entity* ostrava = Find(out, "BL-0006");
  ASSERT_NE(ostrava, nullptr);
  EXPECT_EQ(ostrava->schema, Schema::kLegalEntity);  // empty type
  EXPECT_EQ(ostrava->documents.at(0).type, DocumentType::kOther);
  EXPECT_EQ(ostrava->documents.at(0).number, "CZ27182818");

  const Entity* jonah = Find(out, "BL-0007");
  ASSERT_NE(jonah, nullptr);
  EXPECT_TRUE(jonah->birth_dates.at(0).approximate);

  const Entity* teodor = Find(out, "PEP-102");
  ASSERT_NE(teodor, nullptr);
  EXPECT_EQ(teodor->countries, (std::vector<std::string>{"RO", "MD"}));
  EXPECT_EQ(teodor->names.size(), 3u);
  EXPECT_EQ(teodor->programs, std::vector<std::string>{"peps"});
}

// ---------------------------------------------------------------------------

TEST(CustomCsv, MinimalColumnsAnyOrderAndExtraColumns) {
  std::string csv = "Notes, NAME ,ID\r\nhello,Acme Holdings,A1\r\n,\"Smith, John\",A2\r\n";
  LoadedSource out;
  Status st = ParseCustomCsv(csv, "dir/my list.csv", "custom", &out);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_EQ(out.entities.size(), 2u);
  EXPECT_EQ(out.entities[0].source_id, "A1");
  EXPECT_EQ(out.entities[0].names[0].full, "Acme Holdings");
  EXPECT_EQ(out.entities[0].schema, Schema::kLegalEntity);
  EXPECT_EQ(out.entities[0].programs, std::vector<std::string>{"my list"});
  EXPECT_EQ(out.entities[1].names[0].full, "Smith, John");
}

TEST(CustomCsv, TypesAreCaseInsensitive) {
  std::string csv =
      "id,name,type\n1,a,Person\n2,b,ORGANIZATION\n3,c,company\n4,d,vessel\n5,e,aircraft\n6,f,legal_entity\n";
  LoadedSource out;
  ASSERT_TRUE(ParseCustomCsv(csv, "t.csv", "custom", &out).ok());
  ASSERT_EQ(out.entities.size(), 6u);
  EXPECT_EQ(out.entities[0].schema, Schema::kPerson);
  EXPECT_EQ(out.entities[1].schema, Schema::kOrganization);
  EXPECT_EQ(out.entities[2].schema, Schema::kCompany);
  EXPECT_EQ(out.entities[3].schema, Schema::kVessel);
  EXPECT_EQ(out.entities[4].schema, Schema::kAirplane);
  EXPECT_EQ(out.entities[5].schema, Schema::kLegalEntity);
}

TEST(CustomCsv, BadRecordsAreSkippedNamingFileLineAndField) {
  std::string csv =
      "id,name,type,birth_date,id_numbers,country\n"
      "1,Good One,person,1980-01-02,passport:X1,Atlantis\n"  // unknown country kept as text
      "2,Bad Type,dragon,,,\n"
      "3,Bad Date,person,1980-13-01,,\n"
      "4,Bad Prefix,person,,pasport:X2,\n"
      "5,,person,,,\n"
      ",No Id,person,,,\n"
      "1,Duplicate,person,,,\n"
      "8,Short row\n"
      "9,Bad \xC3\x28 UTF8,person,,,\n"
      "10,Empty Prefix,person,,passport: ,\n"
      "11,Second Date Bad,person,1980;someday,,\n";
  LoadedSource out;
  ASSERT_TRUE(ParseCustomCsv(csv, "list.csv", "custom", &out).ok());
  ASSERT_EQ(out.entities.size(), 1u);
  EXPECT_EQ(out.entities[0].countries, std::vector<std::string>{"Atlantis"});
  ASSERT_EQ(out.skipped.size(), 10u);
  struct Expect {
    int64_t line;
    const char* field;
    const char* message_part;
  } expected[] = {
      {3, "type", "unknown type 'dragon'"},
      {4, "birth_date", "not a date: '1980-13-01'"},
      {5, "id_numbers", "unknown id type 'pasport:'"},
      {6, "name", "empty name"},
      {7, "id", "empty id"},
      {8, "id", "duplicate id '1' (first defined at list.csv:2)"},
      {9, "", "expected 6 fields"},
      {10, "name", "invalid UTF-8"},
      {11, "id_numbers", "'passport:' without a number"},
      {12, "birth_date", "'someday'"},
  };
  for (size_t i = 0; i < out.skipped.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(out.skipped[i].file, "list.csv");
    EXPECT_EQ(out.skipped[i].line, expected[i].line);
    EXPECT_EQ(out.skipped[i].field, expected[i].field);
    EXPECT_NE(out.skipped[i].message.find(expected[i].message_part), std::string::npos) << out.skipped[i].message;
  }
}

TEST(CustomCsv, DuplicateIdsAcrossFilesNameTheFirstFile) {
  TempDir dir;
  const std::string a = dir.Write("a.csv", "id,name\nX,First\n");
  dir.Write("b.csv", "id,name\nY,Other\nX,Second\n");
  dir.Write("notes.txt", "ignored");
  LoadedSource out;
  ASSERT_TRUE(LoadCustomCsv(dir.path(), "custom", &out).ok());
  ASSERT_EQ(out.entities.size(), 2u);
  EXPECT_EQ(out.entities[0].names[0].full, "First");
  ASSERT_EQ(out.skipped.size(), 1u);
  EXPECT_EQ(out.skipped[0].file, dir.path() + "/b.csv");
  EXPECT_EQ(out.skipped[0].line, 3);
  EXPECT_NE(out.skipped[0].message.find("first defined at " + a + ":2"), std::string::npos) << out.skipped[0].message;
}

TEST(CustomCsv, HeaderErrorsNameFileAndColumn) {
  LoadedSource out;
  Status st = ParseCustomCsv("name,type\nAcme,company\n", "nolabel.csv", "custom", &out);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  EXPECT_EQ(st.location().file, "nolabel.csv");
  EXPECT_EQ(st.location().line, 1);
  EXPECT_EQ(st.location().field, "id");
  st = ParseCustomCsv("id,type\n1,company\n", "noname.csv", "custom", &out);
  EXPECT_EQ(st.location().field, "name");
  st = ParseCustomCsv("id,name,Name\n1,a,b\n", "twice.csv", "custom", &out);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  EXPECT_EQ(st.location().field, "name");
  st = ParseCustomCsv("", "empty.csv", "custom", &out);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  EXPECT_EQ(st.location().file, "empty.csv");
}

TEST(CustomCsv, TruncatedAndGarbageFiles) {
  LoadedSource out;
  Status st = ParseCustomCsv("id,name\n1,\"Never closed\n2,x\n", "cut.csv", "custom", &out);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  EXPECT_EQ(st.location().file, "cut.csv");
  EXPECT_EQ(st.location().line, 2);
  st = ParseCustomCsv(std::string("PK\x03\x04\x14\x00\x06\x00", 8), "excel.csv", "custom", &out);
  EXPECT_EQ(st.code(), StatusCode::kDataError);  // an .xlsx renamed to .csv: no id/name header
}

TEST(CustomCsv, FolderErrors) {
  LoadedSource out;
  EXPECT_EQ(LoadCustomCsv("/nonexistent/custom", "custom", &out).code(), StatusCode::kNotFound);
  TempDir dir;
  dir.Write("readme.md", "no lists here");
  Status st = LoadCustomCsv(dir.path(), "custom", &out);
  EXPECT_EQ(st.code(), StatusCode::kNotFound);
  EXPECT_EQ(st.location().file, dir.path());
  const std::string bad = dir.Write("bad.csv", "name\nx\n");
  st = LoadCustomCsv(dir.path(), "custom", &out);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  EXPECT_EQ(st.location().file, bad);
}

TEST(CustomCsv, Utf8BomAndAliasesDeduplicated) {
  LoadedSource out;
  ASSERT_TRUE(ParseCustomCsv("\xEF\xBB\xBFid,name,aliases\n1,Anna,Anna; Ana ; ;Ann\n", "bom.csv", "c", &out).ok());
  ASSERT_EQ(out.entities.size(), 1u);
  ASSERT_EQ(out.entities[0].names.size(), 3u);
  EXPECT_EQ(out.entities[0].names[1].full, "Ana");
  EXPECT_EQ(out.entities[0].names[2].full, "Ann");
}

}  // namespace
}  // namespace cordon
