#include "lists/us_csl/us_csl_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "lists/common/shared_source_fixture.h"
#include "lists/common/temp_dir.h"

namespace cordon {
namespace {

const std::string kCslDir = std::string(CORDON_SOURCE_DIR) + "/data/lists/us_csl";
const std::string kHeader =
    "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,"
    "standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,"
    "gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,"
    "dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n";
constexpr char kSdn[] = "Specially Designated Nationals (SDN) - Treasury Department";

// A CSL row from the columns that matter; the rest empty.
struct Row {
  std::string id, source = kSdn, entity_number, type, programs, name, title, addresses, start_date, vessel_flag,
                  alt_names, citizenships, dates_of_birth, nationalities, places_of_birth, ids;
  std::string Csv() const {
    auto q = [](const std::string& s) {
      std::string out = "\"";
      for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
      return out + "\"";
    };
    return q(id) + "," + q(source) + "," + q(entity_number) + "," + q(type) + "," + q(programs) + "," + q(name) + "," +
           q(title) + "," + q(addresses) + ",," + q(start_date) + ",,,,,,,,," + q(vessel_flag) + ",,,," + q(alt_names) +
           "," + q(citizenships) + "," + q(dates_of_birth) + "," + q(nationalities) + "," + q(places_of_birth) + ",," +
           q(ids) + "\n";
  }
};

const Entity* Find(const LoadedSource& src, const std::string& id) {
  for (const Entity& e : src.entities) {
    if (e.source_id == id) return &e;
  }
  return nullptr;
}

const IdentityDocument* FindDoc(const Entity& e, const std::string& number) {
  for (const IdentityDocument& d : e.documents) {
    if (d.number == number) return &d;
  }
  return nullptr;
}

class CslRealData : public SharedSourceFixture<CslRealData> {
 public:
  static Status Load(LoadedSource* out) { return LoadUsCsl(kCslDir, "us_csl", out); }
};

TEST_F(CslRealData, LoadsAllRows) {
  ASSERT_TRUE(status_->ok()) << status_->ToString();
  EXPECT_EQ(src_->format, "us_csl");
  EXPECT_EQ(src_->as_of, "2022-04-21");
  EXPECT_EQ(src_->files, std::vector<std::string>{kCslDir + "/consolidated.csv.gz"});
  EXPECT_TRUE(src_->skipped.empty());
  // 14,160 rows; 112 of them repeat an OFAC ent_num already listed under
  // another source list (SDN + SSI + CAPTA ...) and are merged.
  size_t names = 0, source_lists = 0;
  std::map<Schema, int> by_schema;
  std::set<std::string> ids;
  for (const Entity& e : src_->entities) {
    names += e.names.size();
    for (const std::string& p : e.programs)
      source_lists +=
          p.find(" Department") != std::string::npos || p.find("Bureau of Industry and Security") != std::string::npos;
    ++by_schema[e.schema];
    EXPECT_TRUE(ids.insert(e.source_id).second);
    ASSERT_FALSE(e.names.empty());
    EXPECT_FALSE(e.programs.empty());
  }
  EXPECT_EQ(src_->entities.size(), 14048u);
  // Every row's source list is kept: 14,160 rows, less one exact repeat
  // (15268 BANK OF KUNLUN twice under CAPTA).
  EXPECT_EQ(source_lists, 14159u);
  EXPECT_GT(by_schema[Schema::kPerson], 5200);
  EXPECT_GT(by_schema[Schema::kOrganization], 4500);
  EXPECT_EQ(by_schema[Schema::kVessel], 433);
  EXPECT_EQ(by_schema[Schema::kAirplane], 283);
  std::printf(
      "CSL: %zu entities, %zu names, %d persons, %d organizations, %d legal entities, "
      "loaded in %.1f ms\n",
      src_->entities.size(), names, by_schema[Schema::kPerson], by_schema[Schema::kOrganization],
      by_schema[Schema::kLegalEntity], load_ms_);
  EXPECT_LT(load_ms_, 2000.0);
}

TEST_F(CslRealData, PutinNamePartsAndAddresses) {
  const Entity* e = Find(*src_, "35096");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kPerson);
  EXPECT_EQ(e->names[0].full, "PUTIN, Vladimir Vladimirovich");
  EXPECT_EQ(e->names[0].family, "PUTIN");
  EXPECT_EQ(e->names[0].given, "Vladimir Vladimirovich");
  ASSERT_EQ(e->names.size(), 2u);
  EXPECT_EQ(e->names[1].type, NameType::kAlias);
  EXPECT_EQ(e->names[1].given, "Vladimir");
  EXPECT_EQ(e->title, "President of the Russian Federation");
  EXPECT_EQ(e->gender, "male");
  EXPECT_EQ(e->nationalities, std::vector<std::string>{"RU"});
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].ToString(), "1952-10-07");
  EXPECT_EQ(e->birth_places, std::vector<std::string>{"Leningrad, Russia"});
  ASSERT_EQ(e->addresses.size(), 4u);
  EXPECT_EQ(e->addresses[0].full, "Kremlin, Moscow, RU");
  EXPECT_EQ(e->addresses[0].country, "RU");
  EXPECT_EQ(e->countries, std::vector<std::string>{"RU"});
  EXPECT_EQ(e->programs, (std::vector<std::string>{"RUSSIA-EO14024", kSdn}));
  EXPECT_EQ(e->references, std::vector<std::string>{"ofac:35096"});
  EXPECT_TRUE(e->documents.empty());  // "Male, Gender" is not a document
}

