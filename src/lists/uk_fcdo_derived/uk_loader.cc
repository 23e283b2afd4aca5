#include "lists/uk_fcdo_derived/uk_loader.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <unordered_map>
#include <utility>

#include "base/file_reader.h"
#include "lists/uk_fcdo_derived/uk_fcdo_derived_loader.h"
#include "lists/uk_ofsi/uk_ofsi_loader.h"

namespace cordon {
namespace {

constexpr char kMergedFormat[] = "uk_ofsi_xlsx+uk_fcdo_derived";
constexpr char kFcdoFolder[] = "fcdo_derived";

// Names that differ only in ASCII case or spacing are the same name:
// OFSI writes "Vladimir PUTIN" where FCDO writes "Vladimir Putin".
std::string NameKey(const std::string& name) {
  std::string key;
  bool space = false;
  for (char c : name) {
    if (c == ' ' || c == '\t') {
      space = !key.empty();
      continue;
    }
    if (space) key.push_back(' ');
    space = false;
    key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return key;
}

// Document numbers compare without spaces, dashes and case.
std::string NumberKey(DocumentType type, const std::string& number) {
  std::string key(1, static_cast<char>('0' + static_cast<int>(type)));
  for (char c : number) {
    if (c == ' ' || c == '-' || c == '.' || c == '/') continue;
    key.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return key;
}

// True when `known` states `d` or something more precise about it.
bool Covers(const PartialDate& known, const PartialDate& d) {
  return known.year == d.year && known.year_to == d.year_to &&
         (d.month == 0 || known.month == d.month) && (d.day == 0 || known.day == d.day);
}

void Enrich(Entity&& fcdo, Entity* e) {
  for (std::string& ref : fcdo.references) {
    if (ref == "ofsi:" + e->source_id) continue;  // that is the entity itself
    if (std::find(e->references.begin(), e->references.end(), ref) == e->references.end()) {
      e->references.push_back(std::move(ref));
    }
  }
  for (Name& n : fcdo.names) {
    std::string key = NameKey(n.full);
    bool known = std::any_of(e->names.begin(), e->names.end(),
                             [&](const Name& x) { return NameKey(x.full) == key; });
    if (known) continue;
    if (n.type == NameType::kPrimary) n.type = NameType::kAlias;
    e->names.push_back(std::move(n));
  }
  for (IdentityDocument& d : fcdo.documents) {
    std::string key = NumberKey(d.type, d.number);
    bool known = std::any_of(e->documents.begin(), e->documents.end(), [&](const IdentityDocument& x) {
      return NumberKey(x.type, x.number) == key;
    });
    if (!known) e->documents.push_back(std::move(d));
  }
  for (const PartialDate& d : fcdo.birth_dates) {
    bool known = std::any_of(e->birth_dates.begin(), e->birth_dates.end(),
                             [&](const PartialDate& x) { return Covers(x, d); });
    if (!known) e->birth_dates.push_back(d);
  }
  if (e->listing_date.empty()) e->listing_date = fcdo.listing_date;
  if (e->schema == Schema::kLegalEntity) e->schema = fcdo.schema;
  if (e->title.empty()) e->title = fcdo.title;
  e->raw += "--- FCDO UK Sanctions List (derived), " + fcdo.source_id + " ---\n";
  e->raw += fcdo.raw;
}

std::string Reference(const Entity& e, std::string_view scheme) {
  for (const std::string& r : e.references) {
    if (r.size() > scheme.size() && r.compare(0, scheme.size(), scheme) == 0) {
      return r.substr(scheme.size());
    }
  }
  return "";
}

}  // namespace

UkMergeStats MergeFcdoIntoOfsi(LoadedSource fcdo, LoadedSource* ofsi) {
  std::unordered_map<std::string, size_t> by_group;
  std::unordered_map<std::string, size_t> by_uk_ref;
  for (size_t i = 0; i < ofsi->entities.size(); ++i) {
    const Entity& e = ofsi->entities[i];
    by_group.emplace(e.source_id, i);
    for (const std::string& r : e.references) {
      if (r.rfind("uk:", 0) == 0) by_uk_ref.emplace(r, i);
    }
  }
  UkMergeStats stats;
  for (Entity& f : fcdo.entities) {
    size_t target = ofsi->entities.size();
    if (auto g = by_group.find(Reference(f, "ofsi:")); g != by_group.end()) {
      target = g->second;
    } else if (auto u = by_uk_ref.find("uk:" + f.source_id); u != by_uk_ref.end()) {
      target = u->second;
    }
    if (target < ofsi->entities.size()) {
      Enrich(std::move(f), &ofsi->entities[target]);
      ++stats.matched;
    } else {
      ofsi->entities.push_back(std::move(f));
      ++stats.added;
    }
  }
  return stats;
}

Status LoadUk(const std::string& dir, const std::string& source_id, LoadedSource* out) {
  std::string ofsi_path = dir + "/" + std::string(kUkOfsiFile);
  std::string fcdo_dir = dir + "/" + kFcdoFolder;
  bool has_ofsi = FileExists(ofsi_path);
  bool has_fcdo = FileExists(fcdo_dir + "/" + std::string(kFcdoSubjectsFile));
  if (!has_ofsi && !has_fcdo) {
    return Status::NotFound("neither " + std::string(kUkOfsiFile) + " nor " + kFcdoFolder + "/" +
                                std::string(kFcdoSubjectsFile) + " exists",
                            {ofsi_path});
  }
  if (!has_ofsi) return LoadUkFcdoDerived(fcdo_dir, source_id, out);
  Status s = LoadUkOfsi(dir, source_id, out);
  if (!s.ok() || !has_fcdo) return s;

  LoadedSource fcdo;
  s = LoadUkFcdoDerived(fcdo_dir, source_id, &fcdo);
  if (!s.ok()) {
    const ErrorLocation& loc = s.location();
    out->skipped.push_back({loc.file.empty() ? fcdo_dir : loc.file, loc.line, loc.field,
                            "FCDO tables not merged: " + s.message()});
    return Status::Ok();
  }
  out->format = kMergedFormat;
  out->files.insert(out->files.end(), fcdo.files.begin(), fcdo.files.end());
  out->skipped.insert(out->skipped.end(), std::make_move_iterator(fcdo.skipped.begin()),
                      std::make_move_iterator(fcdo.skipped.end()));
  if (fcdo.as_of > out->as_of) out->as_of = fcdo.as_of;
  fcdo.files.clear();
  fcdo.skipped.clear();
  MergeFcdoIntoOfsi(std::move(fcdo), out);
  return Status::Ok();
}

}  // namespace cordon
