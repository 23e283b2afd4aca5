// Parsing the semi-structured `Remarks` column of OFAC's legacy CSV files
// (sdn.csv, cons_prim.csv).
//
// Remarks are items separated by ';' (almost always "; "):
//   "DOB 07 Oct 1952; POB Leningrad, Russia; nationality Russia;
//    Passport 123 (Russia) issued 01 Jan 2001; a.k.a. 'VOVA'; Linked To: X."
// Weak aliases, birth data, nationalities and identifiers exist only here.
// See docs/formats/ofac_legacy_csv.md for every label recognised.
#ifndef CORDON_LISTS_OFAC_OFAC_REMARKS_H_
#define CORDON_LISTS_OFAC_OFAC_REMARKS_H_

#include <string>
#include <string_view>
#include <vector>

#include "cordon/entity.h"

namespace cordon {

// A remarks item whose label was recognised but whose value could not be
// used ("DOB 31 Foo 1960"). The value is dropped; the rest is kept.
struct OfacRemarkProblem {
  std::string label;    // "DOB", "Gender", "a.k.a.", ...
  std::string message;  // "unparseable date '31 Foo 1960'"
};

// What ParseOfacRemarks() found. Country texts are ISO 3166-1 alpha-2 where
// ResolveCountry() knows them, else the list's text.
struct OfacRemarks {
  std::vector<PartialDate> birth_dates;   // "DOB", "alt. DOB"
  std::vector<std::string> birth_places;  // "POB", "alt. POB", as written
  // "nationality X" and "citizen X" (the entity model has no separate
  // citizenship), deduplicated, in order of appearance.
  std::vector<std::string> nationalities;
  // "Nationality of Registration X", "Registration Country X" (companies,
  // vessels), deduplicated.
  std::vector<std::string> countries;
  // Passports, national ids, tax ids, registration numbers, IMO and MMSI
  // numbers, aircraft identifiers. `note` carries the label when the type
  // alone does not say what the number is ("Cedula No.", "MMSI") and any
  // issue/expiry text.
  std::vector<IdentityDocument> documents;
  // a.k.a. / f.k.a. / n.k.a. 'X': OFAC's weak aliases. quality == kWeak,
  // type kAlias / kFormerName / kNewName; given/family left empty (the
  // parser does not know whether the entity is a person).
  std::vector<Name> aliases;
  std::string gender;                          // "male", "female" or empty
  std::vector<PartialDate> established_dates;  // "Organization Established Date"
  // Items not mapped to any field above, trimmed: Linked To, Website, Email,
  // Phone, Digital Currency Address, Organization Type, Additional Sanctions
  // Information, Secondary sanctions risk, titles and free text.
  std::vector<std::string> other;
  std::vector<OfacRemarkProblem> problems;
};

// Parses one Remarks value (already decoded to UTF-8, with any
// sdn_comments.csv continuation appended). Never fails: unrecognised items go
// to `other`, recognised items with unusable values to `problems`. Linear in
// the input size. Thread-safe.
OfacRemarks ParseOfacRemarks(std::string_view remarks);

}  // namespace cordon

#endif  // CORDON_LISTS_OFAC_OFAC_REMARKS_H_
