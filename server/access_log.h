// Copyright (c) cordon authors.
//
// The structured access log: one JSON object per line, written to a file
// descriptor (stderr or a file) in batches by a background thread, so request
// threads only append to a buffer under a short lock. Lines are never
// dropped: a full buffer is written out by the writer that filled it.
#ifndef CORDON_SERVER_ACCESS_LOG_H_
#define CORDON_SERVER_ACCESS_LOG_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "cordon/status.h"

namespace cordon::server {

struct AccessLogEntry {
  std::string time;  // UTC ISO-8601 with milliseconds
  std::string remote;
  std::string method;
  std::string path;  // target as sent
  int status = 0;
  size_t bytes = 0;   // response body bytes
  double millis = 0;  // handling time
  int queries = 0;    // screening queries in the request
  std::string dataset;
  std::string error;  // error message for 4xx/5xx
};

class AccessLog {
 public:
  // "-" or "stderr": standard error; "off": nothing; else a file (appended).
  // Errors: IoError when the file cannot be opened.
  static Result<std::unique_ptr<AccessLog>> Open(const std::string& target);
  ~AccessLog();  // flushes

  void Write(const AccessLogEntry& entry);
  void Flush();
  bool enabled() const { return fd_ >= 0; }

 private:
  AccessLog(int fd, bool owned);
  void WriteOut(std::string* data);

  int fd_;
  bool owned_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::string buffer_;
  bool stop_ = false;
  std::mutex write_mu_;  // keeps flushed batches in order
  std::thread flusher_;
};

// UTC now, "2026-11-25T15:04:05.123Z".
std::string UtcTimestampMillis();

}  // namespace cordon::server

#endif  // CORDON_SERVER_ACCESS_LOG_H_
