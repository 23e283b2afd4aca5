#include "store/customer_csv.h"

#include <cctype>
#include <unordered_set>

#include "base/utf8.h"
#include "geo/country_resolver.h"
#include "lists/common/csv_reader.h"

namespace cordon {
namespace {

constexpr size_t kMaxIdBytes = 256;
constexpr size_t kMaxNameBytes = 1024;
constexpr size_t kMaxCountryBytes = 128;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool Digits(std::string_view s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "yyyy", "yyyy-mm" or "yyyy-mm-dd" with a plausible month and day.
bool ValidDob(std::string_view s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  if (!Digits(s.substr(0, 4), 4)) return false;
  int year = std::stoi(std::string(s.substr(0, 4)));
  if (year < 1800 || year > 2200) return false;
  if (s.size() == 4) return true;
  if (s[4] != '-' || !Digits(s.substr(5, 2), 2)) return false;
  int month = std::stoi(std::string(s.substr(5, 2)));
  if (month < 1 || month > 12) return false;
  if (s.size() == 7) return true;
  if (s[7] != '-' || !Digits(s.substr(8, 2), 2)) return false;
  int day = std::stoi(std::string(s.substr(8, 2)));
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return day >= 1 && day <= kDays[month - 1];
}

void Escape(std::string_view s, std::string* out) {
  for (char c : s) {
    if (c == '\\') out->append("\\\\");
    else if (c == '\t') out->append("\\t");
    else if (c == '\n') out->append("\\n");
    else if (c == '\r') out->append("\\r");
    else out->push_back(c);
  }
}

}  // namespace

Status ParseCustomerCsv(std::string_view data, const std::string& path, CustomerFile* out) {
  out->rows.clear();
  out->errors.clear();
  CsvReader reader(data, path, {.stop_at_ctrl_z = false, .max_field_bytes = 64 * 1024});
  std::vector<std::string> fields;
  if (!reader.Next(&fields)) {
    if (!reader.status().ok()) return reader.status();
    return Status::DataError("empty file: a header row with id,name is required", {path, 1});
  }
  int col_id = -1, col_name = -1, col_type = -1, col_dob = -1, col_country = -1;
  for (int i = 0; i < static_cast<int>(fields.size()); ++i) {
    std::string h = Lower(TrimAscii(fields[i]));
    if (i == 0 && h.rfind("\xef\xbb\xbf", 0) == 0) h = h.substr(3);  // UTF-8 BOM
    int* col = h == "id"                           ? &col_id
               : h == "name"                       ? &col_name
               : h == "type"                       ? &col_type
               : (h == "dob" || h == "birth_date") ? &col_dob
               : h == "country"                    ? &col_country
                                                   : nullptr;
    if (col == nullptr) continue;  // other columns are ignored, as screen-file does
    if (*col >= 0) return Status::DataError("duplicate column '" + h + "'", {path, 1, h});
    *col = i;
  }
  if (col_id < 0 || col_name < 0) {
    return Status::DataError("header must have columns 'id' and 'name'", {path, 1, col_id < 0 ? "id" : "name"});
  }
  const size_t width = fields.size();
  std::unordered_set<std::string> seen;
  while (reader.Next(&fields)) {
    const int64_t line = reader.record_line();
    auto error = [&](const std::string& field, const std::string& msg) {
      out->errors.push_back(Status::DataError(msg, {path, line, field}));
    };
    if (fields.size() != width) {
      error("", "expected " + std::to_string(width) + " columns, found " + std::to_string(fields.size()));
      continue;
    }
    CustomerRow r;
    r.line = line;
    r.id = std::string(TrimAscii(fields[col_id]));
    r.name = std::string(TrimAscii(fields[col_name]));
    if (r.id.empty()) {
      error("id", "empty id");
      continue;
    }
    if (r.id.size() > kMaxIdBytes || !IsValidUtf8(r.id)) {
      error("id", "id longer than " + std::to_string(kMaxIdBytes) + " bytes or not UTF-8");
      continue;
    }
    if (!seen.insert(r.id).second) {
      error("id", "duplicate id '" + r.id + "'");
      continue;
    }
    if (r.name.empty()) {
      error("name", "empty name");
      continue;
    }
    if (r.name.size() > kMaxNameBytes) {
      error("name", "name longer than " + std::to_string(kMaxNameBytes) + " bytes");
      continue;
    }
    if (!IsValidUtf8(r.name)) {
      error("name", "name is not valid UTF-8");
      continue;
    }
    if (col_type >= 0) {
      std::string t = Lower(TrimAscii(fields[col_type]));
      if (t == "organisation" || t == "company" || t == "entity") t = "organization";
      if (t == "any") t = "";
      if (!t.empty() && t != "person" && t != "organization" && t != "vessel" && t != "aircraft") {
        error("type", "unknown type '" + fields[col_type] + "' (person|organization|vessel|aircraft)");
        continue;
      }
      r.type = t;
    }
    if (col_dob >= 0) {
      r.dob = std::string(TrimAscii(fields[col_dob]));
      if (!r.dob.empty() && !ValidDob(r.dob)) {
        error("dob", "bad date '" + r.dob + "' (yyyy, yyyy-mm or yyyy-mm-dd)");
        continue;
      }
    }
    if (col_country >= 0) {
      r.country = std::string(TrimAscii(fields[col_country]));
      if (r.country.size() > kMaxCountryBytes || !IsValidUtf8(r.country)) {
        error("country", "country longer than " + std::to_string(kMaxCountryBytes) + " bytes or not UTF-8");
        continue;
      }
      if (!r.country.empty() && ResolveCountry(r.country).empty()) {
        error("country", "unknown country '" + r.country + "' (ISO 3166 code or English name)");
        continue;
      }
    }
    out->rows.push_back(std::move(r));
  }
  return reader.status();
}

std::string EncodeCustomer(const CustomerRow& row) {
  std::string out;
  auto line = [&](std::string_view key, const std::string& value) {
    out.append(key).push_back('\t');
    Escape(value, &out);
    out.push_back('\n');
  };
  line("name", row.name);
  line("type", row.type);
  line("dob", row.dob);
  line("country", row.country);
  return out;
}

std::vector<std::string> CustomerChangedFields(std::string_view before, std::string_view after) {
  auto value_of = [](std::string_view text, std::string_view key) -> std::string_view {
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      std::string_view l = text.substr(pos, end - pos);
      if (l.size() > key.size() && l.substr(0, key.size()) == key && l[key.size()] == '\t') {
        return l.substr(key.size() + 1);
      }
      pos = end + 1;
    }
    return {};
  };
  std::vector<std::string> out;
  for (std::string_view k : {"name", "type", "dob", "country"}) {
    if (value_of(before, k) != value_of(after, k)) out.emplace_back(k);
  }
  return out;
}

}  // namespace cordon
