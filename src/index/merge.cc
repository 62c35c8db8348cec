// `kreport index --merge INTO FROM...`: archives made on several machines (one per node or per
// shard) become one. Each FROM is checked as any archive kreport opens (a kreport archive of a
// version this kreport reads; an older one is brought up to date first, as `query` does), then
// attached to INTO's connection and copied in SQL, one transaction per FROM: a report is
// known by its PDF's sha256 and wins as in `kreport index` (the same kreport version is up
// to date and skipped, a newer one replaces the old report and all its rows), so merging
// twice changes nothing. Reports get new ids in INTO; a temporary table maps FROM's ids to
// them, and each child table is copied in one INSERT ... SELECT through that map (the blocks'
// trigger feeds INTO's full-text index as for any insert). Named queries order their rows by
// sha256, never by id, so a merged archive answers as one indexed from the same records.
#include <chrono>
#include <filesystem>

#include "kreport/error.h"
#include "kreport/files.h"
#include "kreport/index.h"
#include "schema.h"
#include "writer.h"

namespace kreport {
namespace {

using Clock = std::chrono::steady_clock;

// The tables hanging off reports.id, copied after the reports; `blocks` last, in its order.
constexpr const char* kChildTables[] = {"analysts", "estimates", "rating_history",
                                        "peers",    "tables",    "blocks"};

// INTO's columns of `table` but `skip`, comma-separated with `prefix` before each. Names come
// from INTO's own schema (PRAGMA table_info), never from input.
std::string columns_of(sql::Db& db, const char* table, const std::string& skip,
                       const std::string& prefix) {
  sql::Stmt st(db, "SELECT name FROM pragma_table_info(?1, 'main') ORDER BY cid");
  st.bind(1, std::string(table));
  std::string out;
  while (st.step()) {
    std::string name = st.text(0);
    if (name == skip || name == "id") continue;
    out += (out.empty() ? "" : ", ") + prefix + name;
  }
  return out;
}

class Merger {
 public:
  Merger(sql::Db& db, MergeResult& result) : db_(db), result_(result) {}

  void merge(const std::string& from) {
    archive::open_for_reading(from);  // checks FROM (and brings an older one up to date)
    sql::Stmt attach(db_, "ATTACH DATABASE ?1 AS src");
    attach.bind(1, from).run();
    try {
      db_.exec("BEGIN IMMEDIATE");
      copy();
      db_.exec("COMMIT");
    } catch (...) {
      db_.exec("ROLLBACK");
      db_.exec("DROP TABLE IF EXISTS temp.merge_map");
      db_.exec("DETACH DATABASE src");
      throw;
    }
    db_.exec("DETACH DATABASE src");
  }

 private:
  void copy() {
    db_.exec("CREATE TEMP TABLE merge_map (src_id INTEGER PRIMARY KEY, dst_id INTEGER NOT NULL)");
    archive::Writer writer(db_);
    std::string cols = columns_of(db_, "reports", "", "");
    sql::Stmt insert(db_, ("INSERT INTO main.reports (" + cols + ") SELECT " + cols +
                           " FROM src.reports WHERE id = ?1")
                              .c_str());
    sql::Stmt map(db_, "INSERT INTO temp.merge_map VALUES (?1, last_insert_rowid())");
    sql::Stmt reports(db_, "SELECT id, sha256, kreport_version FROM src.reports ORDER BY sha256");
    while (reports.step()) {
      long long id = reports.int64(0);
      std::optional<archive::Existing> old = writer.find(reports.text(1));
      if (old && archive::compare_versions(reports.text(2), old->kreport_version) <= 0) {
        ++result_.skipped;  // the same version (or a newer one) is there already
        continue;
      }
      if (old) writer.remove(old->id);
      insert.bind(1, id).run();
      map.bind(1, id).run();
      ++(old ? result_.replaced : result_.added);
    }
    for (const char* table : kChildTables) {
      std::string c = columns_of(db_, table, "report_id", "");
      std::string t = columns_of(db_, table, "report_id", "t.");
      db_.exec(("INSERT INTO main." + std::string(table) + " (report_id, " + c +
                ") SELECT m.dst_id, " + t + " FROM src." + table +
                " AS t JOIN temp.merge_map AS m ON m.src_id = t.report_id ORDER BY m.dst_id, t.seq")
                   .c_str());
    }
    db_.exec("DROP TABLE temp.merge_map");
  }

  sql::Db& db_;
  MergeResult& result_;
};

}  // namespace

MergeResult merge_archives(const std::string& into, const std::vector<std::string>& from) {
  auto started = Clock::now();
  MergeResult result;
  for (const std::string& f : from) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(f, ec))
      throw Error(Errc::io, "no such archive (make one with kreport index)", f);
    if (real_location(f) == real_location(into))
      throw Error(Errc::usage, "cannot merge an archive into itself", f);
  }
  std::unique_ptr<sql::Db> db = archive::open_for_writing(into);
  Merger merger(*db, result);
  for (const std::string& f : from) merger.merge(f);
  result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return result;
}

}  // namespace kreport
