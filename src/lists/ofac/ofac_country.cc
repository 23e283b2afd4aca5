#include "lists/ofac/ofac_country.h"

#include <algorithm>
#include <cctype>

#include "base/utf8.h"
#include "geo/country_resolver.h"

namespace cordon {
namespace {

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         });
}

}  // namespace

std::string ResolveOfacCountry(std::string_view text) {
  text = TrimAscii(text);
  if (text.empty()) return "";
  std::string iso = ResolveCountry(text);
  if (!iso.empty()) return iso;
  for (std::string_view prefix : {"possibly ", "Region: ", "Region "}) {
    if (text.size() > prefix.size() && StartsWithIgnoreCase(text, prefix)) {
      iso = ResolveCountry(text.substr(prefix.size()));
      if (!iso.empty()) return iso;
    }
  }
  return "";
}

std::string OfacCountry(std::string_view text) {
  text = TrimAscii(text);
  for (std::string_view none : {"undetermined", "none identified", "unknown"}) {
    if (text.size() == none.size() && StartsWithIgnoreCase(text, none)) return "";
  }
  std::string iso = ResolveOfacCountry(text);
  return iso.empty() ? std::string(text) : iso;
}

}  // namespace cordon
