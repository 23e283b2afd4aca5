// Loader for OFSI's Consolidated List of Financial Sanctions Targets in its
// native XLSX form (data/lists/uk/ConList.xlsx), format "uk_ofsi_xlsx".
// See docs/formats/uk_ofsi_xlsx.md.
#ifndef CORDON_LISTS_UK_OFSI_UK_OFSI_LOADER_H_
#define CORDON_LISTS_UK_OFSI_UK_OFSI_LOADER_H_

#include <string>
#include <string_view>

#include "cordon/status.h"
#include "lists/loaded_source.h"
#include "lists/uk_ofsi/xlsx_reader.h"

namespace cordon {

inline constexpr std::string_view kUkOfsiFile = "ConList.xlsx";

// Parses ConList XLSX bytes into *out (appending entities and skips, and
// `file` to out->files; setting format and as_of). One entity per Group ID,
// in order of first appearance; the group's rows are its name variations,
// and the group data repeated on each row is merged without duplicates.
// Row 1 "Last Updated | dd/mm/yyyy" gives as_of; the next row is the header,
// whose columns are found by name (order does not matter).
// Errors: those of ReadXlsxFirstSheet (broken zip/XML, no worksheet);
// DataError for a sheet without a header, a header lacking one of
// "Name 6", "Alias Type", "Group Type", "Group ID" (field = that column),
// or no data rows. A row without Group ID or name, and a value that cannot
// be read (an impossible DOB or Listed On), go to out->skipped with the
// sheet row number and column name.
Status ParseUkOfsiXlsx(std::string_view bytes, const std::string& file,
                       const std::string& source_id, LoadedSource* out,
                       const XlsxReadOptions& options = {});

// Reads dir/ConList.xlsx and calls ParseUkOfsiXlsx. NotFound when missing.
// Implements the loader contract of lists/loaded_source.h.
Status LoadUkOfsi(const std::string& dir, const std::string& source_id, LoadedSource* out);

}  // namespace cordon

#endif  // CORDON_LISTS_UK_OFSI_UK_OFSI_LOADER_H_
