// The archive's schema, version 3 (PRAGMA user_version). One row per report in `reports`,
// keyed by the PDF's sha256; every other table hangs off reports.id and goes with it
// (ON DELETE CASCADE). Numbers are NUMERIC so an integral value reads back as an integer.
// The full-text index is an external-content FTS5 table over blocks.text, kept in step by
// triggers, with the trigram tokenizer: Korean has no word boundaries a tokenizer could use
// ("영업이익은", "영업이익이" are one word each to unicode61), trigrams find any substring of
// three or more characters (README: "The archive" has the measurement).
// A change of schema is a new version: bump kArchiveVersion and migrate older archives here.
// Version 2 (records of schema 1.3) adds the estimates' quarter, figure before a revision,
// consensus, scale, currency and fiscal year end, and the report's previous target: version 1
// archives gain the columns (NULL for what they hold) when kreport next opens them.
// Version 3 (records of schema 1.4) adds peer_values, each peer's typed values (its
// multiples, prices and returns by metric and period), and finds peers by name: a version 2
// archive gains the table, empty for the peers already there, until their records are
// indexed again (`kreport index --force`).
#include "schema.h"

#include <filesystem>

#include "kreport/error.h"
#include "kreport/files.h"

namespace kreport::archive {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  broker TEXT,
  broker_name TEXT,
  published TEXT,
  kind TEXT NOT NULL,
  report_type TEXT,
  title TEXT,
  series TEXT,
  issue TEXT,
  language TEXT,
  ticker TEXT,
  market TEXT,
  company TEXT,
  rating TEXT,
  rating_text TEXT,
  target_price NUMERIC,
  current_price NUMERIC,
  previous_target NUMERIC,
  pages INTEGER,
  schema_version TEXT NOT NULL,
  kreport_version TEXT NOT NULL
);
CREATE INDEX reports_ticker ON reports(ticker, published);
CREATE INDEX reports_company ON reports(company);
CREATE INDEX reports_published ON reports(published);

CREATE TABLE analysts (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  name TEXT,
  email TEXT,
  phone TEXT,
  team TEXT,
  role TEXT,
  PRIMARY KEY (report_id, seq)
) WITHOUT ROWID;
CREATE INDEX analysts_name ON analysts(name);
CREATE INDEX analysts_email ON analysts(email);

CREATE TABLE estimates (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  metric TEXT NOT NULL,
  label TEXT,
  fiscal_year INTEGER NOT NULL,
  fiscal_quarter INTEGER,
  period TEXT,
  kind TEXT,
  value NUMERIC,
  previous_value NUMERIC,
  consensus NUMERIC,
  unit TEXT,
  scale NUMERIC,
  currency TEXT,
  basis TEXT,
  fiscal_year_end INTEGER,
  table_id TEXT,
  page INTEGER,
  PRIMARY KEY (report_id, seq)
) WITHOUT ROWID;
CREATE INDEX estimates_metric ON estimates(metric, fiscal_year, fiscal_quarter);

CREATE TABLE rating_history (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  date TEXT,
  rating TEXT,
  rating_text TEXT,
  target_price NUMERIC,
  gap_avg_pct NUMERIC,
  gap_extreme_pct NUMERIC,
  note TEXT,
  PRIMARY KEY (report_id, seq)
) WITHOUT ROWID;

CREATE TABLE peers (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  name TEXT,
  ticker TEXT,
  market TEXT,
  value_chain TEXT,
  price NUMERIC,
  market_cap NUMERIC,
  market_cap_unit TEXT,
  returns TEXT,
  correlation NUMERIC,
  earnings_date TEXT,
  comment TEXT,
  table_id TEXT,
  PRIMARY KEY (report_id, seq)
) WITHOUT ROWID;
CREATE INDEX peers_ticker ON peers(ticker);

CREATE TABLE tables (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  table_id TEXT NOT NULL,
  kind TEXT,
  title TEXT,
  page INTEGER,
  bbox TEXT,
  columns TEXT NOT NULL,
  rows TEXT NOT NULL,
  source TEXT,
  PRIMARY KEY (report_id, seq)
) WITHOUT ROWID;

CREATE TABLE blocks (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  section TEXT,
  section_kind TEXT,
  section_title TEXT,
  type TEXT NOT NULL,
  text TEXT,
  table_id TEXT,
  page INTEGER,
  origin TEXT
);
CREATE INDEX blocks_report ON blocks(report_id, seq);

CREATE VIRTUAL TABLE blocks_fts USING fts5(
  text, content='blocks', content_rowid='id', tokenize='trigram');
CREATE TRIGGER blocks_fts_insert AFTER INSERT ON blocks BEGIN
  INSERT INTO blocks_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER blocks_fts_delete AFTER DELETE ON blocks BEGIN
  INSERT INTO blocks_fts(blocks_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
)sql";

