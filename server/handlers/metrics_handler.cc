// GET /metrics: Prometheus text format: requests and latencies per route,
// connections, protocol errors and timeouts, screen calls, list versions and
// sizes, index size, reloads, resident memory.
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "handlers/handlers.h"

namespace cordon::server {
namespace {

void Gauge(std::string* out, const char* name, const char* help, const char* type, double value) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.17g", value);
  *out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" + name + " " +
          buf + "\n";
}

long ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0;
  long resident = 0;
  if (!(statm >> pages >> resident)) return 0;
  return resident * sysconf(_SC_PAGESIZE);
}

}  // namespace

Status HandleMetrics(RequestContext& ctx, HttpResponse* response) {
  std::string out;
  out.reserve(8192);
  ctx.service.metrics->Render(&out);
  if (const HttpServerStats* s = ctx.service.server_stats.load()) {
    Gauge(&out, "cordon_http_connections_open", "Open client connections.", "gauge",
          static_cast<double>(s->connections_open.load()));
    Gauge(&out, "cordon_http_connections_accepted_total", "Connections accepted.", "counter",
          static_cast<double>(s->connections_accepted.load()));
    Gauge(&out, "cordon_http_connections_rejected_total", "Connections refused over the connection limit.",
          "counter", static_cast<double>(s->connections_rejected.load()));
    Gauge(&out, "cordon_http_protocol_errors_total", "Malformed or over-limit requests.", "counter",
          static_cast<double>(s->protocol_errors.load()));
    Gauge(&out, "cordon_http_timeouts_total", "Slow or stalled clients dropped.", "counter",
          static_cast<double>(s->timeouts.load()));
  }
  const ServingState& st = *ctx.state;
  out += "# HELP cordon_list_info Loaded list versions (value 1).\n# TYPE cordon_list_info gauge\n";
  for (const SourceInfo& s : st.engine->Sources()) {
    out += "cordon_list_info{source=\"" + PromLabel(s.id) + "\",version=\"" + PromLabel(s.version) +
           "\",as_of=\"" + PromLabel(s.as_of) + "\",loaded=\"" + (s.status.ok() ? "true" : "false") +
           "\"} 1\n";
  }
  out += "# HELP cordon_list_entities Entities per source.\n# TYPE cordon_list_entities gauge\n";
  for (const SourceInfo& s : st.engine->Sources()) {
    out += "cordon_list_entities{source=\"" + PromLabel(s.id) + "\"} " + std::to_string(s.entities) + "\n";
  }
  out +=
      "# HELP cordon_list_skipped_records Records skipped while loading, per source.\n"
      "# TYPE cordon_list_skipped_records gauge\n";
  for (const SourceInfo& s : st.engine->Sources()) {
    out += "cordon_list_skipped_records{source=\"" + PromLabel(s.id) + "\"} " +
           std::to_string(s.skipped.size()) + "\n";
  }
  Gauge(&out, "cordon_index_entities", "Entities in the serving index.", "gauge",
        static_cast<double>(st.engine->Entities().size()));
  Gauge(&out, "cordon_index_names", "Listed names in the serving index.", "gauge",
        static_cast<double>(st.names));
  Gauge(&out, "cordon_engine_generation", "Serving engine generation (1 + accepted reloads).", "gauge",
        static_cast<double>(st.generation));
  Gauge(&out, "cordon_reloads_total", "List reloads attempted.", "counter",
        static_cast<double>(ctx.service.holder->reloads()));
  Gauge(&out, "cordon_reload_failures_total", "List reloads refused (old lists kept serving).", "counter",
        static_cast<double>(ctx.service.holder->reload_failures()));
  Gauge(&out, "process_resident_memory_bytes", "Resident memory.", "gauge",
        static_cast<double>(ResidentBytes()));
  Gauge(&out, "cordon_uptime_seconds", "Seconds since the service started.", "gauge",
        std::chrono::duration<double>(std::chrono::steady_clock::now() - ctx.service.started).count());
  response->content_type = "text/plain; version=0.0.4; charset=utf-8";
  response->body = std::move(out);
  return Status::Ok();
}

}  // namespace cordon::server
