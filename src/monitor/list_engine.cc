#include "monitor/list_engine.h"

#include <signal.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <thread>

#include "store/entity_codec.h"
#include "store/sha256.h"
#include "store/sqlite_db.h"
#include "store/store_impl.h"

namespace cordon {
namespace {

// Records read but not decoded yet: (entity slot, canonical record).
using Chunk = std::vector<std::pair<size_t, std::string>>;
constexpr size_t kChunkRecords = 256;

// Chunks handed from the reading thread to the decoding threads.
class ChunkQueue {
 public:
  void Push(Chunk chunk) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      chunks_.push_back(std::move(chunk));
    }
    cv_.notify_one();
  }
  void Close() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      closed_ = true;
    }
    cv_.notify_all();
  }
  // Blocks until a chunk is available (true) or the queue is closed and
  // empty (false).
  bool Pop(Chunk* chunk) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return closed_ || !chunks_.empty(); });
    if (chunks_.empty()) return false;
    *chunk = std::move(chunks_.front());
    chunks_.pop_front();
    return true;
  }
  // Non-blocking: the reader helps decode while it waits for nothing.
  bool TryPop(Chunk* chunk) {
    std::lock_guard<std::mutex> lock(mu_);
    if (chunks_.empty()) return false;
    *chunk = std::move(chunks_.front());
    chunks_.pop_front();
    return true;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Chunk> chunks_;
  bool closed_ = false;
};

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Where each version's members go in the engine: version vi's member `ord`
// is entity offset[vi] + ord.
std::vector<size_t> Offsets(const std::vector<StoredListVersion>& versions, size_t* total) {
  std::vector<size_t> offset;
  *total = 0;
  for (const StoredListVersion& v : versions) {
    offset.push_back(*total);
    *total += static_cast<size_t>(v.entities);
  }
  return offset;
}

Status DamagedMember(const StoredListVersion& v, int64_t ord, const std::string& path) {
  return Status::DataError("stored version " + std::to_string(v.id) + " of " + v.source +
                               " is damaged: member order " + std::to_string(ord) + " is invalid",
                           {path});
}

// Fills out->keys, hashes and version from the version members (no record
// is read), in the caller's read transaction.
Status ReadMembers(StoreImpl* impl, const std::vector<StoredListVersion>& versions, const std::string& path,
                   ListEngine* out) {
  size_t total = 0;
  const std::vector<size_t> offset = Offsets(versions, &total);
  out->keys.assign(total, std::string());
  out->hashes.assign(total, std::string());
  out->version.assign(total, 0);
  std::vector<char> seen(total, 0);
  size_t filled = 0;
  for (size_t vi = 0; vi < versions.size(); ++vi) {
    const StoredListVersion& v = versions[vi];
    Status s = impl->ForEachVersionMember(
        v.id, [&](int64_t ord, std::string_view key, std::string_view hash) -> Status {
          const size_t slot = offset[vi] + static_cast<size_t>(ord);
          if (ord < 0 || ord >= v.entities || seen[slot]) return DamagedMember(v, ord, path);
          seen[slot] = 1;
          out->keys[slot].assign(key);
          out->hashes[slot].assign(hash);
          out->version[slot] = static_cast<uint32_t>(vi);
          ++filled;
          return Status::Ok();
        });
    if (!s.ok()) return s;
  }
  if (filled != total) {
    return Status::DataError("stored list versions are damaged: " + std::to_string(filled) +
                                 " members found, " + std::to_string(total) + " recorded",
                             {path});
  }
  return Status::Ok();
}

