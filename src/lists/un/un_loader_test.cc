#include "lists/un/un_loader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <map>
#include <string>

#include "lists/common/shared_source_fixture.h"
#include "lists/common/temp_dir.h"

namespace cordon {
namespace {

const std::string kUnDir = std::string(CORDON_SOURCE_DIR) + "/data/lists/un";

const Entity* Find(const LoadedSource& src, const std::string& id) {
  for (const Entity& e : src.entities) {
    if (e.source_id == id) return &e;
  }
  return nullptr;
}

const Name* FindName(const Entity& e, const std::string& full) {
  for (const Name& n : e.names) {
    if (n.full == full) return &n;
  }
  return nullptr;
}

std::string Doc(const std::string& individuals, const std::string& entities = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<CONSOLIDATED_LIST dateGenerated=\"2026-02-27T00:00:09.554Z\">\n"
         "<INDIVIDUALS>\n" +
         individuals + "</INDIVIDUALS>\n<ENTITIES>\n" + entities + "</ENTITIES>\n</CONSOLIDATED_LIST>\n";
}

// ---------------------------------------------------------------------------
// The real bundled file.

class UnRealData : public SharedSourceFixture<UnRealData> {
 public:
  static Status Load(LoadedSource* out) { return LoadUnXml(kUnDir, "un", out); }
};

TEST_F(UnRealData, LoadsAllRecords) {
  ASSERT_TRUE(status_->ok()) << status_->ToString();
  EXPECT_EQ(src_->format, "un_xml");
  EXPECT_EQ(src_->as_of, "2026-02-27");
  ASSERT_EQ(src_->files.size(), 1u);
  EXPECT_EQ(src_->files[0], kUnDir + "/UN_consolidated.xml");
  EXPECT_TRUE(src_->skipped.empty());
  std::map<Schema, int> by_schema;
  size_t names = 0, weak = 0, former = 0, scripts = 0;
  for (const Entity& e : src_->entities) {
    ++by_schema[e.schema];
    ASSERT_FALSE(e.names.empty());
    EXPECT_EQ(e.names[0].type, NameType::kPrimary);
    EXPECT_FALSE(e.raw.empty());
    EXPECT_EQ(e.source, "un");
    names += e.names.size();
    for (const Name& n : e.names) {
      weak += n.quality == NameQuality::kWeak;
      former += n.type == NameType::kFormerName;
      scripts += !n.script.empty();
    }
  }
  EXPECT_EQ(by_schema[Schema::kPerson], 730);
  EXPECT_EQ(by_schema[Schema::kOrganization], 273);
  EXPECT_EQ(src_->entities.size(), 1003u);
  EXPECT_GT(names, 1003u + 2700u);
  EXPECT_GT(weak, 500u);
  EXPECT_GT(former, 10u);
  // 378 NAME_ORIGINAL_SCRIPT elements; QDe.164's repeats its primary name
  // (Latin) and is not added twice.
  EXPECT_EQ(scripts, 377u);
  std::printf("UN: %zu entities, %zu names, %zu weak, loaded in %.1f ms\n", src_->entities.size(), names, weak,
              load_ms_);
}

TEST_F(UnRealData, RiWonHo) {
  const Entity* e = Find(*src_, "KPi.033");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kPerson);
  ASSERT_EQ(e->names.size(), 1u);
  EXPECT_EQ(e->names[0].full, "RI WON HO");
  EXPECT_EQ(e->names[0].given, "");
  EXPECT_EQ(e->names[0].family, "");
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].ToString(), "1964-07-17");
  EXPECT_EQ(e->nationalities, std::vector<std::string>{"KP"});
  ASSERT_EQ(e->documents.size(), 1u);
  EXPECT_EQ(e->documents[0].type, DocumentType::kPassport);
  EXPECT_EQ(e->documents[0].number, "381310014");
  EXPECT_EQ(e->programs, std::vector<std::string>{"DPRK"});
  EXPECT_EQ(e->listing_date, "2016-11-30");
  EXPECT_EQ(e->title, "DPRK Ministry of State Security Official");
  EXPECT_EQ(e->references, std::vector<std::string>{"un:KPi.033"});
  EXPECT_TRUE(e->addresses.empty());
  EXPECT_NE(e->raw.find("REFERENCE_NUMBER: KPi.033"), std::string::npos);
  EXPECT_NE(e->raw.find("INDIVIDUAL_DOCUMENT: TYPE_OF_DOCUMENT=Passport; NUMBER=381310014"), std::string::npos)
      << e->raw;
  EXPECT_EQ(e->raw.find("DATAID"), std::string::npos);
}

