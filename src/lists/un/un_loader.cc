#include "lists/un/un_loader.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/file_reader.h"
#include "geo/country_resolver.h"
#include "lists/common/date_parser.h"
#include "lists/common/entity_values.h"
#include "lists/un/xml_record_reader.h"

namespace cordon {
namespace {

constexpr char kPreferredFile[] = "UN_consolidated.xml";

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void Append(std::string* out, std::string_view sep, std::string_view part) {
  if (part.empty()) return;
  if (!out->empty()) out->append(sep);
  out->append(part);
}

// ISO2 for a UN country spelling, the text itself when unknown, "" for the
// placeholders the UN uses for "no value" ("na").
std::string Country(std::string_view text) {
  std::string lower = Lower(text);
  if (lower.empty() || lower == "na" || lower == "n/a" || lower == "unknown" || lower == "none") return "";
  std::string iso = ResolveCountry(text);
  return iso.empty() ? std::string(text) : iso;
}

// The writing system most letters of `utf8` belong to: "Arabic",
// "Cyrillic", "Latin", or "" when none dominates or the text is not
// letters. Input is valid UTF-8 (expat has checked it).
std::string ScriptOf(std::string_view utf8) {
  int arabic = 0, cyrillic = 0, latin = 0, other = 0;
  for (size_t i = 0; i < utf8.size();) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    uint32_t cp = b;
    size_t len = 1;
    if (b >= 0xF0) {
      len = 4;
      cp = b & 0x07;
    } else if (b >= 0xE0) {
      len = 3;
      cp = b & 0x0F;
    } else if (b >= 0xC0) {
      len = 2;
      cp = b & 0x1F;
    }
    if (i + len > utf8.size()) break;
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    i += len;
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F)) {
      ++latin;
    } else if ((cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0x08A0 && cp <= 0x08FF) ||
               (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF)) {
      ++arabic;
    } else if (cp >= 0x0400 && cp <= 0x052F) {
      ++cyrillic;
    } else if (cp > 0x7F && cp != 0xA0) {
      ++other;
    }
  }
  const int total = arabic + cyrillic + latin + other;
  if (total == 0) return "";
  if (arabic * 2 > total) return "Arabic";
  if (cyrillic * 2 > total) return "Cyrillic";
  if (latin * 2 > total) return "Latin";
  return "";
}

// "Gender: male", "Gender [Male]" inside COMMENTS1.
std::string GenderFromComments(std::string_view comments) {
  std::string lower = Lower(comments);
  size_t p = lower.find("gender");
  if (p == std::string::npos) return "";
  p += 6;
  while (p < lower.size() && (lower[p] == ' ' || lower[p] == ':' || lower[p] == '[')) ++p;
  size_t e = p;
  while (e < lower.size() && std::isalpha(static_cast<unsigned char>(lower[e]))) ++e;
  std::string word = lower.substr(p, e - p);
  return word == "male" || word == "female" ? word : "";
}

// INDIVIDUAL_DATE_OF_BIRTH: EXACT (DATE or YEAR), APPROXIMATELY (YEAR),
// BETWEEN (FROM_YEAR, TO_YEAR); a date only written in NOTE ("Nov. 1973")
// is read from there.
bool ParseUnBirthDate(const XmlNode& node, PartialDate* out) {
  *out = PartialDate();
  const std::string type = node.ChildText("TYPE_OF_DATE");
  const std::string note = node.ChildText("NOTE");
  const std::string date = node.ChildText("DATE");
  const std::string year = node.ChildText("YEAR");
  const std::string from = node.ChildText("FROM_YEAR");
  const std::string to = node.ChildText("TO_YEAR");
  PartialDate d;
  bool ok = false;
  if (!date.empty()) {
    ok = ParsePartialDate(date, &d);
  } else if (!from.empty() || !to.empty()) {
    PartialDate a, b;
    const bool has_a = !from.empty() && ParsePartialDate(from, &a);
    const bool has_b = !to.empty() && ParsePartialDate(to, &b);
    if (has_a && has_b) {
      d.year = std::min(a.year, b.year);
      d.year_to = std::max(a.year, b.year);
      if (d.year_to == d.year) d.year_to = 0;
      ok = true;
    } else if (has_a || has_b) {
      d.year = has_a ? a.year : b.year;
      ok = true;
    }
  } else if (!year.empty()) {
    ok = ParsePartialDate(year, &d);
  } else if (!note.empty()) {
    std::string cleaned;
    for (char c : note) {
      if (c != '.') cleaned.push_back(c);
    }
    ok = ParsePartialDate(cleaned, &d);
  }
  if (!ok) return false;
  if (type == "APPROXIMATELY" || Lower(note).find("approximately") != std::string::npos) d.approximate = true;
  *out = d;
  return true;
}

