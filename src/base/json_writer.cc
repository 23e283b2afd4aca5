#include "base/json_writer.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "base/utf8.h"

namespace cordon {

void JsonWriter::Separator() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (depth_ > 0) {
    uint64_t bit = uint64_t{1} << ((depth_ - 1) & 63);
    if ((first_bits_ & bit) == 0) out_->push_back(',');
    first_bits_ &= ~bit;
  }
}

void JsonWriter::Open(char c) {
  Separator();
  out_->push_back(c);
  ++depth_;
  first_bits_ |= uint64_t{1} << ((depth_ - 1) & 63);
}

void JsonWriter::Close(char c) {
  out_->push_back(c);
  --depth_;
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
  char buf[48];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), value, std::chars_format::fixed, 4);
  int n = ec == std::errc() ? static_cast<int>(end - buf) : std::snprintf(buf, sizeof(buf), "%.4f", value);
  while (n > 0 && buf[n - 1] == '0') --n;
  if (n > 0 && buf[n - 1] == '.') --n;
  if (n == 2 && buf[0] == '-' && buf[1] == '0') {
    buf[0] = '0';
    n = 1;
  }
  out_->append(buf, static_cast<size_t>(n));
}

void JsonWriter::Int(int64_t value) {
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

void JsonWriter::RawMembers(std::string_view members) {
  if (members.empty()) return;
  Separator();
  out_->append(members);
}

void JsonWriter::StringArray(const std::vector<std::string>& values) {
  BeginArray();
  for (const auto& v : values) String(v);
  EndArray();
}

void JsonWriter::Escape(std::string_view s) {
  // One pass for the common case (valid text); a string with a byte >= 0x80
  // is validated as UTF-8 once, and repaired only when invalid.
  std::string clean;
  for (char ch : s) {
    if (static_cast<unsigned char>(ch) >= 0x80) {
      if (!IsValidUtf8(s)) {
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
      break;
    }
  }
  out_->push_back('"');
  size_t run = 0;  // start of the pending run of bytes that need no escape
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out_->append("\\\"");
        break;
      case '\\':
        out_->append("\\\\");
        break;
      case '\n':
        out_->append("\\n");
        break;
      case '\r':
        out_->append("\\r");
        break;
      case '\t':
        out_->append("\\t");
        break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof(buf), "\\u%04x", c);
        out_->append(buf);
      }
    }
  }
  out_->append(s.data() + run, s.size() - run);
  out_->push_back('"');
}

}  // namespace cordon
