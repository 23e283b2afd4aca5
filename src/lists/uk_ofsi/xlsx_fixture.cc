#include "lists/uk_ofsi/xlsx_fixture.h"

#include <zip.h>

#include <cstdlib>

namespace cordon {

std::string MakeZip(const ZipMembers& members) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (zip == nullptr) std::abort();
  for (const auto& [name, data] : members) {
    // libzip copies nothing until zip_close: keep the data alive via `members`.
    zip_source_t* s = zip_source_buffer(zip, data.data(), data.size(), 0);
    if (s == nullptr || zip_file_add(zip, name.c_str(), s, ZIP_FL_ENC_UTF_8) < 0) std::abort();
  }
  if (zip_close(zip) != 0) std::abort();
  std::string out;
  if (zip_source_open(buffer) == 0) {
    char buf[4096];
    zip_int64_t n;
    while ((n = zip_source_read(buffer, buf, sizeof(buf))) > 0) out.append(buf, static_cast<size_t>(n));
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

std::string XmlEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {
std::string ColumnName(size_t i) {
  std::string s;
  for (size_t n = i + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  return s;
}
}  // namespace

std::string MakeSheetXml(const std::vector<std::vector<std::string>>& rows) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
  for (size_t r = 0; r < rows.size(); ++r) {
    std::string n = std::to_string(r + 1);
    xml += "<row r=\"" + n + "\">";
    for (size_t c = 0; c < rows[r].size(); ++c) {
      if (rows[r][c].empty()) continue;
      xml += "<c r=\"" + ColumnName(c) + n + "\" t=\"inlineStr\"><is><t>" + XmlEscape(rows[r][c]) +
             "</t></is></c>";
    }
    xml += "</row>";
  }
  xml += "</sheetData></worksheet>";
  return xml;
}

ZipMembers MakeWorkbook(const std::string& sheet_xml) {
  return {
      {"[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"},
      {"xl/workbook.xml",
       "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
       "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets>"
       "<sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<?xml version=\"1.0\"?><Relationships "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
       "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
      {"xl/worksheets/sheet1.xml", sheet_xml},
  };
}

}  // namespace cordon
