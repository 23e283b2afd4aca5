// OFAC's country spellings (addresses, Vess_flag, nationality, document
// countries) to the entity model's country values.
#ifndef CORDON_LISTS_OFAC_OFAC_COUNTRY_H_
#define CORDON_LISTS_OFAC_OFAC_COUNTRY_H_

#include <string>
#include <string_view>

namespace cordon {

// ISO 3166-1 alpha-2 via ResolveCountry(), also through OFAC's prefixes
// ("Region: Gaza" -> PS, "possibly Palestinian" -> PS), or "" when
// unresolvable. Thread-safe.
std::string ResolveOfacCountry(std::string_view text);

// ResolveOfacCountry(), or the trimmed text itself when unresolvable
// ("Region: Kafia Kingi"); "" for OFAC's markers of no country
// ("undetermined", "None Identified") and blank text. Thread-safe.
std::string OfacCountry(std::string_view text);

}  // namespace cordon

#endif  // CORDON_LISTS_OFAC_OFAC_COUNTRY_H_
