// bench/candidates: does candidate generation lose anything?
//
// For a fixed, seeded sample of queries, the index's Search() is compared
// with SearchOptions::exhaustive (every listed name scored with the same
// scorer and the same alias rules). Any entity the exhaustive scan puts at or
// above the minimum name score that the index does not return is a loss; the
// report counts them and prints each one. Queries: listed names with one
// random letter changed (the hard case for a token index: the typo must be
// found through the deletion neighbourhood or the phonetic key), listed
// names as written, and clean customers.
//
// Usage: candidates [--lists DIR] [--customers FILE] [--queries N] [--min-score S] [--threads N]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "base/file_reader.h"
#include "cordon/engine.h"
#include "index/name_index.h"
#include "lists/common/csv_reader.h"
#include "normalize/name_normalizer.h"

namespace cordon {
namespace {

struct Query {
  std::string kind;
  std::string name;
};

int Main(int argc, char** argv) {
  std::string lists = std::string(CORDON_SOURCE_DIR) + "/data/lists";
  std::string customers = std::string(CORDON_SOURCE_DIR) + "/../shared/data/customers/customers-1m.csv.gz";
  size_t per_kind = 1000;
  double min_score = 0.72;  // threshold 0.80 minus the largest attribute bonus (0.08)
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--lists"))
      lists = argv[i + 1];
    else if (!std::strcmp(argv[i], "--customers"))
      customers = argv[i + 1];
    else if (!std::strcmp(argv[i], "--queries"))
      per_kind = std::stoul(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--min-score"))
      min_score = std::stod(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--threads"))
      threads = std::stoi(argv[i + 1]);
  }
  LoadOptions lo;
  lo.lists_dir = lists;
  auto opened = Engine::Open(lo);
  if (!opened.ok()) {
    std::fprintf(stderr, "candidates: %s\n", opened.status().ToString().c_str());
    return 2;
  }
  const std::vector<Entity>& ents = opened.value()->Entities();
  std::unique_ptr<NameIndex> index = NameIndex::Build(ents);

  std::mt19937_64 rng(20261125);
  std::vector<Query> queries;
  std::vector<const Name*> names;
  for (const Entity& e : ents) {
    for (const Name& n : e.names) names.push_back(&n);
  }
  for (size_t k = 0; k < per_kind; ++k) {
    const Name* n = names[rng() % names.size()];
    queries.push_back({"listed", n->full});
    std::string typo = names[rng() % names.size()]->full;
    // One ASCII letter replaced by another (non-ASCII names keep theirs).
    for (int tries = 0; tries < 8; ++tries) {
      size_t pos = rng() % std::max<size_t>(1, typo.size());
      if (pos < typo.size() && std::isalpha(static_cast<unsigned char>(typo[pos]))) {
        typo[pos] = static_cast<char>('a' + rng() % 26);
        break;
      }
    }
    queries.push_back({"listed+typo", typo});
  }
  std::string data;
  if (ReadFile(customers, &data).ok()) {
    CsvReader reader(data, customers);
    std::vector<std::string> f;
    reader.Next(&f);
    size_t taken = 0;
    while (taken < per_kind && reader.Next(&f)) {
      if (f.size() >= 2 && (rng() % 50) == 0) {
        queries.push_back({"customer", f[1]});
        ++taken;
      }
    }
  }

  std::vector<std::string> losses(queries.size()), score_diffs(queries.size());
  std::vector<size_t> exhaustive_hits(queries.size()), index_hits(queries.size());
  std::vector<double> t_index(queries.size()), t_exh(queries.size());
  std::atomic<size_t> next{0};
  auto work = [&]() {
    for (size_t k = next++; k < queries.size(); k = next++) {
      PreparedName p = index->Prepare(NormalizeName(queries[k].name));
      SearchOptions o;
      o.min_score = min_score;
      auto t0 = std::chrono::steady_clock::now();
      std::vector<NameHit> fast = index->Search(p, o);
      auto t1 = std::chrono::steady_clock::now();
      o.exhaustive = true;
      std::vector<NameHit> slow = index->Search(p, o);
      auto t2 = std::chrono::steady_clock::now();
      t_index[k] = std::chrono::duration<double>(t1 - t0).count();
      t_exh[k] = std::chrono::duration<double>(t2 - t1).count();
      std::map<uint32_t, double> found;
      for (const NameHit& h : fast) found[h.entity] = h.score;
      index_hits[k] = fast.size();
      exhaustive_hits[k] = slow.size();
      for (const NameHit& h : slow) {
        auto it = found.find(h.entity);
        if (it != found.end() && std::abs(it->second - h.score) > 1e-9) {
          // Found, but scored differently: the index's shortcuts must not
          // change a score.
          const Entity& e = ents[h.entity];
          score_diffs[k] += "  " + queries[k].kind + ": \"" + queries[k].name + "\" -> " + e.source + ":" +
                            e.source_id + " index score " + std::to_string(it->second) + ", exhaustive " +
                            std::to_string(h.score) + "\n";
        }
        if (it == found.end()) {
          const Entity& e = ents[h.entity];
          losses[k] += "  " + queries[k].kind + ": \"" + queries[k].name + "\" -> " + e.source + ":" +
                       e.source_id + " \"" + e.names[index->listed_names()[h.listed_name].name].full +
                       "\" name score " + std::to_string(h.score) + "\n";
        }
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();

  size_t lost = 0, hits = 0, lost_queries = 0;
  double ti = 0, te = 0;
  for (size_t k = 0; k < queries.size(); ++k) {
    hits += exhaustive_hits[k];
    lost_queries += losses[k].empty() ? 0 : 1;
    for (char c : losses[k]) lost += c == '\n';
    ti += t_index[k];
    te += t_exh[k];
  }
  std::printf("cordon candidate-generation check\nlists: %s (%zu entities, %zu listed name readings)\n",
              lists.c_str(), ents.size(), index->listed_names().size());
  std::printf(
      "queries: %zu (%zu listed names, %zu listed names with one letter changed, %zu customers), seed "
      "20261125\n",
      queries.size(), per_kind, per_kind, queries.size() - 2 * per_kind);
  std::printf("minimum name score: %.2f\n", min_score);
  std::printf("hits by exhaustive scan: %zu; missed by the index: %zu (in %zu queries)\n", hits, lost,
              lost_queries);
  std::printf("mean time per query: index %.1f us, exhaustive %.1f us\n", 1e6 * ti / queries.size(),
              1e6 * te / queries.size());
  size_t diffs = 0;
  for (const auto& d : score_diffs) diffs += static_cast<size_t>(std::count(d.begin(), d.end(), '\n'));
  std::printf("entities found by both with a different score: %zu\n", diffs);
  for (const auto& l : losses) std::fputs(l.c_str(), stdout);
  for (const auto& d : score_diffs) std::fputs(d.c_str(), stdout);
  return lost == 0 && diffs == 0 ? 0 : 1;
}

}  // namespace
}  // namespace cordon

int main(int argc, char** argv) { return cordon::Main(argc, argv); }
