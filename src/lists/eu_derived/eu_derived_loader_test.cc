#include "lists/eu_derived/eu_derived_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "lists/common/temp_dir.h"

namespace cordon {
namespace {

const std::string kRealDir = std::string(CORDON_SOURCE_DIR) + "/data/lists/eu";

const char kNamesHeader[] =
    "Entity_LogicalId,Entity_EU_ReferenceNumber,Entity_Remark,Entity_SubjectType,"
    "Entity_SubjectType_ClassificationCode,NameAlias_LastName,NameAlias_FirstName,"
    "NameAlias_MiddleName,NameAlias_WholeName,NameAlias_Title,NameAlias_Function,"
    "NameAlias_LogicalId,NameAlias_Remark\n";

const Entity* Find(const LoadedSource& src, const std::string& id) {
  for (const Entity& e : src.entities) {
    if (e.source_id == id) return &e;
  }
  return nullptr;
}

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool HasSkip(const LoadedSource& src, const std::string& file_suffix, int64_t line,
             const std::string& field) {
  for (const LoadIssue& i : src.skipped) {
    if (i.file.size() >= file_suffix.size() &&
        i.file.compare(i.file.size() - file_suffix.size(), file_suffix.size(), file_suffix) == 0 &&
        i.line == line && i.field == field) {
      return true;
    }
  }
  return false;
}

// A fresh folder per test, removed afterwards.
class EuDerivedFixture : public ::testing::Test {
 protected:
  void Write(const std::string& name, const std::string& text) { dir_.Write(name, text); }
  Status Load(LoadedSource* out) { return LoadEuDerived(dir_.path(), "eu", out); }
  TempDir dir_;
};

// ---------------------------------------------------------------- real data

TEST(EuDerivedReal, CountsMatchReadme) {
  LoadedSource src;
  auto start = std::chrono::steady_clock::now();
  Status s = LoadEuDerived(kRealDir, "eu", &src);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(src.format, "eu_fsf_derived");
  EXPECT_EQ(src.entities.size(), 5540u);
  size_t persons = 0, orgs = 0, names = 0;
  for (const Entity& e : src.entities) {
    persons += e.schema == Schema::kPerson;
    orgs += e.schema == Schema::kOrganization;
    names += e.names.size();
    ASSERT_FALSE(e.names.empty());
    EXPECT_EQ(e.names[0].type, NameType::kPrimary);
    EXPECT_EQ(e.source, "eu");
    EXPECT_FALSE(e.raw.empty());
  }
  EXPECT_EQ(persons, 4230u);
  EXPECT_EQ(orgs, 1310u);
  // 23,855 name rows, less the identical ones repeated within an entity.
  EXPECT_GT(names, 23000u);
  EXPECT_LT(names, 23855u);
  EXPECT_EQ(src.as_of, "2025-07-19");
  EXPECT_EQ(src.files.size(), 5u);
  EXPECT_LT(secs, 2.0);
  RecordProperty("load_seconds", std::to_string(secs));
  RecordProperty("names", std::to_string(names));
  RecordProperty("skipped", std::to_string(src.skipped.size()));
}

TEST(EuDerivedReal, Putin) {
  LoadedSource src;
  ASSERT_TRUE(LoadEuDerived(kRealDir, "eu", &src).ok());
  const Entity* e = Find(src, "135909");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kPerson);
  ASSERT_EQ(e->names.size(), 3u);
  EXPECT_EQ(e->names[0].full, "Vladimir Vladimirovich PUTIN");
  EXPECT_EQ(e->names[0].type, NameType::kPrimary);
  EXPECT_EQ(e->names[1].full, "Vladimir Vladimirovich POUTINE");
  EXPECT_EQ(e->names[1].type, NameType::kAlias);
  EXPECT_EQ(e->names[1].quality, NameQuality::kStrong);
  EXPECT_EQ(e->names[2].full, "Vladimir Vladimirovitj PUTIN");
  EXPECT_EQ(e->listing_date, "2022-02-25");
  EXPECT_TRUE(Has(e->references, "eu:EU.7510.16"));
  EXPECT_EQ(e->title, "President of the Russian Federation");
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].ToString(), "1952-10-07");
  ASSERT_EQ(e->birth_places.size(), 1u);
  EXPECT_EQ(e->birth_places[0], "Leningrad (now Saint-Petersburg), Russia");
  EXPECT_NE(e->raw.find("Vladimir Vladimirovitj PUTIN"), std::string::npos);
  EXPECT_NE(e->raw.find("output_BirthDt_english.csv: 135909,"), std::string::npos);
}

