#include "lists/common/csv_reader.h"

#include <utility>

namespace cordon {

CsvReader::CsvReader(std::string_view data, std::string file, CsvOptions options)
    : data_(data), file_(std::move(file)), options_(options) {
  // Skip a UTF-8 byte order mark.
  if (data_.size() >= 3 && data_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

bool CsvReader::Next(std::vector<std::string>* fields) {
  fields->clear();
  if (!status_.ok()) return false;
  const size_t n = data_.size();
  // Skip blank lines.
  while (pos_ < n && (data_[pos_] == '\n' || data_[pos_] == '\r')) {
    if (data_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= n) return false;
  if (options_.stop_at_ctrl_z && data_[pos_] == '\x1A') {
    pos_ = n;
    return false;
  }
  record_line_ = line_;
  const size_t start = pos_;
  std::string field;
  bool in_quotes = false;
  bool field_was_quoted = false;
  for (;;) {
    if (pos_ >= n) {
      if (in_quotes) {
        status_ = Status::DataError("unterminated quoted field (file truncated?)",
                                    {file_, record_line_, "field " + std::to_string(fields->size() + 1)});
        return false;
      }
      fields->push_back(std::move(field));
      break;
    }
    char c = data_[pos_];
    if (in_quotes) {
      if (c == options_.quote) {
        if (pos_ + 1 < n && data_[pos_ + 1] == options_.quote) {
          field.push_back(c);
          pos_ += 2;
          continue;
        }
        in_quotes = false;
        ++pos_;
        continue;
      }
      if (c == '\n') ++line_;
      field.push_back(c);
      ++pos_;
    } else if (c == options_.delimiter) {
      fields->push_back(std::move(field));
      field.clear();
      field_was_quoted = false;
      ++pos_;
    } else if (c == '\n' || c == '\r') {
      fields->push_back(std::move(field));
      if (c == '\r' && pos_ + 1 < n && data_[pos_ + 1] == '\n') ++pos_;
      ++pos_;
      ++line_;
      break;
    } else if (c == options_.quote && field.empty() && !field_was_quoted) {
      in_quotes = true;
      field_was_quoted = true;
      ++pos_;
    } else {
      field.push_back(c);
      ++pos_;
    }
    if (field.size() > options_.max_field_bytes) {
      status_ = Status::DataError("field longer than " + std::to_string(options_.max_field_bytes) +
                                      " bytes (unbalanced quote?)",
                                  {file_, record_line_, "field " + std::to_string(fields->size() + 1)});
      return false;
    }
  }
  size_t end = pos_;
  while (end > start && (data_[end - 1] == '\n' || data_[end - 1] == '\r')) --end;
  record_text_ = data_.substr(start, end - start);
  return true;
}

}  // namespace cordon