TEST_F(UnRealData, SaddamHusseinArabicScriptAndWeakAlias) {
  const Entity* e = Find(*src_, "IQi.001");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->names[0].full, "SADDAM HUSSEIN AL-TIKRITI");
  const Name* arabic = FindName(*e,
                                "\xD8\xB5\xD8\xAF\xD8\xA7\xD9\x85 \xD8\xAD\xD8\xB3\xD9\x8A\xD9\x86 "
                                "\xD8\xA7\xD9\x84\xD8\xAA\xD9\x83\xD8\xB1\xD9\x8A\xD8\xAA\xD9\x8A");
  ASSERT_NE(arabic, nullptr);
  EXPECT_EQ(arabic->type, NameType::kAlias);
  EXPECT_EQ(arabic->quality, NameQuality::kStrong);
  EXPECT_EQ(arabic->script, "Arabic");
  const Name* abu_ali = FindName(*e, "Abu Ali");
  ASSERT_NE(abu_ali, nullptr);
  EXPECT_EQ(abu_ali->type, NameType::kAlias);
  EXPECT_EQ(abu_ali->quality, NameQuality::kWeak);
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].ToString(), "1937-04-28");
  EXPECT_EQ(e->birth_places, std::vector<std::string>{"al-Awja, near Tikrit, Iraq"});
  EXPECT_EQ(e->nationalities, std::vector<std::string>{"IQ"});
  EXPECT_EQ(e->programs, std::vector<std::string>{"Iraq"});
}

TEST_F(UnRealData, CyrillicScriptBetweenDatesGenderAndTitles) {
  const Entity* umarov = Find(*src_, "QDi.290");
  ASSERT_NE(umarov, nullptr);
  bool cyrillic = false;
  for (const Name& n : umarov->names) cyrillic |= n.script == "Cyrillic";
  EXPECT_TRUE(cyrillic);

  const Entity* between = Find(*src_, "CDi.030");
  ASSERT_NE(between, nullptr);
  ASSERT_FALSE(between->birth_dates.empty());
  EXPECT_EQ(between->birth_dates[0].year, 1973);
  EXPECT_EQ(between->birth_dates[0].year_to, 1974);

  const Entity* haiti = Find(*src_, "HTi.002");
  ASSERT_NE(haiti, nullptr);
  EXPECT_EQ(haiti->gender, "male");  // from COMMENTS1 "Gender: Male"
  const Entity* badege = Find(*src_, "CDi.001");
  ASSERT_NE(badege, nullptr);
  EXPECT_EQ(badege->gender, "male");  // from <GENDER>
  EXPECT_EQ(badege->countries, std::vector<std::string>{"RW"});

  const Entity* four = Find(*src_, "CDi.035");
  ASSERT_NE(four, nullptr);
  EXPECT_EQ(four->names[0].full,
            "G\xC3\x89"
            "D\xC3\x89ON KYUNGU MUTANGA WA BAFUNKWA KANONGA");

  const Entity* taliban = Find(*src_, "TAi.002");
  ASSERT_NE(taliban, nullptr);
  EXPECT_EQ(taliban->title.substr(0, 13), "Mullah; Haji;");
}

