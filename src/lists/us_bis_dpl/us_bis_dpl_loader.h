// Loader for the BIS Denied Persons List (format "us_bis_dpl"): dpl.txt,
// tab-separated, every field quoted, header row. See
// docs/formats/us_bis_dpl.md for the field mapping and quirks.
#ifndef CORDON_LISTS_US_BIS_DPL_US_BIS_DPL_LOADER_H_
#define CORDON_LISTS_US_BIS_DPL_US_BIS_DPL_LOADER_H_

#include <string>
#include <string_view>

#include "cordon/status.h"
#include "lists/loaded_source.h"

namespace cordon {

// Loads `dir`/dpl.txt per the loader contract (lists/loaded_source.h), format
// "us_bis_dpl": one entity per row. The file has no id column, so
// source_id is DplRecordId() of the row; as_of is the newest Last_Update
// that is a real date no later than 2030.
// Errors: NotFound (no dpl.txt), IoError (unreadable), DataError (empty
// file, a required column missing from the header, broken quoting), naming
// file, line and column.
Status LoadUsBisDpl(const std::string& dir, const std::string& source_id, LoadedSource* out);

// Parses the text of one dpl.txt held in memory; `file` names it in errors,
// skip records and out->files. Rows with a wrong field count or no name are
// skipped into out->skipped. Text that is not valid UTF-8
// as a whole is read as Windows-1252 (the file is published as ASCII).
Status ParseUsBisDpl(std::string_view text, const std::string& file, const std::string& source_id, LoadedSource* out);

// The stable id of a DPL row: 16 lower-case hex digits of the 64-bit FNV-1a
// hash of Name, Street_Address, City, State, Country, Postal_Code,
// Effective_Date and FR_Citation (each trimmed, joined with U+001F). The
// fields that change on routine updates (Last_Update, Action,
// Expiration_Date, Standard_Order) are left out. Identical rows get "-2",
// "-3", ... appended in file order by the loader.
std::string DplRecordId(std::string_view name, std::string_view street, std::string_view city, std::string_view state,
                        std::string_view country, std::string_view postal_code, std::string_view effective_date,
                        std::string_view fr_citation);

}  // namespace cordon

#endif  // CORDON_LISTS_US_BIS_DPL_US_BIS_DPL_LOADER_H_
