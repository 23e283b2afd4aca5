#include "reloader.h"

#include <chrono>

namespace cordon::server {

Reloader::Reloader(EngineHolder* holder) : holder_(holder) {
  thread_ = std::thread([this] { Run(); });
}

Reloader::~Reloader() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

uint64_t Reloader::Trigger() {
  std::lock_guard<std::mutex> lock(mu_);
  // A reload that has not started yet covers this request too; one already
  // loading may have read the files before they changed, so queue another.
  if (running_ ? requested_ == current_target_ : requested_ == completed_) ++requested_;
  cv_.notify_all();
  return requested_;
}

void Reloader::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    cv_.wait(lock, [this] { return stop_ || requested_ > completed_; });
    if (stop_) return;
    running_ = true;
    uint64_t target = current_target_ = requested_;
    lock.unlock();
    holder_->Reload();
    lock.lock();
    running_ = false;
    completed_ = target;
    cv_.notify_all();
  }
}

uint64_t Reloader::completed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return completed_;
}

bool Reloader::running() const {
  std::lock_guard<std::mutex> lock(mu_);
  return running_;
}

bool Reloader::Wait(uint64_t ticket, int timeout_ms) {
  std::unique_lock<std::mutex> lock(mu_);
  return cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms), [&] { return completed_ >= ticket; });
}

}  // namespace cordon::server