TEST_F(CslRealData, DocumentsWithCountriesAndDates) {
  const Entity* e = Find(*src_, "17291");
  ASSERT_NE(e, nullptr);
  const IdentityDocument* qa = FindDoc(*e, "28940000602");
  ASSERT_NE(qa, nullptr);
  EXPECT_EQ(qa->type, DocumentType::kNationalId);
  EXPECT_EQ(qa->country, "QA");
  const IdentityDocument* jo = FindDoc(*e, "K475336");
  ASSERT_NE(jo, nullptr);
  EXPECT_EQ(jo->type, DocumentType::kPassport);
  EXPECT_EQ(jo->country, "JO");
  EXPECT_EQ(jo->note, "Passport; 2014-08-30, 2009-08-31");
  const Entity* no_country = Find(*src_, "17292");
  ASSERT_NE(no_country, nullptr);
  const IdentityDocument* k048 = FindDoc(*no_country, "K048787");
  ASSERT_NE(k048, nullptr);
  EXPECT_EQ(k048->country, "");
}

TEST_F(CslRealData, VesselImoAndAircraft) {
  const Entity* vessel = Find(*src_, "23156");
  ASSERT_NE(vessel, nullptr);
  EXPECT_EQ(vessel->schema, Schema::kVessel);
  EXPECT_EQ(vessel->names[0].full, "7-28");
  ASSERT_EQ(vessel->documents.size(), 1u);
  EXPECT_EQ(vessel->documents[0].type, DocumentType::kImo);
  EXPECT_EQ(vessel->documents[0].number, "8898831");
  EXPECT_EQ(vessel->countries, std::vector<std::string>{"KP"});  // vessel_flag
  const Entity* plane = Find(*src_, "15445");
  ASSERT_NE(plane, nullptr);
  EXPECT_EQ(plane->schema, Schema::kAirplane);
  ASSERT_EQ(plane->documents.size(), 1u);  // the construction number; model/operator/dates are not ids
  EXPECT_EQ(plane->documents[0].number, "464");
  EXPECT_EQ(plane->documents[0].type, DocumentType::kOther);
}

TEST_F(CslRealData, RowsOnSeveralSourceListsAreMerged) {
  const Entity* e = Find(*src_, "18725");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->names[0].full, "BANCO VTB AFRICA SA");
  EXPECT_EQ(e->schema, Schema::kOrganization);
  EXPECT_EQ(std::count(e->raw.begin(), e->raw.end(), '\n'), 2);
  std::set<std::string> programs(e->programs.begin(), e->programs.end());
  EXPECT_TRUE(programs.count("Capta List (CAP) - Treasury Department"));
  EXPECT_TRUE(programs.count(kSdn));
  EXPECT_TRUE(programs.count("Sectoral Sanctions Identifications List (SSI) - Treasury Department"));
  EXPECT_TRUE(programs.count("UKRAINE-EO13662"));
  EXPECT_EQ(e->names.size(), 2u);      // primary + "VTB AFRICA", not repeated
  EXPECT_EQ(e->documents.size(), 1u);  // SWIFT/BIC VTBLAOLU once
}

