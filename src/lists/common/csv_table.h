// A CSV table whose columns are addressed by header name.
#ifndef CORDON_LISTS_COMMON_CSV_TABLE_H_
#define CORDON_LISTS_COMMON_CSV_TABLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cordon/engine.h"
#include "cordon/status.h"
#include "lists/common/csv_reader.h"

namespace cordon {

// Reads a comma-separated table with a header row: Open() reads the header,
// Next() steps through the data rows, Get() looks a value up by column name.
// Used by the loaders of third-party derived tables (eu_derived,
// uk_fcdo_derived), whose columns are known by name, not position.
//
// Ownership: the table does not copy `data`; the caller keeps it alive and
// unchanged for the table's lifetime. Values returned by Get() and text()
// point into the table and are valid until the next call to Next().
// Not thread-safe.
//
// A leading UTF-8 byte order mark is skipped (a doubled one as well, as
// written by tools that prepend a BOM to a file that already has one).
// Header names and values are trimmed of ASCII white space.
// One input table of a multi-file source held in memory. An empty `path`
// means the file is absent (optional tables).
struct CsvTableFile {
  std::string path;       // reported in errors, skips and LoadedSource::files
  std::string_view data;  // the file's bytes; must outlive the parse
  bool present() const { return !path.empty(); }
};

// A file of a multi-file source: its name in the folder, the table to fill,
// and whether the source is unusable without it.
struct CsvTableFileSpec {
  std::string_view file;
  CsvTableFile* table;
  bool required;
};

// Reads dir/<file> for every spec into (*storage)[i] and points the table at
// it. Optional files that do not exist stay absent. REQUIRES: *storage is not
// resized while the tables are in use. Errors: those of ReadFile (a missing
// required file is NotFound, naming it).
Status ReadCsvTableFiles(const std::string& dir, const std::vector<CsvTableFileSpec>& specs,
                         std::vector<std::string>* storage);

class CsvTable {
 public:
  // `path` names the table in errors and in skipped-row reports.
  CsvTable(std::string_view data, std::string path);

  // Reads the header row. Returns:
  // - DataError "empty file: no header row" (line 1) when there is no row;
  // - DataError "header lacks required column" (line 1, field = the first
  //   missing name) when a name in `required` is not in the header;
  // - the reader's DataError (file, line, field) on a CSV syntax error.
  // REQUIRES: called once, before Next().
  Status Open(const std::vector<std::string_view>& required);

  // Advances to the next well-formed data row and returns true. Rows with a
  // field count other than the header's, or with invalid UTF-8, are not
  // returned: each is appended to *skipped (file, line, empty field, reason)
  // and reading goes on. Returns false at the end of the data or on a CSV
  // syntax error; status() then tells which.
  // REQUIRES: Open() returned OK.
  bool Next(std::vector<LoadIssue>* skipped);

  // The trimmed value of column `name` in the current row; "" when the
  // header has no such column (the first column wins if a name repeats).
  // REQUIRES: the last Next() returned true.
  std::string_view Get(std::string_view name) const;

  // OK, or the CSV syntax error that ended Next().
  const Status& status() const { return reader_.status(); }
  const std::string& path() const { return path_; }
  // 1-based line on which the current row begins.
  int64_t line() const { return reader_.record_line(); }
  // The current row's exact bytes, without the line end.
  std::string_view text() const { return reader_.record_text(); }

 private:
  // Index of column `name`, or -1.
  int Column(std::string_view name) const;

  std::string path_;
  CsvReader reader_;
  std::vector<std::string> header_;
  std::vector<std::string> row_;
};

}  // namespace cordon

#endif  // CORDON_LISTS_COMMON_CSV_TABLE_H_
