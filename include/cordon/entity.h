// Copyright (c) cordon authors.
//
// The entity model: one listed party as a list publishes it, mapped to the
// FollowTheMoney vocabulary (https://followthemoney.tech). Every loader fills
// these structs; the matcher reads them; output is written from them.
// Plain data, no invariants beyond those stated on each member.
#ifndef CORDON_ENTITY_H_
#define CORDON_ENTITY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cordon {

// FollowTheMoney schemata cordon knows.
enum class Schema : uint8_t {
  kLegalEntity = 0,  // unknown whether person or organisation
  kPerson,
  kOrganization,
  kCompany,
  kVessel,
  kAirplane,
};
// "Person", "Organization", ... (FtM spelling).
std::string_view SchemaName(Schema schema);
// True for Organization, Company and LegalEntity.
bool IsOrganizationLike(Schema schema);

enum class NameType : uint8_t {
  kPrimary = 0,  // the list's main name
  kAlias,        // a.k.a., primary name variation
  kFormerName,   // f.k.a.
  kNewName,      // n.k.a. (OFAC)
};
std::string_view NameTypeName(NameType type);

// Alias quality where the list says so (UN "Low", UK "Low quality", OFAC
// a.k.a. in remarks): weak aliases are short or generic and alert less.
enum class NameQuality : uint8_t { kStrong = 0, kWeak };

struct Name {
  std::string full;  // as written by the list, UTF-8
  NameType type = NameType::kPrimary;
  NameQuality quality = NameQuality::kStrong;
  // Name parts where the list gives them; empty otherwise. `given` holds
  // first and middle names in order; `family` the surname(s).
  std::string given;
  std::string family;
  // Script of `full` when the list labels it ("Cyrillic", "Arabic"), or empty.
  std::string script;
};

// A full or partial date: year only, year-month, or a year range. Zero means
// unknown. year_to > year marks a range ("1960 to 1962", UN BETWEEN).
struct PartialDate {
  int year = 0;
  int month = 0;
  int day = 0;
  int year_to = 0;
  bool approximate = false;  // "circa", UN APPROXIMATELY

  bool empty() const { return year == 0; }
  // "1952-10-07", "1952-10", "1952", "1960..1962", "~1952".
  std::string ToString() const;
};

enum class DocumentType : uint8_t {
  kOther = 0,
  kPassport,
  kNationalId,
  kImo,           // vessel IMO number (7 digits)
  kRegistration,  // company registration / business number
  kTaxId,
};
std::string_view DocumentTypeName(DocumentType type);

struct IdentityDocument {
  DocumentType type = DocumentType::kOther;
  std::string number;   // as the list writes it
  std::string country;  // ISO 3166-1 alpha-2 where known, else the list's text
  std::string note;     // issue date, issuing authority, free text
};

struct Address {
  std::string full;     // the address as one line
  std::string city;
  std::string country;  // ISO 3166-1 alpha-2 where known, else the list's text
};

struct Entity {
  std::string source;     // source id: "ofac_sdn", "un", "eu", "uk", ...
  std::string source_id;  // the list's own id: OFAC ent_num, UN "KPi.033", ...
  Schema schema = Schema::kLegalEntity;

  // names[0] is the primary name. Never empty for a loaded entity.
  std::vector<Name> names;

  std::vector<PartialDate> birth_dates;
  std::vector<std::string> birth_places;
  // ISO 3166-1 alpha-2 codes (upper case) where the loader could resolve the
  // list's country text; otherwise the text itself.
  std::vector<std::string> nationalities;
  std::vector<std::string> countries;  // residence, registration, flag
  std::vector<IdentityDocument> documents;
  std::vector<Address> addresses;
  std::vector<std::string> programs;  // "RUSSIA-EO14024", "DPRK3", regime names
  std::string listing_date;           // ISO "yyyy-mm-dd" where known
  std::string gender;                 // "male", "female" or empty
  std::string title;                  // position or title the list gives
  // Cross-list references: UN reference number ("KPi.033"), UK sanctions
  // list ref ("RUS0001"), each as "scheme:value" ("un:KPi.033").
  std::vector<std::string> references;
  // The original record as the list wrote it (CSV line(s), XML element text
  // rendered as "FIELD: value" lines), so a hit can show what the list said.
  std::string raw;
};

}  // namespace cordon

#endif  // CORDON_ENTITY_H_
