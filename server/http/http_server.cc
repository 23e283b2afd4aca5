#include "http/http_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>
#include <mutex>
#include <unordered_map>

namespace cordon::server {
namespace {

constexpr size_t kReadChunk = 64 * 1024;
constexpr size_t kMaxPendingOutput = 4 * 1024 * 1024;  // stop reading a client that does not read
constexpr int kTickMs = 100;
const char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::string PeerName(const sockaddr_storage& addr) {
  char host[INET6_ADDRSTRLEN] = {0};
  int port = 0;
  if (addr.ss_family == AF_INET) {
    const auto* a = reinterpret_cast<const sockaddr_in*>(&addr);
    inet_ntop(AF_INET, &a->sin_addr, host, sizeof(host));
    port = ntohs(a->sin_port);
    return std::string(host) + ":" + std::to_string(port);
  }
  if (addr.ss_family == AF_INET6) {
    const auto* a = reinterpret_cast<const sockaddr_in6*>(&addr);
    inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof(host));
    port = ntohs(a->sin6_port);
    return "[" + std::string(host) + "]:" + std::to_string(port);
  }
  return "unknown";
}

// Binds a non-blocking listening socket (SO_REUSEPORT when `reuse_port`).
Result<int> Listen(const addrinfo* ai, bool reuse_port) {
  int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
  if (fd < 0) return Status::IoError(std::string("socket: ") + std::strerror(errno));
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  if (reuse_port) setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one));
  if (bind(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
    std::string err = std::strerror(errno);
    close(fd);
    return Status::IoError("bind: " + err);
  }
  if (listen(fd, 1024) != 0) {
    std::string err = std::strerror(errno);
    close(fd);
    return Status::IoError("listen: " + err);
  }
  return fd;
}

}  // namespace

class HttpServer::Worker {
 public:
  Worker(HttpServer* server, int listen_fd) : server_(server), listen_fd_(listen_fd) {}
  ~Worker() {
    for (auto& [fd, conn] : conns_) close(fd);
    if (listen_fd_ >= 0) close(listen_fd_);
    if (epoll_fd_ >= 0) close(epoll_fd_);
  }

  Status Init() {
    epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
    if (epoll_fd_ < 0) return Status::IoError(std::string("epoll_create1: ") + std::strerror(errno));
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.ptr = nullptr;  // the listening socket
    if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, listen_fd_, &ev) != 0) {
      return Status::IoError(std::string("epoll_ctl: ") + std::strerror(errno));
    }
    return Status::Ok();
  }

  void Run();

 private:
  struct Connection {
    int fd = -1;
    std::string peer;
    std::string in;
    std::string out;
    size_t out_off = 0;
    RequestParser parser;
    int64_t request_start_ms = 0;  // first byte of the request in progress; 0 = none
    int64_t last_activity_ms = 0;
    int64_t last_write_ms = 0;
    size_t accounted = 0;  // in.size() as counted in stats.buffered_bytes
    bool sent_continue = false;
    bool closing = false;      // close once the output is written
    bool peer_closed = false;  // read returned 0 (half-close)
    bool want_write = false;   // registered for EPOLLOUT
  };

  void Accept(int64_t now);
  void OnEvent(Connection* c, uint32_t events, int64_t now);
  void ProcessInput(Connection* c, int64_t now);
  void Flush(Connection* c, int64_t now);
  void Close(Connection* c);
  void Sweep(int64_t now);
  void SetInterest(Connection* c, bool want_write);
  void SendError(Connection* c, int status, const std::string& message, const HttpRequest& partial);
  void Account(Connection* c);  // brings stats.buffered_bytes up to date with c->in

  HttpServer* server_;
  int listen_fd_;
  int epoll_fd_ = -1;
  std::unordered_map<int, std::unique_ptr<Connection>> conns_;
};

