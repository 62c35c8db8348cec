// A thin owner of SQLite's C API for the archive: a connection and prepared statements with
// bound parameters. Nothing here builds SQL from values; every value goes through a bind.
#pragma once

#include <sqlite3.h>

#include <nlohmann/json.hpp>
#include <string>

#include "kreport/index.h"

namespace kreport::sql {

/// One connection. `writable` opens (or creates) for writing, otherwise read-only; errors
/// become kreport::Error naming `path` (see error_for in sqlite.cc for the mapping).
class Db {
 public:
  Db(const std::string& path, bool writable);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }
  bool writable() const { return writable_; }

  /// Runs fixed SQL text (schema, pragmas, BEGIN/COMMIT): never text with values in it.
  void exec(const char* sql);

  /// Throws the Error for SQLite result `rc` (doing `what`).
  [[noreturn]] void fail(int rc, const std::string& what) const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
  bool writable_;
};

/// A prepared statement, reset after each run so it can be bound again.
class Stmt {
 public:
  Stmt(Db& db, const char* sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(int i, std::nullptr_t);
  Stmt& bind(int i, long long v);
  Stmt& bind(int i, double v);
  Stmt& bind(int i, const std::string& v);
  Stmt& bind_opt(int i, const std::string& v);  // empty text binds NULL
  /// A JSON value: null, number (integer stays integer), string, bool (0/1); an object or
  /// array binds its compact JSON text.
  Stmt& bind(int i, const nlohmann::json& v);
  /// The index of named parameter `name` (":since"), for bind.
  int param(const char* name) const;

  /// Steps once: true while there is a row to read.
  bool step();
  /// Steps to the end (an INSERT, UPDATE or DELETE) and resets for the next run.
  void run();
  void reset();

  int columns() const;
  std::string column_name(int c) const;
  long long int64(int c) const;
  std::string text(int c) const;
  bool is_null(int c) const;
  Value value(int c) const;

 private:
  Stmt& check(int rc);

  Db& db_;
  sqlite3_stmt* st_ = nullptr;
};

}  // namespace kreport::sql
