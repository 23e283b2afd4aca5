// Telling organisation names from person names in lists that do not say
// which is which (BIS Denied Persons List, the BIS and State Department parts
// of the Consolidated Screening List).
#ifndef CORDON_LISTS_US_BIS_DPL_ORGANIZATION_NAME_H_
#define CORDON_LISTS_US_BIS_DPL_ORGANIZATION_NAME_H_

#include <string_view>

namespace cordon {

// True when `name` contains a word that only organisation names carry: a
// legal form ("INC", "LLC", "LTD", "CO.", "CORP", "GMBH", "S.A.", "OOO",
// "FZE", ...) or an unmistakable business word ("COMPANY", "AIRLINES",
// "TRADING", "INDUSTRIES", "BANK", ...). Case-insensitive, whole words only
// ("CORPUZ" is not "CORP"). False means "unknown", not "person".
// Two-letter forms that are also name parts ("SA", "AG") count only when
// written with dots ("S.A.").
bool LooksLikeOrganizationName(std::string_view name);

}  // namespace cordon

#endif  // CORDON_LISTS_US_BIS_DPL_ORGANIZATION_NAME_H_