void HttpServer::Worker::Run() {
  epoll_event events[256];
  int64_t last_sweep = NowMs();
  for (;;) {
    int n = epoll_wait(epoll_fd_, events, 256, kTickMs);
    int64_t now = NowMs();
    for (int i = 0; i < n; ++i) {
      if (events[i].data.ptr == nullptr) {
        Accept(now);
      } else {
        OnEvent(static_cast<Connection*>(events[i].data.ptr), events[i].events, now);
      }
    }
    if (server_->stopping_.load(std::memory_order_relaxed)) {
      if (listen_fd_ >= 0) {
        epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, listen_fd_, nullptr);
        close(listen_fd_);
        listen_fd_ = -1;
      }
      // Idle connections go now; busy ones when their response is out.
      std::vector<Connection*> idle;
      for (auto& [fd, c] : conns_) {
        if (c->request_start_ms == 0 && c->out_off >= c->out.size()) idle.push_back(c.get());
      }
      for (Connection* c : idle) Close(c);
      if (conns_.empty() || now >= server_->drain_deadline_ms_.load()) break;
    }
    if (now - last_sweep >= kTickMs) {
      Sweep(now);
      last_sweep = now;
    }
  }
  std::vector<Connection*> left;
  for (auto& [fd, c] : conns_) left.push_back(c.get());
  for (Connection* c : left) Close(c);
}

void HttpServer::Worker::Accept(int64_t now) {
  for (int i = 0; i < 64; ++i) {
    sockaddr_storage addr{};
    socklen_t len = sizeof(addr);
    int fd = accept4(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) return;  // EAGAIN, or another worker took it, or a transient error
    HttpServerStats& stats = server_->stats_;
    if (static_cast<size_t>(stats.connections_open.load()) >= server_->options_.max_connections) {
      stats.connections_rejected.fetch_add(1, std::memory_order_relaxed);
      HttpRequest none;
      std::string out;
      SerializeResponse(server_->error_responder_(503, "too many connections", none), false, &out);
      (void)!send(fd, out.data(), out.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      close(fd);
      continue;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    auto c = std::make_unique<Connection>();
    c->fd = fd;
    c->peer = PeerName(addr);
    c->parser = RequestParser(server_->options_.limits);
    c->last_activity_ms = now;
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP;
    ev.data.ptr = c.get();
    if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev) != 0) {
      close(fd);
      continue;
    }
    stats.connections_open.fetch_add(1, std::memory_order_relaxed);
    stats.connections_accepted.fetch_add(1, std::memory_order_relaxed);
    conns_.emplace(fd, std::move(c));
  }
}

void HttpServer::Worker::OnEvent(Connection* c, uint32_t events, int64_t now) {
  if (events & EPOLLERR) {
    Close(c);
    return;
  }
  if (events & EPOLLOUT) {
    Flush(c, now);
    return;  // Flush resumes input processing once the output is drained
  }
  if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP)) {
    char buf[kReadChunk];
    ssize_t r = read(c->fd, buf, sizeof(buf));
    if (r > 0) {
      c->in.append(buf, static_cast<size_t>(r));
      c->last_activity_ms = now;
      Account(c);
      if (static_cast<size_t>(server_->stats_.buffered_bytes.load(std::memory_order_relaxed)) >
          server_->options_.max_buffered_bytes) {
        c->in.clear();
        Account(c);
        SendError(c, 503, "server is holding too many request bytes; retry later", c->parser.request());
        Flush(c, now);
        return;
      }
    } else if (r == 0) {
      c->peer_closed = true;
    } else if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
      Close(c);
      return;
    }
    ProcessInput(c, now);
  }
}

void HttpServer::Worker::SendError(Connection* c, int status, const std::string& message,
                                   const HttpRequest& partial) {
  HttpRequest with_peer = partial;
  with_peer.remote = c->peer;
  HttpResponse r = server_->error_responder_(status, message, with_peer);
  SerializeResponse(r, false, &c->out);
  c->closing = true;
}

