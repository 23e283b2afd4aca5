#include "lists/ofac/ofac_remarks.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_set>

#include "base/utf8.h"
#include "lists/common/date_parser.h"
#include "lists/ofac/ofac_country.h"

namespace cordon {
namespace {

// An identifier label OFAC writes before a number ("Tax ID No. 123 (Iran)").
struct IdLabel {
  std::string_view label;
  DocumentType type;
  std::string_view note;  // what the number is, when the type does not say
  // Numbers without a digit are text, not numbers ("Passport issued in
  // Sarajevo"), except for aircraft registrations ("EP-MMH").
  bool digitless_ok = false;
};

// Longer labels that start with a shorter one ("Passport Booklet" vs
// "Passport") must come first: the first match wins.
constexpr IdLabel kIdLabels[] = {
    // Passports and travel documents.
    {"British National Overseas Passport", DocumentType::kPassport, "British National Overseas passport"},
    {"Stateless Person Passport", DocumentType::kPassport, "stateless person passport"},
    {"Diplomatic Passport", DocumentType::kPassport, "diplomatic passport"},
    {"Passport Booklet", DocumentType::kPassport, "passport booklet"},
    {"Passport", DocumentType::kPassport, ""},
    {"Travel Document Number", DocumentType::kPassport, "travel document"},
    // Personal identity numbers.
    {"National ID No.", DocumentType::kNationalId, ""},
    {"National Foreign ID Number", DocumentType::kNationalId, "National Foreign ID Number"},
    {"Identification Number IMO", DocumentType::kRegistration, "IMO company number"},
    {"Identification Number", DocumentType::kNationalId, "Identification Number"},
    {"Cedula No.", DocumentType::kNationalId, "Cedula No."},
    {"C.U.R.P. #", DocumentType::kNationalId, "C.U.R.P."},
    {"C.U.R.P.", DocumentType::kNationalId, "C.U.R.P."},
    {"C.U.I.P.", DocumentType::kOther, "C.U.I.P."},
    {"C.U.I.T.", DocumentType::kTaxId, "C.U.I.T."},
    {"C.U.I.", DocumentType::kNationalId, "C.U.I."},
    {"D.N.I.", DocumentType::kNationalId, "D.N.I."},
    {"Personal ID Card", DocumentType::kNationalId, "Personal ID Card"},
    {"Bosnian Personal ID No.", DocumentType::kNationalId, "Bosnian Personal ID No."},
    {"Moroccan Personal ID No.", DocumentType::kNationalId, "Moroccan Personal ID No."},
    {"UAE Identification", DocumentType::kNationalId, "UAE Identification"},
    {"Stateless Person ID Card", DocumentType::kNationalId, "Stateless Person ID Card"},
    {"N.I.E.", DocumentType::kNationalId, "N.I.E."},
    {"Turkish Identification Number", DocumentType::kNationalId, "Turkish Identification Number"},
    {"Numero de Identidad", DocumentType::kNationalId, "Numero de Identidad"},
    {"Citizen's Card Number", DocumentType::kNationalId, "Citizen's Card Number"},
    {"Kenyan ID No.", DocumentType::kNationalId, "Kenyan ID No."},
    {"Tazkira National ID Card", DocumentType::kNationalId, "Tazkira National ID Card"},
    {"Credencial electoral", DocumentType::kNationalId, "Credencial electoral"},
    {"I.F.E.", DocumentType::kNationalId, "I.F.E."},
    {"Electoral Registry No.", DocumentType::kNationalId, "Electoral Registry No."},
    {"LE Number", DocumentType::kNationalId, "LE Number"},
    {"SSN", DocumentType::kNationalId, "SSN"},
    {"Residency Number", DocumentType::kOther, "Residency Number"},
    {"Refugee ID Card", DocumentType::kOther, "Refugee ID Card"},
    {"Birth Certificate Number", DocumentType::kOther, "Birth Certificate Number"},
    {"Driver's License No.", DocumentType::kOther, "Driver's License No."},
    {"Cartilla de Servicio Militar Nacional", DocumentType::kOther, "Cartilla de Servicio Militar Nacional"},
    {"VisaNumberID", DocumentType::kOther, "visa number"},
    {"SRE Permit No.", DocumentType::kOther, "SRE Permit No."},
    {"Permit Number", DocumentType::kOther, "Permit Number"},
    {"File Number", DocumentType::kOther, "File Number"},
    {"Immigration No.", DocumentType::kOther, "Immigration No."},
    {"Romanian Permanent Resident", DocumentType::kOther, "Romanian Permanent Resident"},
    {"Seafarer's Identification Document", DocumentType::kOther, "Seafarer's Identification Document"},
    {"Military Registration Number", DocumentType::kOther, "Military Registration Number"},
    {"Pilot License Number", DocumentType::kOther, "Pilot License Number"},
    // Tax numbers.
    {"Tax ID No.", DocumentType::kTaxId, ""},
    {"R.F.C. #", DocumentType::kTaxId, "R.F.C."},
    {"R.F.C.", DocumentType::kTaxId, "R.F.C."},
    {"RFC", DocumentType::kTaxId, "R.F.C."},
    {"NIT #", DocumentType::kTaxId, "NIT"},
    {"RUC #", DocumentType::kTaxId, "RUC"},
    {"RIF #", DocumentType::kTaxId, "RIF"},
    {"V.A.T. Number", DocumentType::kTaxId, "V.A.T. Number"},
    {"US FEIN", DocumentType::kTaxId, "US FEIN"},
    {"Italian Fiscal Code", DocumentType::kTaxId, "Italian Fiscal Code"},
    {"RTN", DocumentType::kTaxId, "RTN"},
    {"N.I.F.", DocumentType::kTaxId, "N.I.F."},
    {"Fiscal Code", DocumentType::kTaxId, "Fiscal Code"},
    {"Romanian Tax Registration", DocumentType::kTaxId, "Romanian Tax Registration"},
    {"Paraguayan tax identification number", DocumentType::kTaxId, "Paraguayan tax identification number"},
    // Company and business registers.
    {"Business Registration Number", DocumentType::kRegistration, ""},
    {"Business Registration Document #", DocumentType::kRegistration, "Business Registration Document"},
    {"Business Number", DocumentType::kRegistration, "Business Number"},
    {"Registration Number", DocumentType::kRegistration, ""},
    {"Registration ID", DocumentType::kRegistration, ""},
    {"Company Number IMO", DocumentType::kRegistration, "IMO company number"},
    {"Company Number", DocumentType::kRegistration, "Company Number"},
    {"UK Company Number", DocumentType::kRegistration, "UK Company Number"},
    {"Government Gazette Number", DocumentType::kRegistration, "Government Gazette Number"},
    {"Folio Mercantil No.", DocumentType::kRegistration, "Folio Mercantil No."},
    {"Matricula Mercantil No.", DocumentType::kRegistration, "Matricula Mercantil No."},
    {"Matricula Mercantil No", DocumentType::kRegistration, "Matricula Mercantil No."},
    {"Commercial Registry Number", DocumentType::kRegistration, "Commercial Registry Number"},
    {"Unified Social Credit Code (USCC)", DocumentType::kRegistration, "Unified Social Credit Code"},
    {"United Social Credit Code Certificate (USCCC)", DocumentType::kRegistration, "Unified Social Credit Code"},
    {"Legal Entity Number", DocumentType::kRegistration, "Legal Entity Number"},
    {"C.R. No.", DocumentType::kRegistration, "C.R. No."},
    {"Romanian C.R.", DocumentType::kRegistration, "Romanian C.R."},
    {"Economic Register Number (CBLS)", DocumentType::kRegistration, "Economic Register Number (CBLS)"},
    {"Trade License No.", DocumentType::kRegistration, "Trade License No."},
    {"Central Registration System Number", DocumentType::kRegistration, "Central Registration System Number"},
    {"Istanbul Chamber of Comm. No.", DocumentType::kRegistration, "Istanbul Chamber of Comm. No."},
    {"Chamber of Commerce Number", DocumentType::kRegistration, "Chamber of Commerce Number"},
    {"Dubai Chamber of Commerce Membership No.", DocumentType::kRegistration,
     "Dubai Chamber of Commerce Membership No."},
    {"Public Registration Number", DocumentType::kRegistration, "Public Registration Number"},
    {"Enterprise Number", DocumentType::kRegistration, "Enterprise Number"},
    {"Branch Unit Number", DocumentType::kRegistration, "Branch Unit Number"},
    {"Certificate of Incorporation Number", DocumentType::kRegistration, "Certificate of Incorporation Number"},
    {"Registered Charity No.", DocumentType::kRegistration, "Registered Charity No."},
    {"Organization Code", DocumentType::kRegistration, "Organization Code"},
    {"D-U-N-S Number", DocumentType::kRegistration, "D-U-N-S Number"},
    {"MSB Registration Number", DocumentType::kRegistration, "MSB Registration Number"},
    {"Afghan Money Service Provider License Number", DocumentType::kRegistration,
     "Afghan Money Service Provider License Number"},
    {"Tourism License No.", DocumentType::kRegistration, "Tourism License No."},
    // Financial, vessel and aircraft identifiers.
    {"SWIFT/BIC", DocumentType::kOther, "SWIFT/BIC"},
    {"BIK (RU)", DocumentType::kOther, "BIK"},
    {"ISIN", DocumentType::kOther, "ISIN"},
    {"License", DocumentType::kOther, "License"},
    {"MMSI", DocumentType::kOther, "MMSI"},
    {"Aircraft Manufacturer's Serial Number (MSN)", DocumentType::kOther, "aircraft serial number (MSN)"},
    {"Aircraft Construction Number (also called L/N or S/N or F/N)", DocumentType::kOther,
     "aircraft construction number"},
    {"Aircraft Tail Number", DocumentType::kOther, "aircraft tail number", true},
    {"Previous Aircraft Tail Number", DocumentType::kOther, "previous aircraft tail number", true},
    {"Aircraft Mode S Transponder Code", DocumentType::kOther, "aircraft Mode S transponder code"},
    {"Aircraft Serial Identification", DocumentType::kOther, "aircraft serial identification"},
};

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// If `item` starts with `label` (case-insensitive) followed by the end, a
// space or ':', stores the text after it (without leading spaces and ':') in
// *value and returns true.
bool MatchLabel(std::string_view item, std::string_view label, std::string_view* value) {
  if (item.size() < label.size() || !EqualsIgnoreCase(item.substr(0, label.size()), label)) return false;
  // Word boundary: "citizen" must not match "Citizen's Card Number".
  if (item.size() > label.size() && item[label.size()] != ' ' && item[label.size()] != ':') return false;
  std::string_view rest = item.substr(label.size());
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == ':')) rest.remove_prefix(1);
  *value = TrimAscii(rest);
  return true;
}

