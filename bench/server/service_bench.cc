// Where a /match request's time goes, without sockets: Service::Handle on the
// bench query vs the Engine::Screen call inside it, single-threaded, over the
// bundled lists. Checks the answer before timing. Usage:
//   build/bench/cordon_service_bench [LISTS_DIR] [ITERATIONS]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "ftm_entity.h"
#include "ftm_query.h"
#include "service.h"

int main(int argc, char** argv) {
  using namespace cordon;
  using Clock = std::chrono::steady_clock;
  LoadOptions load;
  load.lists_dir = argc > 1 && argv[1][0] != '\0' ? argv[1] : CORDON_SOURCE_DIR "/data/lists";
  int iterations = argc > 2 ? std::atoi(argv[2]) : 20000;
  Result<std::unique_ptr<Engine>> engine = Engine::Open(load);
  if (!engine.ok()) {
    std::fprintf(stderr, "%s\n", engine.status().ToString().c_str());
    return 2;
  }
  server::EngineHolder holder(load);
  holder.Install(std::shared_ptr<const Engine>(std::move(engine.value())));
  server::Service service(&holder, nullptr, server::ServiceOptions{});
  server::HttpRequest req;
  req.method = "POST";
  req.path = "/match/default";
  req.body =
      R"({"queries":{"q1":{"schema":"Person","properties":{"name":["Vladimir Putin"],"birthDate":["1952-10-07"],"nationality":["ru"]}}}})";

  server::HttpResponse check;
  service.Handle(req, &check);
  if (check.status != 200 || check.body.find("PUTIN") == std::string::npos ||
      check.body.find("\"list_version\"") == std::string::npos) {
    std::fprintf(stderr, "answer check failed: %d %s\n", check.status, check.body.substr(0, 300).c_str());
    return 1;
  }
  std::printf("answer check: ok (%zu bytes)\n", check.body.size());

  Query q;
  q.name = "Vladimir Putin";
  q.kind = EntityKind::kPerson;
  q.birth_date = "1952-10-07";
  q.country = "ru";
  ScreenOptions options;
  options.limit = 5;
  const Engine& e = *holder.Current()->engine;
  size_t sink = 0;
  for (int round = 0; round < 2; ++round) {  // round 0 warms caches
    auto t0 = Clock::now();
    for (int i = 0; i < iterations; ++i) sink += e.Screen(q, options).value().size();
    auto t1 = Clock::now();
    for (int i = 0; i < iterations; ++i) {
      server::HttpResponse r;
      service.Handle(req, &r);
      sink += r.body.size();
    }
    auto t2 = Clock::now();
    for (int i = 0; i < iterations; ++i) sink += server::DecodeMatchRequest(req.body).value().queries.size();
    auto t3 = Clock::now();
    std::vector<Match> matches = e.Screen(q, options).value();
    for (int i = 0; i < iterations; ++i) {
      std::string body;
      JsonWriter out(&body);
      out.BeginArray();
      for (const Match& m : matches)
        server::WriteMatch(m, e, 0.8, &out, holder.Current()->MembersOf(m.entity));
      out.EndArray();
      sink += body.size();
    }
    auto t4 = Clock::now();
    if (round == 1) {
      std::printf("  of which: JSON decode %.1f us, JSON response (%zu matches) %.1f us\n",
                  std::chrono::duration<double, std::micro>(t3 - t2).count() / iterations, matches.size(),
                  std::chrono::duration<double, std::micro>(t4 - t3).count() / iterations);
      double screen_us = std::chrono::duration<double, std::micro>(t1 - t0).count() / iterations;
      double handle_us = std::chrono::duration<double, std::micro>(t2 - t1).count() / iterations;
      std::printf("Engine::Screen      %7.1f us/query\n", screen_us);
      std::printf(
          "Service::Handle     %7.1f us/request (JSON decode + Screen + JSON response: %.1f us around "
          "Screen)\n",
          handle_us, handle_us - screen_us);
    }
  }
  return sink == 0 ? 1 : 0;
}