TEST_F(UnRealData, EntityFormerNames) {
  const Entity* adf = Find(*src_, "CDe.001");
  ASSERT_NE(adf, nullptr);
  EXPECT_EQ(adf->schema, Schema::kOrganization);
  EXPECT_EQ(adf->names[0].full, "ADF");
  const Name* aka = FindName(*adf, "Allied Democratic Forces");
  ASSERT_NE(aka, nullptr);
  EXPECT_EQ(aka->type, NameType::kAlias);
  const Name* fka = FindName(*adf, "NALU");
  ASSERT_NE(fka, nullptr);
  EXPECT_EQ(fka->type, NameType::kFormerName);
}

TEST_F(UnRealData, LoadsFast) { EXPECT_LT(load_ms_, 2000.0); }

// ---------------------------------------------------------------------------
// Small fixtures, one quirk each.

TEST(UnXml, MapsAllIndividualFields) {
  std::string xml =
      Doc("<INDIVIDUAL>\n"
          "  <DATAID>1</DATAID>\n"
          "  <FIRST_NAME>  AHMED </FIRST_NAME><SECOND_NAME>ALI</SECOND_NAME><THIRD_NAME/>\n"
          "  <FOURTH_NAME>HASSAN</FOURTH_NAME>\n"
          "  <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER> QDi.999 </REFERENCE_NUMBER>\n"
          "  <LISTED_ON>2001-10-06</LISTED_ON>\n"
          "  <NAME_ORIGINAL_SCRIPT>\xD8\xA3\xD8\xAD\xD9\x85\xD8\xAF</NAME_ORIGINAL_SCRIPT>\n"
          "  <COMMENTS1>Gender [Female]. Other text.</COMMENTS1>\n"
          "  <TITLE><VALUE>Haji</VALUE></TITLE>\n"
          "  <NATIONALITY><VALUE>Democratic People's Republic of Korea</VALUE><VALUE>na</VALUE>"
          "<VALUE>former Soviet Union</VALUE></NATIONALITY>\n"
          "  <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Abu Good</ALIAS_NAME></INDIVIDUAL_ALIAS>\n"
          "  <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Abu Low</ALIAS_NAME></INDIVIDUAL_ALIAS>\n"
          "  <INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>\n"
          "  <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Abu Dob</ALIAS_NAME>"
          "<DATE_OF_BIRTH>1969-02-05</DATE_OF_BIRTH><CITY_OF_BIRTH>Tripoli</CITY_OF_BIRTH>"
          "<COUNTRY_OF_BIRTH>Libya</COUNTRY_OF_BIRTH></INDIVIDUAL_ALIAS>\n"
          "  <INDIVIDUAL_ADDRESS><STREET>1 Main St</STREET><CITY>Kabul</CITY><COUNTRY>Afghanistan</COUNTRY>"
          "</INDIVIDUAL_ADDRESS>\n"
          "  <INDIVIDUAL_ADDRESS><COUNTRY/></INDIVIDUAL_ADDRESS>\n"
          "  <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1960-01-02</DATE>"
          "</INDIVIDUAL_DATE_OF_BIRTH>\n"
          "  <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE><YEAR>1961</YEAR>"
          "</INDIVIDUAL_DATE_OF_BIRTH>\n"
          "  <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1955</FROM_YEAR>"
          "<TO_YEAR>1958</TO_YEAR><NOTE>Approximately</NOTE></INDIVIDUAL_DATE_OF_BIRTH>\n"
          "  <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><NOTE>Nov. 1973 </NOTE>"
          "</INDIVIDUAL_DATE_OF_BIRTH>\n"
          "  <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><NOTE>30-35 years old</NOTE>"
          "</INDIVIDUAL_DATE_OF_BIRTH>\n"
          "  <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE/></INDIVIDUAL_DATE_OF_BIRTH>\n"
          "  <INDIVIDUAL_PLACE_OF_BIRTH><STREET>Manono Territory</STREET><STATE_PROVINCE>Katanga Province"
          "</STATE_PROVINCE><NOTE>(now Tanganyika Province)</NOTE></INDIVIDUAL_PLACE_OF_BIRTH>\n"
          "  <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER> A 123 </NUMBER>"
          "<ISSUING_COUNTRY>Pakistan</ISSUING_COUNTRY><DATE_OF_ISSUE>2001-01-01</DATE_OF_ISSUE>"
          "<NOTE>expired</NOTE></INDIVIDUAL_DOCUMENT>\n"
          "  <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>National Identification\n     Number</TYPE_OF_DOCUMENT>"
          "<TYPE_OF_DOCUMENT2>Personal identification no.:</TYPE_OF_DOCUMENT2><NUMBER>137803</NUMBER>"
          "<COUNTRY_OF_ISSUE>Iraq</COUNTRY_OF_ISSUE></INDIVIDUAL_DOCUMENT>\n"
          "  <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Ration card</TYPE_OF_DOCUMENT><NUMBER>77</NUMBER>"
          "</INDIVIDUAL_DOCUMENT>\n"
          "  <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NOTE>number unknown</NOTE>"
          "</INDIVIDUAL_DOCUMENT>\n"
          "  <INDIVIDUAL_DOCUMENT/>\n"
          "</INDIVIDUAL>\n");
  LoadedSource out;
  Status st = ParseUnXml(xml, "un.xml", "un", &out);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(out.as_of, "2026-02-27");
  ASSERT_EQ(out.entities.size(), 1u);
  const Entity& e = out.entities[0];
  EXPECT_EQ(e.source_id, "QDi.999");
  EXPECT_EQ(e.schema, Schema::kPerson);
  ASSERT_EQ(e.names.size(), 5u);
  EXPECT_EQ(e.names[0].full, "AHMED ALI HASSAN");
  EXPECT_EQ(e.names[1].script, "Arabic");
  EXPECT_EQ(e.names[2].full, "Abu Good");
  EXPECT_EQ(e.names[2].quality, NameQuality::kStrong);
  EXPECT_EQ(e.names[3].full, "Abu Low");
  EXPECT_EQ(e.names[3].quality, NameQuality::kWeak);
  EXPECT_EQ(e.names[4].full, "Abu Dob");
  EXPECT_EQ(e.gender, "female");
  EXPECT_EQ(e.title, "Haji");
  EXPECT_EQ(e.nationalities, (std::vector<std::string>{"KP", "former Soviet Union"}));
  ASSERT_EQ(e.birth_dates.size(), 5u);
  EXPECT_EQ(e.birth_dates[0].ToString(), "1969-02-05");  // from the alias, seen first
  EXPECT_EQ(e.birth_dates[1].ToString(), "1960-01-02");
  EXPECT_EQ(e.birth_dates[2].ToString(), "~1961");
  EXPECT_EQ(e.birth_dates[3].ToString(), "~1955..1958");
  EXPECT_EQ(e.birth_dates[4].ToString(), "1973-11");
  EXPECT_EQ(e.birth_places, (std::vector<std::string>{"Tripoli, Libya",
                                                      "Manono Territory, Katanga Province (now Tanganyika Province)"}));
  ASSERT_EQ(e.addresses.size(), 1u);
  EXPECT_EQ(e.addresses[0].full, "1 Main St, Kabul, Afghanistan");
  EXPECT_EQ(e.addresses[0].city, "Kabul");
  EXPECT_EQ(e.addresses[0].country, "AF");
  EXPECT_EQ(e.countries, std::vector<std::string>{"AF"});
  ASSERT_EQ(e.documents.size(), 3u);
  EXPECT_EQ(e.documents[0].type, DocumentType::kPassport);
  EXPECT_EQ(e.documents[0].number, "A 123");
  EXPECT_EQ(e.documents[0].country, "PK");
  EXPECT_EQ(e.documents[0].note, "issued 2001-01-01; expired");
  EXPECT_EQ(e.documents[1].type, DocumentType::kNationalId);
  EXPECT_EQ(e.documents[1].country, "IQ");
  EXPECT_EQ(e.documents[1].note, "Personal identification no.");
  EXPECT_EQ(e.documents[2].type, DocumentType::kOther);
  EXPECT_EQ(e.documents[2].note, "Ration card");
  EXPECT_EQ(e.programs, std::vector<std::string>{"Al-Qaida"});
  EXPECT_EQ(e.listing_date, "2001-10-06");
  EXPECT_EQ(e.references, std::vector<std::string>{"un:QDi.999"});
  EXPECT_NE(e.raw.find("FIRST_NAME: AHMED\nSECOND_NAME: ALI\nFOURTH_NAME: HASSAN"), std::string::npos) << e.raw;
  EXPECT_NE(e.raw.find("NATIONALITY: na"), std::string::npos);
}