TEST(EuDerivedReal, EntityWithUnId) {
  LoadedSource src;
  ASSERT_TRUE(LoadEuDerived(kRealDir, "eu", &src).ok());
  const Entity* e = Find(src, "112270");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(Has(e->references, "un:KPi.040"));
  EXPECT_TRUE(Has(e->references, "eu:EU.4070.8"));
  EXPECT_EQ(e->listing_date, "2017-06-02");
  EXPECT_EQ(e->names[0].full, "Il Woo Cho");
  EXPECT_EQ(e->names[0].given, "Il Woo");
  EXPECT_EQ(e->names[0].family, "Cho");
  EXPECT_EQ(e->nationalities, std::vector<std::string>{"KP"});
  ASSERT_EQ(e->documents.size(), 1u);
  EXPECT_EQ(e->documents[0].type, DocumentType::kPassport);
  EXPECT_EQ(e->documents[0].number, "736410010");
  EXPECT_EQ(e->documents[0].country, "");  // "00" = unknown
  EXPECT_EQ(e->documents[0].note, "National passport; Passport No 736410010.");
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].ToString(), "1945-05-10");
  ASSERT_EQ(e->birth_places.size(), 1u);
  EXPECT_EQ(e->birth_places[0].rfind("Musan, North Hamgyo'ng Province, ", 0), 0u)
      << e->birth_places[0];
  size_t un = 0;
  for (const Entity& x : src.entities) {
    un += std::any_of(x.references.begin(), x.references.end(),
                      [](const std::string& r) { return r.rfind("un:", 0) == 0; });
  }
  EXPECT_EQ(un, 88u);
}

TEST(EuDerivedReal, SaddamHusseinFirstRows) {
  LoadedSource src;
  ASSERT_TRUE(LoadEuDerived(kRealDir, "eu", &src).ok());
  const Entity& e = src.entities.front();
  EXPECT_EQ(e.source_id, "13");
  EXPECT_EQ(e.names[0].full, "Saddam Hussein Al-Tikriti");
  EXPECT_EQ(e.names[0].given, "Saddam");
  EXPECT_EQ(e.names[0].family, "Hussein Al-Tikriti");
  EXPECT_EQ(e.names[1].full, "Abu Ali");
  EXPECT_EQ(e.names[1].given, "");
  EXPECT_EQ(e.listing_date, "");  // no designation date in this remark
  EXPECT_EQ(e.nationalities, std::vector<std::string>{"IQ"});
}

TEST(EuDerivedReal, AddressesAndCountries) {
  LoadedSource src;
  ASSERT_TRUE(LoadEuDerived(kRealDir, "eu", &src).ok());
  const Entity* e = Find(src, "1981");
  ASSERT_NE(e, nullptr);
  ASSERT_GE(e->addresses.size(), 2u);
  EXPECT_EQ(e->addresses[0].full, "Hai Babil, Lane 11, District 929, Baghdad, Iraq");
  EXPECT_EQ(e->addresses[0].city, "Baghdad");
  EXPECT_EQ(e->addresses[0].country, "IQ");
  EXPECT_TRUE(Has(e->countries, "IQ"));
}

// ------------------------------------------------------------------ quirks

