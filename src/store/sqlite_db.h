// A thin RAII layer over the SQLite C API: errors become Status values that
// name the store file; SQLITE_BUSY becomes the "store is busy" error.
#ifndef CORDON_STORE_SQLITE_DB_H_
#define CORDON_STORE_SQLITE_DB_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "cordon/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace cordon {

class SqliteDb {
 public:
  // Opens `path` (creating it when `create`), sets busy_timeout, WAL,
  // synchronous=FULL and foreign keys.
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path, bool create, int busy_timeout_ms);
  ~SqliteDb();

  Status Exec(const char* sql);
  // BEGIN IMMEDIATE (takes the write lock now, or fails busy) or BEGIN.
  Status Begin(bool write);
  Status Commit();
  void Rollback();
  // The Status for the last error of the connection (rc from a call).
  Status Error(int rc, std::string_view what) const;
  int64_t LastInsertId() const;
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  SqliteDb(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
};

// A prepared statement. Bind indexes are 1-based; column indexes 0-based.
class SqliteStmt {
 public:
  SqliteStmt(SqliteDb* db, const char* sql);
  ~SqliteStmt();
  SqliteStmt(const SqliteStmt&) = delete;
  SqliteStmt& operator=(const SqliteStmt&) = delete;

  SqliteStmt& Bind(int i, std::string_view v);
  SqliteStmt& Bind(int i, int64_t v);
  SqliteStmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  SqliteStmt& Bind(int i, double v);
  // Steps once: true when a row is available. On error or done returns
  // false; status() tells which.
  bool Step();
  // Steps to completion (for INSERT/UPDATE/DELETE) and resets.
  Status Run();
  void Reset();
  const Status& status() const { return status_; }

  std::string Text(int col) const;
  // The column's bytes without a copy; valid until the next Step() or Reset().
  std::string_view TextView(int col) const;
  int64_t Int(int col) const;
  double Double(int col) const;
  bool IsNull(int col) const;

 private:
  SqliteDb* db_;
  sqlite3_stmt* stmt_ = nullptr;
  Status status_;
};

// Rolls back unless Commit() was called.
class SqliteTxn {
 public:
  explicit SqliteTxn(SqliteDb* db) : db_(db) {}
  ~SqliteTxn() {
    if (open_) db_->Rollback();
  }
  Status Begin(bool write) {
    Status s = db_->Begin(write);
    open_ = s.ok();
    return s;
  }
  Status Commit() {
    Status s = db_->Commit();
    if (s.ok()) open_ = false;
    return s;
  }

 private:
  SqliteDb* db_;
  bool open_ = false;
};

}  // namespace cordon

#endif  // CORDON_STORE_SQLITE_DB_H_
