#include "lists/custom/custom_csv_loader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/file_reader.h"
#include "base/utf8.h"
#include "geo/country_resolver.h"
#include "lists/common/csv_reader.h"
#include "lists/common/date_parser.h"

namespace cordon {
namespace {

enum Column { kId, kName, kType, kAliases, kBirthDate, kCountry, kIdNumbers, kColumnCount };
constexpr std::array<const char*, kColumnCount> kColumnNames = {"id",         "name",    "type",      "aliases",
                                                                "birth_date", "country", "id_numbers"};
constexpr size_t kMissing = static_cast<size_t>(-1);

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> SplitList(std::string_view s) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b <= s.size()) {
    size_t e = s.find(';', b);
    if (e == std::string_view::npos) e = s.size();
    std::string_view part = TrimAscii(s.substr(b, e - b));
    if (!part.empty()) out.emplace_back(part);
    b = e + 1;
  }
  return out;
}

bool ParseSchema(std::string_view text, Schema* schema) {
  static constexpr struct {
    std::string_view name;
    Schema schema;
  } kTypes[] = {{"", Schema::kLegalEntity},     {"legal_entity", Schema::kLegalEntity},
                {"person", Schema::kPerson},    {"organization", Schema::kOrganization},
                {"company", Schema::kCompany},  {"vessel", Schema::kVessel},
                {"aircraft", Schema::kAirplane}};
  const std::string lower = Lower(text);
  for (const auto& t : kTypes) {
    if (lower == t.name) {
      *schema = t.schema;
      return true;
    }
  }
  return false;
}

// "passport:X12345" -> kPassport, "X12345"; no prefix -> kOther. Fails
// with a reason for a "word:" prefix that is not a known type (a typo such
// as "pasport:" must not silently become part of the number) and for a
// prefix without a number.
bool ParseIdNumber(std::string_view text, IdentityDocument* doc, std::string* error) {
  static constexpr struct {
    std::string_view prefix;
    DocumentType type;
  } kPrefixes[] = {{"passport", DocumentType::kPassport}, {"national_id", DocumentType::kNationalId},
                   {"imo", DocumentType::kImo},           {"registration", DocumentType::kRegistration},
                   {"tax_id", DocumentType::kTaxId},      {"other", DocumentType::kOther}};
  *doc = IdentityDocument();
  size_t word_end = 0;
  while (word_end < text.size() &&
         (std::isalpha(static_cast<unsigned char>(text[word_end])) || text[word_end] == '_')) {
    ++word_end;
  }
  if (word_end == 0 || word_end >= text.size() || text[word_end] != ':') {
    doc->number = std::string(text);
    return true;
  }
  const std::string prefix = Lower(text.substr(0, word_end));
  for (const auto& p : kPrefixes) {
    if (prefix != p.prefix) continue;
    doc->type = p.type;
    doc->number = std::string(TrimAscii(text.substr(word_end + 1)));
    if (doc->number.empty()) {
      *error = "'" + prefix + ":' without a number";
      return false;
    }
    return true;
  }
  *error = "unknown id type '" + prefix +
           ":' (use passport:, national_id:, imo:, registration:, tax_id:, other: " + "or no prefix)";
  return false;
}

// Parses files one after the other, remembering where each id was first
// defined so duplicates across files are reported precisely.
class CustomCsvParser {
 public:
  CustomCsvParser(const std::string& source_id, LoadedSource* out) : source_id_(source_id), out_(out) {
    out_->format = "custom_csv";
    for (const Entity& e : out_->entities) first_seen_.emplace(e.source_id, "an earlier file");
  }

