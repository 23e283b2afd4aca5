#include "lists/ofac/ofac_remarks.h"

#include <gtest/gtest.h>

#include <string>

namespace cordon {
namespace {

std::string Dates(const std::vector<PartialDate>& dates) {
  std::string out;
  for (const PartialDate& d : dates) {
    if (!out.empty()) out += ",";
    out += d.ToString();
  }
  return out;
}

// "type|number|country|note" for compact comparisons.
std::string Doc(const IdentityDocument& d) {
  return std::string(DocumentTypeName(d.type)) + "|" + d.number + "|" + d.country + "|" + d.note;
}

TEST(OfacRemarks, PutinRealRemarks) {
  OfacRemarks r = ParseOfacRemarks(
      "DOB 07 Oct 1952; POB Leningrad, Russia; nationality Russia; citizen Russia; Gender Male; "
      "President of the Russian Federation.");
  EXPECT_EQ(Dates(r.birth_dates), "1952-10-07");
  ASSERT_EQ(r.birth_places.size(), 1u);
  EXPECT_EQ(r.birth_places[0], "Leningrad, Russia");
  ASSERT_EQ(r.nationalities.size(), 1u);  // nationality and citizen deduplicated
  EXPECT_EQ(r.nationalities[0], "RU");
  EXPECT_EQ(r.gender, "male");
  ASSERT_EQ(r.other.size(), 1u);
  EXPECT_EQ(r.other[0], "President of the Russian Federation");
  EXPECT_TRUE(r.documents.empty());
  EXPECT_TRUE(r.aliases.empty());
  EXPECT_TRUE(r.problems.empty());
}

TEST(OfacRemarks, DateSpellings) {
  OfacRemarks r = ParseOfacRemarks(
      "DOB 07 Oct 1952; alt. DOB Oct 1952; alt. DOB 1952; DOB circa 1951; DOB 1960 to 1962; "
      "DOB 01 Jan 1960 to 31 Dec 1962; DOB circa 1960-1962");
  EXPECT_EQ(Dates(r.birth_dates), "1952-10-07,1952-10,1952,~1951,1960..1962,1960..1962,~1960..1962");
  EXPECT_TRUE(r.problems.empty());
}

TEST(OfacRemarks, InvalidDateIsAProblemNotAValue) {
  OfacRemarks r = ParseOfacRemarks("DOB 31 Foo 1960; DOB 32 Oct 1960; DOB 1955; Organization Established Date soon");
  EXPECT_EQ(Dates(r.birth_dates), "1955");
  ASSERT_EQ(r.problems.size(), 3u);
  EXPECT_EQ(r.problems[0].label, "DOB");
  EXPECT_NE(r.problems[0].message.find("31 Foo 1960"), std::string::npos);
  EXPECT_EQ(r.problems[2].label, "Organization Established Date");
}

TEST(OfacRemarks, PlacesAndNationalities) {
  OfacRemarks r = ParseOfacRemarks(
      "POB Culiacan, Sinaloa, Mexico; alt. POB Guadalajara, Jalisco, Mexico; nationality Korea, North; "
      "alt. nationality Bosnia and Herzegovina; citizen Atlantis; nationality possibly Palestinian;"
      "arrested 23 Apr 2002; Nationality of Registration Russia; Registration Country China");
  ASSERT_EQ(r.birth_places.size(), 2u);
  EXPECT_EQ(r.birth_places[1], "Guadalajara, Jalisco, Mexico");
  // Unresolvable country text is kept as written.
  EXPECT_EQ(r.nationalities, (std::vector<std::string>{"KP", "BA", "Atlantis", "PS"}));
  EXPECT_EQ(r.countries, (std::vector<std::string>{"RU", "CN"}));
  ASSERT_EQ(r.other.size(), 1u);  // ';' without a space still separates
  EXPECT_EQ(r.other[0], "arrested 23 Apr 2002");
}

TEST(OfacRemarks, GenderValues) {
  EXPECT_EQ(ParseOfacRemarks("Gender Female.").gender, "female");
  EXPECT_EQ(ParseOfacRemarks("Gender Male").gender, "male");
  OfacRemarks r = ParseOfacRemarks("Gender Unknown");
  EXPECT_EQ(r.gender, "");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].label, "Gender");
}

TEST(OfacRemarks, WeakAliasesInQuotes) {
  OfacRemarks r = ParseOfacRemarks(
      "a.k.a. 'BNC'; f.k.a. 'ANA I'; n.k.a. 'NEW ONE'; a.k.a. 'AL QA'IDA'; a.k.a. 'CIMEX, S.A.'; a.k.a. 'BNC'.");
  ASSERT_EQ(r.aliases.size(), 5u);  // the repeated 'BNC' once
  EXPECT_EQ(r.aliases[0].full, "BNC");
  EXPECT_EQ(r.aliases[0].type, NameType::kAlias);
  EXPECT_EQ(r.aliases[0].quality, NameQuality::kWeak);
  EXPECT_EQ(r.aliases[1].type, NameType::kFormerName);
  EXPECT_EQ(r.aliases[2].type, NameType::kNewName);
  EXPECT_EQ(r.aliases[3].full, "AL QA'IDA");
  EXPECT_EQ(r.aliases[4].full, "CIMEX, S.A.");
  for (const Name& n : r.aliases) {
    EXPECT_EQ(n.quality, NameQuality::kWeak) << n.full;
    EXPECT_TRUE(n.given.empty() && n.family.empty()) << n.full;
  }
}

