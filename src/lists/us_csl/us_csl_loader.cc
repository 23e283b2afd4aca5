#include "lists/us_csl/us_csl_loader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/file_reader.h"
#include "base/utf8.h"
#include "geo/country_resolver.h"
#include "lists/common/csv_reader.h"
#include "lists/common/date_parser.h"
#include "lists/common/entity_values.h"
#include "lists/us_bis_dpl/organization_name.h"

namespace cordon {
namespace {

// start_date values after this year are typos.
constexpr int kLatestPlausibleYear = 2030;

enum Column {
  kId,
  kSource,
  kType,
  kName,
  kPrograms,
  kAltNames,
  kAddresses,
  kIds,
  kDatesOfBirth,
  kPlacesOfBirth,
  kCitizenships,
  kNationalities,
  kStartDate,
  kTitle,
  kRequiredColumns,
  // Optional columns.
  kEntityNumber = kRequiredColumns,
  kVesselFlag,
  kColumnCount
};
constexpr std::array<const char*, kColumnCount> kColumnNames = {
    "_id",          "source",        "type",       "name",           "programs",
    "alt_names",    "addresses",     "ids",        "dates_of_birth", "places_of_birth",
    "citizenships", "nationalities", "start_date", "title",          "entity_number",
    "vessel_flag"};
constexpr size_t kMissing = static_cast<size_t>(-1);

bool Contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

// Splits a multi-valued cell on `sep`, trimming parts and dropping empty ones.
std::vector<std::string> Split(std::string_view s, std::string_view sep) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b <= s.size()) {
    size_t e = s.find(sep, b);
    if (e == std::string_view::npos) e = s.size();
    std::string_view part = TrimAscii(s.substr(b, e - b));
    if (!part.empty()) out.emplace_back(part);
    b = e + sep.size();
  }
  return out;
}

std::string Country(std::string_view text) {
  std::string iso = ResolveCountry(text);
  return iso.empty() ? std::string(text) : iso;
}

bool IsCountryCode(std::string_view s) {
  return s.size() == 2 && std::isupper(static_cast<unsigned char>(s[0])) &&
         std::isupper(static_cast<unsigned char>(s[1]));
}

// What one `ids` entry ("CA, BC166787, Passport") is.
enum class IdKind { kIgnore, kGender, kDocument };

// Classifies the type label (the entry's last part). Labels of descriptive
// entries (dates, directives, websites, target types, flags) are ignored;
// everything else is an identifier. REQUIRES: `type` trimmed.
IdKind Classify(std::string_view type, DocumentType* doc_type) {
  *doc_type = DocumentType::kOther;
  if (type == "Gender") return IdKind::kGender;
  if (type.empty() || type.back() == ':' || type.back() == '-') return IdKind::kIgnore;
  static constexpr std::string_view kIgnored[] = {"Date",
                                                  "Directive",
                                                  "Information",
                                                  "Sanctions",
                                                  "Type",
                                                  "Website",
                                                  "Email",
                                                  "Phone",
                                                  "Aircraft Model",
                                                  "Aircraft Operator",
                                                  "Issuer Name",
                                                  "Flag",
                                                  "Country",
                                                  "Nationality",
                                                  "Transactions Prohibited",
                                                  "Determination",
                                                  "Chinese Commercial Code",
                                                  "UN/LOCODE",
                                                  "Equity Ticker",
                                                  "Call Sign"};
  for (std::string_view word : kIgnored) {
    if (Contains(type, word)) return IdKind::kIgnore;
  }
  static constexpr std::string_view kPassport[] = {"Passport"};
  static constexpr std::string_view kTax[] = {
      "Tax",  "NIT #",    "R.F.C.", "RFC",    "RUC #", "V.A.T.", "Fiscal Code",
      "FEIN", "C.U.I.T.", "RIF #",  "C.I.F.", "RTN",   "NUIT",   "tax identification"};
  static constexpr std::string_view kNational[] = {"National ID",
                                                   "Cedula",
                                                   "C.U.R.P.",
                                                   "D.N.I.",
                                                   "Identification Number",
                                                   "Personal ID",
                                                   "ID Card",
                                                   "Identidad",
                                                   "ID No.",
                                                   "SSN",
                                                   "Personal Numerical Code",
                                                   "Citizen's Card",
                                                   "UAE Identification",
                                                   "National Foreign ID"};
  static constexpr std::string_view kRegistration[] = {"Registration",
                                                       "Company Number",
                                                       "Commercial Registry",
                                                       "Social Credit Code",
                                                       "Chamber of Comm",
                                                       "Certificate of Incorporation",
                                                       "Folio Mercantil",
                                                       "Matricula Mercantil",
                                                       "Trade License",
                                                       "Legal Entity Number",
                                                       "C.R.",
                                                       "D-U-N-S",
                                                       "Enterprise Number",
                                                       "Business Number",
                                                       "Government Gazette"};
  auto any = [&](const auto& words) {
    return std::any_of(std::begin(words), std::end(words), [&](std::string_view w) { return Contains(type, w); });
  };
  if (Contains(type, "IMO")) {
    *doc_type = DocumentType::kImo;
  } else if (any(kPassport)) {
    *doc_type = DocumentType::kPassport;
  } else if (any(kTax)) {
    *doc_type = DocumentType::kTaxId;
  } else if (any(kNational)) {
    *doc_type = DocumentType::kNationalId;
  } else if (any(kRegistration)) {
    *doc_type = DocumentType::kRegistration;
  }
  return IdKind::kDocument;
}

