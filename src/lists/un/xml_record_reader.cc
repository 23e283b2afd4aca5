#include "lists/un/xml_record_reader.h"

#include <expat.h>

#include <algorithm>
#include <memory>

namespace cordon {
namespace {

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

struct ParserDeleter {
  void operator()(XML_ParserStruct* p) const { XML_ParserFree(p); }
};

// Parser state shared with the expat callbacks through the user-data
// pointer. The first error wins; after it the parser is stopped.
class RecordBuilder {
 public:
  RecordBuilder(XML_Parser parser, const std::string& file, const std::vector<std::string>& record_names,
                const std::function<void(const XmlNode&)>& on_record, XmlDocumentInfo* info, const XmlLimits& limits)
      : parser_(parser),
        file_(file),
        record_names_(record_names),
        on_record_(on_record),
        info_(info),
        limits_(limits) {}

  static void XMLCALL OnStart(void* self, const XML_Char* name, const XML_Char** attrs) {
    static_cast<RecordBuilder*>(self)->Start(name, attrs);
  }
  static void XMLCALL OnEnd(void* self, const XML_Char* name) { static_cast<RecordBuilder*>(self)->End(); }
  static void XMLCALL OnText(void* self, const XML_Char* s, int len) {
    static_cast<RecordBuilder*>(self)->Text(std::string_view(s, static_cast<size_t>(len)));
  }
  static void XMLCALL OnDoctype(void* self, const XML_Char* name, const XML_Char*, const XML_Char*, int) {
    static_cast<RecordBuilder*>(self)->Fail(
        "DOCTYPE declarations are not accepted (they allow entity-expansion attacks)", name);
  }
  static void XMLCALL OnEntityDecl(void* self, const XML_Char* name, int, const XML_Char*, int, const XML_Char*,
                                   const XML_Char*, const XML_Char*, const XML_Char*) {
    static_cast<RecordBuilder*>(self)->Fail("entity declarations are not accepted", name);
  }

  // Records an error at the current position and stops the parser.
  void Fail(const std::string& message, std::string_view field) {
    if (!error_.ok()) return;
    std::string where(field);
    if (where.empty() && !open_.empty()) where = open_.back();
    error_ = Status::DataError(message, {file_, static_cast<int64_t>(XML_GetCurrentLineNumber(parser_)), where});
    XML_StopParser(parser_, XML_FALSE);
  }

  const Status& error() const { return error_; }
  const std::vector<std::string>& open() const { return open_; }

 private:
  void Start(const XML_Char* name, const XML_Char** attrs) {
    if (!error_.ok()) return;
    open_.emplace_back(name);
    if (static_cast<int>(open_.size()) > limits_.max_depth) {
      Fail("elements nested deeper than " + std::to_string(limits_.max_depth) + " levels", name);
      return;
    }
    const int64_t line = static_cast<int64_t>(XML_GetCurrentLineNumber(parser_));
    if (open_.size() == 1 && info_ != nullptr) {
      info_->root_name = name;
      for (const XML_Char** a = attrs; a != nullptr && *a != nullptr; a += 2) {
        info_->root_attributes.emplace_back(a[0], a[1] != nullptr ? a[1] : "");
      }
    }
    if (!path_.empty()) {
      if (++record_elements_ > limits_.max_record_elements) {
        Fail("record has more than " + std::to_string(limits_.max_record_elements) + " elements", name);
        return;
      }
      XmlNode& parent = *path_.back();
      parent.children.emplace_back();
      XmlNode* child = &parent.children.back();
      child->name = name;
      child->line = line;
      path_.push_back(child);
      return;
    }
    if (std::find(record_names_.begin(), record_names_.end(), open_.back()) != record_names_.end()) {
      record_ = XmlNode();
      record_.name = name;
      record_.line = line;
      record_elements_ = 1;
      path_.push_back(&record_);
    }
  }

  void End() {
    if (!error_.ok()) return;
    if (!open_.empty()) open_.pop_back();
    if (path_.empty()) return;
    path_.pop_back();
    if (path_.empty()) {
      if (info_ != nullptr) ++info_->records;
      on_record_(record_);
      record_ = XmlNode();
    }
  }

  void Text(std::string_view s) {
    if (!error_.ok() || path_.empty()) return;
    std::string& text = path_.back()->text;
    // Whitespace between child elements is layout, not data; skip it while
    // the element holds no text yet so records stay small.
    if (text.empty() && std::all_of(s.begin(), s.end(), IsXmlSpace)) return;
    if (text.size() + s.size() > limits_.max_text_bytes) {
      Fail("text longer than " + std::to_string(limits_.max_text_bytes) + " bytes", {});
      return;
    }
    text.append(s);
  }

  XML_Parser parser_;
  const std::string& file_;
  const std::vector<std::string>& record_names_;
  const std::function<void(const XmlNode&)>& on_record_;
  XmlDocumentInfo* info_;
  const XmlLimits& limits_;

  std::vector<std::string> open_;  // names of the open elements, root first
  XmlNode record_;                 // the record being built
  std::vector<XmlNode*> path_;     // open elements inside record_, outermost first
  size_t record_elements_ = 0;
  Status error_;
};

}  // namespace

const XmlNode* XmlNode::Child(std::string_view child_name) const {
  for (const XmlNode& c : children) {
    if (c.name == child_name) return &c;
  }
  return nullptr;
}

std::string XmlNode::ChildText(std::string_view child_name) const {
  const XmlNode* c = Child(child_name);
  return c == nullptr ? std::string() : CollapseWhitespace(c->text);
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (IsXmlSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

Status ReadXmlRecords(std::string_view xml, const std::string& file, const std::vector<std::string>& record_names,
                      const std::function<void(const XmlNode& record)>& on_record, XmlDocumentInfo* info,
                      const XmlLimits& limits) {
  if (info != nullptr) *info = XmlDocumentInfo();
  std::unique_ptr<XML_ParserStruct, ParserDeleter> parser(XML_ParserCreate(nullptr));
  if (!parser) return Status::Internal("cannot create XML parser");
  RecordBuilder builder(parser.get(), file, record_names, on_record, info, limits);
  XML_SetUserData(parser.get(), &builder);
  XML_SetElementHandler(parser.get(), &RecordBuilder::OnStart, &RecordBuilder::OnEnd);
  XML_SetCharacterDataHandler(parser.get(), &RecordBuilder::OnText);
  XML_SetStartDoctypeDeclHandler(parser.get(), &RecordBuilder::OnDoctype);
  XML_SetEntityDeclHandler(parser.get(), &RecordBuilder::OnEntityDecl);
  XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);

  // expat takes int lengths: feed the buffer in chunks.
  constexpr size_t kChunk = size_t{1} << 20;
  size_t pos = 0;
  do {
    const size_t n = std::min(kChunk, xml.size() - pos);
    const bool last = pos + n == xml.size();
    if (XML_Parse(parser.get(), xml.data() + pos, static_cast<int>(n), last ? XML_TRUE : XML_FALSE) != XML_STATUS_OK) {
      if (!builder.error().ok()) return builder.error();
      const std::string field = builder.open().empty() ? std::string() : builder.open().back();
      return Status::DataError(std::string("malformed XML: ") + XML_ErrorString(XML_GetErrorCode(parser.get())),
                               {file, static_cast<int64_t>(XML_GetCurrentLineNumber(parser.get())), field});
    }
    pos += n;
  } while (pos < xml.size());
  if (!builder.error().ok()) return builder.error();
  return Status::Ok();
}

}  // namespace cordon
