#include "store/store_impl.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <thread>
#include <unordered_set>

#include "base/file_reader.h"
#include "base/utc_time.h"
#include "base/utf8.h"
#include "lists/source_registry.h"
#include "store/blocking_keys.h"
#include "store/customer_csv.h"
#include "store/entity_codec.h"
#include "store/sha256.h"

namespace cordon {
namespace {

constexpr int kSchemaVersion = 2;
const std::string kGenesis(64, '0');
constexpr char kKeySep = '\x1f';
constexpr char kOccurrenceSep = '\x1f';

// A member key for display ("11355\x1f2" -> "11355#2").
std::string DisplayKey(std::string key) {
  size_t at = key.find(kOccurrenceSep);
  if (at != std::string::npos) key[at] = '#';
  return key;
}

const char kSchema[] = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entity_record(hash TEXT PRIMARY KEY, body TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS list_version(
  id INTEGER PRIMARY KEY, source TEXT NOT NULL, format TEXT NOT NULL, content_hash TEXT NOT NULL,
  set_hash TEXT NOT NULL, as_of TEXT NOT NULL, imported_at TEXT NOT NULL, entities INTEGER NOT NULL,
  skipped INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS list_version_source ON list_version(source, id);
CREATE TABLE IF NOT EXISTS version_entity(
  version_id INTEGER NOT NULL REFERENCES list_version(id),
  source_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  hash TEXT NOT NULL REFERENCES entity_record(hash),
  PRIMARY KEY(version_id, source_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS customer(
  rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, type TEXT NOT NULL,
  dob TEXT NOT NULL, country TEXT NOT NULL, hash TEXT NOT NULL, keys TEXT NOT NULL,
  ntok INTEGER NOT NULL, changed_seq INTEGER NOT NULL,
  removed_at TEXT NOT NULL DEFAULT '', removed_reason TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS customer_changed ON customer(changed_seq);
CREATE INDEX IF NOT EXISTS customer_removed ON customer(removed_at) WHERE removed_at != '';
CREATE TABLE IF NOT EXISTS customer_key(
  key TEXT NOT NULL, cust INTEGER NOT NULL, ntok INTEGER NOT NULL, kind INTEGER NOT NULL,
  PRIMARY KEY(key, cust)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS customer_import(
  seq INTEGER PRIMARY KEY, file TEXT NOT NULL, file_hash TEXT NOT NULL, imported_at TEXT NOT NULL,
  rows INTEGER NOT NULL, added INTEGER NOT NULL, updated INTEGER NOT NULL, unchanged INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS monitor_state(source TEXT PRIMARY KEY, version_id INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS monitor_run(
  id INTEGER PRIMARY KEY, finished_at TEXT NOT NULL, actor TEXT NOT NULL, details TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS alert(
  id TEXT PRIMARY KEY, status TEXT NOT NULL, customer_id TEXT NOT NULL, customer_name TEXT NOT NULL,
  customer_hash TEXT NOT NULL, customer_record TEXT NOT NULL, source TEXT NOT NULL,
  source_id TEXT NOT NULL, entity_hash TEXT NOT NULL, listed_name TEXT NOT NULL,
  matched_name TEXT NOT NULL, list_version_id INTEGER NOT NULL, list_version TEXT NOT NULL,
  list_as_of TEXT NOT NULL, score REAL NOT NULL, strength TEXT NOT NULL, summary TEXT NOT NULL,
  explanation TEXT NOT NULL, reason TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  run_id INTEGER NOT NULL, decided_by TEXT NOT NULL DEFAULT '', decided_at TEXT NOT NULL DEFAULT '',
  decision_reason TEXT NOT NULL DEFAULT '', decided_customer_hash TEXT NOT NULL DEFAULT '',
  decided_customer_record TEXT NOT NULL DEFAULT '', decided_entity_hash TEXT NOT NULL DEFAULT '',
  closed_at TEXT NOT NULL DEFAULT '', closed_reason TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS alert_status ON alert(status);
CREATE INDEX IF NOT EXISTS alert_customer ON alert(customer_id);
CREATE INDEX IF NOT EXISTS alert_entity ON alert(source, source_id);
CREATE TABLE IF NOT EXISTS audit(
  seq INTEGER PRIMARY KEY, time TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
  subject TEXT NOT NULL, details TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql";

// Schema version 1 -> 2: off-boarded customers and closed alerts.
const char kMigrateV1[] = R"sql(
ALTER TABLE customer ADD COLUMN removed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN removed_reason TEXT NOT NULL DEFAULT '';
CREATE INDEX IF NOT EXISTS customer_removed ON customer(removed_at) WHERE removed_at != '';
ALTER TABLE alert ADD COLUMN closed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE alert ADD COLUMN closed_reason TEXT NOT NULL DEFAULT '';
CREATE INDEX IF NOT EXISTS alert_customer ON alert(customer_id);
CREATE INDEX IF NOT EXISTS alert_entity ON alert(source, source_id);
UPDATE meta SET value = '2' WHERE key = 'schema_version';
)sql";

std::string CanonicalAudit(const AuditEntry& e) {
  std::string out;
  for (const std::string& f : {std::to_string(e.seq), e.time, e.actor, e.action, e.subject, e.details}) {
    out += std::to_string(f.size());
    out += ':';
    out += f;
    out += '\n';
  }
  return out;
}

std::string AuditHash(const std::string& prev, const AuditEntry& e) {
  return Sha256Hex(prev + CanonicalAudit(e));
}

std::vector<std::string> SplitKeys(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t end = s.find(kKeySep, pos);
    if (end == std::string::npos) end = s.size();
    if (end > pos) out.push_back(s.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out += sep;
    out += v[i];
  }
  return out;
}

StoredListVersion ReadVersion(const SqliteStmt& q) {
  StoredListVersion v;
  v.id = q.Int(0);
  v.source = q.Text(1);
  v.format = q.Text(2);
  v.content_hash = q.Text(3);
  v.set_hash = q.Text(4);
  v.as_of = q.Text(5);
  v.imported_at = q.Text(6);
  v.entities = q.Int(7);
  v.skipped = q.Int(8);
  return v;
}

constexpr char kVersionCols[] =
    "id, source, format, content_hash, set_hash, as_of, imported_at, entities, skipped";

const char kAlertCols[] =
    "id, status, customer_id, customer_name, source, source_id, listed_name, matched_name, list_version_id, "
    "list_version, list_as_of, score, strength, summary, explanation, reason, customer_hash, entity_hash, "
    "created_at, updated_at, run_id, decided_by, decided_at, decision_reason, closed_at, closed_reason";

Alert ReadAlert(const SqliteStmt& q) {
  Alert a;
  a.id = q.Text(0);
  a.status = q.Text(1);
  a.customer_id = q.Text(2);
  a.customer_name = q.Text(3);
  a.source = q.Text(4);
  a.source_id = q.Text(5);
  a.listed_name = q.Text(6);
  a.matched_name = q.Text(7);
  a.list_version_id = q.Int(8);
  a.list_version = q.Text(9);
  a.list_as_of = q.Text(10);
  a.score = q.Double(11);
  a.strength = q.Text(12);
  a.summary = q.Text(13);
  a.explanation_json = q.Text(14);
  a.reason = q.Text(15);
  a.customer_hash = q.Text(16);
  a.entity_hash = q.Text(17);
  a.created_at = q.Text(18);
  a.updated_at = q.Text(19);
  a.run_id = q.Int(20);
  a.decided_by = q.Text(21);
  a.decided_at = q.Text(22);
  a.decision_reason = q.Text(23);
  a.closed_at = q.Text(24);
  a.closed_reason = q.Text(25);
  return a;
}

std::string AlertId(const std::string& customer_id, const std::string& source, const std::string& source_id) {
  std::string key = customer_id;
  key += '\x1f';
  key += source;
  key += '\x1f';
  key += source_id;
  return Sha256Hex(key).substr(0, 16);
}

// Blocking data of one customer: keys joined, token count.
struct CustomerKeys {
  std::vector<std::string> keys;
  int ntok = 0;
  bool readable = true;
};

CustomerKeys KeysOf(const CustomerRow& r) {
  BlockingName b = MakeBlockingName(r.name, r.type == "person", r.type == "organization");
  return {AllKeys(b), static_cast<int>(b.tokens.size()), b.readable};
}

}  // namespace

std::string SourceIdOfKey(const std::string& key) { return key.substr(0, key.find(kOccurrenceSep)); }

std::string JsonQuote(std::string_view s) {
  std::string out = "\"";
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        default:
          if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof(buf), "\\u%04x", c);
            out += buf;
          } else {
            out.push_back(static_cast<char>(c));
          }
      }
      ++i;
      continue;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    std::string_view cp = s.substr(i, len);
    if (len > 1 && cp.size() == len && IsValidUtf8(cp)) {
      out.append(cp);
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  out += '"';
  return out;
}

bool IsStoreBusy(const Status& status) {
  return !status.ok() && status.message().rfind("store is busy", 0) == 0;
}

Result<std::unique_ptr<Store>> Store::Open(const StoreOptions& options) {
  Result<std::unique_ptr<StoreImpl>> s = StoreImpl::OpenImpl(options);
  if (!s.ok()) return s.status();
  return std::unique_ptr<Store>(std::move(s).value());
}

Result<std::unique_ptr<StoreImpl>> StoreImpl::OpenImpl(const StoreOptions& options) {
  if (options.path.empty()) return Status::InvalidArgument("store path is empty", {"", 0, "db"});
  if (!options.create_if_missing && !FileExists(options.path)) {
    return Status::NotFound(
        "store does not exist (run `cordon lists import` or `cordon customers import` first)",
        {options.path});
  }
  std::unique_ptr<StoreImpl> store(new StoreImpl(options));
  if (store->options_.actor.empty()) store->options_.actor = "cordon";
  Result<std::unique_ptr<SqliteDb>> db =
      SqliteDb::Open(options.path, options.create_if_missing, options.busy_timeout_ms);
  if (!db.ok()) return db.status();
  store->db_ = std::move(db).value();
  Status s = store->InitSchema();
  if (!s.ok()) return s;
  return store;
}

Status StoreImpl::InitSchema() {
  // Fast path: an existing store of our version needs no write lock.
  std::string version;
  {
    SqliteStmt q(db_.get(), "SELECT value FROM meta WHERE key='schema_version'");
    if (q.Step()) {
      version = q.Text(0);
      if (version == std::to_string(kSchemaVersion)) return Status::Ok();
    } else if (!q.status().ok() && q.status().message().find("no such table") == std::string::npos) {
      // "no such table: meta" means a new file; anything else is an error.
      return q.status();
    }
  }
  auto unknown = [&](const std::string& v) {
    return Status::DataError("store has schema version " + v + "; this cordon reads versions 1 to " +
                                 std::to_string(kSchemaVersion),
                             {db_->path()});
  };
  if (!version.empty() && version != "1") return unknown(version);
  SqliteTxn txn(db_.get());
  Status s = txn.Begin(true);
  if (!s.ok()) return s;
  // Again under the write lock: another process may have done it meanwhile.
  version.clear();
  {
    SqliteStmt q(db_.get(), "SELECT value FROM meta WHERE key='schema_version'");
    if (q.Step()) version = q.Text(0);
  }
  if (version.empty()) {
    s = db_->Exec(kSchema);
    if (!s.ok()) return s;
    SqliteStmt put(db_.get(), "INSERT OR IGNORE INTO meta(key, value) VALUES('schema_version', ?)");
    s = put.Bind(1, std::to_string(kSchemaVersion)).Run();
    if (!s.ok()) return s;
  } else if (version == "1") {
    s = db_->Exec(kMigrateV1);
    if (!s.ok()) return s;
  } else if (version != std::to_string(kSchemaVersion)) {
    return unknown(version);
  }
  return txn.Commit();
}

std::string StoreImpl::Now() const { return UtcNowIso8601(); }

Status StoreImpl::AppendAudit(const std::string& action, const std::string& subject,
                              const std::string& details, const std::string& actor) {
  AuditEntry e;
  e.prev_hash = kGenesis;
  e.seq = 1;
  {
    SqliteStmt last(db_.get(), "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
    if (last.Step()) {
      e.seq = last.Int(0) + 1;
      e.prev_hash = last.Text(1);
    }
    if (!last.status().ok()) return last.status();
  }
  e.time = Now();
  e.actor = actor.empty() ? options_.actor : actor;
  e.action = action;
  e.subject = subject;
  e.details = details;
  e.hash = AuditHash(e.prev_hash, e);
  SqliteStmt ins(db_.get(),
                 "INSERT INTO audit(seq, time, actor, action, subject, details, prev_hash, hash) "
                 "VALUES(?,?,?,?,?,?,?,?)");
  Status s = ins.Bind(1, e.seq)
                 .Bind(2, e.time)
                 .Bind(3, e.actor)
                 .Bind(4, e.action)
                 .Bind(5, e.subject)
                 .Bind(6, e.details)
                 .Bind(7, e.prev_hash)
                 .Bind(8, e.hash)
                 .Run();
  if (!s.ok()) return s;
  SqliteStmt meta(db_.get(), "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
  s = meta.Bind(1, std::string_view("audit_head")).Bind(2, e.hash).Run();
  if (!s.ok()) return s;
  return meta.Bind(1, std::string_view("audit_count")).Bind(2, std::to_string(e.seq)).Run();
}

// ---------------------------------------------------------------- lists

Result<ListImportReport> StoreImpl::ImportLists(const LoadOptions& load) {
  std::vector<SourceFolder> folders;
  Status s = FindSourceFolders(load.lists_dir, &folders);
  if (!s.ok()) return s;
  for (const auto& wanted : load.sources) {
    if (std::none_of(folders.begin(), folders.end(), [&](const SourceFolder& f) { return f.id == wanted; })) {
      return Status::InvalidArgument("unknown source '" + wanted + "' (no such folder in " + load.lists_dir +
                                     ")");
    }
  }
  struct Prepared {
    SourceInfo info;
    std::vector<std::string> ids, hashes, bodies;
    std::string set_hash;
  };
  std::vector<Prepared> prepared;
  ListImportReport report;
  for (const SourceFolder& folder : folders) {
    if (!load.sources.empty() &&
        std::find(load.sources.begin(), load.sources.end(), folder.id) == load.sources.end()) {
      continue;
    }
    Prepared p;
    p.info.id = folder.id;
    p.info.format = folder.format;
    LoadedSource src;
    p.info.status = LoadSourceFolder(folder, &src);
    if (!src.format.empty()) p.info.format = src.format;
    p.info.files = src.files;
    p.info.skipped = std::move(src.skipped);
    if (load.strict) {
      if (!p.info.status.ok()) return p.info.status;
      if (!p.info.skipped.empty()) {
        const LoadIssue& i = p.info.skipped.front();
        return Status::DataError("strict mode: " + std::to_string(p.info.skipped.size()) +
                                     " record(s) skipped; first: " + i.message,
                                 {i.file, i.line, i.field});
      }
    }
    if (!p.info.status.ok()) {
      report.failed.push_back(std::move(p.info));
      continue;
    }
    p.info.as_of = src.as_of;
    p.info.version = HashFiles(src.files);
    p.info.entities = src.entities.size();
    // Members keep the loader's order (so an engine built from the stored
    // version equals one built from the files, ties included). A source id
    // that occurs twice (CSL repeats some records) is kept under a key with
    // an occurrence suffix ("11355\x1f2"); loading strips it again.
    p.bodies.resize(src.entities.size());
    p.hashes.resize(src.entities.size());
    {
      std::vector<std::thread> pool;
      unsigned n = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
      for (unsigned t = 0; t < n; ++t) {
        pool.emplace_back([&, t]() {
          for (size_t i = t; i < src.entities.size(); i += n) {
            p.bodies[i] = EncodeEntity(src.entities[i]);
            p.hashes[i] = RecordHash(p.bodies[i]);
          }
        });
      }
      for (auto& th : pool) th.join();
    }
    std::unordered_map<std::string, int> seen;
    std::vector<std::pair<std::string, std::string>> members;  // (key, hash), for the set hash
    for (size_t i = 0; i < src.entities.size(); ++i) {
      const std::string& id = src.entities[i].source_id;
      int n = ++seen[id];
      p.ids.push_back(n == 1 ? id : id + kOccurrenceSep + std::to_string(n));
      members.emplace_back(p.ids.back(), p.hashes[i]);
    }
    std::sort(members.begin(), members.end());
    Sha256 set;
    for (const auto& [key, hash] : members) {
      set.Update(key);
      set.Update("\t");
      set.Update(hash);
      set.Update("\n");
    }
    auto digest = set.Finish();
    static const char kHex[] = "0123456789abcdef";
    for (uint8_t b : digest) {
      p.set_hash.push_back(kHex[b >> 4]);
      p.set_hash.push_back(kHex[b & 15]);
    }
    prepared.push_back(std::move(p));
  }
  if (prepared.empty()) {
    for (const auto& f : report.failed) {
      return Status::DataError("no list could be loaded; " + f.id + ": " + f.status.ToString());
    }
    return Status::DataError("no list sources found", {load.lists_dir});
  }

  SqliteTxn txn(db_.get());
  s = txn.Begin(true);
  if (!s.ok()) return s;
  const std::string now = Now();
  SqliteStmt latest(db_.get(),
                    "SELECT set_hash, id FROM list_version WHERE source=? ORDER BY id DESC LIMIT 1");
  SqliteStmt ins_version(
      db_.get(),
      "INSERT INTO list_version(source, format, content_hash, set_hash, as_of, imported_at, "
      "entities, skipped) VALUES(?,?,?,?,?,?,?,?)");
  SqliteStmt ins_record(db_.get(), "INSERT OR IGNORE INTO entity_record(hash, body) VALUES(?,?)");
  SqliteStmt ins_member(db_.get(),
                        "INSERT INTO version_entity(version_id, source_id, ord, hash) VALUES(?,?,?,?)");
  for (Prepared& p : prepared) {
    StoredListVersion v;
    v.source = p.info.id;
    v.format = p.info.format;
    v.content_hash = p.info.version;
    v.set_hash = p.set_hash;
    v.as_of = p.info.as_of;
    v.imported_at = now;
    v.entities = static_cast<int64_t>(p.ids.size());
    v.skipped = static_cast<int64_t>(p.info.skipped.size());
    latest.Bind(1, v.source);
    bool same = latest.Step() && latest.Text(0) == v.set_hash;
    int64_t latest_id = same ? latest.Int(1) : 0;
    Status ls = latest.status();
    latest.Reset();
    if (!ls.ok()) return ls;
    if (same) {
      v.id = latest_id;
      report.unchanged.push_back(v);
      continue;
    }
    s = ins_version.Bind(1, v.source)
            .Bind(2, v.format)
            .Bind(3, v.content_hash)
            .Bind(4, v.set_hash)
            .Bind(5, v.as_of)
            .Bind(6, v.imported_at)
            .Bind(7, v.entities)
            .Bind(8, v.skipped)
            .Run();
    if (!s.ok()) return s;
    v.id = db_->LastInsertId();
    for (size_t i = 0; i < p.ids.size(); ++i) {
      s = ins_record.Bind(1, p.hashes[i]).Bind(2, p.bodies[i]).Run();
      if (!s.ok()) return s;
      s = ins_member.Bind(1, v.id)
              .Bind(2, p.ids[i])
              .Bind(3, static_cast<int64_t>(i))
              .Bind(4, p.hashes[i])
              .Run();
      if (!s.ok()) return s;
    }
    std::string details = "{\"source\":" + JsonQuote(v.source) + ",\"version_id\":" + std::to_string(v.id) +
                          ",\"format\":" + JsonQuote(v.format) +
                          ",\"content_hash\":" + JsonQuote(v.content_hash) +
                          ",\"set_hash\":" + JsonQuote(v.set_hash) + ",\"as_of\":" + JsonQuote(v.as_of) +
                          ",\"entities\":" + std::to_string(v.entities) +
                          ",\"skipped\":" + std::to_string(v.skipped) + ",\"files\":[";
    for (size_t i = 0; i < p.info.files.size(); ++i) {
      details += (i ? "," : "") + JsonQuote(p.info.files[i]);
    }
    details += "]}";
    s = AppendAudit("lists.import", "version " + std::to_string(v.id), details);
    if (!s.ok()) return s;
    report.created.push_back(v);
  }
  s = txn.Commit();
  if (!s.ok()) return s;
  return report;
}

Result<std::vector<StoredListVersion>> StoreImpl::Versions(const std::string& source) {
  std::string sql = std::string("SELECT ") + kVersionCols + " FROM list_version" +
                    (source.empty() ? "" : " WHERE source=?") + " ORDER BY id";
  SqliteStmt q(db_.get(), sql.c_str());
  if (!source.empty()) q.Bind(1, source);
  std::vector<StoredListVersion> out;
  while (q.Step()) out.push_back(ReadVersion(q));
  if (!q.status().ok()) return q.status();
  return out;
}

Result<std::vector<StoredListVersion>> StoreImpl::LatestVersions() {
  std::string sql =
      std::string("SELECT ") + kVersionCols +
      " FROM list_version WHERE id IN (SELECT MAX(id) FROM list_version GROUP BY source) ORDER BY source";
  SqliteStmt q(db_.get(), sql.c_str());
  std::vector<StoredListVersion> out;
  while (q.Step()) out.push_back(ReadVersion(q));
  if (!q.status().ok()) return q.status();
  return out;
}

Result<StoredListVersion> StoreImpl::FindVersion(int64_t id) {
  std::string sql = std::string("SELECT ") + kVersionCols + " FROM list_version WHERE id=?";
  SqliteStmt q(db_.get(), sql.c_str());
  q.Bind(1, id);
  if (q.Step()) return ReadVersion(q);
  if (!q.status().ok()) return q.status();
  return Status::InvalidArgument("no list version " + std::to_string(id) + " (see `cordon lists versions`)");
}

Status StoreImpl::VersionHashes(int64_t version_id, std::unordered_map<std::string, std::string>* out) {
  out->clear();
  SqliteStmt q(db_.get(), "SELECT source_id, hash FROM version_entity WHERE version_id=?");
  q.Bind(1, version_id);
  while (q.Step()) out->emplace(q.Text(0), q.Text(1));
  return q.status();
}

Result<std::string> StoreImpl::RecordBody(const std::string& hash) {
  SqliteStmt q(db_.get(), "SELECT body FROM entity_record WHERE hash=?");
  q.Bind(1, hash);
  if (q.Step()) return q.Text(0);
  if (!q.status().ok()) return q.status();
  return std::string();
}

Status StoreImpl::ForEachVersionRecord(int64_t version_id, bool with_raw, const RecordFn& fn) {
  // No ORDER BY: sorting in SQL would copy every record through a temporary
  // b-tree; callers place members by `ord`.
  SqliteStmt q(db_.get(),
               "SELECT m.ord, m.source_id, m.hash, r.body FROM version_entity m JOIN entity_record r "
               "ON r.hash = m.hash WHERE m.version_id=?");
  q.Bind(1, version_id);
  constexpr std::string_view kRawLine = "\nraw\t";
  while (q.Step()) {
    std::string_view body = q.TextView(3);
    if (!with_raw) {
      size_t at = body.find(kRawLine);
      if (at != std::string_view::npos) body = body.substr(0, at + 1);
    }
    Status s = fn(q.Int(0), q.TextView(1), q.TextView(2), body);
    if (!s.ok()) return s;
  }
  return q.status();
}

Status StoreImpl::ForEachVersionMember(int64_t version_id, const MemberFn& fn) {
  SqliteStmt q(db_.get(), "SELECT ord, source_id, hash FROM version_entity WHERE version_id=?");
  q.Bind(1, version_id);
  while (q.Step()) {
    Status s = fn(q.Int(0), q.TextView(1), q.TextView(2));
    if (!s.ok()) return s;
  }
  return q.status();
}

Status StoreImpl::VersionRecords(int64_t version_id, bool with_raw, std::vector<VersionRecord>* out) {
  std::vector<std::pair<int64_t, VersionRecord>> rows;
  Status s = ForEachVersionRecord(
      version_id, with_raw,
      [&](int64_t ord, std::string_view key, std::string_view hash, std::string_view body) {
        rows.emplace_back(ord, VersionRecord{std::string(key), std::string(hash), std::string(body)});
        return Status::Ok();
      });
  if (!s.ok()) return s;
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  out->reserve(out->size() + rows.size());
  for (auto& [ord, r] : rows) out->push_back(std::move(r));
  return Status::Ok();
}

Status StoreImpl::LoadVersion(const StoredListVersion& version, std::vector<Entity>* entities,
                              std::vector<std::string>* hashes, std::vector<std::string>* keys) {
  std::vector<VersionRecord> records;
  Status s = VersionRecords(version.id, /*with_raw=*/true, &records);
  if (!s.ok()) return s;
  for (VersionRecord& r : records) {
    Entity e;
    e.source = version.source;
    e.source_id = SourceIdOfKey(r.key);
    s = DecodeEntity(r.body, &e);
    if (!s.ok()) {
      return Status::DataError(
          "stored record of " + version.source + " " + e.source_id + " is damaged: " + s.message(),
          {db_->path(), 0, s.location().field});
    }
    entities->push_back(std::move(e));
    hashes->push_back(std::move(r.hash));
    if (keys != nullptr) keys->push_back(std::move(r.key));
  }
  return Status::Ok();
}

Result<std::vector<ListDiff>> StoreImpl::Diff(const DiffRequest& request) {
  SqliteTxn txn(db_.get());
  Status s = txn.Begin(false);
  if (!s.ok()) return s;
  auto numeric = [](const std::string& spec, int64_t* id) {
    if (spec.empty() || spec.size() > 18) return false;
    for (char c : spec) {
      if (c < '0' || c > '9') return false;
    }
    *id = std::stoll(spec);
    return true;
  };
  for (const std::string* spec : {&request.from, &request.to}) {
    int64_t id;
    if (*spec != "previous" && *spec != "latest" && !numeric(*spec, &id)) {
      return Status::InvalidArgument("version must be a version id, 'previous' or 'latest', not '" + *spec +
                                     "'");
    }
  }
  std::vector<std::string> sources;
  if (!request.source.empty()) {
    sources.push_back(request.source);
  } else {
    int64_t id;
    for (const std::string* spec : {&request.from, &request.to}) {
      if (numeric(*spec, &id)) {
        Result<StoredListVersion> v = FindVersion(id);
        if (!v.ok()) return v.status();
        if (sources.empty()) sources.push_back(v->source);
      }
    }
    if (sources.empty()) {
      Result<std::vector<StoredListVersion>> latest = LatestVersions();
      if (!latest.ok()) return latest.status();
      for (const auto& v : latest.value()) sources.push_back(v.source);
    }
  }
  const bool explicit_source = !request.source.empty() || sources.size() == 1;
  std::vector<ListDiff> out;
  for (const std::string& source : sources) {
    Result<std::vector<StoredListVersion>> all = Versions(source);
    if (!all.ok()) return all.status();
    const auto& versions = all.value();
    auto resolve = [&](const std::string& spec, StoredListVersion* v) -> Status {
      int64_t id;
      if (numeric(spec, &id)) {
        Result<StoredListVersion> found = FindVersion(id);
        if (!found.ok()) return found.status();
        if (found->source != source) {
          return Status::InvalidArgument("version " + spec + " is of source '" + found->source + "', not '" +
                                         source + "'");
        }
        *v = found.value();
        return Status::Ok();
      }
      size_t back = spec == "latest" ? 1 : 2;
      if (versions.size() < back) {
        return Status::InvalidArgument("source '" + source + "' has " + std::to_string(versions.size()) +
                                       " stored version(s); '" + spec + "' does not exist");
      }
      *v = versions[versions.size() - back];
      return Status::Ok();
    };
    ListDiff d;
    Status a = resolve(request.from, &d.from), b = resolve(request.to, &d.to);
    if (!a.ok() || !b.ok()) {
      if (explicit_source) return !a.ok() ? a : b;
      continue;  // all sources: skip those with a single version
    }
    std::unordered_map<std::string, std::string> from, to;
    s = VersionHashes(d.from.id, &from);
    if (!s.ok()) return s;
    s = VersionHashes(d.to.id, &to);
    if (!s.ok()) return s;
    auto describe = [&](const std::string& id, const std::string& hash, EntityChange* c) -> Status {
      c->source_id = DisplayKey(id);
      Result<std::string> body = RecordBody(hash);
      if (!body.ok()) return body.status();
      Entity e;
      if (DecodeEntity(body.value(), &e).ok()) {
        c->name = e.names.front().full;
        c->schema = std::string(SchemaName(e.schema));
      }
      return Status::Ok();
    };
    for (const auto& [id, hash] : to) {
      auto it = from.find(id);
      if (it == from.end()) {
        EntityChange c;
        s = describe(id, hash, &c);
        if (!s.ok()) return s;
        d.added.push_back(std::move(c));
      } else if (it->second != hash) {
        EntityChange c;
        s = describe(id, hash, &c);
        if (!s.ok()) return s;
        Result<std::string> before = RecordBody(it->second), after = RecordBody(hash);
        if (!before.ok()) return before.status();
        if (!after.ok()) return after.status();
        c.fields = ChangedFields(before.value(), after.value());
        d.modified.push_back(std::move(c));
      }
    }
    for (const auto& [id, hash] : from) {
      if (to.count(id) == 0) {
        EntityChange c;
        s = describe(id, hash, &c);
        if (!s.ok()) return s;
        d.removed.push_back(std::move(c));
      }
    }
    auto by_id = [](const EntityChange& x, const EntityChange& y) {
      // Numeric ids (OFAC ent_num) in numeric order, others as text.
      if (x.source_id.size() != y.source_id.size() && !x.source_id.empty() && !y.source_id.empty() &&
          std::isdigit(static_cast<unsigned char>(x.source_id[0])) &&
          std::isdigit(static_cast<unsigned char>(y.source_id[0]))) {
        return x.source_id.size() < y.source_id.size();
      }
      return x.source_id < y.source_id;
    };
    std::sort(d.added.begin(), d.added.end(), by_id);
    std::sort(d.removed.begin(), d.removed.end(), by_id);
    std::sort(d.modified.begin(), d.modified.end(), by_id);
    out.push_back(std::move(d));
  }
  if (out.empty()) return Status::InvalidArgument("no source has two stored versions to compare");
  return out;
}

// ---------------------------------------------------------------- customers

// Off-boards customers and closes alerts inside the caller's write
// transaction, with statements prepared once per operation (a --replace
// import may off-board many customers).
class StoreImpl::Offboarder {
 public:
  explicit Offboarder(StoreImpl* store)
      : store_(store),
        mark_(store->db(), "UPDATE customer SET removed_at=?, removed_reason=? WHERE rowid=?"),
        del_key_(store->db(), "DELETE FROM customer_key WHERE key=? AND cust=?"),
        open_alerts_(store->db(),
                     "SELECT id, source, source_id FROM alert WHERE customer_id=? AND status='open'"),
        close_(store->db(),
               "UPDATE alert SET status='closed', closed_at=?, closed_reason=?, updated_at=? "
               "WHERE id=? AND status='open'") {}

  // Marks one active customer removed, drops its key index entries, closes
  // its open alerts and audits all of it. `operation` is a JSON member list
  // added to the audit details (",\"import_seq\":3").
  Status Remove(int64_t rowid, const std::string& id, const std::string& hash, const std::string& keys,
                const std::string& reason, const std::string& operation, int64_t* alerts_closed) {
    const std::string now = store_->Now();
    Status s = mark_.Bind(1, now).Bind(2, reason).Bind(3, rowid).Run();
    if (!s.ok()) return s;
    for (const std::string& k : SplitKeys(keys)) {
      s = del_key_.Bind(1, k).Bind(2, rowid).Run();
      if (!s.ok()) return s;
    }
    std::vector<std::array<std::string, 3>> alerts;
    open_alerts_.Bind(1, id);
    while (open_alerts_.Step())
      alerts.push_back({open_alerts_.Text(0), open_alerts_.Text(1), open_alerts_.Text(2)});
    s = open_alerts_.status();
    open_alerts_.Reset();
    if (!s.ok()) return s;
    std::string closed_ids;
    const std::string alert_reason = "customer off-boarded: " + reason;
    for (const auto& [alert, source, source_id] : alerts) {
      s = Close(alert, alert_reason,
                ",\"cause\":\"customer_removed\",\"customer_id\":" + JsonQuote(id) +
                    ",\"source\":" + JsonQuote(source) + ",\"source_id\":" + JsonQuote(source_id));
      if (!s.ok()) return s;
      closed_ids += (closed_ids.empty() ? "" : ",") + JsonQuote(alert);
      ++*alerts_closed;
    }
    return store_->AppendAudit("customer.removed", id,
                               "{\"customer_id\":" + JsonQuote(id) + ",\"customer_hash\":" + JsonQuote(hash) +
                                   ",\"reason\":" + JsonQuote(reason) + operation + ",\"alerts_closed\":[" +
                                   closed_ids + "]}");
  }

  // Closes one open alert (no-op when it is not open) and audits it.
  // `details` are JSON members added to the audit entry.
  Status Close(const std::string& alert, const std::string& reason, const std::string& details) {
    const std::string now = store_->Now();
    Status s = close_.Bind(1, now).Bind(2, reason).Bind(3, now).Bind(4, alert).Run();
    if (!s.ok()) return s;
    return store_->AppendAudit(
        "alert.closed", alert,
        "{\"alert\":" + JsonQuote(alert) + ",\"reason\":" + JsonQuote(reason) + details + "}");
  }

 private:
  StoreImpl* store_;
  SqliteStmt mark_, del_key_, open_alerts_, close_;
};

Result<CustomerImportReport> StoreImpl::ImportCustomers(const std::string& path,
                                                        const CustomerImportOptions& options) {
  CustomerImportReport report;
  report.file = path;
  std::string data;
  Status s = ReadFile(path, &data);
  if (!s.ok()) return s;
  report.file_hash = Sha256Hex(data);
  CustomerFile file;
  s = ParseCustomerCsv(data, path, &file);
  if (!s.ok()) return s;
  std::string().swap(data);
  report.rows = static_cast<int64_t>(file.rows.size() + file.errors.size());
  if (!file.errors.empty()) {
    report.errors = std::move(file.errors);
    return report;
  }
  if (options.replace && file.rows.empty()) {
    // A truncated extract must not off-board the whole customer base.
    return Status::InvalidArgument("the file has no customer rows; --replace would off-board every customer",
                                   {path, 0, "replace"});
  }
  std::vector<std::string> hashes(file.rows.size());
  std::vector<CustomerKeys> keys(file.rows.size());
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  auto parallel = [&](auto fn) {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) {
      pool.emplace_back([&, t]() {
        for (size_t i = t; i < file.rows.size(); i += threads) fn(i);
      });
    }
    for (auto& th : pool) th.join();
  };
  parallel([&](size_t i) { hashes[i] = RecordHash(EncodeCustomer(file.rows[i])); });

  SqliteTxn txn(db_.get());
  s = txn.Begin(true);
  if (!s.ok()) return s;
  struct Existing {
    int64_t rowid;
    std::string hash, keys;
    bool removed;
    bool in_file = false;
  };
  std::unordered_map<std::string, Existing> existing;
  {
    SqliteStmt q(db_.get(), "SELECT id, rowid, hash, keys, removed_at != '' FROM customer");
    while (q.Step()) existing.emplace(q.Text(0), Existing{q.Int(1), q.Text(2), q.Text(3), q.Int(4) != 0});
    if (!q.status().ok()) return q.status();
  }
  {
    SqliteStmt q(db_.get(), "SELECT COALESCE(MAX(seq), 0) + 1 FROM customer_import");
    if (!q.Step()) return q.status().ok() ? Status::Internal("no import sequence") : q.status();
    report.import_seq = q.Int(0);
  }
  std::vector<char> changed(file.rows.size(), 0);
  for (size_t i = 0; i < file.rows.size(); ++i) {
    auto it = existing.find(file.rows[i].id);
    if (it != existing.end()) it->second.in_file = true;
    // A restored customer is screened again against every list: it was not
    // screened while off-boarded.
    changed[i] = it == existing.end() || it->second.hash != hashes[i] || it->second.removed;
  }
  parallel([&](size_t i) {
    if (changed[i]) keys[i] = KeysOf(file.rows[i]);
  });
  for (size_t i = 0; i < file.rows.size(); ++i) {
    if (changed[i] && !keys[i].readable) {
      report.errors.push_back(
          Status::DataError("name has no letters or digits", {path, file.rows[i].line, "name"}));
    }
  }
  if (!report.errors.empty()) return report;  // the transaction rolls back
  SqliteStmt ins(db_.get(),
                 "INSERT INTO customer(id, name, type, dob, country, hash, keys, ntok, changed_seq) "
                 "VALUES(?,?,?,?,?,?,?,?,?)");
  SqliteStmt upd(
      db_.get(),
      "UPDATE customer SET name=?, type=?, dob=?, country=?, hash=?, keys=?, ntok=?, changed_seq=?, "
      "removed_at='', removed_reason='' WHERE rowid=?");
  SqliteStmt del_key(db_.get(), "DELETE FROM customer_key WHERE key=? AND cust=?");
  SqliteStmt ins_key(db_.get(), "INSERT OR IGNORE INTO customer_key(key, cust, ntok, kind) VALUES(?,?,?,?)");
  const std::string seq_member = ",\"import_seq\":" + std::to_string(report.import_seq);
  for (size_t i = 0; i < file.rows.size(); ++i) {
    if (!changed[i]) {
      ++report.unchanged;
      continue;
    }
    const CustomerRow& r = file.rows[i];
    std::string joined;
    for (const auto& k : keys[i].keys) {
      if (!joined.empty()) joined.push_back(kKeySep);
      joined += k;
    }
    int64_t rowid;
    auto it = existing.find(r.id);
    if (it == existing.end()) {
      s = ins.Bind(1, r.id)
              .Bind(2, r.name)
              .Bind(3, r.type)
              .Bind(4, r.dob)
              .Bind(5, r.country)
              .Bind(6, hashes[i])
              .Bind(7, joined)
              .Bind(8, keys[i].ntok)
              .Bind(9, report.import_seq)
              .Run();
      if (!s.ok()) return s;
      rowid = db_->LastInsertId();
      ++report.added;
    } else {
      rowid = it->second.rowid;
      // An off-boarded customer's key entries were dropped when it left.
      if (!it->second.removed) {
        for (const std::string& k : SplitKeys(it->second.keys)) {
          s = del_key.Bind(1, k).Bind(2, rowid).Run();
          if (!s.ok()) return s;
        }
      }
      s = upd.Bind(1, r.name)
              .Bind(2, r.type)
              .Bind(3, r.dob)
              .Bind(4, r.country)
              .Bind(5, hashes[i])
              .Bind(6, joined)
              .Bind(7, keys[i].ntok)
              .Bind(8, report.import_seq)
              .Bind(9, rowid)
              .Run();
      if (!s.ok()) return s;
      if (it->second.removed) {
        ++report.restored;
        s = AppendAudit("customer.restored", r.id,
                        "{\"customer_id\":" + JsonQuote(r.id) + ",\"customer_hash\":" + JsonQuote(hashes[i]) +
                            ",\"file\":" + JsonQuote(path) + seq_member + "}");
        if (!s.ok()) return s;
      } else {
        ++report.updated;
      }
    }
    for (const auto& k : keys[i].keys) {
      s = ins_key.Bind(1, k)
              .Bind(2, rowid)
              .Bind(3, keys[i].ntok)
              .Bind(4, static_cast<int>(CustomerKindOf(r.type)))
              .Run();
      if (!s.ok()) return s;
    }
  }
  if (options.replace) {
    std::vector<std::pair<int64_t, const std::string*>> gone;  // (rowid, id), in rowid order
    for (const auto& [id, e] : existing) {
      if (!e.in_file && !e.removed) gone.emplace_back(e.rowid, &id);
    }
    std::sort(gone.begin(), gone.end());
    Offboarder offboard(this);
    const std::string reason = "absent from " + path + " (customers import --replace, import " +
                               std::to_string(report.import_seq) + ")";
    for (const auto& [rowid, id] : gone) {
      const Existing& e = existing.at(*id);
      s = offboard.Remove(rowid, *id, e.hash, e.keys, reason,
                          ",\"operation\":\"customers import --replace\"" + seq_member,
                          &report.alerts_closed);
      if (!s.ok()) return s;
      ++report.removed;
    }
  }
  SqliteStmt imp(
      db_.get(),
      "INSERT INTO customer_import(seq, file, file_hash, imported_at, rows, added, updated, unchanged) "
      "VALUES(?,?,?,?,?,?,?,?)");
  s = imp.Bind(1, report.import_seq)
          .Bind(2, path)
          .Bind(3, report.file_hash)
          .Bind(4, Now())
          .Bind(5, report.rows)
          .Bind(6, report.added)
          .Bind(7, report.updated)
          .Bind(8, report.unchanged)
          .Run();
  if (!s.ok()) return s;
  std::string details =
      "{\"file\":" + JsonQuote(path) + ",\"file_sha256\":" + JsonQuote(report.file_hash) + seq_member +
      ",\"replace\":" + (options.replace ? "true" : "false") + ",\"rows\":" + std::to_string(report.rows) +
      ",\"added\":" + std::to_string(report.added) + ",\"updated\":" + std::to_string(report.updated) +
      ",\"unchanged\":" + std::to_string(report.unchanged) +
      ",\"restored\":" + std::to_string(report.restored) + ",\"removed\":" + std::to_string(report.removed) +
      ",\"alerts_closed\":" + std::to_string(report.alerts_closed) + "}";
  s = AppendAudit("customers.import", path, details);
  if (!s.ok()) return s;
  s = txn.Commit();
  if (!s.ok()) return s;
  report.committed = true;
  return report;
}

Result<CustomerRemovalReport> StoreImpl::RemoveCustomers(const CustomerRemoval& removal) {
  if (removal.ids.empty()) return Status::InvalidArgument("no customer id given", {"", 0, "id"});
  if (TrimAscii(removal.reason).empty()) {
    return Status::InvalidArgument("a reason is required (--reason)", {"", 0, "reason"});
  }
  if (!IsValidUtf8(removal.reason) || removal.reason.size() > 4096) {
    return Status::InvalidArgument("--reason must be valid UTF-8 of at most 4096 bytes", {"", 0, "reason"});
  }
  std::vector<std::string> ids = removal.ids;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  SqliteTxn txn(db_.get());
  Status s = txn.Begin(true);
  if (!s.ok()) return s;
  struct Found {
    int64_t rowid;
    std::string id, hash, keys;
    bool removed;
  };
  std::vector<Found> found;
  std::vector<std::string> unknown;
  {
    SqliteStmt q(db_.get(), "SELECT rowid, hash, keys, removed_at != '' FROM customer WHERE id=?");
    for (const std::string& id : ids) {
      q.Bind(1, id);
      if (q.Step()) {
        found.push_back({q.Int(0), id, q.Text(1), q.Text(2), q.Int(3) != 0});
      } else {
        unknown.push_back(id);
      }
      s = q.status();
      q.Reset();
      if (!s.ok()) return s;
    }
  }
  if (!unknown.empty()) {
    return Status::NotFound("unknown customer id(s): " + Join(unknown, ", ") + " (nothing was removed)",
                            {"", 0, "id"});
  }
  CustomerRemovalReport report;
  Offboarder offboard(this);
  const std::string reason = removal.reason + " (customers remove by " + options_.actor + ")";
  for (const Found& f : found) {
    if (f.removed) {
      report.already_removed.push_back(f.id);
      continue;
    }
    s = offboard.Remove(f.rowid, f.id, f.hash, f.keys, reason, ",\"operation\":\"customers remove\"",
                        &report.alerts_closed);
    if (!s.ok()) return s;
    ++report.removed;
  }
  s = txn.Commit();
  if (!s.ok()) return s;
  return report;
}

Result<int64_t> StoreImpl::CurrentCustomerSeq() {
  SqliteStmt q(db_.get(), "SELECT COALESCE(MAX(seq), 0) FROM customer_import");
  if (q.Step()) return q.Int(0);
  return q.status();
}

Result<int64_t> StoreImpl::CustomerCount() {
  // Two index counts (a scan for removed_at = '' would read every row).
  SqliteStmt q(
      db_.get(),
      "SELECT (SELECT COUNT(*) FROM customer) - (SELECT COUNT(*) FROM customer WHERE removed_at != '')");
  if (q.Step()) return q.Int(0);
  return q.status();
}

namespace {
constexpr char kCustomerCols[] = "rowid, id, name, type, dob, country, hash, changed_seq";
StoredCustomer ReadCustomer(const SqliteStmt& q) {
  StoredCustomer c;
  c.rowid = q.Int(0);
  c.id = q.Text(1);
  c.name = q.Text(2);
  c.type = q.Text(3);
  c.dob = q.Text(4);
  c.country = q.Text(5);
  c.hash = q.Text(6);
  c.changed_seq = q.Int(7);
  return c;
}
}  // namespace

Status StoreImpl::CustomersChangedSince(int64_t seq, std::vector<StoredCustomer>* out) {
  // No ORDER BY: with one SQLite would scan the whole table in rowid order
  // instead of using the changed_seq index (0.2 s at 1,000,000 customers).
  std::string sql =
      std::string("SELECT ") + kCustomerCols + " FROM customer WHERE changed_seq > ? AND removed_at = ''";
  SqliteStmt q(db_.get(), sql.c_str());
  q.Bind(1, seq);
  const size_t first = out->size();
  while (q.Step()) out->push_back(ReadCustomer(q));
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(),
            [](const StoredCustomer& a, const StoredCustomer& b) { return a.rowid < b.rowid; });
  return q.status();
}

Status StoreImpl::CustomersByRowid(const std::vector<int64_t>& rowids, std::vector<StoredCustomer>* out) {
  std::string sql =
      std::string("SELECT ") + kCustomerCols + " FROM customer WHERE rowid=? AND removed_at = ''";
  SqliteStmt q(db_.get(), sql.c_str());
  for (int64_t id : rowids) {
    q.Bind(1, id);
    if (q.Step()) out->push_back(ReadCustomer(q));
    Status s = q.status();
    q.Reset();
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

EntityKind CustomerKindOf(const std::string& type) {
  if (type == "person") return EntityKind::kPerson;
  if (type == "organization") return EntityKind::kOrganization;
  if (type == "vessel") return EntityKind::kVessel;
  if (type == "aircraft") return EntityKind::kAircraft;
  return EntityKind::kAny;
}

Status StoreImpl::CustomersWithKey(const std::string& key, std::vector<KeyPosting>* out) {
  if (!customers_with_key_) {
    customers_with_key_ =
        std::make_unique<SqliteStmt>(db_.get(), "SELECT cust, ntok, kind FROM customer_key WHERE key=?");
  }
  SqliteStmt& q = *customers_with_key_;
  q.Bind(1, key);
  while (q.Step()) {
    out->push_back({q.Int(0), static_cast<int>(q.Int(1)), static_cast<EntityKind>(q.Int(2))});
  }
  Status s = q.status();
  q.Reset();
  return s;
}

Status StoreImpl::MonitorState(std::map<std::string, int64_t>* versions, int64_t* customer_seq) {
  versions->clear();
  *customer_seq = -1;
  SqliteStmt q(db_.get(), "SELECT source, version_id FROM monitor_state");
  while (q.Step()) (*versions)[q.Text(0)] = q.Int(1);
  if (!q.status().ok()) return q.status();
  SqliteStmt m(db_.get(), "SELECT value FROM meta WHERE key='monitor_customer_seq'");
  if (m.Step()) *customer_seq = std::stoll(m.Text(0));
  return m.status();
}

// ---------------------------------------------------------------- alerts

Status StoreImpl::RecordMonitorRun(const std::vector<MonitorHit>& hits,
                                   const std::vector<StoredListVersion>& versions, int64_t customer_seq,
                                   const std::string& run_details, MonitorReport* report) {
  const std::string now = Now();
  SqliteStmt run(db_.get(), "INSERT INTO monitor_run(finished_at, actor, details) VALUES(?,?,?)");
  Status s = run.Bind(1, now).Bind(2, options_.actor).Bind(3, run_details).Run();
  if (!s.ok()) return s;
  const int64_t run_id = db_->LastInsertId();
  report->run_id = run_id;
  const std::string run_ref = "run " + std::to_string(run_id);

  SqliteStmt get(
      db_.get(),
      "SELECT status, customer_hash, entity_hash, decided_customer_hash, decided_entity_hash, "
      "decided_customer_record, decided_by, decided_at, score, closed_at, closed_reason FROM alert "
      "WHERE id=?");
  // A customer off-boarded while this run screened (its removal committed
  // first) is not alerted.
  SqliteStmt active(db_.get(), "SELECT removed_at = '' FROM customer WHERE rowid=?");
  SqliteStmt ins(
      db_.get(),
      "INSERT INTO alert(id, status, customer_id, customer_name, customer_hash, customer_record, source, "
      "source_id, entity_hash, listed_name, matched_name, list_version_id, list_version, list_as_of, "
      "score, strength, summary, explanation, reason, created_at, updated_at, run_id) "
      "VALUES(?,'open',?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  SqliteStmt upd(
      db_.get(),
      "UPDATE alert SET status=?, customer_name=?, customer_hash=?, customer_record=?, entity_hash=?, "
      "listed_name=?, matched_name=?, list_version_id=?, list_version=?, list_as_of=?, score=?, "
      "strength=?, summary=?, explanation=?, reason=?, updated_at=?, run_id=?, closed_at='', "
      "closed_reason='' WHERE id=?");
  for (const MonitorHit& h : hits) {
    const StoredCustomer& c = *h.customer;
    active.Bind(1, c.rowid);
    const bool still_active = active.Step() && active.Int(0) != 0;
    s = active.status();
    active.Reset();
    if (!s.ok()) return s;
    if (!still_active) continue;
    const std::string id = AlertId(c.id, h.source, h.source_id);
    CustomerRow row;
    row.name = c.name;
    row.type = c.type;
    row.dob = c.dob;
    row.country = c.country;
    const std::string record = EncodeCustomer(row);
    get.Bind(1, id);
    bool exists = get.Step();
    std::string status, cust_hash, ent_hash, dec_cust_hash, dec_ent_hash, dec_record, dec_by, dec_at,
        closed_at, closed_reason;
    double old_score = 0;
    if (exists) {
      status = get.Text(0);
      cust_hash = get.Text(1);
      ent_hash = get.Text(2);
      dec_cust_hash = get.Text(3);
      dec_ent_hash = get.Text(4);
      dec_record = get.Text(5);
      dec_by = get.Text(6);
      dec_at = get.Text(7);
      old_score = get.Double(8);
      closed_at = get.Text(9);
      closed_reason = get.Text(10);
    }
    s = get.status();
    get.Reset();
    if (!s.ok()) return s;
    std::string audit_details =
        "{\"alert\":" + JsonQuote(id) + ",\"run_id\":" + std::to_string(run_id) +
        ",\"customer_id\":" + JsonQuote(c.id) + ",\"customer_hash\":" + JsonQuote(c.hash) +
        ",\"source\":" + JsonQuote(h.source) + ",\"source_id\":" + JsonQuote(h.source_id) +
        ",\"entity_hash\":" + JsonQuote(h.entity_hash) +
        ",\"list_version_id\":" + std::to_string(h.list_version_id) +
        ",\"list_version\":" + JsonQuote(h.list_version) + ",\"score\":" + std::to_string(h.score) +
        ",\"trigger\":" + JsonQuote(h.trigger);
    if (!exists) {
      std::string reason = "new match (" + h.trigger + ")";
      s = ins.Bind(1, id)
              .Bind(2, c.id)
              .Bind(3, c.name)
              .Bind(4, c.hash)
              .Bind(5, record)
              .Bind(6, h.source)
              .Bind(7, h.source_id)
              .Bind(8, h.entity_hash)
              .Bind(9, h.listed_name)
              .Bind(10, h.matched_name)
              .Bind(11, h.list_version_id)
              .Bind(12, h.list_version)
              .Bind(13, h.list_as_of)
              .Bind(14, h.score)
              .Bind(15, h.strength)
              .Bind(16, h.summary)
              .Bind(17, h.explanation_json)
              .Bind(18, reason)
              .Bind(19, now)
              .Bind(20, now)
              .Bind(21, run_id)
              .Run();
      if (!s.ok()) return s;
      s = AppendAudit("alert.raised", id, audit_details + "}");
      if (!s.ok()) return s;
      ++report->alerts_raised;
      continue;
    }
    std::string new_status = status, reason;
    const char* audit_action = nullptr;
    if (status == kDecisionFalsePositive) {
      if (c.hash == dec_cust_hash && h.entity_hash == dec_ent_hash) {
        ++report->suppressed;
        continue;
      }
      std::vector<std::string> what;
      if (c.hash != dec_cust_hash) {
        what.push_back("customer record changed (" + Join(CustomerChangedFields(dec_record, record), ", ") +
                       ")");
      }
      if (h.entity_hash != dec_ent_hash) {
        Result<std::string> before = RecordBody(dec_ent_hash), after = RecordBody(h.entity_hash);
        if (!before.ok()) return before.status();
        if (!after.ok()) return after.status();
        what.push_back("listed record changed (" + Join(ChangedFields(before.value(), after.value()), ", ") +
                       ")");
      }
      new_status = kAlertOpen;
      reason =
          "re-alerted after false_positive decision by " + dec_by + " at " + dec_at + ": " + Join(what, "; ");
      audit_action = "alert.reopened";
      ++report->alerts_reopened;
    } else if (status == kAlertClosed) {
      new_status = kAlertOpen;
      reason = "re-opened by " + run_ref + " (" + h.trigger + "); it was closed at " + closed_at + ": " +
               closed_reason;
      audit_action = "alert.reopened";
      ++report->alerts_reopened;
    } else if (status == kDecisionTrueMatch) {
      // A confirmed match stays confirmed; the case is handled outside the
      // alert queue. Nothing to update.
      ++report->suppressed;
      continue;
    } else {
      if (c.hash == cust_hash && h.entity_hash == ent_hash && h.score == old_score) continue;
      reason = "updated by " + run_ref + " (" + h.trigger + ")";
      audit_action = "alert.updated";
      ++report->alerts_updated;
    }
    s = upd.Bind(1, new_status)
            .Bind(2, c.name)
            .Bind(3, c.hash)
            .Bind(4, record)
            .Bind(5, h.entity_hash)
            .Bind(6, h.listed_name)
            .Bind(7, h.matched_name)
            .Bind(8, h.list_version_id)
            .Bind(9, h.list_version)
            .Bind(10, h.list_as_of)
            .Bind(11, h.score)
            .Bind(12, h.strength)
            .Bind(13, h.summary)
            .Bind(14, h.explanation_json)
            .Bind(15, reason)
            .Bind(16, now)
            .Bind(17, run_id)
            .Bind(18, id)
            .Run();
    if (!s.ok()) return s;
    s = AppendAudit(audit_action, id, audit_details + ",\"reason\":" + JsonQuote(reason) + "}");
    if (!s.ok()) return s;
  }
  s = CloseAlertsOfRemovedEntities(versions, run_id, report);
  if (!s.ok()) return s;
  SqliteStmt state(db_.get(), "INSERT OR REPLACE INTO monitor_state(source, version_id) VALUES(?,?)");
  for (const StoredListVersion& v : versions) {
    s = state.Bind(1, v.source).Bind(2, v.id).Run();
    if (!s.ok()) return s;
  }
  SqliteStmt meta(db_.get(), "INSERT OR REPLACE INTO meta(key, value) VALUES('monitor_customer_seq', ?)");
  s = meta.Bind(1, std::to_string(customer_seq)).Run();
  if (!s.ok()) return s;
  std::string details = run_details;
  if (!details.empty() && details.back() == '}') details.pop_back();
  details += ",\"alerts_raised\":" + std::to_string(report->alerts_raised) +
             ",\"alerts_reopened\":" + std::to_string(report->alerts_reopened) +
             ",\"alerts_updated\":" + std::to_string(report->alerts_updated) +
             ",\"suppressed\":" + std::to_string(report->suppressed) +
             ",\"alerts_closed\":" + std::to_string(report->alerts_closed) + "}";
  SqliteStmt fix(db_.get(), "UPDATE monitor_run SET details=? WHERE id=?");
  s = fix.Bind(1, details).Bind(2, run_id).Run();
  if (!s.ok()) return s;
  return AppendAudit("monitor.run", run_ref, details);
}

Status StoreImpl::CloseAlertsOfRemovedEntities(const std::vector<StoredListVersion>& versions, int64_t run_id,
                                               MonitorReport* report) {
  // State, not delta: every open alert whose entity is absent from the
  // latest version of its source, whatever happened in between (several
  // imports since the last run, a --full run, a run that crashed).
  // Occurrence-suffixed keys need no care: a source id listed at all has
  // its unsuffixed key.
  SqliteStmt orphans(db_.get(),
                     "SELECT a.id, a.customer_id, a.source_id, a.list_version_id FROM alert a "
                     "WHERE a.status='open' AND a.source=?1 AND NOT EXISTS (SELECT 1 FROM version_entity m "
                     "WHERE m.version_id=?2 AND m.source_id=a.source_id) ORDER BY a.id");
  SqliteStmt later(db_.get(), "SELECT id, as_of FROM list_version WHERE source=? AND id>? ORDER BY id DESC");
  SqliteStmt member(db_.get(), "SELECT 1 FROM version_entity WHERE version_id=? AND source_id=?");
  Offboarder closer(this);
  for (const StoredListVersion& v : versions) {
    struct Orphan {
      std::string alert, customer_id, source_id;
      int64_t raised_version;
    };
    std::vector<Orphan> found;
    orphans.Bind(1, v.source).Bind(2, v.id);
    while (orphans.Step())
      found.push_back({orphans.Text(0), orphans.Text(1), orphans.Text(2), orphans.Int(3)});
    Status s = orphans.status();
    orphans.Reset();
    if (!s.ok()) return s;
    for (const Orphan& o : found) {
      // The version that removed it: the oldest of the versions, newest
      // first, that lack it (it may have come and gone before).
      int64_t removed_in = v.id;
      std::string as_of = v.as_of;
      later.Bind(1, v.source).Bind(2, o.raised_version);
      std::vector<std::pair<int64_t, std::string>> newer;
      while (later.Step()) newer.emplace_back(later.Int(0), later.Text(1));
      s = later.status();
      later.Reset();
      if (!s.ok()) return s;
      for (const auto& [id, date] : newer) {
        member.Bind(1, id).Bind(2, o.source_id);
        const bool listed = member.Step();
        s = member.status();
        member.Reset();
        if (!s.ok()) return s;
        if (listed) break;
        removed_in = id;
        as_of = date;
      }
      const std::string reason = "entity removed from " + v.source + " in version " +
                                 std::to_string(removed_in) + " (as of " + as_of + ")";
      s = closer.Close(o.alert, reason,
                       ",\"cause\":\"entity_removed\",\"run_id\":" + std::to_string(run_id) +
                           ",\"customer_id\":" + JsonQuote(o.customer_id) +
                           ",\"source\":" + JsonQuote(v.source) + ",\"source_id\":" + JsonQuote(o.source_id) +
                           ",\"removed_in_version\":" + std::to_string(removed_in) +
                           ",\"as_of\":" + JsonQuote(as_of));
      if (!s.ok()) return s;
      ++report->alerts_closed;
    }
  }
  return Status::Ok();
}

Result<std::vector<Alert>> StoreImpl::Alerts(const AlertFilter& filter) {
  std::string sql = std::string("SELECT ") + kAlertCols + " FROM alert WHERE (?1 = '' OR status = ?1) AND " +
                    "(?2 = '' OR customer_id = ?2) ORDER BY created_at, id" +
                    (filter.limit > 0 ? " LIMIT " + std::to_string(filter.limit) : "");
  SqliteStmt q(db_.get(), sql.c_str());
  q.Bind(1, filter.status).Bind(2, filter.customer_id);
  std::vector<Alert> out;
  while (q.Step()) out.push_back(ReadAlert(q));
  if (!q.status().ok()) return q.status();
  return out;
}

Result<Alert> StoreImpl::GetAlert(const std::string& id) {
  std::string sql = std::string("SELECT ") + kAlertCols + " FROM alert WHERE id=?";
  SqliteStmt q(db_.get(), sql.c_str());
  q.Bind(1, id);
  if (q.Step()) return ReadAlert(q);
  if (!q.status().ok()) return q.status();
  return Status::NotFound("no alert '" + id + "' (see `cordon alerts list`)", {"", 0, "id"});
}

Status StoreImpl::Decide(const Decision& d) {
  if (d.decision != kDecisionTrueMatch && d.decision != kDecisionFalsePositive) {
    return Status::InvalidArgument("decision must be true_match or false_positive, not '" + d.decision + "'",
                                   {"", 0, "decision"});
  }
  if (TrimAscii(d.by).empty())
    return Status::InvalidArgument("who decided is required (--by)", {"", 0, "by"});
  if (TrimAscii(d.reason).empty())
    return Status::InvalidArgument("a reason is required (--reason)", {"", 0, "reason"});
  if (!IsValidUtf8(d.by) || !IsValidUtf8(d.reason) || d.by.size() > 256 || d.reason.size() > 4096) {
    return Status::InvalidArgument("--by (256 bytes) and --reason (4096 bytes) must be short valid UTF-8");
  }
  SqliteTxn txn(db_.get());
  Status s = txn.Begin(true);
  if (!s.ok()) return s;
  SqliteStmt get(db_.get(),
                 "SELECT status, customer_hash, customer_record, entity_hash FROM alert WHERE id=?");
  get.Bind(1, d.alert_id);
  if (!get.Step()) {
    if (!get.status().ok()) return get.status();
    return Status::NotFound("no alert '" + d.alert_id + "' (see `cordon alerts list`)", {"", 0, "id"});
  }
  std::string previous = get.Text(0), cust_hash = get.Text(1), record = get.Text(2), ent_hash = get.Text(3);
  get.Reset();
  const std::string now = Now();
  SqliteStmt upd(
      db_.get(),
      "UPDATE alert SET status=?, decided_by=?, decided_at=?, decision_reason=?, decided_customer_hash=?, "
      "decided_customer_record=?, decided_entity_hash=?, updated_at=? WHERE id=?");
  s = upd.Bind(1, d.decision)
          .Bind(2, d.by)
          .Bind(3, now)
          .Bind(4, d.reason)
          .Bind(5, cust_hash)
          .Bind(6, record)
          .Bind(7, ent_hash)
          .Bind(8, now)
          .Bind(9, d.alert_id)
          .Run();
  if (!s.ok()) return s;
  std::string details = "{\"alert\":" + JsonQuote(d.alert_id) + ",\"decision\":" + JsonQuote(d.decision) +
                        ",\"previous_status\":" + JsonQuote(previous) + ",\"by\":" + JsonQuote(d.by) +
                        ",\"reason\":" + JsonQuote(d.reason) + ",\"customer_hash\":" + JsonQuote(cust_hash) +
                        ",\"entity_hash\":" + JsonQuote(ent_hash) + "}";
  s = AppendAudit("alert.decided", d.alert_id, details, d.by);
  if (!s.ok()) return s;
  return txn.Commit();
}

// ---------------------------------------------------------------- audit

Result<AuditVerifyReport> StoreImpl::VerifyAudit() {
  SqliteTxn txn(db_.get());
  Status s = txn.Begin(false);
  if (!s.ok()) return s;
  AuditVerifyReport r;
  std::string running = kGenesis;
  SqliteStmt q(db_.get(),
               "SELECT seq, time, actor, action, subject, details, prev_hash, hash FROM audit ORDER BY seq");
  int64_t expected = 1;
  auto fail = [&](int64_t seq, const std::string& why) {
    if (r.first_bad == 0) {
      r.first_bad = seq;
      r.problem = why;
    }
  };
  while (q.Step()) {
    AuditEntry e;
    e.seq = q.Int(0);
    e.time = q.Text(1);
    e.actor = q.Text(2);
    e.action = q.Text(3);
    e.subject = q.Text(4);
    e.details = q.Text(5);
    e.prev_hash = q.Text(6);
    e.hash = q.Text(7);
    ++r.entries;
    if (e.seq != expected) {
      fail(expected,
           "entry " + std::to_string(expected) + " is missing (next is " + std::to_string(e.seq) + ")");
    } else if (e.prev_hash != running) {
      fail(e.seq, "entry " + std::to_string(e.seq) + " does not chain to the previous entry");
    } else if (AuditHash(e.prev_hash, e) != e.hash) {
      fail(e.seq, "entry " + std::to_string(e.seq) + " was edited (its hash does not match its content)");
    }
    expected = e.seq + 1;
    running = e.hash;
  }
  if (!q.status().ok()) return q.status();
  r.head = r.entries > 0 ? running : "";
  std::string head, count;
  SqliteStmt m(db_.get(), "SELECT key, value FROM meta WHERE key IN ('audit_head', 'audit_count')");
  while (m.Step()) (m.Text(0) == "audit_head" ? head : count) = m.Text(1);
  if (!m.status().ok()) return m.status();
  const int64_t recorded = count.empty() ? 0 : std::stoll(count);
  if (r.first_bad == 0 && (recorded != r.entries || (r.entries > 0 && head != running))) {
    fail(r.entries + 1, "entries were deleted from the end: the store recorded " + std::to_string(recorded) +
                            " entries" + (head.empty() ? "" : " ending in " + head.substr(0, 16)) +
                            ", found " + std::to_string(r.entries));
  }
  r.ok = r.first_bad == 0;
  return r;
}

Result<std::vector<AuditEntry>> StoreImpl::Audit(const std::string& from, const std::string& to) {
  SqliteStmt q(
      db_.get(),
      "SELECT seq, time, actor, action, subject, details, prev_hash, hash FROM audit "
      "WHERE (?1 = '' OR time >= ?1) AND (?2 = '' OR substr(time, 1, length(?2)) <= ?2) ORDER BY seq");
  q.Bind(1, from).Bind(2, to);
  std::vector<AuditEntry> out;
  while (q.Step()) {
    AuditEntry e;
    e.seq = q.Int(0);
    e.time = q.Text(1);
    e.actor = q.Text(2);
    e.action = q.Text(3);
    e.subject = q.Text(4);
    e.details = q.Text(5);
    e.prev_hash = q.Text(6);
    e.hash = q.Text(7);
    out.push_back(std::move(e));
  }
  if (!q.status().ok()) return q.status();
  return out;
}

}  // namespace cordon
