#include "lists/us_bis_dpl/us_bis_dpl_loader.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/file_reader.h"
#include "base/utf8.h"
#include "geo/country_resolver.h"
#include "lists/common/csv_reader.h"
#include "lists/common/date_parser.h"
#include "lists/us_bis_dpl/organization_name.h"

namespace cordon {
namespace {

constexpr char kFileName[] = "dpl.txt";
constexpr char kProgram[] = "Denied Persons List (DPL) - Bureau of Industry and Security";
// Last_Update values after this year are typos ("3033-09-30").
constexpr int kLatestPlausibleYear = 2030;

enum Column {
  kName,
  kStreet,
  kCity,
  kState,
  kCountry,
  kPostalCode,
  kEffectiveDate,
  kLastUpdate,
  kFrCitation,
  kColumnCount
};
constexpr std::array<const char*, kColumnCount> kColumnNames = {"Name",           "Street_Address", "City",
                                                                "State",          "Country",        "Postal_Code",
                                                                "Effective_Date", "Last_Update",    "FR_Citation"};

// US states, DC and territories: a row with one of these as State and no
// Country is a US address.
bool IsUsState(std::string_view s) {
  static constexpr std::string_view kStates[] = {
      "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME",
      "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA",
      "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP"};
  return std::find(std::begin(kStates), std::end(kStates), s) != std::end(kStates);
}

// Trimmed, with inner runs of spaces collapsed.
std::string Clean(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : TrimAscii(s)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

void Append(std::string* out, std::string_view sep, std::string_view part) {
  if (part.empty()) return;
  if (!out->empty()) out->append(sep);
  out->append(part);
}

}  // namespace

std::string DplRecordId(std::string_view name, std::string_view street, std::string_view city, std::string_view state,
                        std::string_view country, std::string_view postal_code, std::string_view effective_date,
                        std::string_view fr_citation) {
  uint64_t h = 0xcbf29ce484222325ULL;
  bool first = true;
  for (std::string_view part : {name, street, city, state, country, postal_code, effective_date, fr_citation}) {
    if (!first) {
      h ^= 0x1F;
      h *= 0x100000001b3ULL;
    }
    first = false;
    for (char c : TrimAscii(part)) {
      h ^= static_cast<unsigned char>(c);
      h *= 0x100000001b3ULL;
    }
  }
  char buf[17];
  std::snprintf(buf, sizeof(buf), "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

Status ParseUsBisDpl(std::string_view text, const std::string& file, const std::string& source_id, LoadedSource* out) {
  out->format = "us_bis_dpl";
  out->files.push_back(file);
  std::string converted;
  if (!IsValidUtf8(text)) {
    converted = Latin1ToUtf8(text);
    text = converted;
  }
  CsvReader reader(text, file, {.delimiter = '\t'});
  std::vector<std::string> fields;
  if (!reader.Next(&fields)) {
    if (!reader.status().ok()) return reader.status();
    return Status::DataError("empty file: expected a header row", {file, 1, ""});
  }
  const size_t width = fields.size();
  std::array<size_t, kColumnCount> col{};
  for (size_t c = 0; c < kColumnCount; ++c) {
    auto it = std::find_if(fields.begin(), fields.end(),
                           [&](const std::string& f) { return TrimAscii(f) == kColumnNames[c]; });
    if (it == fields.end()) {
      return Status::DataError(std::string("header has no column '") + kColumnNames[c] + "' (not a DPL file?)",
                               {file, reader.record_line(), kColumnNames[c]});
    }
    col[c] = static_cast<size_t>(it - fields.begin());
  }

  std::unordered_map<std::string, int> id_count;
  std::string newest;
  while (reader.Next(&fields)) {
    const int64_t line = reader.record_line();
    if (fields.size() != width) {
      out->skipped.push_back({file, line, "",
                              "expected " + std::to_string(width) + " tab-separated fields, found " +
                                  std::to_string(fields.size()) + "; row skipped"});
      continue;
    }
    auto get = [&](Column c) { return Clean(fields[col[c]]); };
    Entity e;
    e.source = source_id;
    Name name;
    name.full = get(kName);
    if (name.full.empty()) {
      out->skipped.push_back({file, line, "Name", "row has no name; skipped"});
      continue;
    }
    const std::string street = get(kStreet), city = get(kCity), state = get(kState), country = get(kCountry),
                      postal = get(kPostalCode), effective = get(kEffectiveDate), last_update = get(kLastUpdate),
                      citation = get(kFrCitation);
    std::string id = DplRecordId(name.full, street, city, state, country, postal, effective, citation);
    const int n = ++id_count[id];
    if (n > 1) id += "-" + std::to_string(n);
    e.source_id = std::move(id);
    e.schema = LooksLikeOrganizationName(name.full) ? Schema::kOrganization : Schema::kLegalEntity;
    e.names.push_back(std::move(name));

    Address a;
    for (const std::string* part : {&street, &city, &state, &postal, &country}) Append(&a.full, ", ", *part);
    a.city = city;
    if (!country.empty()) {
      std::string iso = ResolveCountry(country);
      a.country = iso.empty() ? country : iso;
    } else if (IsUsState(state)) {
      a.country = "US";
    }
    if (!a.country.empty()) e.countries.push_back(a.country);
    if (!a.full.empty()) e.addresses.push_back(std::move(a));

    PartialDate d;
    if (ParsePartialDate(effective, &d, SlashOrder::kMonthFirst)) e.listing_date = d.ToString();
    if (ParsePartialDate(last_update, &d) && d.day > 0 && d.year <= kLatestPlausibleYear) {
      newest = std::max(newest, d.ToString());
    }
    e.programs.push_back(kProgram);
    e.raw = std::string(reader.record_text());
    out->entities.push_back(std::move(e));
  }
  if (!reader.status().ok()) return reader.status();
  out->as_of = newest;
  return Status::Ok();
}

Status LoadUsBisDpl(const std::string& dir, const std::string& source_id, LoadedSource* out) {
  const std::string path = dir + "/" + kFileName;
  std::string text;
  Status st = ReadFile(path, &text);
  if (!st.ok()) return st;
  return ParseUsBisDpl(text, path, source_id, out);
}

}  // namespace cordon