// "country, [dates, ...,] number, type": the type label last, the number
// before it, an ISO2 country first when there are three or more parts.
void MapIds(std::string_view cell, Entity* e) {
  for (const std::string& entry : Split(cell, "; ")) {
    std::vector<std::string> parts = Split(entry, ", ");
    if (parts.size() < 2) continue;
    DocumentType doc_type;
    const IdKind kind = Classify(parts.back(), &doc_type);
    if (kind == IdKind::kGender) {
      std::string g = parts[0];
      for (char& c : g) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (g == "male" || g == "female") e->gender = g;
      continue;
    }
    if (kind == IdKind::kIgnore) continue;
    IdentityDocument doc;
    doc.type = doc_type;
    doc.number = parts[parts.size() - 2];
    size_t first = 0;
    if (parts.size() >= 3 && IsCountryCode(parts[0])) {
      doc.country = Country(parts[0]);
      first = 1;
    }
    if (doc.number.compare(0, 4, "IMO ") == 0) {
      doc.type = DocumentType::kImo;
      doc.number = std::string(TrimAscii(std::string_view(doc.number).substr(4)));
    }
    doc.note = parts.back();
    for (size_t i = first; i + 2 < parts.size(); ++i) doc.note += (i == first ? "; " : ", ") + parts[i];
    bool seen = false;
    for (const IdentityDocument& d : e->documents) seen |= d.type == doc.type && d.number == doc.number;
    if (!seen && !doc.number.empty()) e->documents.push_back(std::move(doc));
  }
}

// An SDN-style "LAST, First Middle" individual name: exactly one comma.
Name PersonName(std::string full, NameType type) {
  Name n;
  n.type = type;
  const size_t comma = full.find(',');
  if (comma != std::string::npos && full.find(',', comma + 1) == std::string::npos) {
    n.family = std::string(TrimAscii(std::string_view(full).substr(0, comma)));
    n.given = std::string(TrimAscii(std::string_view(full).substr(comma + 1)));
    if (n.family.empty() || n.given.empty()) {
      n.family.clear();
      n.given.clear();
    }
  }
  n.full = std::move(full);
  return n;
}

void AddName(Entity* e, Name n) {
  if (n.full.empty()) return;
  for (const Name& x : e->names) {
    if (x.full == n.full) return;
  }
  e->names.push_back(std::move(n));
}

