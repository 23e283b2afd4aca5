// Copyright (c) cordon authors.
//
// A small HTTP/1.1 server: N worker threads, each with its own epoll loop and
// its own SO_REUSEPORT listening socket (the kernel spreads connections), all
// sockets non-blocking, keep-alive and pipelining, bounded buffers.
//
// Handlers run on the worker thread that read the request, so they must be
// thread-safe and should be short (screening is ~100 us); a handler that
// blocks stalls that worker's other connections.
//
// What a client cannot do (each gets an error response via the
// ErrorResponder, then the connection is closed):
//   - send a header section over limits.max_header_bytes (431) or a body over
//     limits.max_body_bytes (413, decided from Content-Length before reading
//     the body), or malformed HTTP (400/411/417/505);
//   - take longer than request_timeout_ms from the first byte of a request to
//     its last (slow-loris, half-open clients): 408;
//   - stop reading responses: after request_timeout_ms without write progress
//     the connection is dropped; while output is pending no more input is read.
// Idle keep-alive connections are closed after idle_timeout_ms.
#ifndef CORDON_SERVER_HTTP_HTTP_SERVER_H_
#define CORDON_SERVER_HTTP_HTTP_SERVER_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "cordon/status.h"
#include "http/http_message.h"
#include "http/request_parser.h"

namespace cordon::server {

// Fills `response` for `request`. Called concurrently from worker threads.
using HttpHandler = std::function<void(HttpRequest& request, HttpResponse* response)>;
// Builds the response for an error the server itself detects (malformed
// request, limits, timeouts, a handler that threw). `request` is the partial
// request when known (method/path may be empty).
using ErrorResponder =
    std::function<HttpResponse(int status, const std::string& message, const HttpRequest& request)>;

struct HttpServerOptions {
  std::string host = "127.0.0.1";  // name or address to bind
  int port = 8000;                 // 0 = any free port (see HttpServer::port())
  int threads = 0;                 // worker threads; 0 = hardware concurrency
  ParserLimits limits;
  int request_timeout_ms = 10000;  // first byte of a request to its last; also the handler deadline
  int idle_timeout_ms = 60000;     // keep-alive connection with no request in progress
  size_t max_connections = 10000;  // beyond this new connections get 503 and are closed
  // Request bytes buffered over all connections (partial requests waiting for
  // their body). A read that takes the total beyond it gets 503 and the
  // connection is closed, so many slow uploads cannot exhaust memory.
  size_t max_buffered_bytes = size_t{256} << 20;
};

// Counters the server keeps (read them any time; relaxed atomics).
struct HttpServerStats {
  std::atomic<int64_t> connections_open{0};
  std::atomic<uint64_t> connections_accepted{0};
  std::atomic<uint64_t> connections_rejected{0};  // over max_connections
  std::atomic<uint64_t> requests{0};
  std::atomic<uint64_t> protocol_errors{0};  // malformed or over-limit requests
  std::atomic<uint64_t> timeouts{0};         // slow or stalled clients dropped
  std::atomic<int64_t> buffered_bytes{0};    // request bytes held for partial requests
};

class HttpServer {
 public:
  // Binds, listens and starts the workers. Errors: InvalidArgument for a bad
  // host/port/threads, IoError when the address cannot be bound.
  static Result<std::unique_ptr<HttpServer>> Start(const HttpServerOptions& options, HttpHandler handler,
                                                   ErrorResponder error_responder);

  ~HttpServer();  // Shutdown(0) if still running
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  int port() const { return port_; }
  const HttpServerStats& stats() const { return stats_; }

  // Graceful stop: stops accepting, lets requests in progress finish and
  // their responses go out (with "Connection: close"), closes idle
  // connections; after drain_ms closes whatever is left. Returns when every
  // worker has exited. Safe to call more than once and from any thread.
  void Shutdown(int drain_ms);

 private:
  class Worker;
  HttpServer() = default;

  HttpServerOptions options_;
  HttpHandler handler_;
  ErrorResponder error_responder_;
  int port_ = 0;
  HttpServerStats stats_;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::vector<std::thread> threads_;
  std::atomic<bool> stopping_{false};
  std::atomic<int64_t> drain_deadline_ms_{0};
  std::atomic<bool> joined_{false};
};

}  // namespace cordon::server

#endif  // CORDON_SERVER_HTTP_HTTP_SERVER_H_