TEST_F(EuDerivedFixture, GroupsFloatIdsOrdersAndDeduplicatesNames) {
  Write("output_namealias_english_2.csv",
        std::string(kNamesHeader) +
            "7.0,EU.1.2,,P,person,DOE,John,Q,John Q DOE,Dr,Minister,30.0,\n"
            "7,EU.1.2,,P,person,,,,Johnny Doe,,,10.0,\n"
            "7,EU.1.2,,P,person,,,,John Q DOE,,,40.0,\n"
            "8,EU.9.9,,E,enterprise,,,,ACME LTD,,Makes weapons,5.0,\n");
  LoadedSource src;
  ASSERT_TRUE(Load(&src).ok());
  ASSERT_EQ(src.entities.size(), 2u);
  const Entity& e = src.entities[0];
  EXPECT_EQ(e.source_id, "7");
  ASSERT_EQ(e.names.size(), 2u);
  EXPECT_EQ(e.names[0].full, "Johnny Doe");  // lowest NameAlias_LogicalId
  EXPECT_EQ(e.names[0].type, NameType::kPrimary);
  EXPECT_EQ(e.names[1].full, "John Q DOE");
  EXPECT_EQ(e.names[1].type, NameType::kAlias);
  EXPECT_EQ(e.names[1].given, "John Q");
  EXPECT_EQ(e.names[1].family, "DOE");
  EXPECT_EQ(e.title, "Dr");
  EXPECT_EQ(src.entities[1].schema, Schema::kOrganization);
  EXPECT_EQ(src.entities[1].title, "");  // an enterprise's Function is a description
  EXPECT_EQ(src.as_of, "");
  EXPECT_EQ(src.files.size(), 1u);  // optional tables absent
}

TEST_F(EuDerivedFixture, CompositeRemarkAndDates) {
  Write("output_namealias_english_2.csv",
        std::string(kNamesHeader) +
            "1,EU.5.5,(UN ID: QDi.1)\\n(Date of UN designation: 2031-01-01),P,person,,,,A B,,,1.0,\n"
            "2,EU.6.6,(Date of UN designation: 6.1.2012.\\nText),P,person,,,,C D,,,2.0,\n"
            "3,EU.7.7,(Date of UN designation: 2020-13-45),P,person,,,,E F,,,3.0,\n");
  LoadedSource src;
  ASSERT_TRUE(Load(&src).ok());
  ASSERT_EQ(src.entities.size(), 3u);
  EXPECT_EQ(src.entities[0].references, (std::vector<std::string>{"un:QDi.1", "eu:EU.5.5"}));
  EXPECT_EQ(src.entities[0].listing_date, "2031-01-01");
  EXPECT_EQ(src.entities[1].listing_date, "2012-01-06");
  EXPECT_EQ(src.entities[2].listing_date, "");
  EXPECT_TRUE(HasSkip(src, "output_namealias_english_2.csv", 4, "Entity_Remark"));
  // 2031 is ignored for as_of.
  EXPECT_EQ(src.as_of, "2012-01-06");
}