// Folds a later row with the same `_id` into the entity built so far.
void Merge(Entity* a, Entity b) {
  for (Name& n : b.names) {
    if (n.type == NameType::kPrimary) n.type = NameType::kAlias;
    AddName(a, std::move(n));
  }
  if (a->schema == Schema::kLegalEntity) a->schema = b.schema;
  for (const PartialDate& d : b.birth_dates) {
    bool seen = false;
    for (const PartialDate& x : a->birth_dates) seen |= x.ToString() == d.ToString();
    if (!seen) a->birth_dates.push_back(d);
  }
  for (std::string& s : b.birth_places) AppendUnique(&a->birth_places, std::move(s));
  for (std::string& s : b.nationalities) AppendUnique(&a->nationalities, std::move(s));
  for (std::string& s : b.countries) AppendUnique(&a->countries, std::move(s));
  for (IdentityDocument& d : b.documents) {
    bool seen = false;
    for (const IdentityDocument& x : a->documents) seen |= x.type == d.type && x.number == d.number;
    if (!seen) a->documents.push_back(std::move(d));
  }
  for (Address& addr : b.addresses) {
    bool seen = false;
    for (const Address& x : a->addresses) seen |= x.full == addr.full;
    if (!seen) a->addresses.push_back(std::move(addr));
  }
  for (std::string& s : b.programs) AppendUnique(&a->programs, std::move(s));
  for (std::string& s : b.references) AppendUnique(&a->references, std::move(s));
  if (a->listing_date.empty() || (!b.listing_date.empty() && b.listing_date < a->listing_date)) {
    a->listing_date = b.listing_date;
  }
  if (a->gender.empty()) a->gender = b.gender;
  if (a->title.empty()) a->title = b.title;
  a->raw += "\n" + b.raw;
}

}  // namespace

