// Test support: builds small XLSX files (zip archives) on disk or in memory.
#ifndef CORDON_LISTS_UK_OFSI_XLSX_FIXTURE_H_
#define CORDON_LISTS_UK_OFSI_XLSX_FIXTURE_H_

#include <string>
#include <utility>
#include <vector>

namespace cordon {

// Zip member name -> contents.
using ZipMembers = std::vector<std::pair<std::string, std::string>>;

// The zip archive of `members`, as bytes (deflate-compressed).
std::string MakeZip(const ZipMembers& members);

// A worksheet whose cells are inline strings; empty strings are left out,
// so rows have gaps exactly where the input has "".
std::string MakeSheetXml(const std::vector<std::vector<std::string>>& rows);

// workbook.xml + rels + the given worksheet at xl/worksheets/sheet1.xml.
ZipMembers MakeWorkbook(const std::string& sheet_xml);

// XML-escapes text for element content.
std::string XmlEscape(const std::string& text);

}  // namespace cordon

#endif  // CORDON_LISTS_UK_OFSI_XLSX_FIXTURE_H_
