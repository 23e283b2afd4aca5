#include "lists/uk_ofsi/ofsi_cell_parsers.h"

#include <cctype>

#include "base/utf8.h"

namespace cordon {
namespace {

// The tags OFSI uses in "Other Information". Values run to the next of
// these, so the list includes tags cordon does not extract.
constexpr std::string_view kTags[] = {
    "UK Sanctions List Ref", "UN Ref",          "UK Statement of Reasons", "Gender",
    "Phone number",          "Email address",   "Type of entity",          "Website",
    "Parent company",        "Business Reg No", "Subsidiaries",            "IMO number",
    "Flag of ship",          "Type of ship",    "Tonnage of ship",         "Length of ship",
    "Year built",            "Current owners",  "Fax",                     "Previous flags",
};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// Trims and drops trailing '.' / ',' separators.
std::string_view Clean(std::string_view s) {
  s = TrimAscii(s);
  while (!s.empty() && (s.back() == '.' || s.back() == ',')) s = TrimAscii(s.substr(0, s.size() - 1));
  return s;
}

bool IsAlpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "RUS0251. Financial ..." -> "RUS0251".
std::string LeadingUkRef(std::string_view v) {
  size_t i = 0;
  while (i < v.size() && IsAlpha(v[i])) ++i;
  size_t letters = i;
  while (i < v.size() && IsDigit(v[i])) ++i;
  if (letters == 0 || i == letters) return "";
  return std::string(v.substr(0, i));
}

// "CFi.010. Ali Kony ..." -> "CFi.010"; "CDi. 038" -> "CDi.038".
std::string LeadingUnRef(std::string_view v) {
  size_t i = 0;
  while (i < v.size() && IsAlpha(v[i])) ++i;
  if (i == 0 || i >= v.size() || v[i] != '.') return "";
  std::string out(v.substr(0, i + 1));
  ++i;
  while (i < v.size() && v[i] == ' ') ++i;
  size_t digits = i;
  while (i < v.size() && IsDigit(v[i])) ++i;
  if (i == digits) return "";
  out += v.substr(digits, i - digits);
  return out;
}

}  // namespace

std::vector<std::string> SplitNumberedValues(std::string_view text) {
  std::vector<std::string> out;
  std::string_view t = TrimAscii(text);
  auto push = [&out](std::string_view v) {
    v = Clean(v);
    if (!v.empty()) out.emplace_back(v);
  };
  if (t.substr(0, 3) != "(1)") {
    push(t);
    return out;
  }
  size_t pos = 3;
  for (int k = 2;; ++k) {
    std::string marker = "(" + std::to_string(k) + ")";
    size_t next = t.find(marker, pos);
    push(t.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos));
    if (next == std::string_view::npos) break;
    pos = next + marker.size();
  }
  return out;
}

OfsiOtherInformation ParseOtherInformation(std::string_view text) {
  struct Hit {
    std::string_view tag;
    size_t value_begin;
    size_t tag_begin;
  };
  std::vector<Hit> hits;
  for (size_t p = text.find('('); p != std::string_view::npos; p = text.find('(', p + 1)) {
    for (std::string_view tag : kTags) {
      size_t end = p + 1 + tag.size();
      if (end + 2 <= text.size() && text[end] == ')' && text[end + 1] == ':' &&
          EqualsIgnoreCase(text.substr(p + 1, tag.size()), tag)) {
        hits.push_back({tag, end + 2, p});
        break;
      }
    }
  }
  OfsiOtherInformation out;
  for (size_t i = 0; i < hits.size(); ++i) {
    size_t end = i + 1 < hits.size() ? hits[i + 1].tag_begin : text.size();
    std::string_view value = TrimAscii(text.substr(hits[i].value_begin, end - hits[i].value_begin));
    std::string_view tag = hits[i].tag;
    if (tag == "UK Sanctions List Ref") {
      if (out.uk_ref.empty()) out.uk_ref = LeadingUkRef(value);
    } else if (tag == "UN Ref") {
      if (out.un_ref.empty()) out.un_ref = LeadingUnRef(value);
    } else if (tag == "Gender") {
      std::string word;
      for (char c : value) {
        if (!IsAlpha(c)) break;
        word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      }
      if (out.gender.empty() && (word == "male" || word == "female")) out.gender = word;
    } else if (tag == "IMO number") {
      size_t b = 0;
      while (b < value.size() && !IsDigit(value[b])) ++b;
      size_t e = b;
      while (e < value.size() && IsDigit(value[e])) ++e;
      if (out.imo.empty() && e - b == 7) out.imo = std::string(value.substr(b, 7));
    } else if (tag == "Flag of ship") {
      if (out.flag.empty()) out.flag = std::string(Clean(value));
    } else if (tag == "Business Reg No") {
      std::string_view v = Clean(value);
      if (!v.empty()) out.business_reg_numbers.emplace_back(v);
    }
  }
  return out;
}

std::string NormalizeScriptLabel(std::string_view label) {
  std::string_view l = TrimAscii(label);
  if (EqualsIgnoreCase(l, "Cryillic") || EqualsIgnoreCase(l, "Cyrilic") ||
      EqualsIgnoreCase(l, "Russian") || EqualsIgnoreCase(l, "Cyrillic")) {
    return "Cyrillic";
  }
  return std::string(l);
}

}  // namespace cordon