Status ParseUsCsl(std::string_view text, const std::string& file, const std::string& source_id, LoadedSource* out) {
  out->format = "us_csl";
  out->files.push_back(file);
  CsvReader reader(text, file);
  std::vector<std::string> fields;
  if (!reader.Next(&fields)) {
    if (!reader.status().ok()) return reader.status();
    return Status::DataError("empty file: expected a header row", {file, 1, ""});
  }
  const std::vector<std::string> header = fields;
  const size_t width = header.size();
  std::array<size_t, kColumnCount> col;
  col.fill(kMissing);
  for (size_t c = 0; c < kColumnCount; ++c) {
    for (size_t i = 0; i < fields.size(); ++i) {
      if (TrimAscii(fields[i]) == kColumnNames[c]) col[c] = i;
    }
    if (col[c] == kMissing && c < kRequiredColumns) {
      return Status::DataError(std::string("header has no column '") + kColumnNames[c] + "' (not a CSL file?)",
                               {file, reader.record_line(), kColumnNames[c]});
    }
  }

  std::unordered_map<std::string, size_t> index_of;  // _id -> position in out->entities
  std::string newest;
  while (reader.Next(&fields)) {
    const int64_t line = reader.record_line();
    if (fields.size() != width) {
      out->skipped.push_back(
          {file, line, "",
           "expected " + std::to_string(width) + " fields, found " + std::to_string(fields.size()) + "; row skipped"});
      continue;
    }
    size_t bad_column = kMissing;
    for (size_t i = 0; i < fields.size() && bad_column == kMissing; ++i) {
      if (!IsValidUtf8(fields[i])) bad_column = i;
    }
    if (bad_column != kMissing) {
      out->skipped.push_back({file, line,
                              TrimAscii(header[bad_column]).empty() ? "column " + std::to_string(bad_column + 1)
                                                                    : std::string(TrimAscii(header[bad_column])),
                              "invalid UTF-8; row skipped"});
      continue;
    }
    auto get = [&](Column c) -> std::string_view {
      return col[c] == kMissing ? std::string_view() : TrimAscii(fields[col[c]]);
    };
    Entity e;
    e.source = source_id;
    e.source_id = std::string(get(kId));
    if (e.source_id.empty()) {
      out->skipped.push_back({file, line, "_id", "row has no _id; skipped"});
      continue;
    }
    const std::string_view type = get(kType);
    const std::string name(get(kName));
    if (name.empty()) {
      out->skipped.push_back({file, line, "name", "row " + e.source_id + " has no name; skipped"});
      continue;
    }
    if (type == "Individual") {
      e.schema = Schema::kPerson;
    } else if (type == "Entity") {
      e.schema = Schema::kOrganization;
    } else if (type == "Vessel") {
      e.schema = Schema::kVessel;
    } else if (type == "Aircraft") {
      e.schema = Schema::kAirplane;
    } else {
      e.schema = LooksLikeOrganizationName(name) ? Schema::kOrganization : Schema::kLegalEntity;
    }
    const bool person = e.schema == Schema::kPerson;
    if (person) {
      e.names.push_back(PersonName(name, NameType::kPrimary));
    } else {
      e.names.push_back(Name{name});
    }
    for (std::string& alias : Split(get(kAltNames), "; ")) {
      // Entity List quirk: "Kinglead International Trading; and Kinglead Trading".
      if (alias.compare(0, 4, "and ") == 0) alias.erase(0, 4);
      if (person) {
        AddName(&e, PersonName(std::move(alias), NameType::kAlias));
      } else {
        Name n;
        n.full = std::move(alias);
        n.type = NameType::kAlias;
        AddName(&e, std::move(n));
      }
    }
    for (const std::string& text_date : Split(get(kDatesOfBirth), "; ")) {
      PartialDate d;
      if (!ParsePartialDate(text_date, &d)) continue;  // the text stays in raw
      bool seen = false;
      for (const PartialDate& x : e.birth_dates) seen |= x.ToString() == d.ToString();
      if (!seen) e.birth_dates.push_back(d);
    }
    for (std::string& place : Split(get(kPlacesOfBirth), "; ")) AppendUnique(&e.birth_places, std::move(place));
    for (Column c : {kCitizenships, kNationalities}) {
      for (const std::string& country : Split(get(c), "; ")) AppendUnique(&e.nationalities, Country(country));
    }
    for (std::string& full : Split(get(kAddresses), "; ")) {
      Address a;
      std::vector<std::string> parts = Split(full, ",");
      if (!parts.empty()) {
        std::string iso = ResolveCountry(parts.back());
        if (!iso.empty()) {
          a.country = iso;
          if (parts.size() == 2) a.city = parts[0];
          AppendUnique(&e.countries, iso);
        }
      }
      a.full = std::move(full);
      e.addresses.push_back(std::move(a));
    }
    const std::string_view flag = get(kVesselFlag);
    if (!flag.empty() && flag != "None Identified") AppendUnique(&e.countries, Country(flag));
    MapIds(get(kIds), &e);
    for (std::string& program : Split(get(kPrograms), "; ")) AppendUnique(&e.programs, std::move(program));
    AppendUnique(&e.programs, std::string(get(kSource)));
    PartialDate start;
    if (ParsePartialDate(get(kStartDate), &start) && start.year <= kLatestPlausibleYear) {
      e.listing_date = start.ToString();
      if (start.day > 0) newest = std::max(newest, e.listing_date);
    }
    e.title = std::string(get(kTitle));
    const std::string_view ent_num = get(kEntityNumber);
    if (Contains(get(kSource), "Treasury") && !ent_num.empty() &&
        std::all_of(ent_num.begin(), ent_num.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      e.references.push_back("ofac:" + std::string(ent_num));
    }
    e.raw = std::string(reader.record_text());
    auto [it, inserted] = index_of.emplace(e.source_id, out->entities.size());
    if (inserted) {
      out->entities.push_back(std::move(e));
    } else {
      Merge(&out->entities[it->second], std::move(e));
    }
  }
  out->as_of = newest;
  if (!reader.status().ok()) return reader.status();
  return Status::Ok();
}

Status LoadUsCsl(const std::string& dir, const std::string& source_id, LoadedSource* out) {
  std::string path = dir + "/consolidated.csv";
  if (!FileExists(path)) path += ".gz";
  std::string text;
  Status st = ReadFile(path, &text);
  if (!st.ok()) {
    if (st.code() == StatusCode::kNotFound) {
      return Status::NotFound("no consolidated.csv or consolidated.csv.gz in the folder", {dir});
    }
    return st;
  }
  return ParseUsCsl(text, path, source_id, out);
}

}  // namespace cordon