TEST_F(CslRealData, BisRowsWithoutType) {
  const Entity* ash = Find(*src_, "deb7a1d5743a85c354ca1a2c7f2664e2104b32d7");
  ASSERT_NE(ash, nullptr);
  EXPECT_EQ(ash->names[0].full, "I. ASH");  // leading space trimmed
  EXPECT_EQ(ash->schema, Schema::kLegalEntity);
  EXPECT_EQ(ash->listing_date, "2003-06-19");
  EXPECT_EQ(ash->addresses.at(0).country, "US");
  EXPECT_TRUE(ash->references.empty());
  const Entity* kinglead = Find(*src_, "4403e588c87d59bd323802cb14c5e9773e45ade2");
  ASSERT_NE(kinglead, nullptr);
  EXPECT_EQ(kinglead->schema, Schema::kOrganization);  // "Co., Ltd."
  ASSERT_EQ(kinglead->names.size(), 3u);
  EXPECT_EQ(kinglead->names[2].full, "Kinglead Trading");  // "and Kinglead Trading"
  EXPECT_EQ(kinglead->addresses.at(0).country, "CN");
}

// ---------------------------------------------------------------------------

TEST(CslParse, MapsFieldsOfOneRow) {
  Row r;
  r.id = "1";
  r.entity_number = "1";
  r.type = "Individual";
  r.programs = "SDGT; IRGC";
  r.name = "DOE, John Q";
  r.alt_names = "DOE, Johnny; J.Q.D.";
  r.dates_of_birth = "1960; circa 1961; 1960 to 1962; not a date";
  r.citizenships = "IR";
  r.nationalities = "IR; Iraq";
  r.places_of_birth = "Tehran, Iran";
  r.addresses = "Tehran, IR; 1 Main St, Springfield, 12345";
  r.start_date = "2020-02-03";
  r.ids =
      "IR, A1, Passport; B2, Tax ID No.; IR, C3, Cedula No.; D4, Registration Number; "
      "www.x.com, Website; 1 Jan 2000, Organization Established Date; E5, SWIFT/BIC; Female, Gender; "
      "lonely";
  LoadedSource out;
  Status st = ParseUsCsl(kHeader + r.Csv(), "c.csv", "us_csl", &out);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_EQ(out.entities.size(), 1u);
  const Entity& e = out.entities[0];
  EXPECT_EQ(e.source, "us_csl");
  ASSERT_EQ(e.names.size(), 3u);
  EXPECT_EQ(e.names[2].full, "J.Q.D.");
  EXPECT_EQ(e.names[2].given, "");
  ASSERT_EQ(e.birth_dates.size(), 3u);
  EXPECT_EQ(e.birth_dates[1].ToString(), "~1961");
  EXPECT_EQ(e.birth_dates[2].ToString(), "1960..1962");
  EXPECT_EQ(e.nationalities, (std::vector<std::string>{"IR", "IQ"}));
  ASSERT_EQ(e.addresses.size(), 2u);
  EXPECT_EQ(e.addresses[0].city, "Tehran");
  EXPECT_EQ(e.addresses[1].country, "");
  EXPECT_EQ(e.addresses[1].full, "1 Main St, Springfield, 12345");
  EXPECT_EQ(e.countries, std::vector<std::string>{"IR"});
  ASSERT_EQ(e.documents.size(), 5u);
  EXPECT_EQ(e.documents[0].type, DocumentType::kPassport);
  EXPECT_EQ(e.documents[0].country, "IR");
  EXPECT_EQ(e.documents[1].type, DocumentType::kTaxId);
  EXPECT_EQ(e.documents[2].type, DocumentType::kNationalId);
  EXPECT_EQ(e.documents[3].type, DocumentType::kRegistration);
  EXPECT_EQ(e.documents[4].type, DocumentType::kOther);
  EXPECT_EQ(e.documents[4].note, "SWIFT/BIC");
  EXPECT_EQ(e.gender, "female");
  EXPECT_EQ(e.listing_date, "2020-02-03");
  EXPECT_EQ(out.as_of, "2020-02-03");
  EXPECT_EQ(e.programs, (std::vector<std::string>{"SDGT", "IRGC", kSdn}));
}

