#include "json_writer.h"

#include <cmath>
#include <cstdio>

#include "base/utf8.h"

namespace cordon {

void JsonWriter::Separator() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_->push_back(',');
    first_.back() = false;
  }
}

void JsonWriter::BeginObject() {
  Separator();
  out_->push_back('{');
  first_.push_back(true);
}
void JsonWriter::EndObject() {
  out_->push_back('}');
  first_.pop_back();
}
void JsonWriter::BeginArray() {
  Separator();
  out_->push_back('[');
  first_.push_back(true);
}
void JsonWriter::EndArray() {
  out_->push_back(']');
  first_.pop_back();
}
void JsonWriter::Key(std::string_view key) {
  Separator();
  Escape(key);
  out_->push_back(':');
  after_key_ = true;
}
void JsonWriter::String(std::string_view value) {
  Separator();
  Escape(value);
}
void JsonWriter::Number(double value) {
  Separator();
  if (!std::isfinite(value)) {
    out_->append("null");
    return;
  }
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.4f", value);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  out_->append(s);
}
void JsonWriter::Int(long long value) {
  Separator();
  out_->append(std::to_string(value));
}
void JsonWriter::Bool(bool value) {
  Separator();
  out_->append(value ? "true" : "false");
}
void JsonWriter::Null() {
  Separator();
  out_->append("null");
}
void JsonWriter::RawValue(std::string_view json) {
  Separator();
  out_->append(json.empty() ? std::string_view("null") : json);
}
void JsonWriter::StringArray(const std::vector<std::string>& values) {
  BeginArray();
  for (const auto& v : values) String(v);
  EndArray();
}

void JsonWriter::Escape(std::string_view s) {
  std::string clean;
  if (!IsValidUtf8(s)) {
    // Replace each invalid byte with U+FFFD.
    std::string_view rest = s;
    while (!rest.empty()) {
      size_t bad = FindInvalidUtf8(rest);
      if (bad == std::string_view::npos) {
        clean.append(rest);
        break;
      }
      clean.append(rest.substr(0, bad));
      clean.append("\xEF\xBF\xBD");
      rest.remove_prefix(bad + 1);
    }
    s = clean;
  }
  out_->push_back('"');
  for (char c : s) {
    switch (c) {
      case '"': out_->append("\\\""); break;
      case '\\': out_->append("\\\\"); break;
      case '\n': out_->append("\\n"); break;
      case '\r': out_->append("\\r"); break;
      case '\t': out_->append("\\t"); break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", static_cast<unsigned char>(c));
          out_->append(buf);
        } else {
          out_->push_back(c);
        }
    }
  }
  out_->push_back('"');
}

}  // namespace cordon