TEST(OfacRemarks, AliasCutMidQuoteIsAProblem) {
  OfacRemarks r = ParseOfacRemarks("a.k.a. 'HIDDEN COBRA'; a.k.a. 'WHOIS HACKIN");
  ASSERT_EQ(r.aliases.size(), 1u);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].label, "a.k.a.");
}

TEST(OfacRemarks, Passports) {
  OfacRemarks r = ParseOfacRemarks(
      "Passport 541939 (Yemen) issued 31 Jul 2000; alt. Passport G025057 issued 23 Jun 1999 expires 05 Feb 2004; "
      "Passport RL 1622378 (Lebanon); Diplomatic Passport 008827 (Iran) issued 1999; "
      "alt. Passport Booklet: A5199819 (Pakistan); Passport C234897(0) (United Kingdom); "
      "Passport No.: 0310857, Eritrea, Issue Date 21 August 2006; Passport issued in Sarajevo");
  ASSERT_EQ(r.documents.size(), 7u);
  EXPECT_EQ(Doc(r.documents[0]), "passport|541939|YE|issued 31 Jul 2000");
  EXPECT_EQ(Doc(r.documents[1]), "passport|G025057||issued 23 Jun 1999 expires 05 Feb 2004");
  EXPECT_EQ(Doc(r.documents[2]), "passport|RL 1622378|LB|");
  EXPECT_EQ(Doc(r.documents[3]), "passport|008827|IR|diplomatic passport; issued 1999");
  EXPECT_EQ(Doc(r.documents[4]), "passport|A5199819|PK|passport booklet");
  EXPECT_EQ(Doc(r.documents[5]), "passport|C234897(0)|GB|");
  EXPECT_EQ(Doc(r.documents[6]), "passport|0310857|ER|Issue Date 21 August 2006");
  ASSERT_EQ(r.other.size(), 1u);  // no number: kept as text
  EXPECT_EQ(r.other[0], "Passport issued in Sarajevo");
}

TEST(OfacRemarks, PersonalAndTaxIdentifiers) {
  OfacRemarks r = ParseOfacRemarks(
      "National ID No. 216040 (Yemen); Identification Number 2.194.575 (Paraguay); Cedula No. 6068015 (Colombia); "
      "C.U.R.P. AIMM67125HCHRRG06 (Mexico); R.F.C. DIB-771110-HQ1 (Mexico); Tax ID No. 7707083893 (Russia); "
      "National ID No. 13/Ta Ta Na (Naing)019077 (Burma); National ID No.: 1372584, Kenya; "
      "Citizen's Card Number 211226197812154256 (China)");
  ASSERT_EQ(r.documents.size(), 9u);
  EXPECT_EQ(Doc(r.documents[0]), "national_id|216040|YE|");
  EXPECT_EQ(Doc(r.documents[1]), "national_id|2.194.575|PY|Identification Number");
  EXPECT_EQ(Doc(r.documents[2]), "national_id|6068015|CO|Cedula No.");
  EXPECT_EQ(Doc(r.documents[3]), "national_id|AIMM67125HCHRRG06|MX|C.U.R.P.");
  EXPECT_EQ(Doc(r.documents[4]), "tax_id|DIB-771110-HQ1|MX|R.F.C.");
  EXPECT_EQ(Doc(r.documents[5]), "tax_id|7707083893|RU|");
  EXPECT_EQ(Doc(r.documents[6]), "national_id|13/Ta Ta Na (Naing)019077|MM|");
  EXPECT_EQ(Doc(r.documents[7]), "national_id|1372584|KE|");
  // "Citizen's Card Number" is a document, not a "citizen" nationality.
  EXPECT_EQ(Doc(r.documents[8]), "national_id|211226197812154256|CN|Citizen's Card Number");
  EXPECT_TRUE(r.nationalities.empty());
}