TEST_F(EuDerivedFixture, OptionalTables) {
  Write("output_namealias_english_2.csv",
        std::string(kNamesHeader) + "5,EU.1.1,,P,person,,,,X Y,,,1.0,\n");
  Write("output_IDN_english.csv",
        "Entity_LogicalId,Entity_EU_ReferenceNumber,Entity_SubjectType,"
        "Entity_SubjectType_ClassificationCode,Identification_Number,Identification_TypeCode,"
        "Identification_TypeDescription,Identification_Region,Identification_CountryIso2Code,"
        "Identification_Remark\n"
        "5,EU.1.1,P,person,A1 (passport-National passport) ,passport,National passport,,RU,\n"
        "5,EU.1.1,P,person,A1 (passport-National passport) ,passport,National passport,,RU,\n"
        "5,EU.1.1,P,person,77 (id-National identification card) ,id,National identification "
        "card,,00,\n"
        "5,EU.1.1,P,person,99 (regnumber-Registration Number) ,regnumber,Registration Number,,BY,\n"
        "5,EU.1.1,P,person,11 (fiscalcode-National Fiscal Code) ,fiscalcode,National Fiscal "
        "Code,,RU,\n"
        "5,EU.1.1,P,person,9123456 (imo-IMO) ,imo,IMO,,00,\n"
        "5,EU.1.1,P,person, (other-Other) ,other,Other,,00,\n"
        "6,EU.1.1,P,person,12 (id-x) ,id,x,,00,\n");
  Write("output_BirthDt_english.csv",
        "Entity_LogicalId,Entity_EU_ReferenceNumber,BirthDate_BirthDate,BirthDate_Day,"
        "BirthDate_Month,BirthDate_Year,BirthDate_Region,BirthDate_Place,BirthDate_City,"
        "BirthDate_CountryIso2Code,BirthDate_CountryDescription,BirthDate_Remark\n"
        "5,EU.1.1,1960-02-03,3.0,2.0,1960.0,,,Minsk,BY,BELARUS,\n"
        "5,EU.1.1,,,4.0,1961.0,,,,00,UNKNOWN,\n"
        "5,EU.1.1,,,,1962.0,,,,00,UNKNOWN,\n"
        "5,EU.1.1,1960-13-01,,,,,,,00,UNKNOWN,\n"
        "5,EU.1.1,,,,abc,,,,00,UNKNOWN,\n");
  Write("output_Citizen_english.csv",
        "Entity_LogicalId,Entity_EU_ReferenceNumber,Entity_SubjectType,"
        "Entity_SubjectType_ClassificationCode,Citizenship_CountryIso2Code,Citizenship_Remark\n"
        "5,EU.1.1,P,person,BY,\n5,EU.1.1,P,person,00,\n5,EU.1.1,P,person,BY,\n");
  Write("output_Address_english.csv",
        "Entity_LogicalId,Entity_EU_ReferenceNumber,Address_City,Address_Street,Address_PoBox,"
        "Address_ZipCode,Address_Region,Address_Place,Address_AsAtListingTime,Address_ContactInfo,"
        "Address_CountryIso2Code,Address_CountryDescription,Address_Remark\n"
        "5,EU.1.1,Minsk,1 Main St,,220000,,,NO,,BY,BELARUS,\n"
        "5,EU.1.1,,,,,,,NO,,SY,SYRIA,\n");
  LoadedSource src;
  Status s = Load(&src);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(src.entities.size(), 1u);
  const Entity& e = src.entities[0];
  ASSERT_EQ(e.documents.size(), 5u);
  EXPECT_EQ(e.documents[0].type, DocumentType::kPassport);
  EXPECT_EQ(e.documents[0].number, "A1");
  EXPECT_EQ(e.documents[0].country, "RU");
  EXPECT_EQ(e.documents[1].type, DocumentType::kNationalId);
  EXPECT_EQ(e.documents[1].country, "");
  EXPECT_EQ(e.documents[2].type, DocumentType::kRegistration);
  EXPECT_EQ(e.documents[3].type, DocumentType::kTaxId);
  EXPECT_EQ(e.documents[4].type, DocumentType::kImo);
  EXPECT_TRUE(HasSkip(src, "output_IDN_english.csv", 8, "Identification_Number"));
  EXPECT_TRUE(HasSkip(src, "output_IDN_english.csv", 9, "Entity_LogicalId"));  // entity 6
  ASSERT_EQ(e.birth_dates.size(), 3u);
  EXPECT_EQ(e.birth_dates[0].ToString(), "1960-02-03");
  EXPECT_EQ(e.birth_dates[1].ToString(), "1961-04");
  EXPECT_EQ(e.birth_dates[2].ToString(), "1962");
  EXPECT_TRUE(HasSkip(src, "output_BirthDt_english.csv", 5, "BirthDate_BirthDate"));
  EXPECT_TRUE(HasSkip(src, "output_BirthDt_english.csv", 6, "BirthDate_Year"));
  EXPECT_EQ(e.birth_places, std::vector<std::string>{"Minsk, Belarus"});
  EXPECT_EQ(e.nationalities, std::vector<std::string>{"BY"});
  ASSERT_EQ(e.addresses.size(), 1u);
  EXPECT_EQ(e.addresses[0].full, "1 Main St, 220000, Minsk, Belarus");
  EXPECT_EQ(e.countries, (std::vector<std::string>{"BY", "SY"}));
  EXPECT_EQ(src.files.size(), 5u);
  // Duplicate rows appear once in raw.
  std::string dup = "output_IDN_english.csv: 5,EU.1.1,P,person,A1 ";
  size_t first = e.raw.find(dup);
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(e.raw.find(dup, first + 1), std::string::npos);
}

// --------------------------------------------------------- malformed input

TEST_F(EuDerivedFixture, MissingNamesFile) {
  LoadedSource src;
  Status s = Load(&src);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_NE(s.location().file.find("output_namealias_english_2.csv"), std::string::npos);
}

