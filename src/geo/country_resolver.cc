#include "geo/country_resolver.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cctype>
#include <memory>
#include <unordered_map>

namespace cordon {
namespace {

// Lower-case ASCII letters only, words in order; "Korea, North" and
// "North Korea" both give "northkorea" because a comma-inverted name is also
// indexed in its natural order.
std::string Key(std::string_view text) {
  std::string out;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalpha(u)) out.push_back(static_cast<char>(std::tolower(u)));
  }
  return out;
}

std::string Ascii(const icu::UnicodeString& s) {
  static const auto* kToAscii = [] {
    UErrorCode status = U_ZERO_ERROR;
    auto* t = icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status);
    return U_SUCCESS(status) ? t : nullptr;
  }();
  icu::UnicodeString copy = s;
  if (kToAscii != nullptr) kToAscii->transliterate(copy);
  std::string out;
  copy.toUTF8String(out);
  return out;
}

struct Table {
  std::unordered_map<std::string, std::string> by_key;
  std::unordered_map<std::string, std::string> names;
};

void Add(Table* t, std::string_view name, const std::string& code) {
  std::string k = Key(name);
  if (!k.empty()) t->by_key.emplace(k, code);
  // "Korea, North" -> also "North Korea".
  size_t comma = name.find(',');
  if (comma != std::string_view::npos) {
    std::string swapped = std::string(name.substr(comma + 1)) + " " + std::string(name.substr(0, comma));
    std::string k2 = Key(swapped);
    if (!k2.empty()) t->by_key.emplace(k2, code);
  }
  // CLDR writes "Bosnia & Herzegovina"; the lists write "and".
  size_t amp = name.find('&');
  if (amp != std::string_view::npos) {
    Add(t, std::string(name.substr(0, amp)) + "and" + std::string(name.substr(amp + 1)), code);
  }
}

