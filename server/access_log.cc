#include "access_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>

#include "ftm_entity.h"

namespace cordon::server {
namespace {

constexpr size_t kFlushBytes = 64 * 1024;

}  // namespace

std::string UtcTimestampMillis() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  int ms = static_cast<int>(
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  size_t n = std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm);
  std::snprintf(buf + n, sizeof(buf) - n, ".%03dZ", ms);
  return buf;
}

Result<std::unique_ptr<AccessLog>> AccessLog::Open(const std::string& target) {
  if (target == "off") return std::unique_ptr<AccessLog>(new AccessLog(-1, false));
  if (target.empty() || target == "-" || target == "stderr") {
    return std::unique_ptr<AccessLog>(new AccessLog(STDERR_FILENO, false));
  }
  int fd = open(target.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status::IoError(std::string("cannot open access log: ") + std::strerror(errno), {target, 0, ""});
  }
  return std::unique_ptr<AccessLog>(new AccessLog(fd, true));
}

AccessLog::AccessLog(int fd, bool owned) : fd_(fd), owned_(owned) {
  if (fd_ < 0) return;
  flusher_ = std::thread([this] {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stop_) {
      cv_.wait_for(lock, std::chrono::milliseconds(200));
      lock.unlock();
      Flush();
      lock.lock();
    }
  });
}

AccessLog::~AccessLog() {
  if (flusher_.joinable()) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    flusher_.join();
  }
  Flush();
  if (owned_ && fd_ >= 0) close(fd_);
}

void AccessLog::WriteOut(std::string* data) {
  size_t off = 0;
  while (off < data->size()) {
    ssize_t w = write(fd_, data->data() + off, data->size() - off);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return;  // the log target is gone; requests go on
    off += static_cast<size_t>(w);
  }
}

void AccessLog::Flush() {
  if (fd_ < 0) return;
  // write_mu_ is taken before the swap so batches reach the file in order.
  std::lock_guard<std::mutex> order(write_mu_);
  std::string batch;
  {
    std::lock_guard<std::mutex> lock(mu_);
    batch.swap(buffer_);
  }
  WriteOut(&batch);
}

void AccessLog::Write(const AccessLogEntry& e) {
  if (fd_ < 0) return;
  Json j = {{"ts", e.time.empty() ? UtcTimestampMillis() : e.time},
            {"remote", e.remote},
            {"method", e.method},
            {"path", e.path},
            {"status", e.status},
            {"bytes", e.bytes},
            {"ms", static_cast<double>(static_cast<long long>(e.millis * 1000)) / 1000.0}};
  if (e.queries > 0) j["queries"] = e.queries;
  if (!e.dataset.empty()) j["dataset"] = e.dataset;
  if (!e.error.empty()) j["error"] = e.error;
  std::string line = DumpJson(j);
  line.push_back('\n');
  bool full = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    buffer_ += line;
    full = buffer_.size() >= kFlushBytes;
  }
  if (full) Flush();
}

}  // namespace cordon::server
