#include "lists/uk_ofsi/uk_ofsi_loader.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/file_reader.h"
#include "base/utf8.h"
#include "geo/country_resolver.h"
#include "lists/common/date_parser.h"
#include "lists/common/entity_values.h"
#include "lists/uk_ofsi/ofsi_cell_parsers.h"

namespace cordon {
namespace {

constexpr char kFormat[] = "uk_ofsi_xlsx";

enum Col : int {
  kName6, kName1, kName2, kName3, kName4, kName5, kTitle, kNonLatinName, kScriptType,
  kDob, kTownOfBirth, kCountryOfBirth, kNationality, kPassportNumber, kPassportDetails,
  kNationalIdNumber, kNationalIdDetails, kPosition, kAddress1, kAddress2, kAddress3, kAddress4,
  kAddress5, kAddress6, kPostCode, kCountry, kOtherInformation, kGroupType, kAliasType,
  kAliasQuality, kRegime, kListedOn, kDateDesignated, kLastUpdated, kGroupId, kColCount
};

// Header names, indexed by Col.
constexpr std::array<std::string_view, kColCount> kHeaders = {
    "Name 6", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Title",
    "Name Non-Latin Script", "Non-Latin Script Type", "DOB", "Town of Birth", "Country of Birth",
    "Nationality", "Passport Number", "Passport Details", "National Identification Number",
    "National Identification Details", "Position", "Address 1", "Address 2", "Address 3",
    "Address 4", "Address 5", "Address 6", "Post/Zip Code", "Country", "Other Information",
    "Group Type", "Alias Type", "Alias Quality", "Regime", "Listed On",
    "UK Sanctions List Date Designated", "Last Updated", "Group ID"};

constexpr Col kRequired[] = {kName6, kAliasType, kGroupType, kGroupId};

std::string Join(const std::vector<std::string_view>& parts, std::string_view sep) {
  std::string out;
  for (std::string_view p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// ISO code for a country text; "Iraq (previous address)" resolves without
// its remark; unresolvable text is kept as written.
std::string Country(std::string_view text) {
  text = TrimAscii(text);
  if (text.empty()) return "";
  std::string iso = ResolveCountry(text);
  if (iso.empty()) {
    size_t paren = text.find(" (");
    if (paren != std::string_view::npos && paren > 0) iso = ResolveCountry(text.substr(0, paren));
  }
  return iso.empty() ? std::string(text) : iso;
}

// OFSI dates are dd/mm/yyyy, DOBs with "dd"/"mm"/"00" placeholders, a few
// "mm/yyyy" and bare years.
bool ParseOfsiDate(std::string_view text, PartialDate* out) {
  std::string_view t = TrimAscii(text);
  if (std::count(t.begin(), t.end(), '/') == 1) {
    return ParsePartialDate("00/" + std::string(t), out, SlashOrder::kDayFirst);
  }
  return ParsePartialDate(t, out, SlashOrder::kDayFirst);
}

struct PendingName {
  Name name;
  bool primary_row;  // Alias Type "Primary name"
};

struct GroupBuilder {
  Entity entity;
  int64_t first_row = 0;
  std::vector<PendingName> names;
  std::vector<std::string> first_cells;  // for `raw`
  std::string position;
  // (column, value) pairs already merged: group data repeats on every row.
  std::unordered_set<std::string> seen;
};

class OfsiParser {
 public:
  OfsiParser(const std::string& file, const std::string& source_id, LoadedSource* out)
      : file_(file), source_id_(source_id), out_(out) {
    columns_.fill(-1);
  }

  Status Row(const XlsxRow& row) {
    if (!header_done_) return HeaderRow(row);
    cells_ = &row.cells;
    bool blank = std::all_of(row.cells.begin(), row.cells.end(),
                             [](const std::string& c) { return TrimAscii(c).empty(); });
    if (!blank) DataRow(row);
    return Status::Ok();
  }

  Status Finish() {
    if (!header_done_) return Status::DataError("worksheet has no header row", {file_, 0, ""});
    if (groups_.empty()) {
      return Status::DataError("worksheet has no data rows", {file_, 0, "Group ID"});
    }
    out_->entities.reserve(out_->entities.size() + groups_.size());
    for (GroupBuilder& g : groups_) FinishGroup(&g);
    if (out_->as_of.empty()) out_->as_of = newest_update_;
    return Status::Ok();
  }

 private:
  Status HeaderRow(const XlsxRow& row) {
    const std::vector<std::string>& c = row.cells;
    if (!seen_title_row_ && !c.empty() && TrimAscii(c[0]) == "Last Updated") {
      seen_title_row_ = true;
      PartialDate d;
      if (c.size() > 1 && ParseOfsiDate(c[1], &d)) out_->as_of = d.ToString();
      return Status::Ok();
    }
    for (size_t i = 0; i < c.size(); ++i) {
      std::string_view h = TrimAscii(c[i]);
      for (int k = 0; k < kColCount; ++k) {
        if (h == kHeaders[k] && columns_[k] < 0) columns_[k] = static_cast<int>(i);
      }
    }
    for (Col k : kRequired) {
      if (columns_[k] < 0) {
        return Status::DataError("header lacks required column '" + std::string(kHeaders[k]) + "'",
                                 {file_, row.number, std::string(kHeaders[k])});
      }
    }
    header_ = c;
    header_done_ = true;
    return Status::Ok();
  }

  std::string_view Get(Col col) const {
    int i = columns_[col];
    if (i < 0 || static_cast<size_t>(i) >= cells_->size()) return {};
    return TrimAscii((*cells_)[i]);
  }

  void Skip(int64_t row, Col col, std::string message) {
    out_->skipped.push_back({file_, row, std::string(kHeaders[col]), std::move(message)});
  }

  // True the first time `value` is seen in column `col` of this group.
  static bool FirstTime(GroupBuilder* g, Col col, std::string_view value) {
    if (value.empty()) return false;
    std::string key = std::to_string(col);
    key += '\x1f';
    key += value;
    return g->seen.insert(std::move(key)).second;
  }

  void DataRow(const XlsxRow& row) {
    std::string_view gid = Get(kGroupId);
    if (gid.empty()) {
      Skip(row.number, kGroupId, "row has no Group ID");
      return;
    }
    GroupBuilder* g = Group(gid, row);
    AddNames(row, g);
    AddRaw(row, g);
    Entity& e = g->entity;

    if (std::string_view dob = Get(kDob); FirstTime(g, kDob, dob)) {
      for (const std::string& v : SplitNumberedValues(dob)) {
        PartialDate d;
        if (!ParseOfsiDate(v, &d)) {
          Skip(row.number, kDob, "date of birth ignored: '" + v + "'");
          continue;
        }
        std::string key = d.ToString();
        if (std::none_of(e.birth_dates.begin(), e.birth_dates.end(),
                         [&](const PartialDate& x) { return x.ToString() == key; })) {
          e.birth_dates.push_back(d);
        }
      }
    }
    AddBirthPlaces(g);
    if (std::string_view nat = Get(kNationality); FirstTime(g, kNationality, nat)) {
      for (const std::string& v : SplitNumberedValues(nat)) AppendUnique(&e.nationalities, Country(v));
    }
    AddDocuments(g, kPassportNumber, kPassportDetails, DocumentType::kPassport);
    AddDocuments(g, kNationalIdNumber, kNationalIdDetails, DocumentType::kNationalId);
    AddAddress(g);
    if (g->position.empty()) g->position = std::string(Get(kPosition));
    if (std::string_view info = Get(kOtherInformation); FirstTime(g, kOtherInformation, info)) {
      AddOtherInformation(ParseOtherInformation(info), &e);
    }
    if (std::string_view regime = Get(kRegime); !regime.empty()) {
      AppendUnique(&e.programs, std::string(regime));
    }
    std::string_view listed = Get(kListedOn);
    Col listed_col = kListedOn;
    if (listed.empty()) {
      listed = Get(kDateDesignated);
      listed_col = kDateDesignated;
    }
    if (FirstTime(g, listed_col, listed)) {
      PartialDate d;
      if (ParseOfsiDate(listed, &d) && d.day > 0) {
        std::string iso = d.ToString();
        if (e.listing_date.empty() || iso < e.listing_date) e.listing_date = iso;  // earliest
      } else {
        Skip(row.number, listed_col, "listing date ignored: '" + std::string(listed) + "'");
      }
    }
    if (std::string_view updated = Get(kLastUpdated); FirstTime(g, kLastUpdated, updated)) {
      PartialDate d;
      if (ParseOfsiDate(updated, &d) && d.day > 0 && d.ToString() > newest_update_) {
        newest_update_ = d.ToString();
      }
    }
  }

  GroupBuilder* Group(std::string_view gid, const XlsxRow& row) {
    auto [it, inserted] = index_.try_emplace(std::string(gid), groups_.size());
    if (!inserted) return &groups_[it->second];
    GroupBuilder& g = groups_.emplace_back();
    g.first_row = row.number;
    g.first_cells = row.cells;
    g.entity.source = source_id_;
    g.entity.source_id = std::string(gid);
    std::string_view type = Get(kGroupType);
    if (type == "Individual") {
      g.entity.schema = Schema::kPerson;
    } else if (type == "Entity") {
      g.entity.schema = Schema::kOrganization;
    } else if (type == "Ship") {
      g.entity.schema = Schema::kVessel;
    }
    return &g;
  }

  void AddNames(const XlsxRow& row, GroupBuilder* g) {
    std::string given = Join({Get(kName1), Get(kName2), Get(kName3), Get(kName4), Get(kName5)}, " ");
    std::string_view family = Get(kName6);
    Name name;
    if (g->entity.schema == Schema::kPerson) {
      name.full = Join({given, family}, " ");
      name.given = given;
      name.family = std::string(family);
    } else {
      name.full = family.empty() ? given : std::string(family);
    }
    std::string_view alias_type = Get(kAliasType);
    bool primary_row = alias_type == "Primary name";
    name.type = alias_type == "FKA" ? NameType::kFormerName : NameType::kAlias;
    if (Get(kAliasQuality) == "Low quality") name.quality = NameQuality::kWeak;

    std::string_view non_latin = Get(kNonLatinName);
    if (name.full.empty() && non_latin.empty()) {
      Skip(row.number, kName6, "row has no name");
      return;
    }
    if (!name.full.empty()) g->names.push_back({std::move(name), primary_row});
    if (!non_latin.empty()) {
      Name n;
      n.full = std::string(non_latin);
      n.type = NameType::kAlias;
      n.script = NormalizeScriptLabel(Get(kScriptType));
      g->names.push_back({std::move(n), false});
    }
    if (g->entity.title.empty()) g->entity.title = std::string(Get(kTitle));
  }

  void AddBirthPlaces(GroupBuilder* g) {
    std::string_view town = Get(kTownOfBirth);
    std::string_view country = Get(kCountryOfBirth);
    if (town.empty() && country.empty()) return;
    if (!FirstTime(g, kTownOfBirth, std::string(town) + "\x1f" + std::string(country))) return;
    std::vector<std::string> towns = SplitNumberedValues(town);
    std::vector<std::string> countries = SplitNumberedValues(country);
    std::vector<std::string>& places = g->entity.birth_places;
    if (towns.size() == countries.size()) {
      for (size_t i = 0; i < towns.size(); ++i) AppendUnique(&places, Join({towns[i], countries[i]}, ", "));
    } else if (countries.size() == 1) {
      for (const std::string& t : towns) AppendUnique(&places, Join({t, countries[0]}, ", "));
    } else {
      for (const std::string& t : towns) AppendUnique(&places, t);
      for (const std::string& c : countries) AppendUnique(&places, c);
    }
  }

  void AddDocuments(GroupBuilder* g, Col number_col, Col details_col, DocumentType type) {
    std::string_view numbers_text = Get(number_col);
    std::string_view details_text = Get(details_col);
    if (!FirstTime(g, number_col, std::string(numbers_text) + "\x1f" + std::string(details_text))) {
      return;
    }
    std::vector<std::string> numbers = SplitNumberedValues(numbers_text);
    std::vector<std::string> details = SplitNumberedValues(details_text);
    std::vector<IdentityDocument>& docs = g->entity.documents;
    for (size_t i = 0; i < numbers.size(); ++i) {
      if (numbers[i] == "-") continue;
      IdentityDocument doc;
      doc.type = type;
      doc.number = numbers[i];
      doc.note = details.size() == numbers.size() ? details[i] : std::string(details_text);
      bool dup = std::any_of(docs.begin(), docs.end(), [&](const IdentityDocument& d) {
        return d.type == doc.type && d.number == doc.number;
      });
      if (!dup) docs.push_back(std::move(doc));
    }
  }

  void AddAddress(GroupBuilder* g) {
    std::string local = Join({Get(kAddress1), Get(kAddress2), Get(kAddress3), Get(kAddress4),
                              Get(kAddress5), Get(kAddress6), Get(kPostCode)},
                             ", ");
    std::string_view country_text = Get(kCountry);
    if (!FirstTime(g, kAddress1, local + "\x1f" + std::string(country_text))) return;
    std::string country = Country(country_text);
    AppendUnique(&g->entity.countries, country);
    if (local.empty()) return;
    Address a;
    a.full = Join({local, country_text}, ", ");
    a.city = std::string(Get(kAddress6));
    a.country = country;
    g->entity.addresses.push_back(std::move(a));
  }

  static void AddOtherInformation(const OfsiOtherInformation& info, Entity* e) {
    if (!info.uk_ref.empty()) AppendUnique(&e->references, "uk:" + info.uk_ref);
    if (!info.un_ref.empty()) AppendUnique(&e->references, "un:" + info.un_ref);
    if (e->gender.empty()) e->gender = info.gender;
    auto add_doc = [e](DocumentType type, const std::string& number) {
      for (const IdentityDocument& d : e->documents) {
        if (d.type == type && d.number == number) return;
      }
      e->documents.push_back({type, number, "", ""});
    };
    if (!info.imo.empty()) add_doc(DocumentType::kImo, info.imo);
    for (const std::string& reg : info.business_reg_numbers) add_doc(DocumentType::kRegistration, reg);
    if (!info.flag.empty()) AppendUnique(&e->countries, Country(info.flag));
  }

  // raw: the group's first row as "Header: value" lines, then for each
  // further row only the cells that differ from the first.
  void AddRaw(const XlsxRow& row, GroupBuilder* g) {
    std::string& raw = g->entity.raw;
    bool first = row.number == g->first_row;
    std::string line;
    size_t n = std::max(row.cells.size(), g->first_cells.size());
    for (size_t i = 0; i < n; ++i) {
      std::string_view v = i < row.cells.size() ? TrimAscii(row.cells[i]) : std::string_view();
      std::string_view was = i < g->first_cells.size() ? TrimAscii(g->first_cells[i]) : std::string_view();
      if (first ? v.empty() : v == was) continue;
      std::string_view h = i < header_.size() ? TrimAscii(header_[i]) : std::string_view();
      std::string head = h.empty() ? "column " + std::to_string(i + 1) : std::string(h);
      if (first) {
        raw += head + ": " + std::string(v) + "\n";
      } else {
        if (!line.empty()) line += "; ";
        line += head + ": " + std::string(v);
      }
    }
    if (!first && !line.empty()) raw += "row " + std::to_string(row.number) + ": " + line + "\n";
  }

  void FinishGroup(GroupBuilder* g) {
    Entity& e = g->entity;
    auto primary = std::find_if(g->names.begin(), g->names.end(),
                                [](const PendingName& n) { return n.primary_row; });
    if (primary != g->names.end()) std::rotate(g->names.begin(), primary, primary + 1);
    for (PendingName& p : g->names) AddDistinctName(std::move(p.name), &e);
    if (e.names.empty()) {
      out_->skipped.push_back({file_, g->first_row, "Name 6",
                               "group " + e.source_id + " has no name"});
      return;
    }
    if (e.title.empty()) e.title = g->position;
    out_->entities.push_back(std::move(e));
  }

  const std::string& file_;
  const std::string& source_id_;
  LoadedSource* out_;
  std::array<int, kColCount> columns_;
  std::vector<std::string> header_;
  bool seen_title_row_ = false;
  bool header_done_ = false;
  const std::vector<std::string>* cells_ = nullptr;
  std::vector<GroupBuilder> groups_;
  std::unordered_map<std::string, size_t> index_;
  std::string newest_update_;
};

}  // namespace

Status ParseUkOfsiXlsx(std::string_view bytes, const std::string& file,
                       const std::string& source_id, LoadedSource* out,
                       const XlsxReadOptions& options) {
  out->format = kFormat;
  out->files.push_back(file);
  OfsiParser parser(file, source_id, out);
  Status s = ReadXlsxFirstSheet(
      bytes, file, [&parser](const XlsxRow& row) { return parser.Row(row); }, options);
  if (!s.ok()) return s;
  return parser.Finish();
}

Status LoadUkOfsi(const std::string& dir, const std::string& source_id, LoadedSource* out) {
  std::string path = dir + "/" + std::string(kUkOfsiFile);
  std::string bytes;
  Status s = ReadFile(path, &bytes, {.gunzip = false});
  if (!s.ok()) return s;
  return ParseUkOfsiXlsx(bytes, path, source_id, out);
}

}  // namespace cordon
