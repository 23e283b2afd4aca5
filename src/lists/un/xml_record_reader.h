// Streaming an XML document as a sequence of small per-record element trees.
//
// Lists like the UN consolidated list are a flat sequence of records
// (<INDIVIDUAL>, <ENTITY>) under a root element. ReadXmlRecords() parses the
// document with expat (SAX, constant memory apart from the current record)
// and hands each record to a callback as an XmlNode tree, which is easy to
// map field by field. Hostile input is rejected cleanly: DOCTYPE and entity
// declarations (entity-expansion "billion laughs" attacks), nesting deeper
// than a limit, and oversized text all fail with a DataError.
#ifndef CORDON_LISTS_UN_XML_RECORD_READER_H_
#define CORDON_LISTS_UN_XML_RECORD_READER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cordon/status.h"

namespace cordon {

// One element of a record: its name, its own character data (children's
// text excluded, untrimmed) and its child elements in document order.
// Attributes inside records are not kept (the lists read here use none).
struct XmlNode {
  std::string name;
  std::string text;
  std::vector<XmlNode> children;
  int64_t line = 0;  // 1-based line of the start tag

  // First child named `child_name`, or nullptr.
  const XmlNode* Child(std::string_view child_name) const;
  // Text of the first child named `child_name` with surrounding whitespace
  // removed and inner whitespace runs collapsed to one space; "" if absent.
  std::string ChildText(std::string_view child_name) const;
};

// Surrounding whitespace removed, inner runs of ASCII whitespace (spaces,
// tabs, line breaks) collapsed to a single space.
std::string CollapseWhitespace(std::string_view text);

struct XmlLimits {
  // Deepest element nesting accepted (the root is depth 1).
  int max_depth = 64;
  // Longest character data accepted inside one element.
  size_t max_text_bytes = size_t{1} << 20;
  // Most elements accepted in one record.
  size_t max_record_elements = 100000;
};

// What ReadXmlRecords() learnt about the document outside the records.
struct XmlDocumentInfo {
  std::string root_name;
  std::vector<std::pair<std::string, std::string>> root_attributes;
  size_t records = 0;
};

// Parses `xml` (the whole document, any encoding expat detects, UTF-8 by
// default) and calls `on_record` once per element whose name is in
// `record_names`, at any depth, after its end tag. Record elements nested in
// another record are part of the outer record. `file` is used in errors only.
//
// Returns OK when the whole document is well-formed. Errors (all DataError,
// naming `file`, the line, and the innermost open element as the field):
// malformed XML (expat's message), a DOCTYPE or entity declaration, nesting
// deeper than limits.max_depth, text longer than limits.max_text_bytes, a
// record with more than limits.max_record_elements elements. On error some
// records may already have been delivered; callers discard them.
// `info` may be nullptr.
Status ReadXmlRecords(std::string_view xml, const std::string& file, const std::vector<std::string>& record_names,
                      const std::function<void(const XmlNode& record)>& on_record, XmlDocumentInfo* info,
                      const XmlLimits& limits = {});

}  // namespace cordon

#endif  // CORDON_LISTS_UN_XML_RECORD_READER_H_
