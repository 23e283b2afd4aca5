// Loader for user-maintained lists (format "custom_csv"): internal
// blocklists, PEP lists, any party a user wants screened, as simple CSV
// files dropped into a folder under --lists. The format is documented for
// users in docs/formats/custom_csv.md.
#ifndef CORDON_LISTS_CUSTOM_CUSTOM_CSV_LOADER_H_
#define CORDON_LISTS_CUSTOM_CUSTOM_CSV_LOADER_H_

#include <string>
#include <string_view>

#include "cordon/status.h"
#include "lists/loaded_source.h"

namespace cordon {

// Loads every *.csv file in `dir`, in name order, per the loader contract
// (lists/loaded_source.h), format "custom_csv". Each file has a header row
// naming its columns: `id` and `name` are required; `type`, `aliases`,
// `birth_date`, `country`, `id_numbers` are optional; other columns are
// ignored. ids must be unique across the folder's files. The list has no
// date of its own: out->as_of stays empty.
// Errors: NotFound (no such folder, or no *.csv in it), IoError
// (unreadable), DataError (an empty file, a header without `id` or `name`,
// a column named twice, broken quoting), naming file, line and column.
Status LoadCustomCsv(const std::string& dir, const std::string& source_id, LoadedSource* out);

// Parses one custom CSV file held in memory; `file` names it in errors,
// skip records and out->files, and its name without extension becomes each
// entity's program. ids of entities already in *out count as taken. Records
// are skipped into out->skipped (file, line, column, reason) for: a wrong
// field count, empty id or name, a duplicate id, an unknown type, a
// birth_date ParsePartialDate() rejects, an id_numbers entry with an unknown
// "type:" prefix, invalid UTF-8.
Status ParseCustomCsv(std::string_view text, const std::string& file, const std::string& source_id, LoadedSource* out);

}  // namespace cordon

#endif  // CORDON_LISTS_CUSTOM_CUSTOM_CSV_LOADER_H_
