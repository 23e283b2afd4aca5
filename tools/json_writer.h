// A small streaming JSON writer for the CLI's output (no DOM, no parsing).
#ifndef CORDON_TOOLS_JSON_WRITER_H_
#define CORDON_TOOLS_JSON_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

namespace cordon {

// Appends compact JSON to a string. The caller balances Begin/End calls;
// inside objects every value is preceded by Key(). Strings are escaped;
// invalid UTF-8 bytes become U+FFFD so output is always valid JSON.
class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view key);
  void String(std::string_view value);
  void Number(double value);  // up to 4 decimals, trailing zeros dropped
  void Int(long long value);
  void Bool(bool value);
  void Null();
  void StringArray(const std::vector<std::string>& values);
  // Writes `json` as one value, verbatim. REQUIRES: `json` is a valid JSON
  // value produced by cordon itself (e.g. a stored alert explanation).
  void RawValue(std::string_view json);

 private:
  void Separator();
  void Escape(std::string_view s);

  std::string* out_;
  std::vector<bool> first_;  // per open container: nothing written yet
  bool after_key_ = false;
};

}  // namespace cordon

#endif  // CORDON_TOOLS_JSON_WRITER_H_