void AddBirthDate(Entity* e, const PartialDate& d) {
  for (const PartialDate& x : e->birth_dates) {
    if (x.ToString() == d.ToString() && x.approximate == d.approximate) return;
  }
  e->birth_dates.push_back(d);
}

void AddName(Entity* e, Name name) {
  if (name.full.empty()) return;
  for (const Name& n : e->names) {
    if (n.full == name.full) return;
  }
  e->names.push_back(std::move(name));
}

DocumentType DocumentTypeOf(std::string_view type_text) {
  const std::string t = Lower(type_text);
  if (t.find("passport") != std::string::npos || t.find("pasaporte") != std::string::npos ||
      t.find("passeport") != std::string::npos) {
    return DocumentType::kPassport;
  }
  if (t.find("national identification") != std::string::npos) return DocumentType::kNationalId;
  return DocumentType::kOther;
}

// "ELEMENT: value" lines for the record's meaningful elements; compound
// elements as "ELEMENT: CHILD=value; CHILD=value".
std::string RenderRaw(const XmlNode& record) {
  static const char* const kSkip[] = {"DATAID",    "VERSIONNUM",      "SORT_KEY", "SORT_KEY_LAST_MOD",
                                      "LIST_TYPE", "LAST_DAY_UPDATED"};
  std::string raw;
  for (const XmlNode& c : record.children) {
    if (std::find_if(std::begin(kSkip), std::end(kSkip), [&](const char* s) { return c.name == s; }) !=
        std::end(kSkip)) {
      continue;
    }
    if (c.children.empty()) {
      std::string v = CollapseWhitespace(c.text);
      if (!v.empty()) Append(&raw, "\n", c.name + ": " + v);
      continue;
    }
    const bool values_only =
        std::all_of(c.children.begin(), c.children.end(), [](const XmlNode& g) { return g.name == "VALUE"; });
    if (values_only) {
      for (const XmlNode& g : c.children) {
        std::string v = CollapseWhitespace(g.text);
        if (!v.empty()) Append(&raw, "\n", c.name + ": " + v);
      }
      continue;
    }
    std::string parts;
    for (const XmlNode& g : c.children) {
      std::string v = CollapseWhitespace(g.text);
      if (!v.empty()) Append(&parts, "; ", g.name + "=" + v);
    }
    if (!parts.empty()) Append(&raw, "\n", c.name + ": " + parts);
  }
  return raw;
}

class UnRecordMapper {
 public:
  UnRecordMapper(const std::string& file, const std::string& source_id, LoadedSource* out)
      : file_(file), source_id_(source_id), out_(out) {}

