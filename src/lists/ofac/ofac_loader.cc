#include "lists/ofac/ofac_loader.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/file_reader.h"
#include "base/utf8.h"
#include "lists/common/csv_reader.h"
#include "lists/ofac/ofac_country.h"
#include "lists/ofac/ofac_remarks.h"

namespace cordon {
namespace {

// OFAC cuts Remarks at this many characters and continues them in the
// comments file.
constexpr size_t kRemarksCut = 1000;

constexpr size_t kPrimaryFields = 12;
constexpr size_t kAliasFields = 5;
constexpr size_t kAddressFields = 6;
constexpr size_t kCommentFields = 2;

// Primary-file columns.
enum PrimaryColumn {
  kEntNum = 0,
  kSdnName,
  kSdnType,
  kProgram,
  kTitle,
  kCallSign,
  kVessType,
  kTonnage,
  kGrt,
  kVessFlag,
  kVessOwner,
  kRemarks,
};

// The files are declared ASCII and safest read as Windows-1252; a file that
// is already valid UTF-8 (re-saved by a third party) is kept as is.
std::string DecodeToUtf8(std::string_view raw) {
  if (IsAscii(raw) || IsValidUtf8(raw)) return std::string(raw);
  return Latin1ToUtf8(raw);
}

// A field's value: trimmed, with OFAC's empty marker `-0-` mapped to "".
std::string_view Value(std::string_view field) {
  field = TrimAscii(field);
  return field == "-0-" ? std::string_view() : field;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// ent_num: 1 to 10 decimal digits.
bool ValidEntNum(std::string_view s) {
  return !s.empty() && s.size() <= 10 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

size_t CodePoints(std::string_view utf8) {
  return static_cast<size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void AddNonEmpty(std::vector<std::string>* v, std::string s) {
  if (!s.empty()) v->push_back(std::move(s));
}

// Drops repeated strings, keeping first occurrences in order. Hash-based, so
// an entity with 100,000 address rows stays linear.
void Dedupe(std::vector<std::string>* v) {
  if (v->size() < 2) return;
  std::unordered_set<std::string> seen;
  size_t kept = 0;
  for (size_t i = 0; i < v->size(); ++i) {
    if (!seen.insert((*v)[i]).second) continue;
    if (kept != i) (*v)[kept] = std::move((*v)[i]);
    ++kept;
  }
  v->resize(kept);
}

// "LAST, First Middle" -> family "LAST", given "First Middle". Names without
// a comma (or with an empty side) keep no parts.
void SplitPersonName(Name* name) {
  size_t comma = name->full.find(',');
  if (comma == std::string::npos) return;
  std::string_view full = name->full;
  std::string_view family = TrimAscii(full.substr(0, comma));
  std::string_view given = TrimAscii(full.substr(comma + 1));
  if (family.empty() || given.empty()) return;
  name->family = std::string(family);
  name->given = std::string(given);
}

// "IRAN] [SDGT] [IRGC" -> IRAN, SDGT, IRGC.
std::vector<std::string> SplitPrograms(std::string_view text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find(']', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view p = TrimAscii(text.substr(pos, end - pos));
    while (!p.empty() && p.front() == '[') p = TrimAscii(p.substr(1));
    AddNonEmpty(&out, std::string(p));
    pos = end + 1;
  }
  Dedupe(&out);
  return out;
}

// One primary record while its other files are read.
struct Record {
  Entity entity;
  std::string remarks;     // untrimmed: continuations are glued on as is
  int64_t line = 0;        // line in the primary file
  bool continued = false;  // a comments row was appended
  std::vector<Name> weak;  // remarks aliases, appended after alt names
};

class Parser {
 public:
  Parser(const std::string& source_id, LoadedSource* out) : source_id_(source_id), out_(out) {}

  Status Run(const OfacLegacyInput& input) {
    out_->format = std::string(kOfacLegacyFormat);
    if (input.primary.path.empty()) {
      return Status::NotFound("OFAC legacy set has no primary file (sdn.csv or cons_prim.csv)");
    }
    comments_path_ = input.comments.path.empty() ? "the comments file" : input.comments.path;
    Status s = ParsePrimary(input.primary);
    if (!s.ok()) return s;
    if (!input.comments.path.empty()) {
      s = ParseSecondary(input.comments, kCommentFields, "ent_num, Remarks_Extended", &Parser::AddComment);
      if (!s.ok()) return s;
    }
    for (Record& r : records_) ApplyRemarks(input.primary.path, &r);
    if (!input.aliases.path.empty()) {
      s = ParseSecondary(input.aliases, kAliasFields, "ent_num, alt_num, alt_type, alt_name, alt_remarks",
                         &Parser::AddAlias);
      if (!s.ok()) return s;
    }
    if (!input.addresses.path.empty()) {
      s = ParseSecondary(input.addresses, kAddressFields,
                         "ent_num, add_num, Address, City/State/Province/Postal Code, Country, Add_remarks",
                         &Parser::AddAddress);
      if (!s.ok()) return s;
    }
    out_->entities.reserve(out_->entities.size() + records_.size());
    for (Record& r : records_) {
      Entity& e = r.entity;
      if (!r.weak.empty()) {
        std::unordered_set<std::string> strong;
        for (const Name& n : e.names) strong.insert(n.full);
        for (Name& n : r.weak) {
          if (strong.count(n.full) != 0) continue;  // already a strong name
          if (e.schema == Schema::kPerson) SplitPersonName(&n);
          e.names.push_back(std::move(n));
        }
      }
      Dedupe(&e.countries);
      out_->entities.push_back(std::move(e));
    }
    return Status::Ok();
  }

 private:
  void Skip(const std::string& file, int64_t line, std::string field, std::string message) {
    out_->skipped.push_back({file, line, std::move(field), std::move(message)});
  }

  // Fails the whole source when a non-empty file yielded nothing usable,
  // quoting the first problem found in it.
  Status NothingUsable(const std::string& path, size_t rows, size_t first_issue) {
    std::string msg = "none of the " + std::to_string(rows) + " records could be used";
    ErrorLocation loc{path, 0, ""};
    if (first_issue < out_->skipped.size()) {
      const LoadIssue& i = out_->skipped[first_issue];
      msg += "; first problem: " + i.message;
      loc.line = i.line;
      loc.field = i.field;
    }
    return Status::DataError(std::move(msg), std::move(loc));
  }

  Status ParsePrimary(const OfacCsvFile& file) {
    const std::string text = DecodeToUtf8(file.data);
    CsvReader reader(text, file.path);
    std::vector<std::string> f;
    size_t rows = 0;
    const size_t first_issue = out_->skipped.size();
    while (reader.Next(&f)) {
      ++rows;
      const int64_t line = reader.record_line();
      if (f.size() != kPrimaryFields) {
        Skip(file.path, line, "columns",
             "expected 12 fields (ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, "
             "Tonnage, GRT, Vess_flag, Vess_owner, Remarks), found " +
                 std::to_string(f.size()));
        continue;
      }
      std::string_view ent_num = Value(f[kEntNum]);
      if (!ValidEntNum(ent_num)) {
        Skip(file.path, line, "ent_num", "ent_num '" + std::string(ent_num) + "' is not a number");
        continue;
      }
      std::string_view name = Value(f[kSdnName]);
      if (name.empty()) {
        Skip(file.path, line, "SDN_Name", "ent_num " + std::string(ent_num) + " has no name");
        continue;
      }
      auto [it, inserted] = index_.emplace(std::string(ent_num), records_.size());
      if (!inserted) {
        Skip(file.path, line, "ent_num",
             "duplicate ent_num " + std::string(ent_num) + " (first on line " +
                 std::to_string(records_[it->second].line) + ")");
        continue;
      }
      Record r;
      r.line = line;
      Entity& e = r.entity;
      e.source = source_id_;
      e.source_id = std::string(ent_num);
      e.raw = std::string(reader.record_text());
      std::string_view type = Value(f[kSdnType]);
      if (type.empty()) {
        e.schema = Schema::kOrganization;
      } else if (EqualsIgnoreCase(type, "individual")) {
        e.schema = Schema::kPerson;
      } else if (EqualsIgnoreCase(type, "vessel")) {
        e.schema = Schema::kVessel;
      } else if (EqualsIgnoreCase(type, "aircraft")) {
        e.schema = Schema::kAirplane;
      } else {
        e.schema = Schema::kLegalEntity;
        Skip(file.path, line, "SDN_Type",
             "ent_num " + e.source_id + ": unknown SDN_Type '" + std::string(type) + "'; record loaded as LegalEntity");
      }
      Name primary;
      primary.full = std::string(name);
      if (e.schema == Schema::kPerson) SplitPersonName(&primary);
      e.names.push_back(std::move(primary));
      e.programs = SplitPrograms(Value(f[kProgram]));
      e.title = std::string(Value(f[kTitle]));
      std::string_view call_sign = Value(f[kCallSign]);
      if (!call_sign.empty()) {
        e.documents.push_back({DocumentType::kOther, std::string(call_sign), "", "call sign"});
      }
      std::string_view flag = Value(f[kVessFlag]);
      if (!flag.empty()) AddNonEmpty(&e.countries, OfacCountry(flag));
      // Vess_type, Tonnage, GRT and Vess_owner have no field in the entity
      // model; they stay in `raw`.
      if (!Value(f[kRemarks]).empty()) r.remarks = std::move(f[kRemarks]);
      records_.push_back(std::move(r));
    }
    if (!reader.status().ok()) return reader.status();
    if (rows == 0) return Status::DataError("file holds no records", {file.path, 0, ""});
    if (records_.empty()) return NothingUsable(file.path, rows, first_issue);
    return Status::Ok();
  }

  // Applies one alt/add/comments row (fields, record text, file, line) to its
  // record; false when the row was skipped.
  using RowFn = bool (Parser::*)(Record*, const std::vector<std::string>&, std::string_view, const std::string&,
                                 int64_t);

  // Reads alt/add/comments rows: checks the column count and ent_num, then
  // hands each row to `add`.
  Status ParseSecondary(const OfacCsvFile& file, size_t fields, std::string_view columns, RowFn add) {
    const std::string text = DecodeToUtf8(file.data);
    CsvReader reader(text, file.path);
    std::vector<std::string> f;
    size_t rows = 0;
    size_t used = 0;
    const size_t first_issue = out_->skipped.size();
    while (reader.Next(&f)) {
      ++rows;
      const int64_t line = reader.record_line();
      if (f.size() != fields) {
        Skip(file.path, line, "columns",
             "expected " + std::to_string(fields) + " fields (" + std::string(columns) + "), found " +
                 std::to_string(f.size()));
        continue;
      }
      std::string_view ent_num = Value(f[0]);
      auto it = index_.find(std::string(ent_num));
      if (it == index_.end()) {
        Skip(file.path, line, "ent_num",
             ValidEntNum(ent_num) ? "unknown ent_num " + std::string(ent_num) + " (not in the primary file)"
                                  : "ent_num '" + std::string(ent_num) + "' is not a number");
        continue;
      }
      Record* r = &records_[it->second];
      if ((this->*add)(r, f, reader.record_text(), file.path, line)) ++used;
    }
    if (!reader.status().ok()) return reader.status();
    if (rows > 0 && used == 0) return NothingUsable(file.path, rows, first_issue);
    return Status::Ok();
  }

  bool AddComment(Record* r, const std::vector<std::string>& f, std::string_view text, const std::string& path,
                  int64_t line) {
    // Field 1 continues the remarks mid-word: glue it on untrimmed (only the
    // empty marker is dropped).
    if (Value(f[1]).empty()) {
      Skip(path, line, "Remarks_Extended", "ent_num " + r->entity.source_id + ": empty continuation");
      return false;
    }
    r->remarks += f[1];
    r->continued = true;
    r->entity.raw += '\n';
    r->entity.raw += text;
    return true;
  }

  void ApplyRemarks(const std::string& path, Record* r) {
    if (r->remarks.empty()) return;
    Entity& e = r->entity;
    std::string_view remarks = r->remarks;
    // A remark cut at exactly 1,000 characters whose continuation is missing
    // ends in a partial item ("a.k.a. 'WHOIS HACKIN"): drop that item.
    if (!r->continued && CodePoints(remarks) == kRemarksCut && TrimAscii(remarks).back() != '.') {
      size_t semi = remarks.rfind(';');
      std::string_view lost = semi == std::string_view::npos ? remarks : remarks.substr(semi + 1);
      remarks = semi == std::string_view::npos ? std::string_view() : remarks.substr(0, semi);
      Skip(path, r->line, "Remarks",
           "ent_num " + e.source_id + ": Remarks cut at 1,000 characters and no continuation in " + comments_path_ +
               "; last item '" + std::string(TrimAscii(lost)) + "' ignored");
    }
    OfacRemarks parsed = ParseOfacRemarks(remarks);
    e.birth_dates = std::move(parsed.birth_dates);
    e.birth_places = std::move(parsed.birth_places);
    e.nationalities = std::move(parsed.nationalities);
    for (std::string& c : parsed.countries) AddNonEmpty(&e.countries, std::move(c));
    for (IdentityDocument& d : parsed.documents) e.documents.push_back(std::move(d));
    e.gender = std::move(parsed.gender);
    r->weak = std::move(parsed.aliases);
    for (const OfacRemarkProblem& p : parsed.problems) {
      Skip(path, r->line, "Remarks", "ent_num " + e.source_id + ": " + p.label + ": " + p.message + "; value ignored");
    }
  }

  bool AddAlias(Record* r, const std::vector<std::string>& f, std::string_view text, const std::string& path,
                int64_t line) {
    Entity& e = r->entity;
    std::string_view name = Value(f[3]);
    if (name.empty()) {
      Skip(path, line, "alt_name", "ent_num " + e.source_id + ": empty alias name");
      return false;
    }
    Name n;
    n.full = std::string(name);
    std::string_view type = Value(f[2]);
    if (EqualsIgnoreCase(type, "aka") || EqualsIgnoreCase(type, "a.k.a.")) {
      n.type = NameType::kAlias;
    } else if (EqualsIgnoreCase(type, "fka") || EqualsIgnoreCase(type, "f.k.a.")) {
      n.type = NameType::kFormerName;
    } else if (EqualsIgnoreCase(type, "nka") || EqualsIgnoreCase(type, "n.k.a.")) {
      n.type = NameType::kNewName;
    } else {
      n.type = NameType::kAlias;
      Skip(path, line, "alt_type",
           "ent_num " + e.source_id + ": unknown alt_type '" + std::string(type) + "'; alias loaded as a.k.a.");
    }
    if (e.schema == Schema::kPerson) SplitPersonName(&n);
    e.names.push_back(std::move(n));
    e.raw += '\n';
    e.raw += text;
    return true;
  }

  bool AddAddress(Record* r, const std::vector<std::string>& f, std::string_view text, const std::string& /*path*/,
                  int64_t /*line*/) {
    Entity& e = r->entity;
    e.raw += '\n';
    e.raw += text;
    std::string_view street = Value(f[2]);
    std::string_view city = Value(f[3]);
    std::string_view country = Value(f[4]);
    // Every entity has an add.csv row, most with no content at all.
    if (street.empty() && city.empty() && country.empty()) return true;
    Address a;
    for (std::string_view part : {street, city, country}) {
      if (part.empty()) continue;
      if (!a.full.empty()) a.full += ", ";
      a.full += part;
    }
    a.city = std::string(city);
    if (!country.empty()) {
      a.country = OfacCountry(country);
      AddNonEmpty(&e.countries, a.country);
    }
    e.addresses.push_back(std::move(a));
    return true;
  }

  const std::string& source_id_;
  LoadedSource* out_;
  std::string comments_path_;
  std::vector<Record> records_;
  std::unordered_map<std::string, size_t> index_;  // ent_num -> records_ index
};

// `dir/name`, or `dir/NAME` as OFAC's download service spells it, or "".
std::string FindFile(const std::string& dir, std::string_view name) {
  std::string lower = dir + "/" + std::string(name);
  if (FileExists(lower)) return lower;
  std::string upper(name);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  upper = dir + "/" + upper;
  if (FileExists(upper)) return upper;
  return "";
}

}  // namespace

Status ParseOfacLegacy(const OfacLegacyInput& input, const std::string& source_id, LoadedSource* out) {
  Parser parser(source_id, out);
  return parser.Run(input);
}

Status LoadOfacLegacy(const std::string& dir, const std::string& source_id, LoadedSource* out) {
  struct Set {
    std::string_view primary, aliases, addresses, comments;
  };
  static constexpr Set kSdn = {"sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"};
  static constexpr Set kCons = {"cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv"};
  std::string sdn = FindFile(dir, kSdn.primary);
  std::string cons = FindFile(dir, kCons.primary);
  if (sdn.empty() && cons.empty()) {
    return Status::NotFound("no OFAC legacy CSV set: neither sdn.csv nor cons_prim.csv in folder", {dir, 0, ""});
  }
  if (!sdn.empty() && !cons.empty()) {
    return Status::InvalidArgument("both sdn.csv and cons_prim.csv in one folder; put each OFAC list in its own",
                                   {dir, 0, ""});
  }
  const Set& set = sdn.empty() ? kCons : kSdn;
  OfacLegacyInput input;
  std::string primary_data, aliases_data, addresses_data, comments_data;
  struct Slot {
    OfacCsvFile* file;
    std::string* data;
    std::string path;
  } slots[] = {
      {&input.primary, &primary_data, sdn.empty() ? cons : sdn},
      {&input.aliases, &aliases_data, FindFile(dir, set.aliases)},
      {&input.addresses, &addresses_data, FindFile(dir, set.addresses)},
      {&input.comments, &comments_data, FindFile(dir, set.comments)},
  };
  for (Slot& s : slots) {
    if (s.path.empty()) continue;  // optional file absent
    Status st = ReadFile(s.path, s.data);
    if (!st.ok()) return st;
    out->files.push_back(s.path);
    s.file->path = s.path;
    s.file->data = *s.data;
  }
  return ParseOfacLegacy(input, source_id, out);
}

}  // namespace cordon
