// Re-screening: changed customers against every list, every customer
// against only the changed listed entities (via the customer key index).
#include "cordon/monitor.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "cordon/engine.h"
#include "monitor/explanation_json.h"
#include "monitor/list_engine.h"
#include "store/blocking_keys.h"
#include "store/entity_codec.h"
#include "store/store_impl.h"

namespace cordon {
namespace {

constexpr size_t kMaxErrorSamples = 5;

Query QueryOf(const StoredCustomer& c) {
  Query q;
  q.name = c.name;
  q.kind = CustomerKindOf(c.type);
  q.birth_date = c.dob;
  q.country = c.country;
  return q;
}

// A listed entity added or modified since the last run.
struct ChangedEntity {
  uint32_t version;  // index into the latest versions
  std::string key;   // member key
  std::string hash;  // record hash
  bool operator<(const ChangedEntity& o) const {
    return version != o.version ? version < o.version : key < o.key;
  }
};

void ParallelFor(size_t n, int threads, const std::function<void(size_t)>& fn) {
  std::atomic<size_t> next{0};
  auto work = [&]() {
    for (size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) fn(i);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads && static_cast<size_t>(t) < n; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

}  // namespace

const char* EngineCacheStatusName(EngineCacheStatus status) {
  switch (status) {
    case EngineCacheStatus::kUnused:
      return "unused";
    case EngineCacheStatus::kOff:
      return "off";
    case EngineCacheStatus::kOpened:
      return "opened";
    case EngineCacheStatus::kBuilt:
      return "built";
    case EngineCacheStatus::kRebuilt:
      return "rebuilt";
  }
  return "unused";
}

Result<EngineCacheReport> PrepareEngineCache(Store* store, const EngineCacheOptions& options) {
  auto* impl = dynamic_cast<StoreImpl*>(store);
  if (impl == nullptr)
    return Status::InvalidArgument("PrepareEngineCache needs a store opened with Store::Open");
  if (options.threads < 1) return Status::InvalidArgument("threads must be >= 1", {"", 0, "threads"});
  Result<std::vector<StoredListVersion>> latest = Status::Internal("not read");
  std::map<std::string, int64_t> monitored;
  int64_t customer_seq = -1;
  {
    SqliteTxn read(impl->db());
    Status s = read.Begin(false);
    if (!s.ok()) return s;
    latest = impl->LatestVersions();
    if (!latest.ok()) return latest.status();
    s = impl->MonitorState(&monitored, &customer_seq);
    if (!s.ok()) return s;
  }
  if (latest->empty()) return Status::DataError("no list version stored; run `cordon lists import` first");
  if (customer_seq < 0) return EngineCacheReport{};  // never monitored: the first run is a full one
  Result<ListEngine> list_engine =
      AcquireListEngine(latest.value(), {.store_path = impl->db()->path(), .threads = options.threads});
  if (!list_engine.ok()) return list_engine.status();
  return std::move(list_engine->cache);
}

Result<MonitorReport> RunMonitor(Store* store, const MonitorOptions& options) {
  auto* impl = dynamic_cast<StoreImpl*>(store);
  if (impl == nullptr) return Status::InvalidArgument("RunMonitor needs a store opened with Store::Open");
  if (options.threads < 1) return Status::InvalidArgument("threads must be >= 1", {"", 0, "threads"});
  if (!options.screen.sources.empty()) {
    return Status::InvalidArgument(
        "monitoring covers every stored source; ScreenOptions::sources must be empty", {"", 0, "source"});
  }
  const auto start = std::chrono::steady_clock::now();
  MonitorReport report;

  // ---- Read phase: one consistent snapshot of the watermark, the delta and
  // the customers. The engine over the latest list versions is obtained on
  // a second thread (its own connection: committed versions never change)
  // while this one looks the changed entities up in the customer key index.
  std::vector<StoredListVersion> latest;
  std::map<std::string, int64_t> prev_versions;
  int64_t prev_seq = -1, cur_seq = 0;
  std::vector<ChangedEntity> changed;  // sorted by (version, key)
  std::vector<StoredCustomer> changed_customers, candidate_customers;
  std::unordered_map<int64_t, std::vector<uint32_t>> candidates;  // customer rowid -> indexes into `changed`
  Result<ListEngine> list_engine = Status::Internal("list engine not acquired");
  std::thread acquirer;
  struct JoinOnExit {
    std::thread* t;
    ~JoinOnExit() {
      if (t->joinable()) t->join();
    }
  } join_on_exit{&acquirer};
  {
    SqliteTxn read(impl->db());
    Status s = read.Begin(false);
    if (!s.ok()) return s;
    Result<std::vector<StoredListVersion>> l = impl->LatestVersions();
    if (!l.ok()) return l.status();
    latest = std::move(l).value();
    if (latest.empty()) return Status::DataError("no list version stored; run `cordon lists import` first");
    s = impl->MonitorState(&prev_versions, &prev_seq);
    if (!s.ok()) return s;
    Result<int64_t> seq = impl->CurrentCustomerSeq();
    if (!seq.ok()) return seq.status();
    cur_seq = seq.value();
    Result<int64_t> total = impl->CustomerCount();
    if (!total.ok()) return total.status();
    report.customers_total = total.value();
    report.full = options.full || prev_seq < 0;
    report.versions = latest;

    // The delta: per source, members added or modified since the version
    // last monitored (a comparison of record hashes; no record is read).
    for (size_t vi = 0; vi < latest.size() && !report.full; ++vi) {
      const StoredListVersion& v = latest[vi];
      auto prev = prev_versions.find(v.source);
      if (prev != prev_versions.end() && prev->second == v.id) continue;
      std::unordered_map<std::string, std::string> before, now;
      if (prev != prev_versions.end()) {
        s = impl->VersionHashes(prev->second, &before);
        if (!s.ok()) return s;
      }
      s = impl->VersionHashes(v.id, &now);
      if (!s.ok()) return s;
      for (const auto& [key, hash] : now) {
        auto it = before.find(key);
        if (it == before.end() || it->second != hash)
          changed.push_back({static_cast<uint32_t>(vi), key, hash});
      }
      for (const auto& [key, hash] : before) report.entities_removed += now.count(key) == 0;
    }
    std::sort(changed.begin(), changed.end());
    report.entities_changed = static_cast<int64_t>(changed.size());
    s = impl->CustomersChangedSince(report.full ? -1 : prev_seq, &changed_customers);
    if (!s.ok()) return s;
    if (!changed_customers.empty() || !changed.empty()) {
      acquirer = std::thread([&list_engine, &latest, path = impl->db()->path(), &options]() {
        list_engine = AcquireListEngine(
            latest, {.store_path = path, .threads = options.threads, .use_cache = options.engine_cache});
      });

      // Customers proposed by the key index for each changed entity.
      std::unordered_set<int64_t> screened_anyway;
      for (const auto& c : changed_customers) screened_anyway.insert(c.rowid);
      std::vector<KeyPosting> posting;
      for (size_t ci = 0; ci < changed.size(); ++ci) {
        const StoredListVersion& v = latest[changed[ci].version];
        Result<std::string> body = impl->RecordBody(changed[ci].hash);
        if (!body.ok()) return body.status();
        Entity e;
        s = DecodeEntity(body.value(), &e);
        if (!s.ok()) {
          return Status::DataError("stored record of " + v.source + " " + SourceIdOfKey(changed[ci].key) +
                                       " is damaged: " + s.message(),
                                   {impl->db()->path(), 0, s.location().field});
        }
        std::unordered_set<int64_t> proposed;
        for (const Name& n : e.names) {
          BlockingName bn = MakeBlockingName(n.full, e.schema == Schema::kPerson,
                                             IsOrganizationLike(e.schema), /*typos=*/true);
          if (bn.tokens.empty()) continue;
          // rowid -> (tokens shared, customer tokens)
          std::unordered_map<int64_t, std::pair<int, int>> shared;
          for (const BlockingToken& t : bn.tokens) {
            std::unordered_set<int64_t> seen;
            for (const std::string& key : t.keys) {
              posting.clear();
              s = impl->CustomersWithKey(key, &posting);
              if (!s.ok()) return s;
              for (const KeyPosting& p : posting) {
                if (!KindAllowsSchema(p.kind, e.schema) || !seen.insert(p.rowid).second) continue;
                auto& h = shared[p.rowid];
                ++h.first;
                h.second = p.ntok;
              }
            }
          }
          const int name_tokens = static_cast<int>(bn.tokens.size());
          for (const auto& [rowid, h] : shared) {
            int need = std::min({2, name_tokens, std::max(1, h.second)});
            if (h.first >= need && screened_anyway.count(rowid) == 0) proposed.insert(rowid);
          }
        }
        for (int64_t rowid : proposed) candidates[rowid].push_back(static_cast<uint32_t>(ci));
        report.candidates += static_cast<int64_t>(proposed.size());
      }
      std::vector<int64_t> rowids;
      rowids.reserve(candidates.size());
      for (const auto& [rowid, _] : candidates) rowids.push_back(rowid);
      std::sort(rowids.begin(), rowids.end());
      s = impl->CustomersByRowid(rowids, &candidate_customers);
      if (!s.ok()) return s;
    }
  }
  report.read_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto lap = [t = std::chrono::steady_clock::now()]() mutable {
    auto now = std::chrono::steady_clock::now();
    double d = std::chrono::duration<double>(now - t).count();
    t = now;
    return d;
  };
  const bool work = acquirer.joinable();
  std::unique_ptr<Engine> engine;
  std::vector<std::string> entity_hashes;
  std::vector<uint32_t> entity_version;  // index into `latest`
  // Changed entity (index into `changed`) -> engine entity index.
  std::vector<uint32_t> changed_entity(changed.size(), UINT32_MAX);
  if (work) {
    acquirer.join();
    if (!list_engine.ok()) return list_engine.status();
    report.engine_cache = std::move(list_engine->cache);
    engine = std::move(list_engine->engine);
    entity_hashes = std::move(list_engine->hashes);
    entity_version = std::move(list_engine->version);
    for (size_t i = 0; i < entity_version.size() && !changed.empty(); ++i) {
      ChangedEntity key{entity_version[i], std::move(list_engine->keys[i]), ""};
      auto it = std::lower_bound(changed.begin(), changed.end(), key);
      if (it != changed.end() && it->version == key.version && it->key == key.key) {
        changed_entity[static_cast<size_t>(it - changed.begin())] = static_cast<uint32_t>(i);
      }
    }
    for (uint32_t idx : changed_entity) {
      if (idx == UINT32_MAX) return Status::Internal("a changed entity is missing from the list engine");
    }
  }
  report.engine_seconds = lap();  // the part of obtaining the engine not hidden behind the reads

  // ---- Screening.
  std::vector<MonitorHit> hits;
  std::mutex mu;
  auto add_hit = [&](const StoredCustomer& c, const Match& m, const char* trigger) {
    size_t idx = static_cast<size_t>(m.entity - engine->Entities().data());
    const StoredListVersion& v = latest[entity_version[idx]];
    MonitorHit h;
    h.customer = &c;
    h.source = m.entity->source;
    h.source_id = m.entity->source_id;
    h.entity_hash = entity_hashes[idx];
    h.list_version_id = v.id;
    h.list_version = v.content_hash;
    h.list_as_of = v.as_of;
    h.listed_name = m.entity->names.front().full;
    h.matched_name = m.matched_name;
    h.score = m.score;
    h.strength = std::string(MatchStrengthName(m.strength));
    h.summary = m.explanation.summary;
    h.explanation_json = ExplanationJson(m);
    h.trigger = trigger;
    std::lock_guard<std::mutex> lock(mu);
    hits.push_back(std::move(h));
  };
  auto add_error = [&](const StoredCustomer& c, const Status& s) {
    std::lock_guard<std::mutex> lock(mu);
    ++report.customer_errors;
    if (report.error_samples.size() < kMaxErrorSamples) {
      report.error_samples.push_back("customer " + c.id + ": " + s.ToString());
    }
  };
  if (work) {
    const char* trigger = report.full ? "full screening" : "customer new or changed";
    ParallelFor(changed_customers.size(), options.threads, [&](size_t i) {
      const StoredCustomer& c = changed_customers[i];
      Result<std::vector<Match>> m = engine->Screen(QueryOf(c), options.screen);
      if (!m.ok()) return add_error(c, m.status());
      for (const Match& match : m.value()) add_hit(c, match, trigger);
    });
    report.customers_screened = static_cast<int64_t>(changed_customers.size());
    // Confirm each candidate in the customer -> list direction over every
    // list, with the options of a full screening, so that a pair is raised
    // exactly when a full screening shows it (same score, same limit).
    const Entity* base = engine->Entities().data();
    ParallelFor(candidate_customers.size(), options.threads, [&](size_t i) {
      const StoredCustomer& c = candidate_customers[i];
      const std::vector<uint32_t>& wanted = candidates.at(c.rowid);
      Result<std::vector<Match>> m = engine->Screen(QueryOf(c), options.screen);
      if (!m.ok()) return add_error(c, m.status());
      for (const Match& match : m.value()) {
        uint32_t idx = static_cast<uint32_t>(match.entity - base);
        for (uint32_t ci : wanted) {
          if (changed_entity[ci] == idx) {
            add_hit(c, match, "listed entity added or modified");
            break;
          }
        }
      }
    });
  }
  report.screen_seconds = lap();
  // Deterministic order: alert creation order and audit entries do not
  // depend on thread scheduling.
  std::sort(hits.begin(), hits.end(), [](const MonitorHit& a, const MonitorHit& b) {
    if (a.customer->rowid != b.customer->rowid) return a.customer->rowid < b.customer->rowid;
    if (a.source != b.source) return a.source < b.source;
    if (a.source_id != b.source_id) return a.source_id < b.source_id;
    return a.score > b.score;
  });
  // A list that repeats a record id (two records, one alert id): keep the
  // best-scoring hit.
  hits.erase(std::unique(hits.begin(), hits.end(),
                         [](const MonitorHit& a, const MonitorHit& b) {
                           return a.customer == b.customer && a.source == b.source &&
                                  a.source_id == b.source_id;
                         }),
             hits.end());
  report.hits = static_cast<int64_t>(hits.size());

  // ---- Write phase: one transaction.
  std::string details = "{\"full\":" + std::string(report.full ? "true" : "false") + ",\"versions\":[";
  for (size_t i = 0; i < latest.size(); ++i) {
    const StoredListVersion& v = latest[i];
    details += std::string(i ? "," : "") + "{\"source\":" + JsonQuote(v.source) +
               ",\"version_id\":" + std::to_string(v.id) + ",\"content_hash\":" + JsonQuote(v.content_hash) +
               ",\"set_hash\":" + JsonQuote(v.set_hash) + ",\"as_of\":" + JsonQuote(v.as_of) + "}";
  }
  char threshold[32];
  std::snprintf(threshold, sizeof(threshold), "%.4g", options.screen.threshold);
  details += "],\"customer_seq\":" + std::to_string(cur_seq) +
             ",\"previous_customer_seq\":" + std::to_string(prev_seq) + ",\"threshold\":" + threshold +
             ",\"customers_total\":" + std::to_string(report.customers_total) +
             ",\"customers_screened\":" + std::to_string(report.customers_screened) +
             ",\"entities_changed\":" + std::to_string(report.entities_changed) +
             ",\"entities_removed\":" + std::to_string(report.entities_removed) +
             ",\"candidates\":" + std::to_string(report.candidates) +
             ",\"hits\":" + std::to_string(report.hits) +
             ",\"customer_errors\":" + std::to_string(report.customer_errors) + "}";
  SqliteTxn txn(impl->db());
  Status s = txn.Begin(true);
  if (!s.ok()) return s;
  std::map<std::string, int64_t> now_versions;
  int64_t now_seq = -1;
  s = impl->MonitorState(&now_versions, &now_seq);
  if (!s.ok()) return s;
  if (now_versions != prev_versions || now_seq != prev_seq) {
    return Status::IoError(
        "store is busy: another monitor run committed while this one screened; run it again",
        {impl->db()->path()});
  }
  s = impl->RecordMonitorRun(hits, latest, cur_seq, details, &report);
  if (!s.ok()) return s;
  s = txn.Commit();
  if (!s.ok()) return s;
  report.write_seconds = lap();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace cordon
