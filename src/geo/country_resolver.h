// Resolving the country spellings lists use ("Korea, North", "Democratic
// People's Republic of Korea", "Russian Federation", "Iranian") to ISO 3166-1
// alpha-2 codes.
#ifndef CORDON_GEO_COUNTRY_RESOLVER_H_
#define CORDON_GEO_COUNTRY_RESOLVER_H_

#include <string>
#include <string_view>

namespace cordon {

// Returns the upper-case ISO 3166-1 alpha-2 code for a country name, a
// demonym ("Russian", "Iranian"), or a code ("RU", "rus"), or "" if unknown.
// English names come from ICU's CLDR data; list-specific spellings from a
// table. Case, punctuation, diacritics and word order around a comma are
// ignored. Thread-safe (tables are built once on first use).
std::string ResolveCountry(std::string_view text);

// English display name of an ISO alpha-2 code ("KP" -> "North Korea"), or
// the code itself if unknown.
std::string CountryName(std::string_view iso2);

}  // namespace cordon

#endif  // CORDON_GEO_COUNTRY_RESOLVER_H_