bool ContainsDigit(std::string_view s) { return std::any_of(s.begin(), s.end(), IsDigit); }

void AddNonEmpty(std::vector<std::string>* v, std::string s) {
  if (!s.empty()) v->push_back(std::move(s));
}

// Drops repeated elements (same key), keeping first occurrences in order.
// Hash-based, so a hostile remark with 100,000 items stays linear.
template <typename T, typename KeyFn>
void Dedupe(std::vector<T>* v, KeyFn key) {
  if (v->size() < 2) return;
  std::unordered_set<std::string> seen;
  size_t kept = 0;
  for (size_t i = 0; i < v->size(); ++i) {
    if (!seen.insert(std::string(key((*v)[i]))).second) continue;
    if (kept != i) (*v)[kept] = std::move((*v)[i]);
    ++kept;
  }
  v->resize(kept);
}

// Collapses runs of spaces and trims spaces, commas and semicolons at both
// ends (what is left of a value once number and country are cut out).
std::string CleanNote(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ';')) out.pop_back();
  size_t b = 0;
  while (b < out.size() && (out[b] == ' ' || out[b] == ',')) ++b;
  return out.substr(b);
}

// A token that ends a document number: a parenthesised group or
// a word that starts the trailing details ("issued 2001", "and Kuwaiti ...").
bool EndsNumber(std::string_view t) {
  // "(Iran)" ends it; "(HWI)040182" (Burmese NRC) is part of it.
  if (t.empty() || (t.front() == '(' && (t.find(')') == std::string_view::npos || t.back() == ')'))) return true;
  for (std::string_view w : {"issued", "expires", "expired", "issue", "and"}) {
    if (EqualsIgnoreCase(t, w)) return true;
  }
  return false;
}