void HttpServer::Worker::ProcessInput(Connection* c, int64_t now) {
  size_t off = 0;
  while (!c->closing && c->out.size() - c->out_off < kMaxPendingOutput && off < c->in.size()) {
    if (c->request_start_ms == 0) c->request_start_ms = now;
    std::string_view view(c->in.data() + off, c->in.size() - off);
    RequestParser::State st = c->parser.Parse(view);
    if (st == RequestParser::State::kIncomplete) {
      if (c->parser.expects_continue() && !c->sent_continue) {
        c->out.append(kContinue);
        c->sent_continue = true;
      }
      break;
    }
    if (st == RequestParser::State::kError) {
      server_->stats_.protocol_errors.fetch_add(1, std::memory_order_relaxed);
      SendError(c, c->parser.error_status(), c->parser.error_message(), c->parser.request());
      break;
    }
    off += c->parser.consumed();
    HttpRequest req = std::move(c->parser.request());
    c->parser.Reset();
    c->sent_continue = false;
    req.remote = c->peer;
    req.deadline = std::chrono::steady_clock::time_point(std::chrono::milliseconds(c->request_start_ms)) +
                   std::chrono::milliseconds(server_->options_.request_timeout_ms);
    c->request_start_ms = 0;
    server_->stats_.requests.fetch_add(1, std::memory_order_relaxed);
    HttpResponse resp;
    try {
      server_->handler_(req, &resp);
    } catch (const std::exception& e) {
      resp = server_->error_responder_(500, std::string("internal error: ") + e.what(), req);
    } catch (...) {
      resp = server_->error_responder_(500, "internal error", req);
    }
    bool keep = req.keep_alive && !resp.close && !server_->stopping_.load(std::memory_order_relaxed);
    SerializeResponse(resp, keep, &c->out);
    if (!keep) c->closing = true;
  }
  if (off > 0) c->in.erase(0, off);
  if (c->closing) c->in.clear();
  Account(c);
  if (c->peer_closed && !c->closing && c->request_start_ms != 0 &&
      c->parser.Parse(c->in) == RequestParser::State::kIncomplete) {
    // The client half-closed in the middle of a request: it can never finish.
    c->in.clear();
    Account(c);
    SendError(c, 400, "connection closed before the request was complete", c->parser.request());
  }
  if (c->peer_closed && c->in.empty()) c->closing = true;
  Flush(c, now);
}

void HttpServer::Worker::Flush(Connection* c, int64_t now) {
  while (c->out_off < c->out.size()) {
    ssize_t w = send(c->fd, c->out.data() + c->out_off, c->out.size() - c->out_off, MSG_NOSIGNAL);
    if (w > 0) {
      c->out_off += static_cast<size_t>(w);
      c->last_write_ms = now;
      continue;
    }
    if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!c->want_write) SetInterest(c, true);
      if (c->last_write_ms == 0) c->last_write_ms = now;
      return;
    }
    if (w < 0 && errno == EINTR) continue;
    Close(c);
    return;
  }
  c->out.clear();
  c->out_off = 0;
  c->last_write_ms = 0;
  if (c->closing) {
    Close(c);
    return;
  }
  if (c->want_write) {
    SetInterest(c, false);
    // Input may have waited while the output was blocked.
    if (!c->in.empty()) ProcessInput(c, now);
  }
}

void HttpServer::Worker::SetInterest(Connection* c, bool want_write) {
  epoll_event ev{};
  ev.events = want_write ? EPOLLOUT : (EPOLLIN | EPOLLRDHUP);
  ev.data.ptr = c;
  epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, c->fd, &ev);
  c->want_write = want_write;
}

void HttpServer::Worker::Account(Connection* c) {
  int64_t delta = static_cast<int64_t>(c->in.size()) - static_cast<int64_t>(c->accounted);
  if (delta != 0) server_->stats_.buffered_bytes.fetch_add(delta, std::memory_order_relaxed);
  c->accounted = c->in.size();
}

void HttpServer::Worker::Close(Connection* c) {
  int fd = c->fd;
  c->in.clear();
  Account(c);
  epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
  close(fd);
  server_->stats_.connections_open.fetch_sub(1, std::memory_order_relaxed);
  conns_.erase(fd);  // destroys *c
}

