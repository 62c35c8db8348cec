// What a plain SQLite client reads from an archive kreport wrote: the e2e tests check the
// archive as a user's own SQL would, not through kreport's reader.
#pragma once

#include <sqlite3.h>

#include <filesystem>
#include <string>

namespace kreport::test {

/// The first column of the first row `sql` gives on the archive `db`, or "error".
inline std::string archive_scalar(const std::filesystem::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  std::string out = "error";
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
      out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
  }
  sqlite3_close(h);
  return out;
}

/// The rows of `table` in the archive `db`, or -1 when it cannot be read.
inline long long archive_count(const std::filesystem::path& db, const std::string& table) {
  std::string n = archive_scalar(db, "SELECT count(*) FROM " + table);
  return n == "error" ? -1 : std::stoll(n);
}

}  // namespace kreport::test
