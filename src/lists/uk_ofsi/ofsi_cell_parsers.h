// Parsers for the packed cell values of OFSI's consolidated list (ConList):
// numbered multi-values "(1) a (2) b", the tagged "Other Information" text
// and the script labels of non-Latin names.
#ifndef CORDON_LISTS_UK_OFSI_OFSI_CELL_PARSERS_H_
#define CORDON_LISTS_UK_OFSI_OFSI_CELL_PARSERS_H_

#include <string>
#include <string_view>
#include <vector>

namespace cordon {

// Splits "(1) Russia (2) Ukraine" (also "(1) a. (2) b" and "(3)c") into
// {"Russia", "Ukraine"}: values trimmed, a trailing '.' or ',' removed,
// empty values dropped. Text that does not start with "(1)" is one value.
std::vector<std::string> SplitNumberedValues(std::string_view text);

// The fields cordon uses from "Other Information", which packs tagged
// values "(UK Sanctions List Ref):RUS0001. (UN Ref):KPi.033 (Gender):Male
// (IMO number):9123456 (Business Reg No):..." into free text. A value runs
// to the next known tag.
struct OfsiOtherInformation {
  std::string uk_ref;  // "RUS0001"
  std::string un_ref;  // "KPi.033"
  std::string gender;  // "male" / "female"
  std::string imo;     // "9123456"
  std::string flag;    // "(Flag of ship)" text, e.g. "North Korea"
  std::vector<std::string> business_reg_numbers;  // as written, trimmed
};

// Extracts the fields above; unknown or malformed values are left empty.
OfsiOtherInformation ParseOtherInformation(std::string_view text);

// "Cryillic", "Cyrilic", "Russian" -> "Cyrillic"; other labels trimmed and
// returned as written ("Arabic", "Chinese"); "" stays "".
std::string NormalizeScriptLabel(std::string_view label);

}  // namespace cordon

#endif  // CORDON_LISTS_UK_OFSI_OFSI_CELL_PARSERS_H_
