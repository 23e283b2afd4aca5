// A strict RFC 4180 CSV/TSV reader over an in-memory buffer.
#ifndef CORDON_LISTS_COMMON_CSV_READER_H_
#define CORDON_LISTS_COMMON_CSV_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cordon/status.h"

namespace cordon {

struct CsvOptions {
  char delimiter = ',';
  char quote = '"';
  // Stop at a DOS end-of-file byte (0x1A) standing on its own line, as the
  // OFAC legacy files end.
  bool stop_at_ctrl_z = true;
  // Longest field accepted; a longer one is a DataError (guards against a
  // missing closing quote swallowing the file).
  size_t max_field_bytes = 1 << 20;
};

// Reads records one at a time. Accepts CRLF or LF line ends, quoted fields
// with embedded delimiters, newlines and doubled quotes, and text after a
// closing quote up to the next delimiter (appended, as OFAC's `-0- ` needs).
// Not thread-safe; `data` must outlive the reader.
class CsvReader {
 public:
  CsvReader(std::string_view data, std::string file, CsvOptions options = {});

  // Reads the next record into *fields. Returns false at end of input or on
  // error; then status() says which (OK at a clean end). Blank lines are
  // skipped.
  bool Next(std::vector<std::string>* fields);

  const Status& status() const { return status_; }
  // 1-based line number where the last record returned began.
  int64_t record_line() const { return record_line_; }
  // Bytes of the input consumed so far (the records returned and the line
  // ends after them).
  size_t offset() const { return pos_; }
  // The exact bytes of the last record returned (without the line end).
  std::string_view record_text() const { return record_text_; }
  const std::string& file() const { return file_; }

 private:
  std::string_view data_;
  std::string file_;
  CsvOptions options_;
  size_t pos_ = 0;
  int64_t line_ = 1;
  int64_t record_line_ = 0;
  std::string_view record_text_;
  Status status_;
};

}  // namespace cordon

#endif  // CORDON_LISTS_COMMON_CSV_READER_H_
