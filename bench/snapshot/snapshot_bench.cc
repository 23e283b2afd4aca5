// bench/snapshot: start-up from raw lists vs from an index snapshot.
//
// 1. Cold build: Engine::Open over the lists (parse every source, normalise
//    and index every name), timed.
// 2. Save the snapshot, timed; its size.
// 3. Answers first: the snapshot is opened once and a seeded sample of
//    queries (listed names as written and with a letter dropped, customers
//    with type, birth date and country, names in other scripts) is screened
//    on both engines; the JSON of every result (and every score, exactly)
//    must be identical, or the bench stops without timings.
// 4. Open the snapshot N times, timed (median and best), with and without
//    the check against the list folders.
//
// Usage: snapshot [--lists DIR] [--out FILE] [--customers FILE] [--queries N] [--runs N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include <sys/stat.h>

#include "base/file_reader.h"
#include "base/json_writer.h"
#include "cordon/engine.h"
#include "lists/common/csv_reader.h"
#include "model/match_json.h"

namespace cordon {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::string Screening(const Engine& engine, const Query& q) {
  Result<std::vector<Match>> r = engine.Screen(q, {});
  if (!r.ok()) return "error: " + r.status().ToString();
  std::string out;
  JsonWriter w(&out);
  WriteMatchesJson(r.value(), &w);
  for (const Match& m : r.value()) {
    char buf[64];
    std::snprintf(buf, sizeof(buf), " %a", m.score);
    out += buf;
  }
  return out;
}

std::vector<Query> Queries(const Engine& engine, const std::string& customers, size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<Query> out;
  const auto& entities = engine.Entities();
  for (size_t i = 0; i < n; ++i) {
    const Entity& e = entities[rng() % entities.size()];
    Query q{e.names[rng() % e.names.size()].full};
    if (i % 2 == 1 && q.name.size() > 6) {
      size_t at = 1 + rng() % (q.name.size() - 2);
      if ((q.name[at] & 0x80) == 0) q.name.erase(at, 1);  // a dropped ASCII letter
    }
    out.push_back(std::move(q));
  }
  std::string text;
  if (ReadFile(customers, &text).ok()) {
    CsvReader reader(text, customers);
    std::vector<std::string> row;
    std::vector<Query> rows;
    reader.Next(&row);  // header: id,name,type,dob,country
    while (reader.Next(&row) && rows.size() < 200000) {
      if (row.size() < 5) continue;
      Query q{row[1]};
      q.kind = row[2] == "person"         ? EntityKind::kPerson
               : row[2] == "organization" ? EntityKind::kOrganization
                                          : EntityKind::kAny;
      q.birth_date = row[3];
      q.country = row[4];
      rows.push_back(std::move(q));
    }
    std::shuffle(rows.begin(), rows.end(), rng);
    rows.resize(std::min(rows.size(), n));
    out.insert(out.end(), rows.begin(), rows.end());
  }
  for (const char* name : {"Путин Владимир", "김정은", "金正恩", "Ким Чен Ын", "محمد علي", "عبد الرحمن",
                           "Кузнецов Иван", "박철수", "王小明", "Hizballah"}) {
    out.push_back(Query{name});
  }
  return out;
}

int Main(int argc, char** argv) {
  std::string lists = std::string(CORDON_SOURCE_DIR) + "/data/lists";
  std::string out = "/tmp/cordon_bench.snap";
  std::string customers = std::string(CORDON_SOURCE_DIR) + "/../shared/data/customers/customers-1m.csv.gz";
  size_t n = 2000;
  int runs = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--lists"))
      lists = argv[i + 1];
    else if (!std::strcmp(argv[i], "--out"))
      out = argv[i + 1];
    else if (!std::strcmp(argv[i], "--customers"))
      customers = argv[i + 1];
    else if (!std::strcmp(argv[i], "--queries"))
      n = std::stoul(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--runs"))
      runs = std::max(1, std::stoi(argv[i + 1]));
    else {
      std::fprintf(stderr, "snapshot: unknown flag %s\n", argv[i]);
      return 1;
    }
  }
  LoadOptions lo;
  lo.lists_dir = lists;
  auto t = Clock::now();
  auto built = Engine::Open(lo);
  const double build_s = Since(t);
  if (!built.ok()) {
    std::fprintf(stderr, "snapshot: %s\n", built.status().ToString().c_str());
    return 2;
  }
  t = Clock::now();
  if (Status s = built.value()->SaveSnapshot(out); !s.ok()) {
    std::fprintf(stderr, "snapshot: %s\n", s.ToString().c_str());
    return 2;
  }
  const double save_s = Since(t);
  struct stat st {};
  ::stat(out.c_str(), &st);

  // Answers before timings.
  auto loaded = Engine::OpenSnapshot(out);
  if (!loaded.ok()) {
    std::fprintf(stderr, "snapshot: %s\n", loaded.status().ToString().c_str());
    return 2;
  }
  std::vector<Query> queries = Queries(*built.value(), customers, n, 20261201);
  size_t differ = 0, with_matches = 0;
  for (const Query& q : queries) {
    std::string a = Screening(*built.value(), q), b = Screening(*loaded.value(), q);
    with_matches += a.rfind("[{", 0) == 0;
    if (a != b) {
      if (++differ <= 5)
        std::fprintf(stderr, "snapshot: differs for '%s':\n  %s\n  %s\n", q.name.c_str(), a.c_str(),
                     b.c_str());
    }
  }
  if (differ != 0 || loaded.value()->Entities().size() != built.value()->Entities().size()) {
    std::fprintf(stderr, "snapshot: %zu of %zu screenings differ; no timings reported\n", differ,
                 queries.size());
    return 1;
  }
  loaded = Status::Internal("released");
  built = Status::Internal("released");

  std::vector<double> open_s, checked_s;
  for (int r = 0; r < runs; ++r) {
    t = Clock::now();
    auto e = Engine::OpenSnapshot(out);
    open_s.push_back(Since(t));
    if (!e.ok()) return 2;
  }
  SnapshotOptions check;
  check.lists_dir = lists;
  for (int r = 0; r < runs; ++r) {
    t = Clock::now();
    auto e = Engine::OpenSnapshot(out, check);
    checked_s.push_back(Since(t));
    if (!e.ok()) {
      std::fprintf(stderr, "snapshot: %s\n", e.status().ToString().c_str());
      return 2;
    }
  }
  std::sort(open_s.begin(), open_s.end());
  std::sort(checked_s.begin(), checked_s.end());
  std::printf(
      "answers checked: %zu screenings (%zu with matches) identical on the built and the reopened engine\n",
      queries.size(), with_matches);
  std::printf("cold build from %s: %.2f s\n", lists.c_str(), build_s);
  std::printf("save snapshot %s: %.2f s, %.1f MB\n", out.c_str(), save_s,
              static_cast<double>(st.st_size) / (1 << 20));
  std::printf("open snapshot (%d runs): median %.3f s, best %.3f s\n", runs, open_s[open_s.size() / 2],
              open_s[0]);
  std::printf("open snapshot + check against the lists (%d runs): median %.3f s, best %.3f s\n", runs,
              checked_s[checked_s.size() / 2], checked_s[0]);
  return 0;
}

}  // namespace
}  // namespace cordon

int main(int argc, char** argv) { return cordon::Main(argc, argv); }
