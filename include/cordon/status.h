// Copyright (c) cordon authors. Errors as values.
//
// Status carries success or an error code with a message and, for data
// errors, where the problem is (file, line or record, field). Result<T> holds
// either a value or a non-OK Status. Neither type throws; callers must check.
#ifndef CORDON_STATUS_H_
#define CORDON_STATUS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace cordon {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller's input is wrong (empty name, bad flag).
  kNotFound,         // a file, folder or entity does not exist.
  kDataError,        // a file exists but its content is malformed.
  kIoError,          // reading failed (permissions, truncated archive).
  kInternal,         // a bug in cordon; please report.
};

// Where in the input an error was found. Every member is optional.
struct ErrorLocation {
  std::string file;    // path as the user gave it
  int64_t line = 0;    // 1-based line or record number; 0 = unknown
  std::string field;   // column, XML element or JSON key
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg, ErrorLocation loc = {}) {
    return Status(StatusCode::kInvalidArgument, std::move(msg), std::move(loc));
  }
  static Status NotFound(std::string msg, ErrorLocation loc = {}) {
    return Status(StatusCode::kNotFound, std::move(msg), std::move(loc));
  }
  static Status DataError(std::string msg, ErrorLocation loc = {}) {
    return Status(StatusCode::kDataError, std::move(msg), std::move(loc));
  }
  static Status IoError(std::string msg, ErrorLocation loc = {}) {
    return Status(StatusCode::kIoError, std::move(msg), std::move(loc));
  }
  static Status Internal(std::string msg) {
    return Status(StatusCode::kInternal, std::move(msg), {});
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const ErrorLocation& location() const { return location_; }

  // "file:line: field 'f': message" (parts omitted when unknown), or "OK".
  std::string ToString() const;

 private:
  Status(StatusCode code, std::string msg, ErrorLocation loc)
      : code_(code), message_(std::move(msg)), location_(std::move(loc)) {}

  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  ErrorLocation location_;
};

// Result<T>: a T or an error. REQUIRES: value() only when ok().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {}  // NOLINT: must not be OK

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace cordon

#endif  // CORDON_STATUS_H_
