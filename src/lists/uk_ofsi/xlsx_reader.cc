#include "lists/uk_ofsi/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <charconv>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <utility>

namespace cordon {
namespace {

constexpr char kWorkbook[] = "xl/workbook.xml";
constexpr char kWorkbookRels[] = "xl/_rels/workbook.xml.rels";
constexpr char kDefaultSheet[] = "xl/worksheets/sheet1.xml";
constexpr char kDefaultSharedStrings[] = "xl/sharedStrings.xml";

struct ZipDiscarder {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};
struct XmlParserFreer {
  void operator()(XML_ParserStruct* p) const { XML_ParserFree(p); }
};

// "x:row" -> "row": SpreadsheetML may be written with a namespace prefix.
std::string_view LocalName(const XML_Char* name) {
  std::string_view n(name);
  size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const XML_Char* Attr(const XML_Char** attrs, std::string_view name) {
  for (size_t i = 0; attrs[i] != nullptr; i += 2) {
    if (name == attrs[i]) return attrs[i + 1];
  }
  return nullptr;
}

// Receives the SAX events of one XML member.
class SaxHandler {
 public:
  virtual ~SaxHandler() = default;
  virtual void Start(std::string_view name, const XML_Char** attrs) {}
  virtual void End(std::string_view name) {}
  virtual void Text(std::string_view text) {}

  // Stops parsing; ParseMember() returns `status`.
  void Fail(Status status) {
    if (!error_.ok()) return;
    error_ = std::move(status);
    XML_StopParser(parser_, XML_FALSE);
  }
  const Status& error() const { return error_; }
  void set_parser(XML_Parser parser) { parser_ = parser; }
  int64_t line() const { return static_cast<int64_t>(XML_GetCurrentLineNumber(parser_)); }

 private:
  XML_Parser parser_ = nullptr;
  Status error_;
};

// Location of XML-level errors: the XLSX file, the XML line, the member.
struct MemberContext {
  SaxHandler* handler;
  const std::string* file;
  const std::string* member;
};

void XMLCALL OnStart(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto* ctx = static_cast<MemberContext*>(data);
  if (ctx->handler->error().ok()) ctx->handler->Start(LocalName(name), attrs);
}
void XMLCALL OnEnd(void* data, const XML_Char* name) {
  auto* ctx = static_cast<MemberContext*>(data);
  if (ctx->handler->error().ok()) ctx->handler->End(LocalName(name));
}
void XMLCALL OnText(void* data, const XML_Char* text, int len) {
  auto* ctx = static_cast<MemberContext*>(data);
  if (ctx->handler->error().ok()) ctx->handler->Text(std::string_view(text, static_cast<size_t>(len)));
}
// DOCTYPE (and with it every entity declaration) is refused outright: XLSX
// never needs one, and entity expansion is the classic XML bomb.
void XMLCALL OnDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto* ctx = static_cast<MemberContext*>(data);
  ctx->handler->Fail(Status::DataError("DOCTYPE declaration refused (entity expansion risk)",
                                       {*ctx->file, ctx->handler->line(), *ctx->member}));
}
void XMLCALL OnEntityDecl(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                          const XML_Char*, const XML_Char*, const XML_Char*) {
  auto* ctx = static_cast<MemberContext*>(data);
  ctx->handler->Fail(Status::DataError("entity declaration refused",
                                       {*ctx->file, ctx->handler->line(), *ctx->member}));
}

bool HasMember(zip_t* zip, const std::string& name) {
  return zip_name_locate(zip, name.c_str(), 0) >= 0;
}

// Streams zip member `member` through expat into `handler`.
Status ParseMember(zip_t* zip, const std::string& file, const std::string& member,
                   uint64_t max_bytes, SaxHandler* handler) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip, member.c_str(), 0, &st) != 0) {
    return Status::DataError(std::string("zip member missing: ") + zip_strerror(zip), {file, 0, member});
  }
  if ((st.valid & ZIP_STAT_SIZE) != 0 && st.size > max_bytes) {
    return Status::DataError("zip member of " + std::to_string(st.size) +
                                 " bytes uncompressed exceeds the limit of " +
                                 std::to_string(max_bytes),
                             {file, 0, member});
  }
  std::unique_ptr<zip_file_t, ZipFileCloser> in(zip_fopen(zip, member.c_str(), 0));
  if (!in) {
    return Status::IoError(std::string("cannot open zip member: ") + zip_strerror(zip), {file, 0, member});
  }
  std::unique_ptr<XML_ParserStruct, XmlParserFreer> parser(XML_ParserCreate(nullptr));
  if (!parser) return Status::Internal("cannot create XML parser");
  MemberContext ctx{handler, &file, &member};
  handler->set_parser(parser.get());
  XML_SetUserData(parser.get(), &ctx);
  XML_SetElementHandler(parser.get(), OnStart, OnEnd);
  XML_SetCharacterDataHandler(parser.get(), OnText);
  XML_SetStartDoctypeDeclHandler(parser.get(), OnDoctype);
  XML_SetEntityDeclHandler(parser.get(), OnEntityDecl);

  char buf[1 << 16];
  uint64_t total = 0;
  for (;;) {
    zip_int64_t n = zip_fread(in.get(), buf, sizeof(buf));
    if (n < 0) {
      return Status::IoError(std::string("damaged zip member: ") + zip_file_strerror(in.get()),
                             {file, 0, member});
    }
    total += static_cast<uint64_t>(n);
    if (total > max_bytes) {
      return Status::DataError("zip member inflates beyond the limit of " +
                                   std::to_string(max_bytes) + " bytes",
                               {file, 0, member});
    }
    bool last = n == 0;
    if (XML_Parse(parser.get(), buf, static_cast<int>(n), last ? XML_TRUE : XML_FALSE) ==
        XML_STATUS_ERROR) {
      if (!handler->error().ok()) return handler->error();
      return Status::DataError(
          std::string("malformed XML: ") + XML_ErrorString(XML_GetErrorCode(parser.get())) +
              " (column " + std::to_string(XML_GetCurrentColumnNumber(parser.get())) + ")",
          {file, static_cast<int64_t>(XML_GetCurrentLineNumber(parser.get())), member});
    }
    if (last) break;
  }
  return handler->error();
}

