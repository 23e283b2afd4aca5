#include "lists/eu_derived/eu_derived_loader.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/file_reader.h"
#include "base/utf8.h"
#include "geo/country_resolver.h"
#include "lists/common/csv_table.h"
#include "lists/common/date_parser.h"
#include "lists/common/entity_values.h"
#include "lists/eu_derived/eu_composite_fields.h"

namespace cordon {
namespace {

constexpr char kFormat[] = "eu_fsf_derived";
// Designation dates after this are typos, not the list's date.
constexpr std::string_view kLatestPlausibleDate = "2030-12-31";
constexpr std::string_view kUnknownCountry = "00";

// pandas wrote integer ids as floats: "17.0" -> "17". Returns "" unless the
// text is a non-negative integer, optionally followed by ".0".
std::string CanonicalInteger(std::string_view s) {
  s = TrimAscii(s);
  size_t dot = s.find('.');
  std::string_view digits = s.substr(0, dot);
  if (digits.empty() || digits.size() > 18) return "";
  for (char c : digits) {
    if (c < '0' || c > '9') return "";
  }
  if (dot != std::string_view::npos) {
    for (char c : s.substr(dot + 1)) {
      if (c != '0') return "";
    }
  }
  size_t nonzero = digits.find_first_not_of('0');
  return std::string(nonzero == std::string_view::npos ? "0" : digits.substr(nonzero));
}

// "1937.0" -> 1937; -1 when empty or not an integer.
int64_t IntegerValue(std::string_view s) {
  std::string digits = CanonicalInteger(s);
  int64_t v = -1;
  if (!digits.empty()) std::from_chars(digits.data(), digits.data() + digits.size(), v);
  return v;
}

std::string Join(std::initializer_list<std::string_view> parts, std::string_view sep) {
  std::string out;
  for (std::string_view p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// ISO code for a derived `*_CountryIso2Code` value; "" for the "00"
// (unknown) placeholder; the text itself when it is no known code.
std::string CountryCode(std::string_view code) {
  if (code.empty() || code == kUnknownCountry) return "";
  std::string iso = ResolveCountry(code);
  return iso.empty() ? std::string(code) : iso;
}

// Display name of a country for address and birth-place lines.
std::string CountryDisplay(const std::string& iso, std::string_view description) {
  if (iso.size() == 2) return CountryName(iso);
  if (description.empty() || description == "UNKNOWN") return "";
  return std::string(description);
}

DocumentType DocumentTypeFromCode(std::string_view code) {
  if (code == "passport") return DocumentType::kPassport;
  if (code == "id" || code == "ssn" || code == "unssn") return DocumentType::kNationalId;
  if (code == "regnumber" || code == "tradelic") return DocumentType::kRegistration;
  if (code == "fiscalcode" || code == "taxid" || code == "euvat") return DocumentType::kTaxId;
  if (code == "imo") return DocumentType::kImo;
  return DocumentType::kOther;
}

// Designation dates are ISO ("2022-02-25") except for a few UN entries
// written "6.1.2012" or "21 July 2011".
bool ParseDesignationDate(std::string_view text, PartialDate* out) {
  if (ParsePartialDate(text, out)) return true;
  std::string slashed(text);
  std::replace(slashed.begin(), slashed.end(), '.', '/');
  return ParsePartialDate(slashed, out, SlashOrder::kDayFirst);
}

struct NameRow {
  int64_t order;  // NameAlias_LogicalId; rows without one sort last
  Name name;
};

struct EntityBuilder {
  Entity entity;
  std::vector<NameRow> names;
  std::string function;  // NameAlias_Function, the title fallback for persons
  std::unordered_set<std::string_view> raw_seen;  // rows already in raw
};

class Parser {
 public:
  Parser(const std::string& source_id, LoadedSource* out) : source_id_(source_id), out_(out) {}

  Status Run(const EuDerivedTables& tables) {
    if (!tables.names.present()) {
      return Status::NotFound("required table missing", {std::string(kEuNamesFile)});
    }
    out_->format = kFormat;
    Status s = ReadNames(tables.names);
    if (!s.ok()) return s;
    if (builders_.empty()) {
      return Status::DataError("no usable name rows", {tables.names.path, 0, "Entity_LogicalId"});
    }
    struct Optional {
      const EuDerivedTable& table;
      std::vector<std::string_view> required;
      void (Parser::*row)(const CsvTable&, EntityBuilder*);
    };
    const Optional optionals[] = {
        {tables.identifications,
         {"Entity_LogicalId", "Identification_Number", "Identification_TypeCode"},
         &Parser::IdentificationRow},
        {tables.birth_dates, {"Entity_LogicalId"}, &Parser::BirthRow},
        {tables.citizenships, {"Entity_LogicalId", "Citizenship_CountryIso2Code"}, &Parser::CitizenRow},
        {tables.addresses, {"Entity_LogicalId"}, &Parser::AddressRow},
    };
    for (const Optional& o : optionals) {
      if (!o.table.present()) continue;
      s = ReadOptional(o.table, o.required, o.row);
      if (!s.ok()) return s;
    }
    Finish();
    return Status::Ok();
  }

 private:
  // Returns the builder of the row's entity (creating it when `create`), or
  // nullptr after recording why the row was skipped.
  EntityBuilder* Lookup(const CsvTable& t, bool create) {
    std::string_view raw_id = t.Get("Entity_LogicalId");
    std::string id = CanonicalInteger(raw_id);
    if (id.empty()) {
      out_->skipped.push_back({t.path(), t.line(), "Entity_LogicalId",
                               "not an integer id: '" + std::string(raw_id) + "'"});
      return nullptr;
    }
    auto it = index_.find(id);
    if (it != index_.end()) return &builders_[it->second];
    if (!create) {
      out_->skipped.push_back({t.path(), t.line(), "Entity_LogicalId",
                               "entity " + id + " has no row in " + std::string(kEuNamesFile)});
      return nullptr;
    }
    index_.emplace(id, builders_.size());
    EntityBuilder& b = builders_.emplace_back();
    b.entity.source = source_id_;
    b.entity.source_id = id;
    InitEntity(t, &b.entity);
    return &b;
  }

  // Entity-level columns, identical on every name row of an entity.
  void InitEntity(const CsvTable& t, Entity* e) {
    std::string_view type = t.Get("Entity_SubjectType");
    std::string_view cls = t.Get("Entity_SubjectType_ClassificationCode");
    if (type == "P" || cls == "person") {
      e->schema = Schema::kPerson;
    } else if (type == "E" || cls == "enterprise") {
      e->schema = Schema::kOrganization;
    }
    EuEntityRemark remark = ParseEuEntityRemark(t.Get("Entity_Remark"));
    if (!remark.un_id.empty()) e->references.push_back("un:" + remark.un_id);
    std::string_view eu_ref = t.Get("Entity_EU_ReferenceNumber");
    if (!eu_ref.empty()) e->references.push_back("eu:" + std::string(eu_ref));
    if (!remark.designation_date.empty()) {
      PartialDate d;
      if (ParseDesignationDate(remark.designation_date, &d)) {
        e->listing_date = d.ToString();
      } else {
        out_->skipped.push_back({t.path(), t.line(), "Entity_Remark",
                                 "designation date ignored: '" + remark.designation_date + "'"});
      }
    }
  }

  void AddRaw(const CsvTable& t, EntityBuilder* b, bool prefix) {
    if (!b->raw_seen.insert(t.text()).second) return;  // the files repeat rows
    if (prefix) {
      size_t slash = t.path().rfind('/');
      b->entity.raw += t.path().substr(slash == std::string::npos ? 0 : slash + 1);
      b->entity.raw += ": ";
    }
    b->entity.raw += t.text();
    b->entity.raw += '\n';
  }

  Status ReadNames(const EuDerivedTable& table) {
    out_->files.push_back(table.path);
    CsvTable t(table.data, table.path);
    Status s = t.Open({"Entity_LogicalId", "Entity_SubjectType", "NameAlias_WholeName"});
    if (!s.ok()) return s;
    while (t.Next(&out_->skipped)) {
      Name name;
      std::string_view first = t.Get("NameAlias_FirstName");
      std::string_view middle = t.Get("NameAlias_MiddleName");
      std::string_view last = t.Get("NameAlias_LastName");
      name.given = Join({first, middle}, " ");
      name.family = std::string(last);
      name.full = std::string(t.Get("NameAlias_WholeName"));
      if (name.full.empty()) name.full = Join({name.given, name.family}, " ");
      if (name.full.empty()) {
        out_->skipped.push_back({t.path(), t.line(), "NameAlias_WholeName", "row has no name"});
        continue;
      }
      EntityBuilder* b = Lookup(t, /*create=*/true);
      if (b == nullptr) continue;
      int64_t order = IntegerValue(t.Get("NameAlias_LogicalId"));
      if (order < 0) order = std::numeric_limits<int64_t>::max();
      b->names.push_back({order, std::move(name)});
      if (b->entity.title.empty()) b->entity.title = std::string(t.Get("NameAlias_Title"));
      if (b->function.empty()) b->function = std::string(t.Get("NameAlias_Function"));
      AddRaw(t, b, /*prefix=*/false);
    }
    return t.status();
  }

  Status ReadOptional(const EuDerivedTable& table, const std::vector<std::string_view>& required,
                      void (Parser::*row)(const CsvTable&, EntityBuilder*)) {
    out_->files.push_back(table.path);
    CsvTable t(table.data, table.path);
    Status s = t.Open(required);
    if (!s.ok()) return s;
    while (t.Next(&out_->skipped)) {
      EntityBuilder* b = Lookup(t, /*create=*/false);
      if (b == nullptr) continue;
      (this->*row)(t, b);
      AddRaw(t, b, /*prefix=*/true);
    }
    return t.status();
  }

  void IdentificationRow(const CsvTable& t, EntityBuilder* b) {
    std::string_view code = t.Get("Identification_TypeCode");
    IdentityDocument doc;
    doc.type = DocumentTypeFromCode(code);
    doc.number = EuIdentificationNumber(t.Get("Identification_Number"), code);
    if (doc.number.empty()) {
      out_->skipped.push_back({t.path(), t.line(), "Identification_Number", "no document number"});
      return;
    }
    doc.country = CountryCode(t.Get("Identification_CountryIso2Code"));
    doc.note = Join({t.Get("Identification_TypeDescription"), t.Get("Identification_Region"),
                     t.Get("Identification_Remark")},
                    "; ");
    for (const IdentityDocument& d : b->entity.documents) {
      if (d.type == doc.type && d.number == doc.number && d.country == doc.country) return;
    }
    b->entity.documents.push_back(std::move(doc));
  }

  void BirthRow(const CsvTable& t, EntityBuilder* b) {
    PartialDate date;
    std::string_view iso = t.Get("BirthDate_BirthDate");
    if (!iso.empty()) {
      if (!ParsePartialDate(iso, &date)) {
        out_->skipped.push_back({t.path(), t.line(), "BirthDate_BirthDate",
                                 "birth date ignored: '" + std::string(iso) + "'"});
      }
    } else if (int64_t year = IntegerValue(t.Get("BirthDate_Year")); year > 0) {
      // Only the float parts: build "yyyy[-mm[-dd]]" and validate it.
      int64_t month = IntegerValue(t.Get("BirthDate_Month"));
      int64_t day = IntegerValue(t.Get("BirthDate_Day"));
      std::string text = std::to_string(year);
      if (month > 0) {
        text += "-" + std::to_string(month);
        if (day > 0) text += "-" + std::to_string(day);
      }
      if (!ParsePartialDate(text, &date)) {
        out_->skipped.push_back({t.path(), t.line(), "BirthDate_Year",
                                 "birth date ignored: '" + text + "'"});
      }
    } else if (!t.Get("BirthDate_Year").empty()) {
      out_->skipped.push_back({t.path(), t.line(), "BirthDate_Year",
                               "birth year ignored: '" + std::string(t.Get("BirthDate_Year")) + "'"});
    }
    Entity& e = b->entity;
    if (!date.empty()) {
      std::string key = date.ToString();
      bool seen = std::any_of(e.birth_dates.begin(), e.birth_dates.end(),
                              [&](const PartialDate& d) { return d.ToString() == key; });
      if (!seen) e.birth_dates.push_back(date);
    }
    std::string country = CountryCode(t.Get("BirthDate_CountryIso2Code"));
    std::string country_name = CountryDisplay(country, t.Get("BirthDate_CountryDescription"));
    std::string place = Join({t.Get("BirthDate_Place"), t.Get("BirthDate_City"),
                              t.Get("BirthDate_Region"), country_name},
                             ", ");
    AppendUnique(&e.birth_places, std::move(place));
  }

  void CitizenRow(const CsvTable& t, EntityBuilder* b) {
    AppendUnique(&b->entity.nationalities, CountryCode(t.Get("Citizenship_CountryIso2Code")));
  }

  void AddressRow(const CsvTable& t, EntityBuilder* b) {
    Entity& e = b->entity;
    std::string country = CountryCode(t.Get("Address_CountryIso2Code"));
    AppendUnique(&e.countries, country);
    std::string_view po_box = t.Get("Address_PoBox");
    std::string po = po_box.empty() ? std::string() : "PO Box " + std::string(po_box);
    std::string local = Join({t.Get("Address_Street"), po, t.Get("Address_ZipCode"),
                              t.Get("Address_City"), t.Get("Address_Place"), t.Get("Address_Region")},
                             ", ");
    if (local.empty()) return;  // a country alone is kept in `countries`
    Address a;
    a.full = Join({local, CountryDisplay(country, t.Get("Address_CountryDescription"))}, ", ");
    a.city = std::string(t.Get("Address_City"));
    a.country = country;
    for (const Address& x : e.addresses) {
      if (x.full == a.full) return;
    }
    e.addresses.push_back(std::move(a));
  }

  void Finish() {
    out_->entities.reserve(out_->entities.size() + builders_.size());
    std::string as_of;
    for (EntityBuilder& b : builders_) {
      Entity& e = b.entity;
      std::stable_sort(b.names.begin(), b.names.end(),
                       [](const NameRow& x, const NameRow& y) { return x.order < y.order; });
      for (NameRow& row : b.names) {
        bool duplicate = std::any_of(e.names.begin(), e.names.end(),
                                     [&](const Name& n) { return n.full == row.name.full; });
        if (duplicate) continue;
        // The derived files carry no strong/weak flag: every alias is strong.
        row.name.type = e.names.empty() ? NameType::kPrimary : NameType::kAlias;
        e.names.push_back(std::move(row.name));
      }
      if (e.title.empty() && e.schema == Schema::kPerson) e.title = b.function;
      if (e.listing_date.size() == 10 && e.listing_date <= kLatestPlausibleDate &&
          e.listing_date > as_of) {
        as_of = e.listing_date;
      }
      out_->entities.push_back(std::move(e));
    }
    out_->as_of = as_of;
  }

  const std::string& source_id_;
  LoadedSource* out_;
  std::vector<EntityBuilder> builders_;
  std::unordered_map<std::string, size_t> index_;
};

}  // namespace

Status ParseEuDerived(const EuDerivedTables& tables, const std::string& source_id,
                      LoadedSource* out) {
  return Parser(source_id, out).Run(tables);
}

Status LoadEuDerived(const std::string& dir, const std::string& source_id, LoadedSource* out) {
  EuDerivedTables tables;
  std::vector<std::string> contents;
  Status s = ReadCsvTableFiles(dir,
                               {{kEuNamesFile, &tables.names, true},
                                {kEuIdentificationsFile, &tables.identifications, false},
                                {kEuBirthDatesFile, &tables.birth_dates, false},
                                {kEuCitizenshipsFile, &tables.citizenships, false},
                                {kEuAddressesFile, &tables.addresses, false}},
                               &contents);
  if (!s.ok()) return s;
  return ParseEuDerived(tables, source_id, out);
}

}  // namespace cordon
