#include "store/entity_codec.h"

#include <gtest/gtest.h>

namespace cordon {
namespace {

Entity Sample() {
  Entity e;
  e.source = "ofac_sdn";
  e.source_id = "35096";
  e.schema = Schema::kPerson;
  e.names.push_back({"PUTIN, Vladimir Vladimirovich", NameType::kPrimary, NameQuality::kStrong, "Vladimir", "PUTIN", ""});
  e.names.push_back({"Путин\tВладимир", NameType::kAlias, NameQuality::kWeak, "", "", "Cyrillic"});
  e.birth_dates.push_back({1952, 10, 7, 0, false});
  e.birth_dates.push_back({1960, 0, 0, 1962, true});
  e.birth_places = {"Leningrad, Russia"};
  e.nationalities = {"RU"};
  e.countries = {"RU"};
  e.documents.push_back({DocumentType::kPassport, "7201234567", "RU", "issued\n2010"});
  e.addresses.push_back({"Kremlin\\Moscow", "Moscow", "RU"});
  e.programs = {"RUSSIA-EO14024"};
  e.listing_date = "2022-02-25";
  e.gender = "male";
  e.title = "President";
  e.references = {"uk:RUS0251"};
  e.raw = "35096,\"PUTIN, Vladimir\"\r\nline 2";
  return e;
}

bool Same(const Entity& a, const Entity& b) { return EncodeEntity(a) == EncodeEntity(b); }

TEST(EntityCodecTest, RoundTripsEveryField) {
  Entity e = Sample();
  std::string text = EncodeEntity(e);
  Entity back;
  ASSERT_TRUE(DecodeEntity(text, &back).ok());
  EXPECT_TRUE(Same(e, back));
  ASSERT_EQ(back.names.size(), 2u);
  EXPECT_EQ(back.names[1].full, "Путин\tВладимир");
  EXPECT_EQ(back.names[1].quality, NameQuality::kWeak);
  EXPECT_EQ(back.birth_dates[1].year_to, 1962);
  EXPECT_TRUE(back.birth_dates[1].approximate);
  EXPECT_EQ(back.documents[0].note, "issued\n2010");
  EXPECT_EQ(back.addresses[0].full, "Kremlin\\Moscow");
  EXPECT_EQ(back.raw, e.raw);
  EXPECT_EQ(back.title, "President");
  EXPECT_EQ(RecordHash(text).size(), 64u);
}

TEST(EntityCodecTest, HashIgnoresSourceKeyButNotContent) {
  Entity a = Sample(), b = Sample();
  b.source_id = "other";
  EXPECT_EQ(RecordHash(EncodeEntity(a)), RecordHash(EncodeEntity(b)));
  b.programs.push_back("UKRAINE-EO13660");
  EXPECT_NE(RecordHash(EncodeEntity(a)), RecordHash(EncodeEntity(b)));
}

TEST(EntityCodecTest, ChangedFieldsNamesWhatDiffers) {
  Entity a = Sample(), b = Sample();
  EXPECT_TRUE(ChangedFields(EncodeEntity(a), EncodeEntity(b)).empty());
  b.programs.push_back("UKRAINE-EO13660");
  b.names.push_back({"PUTIN, Vladimir", NameType::kAlias});
  b.title.clear();
  std::vector<std::string> expected = {"name", "program", "title"};
  EXPECT_EQ(ChangedFields(EncodeEntity(a), EncodeEntity(b)), expected);
}

TEST(EntityCodecTest, RejectsDamagedRecordsWithLineAndKey) {
  Entity e;
  Status s = DecodeEntity("schema\tPerson\nname\tprimary\tstrong\tX\n", &e);
  EXPECT_EQ(s.code(), StatusCode::kDataError);
  EXPECT_EQ(s.location().line, 2);
  EXPECT_EQ(s.location().field, "name");
  EXPECT_FALSE(DecodeEntity("schema\tMartian\nname\tprimary\tstrong\tX\t\t\t\n", &e).ok());
  EXPECT_FALSE(DecodeEntity("schema\tPerson\nname\tprimary\tstrong\tX\\q\t\t\t\n", &e).ok());
  EXPECT_FALSE(DecodeEntity("schema\tPerson\n", &e).ok());  // no name
  EXPECT_FALSE(DecodeEntity("name\tprimary\tstrong\tX\t\t\t\n", &e).ok());  // no schema
  EXPECT_FALSE(DecodeEntity("schema\tPerson\nname\tprimary\tstrong\tX\t\t\t\nbirth_date\tx\t0\t0\t0\t0\n", &e).ok());
  EXPECT_FALSE(DecodeEntity("schema\tPerson\nname\tprimary\tstrong\tX\t\t\t\nfoo\tbar\n", &e).ok());
}

}  // namespace
}  // namespace cordon
