// Copyright (c) cordon authors.
//
// A streaming JSON writer for everything cordon writes (CLI output, HTTP
// responses, stored explanations): appends compact JSON to a string with no
// DOM, so writing a response costs about what copying its bytes does.
// (Building nlohmann::json DOMs for /match took three quarters of the
// request time.)
//
// The caller balances Begin/End; inside objects each value follows Key().
// Strings are escaped; invalid UTF-8 becomes U+FFFD so output is valid JSON.
// At most 64 levels of nesting.
#ifndef CORDON_BASE_JSON_WRITER_H_
#define CORDON_BASE_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cordon {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key);
  void String(std::string_view value);
  void Number(double value);  // up to 4 decimals, trailing zeros dropped
  void Int(int64_t value);
  void Bool(bool value);
  void Null();
  // Writes `json` as one value, verbatim. REQUIRES: a valid JSON value
  // cordon produced itself (a stored explanation, a pre-rendered entity).
  void RawValue(std::string_view json);
  // Already-serialised members ("\"a\":1,\"b\":2") of the open object; empty = none.
  void RawMembers(std::string_view members);
  void StringArray(const std::vector<std::string>& values);

 private:
  void Separator();
  void Open(char c);
  void Close(char c);
  void Escape(std::string_view s);

  std::string* out_;
  uint64_t first_bits_ = 0;  // per open container (64 levels): nothing written yet
  int depth_ = 0;
  bool after_key_ = false;
};

}  // namespace cordon

#endif  // CORDON_BASE_JSON_WRITER_H_