// Splits "<number> (<country>) issued <date> expires <date>" (every part
// optional, number first) into a document. Returns nullopt when no number
// with a digit is found.
std::optional<IdentityDocument> ParseDocumentValue(std::string_view value, DocumentType type,
                                                   std::string_view label_note, bool digitless_ok = false) {
  // "Passport No.: 0310857", "NIT # 800018928-0".
  for (;;) {
    std::string_view v = value;
    for (std::string_view p : {"No.", "No", "#", ":"}) {
      if (v.size() > p.size() && v.substr(0, p.size()) == p && (v[p.size()] == ' ' || v[p.size()] == ':')) {
        v.remove_prefix(p.size());
        break;
      }
    }
    v = TrimAscii(v);
    while (!v.empty() && v.front() == ':') v = TrimAscii(v.substr(1));
    if (v == value) break;
    value = v;
  }
  // Number: the leading tokens, which may hold spaces ("RL 1622378",
  // "FN 161285 i", "C 1415363 - 16/2/1421H").
  size_t pos = 0;
  size_t number_end = 0;
  while (pos < value.size()) {
    size_t sp = value.find(' ', pos);
    if (sp == std::string_view::npos) sp = value.size();
    std::string_view token = value.substr(pos, sp - pos);
    if (token.empty()) {  // a run of spaces
      pos = sp + 1;
      continue;
    }
    if (EndsNumber(token)) break;
    number_end = sp;
    pos = sp + 1;
    if (token.back() == ',' || token.back() == ';') break;
  }
  std::string number(TrimAscii(value.substr(0, number_end)));
  while (!number.empty() && (number.back() == '.' || number.back() == ',' || number.back() == ';')) {
    number.pop_back();
  }
  if (number.empty() || (!digitless_ok && !ContainsDigit(number))) return std::nullopt;
  std::string rest(value.substr(std::min(number_end, value.size())));

  IdentityDocument doc;
  doc.type = type;
  doc.number = std::move(number);
  struct Group {
    size_t open, close;
  };
  std::vector<Group> groups;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] != '(') continue;
    size_t close = rest.find(')', i + 1);
    if (close == std::string::npos) break;
    groups.push_back({i, close});
    i = close;
  }
  // Country: the last parenthesised group that names a country ("(Iran)",
  // "(Cabo Verde.  Previously Cape Verde.)"). Other groups ("(Stuttgart)",
  // "(Bogota)": registry towns) stay in the note.
  std::optional<Group> country_group;
  for (auto it = groups.rbegin(); it != groups.rend() && !country_group; ++it) {
    std::string_view inner = std::string_view(rest).substr(it->open + 1, it->close - it->open - 1);
    std::string iso = ResolveOfacCountry(inner);
    if (iso.empty() && inner.find('.') != std::string_view::npos) {
      iso = ResolveOfacCountry(inner.substr(0, inner.find('.')));
    }
    if (!iso.empty()) {
      doc.country = std::move(iso);
      country_group = *it;
    }
  }
  if (country_group) {
    rest.erase(country_group->open, country_group->close - country_group->open + 1);
  } else {
    // "No.: 1372584, Kenya", "0310857, Eritrea, Issue Date ...".
    std::string_view first = TrimAscii(std::string_view(rest).substr(0, rest.find(',')));
    std::string iso = first.empty() ? "" : ResolveOfacCountry(first);
    if (!iso.empty()) {
      doc.country = std::move(iso);
      rest.erase(0, rest.find(first) + first.size());
    }
  }
  std::string extra = CleanNote(rest);
  if (!label_note.empty() && !extra.empty()) {
    doc.note = std::string(label_note) + "; " + extra;
  } else if (!label_note.empty()) {
    doc.note = std::string(label_note);
  } else {
    doc.note = std::move(extra);
  }
  return doc;
}