TEST(UnXml, EntityAliasQualities) {
  std::string xml = Doc("",
                        "<ENTITY><FIRST_NAME>ACME TRADING</FIRST_NAME><REFERENCE_NUMBER>KPe.900</REFERENCE_NUMBER>"
                        "<UN_LIST_TYPE>DPRK</UN_LIST_TYPE>"
                        "<ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>ACME CO</ALIAS_NAME></ENTITY_ALIAS>"
                        "<ENTITY_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>OLD ACME</ALIAS_NAME></ENTITY_ALIAS>"
                        "<ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>ACME TRADING</ALIAS_NAME></ENTITY_ALIAS>"
                        "<ENTITY_ADDRESS><CITY>Pyongyang</CITY><COUNTRY>Democratic People's Republic of Korea"
                        "</COUNTRY></ENTITY_ADDRESS></ENTITY>\n");
  LoadedSource out;
  ASSERT_TRUE(ParseUnXml(xml, "un.xml", "un", &out).ok());
  ASSERT_EQ(out.entities.size(), 1u);
  const Entity& e = out.entities[0];
  EXPECT_EQ(e.schema, Schema::kOrganization);
  ASSERT_EQ(e.names.size(), 3u);  // the alias equal to the primary name is dropped
  EXPECT_EQ(e.names[1].type, NameType::kAlias);
  EXPECT_EQ(e.names[2].type, NameType::kFormerName);
  EXPECT_EQ(e.addresses[0].country, "KP");
  EXPECT_EQ(e.countries, std::vector<std::string>{"KP"});
}

