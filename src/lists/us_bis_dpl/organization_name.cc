#include "lists/us_bis_dpl/organization_name.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace cordon {
namespace {

// Words that mark an organisation whether or not they carry dots.
constexpr std::string_view kWords[] = {
    "INC",           "INCORPORATED",
    "LLC",           "LTD",
    "LIMITED",       "CO",
    "CORP",          "CORPORATION",
    "COMPANY",       "GMBH",
    "PLC",           "LLP",
    "SRL",           "SARL",
    "OOO",           "ZAO",
    "OAO",           "PAO",
    "JSC",           "CJSC",
    "OJSC",          "PJSC",
    "FZE",           "FZCO",
    "FZC",           "FZ-LLC",
    "PTE",           "PVT",
    "PTY",           "BHD",
    "SDN",           "KFT",
    "SPZOO",         "AIRLINES",
    "AIRLINE",       "AIRWAYS",
    "TRADING",       "TRADE",
    "INDUSTRIES",    "INDUSTRIAL",
    "ENTERPRISES",   "ENTERPRISE",
    "HOLDING",       "HOLDINGS",
    "BANK",          "GROUP",
    "SYSTEMS",       "TECHNOLOGY",
    "TECHNOLOGIES",  "ELECTRONICS",
    "ELECTRONIC",    "AVIATION",
    "LOGISTICS",     "SHIPPING",
    "SERVICES",      "ASSOCIATES",
    "INTERNATIONAL", "CORPORACION",
    "EMPRESA",       "ESTABLISHMENT",
    "FOUNDATION",    "INSTITUTE",
    "UNIVERSITY",    "LABORATORY",
    "LABORATORIES",  "FACTORY",
    "MANUFACTURING", "ENGINEERING",
    "IMPORT",        "EXPORT",
    "VERTRIEBS",     "VERTRIEB",
    "COMMERCIO",     "TRANSPORTATION",
    "FREIGHT",       "CARGO",
    "PARTNERS",
};
// Short legal forms that are also ordinary name parts; only with dots.
constexpr std::string_view kDottedWords[] = {"SA", "SL", "AG", "AS", "BV", "NV", "SPA", "SAS", "KG", "AB", "OY"};

bool In(std::string_view word, const std::string_view* begin, const std::string_view* end) {
  return std::find(begin, end, word) != end;
}

}  // namespace

bool LooksLikeOrganizationName(std::string_view name) {
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && (name[i] == ' ' || name[i] == ',' || name[i] == '(' || name[i] == ')' || name[i] == '/' ||
                               name[i] == '"' || name[i] == '\'')) {
      ++i;
    }
    size_t b = i;
    while (i < name.size() && name[i] != ' ' && name[i] != ',' && name[i] != '(' && name[i] != ')' && name[i] != '/' &&
           name[i] != '"' && name[i] != '\'') {
      ++i;
    }
    if (i == b) continue;
    std::string word;
    bool dotted = false;
    for (char c : name.substr(b, i - b)) {
      if (c == '.') {
        dotted = true;
        continue;
      }
      word.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    if (In(word, std::begin(kWords), std::end(kWords))) return true;
    if (dotted && In(word, std::begin(kDottedWords), std::end(kDottedWords))) return true;
  }
  return false;
}

}  // namespace cordon