// xl/workbook.xml: the relationship id of the first <sheet>.
class WorkbookHandler : public SaxHandler {
 public:
  void Start(std::string_view name, const XML_Char** attrs) override {
    if (name != "sheet" || !first_sheet_rid_.empty()) return;
    for (size_t i = 0; attrs[i] != nullptr; i += 2) {
      // r:id, whatever the prefix of the relationships namespace.
      if (LocalName(attrs[i]) == "id" && std::strchr(attrs[i], ':') != nullptr) {
        first_sheet_rid_ = attrs[i + 1];
      }
    }
  }
  const std::string& first_sheet_rid() const { return first_sheet_rid_; }

 private:
  std::string first_sheet_rid_;
};

// xl/_rels/workbook.xml.rels: relationship id -> target member.
class RelsHandler : public SaxHandler {
 public:
  void Start(std::string_view name, const XML_Char** attrs) override {
    if (name != "Relationship") return;
    const XML_Char* id = Attr(attrs, "Id");
    const XML_Char* target = Attr(attrs, "Target");
    const XML_Char* type = Attr(attrs, "Type");
    if (id == nullptr || target == nullptr) return;
    targets_.emplace(id, target);
    std::string_view t = type == nullptr ? "" : type;
    if (t.size() >= 14 && t.substr(t.size() - 14) == "/sharedStrings") shared_strings_ = target;
  }
  std::string Target(const std::string& id) const {
    auto it = targets_.find(id);
    return it == targets_.end() ? "" : it->second;
  }
  const std::string& shared_strings() const { return shared_strings_; }

 private:
  std::unordered_map<std::string, std::string> targets_;
  std::string shared_strings_;
};

// A relationship target relative to xl/ ("worksheets/sheet1.xml") or
// absolute ("/xl/worksheets/sheet1.xml") -> member name.
std::string ResolveTarget(const std::string& target) {
  std::string path = !target.empty() && target[0] == '/' ? target.substr(1) : "xl/" + target;
  std::vector<std::string> parts;
  size_t begin = 0;
  while (begin <= path.size()) {
    size_t end = path.find('/', begin);
    if (end == std::string::npos) end = path.size();
    std::string part = path.substr(begin, end - begin);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    begin = end + 1;
  }
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  return out;
}