TEST(UnXml, RecordsWithoutReferenceOrNameAreSkipped) {
  std::string xml =
      Doc("<INDIVIDUAL><FIRST_NAME>NO REF</FIRST_NAME></INDIVIDUAL>\n"
          "<INDIVIDUAL><REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER><FIRST_NAME/></INDIVIDUAL>\n"
          "<INDIVIDUAL><REFERENCE_NUMBER>QDi.2</REFERENCE_NUMBER><FIRST_NAME>OK</FIRST_NAME></INDIVIDUAL>\n"
          "<INDIVIDUAL><REFERENCE_NUMBER>QDi.2</REFERENCE_NUMBER><FIRST_NAME>DUP</FIRST_NAME></INDIVIDUAL>\n");
  LoadedSource out;
  ASSERT_TRUE(ParseUnXml(xml, "un.xml", "un", &out).ok());
  ASSERT_EQ(out.entities.size(), 1u);
  EXPECT_EQ(out.entities[0].names[0].full, "OK");
  ASSERT_EQ(out.skipped.size(), 3u);
  EXPECT_EQ(out.skipped[0].file, "un.xml");
  EXPECT_EQ(out.skipped[0].line, 4);
  EXPECT_EQ(out.skipped[0].field, "REFERENCE_NUMBER");
  EXPECT_EQ(out.skipped[1].line, 5);
  EXPECT_EQ(out.skipped[1].field, "FIRST_NAME");
  EXPECT_EQ(out.skipped[2].line, 7);
  EXPECT_NE(out.skipped[2].message.find("duplicate REFERENCE_NUMBER QDi.2 (first at line 6)"), std::string::npos)
      << out.skipped[2].message;
}

