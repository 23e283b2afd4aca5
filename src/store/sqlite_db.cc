#include "store/sqlite_db.h"

#include <sqlite3.h>

namespace cordon {

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path, bool create, int busy_timeout_ms) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    if (rc == SQLITE_CANTOPEN && !create)
      return Status::NotFound("store does not exist (" + msg + ")", {path});
    return Status::IoError("cannot open store: " + msg, {path});
  }
  std::unique_ptr<SqliteDb> out(new SqliteDb(db, path));
  sqlite3_busy_timeout(db, busy_timeout_ms);
  sqlite3_extended_result_codes(db, 0);
  // journal_mode=WAL needs a write lock the first time; busy if held.
  for (const char* pragma :
       {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
    Status s = out->Exec(pragma);
    if (!s.ok()) return s;
  }
  return out;
}

SqliteDb::~SqliteDb() { sqlite3_close(db_); }

Status SqliteDb::Error(int rc, std::string_view what) const {
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
    return Status::IoError(
        "store is busy: another cordon process is writing to it; try again when it has finished", {path_});
  }
  std::string msg = std::string(what) + ": " + sqlite3_errmsg(db_);
  if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB) {
    return Status::DataError("store file is corrupt or not a cordon store (" + msg + ")", {path_});
  }
  if (rc == SQLITE_FULL) return Status::IoError("disk full: " + msg, {path_});
  return Status::IoError(msg, {path_});
}

Status SqliteDb::Exec(const char* sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
  sqlite3_free(err);
  if (rc != SQLITE_OK) return Error(rc, sql);
  return Status::Ok();
}

int64_t SqliteDb::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }

Status SqliteDb::Begin(bool write) { return Exec(write ? "BEGIN IMMEDIATE" : "BEGIN"); }
Status SqliteDb::Commit() { return Exec("COMMIT"); }
void SqliteDb::Rollback() { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }

SqliteStmt::SqliteStmt(SqliteDb* db, const char* sql) : db_(db) {
  int rc = sqlite3_prepare_v2(db->handle(), sql, -1, &stmt_, nullptr);
  if (rc != SQLITE_OK) status_ = db->Error(rc, std::string("prepare ") + sql);
}

SqliteStmt::~SqliteStmt() { sqlite3_finalize(stmt_); }

SqliteStmt& SqliteStmt::Bind(int i, std::string_view v) {
  if (stmt_) sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
SqliteStmt& SqliteStmt::Bind(int i, int64_t v) {
  if (stmt_) sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
SqliteStmt& SqliteStmt::Bind(int i, double v) {
  if (stmt_) sqlite3_bind_double(stmt_, i, v);
  return *this;
}

bool SqliteStmt::Step() {
  if (!stmt_ || !status_.ok()) return false;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = db_->Error(rc, "step");
  return false;
}

Status SqliteStmt::Run() {
  while (Step()) {
  }
  Status s = status_;
  Reset();
  return s;
}

void SqliteStmt::Reset() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  if (status_.ok() || status_.code() != StatusCode::kInternal) status_ = Status::Ok();
}

std::string SqliteStmt::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), n) : std::string();
}
std::string_view SqliteStmt::TextView(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string_view(reinterpret_cast<const char*>(p), static_cast<size_t>(n)) : std::string_view();
}
int64_t SqliteStmt::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double SqliteStmt::Double(int col) const { return sqlite3_column_double(stmt_, col); }
bool SqliteStmt::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

}  // namespace cordon
