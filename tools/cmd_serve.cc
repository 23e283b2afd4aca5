// `cordon serve`: the HTTP screening service (yente-compatible /match and
// cordon's own endpoints; docs/server.md). Process concerns live here:
// flags, the admin token, signals (SIGHUP reloads the lists, SIGTERM/SIGINT
// drain and stop), exit codes. The service itself is server/.
#include <signal.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "cli_common.h"
#include "commands.h"
#include "service.h"

namespace cordon {
namespace {

// The admin token: --admin-token-file (first line) wins over
// $CORDON_ADMIN_TOKEN; none = admin endpoints off.
Result<std::string> AdminToken(const CliArgs& args) {
  if (args.Has("admin-token-file")) {
    std::string path = args.Get("admin-token-file");
    std::ifstream in(path);
    std::string token;
    if (!in || !std::getline(in, token)) {
      return Status::InvalidArgument("cannot read the admin token file", {path, 1, "admin-token-file"});
    }
    while (!token.empty() && (token.back() == '\r' || token.back() == ' ' || token.back() == '\t'))
      token.pop_back();
    if (token.size() < 8) {
      return Status::InvalidArgument("admin token must be at least 8 characters",
                                     {path, 1, "admin-token-file"});
    }
    return token;
  }
  const char* env = std::getenv("CORDON_ADMIN_TOKEN");
  std::string token = env != nullptr ? env : "";
  if (!token.empty() && token.size() < 8) {
    return Status::InvalidArgument("CORDON_ADMIN_TOKEN must be at least 8 characters",
                                   {"", 0, "CORDON_ADMIN_TOKEN"});
  }
  return token;
}

void PrintReloadOutcome(const server::EngineHolder& holder) {
  server::ReloadOutcome o = holder.LastReload();
  if (o.ok) {
    std::fprintf(stderr, "cordon: lists reloaded in %.1f s (generation %llu)\n", o.seconds,
                 static_cast<unsigned long long>(o.generation));
  } else {
    std::fprintf(stderr, "cordon: reload refused, previous lists keep serving: %s\n",
                 o.status.ToString().c_str());
  }
}

}  // namespace

int RunServe(int argc, char** argv) {
  FlagSpec spec;
  AddListFlags(&spec);
  for (const char* f : {"host", "port", "threads", "admin-token-file", "access-log", "max-body",
                        "request-timeout", "idle-timeout", "max-connections", "drain"}) {
    spec.with_value.insert(f);
  }
  Result<CliArgs> args = CliArgs::Parse(argc, argv, 2, spec);
  if (!args.ok()) return ReportError(args.status());
  if (!args->positionals().empty()) return ReportError(Status::InvalidArgument("serve takes no arguments"));

  server::HttpServerOptions http;
  http.host = args->Get("host", "127.0.0.1");
  Result<int> port = args->GetInt("port", 8000, 0, 65535);
  Result<int> threads = args->GetInt("threads", 0, 0, 256);
  Result<int> max_body = args->GetInt("max-body", 1 << 20, 1024, 64 << 20);
  Result<int> request_timeout = args->GetInt("request-timeout", 10000, 10, 600000);
  Result<int> idle_timeout = args->GetInt("idle-timeout", 60000, 10, 3600000);
  Result<int> max_connections = args->GetInt("max-connections", 10000, 1, 1000000);
  Result<int> drain = args->GetInt("drain", 10000, 0, 600000);
  for (const Status* st : {&port.status(), &threads.status(), &max_body.status(), &request_timeout.status(),
                           &idle_timeout.status(), &max_connections.status(), &drain.status()}) {
    if (!st->ok()) return ReportError(*st);
  }
  http.port = port.value();
  http.threads = threads.value();
  http.limits.max_body_bytes = static_cast<size_t>(max_body.value());
  http.request_timeout_ms = request_timeout.value();
  http.idle_timeout_ms = idle_timeout.value();
  http.max_connections = static_cast<size_t>(max_connections.value());

  server::ServiceOptions service_options;
  Result<std::string> token = AdminToken(args.value());
  if (!token.ok()) return ReportError(token.status());
  service_options.admin_token = token.value();

  Result<std::unique_ptr<server::AccessLog>> log = server::AccessLog::Open(args->Get("access-log", "-"));
  if (!log.ok()) return ReportError(log.status());

  // Signals are taken by sigwait below; blocked before any thread starts so
  // every thread inherits the mask. SIGPIPE: writes use MSG_NOSIGNAL anyway.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGHUP);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  // Reloads reopen what was opened first: the snapshot file (checked against
  // the lists when a lists folder is given too), else the lists folder.
  const std::string snapshot = SnapshotPath(args.value());
  const std::string origin = snapshot.empty() ? ListsDir(args.value()) : snapshot;
  Result<std::unique_ptr<Engine>> engine = OpenEngineFromArgs(args.value());
  if (!engine.ok()) return ReportError(engine.status());
  server::ReloadPolicy policy;
  policy.warm_screeners = true;  // no first-request stall on /v1/screen/text|payment
  const CliArgs flags = args.value();
  server::EngineHolder holder([flags] { return OpenEngineFromArgs(flags); }, origin, policy);
  holder.Install(std::shared_ptr<const Engine>(std::move(engine.value())));

  server::Service service(&holder, log.value().get(), service_options);
  Result<std::unique_ptr<server::HttpServer>> srv = server::HttpServer::Start(
      http, [&service](server::HttpRequest& req, server::HttpResponse* resp) { service.Handle(req, resp); },
      [&service](int status, const std::string& message, const server::HttpRequest& partial) {
        return service.ProtocolError(status, message, partial);
      });
  if (!srv.ok()) return ReportError(srv.status());
  service.AttachServerStats(&srv.value()->stats());
  std::shared_ptr<const server::ServingState> state = holder.Current();
  std::fprintf(stderr, "cordon: serving %zu entities from %s%s on http://%s:%d (admin endpoints %s)\n",
               state->engine->Entities().size(), snapshot.empty() ? "" : "snapshot ", origin.c_str(),
               http.host.c_str(), srv.value()->port(), service_options.admin_token.empty() ? "off" : "on");
  state.reset();

  uint64_t pending_reload = 0;
  timespec tick{0, 200 * 1000 * 1000};
  for (;;) {
    siginfo_t info;
    int sig = sigtimedwait(&signals, &info, &tick);
    if (pending_reload != 0 && service.ReloadsCompleted() >= pending_reload) {
      PrintReloadOutcome(holder);
      pending_reload = 0;
    }
    if (sig == SIGHUP) {
      std::fprintf(stderr, "cordon: SIGHUP: reloading %s%s\n", snapshot.empty() ? "lists from " : "snapshot ",
                   origin.c_str());
      pending_reload = service.TriggerReload();
    } else if (sig == SIGTERM || sig == SIGINT) {
      std::fprintf(stderr, "cordon: %s: draining connections (up to %d ms)\n",
                   sig == SIGTERM ? "SIGTERM" : "SIGINT", drain.value());
      service.SetDraining();
      srv.value()->Shutdown(drain.value());
      break;
    }
  }
  log.value()->Flush();
  std::fprintf(stderr, "cordon: stopped\n");
  return kExitOk;
}

}  // namespace cordon