TEST(UnXml, InvalidDatesAreDroppedNotFatal) {
  std::string xml =
      Doc("<INDIVIDUAL><REFERENCE_NUMBER>QDi.3</REFERENCE_NUMBER><FIRST_NAME>X</FIRST_NAME>"
          "<LISTED_ON>2001-13-45</LISTED_ON>"
          "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1960-02-31x</DATE>"
          "</INDIVIDUAL_DATE_OF_BIRTH></INDIVIDUAL>\n");
  LoadedSource out;
  ASSERT_TRUE(ParseUnXml(xml, "un.xml", "un", &out).ok());
  ASSERT_EQ(out.entities.size(), 1u);
  EXPECT_TRUE(out.entities[0].birth_dates.empty());
  EXPECT_EQ(out.entities[0].listing_date, "");
  EXPECT_NE(out.entities[0].raw.find("DATE=1960-02-31x"), std::string::npos);
}

TEST(UnXml, MissingDateGeneratedLeavesAsOfEmpty) {
  LoadedSource out;
  ASSERT_TRUE(ParseUnXml("<CONSOLIDATED_LIST dateGenerated=\"soon\"/>", "un.xml", "un", &out).ok());
  EXPECT_EQ(out.as_of, "");
  EXPECT_TRUE(out.entities.empty());
}

// ---------------------------------------------------------------------------
// Broken input.

TEST(UnXml, WrongRootIsDataError) {
  LoadedSource out;
  Status st = ParseUnXml("<?xml version=\"1.0\"?>\n<sdnList><INDIVIDUAL/></sdnList>", "x.xml", "un", &out);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  EXPECT_EQ(st.location().file, "x.xml");
  EXPECT_EQ(st.location().field, "sdnList");
}

TEST(UnXml, TruncatedFileNamesLineAndElement) {
  std::string xml =
      Doc("<INDIVIDUAL><REFERENCE_NUMBER>QDi.2</REFERENCE_NUMBER><FIRST_NAME>OK</FIRST_NAME></INDIVIDUAL>\n");
  xml = xml.substr(0, xml.find("</FIRST_NAME>") + 3);
  LoadedSource out;
  Status st = ParseUnXml(xml, "cut.xml", "un", &out);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  EXPECT_EQ(st.location().file, "cut.xml");
  EXPECT_EQ(st.location().line, 4);
  EXPECT_EQ(st.location().field, "FIRST_NAME");
}

TEST(UnXml, GarbageBytesAreDataError) {
  LoadedSource out;
  Status st = ParseUnXml(std::string("\x1f\x8b\x08\x00garbage\xff\xfe", 13), "g.xml", "un", &out);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  EXPECT_EQ(st.location().file, "g.xml");
  EXPECT_EQ(st.location().line, 1);
}