// The shared-string table, kept in one buffer (8 bytes of overhead per
// string) since a hostile file may hold millions of tiny strings.
class SharedStrings : public SaxHandler {
 public:
  void Start(std::string_view name, const XML_Char**) override {
    if (name == "si") {
      in_si_ = true;
      starts_.push_back(text_.size());
    } else if (name == "rPh") {
      ++in_phonetic_;  // phonetic guides are not part of the value
    } else if (name == "t") {
      in_t_ = in_si_ && in_phonetic_ == 0;
    }
  }
  void End(std::string_view name) override {
    if (name == "si") {
      in_si_ = false;
    } else if (name == "rPh") {
      --in_phonetic_;
    } else if (name == "t") {
      in_t_ = false;
    }
  }
  void Text(std::string_view text) override {
    if (in_t_) text_.append(text);
  }

  size_t size() const { return starts_.size(); }
  std::string_view Get(size_t i) const {
    size_t end = i + 1 < starts_.size() ? starts_[i + 1] : text_.size();
    return std::string_view(text_).substr(starts_[i], end - starts_[i]);
  }

 private:
  std::string text_;
  std::vector<size_t> starts_;
  bool in_si_ = false;
  bool in_t_ = false;
  int in_phonetic_ = 0;
};

// The worksheet: builds rows cell by cell and hands each to the callback.
class SheetHandler : public SaxHandler {
 public:
  SheetHandler(const std::string& file, const std::string& member, const SharedStrings& strings,
               const XlsxRowCallback& on_row, size_t max_columns)
      : file_(file), member_(member), strings_(strings), on_row_(on_row), max_columns_(max_columns) {}

  void Start(std::string_view name, const XML_Char** attrs) override {
    if (name == "row") {
      const XML_Char* r = Attr(attrs, "r");
      int64_t n = 0;
      if (r != nullptr) std::from_chars(r, r + std::strlen(r), n);
      row_.number = n > 0 ? n : row_.number + 1;
      row_.cells.clear();
      in_row_ = true;
      column_ = -1;
    } else if (name == "c" && in_row_) {
      StartCell(attrs);
    } else if (in_cell_ && name == "v") {
      in_value_ = true;
    } else if (in_cell_ && name == "is") {
      in_inline_ = true;
    } else if (in_inline_ && name == "rPh") {
      ++in_phonetic_;
    } else if (in_inline_ && name == "t") {
      in_value_ = in_phonetic_ == 0;
    }
  }

  void End(std::string_view name) override {
    if (name == "v" || name == "t") {
      in_value_ = false;
    } else if (name == "rPh" && in_phonetic_ > 0) {
      --in_phonetic_;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "c" && in_cell_) {
      in_cell_ = false;
      EndCell();
    } else if (name == "row" && in_row_) {
      in_row_ = false;
      Status s = on_row_(row_);
      if (!s.ok()) Fail(std::move(s));
    }
  }

  void Text(std::string_view text) override {
    if (in_value_) value_.append(text);
  }

 private:
  void StartCell(const XML_Char** attrs) {
    in_cell_ = true;
    value_.clear();
    const XML_Char* t = Attr(attrs, "t");
    type_ = t == nullptr ? "" : t;
    const XML_Char* r = Attr(attrs, "r");
    ref_ = r == nullptr ? "" : r;
    if (r == nullptr) {
      ++column_;  // cells without a reference follow the previous one
    } else {
      int64_t col = 0;
      size_t i = 0;
      while (i < ref_.size() && ref_[i] >= 'A' && ref_[i] <= 'Z' && i < 4) {
        col = col * 26 + (ref_[i] - 'A' + 1);
        ++i;
      }
      size_t digits = i;
      while (digits < ref_.size() && ref_[digits] >= '0' && ref_[digits] <= '9') ++digits;
      if (i == 0 || digits != ref_.size() || digits == i) {
        Fail(Status::DataError("bad cell reference '" + ref_ + "'", {file_, row_.number, member_}));
        return;
      }
      column_ = col - 1;
    }
    if (column_ < 0 || static_cast<size_t>(column_) >= max_columns_) {
      Fail(Status::DataError("cell beyond column limit of " + std::to_string(max_columns_),
                             {file_, row_.number, member_}));
    }
  }