const Table& GetTable() {
  static const Table* table = [] {
    auto* t = new Table();
    for (const char* const* c = icu::Locale::getISOCountries(); *c != nullptr; ++c) {
      std::string code = *c;
      icu::UnicodeString name;
      icu::Locale("", code.c_str()).getDisplayCountry(icu::Locale::getEnglish(), name);
      std::string ascii = Ascii(name);
      t->names.emplace(code, ascii);
      Add(t, ascii, code);
      t->by_key.emplace(Key(code), code);
      const char* iso3 = icu::Locale("", code.c_str()).getISO3Country();
      if (iso3 != nullptr && *iso3 != '\0') t->by_key.emplace(Key(iso3), code);
    }
    // Spellings the lists use that CLDR's English names do not cover, and
    // demonyms used as nationalities.
    static const struct {
      const char* name;
      const char* code;
    } kExtra[] = {
        {"Korea, North", "KP"},
        {"Democratic People's Republic of Korea", "KP"},
        {"DPRK", "KP"},
        {"North Korean", "KP"},
        {"Korea, South", "KR"},
        {"Republic of Korea", "KR"},
        {"South Korean", "KR"},
        {"Korean", "KR"},
        {"Russian Federation", "RU"},
        {"Russian", "RU"},
        {"Iran, Islamic Republic of", "IR"},
        {"Iran (Islamic Republic of)", "IR"},
        {"Iranian", "IR"},
        {"Syrian Arab Republic", "SY"},
        {"Syrian", "SY"},
        {"Burma", "MM"},
        {"Myanmar", "MM"},
        {"Congo (Democratic Republic)", "CD"},
        {"Palestine", "PS"},
        {"Occupied Palestinian Territories", "PS"},
        {"Britain", "GB"},
        {"Sundan", "SD"},
        {"Uzbekhistan", "UZ"},
        {"Belrus", "BY"},
        {"Repubic of Moldova", "MD"},
        {"Congo", "CG"},
        {"PRC", "CN"},
        {"China, Hong Kong Special Administrative Region", "HK"},
        {"Hong Kong Special Administrative Region", "HK"},
        {"China, Macao Special Administrative Region", "MO"},
        {"Burmese", "MM"},
        {"Viet Nam", "VN"},
        {"Vietnamese", "VN"},
        {"Lao People's Democratic Republic", "LA"},
        {"Laos", "LA"},
        {"Bolivia (Plurinational State of)", "BO"},
        {"Venezuela (Bolivarian Republic of)", "VE"},
        {"Venezuelan", "VE"},
        {"Tanzania, United Republic of", "TZ"},
        {"United Republic of Tanzania", "TZ"},
        {"Moldova, Republic of", "MD"},
        {"Republic of Moldova", "MD"},
        {"Congo, Democratic Republic of the", "CD"},
        {"Democratic Republic of the Congo", "CD"},
        {"Congo, Republic of the", "CG"},
        {"Republic of the Congo", "CG"},
        {"Cote d'Ivoire", "CI"},
        {"Ivory Coast", "CI"},
        {"Czech Republic", "CZ"},
        {"Macedonia", "MK"},
        {"The former Yugoslav Republic of Macedonia", "MK"},
        {"Turkey", "TR"},
        {"Turkish", "TR"},
        {"Turkiye", "TR"},
        {"Gambia, The", "GM"},
        {"Bahamas, The", "BS"},
        {"Kosovo", "XK"},
        {"Palestinian", "PS"},
        {"Palestinian Territories", "PS"},
        {"West Bank", "PS"},
        {"Gaza", "PS"},
        {"State of Palestine", "PS"},
        {"United States of America", "US"},
        {"USA", "US"},
        {"American", "US"},
        {"United Kingdom of Great Britain and Northern Ireland", "GB"},
        {"UK", "GB"},
        {"British", "GB"},
        {"Great Britain", "GB"},
        {"Brunei Darussalam", "BN"},
        {"Cabo Verde", "CV"},
        {"Swaziland", "SZ"},
        {"East Timor", "TL"},
        {"Holy See", "VA"},
        {"Micronesia, Federated States of", "FM"},
        {"Saint Kitts and Nevis", "KN"},
        {"Saint Vincent and the Grenadines", "VC"},
        {"St. Kitts and Nevis", "KN"},
        {"St. Vincent and the Grenadines", "VC"},
        {"Netherlands Antilles", "AN"},
        {"Serbia and Montenegro", "RS"},
        {"Yugoslavia", "RS"},
        {"Hong Kong SAR", "HK"},
        {"Hong Kong", "HK"},
        {"Macau", "MO"},
        {"Macao", "MO"},
        {"North Macedonia, The Republic of", "MK"},
        {"China, People's Republic of", "CN"},
        {"People's Republic of China", "CN"},
        {"Chinese", "CN"},
        {"Taiwan, Province of China", "TW"},
        {"Afghan", "AF"},
        {"Iraqi", "IQ"},
        {"Libyan", "LY"},
        {"Lebanese", "LB"},
        {"Yemeni", "YE"},
        {"Somali", "SO"},
        {"Sudanese", "SD"},
        {"Pakistani", "PK"},
        {"Saudi", "SA"},
        {"Saudi Arabian", "SA"},
        {"Egyptian", "EG"},
        {"Jordanian", "JO"},
        {"Kuwaiti", "KW"},
        {"Belarusian", "BY"},
        {"Belarussian", "BY"},
        {"Ukrainian", "UA"},
        {"Cuban", "CU"},
        {"Nicaraguan", "NI"},
        {"Mexican", "MX"},
        {"Colombian", "CO"},
        {"German", "DE"},
        {"French", "FR"},
        {"Italian", "IT"},
        {"Spanish", "ES"},
        {"Emirati", "AE"},
        {"UAE", "AE"},
        {"Tunisian", "TN"},
        {"Algerian", "DZ"},
        {"Moroccan", "MA"},
        {"Indian", "IN"},
        {"Indonesian", "ID"},
        {"Filipino", "PH"},
        {"Malaysian", "MY"},
        {"Kazakh", "KZ"},
        {"Uzbek", "UZ"},
        {"Tajik", "TJ"},
        {"Kyrgyz", "KG"},
        {"Turkmen", "TM"},
        {"Azerbaijani", "AZ"},
        {"Armenian", "AM"},
        {"Georgian", "GE"},
        {"Israeli", "IL"},
        {"Eritrean", "ER"},
        {"Ethiopian", "ET"},
        {"Kenyan", "KE"},
        {"Nigerian", "NG"},
        {"Malian", "ML"},
        {"Zimbabwean", "ZW"},
        {"Qatari", "QA"},
        {"Bahraini", "BH"},
        {"Omani", "OM"},
        {"Bangladeshi", "BD"},
        {"Sri Lankan", "LK"},
        {"Nepalese", "NP"},
        {"Cypriot", "CY"},
        {"Greek", "GR"},
        {"Serbian", "RS"},
        {"Bosnian", "BA"},
        {"Croatian", "HR"},
        {"Albanian", "AL"},
        {"Latvian", "LV"},
        {"Lithuanian", "LT"},
        {"Estonian", "EE"},
        {"Polish", "PL"},
        {"Swiss", "CH"},
        {"Dutch", "NL"},
        {"Belgian", "BE"},
        {"Austrian", "AT"},
        {"Canadian", "CA"},
        {"Brazilian", "BR"},
        {"Argentine", "AR"},
        {"Argentinian", "AR"},
        {"Venezuelan", "VE"},
        {"Haitian", "HT"},
        {"Congolese", "CD"},
        {"Central African", "CF"},
        {"South Sudanese", "SS"},
        {"Guinean", "GN"},
    };
    for (const auto& e : kExtra) Add(t, e.name, e.code);
    return t;
  }();
  return *table;
}

}  // namespace

std::string ResolveCountry(std::string_view text) {
  const Table& t = GetTable();
  std::string key;
  bool ascii = true;
  for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    key = Key(text);
    // "Korea, North" is indexed both ways in Add(); queries may be either.
    auto it = t.by_key.find(key);
    if (it != t.by_key.end()) return it->second;
    size_t comma = text.find(',');
    if (comma != std::string_view::npos) {
      it = t.by_key.find(Key(std::string(text.substr(comma + 1)) + std::string(text.substr(0, comma))));
      if (it != t.by_key.end()) return it->second;
    }
    return "";
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  auto it = t.by_key.find(Key(Ascii(u)));
  return it == t.by_key.end() ? "" : it->second;
}

std::string CountryName(std::string_view iso2) {
  const Table& t = GetTable();
  auto it = t.names.find(std::string(iso2));
  return it == t.names.end() ? std::string(iso2) : it->second;
}

}  // namespace cordon
