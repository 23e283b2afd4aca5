#include "lists/eu_derived/eu_composite_fields.h"

#include <algorithm>

#include "base/utf8.h"

namespace cordon {
namespace {

constexpr std::string_view kUnIdPrefix = "(UN ID: ";
constexpr std::string_view kDatePrefix = "(Date of UN designation: ";
constexpr std::string_view kSeparator = "\\n";  // a literal backslash-n

bool ConsumePrefix(std::string_view* s, std::string_view prefix) {
  if (s->substr(0, prefix.size()) != prefix) return false;
  s->remove_prefix(prefix.size());
  return true;
}

// Takes "value)" (up to the first ')' or separator, whichever comes first)
// off the front of *s and the separator after it.
std::string TakePartValue(std::string_view* s) {
  size_t close = s->find(')');
  size_t sep = s->find(kSeparator);
  size_t end = std::min(close, sep);
  std::string value(TrimAscii(s->substr(0, end)));
  if (end == std::string_view::npos) {
    s->remove_prefix(s->size());
    return value;
  }
  s->remove_prefix(end);
  ConsumePrefix(s, ")");
  ConsumePrefix(s, kSeparator);
  return value;
}

}  // namespace

EuEntityRemark ParseEuEntityRemark(std::string_view remark) {
  EuEntityRemark out;
  std::string_view s = TrimAscii(remark);
  if (ConsumePrefix(&s, kUnIdPrefix)) out.un_id = TakePartValue(&s);
  if (ConsumePrefix(&s, kDatePrefix)) {
    out.designation_date = TakePartValue(&s);
    // "6.1.2012." ends in a full stop in a few entries.
    while (!out.designation_date.empty() && out.designation_date.back() == '.') {
      out.designation_date.pop_back();
    }
  }
  s = TrimAscii(s);
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
    s = s.substr(1, s.size() - 2);
  } else if (!s.empty() && s.back() == ')' &&
             std::count(s.begin(), s.end(), ')') > std::count(s.begin(), s.end(), '(')) {
    s.remove_suffix(1);  // closes a date part that ran into the remark
  }
  out.native_remark = std::string(TrimAscii(s));
  return out;
}

std::string EuIdentificationNumber(std::string_view composite, std::string_view type_code) {
  size_t end = std::string_view::npos;
  if (!type_code.empty()) {
    std::string marker = "(" + std::string(type_code) + "-";
    for (size_t p = composite.find(marker); p != std::string_view::npos;
         p = composite.find(marker, p + 1)) {
      if (p == 0 || composite[p - 1] == ' ') {
        end = p;
        break;
      }
    }
  }
  if (end == std::string_view::npos) end = composite.find(" (");
  return std::string(TrimAscii(composite.substr(0, end)));
}

}  // namespace cordon