// "a.k.a. 'X'" -> X. Returns false when the value is not a closed quote.
bool UnquoteAlias(std::string_view value, std::string_view* name) {
  value = TrimAscii(value);
  if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') {
    *name = TrimAscii(value.substr(1, value.size() - 2));
    return !name->empty();
  }
  if (!value.empty() && value.front() != '\'') {  // unquoted: take as written
    *name = value;
    return true;
  }
  return false;
}

void ParseItem(std::string_view item, OfacRemarks* out) {
  std::string_view value;
  // Weak aliases.
  static constexpr struct {
    std::string_view label;
    NameType type;
  } kAliasLabels[] = {{"a.k.a.", NameType::kAlias}, {"f.k.a.", NameType::kFormerName}, {"n.k.a.", NameType::kNewName}};
  for (const auto& a : kAliasLabels) {
    if (!MatchLabel(item, a.label, &value)) continue;
    std::string_view name;
    if (!UnquoteAlias(value, &name)) {
      out->problems.push_back({std::string(a.label), "alias not in closed quotes: '" + std::string(value) + "'"});
      return;
    }
    Name n;
    n.full = std::string(name);
    n.type = a.type;
    n.quality = NameQuality::kWeak;
    out->aliases.push_back(std::move(n));
    return;
  }
  if (MatchLabel(item, "DOB", &value)) {
    PartialDate d;
    if (!ParsePartialDate(value, &d)) {
      out->problems.push_back({"DOB", "unparseable date '" + std::string(value) + "'"});
      return;
    }
    out->birth_dates.push_back(d);
    return;
  }
  if (MatchLabel(item, "POB", &value)) {
    AddNonEmpty(&out->birth_places, std::string(value));
    return;
  }
  if (MatchLabel(item, "Nationality of Registration", &value) || MatchLabel(item, "Registration Country", &value)) {
    AddNonEmpty(&out->countries, OfacCountry(value));
    return;
  }
  if (MatchLabel(item, "nationality", &value) || MatchLabel(item, "citizen", &value)) {
    AddNonEmpty(&out->nationalities, OfacCountry(value));
    return;
  }
  if (MatchLabel(item, "Gender", &value)) {
    if (EqualsIgnoreCase(value, "male")) {
      out->gender = "male";
    } else if (EqualsIgnoreCase(value, "female")) {
      out->gender = "female";
    } else {
      out->problems.push_back({"Gender", "unknown gender '" + std::string(value) + "'"});
    }
    return;
  }
  if (MatchLabel(item, "Organization Established Date", &value)) {
    PartialDate d;
    if (!ParsePartialDate(value, &d)) {
      out->problems.push_back({"Organization Established Date", "unparseable date '" + std::string(value) + "'"});
      return;
    }
    out->established_dates.push_back(d);
    return;
  }
  // Vessels: "Vessel Registration Identification IMO 9123456", "IMO 9123456".
  bool vessel_reg = MatchLabel(item, "Vessel Registration Identification", &value);
  if (vessel_reg || MatchLabel(item, "IMO", &value)) {
    std::string_view imo_value;
    bool imo = !vessel_reg || MatchLabel(value, "IMO", &imo_value);
    if (vessel_reg && imo) value = imo_value;
    auto doc = ParseDocumentValue(value, DocumentType::kImo, "");
    if (!doc) {
      out->problems.push_back(
          {vessel_reg ? "Vessel Registration Identification" : "IMO", "no number in '" + std::string(value) + "'"});
      return;
    }
    // A bare 7-digit vessel registration number is an IMO number too.
    if (!imo && !(doc->number.size() == 7 && std::all_of(doc->number.begin(), doc->number.end(), IsDigit))) {
      doc->type = DocumentType::kRegistration;
      doc->note = doc->note.empty() ? "vessel registration" : "vessel registration; " + doc->note;
    }
    out->documents.push_back(std::move(*doc));
    return;
  }
  for (const IdLabel& id : kIdLabels) {
    if (!MatchLabel(item, id.label, &value)) continue;
    auto doc = ParseDocumentValue(value, id.type, id.note, id.digitless_ok);
    if (!doc) break;  // "Passport issued in Sarajevo": no number, keep as text
    out->documents.push_back(std::move(*doc));
    return;
  }
  out->other.emplace_back(item);
}

}  // namespace

OfacRemarks ParseOfacRemarks(std::string_view remarks) {
  OfacRemarks out;
  size_t pos = 0;
  while (pos <= remarks.size()) {
    size_t semi = remarks.find(';', pos);
    if (semi == std::string_view::npos) semi = remarks.size();
    std::string_view item = TrimAscii(remarks.substr(pos, semi - pos));
    pos = semi + 1;
    // The remarks (and some items) end with a period.
    while (!item.empty() && item.back() == '.') item.remove_suffix(1);
    item = TrimAscii(item);
    if (item.empty()) continue;
    // "alt. DOB", "alt. Passport": an alternative value, same meaning.
    std::string_view unprefixed;
    if (MatchLabel(item, "alt.", &unprefixed) && !unprefixed.empty()) item = unprefixed;
    ParseItem(item, &out);
  }
  auto self = [](const std::string& x) -> const std::string& { return x; };
  Dedupe(&out.birth_places, self);
  Dedupe(&out.nationalities, self);
  Dedupe(&out.countries, self);
  Dedupe(&out.aliases, [](const Name& n) -> const std::string& { return n.full; });
  return out;
}

}  // namespace cordon