// Version 1 -> 2: the columns version 2 adds, NULL in the rows already there. The old index
// on (metric, fiscal_year) stays: it serves the same questions.
constexpr const char* kFrom1 = R"sql(
ALTER TABLE reports ADD COLUMN previous_target NUMERIC;
ALTER TABLE estimates ADD COLUMN fiscal_quarter INTEGER;
ALTER TABLE estimates ADD COLUMN previous_value NUMERIC;
ALTER TABLE estimates ADD COLUMN consensus NUMERIC;
ALTER TABLE estimates ADD COLUMN scale NUMERIC;
ALTER TABLE estimates ADD COLUMN currency TEXT;
ALTER TABLE estimates ADD COLUMN fiscal_year_end INTEGER;
)sql";

// Version 2 -> 3: the peers' values and the index by name. A new archive is made as version 2
// (kSchema) and brought to 3 by this too, so each table is written once.
constexpr const char* kFrom2 = R"sql(
CREATE INDEX IF NOT EXISTS peers_name ON peers(name COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS peer_values (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  peer_seq INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  label TEXT,
  metric TEXT NOT NULL,
  period TEXT,
  value,
  unit TEXT,
  PRIMARY KEY (report_id, peer_seq, seq)
) WITHOUT ROWID;
)sql";

// What every archive of at least version `since` has: a database without one of these is not
// a kreport archive (without a trigger, the full-text index would silently miss what is
// written).
struct Object {
  const char* type;
  const char* name;
  int since;
};
constexpr Object kObjects[] = {{"table", "reports", 1},
                               {"table", "analysts", 1},
                               {"table", "estimates", 1},
                               {"table", "rating_history", 1},
                               {"table", "peers", 1},
                               {"table", "tables", 1},
                               {"table", "blocks", 1},
                               {"table", "blocks_fts", 1},
                               {"trigger", "blocks_fts_insert", 1},
                               {"trigger", "blocks_fts_delete", 1},
                               {"table", "peer_values", 3}};

int user_version(sql::Db& db) {
  sql::Stmt st(db, "PRAGMA user_version");
  return st.step() ? static_cast<int>(st.int64(0)) : 0;
}

bool has_tables(sql::Db& db) {
  sql::Stmt st(db, "SELECT count(*) FROM sqlite_schema");
  return st.step() && st.int64(0) > 0;
}

// The first of the tables and triggers a version `version` archive has that `db` lacks
// ("table blocks"), or "".
std::string missing_object(sql::Db& db, int version) {
  sql::Stmt st(db, "SELECT count(*) FROM sqlite_schema WHERE type = ?1 AND name = ?2");
  for (auto [type, name, since] : kObjects) {
    if (since > version) continue;
    st.bind(1, std::string(type)).bind(2, std::string(name));
    bool there = st.step() && st.int64(0) > 0;
    st.reset();
    if (!there) return std::string(type) + " " + name;
  }
  return "";
}

// Throws unless `version` is one this kreport reads and its tables and triggers are there;
// 0 is a new, empty database.
void check_version(sql::Db& db, int version, bool empty) {
  if (version > kArchiveVersion)
    throw Error(Errc::invalid,
                "archive schema version " + std::to_string(version) +
                    " is newer than this kreport reads (" + std::to_string(kArchiveVersion) +
                    "): use a newer kreport",
                db.path());
  if (version == 0 && !empty)
    throw Error(Errc::invalid,
                "not a kreport archive (an SQLite database without kreport's tables)", db.path());
  if (version == 0) return;
  if (std::string missing = missing_object(db, version); !missing.empty())
    throw Error(Errc::invalid,
                "not a kreport archive (user_version " + std::to_string(version) + " but no " +
                    missing + ")",
                db.path());
}

}  // namespace

std::unique_ptr<sql::Db> open_for_writing(const std::string& path) {
  check_output_file(path);
  auto db = std::make_unique<sql::Db>(path, true);
  // WAL: readers never block the writer, and a killed writer leaves only whole transactions.
  // synchronous=NORMAL is durable against a crash of the process (not of the machine).
  db->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON");
  db->exec("BEGIN IMMEDIATE");
  int version = user_version(*db);
  try {
    check_version(*db, version, !has_tables(*db));
  } catch (...) {
    db->exec("ROLLBACK");
    throw;
  }
  if (version == 0) db->exec(kSchema);
  if (version == 1) db->exec(kFrom1);
  if (version <= 2) db->exec(kFrom2);
  if (version < kArchiveVersion)
    db->exec(("PRAGMA user_version=" + std::to_string(kArchiveVersion)).c_str());
  db->exec("COMMIT");
  return db;
}

std::unique_ptr<sql::Db> open_for_reading(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw Error(Errc::io, "no such archive (make one with kreport index)", path);
  auto db = std::make_unique<sql::Db>(path, false);
  int version = user_version(*db);
  check_version(*db, version, false);
  if (version < kArchiveVersion) {  // an older archive is brought up to date first
    db.reset();
    open_for_writing(path);
    db = std::make_unique<sql::Db>(path, false);
  }
  return db;
}

}  // namespace kreport::archive
