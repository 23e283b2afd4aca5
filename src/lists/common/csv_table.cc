#include "lists/common/csv_table.h"

#include "base/file_reader.h"

#include <utility>

#include "base/utf8.h"

namespace cordon {

Status ReadCsvTableFiles(const std::string& dir, const std::vector<CsvTableFileSpec>& specs,
                         std::vector<std::string>* storage) {
  storage->assign(specs.size(), std::string());
  for (size_t i = 0; i < specs.size(); ++i) {
    std::string path = dir + "/" + std::string(specs[i].file);
    if (!specs[i].required && !FileExists(path)) continue;
    Status s = ReadFile(path, &(*storage)[i]);
    if (!s.ok()) return s;
    specs[i].table->path = path;
    specs[i].table->data = (*storage)[i];
  }
  return Status::Ok();
}

namespace {

// CsvReader skips one BOM itself; stripping one here too keeps accepting a
// doubled BOM, as the derived-table loaders always have.
std::string_view StripBom(std::string_view data) {
  if (data.substr(0, 3) == "\xEF\xBB\xBF") data.remove_prefix(3);
  return data;
}

}  // namespace

CsvTable::CsvTable(std::string_view data, std::string path)
    : path_(std::move(path)), reader_(StripBom(data), path_) {}

Status CsvTable::Open(const std::vector<std::string_view>& required) {
  if (!reader_.Next(&header_)) {
    if (!reader_.status().ok()) return reader_.status();
    return Status::DataError("empty file: no header row", {path_, 1, ""});
  }
  for (std::string& h : header_) h = std::string(TrimAscii(h));
  for (std::string_view name : required) {
    if (Column(name) < 0) {
      return Status::DataError("header lacks required column", {path_, 1, std::string(name)});
    }
  }
  return Status::Ok();
}

bool CsvTable::Next(std::vector<LoadIssue>* skipped) {
  while (reader_.Next(&row_)) {
    if (row_.size() != header_.size()) {
      skipped->push_back({path_, line(), "",
                          "expected " + std::to_string(header_.size()) + " fields, found " +
                              std::to_string(row_.size())});
      continue;
    }
    size_t bad = FindInvalidUtf8(reader_.record_text());
    if (bad != std::string_view::npos) {
      skipped->push_back({path_, line(), "", "invalid UTF-8 at byte " + std::to_string(bad)});
      continue;
    }
    return true;
  }
  return false;
}

std::string_view CsvTable::Get(std::string_view name) const {
  int col = Column(name);
  return col < 0 ? std::string_view() : TrimAscii(row_[col]);
}

int CsvTable::Column(std::string_view name) const {
  for (size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace cordon