  void EndCell() {
    std::string text;
    if (type_ == "s") {
      size_t index = 0;
      bool ok = !value_.empty() && value_.size() < 12;
      for (char c : value_) {
        ok = ok && c >= '0' && c <= '9';
        if (ok) index = index * 10 + static_cast<size_t>(c - '0');
      }
      if (!ok || index >= strings_.size()) {
        Fail(Status::DataError("shared string index '" + value_ + "' out of range (" +
                                   std::to_string(strings_.size()) + " strings)",
                               {file_, row_.number, ref_.empty() ? member_ : ref_}));
        return;
      }
      text = strings_.Get(index);
    } else if (type_ == "b") {
      text = value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
    } else {
      text = std::move(value_);  // inlineStr, str, n, e, d: the text as written
    }
    value_.clear();
    if (text.empty()) return;
    size_t col = static_cast<size_t>(column_);
    if (row_.cells.size() <= col) row_.cells.resize(col + 1);
    row_.cells[col] = std::move(text);
  }

  const std::string& file_;
  const std::string& member_;
  const SharedStrings& strings_;
  const XlsxRowCallback& on_row_;
  size_t max_columns_;

  XlsxRow row_;
  bool in_row_ = false;
  bool in_cell_ = false;
  bool in_value_ = false;
  bool in_inline_ = false;
  int in_phonetic_ = 0;
  int64_t column_ = -1;
  std::string type_;
  std::string ref_;
  std::string value_;
};

}  // namespace

Status ReadXlsxFirstSheet(std::string_view bytes, const std::string& file,
                          const XlsxRowCallback& on_row, const XlsxReadOptions& options) {
  // libzip opens zero bytes as an empty archive; for a list file that is a
  // truncation, not a spreadsheet without sheets.
  if (bytes.empty()) return Status::IoError("empty file, not an XLSX archive", {file});
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string msg = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status::Internal("cannot wrap buffer as zip source: " + msg);
  }
  std::unique_ptr<zip_t, ZipDiscarder> zip(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (!zip) {
    std::string msg = zip_error_strerror(&error);
    zip_error_fini(&error);
    zip_source_free(source);
    return Status::IoError("not a readable XLSX/zip archive (" + msg +
                               "); the file may be truncated or not an XLSX",
                           {file});
  }
  zip_error_fini(&error);

  // Which member is the first worksheet, and where are the shared strings?
  std::string sheet;
  std::string shared = kDefaultSharedStrings;
  if (HasMember(zip.get(), kWorkbook)) {
    WorkbookHandler workbook;
    Status s = ParseMember(zip.get(), file, kWorkbook, options.max_member_bytes, &workbook);
    if (!s.ok()) return s;
    if (HasMember(zip.get(), kWorkbookRels)) {
      RelsHandler rels;
      s = ParseMember(zip.get(), file, kWorkbookRels, options.max_member_bytes, &rels);
      if (!s.ok()) return s;
      std::string target = rels.Target(workbook.first_sheet_rid());
      if (!target.empty()) sheet = ResolveTarget(target);
      if (!rels.shared_strings().empty()) shared = ResolveTarget(rels.shared_strings());
    }
  }
  if (sheet.empty() || !HasMember(zip.get(), sheet)) sheet = kDefaultSheet;
  if (!HasMember(zip.get(), sheet)) {
    return Status::DataError("no worksheet: xl/workbook.xml names none that exists and " +
                                 std::string(kDefaultSheet) + " is missing",
                             {file, 0, kWorkbook});
  }

  SharedStrings strings;
  if (HasMember(zip.get(), shared)) {
    Status s = ParseMember(zip.get(), file, shared, options.max_member_bytes, &strings);
    if (!s.ok()) return s;
  }
  SheetHandler handler(file, sheet, strings, on_row, options.max_columns);
  return ParseMember(zip.get(), file, sheet, options.max_member_bytes, &handler);
}

}  // namespace cordon