  void Map(const XmlNode& rec) {
    const bool person = rec.name == "INDIVIDUAL";
    Entity e;
    e.source = source_id_;
    e.schema = person ? Schema::kPerson : Schema::kOrganization;
    e.source_id = rec.ChildText("REFERENCE_NUMBER");
    if (e.source_id.empty()) {
      Skip(rec, "REFERENCE_NUMBER", "record has no REFERENCE_NUMBER");
      return;
    }
    auto [it, inserted] = seen_.emplace(e.source_id, rec.line);
    if (!inserted) {
      Skip(rec, "REFERENCE_NUMBER",
           "duplicate REFERENCE_NUMBER " + e.source_id + " (first at line " + std::to_string(it->second) + ")");
      return;
    }
    Name primary;
    for (const char* part : {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"}) {
      Append(&primary.full, " ", rec.ChildText(part));
    }
    if (primary.full.empty()) {
      Skip(rec, "FIRST_NAME", "record " + e.source_id + " has no name");
      return;
    }
    e.names.push_back(std::move(primary));

    for (const XmlNode& c : rec.children) {
      if (c.name == "NAME_ORIGINAL_SCRIPT") {
        Name n;
        n.full = CollapseWhitespace(c.text);
        n.type = NameType::kAlias;
        n.script = ScriptOf(n.full);
        AddName(&e, std::move(n));
      } else if (c.name == "INDIVIDUAL_ALIAS" || c.name == "ENTITY_ALIAS") {
        MapAlias(c, &e);
      } else if (c.name == "INDIVIDUAL_DATE_OF_BIRTH") {
        PartialDate d;
        if (ParseUnBirthDate(c, &d)) AddBirthDate(&e, d);
      } else if (c.name == "INDIVIDUAL_PLACE_OF_BIRTH") {
        std::string place;
        for (const char* part : {"STREET", "CITY", "STATE_PROVINCE", "COUNTRY"})
          Append(&place, ", ", c.ChildText(part));
        const std::string note = c.ChildText("NOTE");
        if (!place.empty() && !note.empty()) place += note.front() == '(' ? " " + note : " (" + note + ")";
        AppendUnique(&e.birth_places, std::move(place));
      } else if (c.name == "NATIONALITY") {
        for (const XmlNode& v : c.children) AppendUnique(&e.nationalities, Country(CollapseWhitespace(v.text)));
      } else if (c.name == "INDIVIDUAL_DOCUMENT") {
        MapDocument(c, &e);
      } else if (c.name == "INDIVIDUAL_ADDRESS" || c.name == "ENTITY_ADDRESS") {
        MapAddress(c, &e);
      } else if (c.name == "UN_LIST_TYPE") {
        AppendUnique(&e.programs, CollapseWhitespace(c.text));
      } else if (c.name == "LISTED_ON") {
        PartialDate d;
        if (ParsePartialDate(CollapseWhitespace(c.text), &d)) e.listing_date = d.ToString();
      } else if (c.name == "TITLE" || c.name == "DESIGNATION") {
        for (const XmlNode& v : c.children) Append(&e.title, "; ", CollapseWhitespace(v.text));
      } else if (c.name == "GENDER") {
        std::string g = Lower(CollapseWhitespace(c.text));
        if (g == "male" || g == "female") e.gender = g;
      }
    }
    if (e.gender.empty() && person) e.gender = GenderFromComments(rec.ChildText("COMMENTS1"));
    e.references.push_back("un:" + e.source_id);
    e.raw = RenderRaw(rec);
    out_->entities.push_back(std::move(e));
  }

 private:
  void Skip(const XmlNode& rec, const std::string& field, const std::string& reason) {
    out_->skipped.push_back({file_, rec.line, field, reason + "; " + rec.name + " skipped"});
  }

  static void MapAlias(const XmlNode& c, Entity* e) {
    Name n;
    n.full = c.ChildText("ALIAS_NAME");
    if (n.full.empty()) return;
    const std::string quality = Lower(c.ChildText("QUALITY"));
    n.type = quality == "f.k.a." ? NameType::kFormerName : NameType::kAlias;
    if (quality == "low") n.quality = NameQuality::kWeak;
    AddName(e, std::move(n));
    // Some aliases carry the birth date and place used under that name.
    PartialDate d;
    if (ParsePartialDate(c.ChildText("DATE_OF_BIRTH"), &d)) AddBirthDate(e, d);
    std::string place;
    Append(&place, ", ", c.ChildText("CITY_OF_BIRTH"));
    Append(&place, ", ", c.ChildText("COUNTRY_OF_BIRTH"));
    AppendUnique(&e->birth_places, std::move(place));
  }

  static void MapDocument(const XmlNode& c, Entity* e) {
    IdentityDocument doc;
    doc.number = c.ChildText("NUMBER");
    if (doc.number.empty()) return;  // the text stays in raw
    const std::string type = c.ChildText("TYPE_OF_DOCUMENT");
    std::string type2 = c.ChildText("TYPE_OF_DOCUMENT2");
    while (!type2.empty() && (type2.back() == ':' || type2.back() == ' ')) type2.pop_back();
    doc.type = DocumentTypeOf(type.empty() ? type2 : type);
    std::string country = c.ChildText("ISSUING_COUNTRY");
    if (country.empty()) country = c.ChildText("COUNTRY_OF_ISSUE");
    doc.country = Country(country);
    if (doc.type == DocumentType::kOther) Append(&doc.note, "; ", type);
    Append(&doc.note, "; ", type2);
    const std::string issued = c.ChildText("DATE_OF_ISSUE");
    if (!issued.empty()) Append(&doc.note, "; ", "issued " + issued);
    const std::string city = c.ChildText("CITY_OF_ISSUE");
    if (!city.empty()) Append(&doc.note, "; ", "issued in " + city);
    Append(&doc.note, "; ", c.ChildText("NOTE"));
    e->documents.push_back(std::move(doc));
  }

  static void MapAddress(const XmlNode& c, Entity* e) {
    Address a;
    const std::string country = c.ChildText("COUNTRY");
    for (const char* part : {"STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE"}) Append(&a.full, ", ", c.ChildText(part));
    Append(&a.full, ", ", country);
    if (a.full.empty()) return;
    a.city = c.ChildText("CITY");
    a.country = Country(country);
    AppendUnique(&e->countries, a.country);
    e->addresses.push_back(std::move(a));
  }

  const std::string& file_;
  const std::string& source_id_;
  LoadedSource* out_;
  std::unordered_map<std::string, int64_t> seen_;  // REFERENCE_NUMBER -> line
};

}  // namespace

