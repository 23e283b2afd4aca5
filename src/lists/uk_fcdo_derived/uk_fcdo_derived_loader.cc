#include "lists/uk_fcdo_derived/uk_fcdo_derived_loader.h"

#include <algorithm>
#include <iterator>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/file_reader.h"
#include "base/utf8.h"
#include "lists/common/csv_table.h"
#include "lists/common/date_parser.h"
#include "lists/common/entity_values.h"

namespace cordon {
namespace {

constexpr char kFormat[] = "uk_fcdo_derived";
// last_updated values after this are typos, not the list's date.
constexpr std::string_view kLatestPlausibleDate = "2030-12-31";

std::string Join(const std::vector<std::string_view>& parts, std::string_view sep) {
  std::string out;
  for (std::string_view p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

DocumentType IdentifierType(std::string_view type) {
  if (type == "passport") return DocumentType::kPassport;
  if (type == "national") return DocumentType::kNationalId;
  if (type == "business_registration_numbers") return DocumentType::kRegistration;
  if (type == "imo") return DocumentType::kImo;
  return DocumentType::kOther;
}

struct PendingName {
  Name name;
  bool primary;  // name_type "primary"
};

struct SubjectBuilder {
  Entity entity;
  int64_t line = 0;  // in subjects.csv
  std::vector<PendingName> names;
  std::unordered_set<std::string_view> raw_seen;
};

class Parser {
 public:
  Parser(const std::string& source_id, LoadedSource* out) : source_id_(source_id), out_(out) {}

  Status Run(const UkFcdoTables& tables) {
    if (!tables.subjects.present()) {
      return Status::NotFound("required table missing", {std::string(kFcdoSubjectsFile)});
    }
    if (!tables.names.present()) {
      return Status::NotFound("required table missing", {std::string(kFcdoNamesFile)});
    }
    out_->format = kFormat;
    Status s = ReadSubjects(tables.subjects);
    if (!s.ok()) return s;
    if (subjects_.empty()) {
      return Status::DataError("no usable subject rows", {tables.subjects.path, 0, "unique_id"});
    }
    s = ReadChildren(tables.names, {"unique_id", "name_type", "full_name"}, &Parser::NameRow);
    if (!s.ok()) return s;
    if (tables.dobs.present()) {
      s = ReadChildren(tables.dobs, {"unique_id", "year"}, &Parser::DobRow);
      if (!s.ok()) return s;
    }
    if (tables.identifiers.present()) {
      s = ReadChildren(tables.identifiers, {"unique_id", "raw_value", "identifier_type"},
                       &Parser::IdentifierRow);
      if (!s.ok()) return s;
    }
    Finish(tables.subjects.path);
    return Status::Ok();
  }

 private:
  void AddRaw(const CsvTable& t, SubjectBuilder* b, bool prefix) {
    if (!b->raw_seen.insert(t.text()).second) return;  // the tables repeat rows
    if (prefix) {
      size_t slash = t.path().rfind('/');
      b->entity.raw += t.path().substr(slash == std::string::npos ? 0 : slash + 1);
      b->entity.raw += ": ";
    }
    b->entity.raw += t.text();
    b->entity.raw += '\n';
  }

  // dd/mm/yyyy -> ISO, or "" after recording a skip.
  std::string IsoDate(const CsvTable& t, std::string_view field) {
    std::string_view text = t.Get(field);
    if (text.empty()) return "";
    PartialDate d;
    if (!ParsePartialDate(text, &d, SlashOrder::kDayFirst) || d.day == 0) {
      out_->skipped.push_back({t.path(), t.line(), std::string(field),
                               "date ignored: '" + std::string(text) + "'"});
      return "";
    }
    return d.ToString();
  }

  Status ReadSubjects(const UkFcdoTable& table) {
    out_->files.push_back(table.path);
    CsvTable t(table.data, table.path);
    Status s = t.Open({"unique_id", "subject_type"});
    if (!s.ok()) return s;
    while (t.Next(&out_->skipped)) {
      std::string id(t.Get("unique_id"));
      if (id.empty()) {
        out_->skipped.push_back({t.path(), t.line(), "unique_id", "empty unique_id"});
        continue;
      }
      if (!index_.emplace(id, subjects_.size()).second) {
        out_->skipped.push_back({t.path(), t.line(), "unique_id", "duplicate unique_id " + id});
        continue;
      }
      SubjectBuilder& b = subjects_.emplace_back();
      b.line = t.line();
      Entity& e = b.entity;
      e.source = source_id_;
      e.source_id = id;
      std::string_view type = t.Get("subject_type");
      if (type == "individual") {
        e.schema = Schema::kPerson;
      } else if (type == "entity") {
        e.schema = Schema::kOrganization;
      } else if (type == "ship") {
        e.schema = Schema::kVessel;
      }
      e.references.push_back("uk:" + id);
      if (std::string_view un = t.Get("un_reference_number"); !un.empty()) {
        e.references.push_back("un:" + std::string(un));
      }
      if (std::string_view gid = t.Get("ofsi_group_id"); !gid.empty()) {
        e.references.push_back("ofsi:" + std::string(gid));
      }
      e.listing_date = IsoDate(t, "date_designated");
      std::string updated = IsoDate(t, "last_updated");
      if (updated > as_of_ && updated <= kLatestPlausibleDate) as_of_ = updated;
      AddRaw(t, &b, /*prefix=*/false);
    }
    return t.status();
  }

  Status ReadChildren(const UkFcdoTable& table, const std::vector<std::string_view>& required,
                      void (Parser::*row)(const CsvTable&, SubjectBuilder*)) {
    out_->files.push_back(table.path);
    CsvTable t(table.data, table.path);
    Status s = t.Open(required);
    if (!s.ok()) return s;
    while (t.Next(&out_->skipped)) {
      std::string_view id = t.Get("unique_id");
      auto it = index_.find(std::string(id));
      if (it == index_.end()) {
        out_->skipped.push_back({t.path(), t.line(), "unique_id",
                                 "no subject '" + std::string(id) + "' in " +
                                     std::string(kFcdoSubjectsFile)});
        continue;
      }
      SubjectBuilder* b = &subjects_[it->second];
      (this->*row)(t, b);
      AddRaw(t, b, /*prefix=*/true);
    }
    return t.status();
  }

  void NameRow(const CsvTable& t, SubjectBuilder* b) {
    Name name;
    std::string given =
        Join({t.Get("name_1"), t.Get("name_2"), t.Get("name_3"), t.Get("name_4"), t.Get("name_5")}, " ");
    std::string_view family = t.Get("name_6");
    name.full = std::string(t.Get("full_name"));
    if (name.full.empty()) name.full = Join({given, family}, " ");
    if (name.full.empty()) {
      out_->skipped.push_back({t.path(), t.line(), "full_name", "row has no name"});
      return;
    }
    // Entities carry their whole name in name_6: parts only for people.
    if (b->entity.schema == Schema::kPerson) {
      name.given = given;
      name.family = std::string(family);
    }
    name.type = NameType::kAlias;
    if (t.Get("alias_strength") == "low_quality_aka") name.quality = NameQuality::kWeak;
    b->names.push_back({std::move(name), t.Get("name_type") == "primary"});
  }

  void DobRow(const CsvTable& t, SubjectBuilder* b) {
    std::string_view year = t.Get("year");
    std::string_view month = t.Get("month");
    std::string_view day = t.Get("day");
    std::string text(year);
    if (!month.empty()) {
      text += "-" + std::string(month);
      if (!day.empty()) text += "-" + std::string(day);
    }
    PartialDate d;
    if (year.empty() || !ParsePartialDate(text, &d)) {
      out_->skipped.push_back({t.path(), t.line(), month.empty() ? "year" : "month",
                               "date of birth ignored: '" + text + "'"});
      return;
    }
    std::vector<PartialDate>& dates = b->entity.birth_dates;
    std::string key = d.ToString();
    if (std::none_of(dates.begin(), dates.end(),
                     [&](const PartialDate& x) { return x.ToString() == key; })) {
      dates.push_back(d);
    }
  }

  void IdentifierRow(const CsvTable& t, SubjectBuilder* b) {
    IdentityDocument doc;
    doc.type = IdentifierType(t.Get("identifier_type"));
    doc.number = std::string(t.Get("raw_value"));
    if (doc.number.empty()) {
      out_->skipped.push_back({t.path(), t.line(), "raw_value", "empty identifier"});
      return;
    }
    if (doc.type == DocumentType::kImo) {
      // "IMO9562233" -> "9562233", as OFSI and the other lists write it.
      std::string_view n = doc.number;
      if (n.size() > 3 && (n.substr(0, 3) == "IMO" || n.substr(0, 3) == "imo")) {
        doc.number = std::string(TrimAscii(n.substr(3)));
      }
    }
    doc.note = std::string(t.Get("additional_info"));
    std::vector<IdentityDocument>& docs = b->entity.documents;
    bool dup = std::any_of(docs.begin(), docs.end(), [&](const IdentityDocument& d) {
      return d.type == doc.type && d.number == doc.number;
    });
    if (!dup) docs.push_back(std::move(doc));
  }

  void Finish(const std::string& subjects_path) {
    out_->entities.reserve(out_->entities.size() + subjects_.size());
    for (SubjectBuilder& b : subjects_) {
      Entity& e = b.entity;
      auto primary = std::find_if(b.names.begin(), b.names.end(),
                                  [](const PendingName& n) { return n.primary; });
      if (primary != b.names.end()) std::rotate(b.names.begin(), primary, primary + 1);
      for (PendingName& p : b.names) AddDistinctName(std::move(p.name), &e);
      if (e.names.empty()) {
        out_->skipped.push_back({subjects_path, b.line, "unique_id",
                                 "subject " + e.source_id + " has no name in " +
                                     std::string(kFcdoNamesFile)});
        continue;
      }
      out_->entities.push_back(std::move(e));
    }
    out_->as_of = as_of_;
  }

  const std::string& source_id_;
  LoadedSource* out_;
  std::vector<SubjectBuilder> subjects_;
  std::unordered_map<std::string, size_t> index_;
  std::string as_of_;
};

}  // namespace

Status ParseUkFcdoDerived(const UkFcdoTables& tables, const std::string& source_id,
                          LoadedSource* out) {
  return Parser(source_id, out).Run(tables);
}

Status LoadUkFcdoDerived(const std::string& dir, const std::string& source_id, LoadedSource* out) {
  UkFcdoTables tables;
  std::vector<std::string> contents;
  Status s = ReadCsvTableFiles(dir,
                               {{kFcdoSubjectsFile, &tables.subjects, true},
                                {kFcdoNamesFile, &tables.names, true},
                                {kFcdoDobsFile, &tables.dobs, false},
                                {kFcdoIdentifiersFile, &tables.identifiers, false}},
                               &contents);
  if (!s.ok()) return s;
  return ParseUkFcdoDerived(tables, source_id, out);
}

}  // namespace cordon