TEST(OfacRemarks, RegistrationNumbers) {
  OfacRemarks r = ParseOfacRemarks(
      "Registration Number 1027700132195 (Russia); Business Registration Number 1037739709138 (Russia); "
      "Registration ID 14063277; Company Number 01074897 (United Kingdom); "
      "Registration Number HRA 738077 (Stuttgart) (Germany); Matricula Mercantil No 01200175 (Bogota); "
      "Unified Social Credit Code (USCC) 9113100033607322XK (China)");
  ASSERT_EQ(r.documents.size(), 7u);
  EXPECT_EQ(Doc(r.documents[0]), "registration|1027700132195|RU|");
  EXPECT_EQ(Doc(r.documents[1]), "registration|1037739709138|RU|");
  EXPECT_EQ(Doc(r.documents[2]), "registration|14063277||");
  EXPECT_EQ(Doc(r.documents[3]), "registration|01074897|GB|Company Number");
  // A registry town in parentheses is not a country.
  EXPECT_EQ(Doc(r.documents[4]), "registration|HRA 738077|DE|(Stuttgart)");
  EXPECT_EQ(Doc(r.documents[5]), "registration|01200175||Matricula Mercantil No.; (Bogota)");
  EXPECT_EQ(Doc(r.documents[6]), "registration|9113100033607322XK|CN|Unified Social Credit Code");
}

TEST(OfacRemarks, VesselIdentifiers) {
  OfacRemarks r = ParseOfacRemarks(
      "Former Vessel Flag Malta; Vessel Registration Identification IMO 9187629; MMSI 572469210; "
      "IMO 9123456; Vessel Registration Identification 8606173; Identification Number IMO 5342883; "
      "Company Number IMO 5055293; f.k.a. 'ALPHA'; Linked To: NATIONAL IRANIAN TANKER COMPANY.");
  ASSERT_EQ(r.documents.size(), 6u);
  EXPECT_EQ(Doc(r.documents[0]), "imo|9187629||");
  EXPECT_EQ(Doc(r.documents[1]), "other|572469210||MMSI");
  EXPECT_EQ(Doc(r.documents[2]), "imo|9123456||");
  EXPECT_EQ(Doc(r.documents[3]), "imo|8606173||");
  // IMO company numbers (owners, managers) are not vessel IMO numbers.
  EXPECT_EQ(Doc(r.documents[4]), "registration|5342883||IMO company number");
  EXPECT_EQ(Doc(r.documents[5]), "registration|5055293||IMO company number");
  ASSERT_EQ(r.aliases.size(), 1u);
  EXPECT_EQ(r.aliases[0].type, NameType::kFormerName);
  // Former flags are history, not the entity's country.
  EXPECT_TRUE(r.countries.empty());
  EXPECT_EQ(r.other,
            (std::vector<std::string>{"Former Vessel Flag Malta", "Linked To: NATIONAL IRANIAN TANKER COMPANY"}));
}

TEST(OfacRemarks, AircraftIdentifiers) {
  OfacRemarks r = ParseOfacRemarks(
      "Aircraft Construction Number (also called L/N or S/N or F/N) 8401; Aircraft Manufacture Date 1992; "
      "Aircraft Model IL76-TD; Aircraft Manufacturer's Serial Number (MSN) 1023409321; Aircraft Tail Number EP-MMH");
  ASSERT_EQ(r.documents.size(), 3u);
  EXPECT_EQ(Doc(r.documents[0]), "other|8401||aircraft construction number");
  EXPECT_EQ(Doc(r.documents[1]), "other|1023409321||aircraft serial number (MSN)");
  EXPECT_EQ(Doc(r.documents[2]), "other|EP-MMH||aircraft tail number");
  EXPECT_TRUE(r.birth_dates.empty());  // a manufacture date is not a birth date
}

TEST(OfacRemarks, ContactAndCryptoItemsAreNotMisparsed) {
  OfacRemarks r = ParseOfacRemarks(
      "Website www.bank-maskan.ir; Email Address alimohsin228@gmail.com; Phone Number 982188526300; "
      "alt. Phone Number 982188526301; Telephone: 0097282851500; Fax: 0097282858208; "
      "Digital Currency Address - XBT 1Kuf2Rd8mDyAViwBozGTNYnvWL8uYFrkVo; "
      "alt. Digital Currency Address - ETH 0xa0e1c89Ef1a489c9C7dE96311eD5Ce5D32c20E4B; "
      "Organization Established Date 1969; Organization Type: Mining of hard coal; "
      "Additional Sanctions Information - Subject to Secondary Sanctions; "
      "Secondary sanctions risk: section 1(b) of Executive Order 13224, as amended by Executive Order 13886; "
      "Linked To: PRIGOZHIN, Yevgeniy Viktorovich");
  EXPECT_TRUE(r.documents.empty());
  EXPECT_TRUE(r.birth_dates.empty());
  EXPECT_TRUE(r.nationalities.empty());
  EXPECT_TRUE(r.aliases.empty());
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(Dates(r.established_dates), "1969");
  EXPECT_EQ(r.other.size(), 12u);
}

TEST(OfacRemarks, EmptyAndDegenerateInput) {
  for (std::string_view s : {"", ";", " ; ; ", ".", "alt.", "DOB", "Passport", "a.k.a.", "a.k.a. ''", "((((", "'"}) {
    OfacRemarks r = ParseOfacRemarks(s);
    EXPECT_TRUE(r.documents.empty()) << s;
    EXPECT_TRUE(r.aliases.empty()) << s;
    EXPECT_TRUE(r.birth_dates.empty()) << s;
  }
}

}  // namespace
}  // namespace cordon