TEST(UnXml, BillionLaughsIsRejectedQuickly) {
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE CONSOLIDATED_LIST [\n <!ENTITY a \"aaaaaaaaaa\">\n";
  std::string prev = "a";
  for (int i = 1; i <= 12; ++i) {
    std::string name = "a" + std::to_string(i);
    xml += " <!ENTITY " + name + " \"";
    for (int k = 0; k < 10; ++k) xml += "&" + prev + ";";
    xml += "\">\n";
    prev = name;
  }
  xml += "]>\n" +
         Doc("<INDIVIDUAL><REFERENCE_NUMBER>X</REFERENCE_NUMBER><FIRST_NAME>&" + prev + ";</FIRST_NAME></INDIVIDUAL>")
             .substr(39);
  LoadedSource out;
  auto start = std::chrono::steady_clock::now();
  Status st = ParseUnXml(xml, "lol.xml", "un", &out);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  EXPECT_NE(st.message().find("DOCTYPE"), std::string::npos) << st.ToString();
  EXPECT_EQ(st.location().file, "lol.xml");
  EXPECT_EQ(st.location().line, 2);
  EXPECT_TRUE(out.entities.empty());
  EXPECT_LT(elapsed, std::chrono::milliseconds(200));
}

TEST(UnXml, DeepNestingIsRejectedQuickly) {
  std::string xml = "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><REFERENCE_NUMBER>X</REFERENCE_NUMBER>";
  for (int i = 0; i < 200000; ++i) xml += "<COMMENTS1>";
  LoadedSource out;
  auto start = std::chrono::steady_clock::now();
  Status st = ParseUnXml(xml, "deep.xml", "un", &out);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  EXPECT_NE(st.message().find("nested deeper than 64"), std::string::npos) << st.ToString();
  EXPECT_EQ(st.location().field, "COMMENTS1");
  EXPECT_LT(elapsed, std::chrono::milliseconds(200));
}

TEST(UnXml, CorpusAttackSeedsAreRejected) {
  const std::string dir = std::string(CORDON_SOURCE_DIR) + "/tests/fuzz/corpus/fuzz_un_xml/";
  for (const char* name : {"billion_laughs.xml", "deep_nesting.xml"}) {
    std::ifstream in(dir + name, std::ios::binary);
    ASSERT_TRUE(in) << name;
    std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LoadedSource out;
    auto start = std::chrono::steady_clock::now();
    Status st = ParseUnXml(xml, name, "un", &out);
    EXPECT_EQ(st.code(), StatusCode::kDataError) << name;
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(200)) << name;
  }
}

// ---------------------------------------------------------------------------
// Folder handling.

TEST(LoadUnXml, MissingFolderAndMissingFile) {
  LoadedSource out;
  Status st = LoadUnXml("/nonexistent/cordon/un", "un", &out);
  EXPECT_EQ(st.code(), StatusCode::kNotFound);
  EXPECT_EQ(st.location().file, "/nonexistent/cordon/un");
  TempDir dir;
  dir.Write("readme.txt", "x");
  st = LoadUnXml(dir.path(), "un", &out);
  EXPECT_EQ(st.code(), StatusCode::kNotFound);
  EXPECT_NE(st.message().find("UN_consolidated.xml"), std::string::npos);
}

TEST(LoadUnXml, PrefersUnConsolidatedXmlElseTheOnlyXml) {
  TempDir dir;
  dir.Write("other.xml", Doc("<INDIVIDUAL><REFERENCE_NUMBER>A</REFERENCE_NUMBER><FIRST_NAME>A</FIRST_NAME>"
                             "</INDIVIDUAL>"));
  LoadedSource out;
  ASSERT_TRUE(LoadUnXml(dir.path(), "un", &out).ok());
  EXPECT_EQ(out.files, std::vector<std::string>{dir.path() + "/other.xml"});
  dir.Write("second.XML", Doc(""));
  LoadedSource out2;
  Status st = LoadUnXml(dir.path(), "un", &out2);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  dir.Write("UN_consolidated.xml", Doc("<INDIVIDUAL><REFERENCE_NUMBER>B</REFERENCE_NUMBER>"
                                       "<FIRST_NAME>B</FIRST_NAME></INDIVIDUAL>"));
  LoadedSource out3;
  ASSERT_TRUE(LoadUnXml(dir.path(), "un", &out3).ok());
  ASSERT_EQ(out3.entities.size(), 1u);
  EXPECT_EQ(out3.entities[0].source_id, "B");
}

}  // namespace
}  // namespace cordon
