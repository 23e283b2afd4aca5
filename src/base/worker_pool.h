// A fixed set of worker threads that run one batch of work at a time.
//
// Batch jobs (screen-file, monitoring) screen rows in batches: the caller
// prepares batch k+1 while the workers run batch k, then writes batch k's
// results in input order. Threads are started once, not once per batch.
#ifndef CORDON_BASE_WORKER_POOL_H_
#define CORDON_BASE_WORKER_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cordon {

class WorkerPool {
 public:
  // Starts `threads` workers (at least 1). The calling thread does not run
  // batch items: it is free to read and write while a batch runs.
  explicit WorkerPool(int threads);
  // Waits for the running batch, then stops the workers.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Runs fn(i) for every i in [0, n) on the workers, in any order and
  // concurrently; returns at once. `fn` must stay valid until Wait().
  // REQUIRES: no batch running (Wait() returned since the last Start()).
  void Start(size_t n, std::function<void(size_t)> fn);
  // Blocks until every item of the running batch is done (at once when
  // none runs).
  void Wait();

  int threads() const { return static_cast<int>(workers_.size()); }

 private:
  void Loop();

  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::function<void(size_t)> fn_;
  size_t size_ = 0, next_ = 0, finished_ = 0;
  unsigned long generation_ = 0;
  bool running_ = false, stop_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace cordon

#endif  // CORDON_BASE_WORKER_POOL_H_