void HttpServer::Worker::Sweep(int64_t now) {
  const int64_t request_timeout = server_->options_.request_timeout_ms;
  const int64_t idle_timeout = server_->options_.idle_timeout_ms;
  std::vector<Connection*> drop;
  std::vector<Connection*> too_slow;
  for (auto& [fd, c] : conns_) {
    bool output_pending = c->out_off < c->out.size();
    if (output_pending && c->last_write_ms != 0 && now - c->last_write_ms > request_timeout) {
      drop.push_back(c.get());  // the client does not read its responses
    } else if (!output_pending && c->request_start_ms != 0 && now - c->request_start_ms > request_timeout) {
      too_slow.push_back(c.get());
    } else if (!output_pending && c->request_start_ms == 0 && now - c->last_activity_ms > idle_timeout) {
      drop.push_back(c.get());
    }
  }
  for (Connection* c : drop) {
    if (c->request_start_ms != 0 || c->out_off < c->out.size()) {
      server_->stats_.timeouts.fetch_add(1, std::memory_order_relaxed);
    }
    Close(c);
  }
  for (Connection* c : too_slow) {
    server_->stats_.timeouts.fetch_add(1, std::memory_order_relaxed);
    c->in.clear();
    Account(c);
    SendError(c, 408, "request not received within " + std::to_string(request_timeout) + " ms",
              c->parser.request());
    Flush(c, now);
  }
}

Result<std::unique_ptr<HttpServer>> HttpServer::Start(const HttpServerOptions& options, HttpHandler handler,
                                                      ErrorResponder error_responder) {
  if (options.port < 0 || options.port > 65535) {
    return Status::InvalidArgument("port must be in 0..65535", {"", 0, "port"});
  }
  if (options.threads < 0 || options.threads > 256) {
    return Status::InvalidArgument("threads must be in 0..256", {"", 0, "threads"});
  }
  if (options.request_timeout_ms < 1 || options.idle_timeout_ms < 1) {
    return Status::InvalidArgument("timeouts must be positive", {"", 0, "timeout"});
  }
  std::unique_ptr<HttpServer> server(new HttpServer());
  server->options_ = options;
  server->handler_ = std::move(handler);
  server->error_responder_ = std::move(error_responder);
  int threads = options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
  if (threads < 1) threads = 1;

  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* res = nullptr;
  int port = options.port;
  if (port != 0) {
    // SO_REUSEPORT would let a second server (same user) share the port and
    // silently take half the traffic: bind once without it to make sure the
    // port is free, then bind the workers' sockets.
    int rc = getaddrinfo(options.host.c_str(), std::to_string(port).c_str(), &hints, &res);
    if (rc != 0) {
      return Status::InvalidArgument("cannot resolve host '" + options.host + "': " + gai_strerror(rc),
                                     {"", 0, "host"});
    }
    Result<int> probe = Listen(res, /*reuse_port=*/false);
    freeaddrinfo(res);
    if (!probe.ok()) {
      return Status::IoError("cannot listen on " + options.host + ":" + std::to_string(port) + ": " +
                             probe.status().message());
    }
    close(probe.value());
  }
  for (int i = 0; i < threads; ++i) {
    std::string port_text = std::to_string(port);
    int rc = getaddrinfo(options.host.c_str(), port_text.c_str(), &hints, &res);
    if (rc != 0) {
      return Status::InvalidArgument("cannot resolve host '" + options.host + "': " + gai_strerror(rc),
                                     {"", 0, "host"});
    }
    Result<int> fd = Listen(res, /*reuse_port=*/true);
    freeaddrinfo(res);
    if (!fd.ok()) {
      return Status::IoError("cannot listen on " + options.host + ":" + port_text + ": " +
                             fd.status().message());
    }
    if (port == 0) {
      sockaddr_storage addr{};
      socklen_t len = sizeof(addr);
      getsockname(fd.value(), reinterpret_cast<sockaddr*>(&addr), &len);
      port = addr.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port)
                                        : ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
    }
    auto worker = std::make_unique<Worker>(server.get(), fd.value());
    Status st = worker->Init();
    if (!st.ok()) return st;
    server->workers_.push_back(std::move(worker));
  }
  server->port_ = port;
  for (auto& w : server->workers_) {
    Worker* worker = w.get();
    server->threads_.emplace_back([worker] { worker->Run(); });
  }
  return server;
}

void HttpServer::Shutdown(int drain_ms) {
  int64_t unset = 0;
  drain_deadline_ms_.compare_exchange_strong(unset, NowMs() + drain_ms);
  stopping_.store(true);
  if (joined_.exchange(true)) return;
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
}

HttpServer::~HttpServer() {
  Shutdown(0);
  workers_.clear();
}

}  // namespace cordon::server
