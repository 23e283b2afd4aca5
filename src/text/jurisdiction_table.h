// The hand-written part of the jurisdiction gazetteer: which places are
// comprehensively sanctioned, and the names CLDR does not carry (demonyms in
// several languages, capitals, main ports, occupied regions of Ukraine).
// Country names in every language come from ICU at run time. Documented in
// docs/text.md ("Jurisdictions").
#ifndef CORDON_TEXT_JURISDICTION_TABLE_H_
#define CORDON_TEXT_JURISDICTION_TABLE_H_

#include <string_view>
#include <vector>

#include "cordon/text.h"

namespace cordon {

struct ComprehensiveJurisdiction {
  std::string_view code;  // ISO 3166-1 alpha-2 or ISO 3166-2 for regions
  std::string_view name;  // English
  // Why it is listed (the embargo or regime), reported as a program.
  std::string_view regime;
};

// KP, IR, SY, CU, RU, BY and the occupied regions of Ukraine (Crimea,
// Sevastopol, Donetsk, Luhansk, Zaporizhzhia, Kherson).
const std::vector<ComprehensiveJurisdiction>& ComprehensiveJurisdictions();

struct PlaceNameEntry {
  std::string_view code;
  PlaceKind kind;
  // Spellings separated by '|'. A trailing '*' makes the entry a prefix
  // (demonym adjectives that inflect: "nordkoreanisch*", "иранск*").
  std::string_view names;
};

// Extra names: list spellings, demonyms, capitals and main ports, regions.
const std::vector<PlaceNameEntry>& PlaceNameTable();

// Program-name words that name a country ("DPRK" -> KP, "BURMA" -> MM),
// used when deriving which programs target which country. "" if none.
std::string_view ProgramWordCountry(std::string_view upper_word);

}  // namespace cordon

#endif  // CORDON_TEXT_JURISDICTION_TABLE_H_