TEST(CslParse, ImplausibleStartDatesAreIgnored) {
  Row a, b, c;
  a.id = "a", a.name = "A", a.start_date = "0017-05-26";
  b.id = "b", b.name = "B", b.start_date = "2099-01-01";
  c.id = "c", c.name = "C", c.start_date = "2019-12-31";
  LoadedSource out;
  ASSERT_TRUE(ParseUsCsl(kHeader + a.Csv() + b.Csv() + c.Csv(), "c.csv", "us_csl", &out).ok());
  ASSERT_EQ(out.entities.size(), 3u);
  EXPECT_EQ(out.entities[0].listing_date, "");
  EXPECT_EQ(out.entities[1].listing_date, "");
  EXPECT_EQ(out.as_of, "2019-12-31");
}

TEST(CslParse, BadRowsAreSkippedNamingLineAndColumn) {
  Row ok, no_id, no_name, bad_utf8;
  ok.id = "1", ok.name = "OK";
  no_id.name = "NO ID";
  no_name.id = "3";
  bad_utf8.id = "4", bad_utf8.name = "BAD", bad_utf8.alt_names = "caf\xC3";
  std::string text = kHeader + ok.Csv() + "\"2\",\"short\"\n" + no_id.Csv() + no_name.Csv() + bad_utf8.Csv();
  LoadedSource out;
  ASSERT_TRUE(ParseUsCsl(text, "c.csv", "us_csl", &out).ok());
  ASSERT_EQ(out.entities.size(), 1u);
  ASSERT_EQ(out.skipped.size(), 4u);
  EXPECT_EQ(out.skipped[0].file, "c.csv");
  EXPECT_EQ(out.skipped[0].line, 3);
  EXPECT_NE(out.skipped[0].message.find("expected 29 fields, found 2"), std::string::npos);
  EXPECT_EQ(out.skipped[1].line, 4);
  EXPECT_EQ(out.skipped[1].field, "_id");
  EXPECT_EQ(out.skipped[2].line, 5);
  EXPECT_EQ(out.skipped[2].field, "name");
  EXPECT_EQ(out.skipped[3].line, 6);
  EXPECT_EQ(out.skipped[3].field, "alt_names");
  EXPECT_NE(out.skipped[3].message.find("UTF-8"), std::string::npos);
}

TEST(CslParse, MissingColumnIsDataErrorNamingIt) {
  LoadedSource out;
  Status st = ParseUsCsl("_id,source,type,name\n1,x,Entity,ACME\n", "c.csv", "us_csl", &out);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  EXPECT_EQ(st.location().file, "c.csv");
  EXPECT_EQ(st.location().line, 1);
  EXPECT_EQ(st.location().field, "programs");
}

TEST(CslParse, EmptyTruncatedAndGarbage) {
  LoadedSource out;
  EXPECT_EQ(ParseUsCsl("", "c.csv", "us_csl", &out).code(), StatusCode::kDataError);
  Row r;
  r.id = "1", r.name = "CUT";
  std::string csv = r.Csv();
  Status st = ParseUsCsl(kHeader + csv.substr(0, 20), "c.csv", "us_csl", &out);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  EXPECT_EQ(st.location().line, 2);
  st = ParseUsCsl(std::string("\x1f\x8b\x08\x00\xff\xfe\x01\x02", 8), "c.csv", "us_csl", &out);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
}

TEST(CslLoad, MissingFileAndCorruptGzip) {
  LoadedSource out;
  Status st = LoadUsCsl("/nonexistent/csl", "us_csl", &out);
  EXPECT_EQ(st.code(), StatusCode::kNotFound);
  EXPECT_EQ(st.location().file, "/nonexistent/csl");
  TempDir dir;
  // gzip magic followed by garbage: a truncated or corrupt download.
  dir.Write("consolidated.csv.gz", std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage", 17));
  st = LoadUsCsl(dir.path(), "us_csl", &out);
  EXPECT_EQ(st.code(), StatusCode::kIoError);
  EXPECT_EQ(st.location().file, dir.path() + "/consolidated.csv.gz");
}

TEST(CslLoad, PlainCsvIsPreferred) {
  TempDir dir;
  Row r;
  r.id = "9", r.name = "PLAIN", r.type = "Entity";
  dir.Write("consolidated.csv", kHeader + r.Csv());
  LoadedSource out;
  ASSERT_TRUE(LoadUsCsl(dir.path(), "us_csl", &out).ok());
  EXPECT_EQ(out.files, std::vector<std::string>{dir.path() + "/consolidated.csv"});
  ASSERT_EQ(out.entities.size(), 1u);
  EXPECT_EQ(out.entities[0].schema, Schema::kOrganization);
}

}  // namespace
}  // namespace cordon
