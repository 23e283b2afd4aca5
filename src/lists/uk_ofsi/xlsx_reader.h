// Streaming reader for the first worksheet of an XLSX (Office Open XML
// spreadsheet) held in memory. Just enough of the format for list files:
// shared strings, inline strings, numbers and booleans as text; no formulas
// are evaluated, no styles or dates are interpreted.
#ifndef CORDON_LISTS_UK_OFSI_XLSX_READER_H_
#define CORDON_LISTS_UK_OFSI_XLSX_READER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cordon/status.h"

namespace cordon {

struct XlsxReadOptions {
  // Largest uncompressed zip member accepted (checked against the zip
  // directory and again while inflating), so a zip bomb cannot exhaust
  // memory or time.
  uint64_t max_member_bytes = uint64_t{256} << 20;  // 256 MiB
  // Widest row accepted: Excel's own limit (column XFD).
  size_t max_columns = 16384;
};

// One worksheet row. cells[i] is column i (A = 0) as text; cells missing
// from the file are empty strings, and trailing empty cells may be absent.
struct XlsxRow {
  int64_t number = 0;  // 1-based row number from the sheet
  std::vector<std::string> cells;
};

// Called for every row in sheet order. A non-OK return stops reading and
// is returned by ReadXlsxFirstSheet.
using XlsxRowCallback = std::function<Status(const XlsxRow& row)>;

// Opens `bytes` as a zip archive, finds the first worksheet (via
// xl/workbook.xml and xl/_rels/workbook.xml.rels, falling back to
// xl/worksheets/sheet1.xml), loads the shared-string table and streams the
// worksheet's rows to `on_row`. `file` names the input in errors.
// Errors (all naming `file`, and the zip member as field where relevant):
//   IoError   - not a zip archive or a damaged one (truncated, bad CRC);
//   DataError - no worksheet, a member over max_member_bytes, malformed XML,
//               a DOCTYPE or entity declaration (refused, against entity
//               expansion attacks), a bad cell reference or shared-string
//               index, a row wider than max_columns;
//   whatever `on_row` returns.
// Thread-compatible; keeps no state between calls.
Status ReadXlsxFirstSheet(std::string_view bytes, const std::string& file,
                          const XlsxRowCallback& on_row, const XlsxReadOptions& options = {});

}  // namespace cordon

#endif  // CORDON_LISTS_UK_OFSI_XLSX_READER_H_
