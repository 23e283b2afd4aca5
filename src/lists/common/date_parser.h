// Parsing the date spellings the lists use into PartialDate.
#ifndef CORDON_LISTS_COMMON_DATE_PARSER_H_
#define CORDON_LISTS_COMMON_DATE_PARSER_H_

#include <string_view>

#include "cordon/entity.h"

namespace cordon {

// How to read "01/02/1990".
enum class SlashOrder { kDayFirst, kMonthFirst };

// Parses one date. Accepts (case-insensitive, surrounding spaces ignored):
//   "1952-10-07", "1952-10", "1952", "07 Oct 1952", "7 October 1952",
//   "Oct 1952", "circa 1952", "approximately 1952", "1960 to 1962",
//   "1960-1962", "dd/mm/yyyy" with "dd"/"mm"/"00" placeholders for unknown
//   parts ("dd/mm/1964", "00/00/1964"), "mm/dd/yyyy" when order says so.
// Returns false (and leaves *out empty) when the text is not a date or the
// date is impossible (month 13, day 32, year outside 1000..2999).
bool ParsePartialDate(std::string_view text, PartialDate* out,
                      SlashOrder order = SlashOrder::kDayFirst);

}  // namespace cordon

#endif  // CORDON_LISTS_COMMON_DATE_PARSER_H_