  Status Parse(std::string_view text, const std::string& file) {
    out_->files.push_back(file);
    CsvReader reader(text, file);
    std::vector<std::string> header;
    if (!reader.Next(&header)) {
      if (!reader.status().ok()) return reader.status();
      return Status::DataError("empty file: expected a header row with columns id,name,...", {file, 1, ""});
    }
    std::array<size_t, kColumnCount> col;
    col.fill(kMissing);
    for (size_t i = 0; i < header.size(); ++i) {
      const std::string name = Lower(TrimAscii(header[i]));
      for (size_t c = 0; c < kColumnCount; ++c) {
        if (name != kColumnNames[c]) continue;
        if (col[c] != kMissing) {
          return Status::DataError(std::string("column '") + kColumnNames[c] + "' appears twice in the header",
                                   {file, reader.record_line(), kColumnNames[c]});
        }
        col[c] = i;
      }
    }
    for (Column c : {kId, kName}) {
      if (col[c] == kMissing) {
        return Status::DataError(
            std::string("header has no '") + kColumnNames[c] + "' column (a custom list needs at least id,name)",
            {file, reader.record_line(), kColumnNames[c]});
      }
    }
    std::string program = std::filesystem::path(file).stem().string();

    std::vector<std::string> fields;
    while (reader.Next(&fields)) {
      const int64_t line = reader.record_line();
      auto skip = [&](std::string field, std::string reason) {
        out_->skipped.push_back({file, line, std::move(field), std::move(reason) + "; record skipped"});
      };
      if (fields.size() != header.size()) {
        skip("", "expected " + std::to_string(header.size()) + " fields as in the header, found " +
                     std::to_string(fields.size()));
        continue;
      }
      size_t bad = kMissing;
      for (size_t i = 0; i < fields.size() && bad == kMissing; ++i) {
        if (!IsValidUtf8(fields[i])) bad = i;
      }
      if (bad != kMissing) {
        skip(IsValidUtf8(header[bad]) ? std::string(TrimAscii(header[bad])) : "column " + std::to_string(bad + 1),
             "invalid UTF-8 (save the file as UTF-8)");
        continue;
      }
      auto get = [&](Column c) { return col[c] == kMissing ? std::string_view() : TrimAscii(fields[col[c]]); };
      Entity e;
      e.source = source_id_;
      e.source_id = std::string(get(kId));
      if (e.source_id.empty()) {
        skip("id", "empty id");
        continue;
      }
      Name primary;
      primary.full = std::string(get(kName));
      if (primary.full.empty()) {
        skip("name", "empty name for id '" + e.source_id + "'");
        continue;
      }
      if (!ParseSchema(get(kType), &e.schema)) {
        skip("type", "unknown type '" + std::string(get(kType)) +
                         "' (expected person, organization, company, vessel, aircraft or legal_entity)");
        continue;
      }
      e.names.push_back(std::move(primary));
      for (std::string& alias : SplitList(get(kAliases))) {
        if (std::any_of(e.names.begin(), e.names.end(), [&](const Name& n) { return n.full == alias; })) continue;
        Name n;
        n.full = std::move(alias);
        n.type = NameType::kAlias;
        e.names.push_back(std::move(n));
      }
      bool ok = true;
      for (const std::string& text_date : SplitList(get(kBirthDate))) {
        PartialDate d;
        if (!ParsePartialDate(text_date, &d)) {
          skip("birth_date", "not a date: '" + text_date + "' (use yyyy-mm-dd, yyyy-mm or yyyy)");
          ok = false;
          break;
        }
        e.birth_dates.push_back(d);
      }
      if (!ok) continue;
      for (const std::string& country : SplitList(get(kCountry))) {
        std::string iso = ResolveCountry(country);
        std::string value = iso.empty() ? country : iso;
        if (std::find(e.countries.begin(), e.countries.end(), value) == e.countries.end()) {
          e.countries.push_back(std::move(value));
        }
      }
      for (const std::string& entry : SplitList(get(kIdNumbers))) {
        IdentityDocument doc;
        std::string error;
        if (!ParseIdNumber(entry, &doc, &error)) {
          skip("id_numbers", error);
          ok = false;
          break;
        }
        e.documents.push_back(std::move(doc));
      }
      if (!ok) continue;
      const std::string where = file + ":" + std::to_string(line);
      auto [it, inserted] = first_seen_.emplace(e.source_id, where);
      if (!inserted) {
        skip("id", "duplicate id '" + e.source_id + "' (first defined at " + it->second + ")");
        continue;
      }
      if (!program.empty()) e.programs.push_back(program);
      e.raw = std::string(reader.record_text());
      out_->entities.push_back(std::move(e));
    }
    return reader.status();
  }

 private:
  const std::string& source_id_;
  LoadedSource* out_;
  std::unordered_map<std::string, std::string> first_seen_;  // id -> "file:line"
};

}  // namespace

Status ParseCustomCsv(std::string_view text, const std::string& file, const std::string& source_id, LoadedSource* out) {
  CustomCsvParser parser(source_id, out);
  return parser.Parse(text, file);
}

Status LoadCustomCsv(const std::string& dir, const std::string& source_id, LoadedSource* out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound("list folder does not exist", {dir});
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file(ec) && name.front() != '.' && Lower(entry.path().extension().string()) == ".csv") {
      names.push_back(name);
    }
  }
  if (ec) return Status::IoError("cannot list folder: " + ec.message(), {dir});
  if (names.empty()) return Status::NotFound("no *.csv file in the custom list folder", {dir});
  std::sort(names.begin(), names.end());
  CustomCsvParser parser(source_id, out);
  for (const std::string& name : names) {
    const std::string path = dir + "/" + name;
    std::string text;
    Status st = ReadFile(path, &text);
    if (!st.ok()) return st;
    st = parser.Parse(text, path);
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

}  // namespace cordon