Status ParseUnXml(std::string_view xml, const std::string& file, const std::string& source_id, LoadedSource* out) {
  out->format = "un_xml";
  out->files.push_back(file);
  UnRecordMapper mapper(file, source_id, out);
  XmlDocumentInfo info;
  Status st = ReadXmlRecords(
      xml, file, {"INDIVIDUAL", "ENTITY"}, [&](const XmlNode& rec) { mapper.Map(rec); }, &info);
  if (!st.ok()) return st;
  if (info.root_name != "CONSOLIDATED_LIST") {
    return Status::DataError(
        "not a UN consolidated list: root element is <" + info.root_name + ">, expected <CONSOLIDATED_LIST>",
        {file, 1, info.root_name});
  }
  for (const auto& [name, value] : info.root_attributes) {
    if (name != "dateGenerated") continue;
    PartialDate d;
    if (value.size() >= 10 && ParsePartialDate(std::string_view(value).substr(0, 10), &d) && d.day > 0) {
      out->as_of = d.ToString();
    }
  }
  return Status::Ok();
}

Status LoadUnXml(const std::string& dir, const std::string& source_id, LoadedSource* out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound("list folder does not exist", {dir});
  std::vector<std::string> xml_files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (entry.is_regular_file(ec) && Lower(fs::path(name).extension().string()) == ".xml") {
      xml_files.push_back(name);
    }
  }
  if (ec) return Status::IoError("cannot list folder: " + ec.message(), {dir});
  std::sort(xml_files.begin(), xml_files.end());
  std::string chosen;
  if (std::find(xml_files.begin(), xml_files.end(), kPreferredFile) != xml_files.end()) {
    chosen = kPreferredFile;
  } else if (xml_files.size() == 1) {
    chosen = xml_files[0];
  } else if (xml_files.empty()) {
    return Status::NotFound(std::string("no *.xml file (expected ") + kPreferredFile + ")", {dir});
  } else {
    return Status::DataError(
        std::to_string(xml_files.size()) + " *.xml files and none named " + kPreferredFile + "; keep one", {dir});
  }
  const std::string path = dir + "/" + chosen;
  std::string xml;
  Status st = ReadFile(path, &xml);
  if (!st.ok()) return st;
  return ParseUnXml(xml, path, source_id, out);
}

}  // namespace cordon
