#include "store/entity_codec.h"

#include <array>
#include <charconv>
#include <map>

#include "store/sha256.h"

namespace cordon {
namespace {

constexpr std::array<std::string_view, 14> kKeys = {
    "schema",  "name",    "birth_date", "birth_place", "nationality", "country", "document",
    "address", "program", "listing_date", "gender",    "title",       "reference", "raw"};

void Escape(std::string_view s, std::string* out) {
  for (char c : s) {
    switch (c) {
      case '\\': out->append("\\\\"); break;
      case '\t': out->append("\\t"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      default: out->push_back(c);
    }
  }
}

class LineWriter {
 public:
  explicit LineWriter(std::string* out) : out_(out) {}
  LineWriter& Key(std::string_view key) {
    out_->append(key);
    return *this;
  }
  LineWriter& Part(std::string_view part) {
    out_->push_back('\t');
    Escape(part, out_);
    return *this;
  }
  LineWriter& Part(int v) { return Part(std::string_view(std::to_string(v))); }
  void End() { out_->push_back('\n'); }

 private:
  std::string* out_;
};

void Single(std::string_view key, std::string_view value, std::string* out) {
  if (value.empty()) return;
  LineWriter(out).Key(key).Part(value).End();
}

void Multi(std::string_view key, const std::vector<std::string>& values, std::string* out) {
  for (const auto& v : values) LineWriter(out).Key(key).Part(v).End();
}

// Splits one line into unescaped parts. False on a bad escape.
bool SplitLine(std::string_view line, std::vector<std::string>* parts) {
  parts->assign(1, "");
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '\t') {
      parts->emplace_back();
    } else if (c == '\\') {
      if (i + 1 >= line.size()) return false;
      char n = line[++i];
      if (n == '\\') parts->back().push_back('\\');
      else if (n == 't') parts->back().push_back('\t');
      else if (n == 'n') parts->back().push_back('\n');
      else if (n == 'r') parts->back().push_back('\r');
      else return false;
    } else {
      parts->back().push_back(c);
    }
  }
  return true;
}

bool ParseInt(const std::string& s, int* out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

template <typename E, typename F>
bool ParseEnum(const std::string& s, int count, F name_of, E* out) {
  for (int i = 0; i < count; ++i) {
    if (name_of(static_cast<E>(i)) == s) {
      *out = static_cast<E>(i);
      return true;
    }
  }
  return false;
}

}  // namespace

std::string EncodeEntity(const Entity& e) {
  std::string out;
  out.reserve(e.raw.size() + 256);
  LineWriter(&out).Key("schema").Part(SchemaName(e.schema)).End();
  for (const Name& n : e.names) {
    LineWriter(&out)
        .Key("name")
        .Part(NameTypeName(n.type))
        .Part(n.quality == NameQuality::kWeak ? "weak" : "strong")
        .Part(n.full)
        .Part(n.given)
        .Part(n.family)
        .Part(n.script)
        .End();
  }
  for (const PartialDate& d : e.birth_dates) {
    LineWriter(&out)
        .Key("birth_date")
        .Part(d.year)
        .Part(d.month)
        .Part(d.day)
        .Part(d.year_to)
        .Part(d.approximate ? 1 : 0)
        .End();
  }
  Multi("birth_place", e.birth_places, &out);
  Multi("nationality", e.nationalities, &out);
  Multi("country", e.countries, &out);
  for (const IdentityDocument& d : e.documents) {
    LineWriter(&out).Key("document").Part(DocumentTypeName(d.type)).Part(d.number).Part(d.country).Part(d.note).End();
  }
  for (const Address& a : e.addresses) {
    LineWriter(&out).Key("address").Part(a.full).Part(a.city).Part(a.country).End();
  }
  Multi("program", e.programs, &out);
  Single("listing_date", e.listing_date, &out);
  Single("gender", e.gender, &out);
  Single("title", e.title, &out);
  Multi("reference", e.references, &out);
  Single("raw", e.raw, &out);
  return out;
}

Status DecodeEntity(std::string_view text, Entity* out) {
  Entity e;
  e.source = out->source;
  e.source_id = out->source_id;
  std::vector<std::string> p;
  int64_t line_no = 0;
  bool have_schema = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    auto bad = [&](const std::string& why) {
      return Status::DataError("bad canonical entity record: " + why, {"", line_no, p.empty() ? "" : p[0]});
    };
    if (!SplitLine(line, &p)) return bad("invalid escape");
    const std::string& key = p[0];
    auto need = [&](size_t parts) { return p.size() == parts + 1; };
    if (key == "schema" && need(1)) {
      if (!ParseEnum(p[1], 6, SchemaName, &e.schema)) return bad("unknown schema '" + p[1] + "'");
      have_schema = true;
    } else if (key == "name" && need(6)) {
      Name n;
      if (!ParseEnum(p[1], 4, NameTypeName, &n.type)) return bad("unknown name type '" + p[1] + "'");
      if (p[2] != "weak" && p[2] != "strong") return bad("unknown name quality '" + p[2] + "'");
      n.quality = p[2] == "weak" ? NameQuality::kWeak : NameQuality::kStrong;
      n.full = std::move(p[3]);
      n.given = std::move(p[4]);
      n.family = std::move(p[5]);
      n.script = std::move(p[6]);
      e.names.push_back(std::move(n));
    } else if (key == "birth_date" && need(5)) {
      PartialDate d;
      int approx = 0;
      if (!ParseInt(p[1], &d.year) || !ParseInt(p[2], &d.month) || !ParseInt(p[3], &d.day) ||
          !ParseInt(p[4], &d.year_to) || !ParseInt(p[5], &approx)) {
        return bad("birth_date parts must be integers");
      }
      d.approximate = approx != 0;
      e.birth_dates.push_back(d);
    } else if (key == "birth_place" && need(1)) {
      e.birth_places.push_back(std::move(p[1]));
    } else if (key == "nationality" && need(1)) {
      e.nationalities.push_back(std::move(p[1]));
    } else if (key == "country" && need(1)) {
      e.countries.push_back(std::move(p[1]));
    } else if (key == "document" && need(4)) {
      IdentityDocument d;
      if (!ParseEnum(p[1], 6, DocumentTypeName, &d.type)) return bad("unknown document type '" + p[1] + "'");
      d.number = std::move(p[2]);
      d.country = std::move(p[3]);
      d.note = std::move(p[4]);
      e.documents.push_back(std::move(d));
    } else if (key == "address" && need(3)) {
      e.addresses.push_back({std::move(p[1]), std::move(p[2]), std::move(p[3])});
    } else if (key == "program" && need(1)) {
      e.programs.push_back(std::move(p[1]));
    } else if (key == "listing_date" && need(1)) {
      e.listing_date = std::move(p[1]);
    } else if (key == "gender" && need(1)) {
      e.gender = std::move(p[1]);
    } else if (key == "title" && need(1)) {
      e.title = std::move(p[1]);
    } else if (key == "reference" && need(1)) {
      e.references.push_back(std::move(p[1]));
    } else if (key == "raw" && need(1)) {
      e.raw = std::move(p[1]);
    } else {
      bool known = false;
      for (auto k : kKeys) known = known || k == key;
      return bad(known ? "wrong number of parts" : "unknown key");
    }
  }
  if (!have_schema) return Status::DataError("bad canonical entity record: no schema line", {"", 0, "schema"});
  if (e.names.empty()) return Status::DataError("bad canonical entity record: no name", {"", 0, "name"});
  *out = std::move(e);
  return Status::Ok();
}

