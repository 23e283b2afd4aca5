#include "base/worker_pool.h"

#include <algorithm>

namespace cordon {

WorkerPool::WorkerPool(int threads) {
  const int n = std::max(1, threads);
  for (int t = 0; t < n; ++t) workers_.emplace_back([this] { Loop(); });
}

WorkerPool::~WorkerPool() {
  Wait();
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  work_cv_.notify_all();
  for (std::thread& t : workers_) t.join();
}

void WorkerPool::Start(size_t n, std::function<void(size_t)> fn) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    fn_ = std::move(fn);
    size_ = n;
    next_ = 0;
    finished_ = 0;
    running_ = n > 0;
    ++generation_;
  }
  work_cv_.notify_all();
}

void WorkerPool::Wait() {
  std::unique_lock<std::mutex> lock(mu_);
  done_cv_.wait(lock, [this] { return !running_; });
}

void WorkerPool::Loop() {
  unsigned long seen = 0;
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    work_cv_.wait(lock, [&] { return stop_ || (running_ && generation_ != seen && next_ < size_); });
    if (stop_) return;
    seen = generation_;
    // Take a few items at a time (rows cost very different amounts, and
    // the lock should not be taken once a row), working outside the lock.
    constexpr size_t kChunk = 8;
    while (next_ < size_) {
      const size_t begin = next_, end = std::min(size_, begin + kChunk);
      next_ = end;
      lock.unlock();
      for (size_t i = begin; i < end; ++i) fn_(i);
      lock.lock();
      finished_ += end - begin;
      if (finished_ == size_) {
        running_ = false;
        done_cv_.notify_all();
      }
    }
  }
}

}  // namespace cordon
