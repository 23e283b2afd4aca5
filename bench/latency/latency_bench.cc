// bench/latency: single-name screening latency in-process.
//
// A fixed, seeded sample of customers (name, type, birth date, country from
// ../shared/data/customers/) is split in two disjoint halves, A and B, and
// screened one at a time through Engine::Screen on one thread, each call
// timed on its own: A on a freshly opened engine (cold: per-token memos,
// ICU transliteration memos and CPU caches empty), then B on the warmed
// engine (names it has not seen: the steady-state latency), then B again
// (repeated names, which the per-thread no-hit cache answers when nothing
// matched). Percentiles of each are printed. Before any timing is reported,
// the answers are checked: known listed names in several scripts must find
// their party, and every repeated pass must return exactly the matches of
// B's first pass.
//
// Usage: latency [--snapshot FILE | --lists DIR] [--customers FILE] [--sample N] [--seed S] [--passes P]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "base/file_reader.h"
#include "cordon/engine.h"
#include "lists/common/csv_reader.h"

namespace cordon {
namespace {

using Clock = std::chrono::steady_clock;

struct Sample {
  std::vector<Query> queries;
  size_t rows = 0;
};

EntityKind KindOf(const std::string& type) {
  if (type == "person") return EntityKind::kPerson;
  if (type == "organization" || type == "company") return EntityKind::kOrganization;
  if (type == "vessel") return EntityKind::kVessel;
  return EntityKind::kAny;
}

// Reads every row, then picks `n` rows with a seeded shuffle (the same rows
// for the same file and seed).
Result<Sample> ReadSample(const std::string& path, size_t n, uint32_t seed) {
  std::string text;
  if (Status s = ReadFile(path, &text); !s.ok()) return s;
  CsvReader reader(text, path);
  std::vector<std::string> row, header;
  if (!reader.Next(&header)) return Status::DataError("no header", {path});
  auto col = [&](const char* name) {
    auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? -1 : static_cast<int>(it - header.begin());
  };
  const int name_col = col("name"), type_col = col("type"), dob_col = col("dob"),
            country_col = col("country");
  if (name_col < 0) return Status::DataError("no name column", {path});
  std::vector<Query> all;
  while (reader.Next(&row)) {
    if (row.size() != header.size()) continue;
    Query q{row[name_col]};
    if (type_col >= 0) q.kind = KindOf(row[type_col]);
    if (dob_col >= 0) q.birth_date = row[dob_col];
    if (country_col >= 0) q.country = row[country_col];
    all.push_back(std::move(q));
  }
  if (!reader.status().ok()) return reader.status();
  Sample out;
  out.rows = all.size();
  std::mt19937 rng(seed);
  std::shuffle(all.begin(), all.end(), rng);
  all.resize(std::min(n, all.size()));
  out.queries = std::move(all);
  return out;
}

struct Percentiles {
  double p50, p90, p99, p999, max, mean;
};

Percentiles Summarise(std::vector<double> us) {
  std::sort(us.begin(), us.end());
  auto at = [&](double q) { return us[std::min(us.size() - 1, static_cast<size_t>(q * us.size()))]; };
  double sum = 0;
  for (double v : us) sum += v;
  return {at(0.50), at(0.90), at(0.99), at(0.999), us.back(), sum / us.size()};
}

void Print(const char* label, const Percentiles& p) {
  std::printf("%-26s median %7.1f us  p90 %7.1f  p99 %7.1f  p99.9 %8.1f  max %8.1f  mean %7.1f\n", label,
              p.p50, p.p90, p.p99, p.p999, p.max, p.mean);
}

// Known parties in several scripts: the answers the timings stand on.
bool CheckKnownNames(const Engine& engine) {
  struct Known {
    const char* name;
    const char* name_fragment;  // in the primary name of one of the matches (upper case)
  };
  const Known known[] = {
      {"Vladimir Putin", "PUTIN"}, {"Путин Владимир Владимирович", "PUTIN"}, {"김정은", "KIM"},
      {"Ким Чен Ын", "KIM"},       {"Bank Melli Iran", "BANK MELLI"},        {"حزب الله", "HIZBALLAH"},
      {"金铁三", "CHOL SAM"}};
  bool ok = true;
  for (const Known& k : known) {
    Result<std::vector<Match>> r = engine.Screen({k.name}, {});
    bool found = false;
    if (r.ok()) {
      for (const Match& m : r.value()) {
        std::string upper = m.entity->names[0].full;
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        found = found || upper.find(k.name_fragment) != std::string::npos;
      }
    }
    if (!found) {
      std::fprintf(stderr, "latency: check failed: no match of '%s' is a %s\n", k.name, k.name_fragment);
      ok = false;
    }
  }
  return ok;
}

// What a screening found, to compare passes: entity pointers and scores.
using Answer = std::vector<std::pair<const Entity*, double>>;

int Main(int argc, char** argv) {
  std::string lists = std::string(CORDON_SOURCE_DIR) + "/data/lists";
  std::string snapshot;
  std::string customers = std::string(CORDON_SOURCE_DIR) + "/../shared/data/customers/customers-1m.csv.gz";
  size_t sample_size = 40000;
  uint32_t seed = 20261201;
  int passes = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--lists"))
      lists = argv[i + 1];
    else if (!std::strcmp(argv[i], "--snapshot"))
      snapshot = argv[i + 1];
    else if (!std::strcmp(argv[i], "--customers"))
      customers = argv[i + 1];
    else if (!std::strcmp(argv[i], "--sample"))
      sample_size = std::stoul(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--seed"))
      seed = static_cast<uint32_t>(std::stoul(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--passes"))
      passes = std::max(2, std::stoi(argv[i + 1]));
    else {
      std::fprintf(stderr, "latency: unknown flag %s\n", argv[i]);
      return 1;
    }
  }
  Result<Sample> sample = ReadSample(customers, sample_size, seed);
  if (!sample.ok()) {
    std::fprintf(stderr, "latency: %s\n", sample.status().ToString().c_str());
    return 2;
  }
  auto start = Clock::now();
  Result<std::unique_ptr<Engine>> opened = Status::Internal("not opened");
  if (!snapshot.empty()) {
    opened = Engine::OpenSnapshot(snapshot);
  } else {
    LoadOptions lo;
    lo.lists_dir = lists;
    opened = Engine::Open(lo);
  }
  if (!opened.ok()) {
    std::fprintf(stderr, "latency: %s\n", opened.status().ToString().c_str());
    return 2;
  }
  const double open_s = std::chrono::duration<double>(Clock::now() - start).count();
  const Engine& engine = *opened.value();
  // Two disjoint halves of the sample: A warms a freshly opened engine (the
  // cold figures), B is then screened for the first time on the warm engine
  // (customers it has not seen: the figure that matters), then again (names
  // seen before, answered by the per-thread no-hit cache when nothing
  // matched).
  const std::vector<Query>& all = sample.value().queries;
  const size_t half = all.size() / 2;
  const std::vector<Query> warmup(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(half));
  const std::vector<Query> queries(all.begin() + static_cast<std::ptrdiff_t>(half), all.end());
  auto run = [&](const std::vector<Query>& qs, std::vector<double>* times, std::vector<Answer>* answers,
                 size_t* errors) {
    times->reserve(qs.size());
    for (size_t i = 0; i < qs.size(); ++i) {
      auto t0 = Clock::now();
      Result<std::vector<Match>> r = engine.Screen(qs[i], {});
      auto t1 = Clock::now();
      times->push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
      Answer a;
      if (r.ok()) {
        for (const Match& m : r.value()) a.emplace_back(m.entity, m.score);
      } else {
        ++*errors;
      }
      answers->push_back(std::move(a));
    }
  };
  std::vector<double> cold_times, first_times;
  std::vector<std::vector<double>> repeat_times(static_cast<size_t>(passes - 1));
  std::vector<Answer> cold_answers, first, again;
  size_t errors = 0, ignored = 0;
  run(warmup, &cold_times, &cold_answers, &errors);
  run(queries, &first_times, &first, &errors);
  size_t with_matches = 0, mismatched = 0;
  for (const Answer& a : cold_answers) with_matches += a.empty() ? 0 : 1;
  for (const Answer& a : first) with_matches += a.empty() ? 0 : 1;
  for (auto& times : repeat_times) {
    again.clear();
    run(queries, &times, &again, &ignored);
    for (size_t i = 0; i < queries.size(); ++i) mismatched += again[i] != first[i] ? 1 : 0;
  }
  const bool known_ok = CheckKnownNames(engine);
  if (!known_ok || mismatched != 0) {
    std::fprintf(stderr,
                 "latency: answers check failed (%zu repeated screenings differ from the first); "
                 "no timings reported\n",
                 mismatched);
    return 1;
  }
  std::printf("engine opened from %s in %.2f s; %zu of %zu customer rows sampled (seed %u), 1 thread\n",
              snapshot.empty() ? lists.c_str() : snapshot.c_str(), open_s, all.size(), sample.value().rows,
              seed);
  std::printf(
      "answers checked: known names found; %d repeated passes equal the first; %zu queries with "
      "matches, %zu rejected as invalid input\n",
      passes - 1, with_matches, errors);
  Print("cold (fresh engine, A)", Summarise(cold_times));
  Print("warm engine, new names (B)", Summarise(first_times));
  std::vector<double> warm;
  for (const auto& t : repeat_times) warm.insert(warm.end(), t.begin(), t.end());
  Print("repeated names (B again)", Summarise(warm));
  // The slowest new names on the warm engine: where p99 comes from.
  std::vector<std::pair<double, size_t>> slow;
  for (size_t i = 0; i < queries.size(); ++i) slow.emplace_back(first_times[i], i);
  std::sort(slow.rbegin(), slow.rend());
  std::printf("slowest new names on the warm engine:");
  for (size_t k = 0; k < 5 && k < slow.size(); ++k) {
    std::printf("%s %.0f us '%s'", k == 0 ? "" : ",", slow[k].first, queries[slow[k].second].name.c_str());
  }
  std::printf("\n");
  return 0;
}

}  // namespace
}  // namespace cordon

int main(int argc, char** argv) { return cordon::Main(argc, argv); }
