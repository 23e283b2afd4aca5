#include "metrics.h"

#include <cstdio>

namespace cordon::server {

Metrics::Metrics(std::vector<std::string> routes) : routes_(std::move(routes)) {
  routes_.push_back("unmatched");
  stats_ = std::make_unique<RouteStats[]>(routes_.size());
}

void Metrics::Record(size_t route, int http_status, double seconds) {
  if (route >= routes_.size()) route = routes_.size() - 1;
  RouteStats& s = stats_[route];
  int cls = http_status / 100 - 1;
  if (cls < 0 || cls >= kClasses) cls = kClasses - 1;
  s.by_class[cls].fetch_add(1, std::memory_order_relaxed);
  size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  s.buckets[b].fetch_add(1, std::memory_order_relaxed);
  s.micros_sum.fetch_add(static_cast<uint64_t>(seconds * 1e6), std::memory_order_relaxed);
  s.count.fetch_add(1, std::memory_order_relaxed);
}

std::string PromLabel(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void Metrics::Render(std::string* out) const {
  char buf[64];
  out->append(
      "# HELP cordon_http_requests_total HTTP requests by route and status class.\n"
      "# TYPE cordon_http_requests_total counter\n");
  for (size_t r = 0; r < routes_.size(); ++r) {
    for (int c = 0; c < kClasses; ++c) {
      uint64_t n = stats_[r].by_class[c].load(std::memory_order_relaxed);
      if (n == 0) continue;
      *out += "cordon_http_requests_total{route=\"" + PromLabel(routes_[r]) + "\",code=\"" +
              std::to_string(c + 1) + "xx\"} " + std::to_string(n) + "\n";
    }
  }
  out->append(
      "# HELP cordon_http_request_duration_seconds Time from a complete request to its response.\n"
      "# TYPE cordon_http_request_duration_seconds histogram\n");
  for (size_t r = 0; r < routes_.size(); ++r) {
    const RouteStats& s = stats_[r];
    uint64_t count = s.count.load(std::memory_order_relaxed);
    if (count == 0) continue;
    std::string label = "route=\"" + PromLabel(routes_[r]) + "\"";
    uint64_t cumulative = 0;
    for (size_t b = 0; b <= kBuckets.size(); ++b) {
      cumulative += s.buckets[b].load(std::memory_order_relaxed);
      if (b < kBuckets.size()) {
        std::snprintf(buf, sizeof(buf), "%g", kBuckets[b]);
      } else {
        std::snprintf(buf, sizeof(buf), "+Inf");
      }
      *out += "cordon_http_request_duration_seconds_bucket{" + label + ",le=\"" + buf + "\"} " +
              std::to_string(cumulative) + "\n";
    }
    std::snprintf(buf, sizeof(buf), "%.6f",
                  static_cast<double>(s.micros_sum.load(std::memory_order_relaxed)) / 1e6);
    *out += "cordon_http_request_duration_seconds_sum{" + label + "} " + buf + "\n";
    *out += "cordon_http_request_duration_seconds_count{" + label + "} " + std::to_string(count) + "\n";
  }
  out->append(
      "# HELP cordon_screen_calls_total Engine::Screen calls (one per query name).\n"
      "# TYPE cordon_screen_calls_total counter\n");
  *out += "cordon_screen_calls_total " + std::to_string(screen_calls_.load(std::memory_order_relaxed)) + "\n";
}

}  // namespace cordon::server
