#include "base/worker_pool.h"

#include <atomic>
#include <set>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace cordon {
namespace {

TEST(WorkerPoolTest, RunsEveryItemOnceAndWaits) {
  WorkerPool pool(3);
  EXPECT_EQ(pool.threads(), 3);
  for (size_t n : {0u, 1u, 7u, 1000u}) {
    std::vector<std::atomic<int>> hits(n);
    pool.Start(n, [&](size_t i) { hits[i].fetch_add(1); });
    pool.Wait();
    for (size_t i = 0; i < n; ++i) EXPECT_EQ(hits[i].load(), 1) << "item " << i << " of " << n;
  }
}

TEST(WorkerPoolTest, CallerRunsWhileBatchRuns) {
  WorkerPool pool(2);
  std::atomic<bool> release{false};
  std::atomic<int> done{0};
  pool.Start(4, [&](size_t) {
    while (!release.load()) std::this_thread::yield();
    done.fetch_add(1);
  });
  // Start() returned with the batch blocked: the caller is free.
  EXPECT_EQ(done.load(), 0);
  release = true;
  pool.Wait();
  EXPECT_EQ(done.load(), 4);
}

TEST(WorkerPoolTest, UsesTheWorkerThreadsNotTheCaller) {
  WorkerPool pool(2);
  std::mutex mu;
  std::set<std::thread::id> ids;
  pool.Start(200, [&](size_t) {
    std::lock_guard<std::mutex> lock(mu);
    ids.insert(std::this_thread::get_id());
  });
  pool.Wait();
  EXPECT_EQ(ids.count(std::this_thread::get_id()), 0u);
  EXPECT_LE(ids.size(), 2u);
  EXPECT_GE(ids.size(), 1u);
}

}  // namespace
}  // namespace cordon
