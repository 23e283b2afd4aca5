// Copyright (c) cordon authors.
//
// Request counters and latency histograms per route, rendered in the
// Prometheus text exposition format (version 0.0.4). Lock-free: relaxed
// atomics, fixed routes and buckets, so recording costs a few increments.
#ifndef CORDON_SERVER_METRICS_H_
#define CORDON_SERVER_METRICS_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace cordon::server {

class Metrics {
 public:
  // Upper bounds of the latency buckets, seconds.
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,  0.5,   1.0,  5.0};

  // `routes` are the labels ("/match/{dataset}"); index routes.size() is
  // used for requests that matched no route ("unmatched").
  explicit Metrics(std::vector<std::string> routes);

  // Thread-safe.
  void Record(size_t route, int http_status, double seconds);
  void AddScreenCalls(uint64_t n) { screen_calls_.fetch_add(n, std::memory_order_relaxed); }

  // Appends cordon_http_requests_total, cordon_http_request_duration_seconds
  // and cordon_screen_calls_total.
  void Render(std::string* out) const;

 private:
  static constexpr int kClasses = 5;  // 1xx..5xx
  struct RouteStats {
    std::array<std::atomic<uint64_t>, kClasses> by_class{};
    std::array<std::atomic<uint64_t>, kBuckets.size() + 1> buckets{};  // last = +Inf
    std::atomic<uint64_t> micros_sum{0};
    std::atomic<uint64_t> count{0};
  };
  std::vector<std::string> routes_;
  std::unique_ptr<RouteStats[]> stats_;
  std::atomic<uint64_t> screen_calls_{0};
};

// Escapes a Prometheus label value (backslash, quote, newline).
std::string PromLabel(const std::string& value);

}  // namespace cordon::server

#endif  // CORDON_SERVER_METRICS_H_