TEST_F(EuDerivedFixture, MissingRequiredColumn) {
  Write("output_namealias_english_2.csv", "Entity_LogicalId,Entity_SubjectType\n1,P\n");
  LoadedSource src;
  Status s = Load(&src);
  EXPECT_EQ(s.code(), StatusCode::kDataError);
  EXPECT_EQ(s.location().line, 1);
  EXPECT_EQ(s.location().field, "NameAlias_WholeName");
  EXPECT_NE(s.location().file.find("output_namealias_english_2.csv"), std::string::npos);
}

TEST_F(EuDerivedFixture, OptionalTableWithBadHeaderFails) {
  Write("output_namealias_english_2.csv", std::string(kNamesHeader) + "5,E,,P,p,,,,X,,,1.0,\n");
  Write("output_Citizen_english.csv", "foo,bar\n1,2\n");
  LoadedSource src;
  Status s = Load(&src);
  EXPECT_EQ(s.code(), StatusCode::kDataError);
  EXPECT_EQ(s.location().field, "Entity_LogicalId");
  EXPECT_NE(s.location().file.find("output_Citizen_english.csv"), std::string::npos);
}

TEST_F(EuDerivedFixture, BadRowsAreSkippedWithLocation) {
  Write("output_namealias_english_2.csv",
        std::string(kNamesHeader) +
            "1,EU.1.1,,P,person,,,,Good Name,,,1.0,\n"
            "x1,EU.1.1,,P,person,,,,Bad Id,,,2.0,\n"
            "2,EU.1.1,,P,person,,,,Too,Few\n"
            "3,EU.1.1,,P,person,,,,,,,3.0,\n"
            "4,EU.1.1,,P,person,,,,Bad \xC3\x28 UTF,,,4.0,\n"
            "1.5,EU.1.1,,P,person,,,,Fraction,,,5.0,\n");
  LoadedSource src;
  ASSERT_TRUE(Load(&src).ok());
  ASSERT_EQ(src.entities.size(), 1u);
  EXPECT_TRUE(HasSkip(src, "output_namealias_english_2.csv", 3, "Entity_LogicalId"));
  EXPECT_TRUE(HasSkip(src, "output_namealias_english_2.csv", 4, ""));
  EXPECT_TRUE(HasSkip(src, "output_namealias_english_2.csv", 5, "NameAlias_WholeName"));
  EXPECT_TRUE(HasSkip(src, "output_namealias_english_2.csv", 6, ""));
  EXPECT_TRUE(HasSkip(src, "output_namealias_english_2.csv", 7, "Entity_LogicalId"));
  EXPECT_EQ(src.skipped.size(), 5u);
}

TEST_F(EuDerivedFixture, TruncatedFileIsAnError) {
  // Cut inside a quoted field: the CSV reader reports the open quote.
  Write("output_namealias_english_2.csv",
        std::string(kNamesHeader) + "1,EU.1.1,,P,person,,,,A,,\"Function cut he");
  LoadedSource src;
  Status s = Load(&src);
  EXPECT_EQ(s.code(), StatusCode::kDataError);
  EXPECT_EQ(s.location().line, 2);
  EXPECT_NE(s.location().file.find("output_namealias_english_2.csv"), std::string::npos);
}

TEST_F(EuDerivedFixture, EmptyAndGarbageFiles) {
  Write("output_namealias_english_2.csv", "");
  LoadedSource a;
  Status s = Load(&a);
  EXPECT_EQ(s.code(), StatusCode::kDataError);
  EXPECT_EQ(s.location().line, 1);
  Write("output_namealias_english_2.csv", std::string("\x00\xff\x01garbage\n\x02,\x03\n", 16));
  LoadedSource b;
  s = Load(&b);
  EXPECT_EQ(s.code(), StatusCode::kDataError);
  EXPECT_NE(s.location().file.find("output_namealias_english_2.csv"), std::string::npos);
}

TEST_F(EuDerivedFixture, HeaderOnlyHasNoEntities) {
  Write("output_namealias_english_2.csv", kNamesHeader);
  LoadedSource src;
  Status s = Load(&src);
  EXPECT_EQ(s.code(), StatusCode::kDataError);
  EXPECT_EQ(s.location().field, "Entity_LogicalId");
}

}  // namespace
}  // namespace cordon