// The engine built from the stored records of the members in `members`:
// this thread reads (SQLite), the others decode chunks as they come.
Result<std::unique_ptr<Engine>> BuildEngine(StoreImpl* impl, const std::vector<StoredListVersion>& versions,
                                            const ListEngine& members, const ListEngineOptions& options) {
  size_t total = 0;
  const std::vector<size_t> offset = Offsets(versions, &total);
  std::vector<Entity> entities(total);
  ChunkQueue queue;
  std::vector<Status> errors(static_cast<size_t>(options.threads));
  auto decode = [&](const Chunk& chunk, Status* error) {
    for (const auto& [slot, body] : chunk) {
      if (!error->ok()) return;
      Entity& e = entities[slot];
      e.source = versions[members.version[slot]].source;
      e.source_id = SourceIdOfKey(members.keys[slot]);
      Status d = DecodeEntity(body, &e);
      if (!d.ok()) {
        *error = Status::DataError(
            "stored record of " + e.source + " " + e.source_id + " is damaged: " + d.message(),
            {options.store_path, 0, d.location().field});
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < options.threads; ++t) {
    pool.emplace_back([&, t] {
      Chunk chunk;
      while (queue.Pop(&chunk)) decode(chunk, &errors[static_cast<size_t>(t)]);
    });
  }
  struct CloseAndJoin {
    ChunkQueue* queue;
    std::vector<std::thread>* pool;
    ~CloseAndJoin() {
      queue->Close();
      for (auto& th : *pool) th.join();
    }
  } close_and_join{&queue, &pool};

  std::vector<char> seen(total, 0);
  size_t filled = 0;
  {
    SqliteTxn read(impl->db());
    Status s = read.Begin(false);
    if (!s.ok()) return s;
    Chunk chunk;
    for (size_t vi = 0; vi < versions.size(); ++vi) {
      const StoredListVersion& v = versions[vi];
      s = impl->ForEachVersionRecord(
          v.id, /*with_raw=*/false,
          [&](int64_t ord, std::string_view key, std::string_view hash, std::string_view body) -> Status {
            const size_t slot = offset[vi] + static_cast<size_t>(ord);
            // The same members as read before (committed versions never
            // change; anything else is damage).
            if (ord < 0 || ord >= v.entities || seen[slot] || members.keys[slot] != key ||
                members.hashes[slot] != hash) {
              return DamagedMember(v, ord, options.store_path);
            }
            seen[slot] = 1;
            chunk.emplace_back(slot, std::string(body));
            ++filled;
            if (chunk.size() == kChunkRecords) {
              if (pool.empty()) {
                decode(chunk, &errors[0]);
              } else {
                queue.Push(std::move(chunk));
              }
              chunk = Chunk();
            }
            return Status::Ok();
          });
      if (!s.ok()) return s;
    }
    decode(chunk, &errors[0]);
  }
  // Help with what is left, then wait for the others.
  for (Chunk chunk; queue.TryPop(&chunk);) decode(chunk, &errors[0]);
  queue.Close();
  for (auto& th : pool) th.join();
  pool.clear();
  for (const Status& e : errors) {
    if (!e.ok()) return e;
  }
  if (filled != total) {
    return Status::DataError("stored list versions are damaged: " + std::to_string(filled) +
                                 " records found for " + std::to_string(total) + " members",
                             {options.store_path});
  }

  std::vector<SourceInfo> infos;
  for (const StoredListVersion& v : versions) {
    SourceInfo info;
    info.id = v.source;
    info.format = v.format;
    info.as_of = v.as_of;
    info.version = v.content_hash;
    infos.push_back(std::move(info));
  }
  return Engine::FromEntities(std::move(entities), std::move(infos));
}

// OK when `engine` (opened from a snapshot) is the engine over `versions`
// whose members are `members`; else what differs.
Status CheckSnapshotMatches(const Engine& engine, const std::vector<StoredListVersion>& versions,
                            const ListEngine& members) {
  auto differs = [](const std::string& what) {
    return Status::DataError("it does not match the stored versions: " + what);
  };
  const std::vector<SourceInfo>& sources = engine.Sources();
  if (sources.size() != versions.size()) {
    return differs(std::to_string(sources.size()) + " sources, " + std::to_string(versions.size()) +
                   " versions");
  }
  for (size_t i = 0; i < versions.size(); ++i) {
    const SourceInfo& info = sources[i];
    const StoredListVersion& v = versions[i];
    if (info.id != v.source || info.version != v.content_hash || info.format != v.format ||
        info.as_of != v.as_of || static_cast<int64_t>(info.entities) != v.entities || !info.status.ok()) {
      return differs("source " + std::to_string(i) + " is " + info.id + " " + info.version + " (" +
                     std::to_string(info.entities) + " entities), the version is " + v.source + " " +
                     v.content_hash + " (" + std::to_string(v.entities) + " entities)");
    }
  }
  const std::vector<Entity>& entities = engine.Entities();
  if (entities.size() != members.keys.size()) {
    return differs(std::to_string(entities.size()) + " entities, " + std::to_string(members.keys.size()) +
                   " members");
  }
  for (size_t i = 0; i < entities.size(); ++i) {
    const Entity& e = entities[i];
    if (e.source != versions[members.version[i]].source || e.source_id != SourceIdOfKey(members.keys[i])) {
      return differs("entity " + std::to_string(i) + " is " + e.source + " " + e.source_id + ", member " +
                     versions[members.version[i]].source + " " + SourceIdOfKey(members.keys[i]));
    }
  }
  return Status::Ok();
}

bool IsHex(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// Deletes, in the cache folder, the temporary files (SaveSnapshot's
// "<name>.tmp.<pid>.<n>") of processes that are gone (a kill during a save)
// and, when `keep` is not empty, every snapshot but `keep`. Only names the
// cache writes ("<64 hex>.snap...") are touched. Best effort: errors are
// ignored.
void RemoveStaleFiles(const std::string& dir, const std::string& keep) {
  namespace fs = std::filesystem;
  constexpr size_t kKeyChars = 64;
  constexpr std::string_view kSnap = ".snap", kTmp = ".snap.tmp.";
  std::error_code ec;
  std::vector<fs::path> doomed;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() <= kKeyChars || !IsHex(std::string_view(name).substr(0, kKeyChars))) continue;
    const std::string_view rest = std::string_view(name).substr(kKeyChars);
    if (rest == kSnap) {
      if (!keep.empty() && name != keep) doomed.push_back(it->path());
    } else if (rest.substr(0, kTmp.size()) == kTmp) {
      const std::string_view pid_dot = rest.substr(kTmp.size());
      const std::string pid(pid_dot.substr(0, pid_dot.find('.')));
      if (pid.empty() || pid.size() > 9 ||
          !std::all_of(pid.begin(), pid.end(), [](char c) { return c >= '0' && c <= '9'; }))
        continue;
      if (::kill(static_cast<pid_t>(std::stol(pid)), 0) != 0 && errno == ESRCH) doomed.push_back(it->path());
    }
  }
  for (const fs::path& p : doomed) fs::remove(p, ec);
}

// Removes what the cache no longer needs once `name` holds the engine over
// `versions`. The other snapshots go only when `versions` are the latest
// (a run over versions an import has just replaced must not delete the
// snapshot that import prepared).
void Tidy(StoreImpl* impl, const std::vector<StoredListVersion>& versions, const std::string& dir,
          const std::string& name) {
  Result<std::vector<StoredListVersion>> latest = impl->LatestVersions();
  bool current = latest.ok() && latest->size() == versions.size();
  for (size_t i = 0; current && i < versions.size(); ++i) current = latest.value()[i].id == versions[i].id;
  RemoveStaleFiles(dir, current ? name : "");
}

}  // namespace