std::vector<std::string> ChangedFields(std::string_view before, std::string_view after) {
  auto group = [](std::string_view text) {
    std::map<std::string, std::string, std::less<>> by_key;
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(pos, end - pos);
      size_t tab = line.find('\t');
      std::string key(line.substr(0, tab));
      by_key[key].append(line).push_back('\n');
      pos = end + 1;
    }
    return by_key;
  };
  auto a = group(before), b = group(after);
  std::vector<std::string> out;
  for (auto k : kKeys) {
    auto ia = a.find(k), ib = b.find(k);
    bool in_a = ia != a.end(), in_b = ib != b.end();
    if (in_a != in_b || (in_a && ia->second != ib->second)) out.emplace_back(k);
  }
  // Keys outside the format (a corrupt record) still count as changes.
  for (const auto& [k, v] : a) {
    bool known = false;
    for (auto kk : kKeys) known = known || kk == k;
    if (!known && (b.count(k) == 0 || b.at(k) != v)) out.push_back(k);
  }
  for (const auto& [k, v] : b) {
    bool known = false;
    for (auto kk : kKeys) known = known || kk == k;
    if (!known && a.count(k) == 0) out.push_back(k);
  }
  return out;
}

std::string RecordHash(std::string_view canonical) { return Sha256Hex(canonical); }

}  // namespace cordon
