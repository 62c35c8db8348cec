// SQLite connections and statements. Failures become one kreport::Error: a file that is not
// a database or is damaged is `invalid` (exit 2), a lock held by another process `io`, a
// disk that is full or read-only `output` when writing (exit 4), anything else `internal`.
#include "sqlite.h"

#include "kreport/error.h"

namespace kreport::sql {
namespace {

// How long a writer waits for another process's lock before giving up: a concurrent
// `kreport query` holds none (WAL), a concurrent `kreport index` commits every batch.
constexpr int kBusyTimeoutMs = 10000;

Errc errc_for(int rc, bool writable) {
  switch (rc & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Errc::invalid;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Errc::io;
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return writable ? Errc::output : Errc::io;
    default:
      return Errc::internal;
  }
}

std::string reason(int rc, sqlite3* db) {
  switch (rc & 0xff) {
    case SQLITE_NOTADB:
      return "not a kreport archive (not an SQLite database)";
    case SQLITE_CORRUPT:
      return "the archive is damaged (SQLite: database disk image is malformed)";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "the archive is locked by another process";
    default:
      return db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  }
}

}  // namespace

Db::Db(const std::string& path, bool writable) : path_(path), writable_(writable) {
  int flags = writable ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    try {
      fail(rc, "cannot open the archive");
    } catch (...) {
      sqlite3_close_v2(db_);  // a failed open still allocates the handle
      throw;
    }
  }
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  sqlite3_extended_result_codes(db_, 1);
}

Db::~Db() {
  sqlite3_close_v2(db_);
}

void Db::exec(const char* sql) {
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(rc, "");
}

void Db::fail(int rc, const std::string& what) const {
  std::string why = reason(rc, db_);
  Errc code = errc_for(rc, writable_);
  if (code == Errc::internal) why = "SQLite: " + why;
  throw Error(code, what.empty() || code == Errc::invalid ? why : what + ": " + why, path_);
}

Stmt::Stmt(Db& db, const char* sql) : db_(db) {
  int rc = sqlite3_prepare_v3(db.handle(), sql, -1, SQLITE_PREPARE_PERSISTENT, &st_, nullptr);
  if (rc != SQLITE_OK) db.fail(rc, "");
}

Stmt::~Stmt() {
  sqlite3_finalize(st_);
}

// A bind fails only for a wrong index or an out-of-memory: a bug, reported as such.
Stmt& Stmt::check(int rc) {
  if (rc != SQLITE_OK) db_.fail(rc, "");
  return *this;
}

Stmt& Stmt::bind(int i, std::nullptr_t) {
  return check(sqlite3_bind_null(st_, i));
}

Stmt& Stmt::bind(int i, long long v) {
  return check(sqlite3_bind_int64(st_, i, v));
}

Stmt& Stmt::bind(int i, double v) {
  return check(sqlite3_bind_double(st_, i, v));
}

Stmt& Stmt::bind(int i, const std::string& v) {
  return check(sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
}

Stmt& Stmt::bind_opt(int i, const std::string& v) {
  return v.empty() ? bind(i, nullptr) : bind(i, v);
}

Stmt& Stmt::bind(int i, const nlohmann::json& v) {
  switch (v.type()) {
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
      return bind(i, nullptr);
    case nlohmann::json::value_t::boolean:
      return bind(i, static_cast<long long>(v.get<bool>()));
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
      return bind(i, v.get<long long>());
    case nlohmann::json::value_t::number_float:
      return bind(i, v.get<double>());
    case nlohmann::json::value_t::string:
      return bind(i, v.get_ref<const std::string&>());
    default:
      return bind(i, v.dump());
  }
}

int Stmt::param(const char* name) const {
  return sqlite3_bind_parameter_index(st_, name);
}

bool Stmt::step() {
  int rc = sqlite3_step(st_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(st_);
  db_.fail(rc, db_.writable() ? "cannot write the archive" : "cannot read the archive");
}

void Stmt::run() {
  while (step()) {
  }
  reset();
}

void Stmt::reset() {
  sqlite3_reset(st_);
  sqlite3_clear_bindings(st_);
}

int Stmt::columns() const {
  return sqlite3_column_count(st_);
}

std::string Stmt::column_name(int c) const {
  return sqlite3_column_name(st_, c);
}

long long Stmt::int64(int c) const {
  return sqlite3_column_int64(st_, c);
}

std::string Stmt::text(int c) const {
  const unsigned char* t = sqlite3_column_text(st_, c);
  return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(st_, c)) : "";
}

bool Stmt::is_null(int c) const {
  return sqlite3_column_type(st_, c) == SQLITE_NULL;
}

Value Stmt::value(int c) const {
  switch (sqlite3_column_type(st_, c)) {
    case SQLITE_INTEGER:
      return int64(c);
    case SQLITE_FLOAT:
      return sqlite3_column_double(st_, c);
    case SQLITE_NULL:
      return std::monostate{};
    default:
      return text(c);
  }
}

}  // namespace kreport::sql