std::string EngineCacheDir(const std::string& store_path) { return store_path + ".engines"; }

std::string EngineCacheKey(const std::vector<StoredListVersion>& versions,
                           const std::vector<std::string>& keys, const std::vector<std::string>& hashes) {
  // Length-prefixed fields: no value can pass for another.
  std::string buf;
  auto field = [&buf](std::string_view f) {
    buf += std::to_string(f.size());
    buf += ':';
    buf += f;
  };
  Sha256 sha;
  field("cordon list engine");
  field(std::to_string(kListEngineCacheFormat));
  size_t slot = 0;
  for (const StoredListVersion& v : versions) {
    for (const std::string& f : {std::to_string(v.id), v.source, v.format, v.content_hash, v.set_hash,
                                 v.as_of, std::to_string(v.entities)}) {
      field(f);
    }
    for (int64_t i = 0; i < v.entities && slot < keys.size(); ++i, ++slot) {
      field(keys[slot]);
      field(hashes[slot]);
    }
    sha.Update(buf);
    buf.clear();
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : sha.Finish()) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

Result<ListEngine> AcquireListEngine(const std::vector<StoredListVersion>& versions,
                                     const ListEngineOptions& options) {
  if (options.threads < 1) return Status::InvalidArgument("threads must be >= 1", {"", 0, "threads"});
  const auto start = std::chrono::steady_clock::now();
  StoreOptions so;
  so.path = options.store_path;
  so.create_if_missing = false;
  Result<std::unique_ptr<StoreImpl>> store = StoreImpl::OpenImpl(so);
  if (!store.ok()) return store.status();
  StoreImpl* impl = store.value().get();
  // Members come in random order of the record table: memory-mapped reads
  // avoid a system call and a page copy per record (about 3x faster here).
  // Only this read-only connection maps the file.
  Status s = impl->db()->Exec("PRAGMA mmap_size=1073741824");
  if (!s.ok()) return s;

  ListEngine out;
  {
    SqliteTxn read(impl->db());
    s = read.Begin(false);
    if (!s.ok()) return s;
    s = ReadMembers(impl, versions, options.store_path, &out);
    if (!s.ok()) return s;
  }
  EngineCacheReport& cache = out.cache;
  if (!options.use_cache) {
    cache.status = EngineCacheStatus::kOff;
    Result<std::unique_ptr<Engine>> built = BuildEngine(impl, versions, out, options);
    if (!built.ok()) return built.status();
    out.engine = std::move(built).value();
    cache.seconds = SecondsSince(start);
    return out;
  }

  const std::string dir = options.cache_dir.empty() ? EngineCacheDir(options.store_path) : options.cache_dir;
  const std::string name = EngineCacheKey(versions, out.keys, out.hashes) + ".snap";
  cache.path = dir + "/" + name;
  cache.status = EngineCacheStatus::kBuilt;
  {
    // Scoped: a snapshot engine that does not match is freed before
    // another is built.
    Result<std::unique_ptr<Engine>> opened = Engine::OpenSnapshot(cache.path);
    if (opened.ok()) {
      s = CheckSnapshotMatches(*opened.value(), versions, out);
      if (s.ok()) {
        cache.status = EngineCacheStatus::kOpened;
        out.engine = std::move(opened).value();
        cache.seconds = SecondsSince(start);
        Tidy(impl, versions, dir, name);
        return out;
      }
      cache.status = EngineCacheStatus::kRebuilt;
      cache.rejected = s.message();
    } else if (opened.status().code() != StatusCode::kNotFound) {
      cache.status = EngineCacheStatus::kRebuilt;
      cache.rejected = opened.status().message();
    }
  }
  Result<std::unique_ptr<Engine>> built = BuildEngine(impl, versions, out, options);
  if (!built.ok()) return built.status();
  out.engine = std::move(built).value();
  cache.seconds = SecondsSince(start);

  const auto save_start = std::chrono::steady_clock::now();
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  s = ec ? Status::IoError("cannot create the engine cache folder: " + ec.message(), {dir})
         : out.engine->SaveSnapshot(cache.path);
  if (s.ok()) {
    cache.saved = true;
    Tidy(impl, versions, dir, name);
  } else {
    cache.save_error = s.ToString();
  }
  cache.save_seconds = SecondsSince(save_start);
  return out;
}

}  // namespace cordon
