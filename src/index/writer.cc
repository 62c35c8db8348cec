// A record's parts, table by table. Records of every schema version are read: a key that an
// older version lacks (estimates before 1.2, an analyst's role, a block's origin, an
// estimate's quarter or consensus before 1.3) is NULL; a peer's values (1.4) are rows of
// peer_values.
// Child rows keep the record's order in `seq`, from 1. The blocks of a whole transaction go
// in with one statement, just before its commit: their trigger feeds the full-text index
// (FTS5), which writes its pending terms out at the end of every statement once it took part
// in the transaction; one INSERT per block (or per report) did that thousands of times, and
// was 40% of indexing.
#include "writer.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace kreport::archive {
namespace {

using nlohmann::json;

// The value at `key`, or null when `j` is not an object or has no such key.
const json& at(const json& j, const char* key) {
  static const json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

const json& at(const json& j, const char* key, const char* inner) {
  return at(at(j, key), inner);
}

const json& list(const json& j, const char* key) {
  static const json kEmpty = json::array();
  const json& v = at(j, key);
  return v.is_array() ? v : kEmpty;
}

std::vector<std::string> dotted_parts(const std::string& v) {
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    size_t dot = v.find('.', start);
    parts.push_back(v.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) return parts;
    start = dot + 1;
  }
}

}  // namespace

int compare_versions(const std::string& a, const std::string& b) {
  std::vector<std::string> pa = dotted_parts(a), pb = dotted_parts(b);
  for (size_t i = 0; i < std::max(pa.size(), pb.size()); ++i) {
    std::string x = i < pa.size() ? pa[i] : "0", y = i < pb.size() ? pb[i] : "0";
    size_t dx = x.find_first_not_of("0123456789"), dy = y.find_first_not_of("0123456789");
    unsigned long nx = std::strtoul(x.c_str(), nullptr, 10);
    unsigned long ny = std::strtoul(y.c_str(), nullptr, 10);
    if (nx != ny) return nx < ny ? -1 : 1;
    std::string rx = dx == std::string::npos ? "" : x.substr(dx);
    std::string ry = dy == std::string::npos ? "" : y.substr(dy);
    if (rx != ry) return rx < ry ? -1 : 1;
  }
  return 0;
}

Writer::Writer(sql::Db& db)
    : db_(db),
      find_(db, "SELECT id, kreport_version FROM reports WHERE sha256 = ?1"),
      remove_(db, "DELETE FROM reports WHERE id = ?1"),
      report_(db,
              "INSERT INTO reports (sha256, path, broker, broker_name, published, kind, "
              "report_type, title, series, issue, language, ticker, market, company, rating, "
              "rating_text, target_price, current_price, pages, schema_version, kreport_version, "
              "previous_target) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
              "?17, ?18, ?19, ?20, ?21, ?22)"),
      analyst_(db,
               "INSERT INTO analysts (report_id, seq, name, email, phone, team, role) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
      estimate_(db,
                "INSERT INTO estimates (report_id, seq, metric, label, fiscal_year, period, kind, "
                "value, unit, basis, table_id, page, fiscal_quarter, previous_value, consensus, "
                "scale, currency, fiscal_year_end) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
                "?17, ?18)"),
      history_(db,
               "INSERT INTO rating_history (report_id, seq, date, rating, rating_text, "
               "target_price, gap_avg_pct, gap_extreme_pct, note) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
      peer_(db,
            "INSERT INTO peers (report_id, seq, name, ticker, market, value_chain, price, "
            "market_cap, market_cap_unit, returns, correlation, earnings_date, comment, "
            "table_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"),
      peer_value_(db,
                  "INSERT INTO peer_values (report_id, peer_seq, seq, label, metric, period, "
                  "value, unit) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
      table_(db,
             "INSERT INTO tables (report_id, seq, table_id, kind, title, page, bbox, columns, "
             "rows, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
      blocks_(db,
              "INSERT INTO blocks (report_id, seq, section, section_kind, section_title, type, "
              "text, table_id, page, origin) SELECT value->>0, value->>1, value->>2, value->>3, "
              "value->>4, value->>5, value->>6, value->>7, value->>8, value->>9 "
              "FROM json_each(?1) ORDER BY key") {}

std::optional<Existing> Writer::find(const std::string& sha256) {
  find_.bind(1, sha256);
  std::optional<Existing> found;
  if (find_.step()) found = Existing{find_.int64(0), find_.text(1)};
  find_.reset();
  return found;
}

void Writer::remove(long long id) {
  auto& rows = pending_blocks_.get_ref<nlohmann::json::array_t&>();
  std::erase_if(rows, [id](const json& row) { return row[0] == id; });
  remove_.bind(1, id).run();
}

void Writer::flush() {
  if (pending_blocks_.empty()) return;
  blocks_.bind(1, pending_blocks_.dump()).run();
  pending_blocks_ = json::array();
}

void Writer::insert(const json& record) {
  long long id = insert_report(record);
  insert_analysts(id, at(record, "document"));
  insert_estimates(id, record);
  insert_rating_history(id, at(record, "compliance"));
  insert_peers(id, record);
  insert_tables(id, record);
  insert_blocks(id, record);
}

long long Writer::insert_report(const json& r) {
  const json& doc = at(r, "document");
  const json& rec = at(doc, "recommendation");
  report_.bind(1, at(r, "source", "sha256"))
      .bind(2, at(r, "source", "path"))
      .bind(3, at(doc, "broker", "id"))
      .bind(4, at(doc, "broker", "name"))
      .bind(5, at(doc, "published"))
      .bind(6, at(doc, "kind"))
      .bind(7, at(doc, "report_type"))
      .bind(8, at(doc, "title"))
      .bind(9, at(doc, "series"))
      .bind(10, at(doc, "issue"))
      .bind(11, at(doc, "language"))
      .bind(12, at(rec, "ticker"))
      .bind(13, at(rec, "market"))
      .bind(14, at(rec, "company"))
      .bind(15, at(rec, "rating"))
      .bind(16, at(rec, "rating_text"))
      .bind(17, at(rec, "target_price", "value"))
      .bind(18, at(rec, "current_price", "value"))
      .bind(19, at(r, "source", "pages"))
      .bind(20, at(r, "schema_version"))
      .bind(21, at(r, "extractor", "version"))
      .bind(22, at(rec, "previous_target", "value"))
      .run();
  return sqlite3_last_insert_rowid(db_.handle());
}

void Writer::insert_analysts(long long id, const json& document) {
  long long seq = 0;
  for (const json& a : list(document, "analysts"))
    analyst_.bind(1, id)
        .bind(2, ++seq)
        .bind(3, at(a, "name"))
        .bind(4, at(a, "email"))
        .bind(5, at(a, "phone"))
        .bind(6, at(a, "team"))
        .bind(7, at(a, "role"))
        .run();
}

void Writer::insert_estimates(long long id, const json& record) {
  long long seq = 0;
  for (const json& e : list(record, "estimates"))
    estimate_.bind(1, id)
        .bind(2, ++seq)
        .bind(3, at(e, "metric"))
        .bind(4, at(e, "label"))
        .bind(5, at(e, "fiscal_year"))
        .bind(6, at(e, "period"))
        .bind(7, at(e, "kind"))
        .bind(8, at(e, "value"))
        .bind(9, at(e, "unit"))
        .bind(10, at(e, "basis"))
        .bind(11, at(e, "table"))
        .bind(12, at(e, "page"))
        .bind(13, at(e, "fiscal_quarter"))
        .bind(14, at(e, "previous_value"))
        .bind(15, at(e, "consensus"))
        .bind(16, at(e, "scale"))
        .bind(17, at(e, "currency"))
        .bind(18, at(e, "fiscal_year_end"))
        .run();
}

void Writer::insert_rating_history(long long id, const json& compliance) {
  long long seq = 0;
  for (const json& h : list(compliance, "rating_history"))
    history_.bind(1, id)
        .bind(2, ++seq)
        .bind(3, at(h, "date"))
        .bind(4, at(h, "rating"))
        .bind(5, at(h, "rating_text"))
        .bind(6, at(h, "target_price"))
        .bind(7, at(h, "gap_avg_pct"))
        .bind(8, at(h, "gap_extreme_pct"))
        .bind(9, at(h, "note"))
        .run();
}

// Each peer and its values (schema 1.4; none before), in the record's order.
void Writer::insert_peers(long long id, const json& record) {
  long long seq = 0;
  for (const json& p : list(record, "peers")) {
    peer_.bind(1, id)
        .bind(2, ++seq)
        .bind(3, at(p, "name"))
        .bind(4, at(p, "ticker"))
        .bind(5, at(p, "market"))
        .bind(6, at(p, "value_chain"))
        .bind(7, at(p, "price"))
        .bind(8, at(p, "market_cap", "value"))
        .bind(9, at(p, "market_cap", "unit"))
        .bind(10, at(p, "returns"))
        .bind(11, at(p, "correlation"))
        .bind(12, at(p, "earnings_date"))
        .bind(13, at(p, "comment"))
        .bind(14, at(p, "table"))
        .run();
    long long value_seq = 0;
    for (const json& v : list(p, "values"))
      peer_value_.bind(1, id)
          .bind(2, seq)
          .bind(3, ++value_seq)
          .bind(4, at(v, "label"))
          .bind(5, at(v, "metric"))
          .bind(6, at(v, "period"))
          .bind(7, at(v, "value"))
          .bind(8, at(v, "unit"))
          .run();
  }
}

void Writer::insert_tables(long long id, const json& record) {
  long long seq = 0;
  for (const json& t : list(record, "tables"))
    table_.bind(1, id)
        .bind(2, ++seq)
        .bind(3, at(t, "id"))
        .bind(4, at(t, "kind"))
        .bind(5, at(t, "title"))
        .bind(6, at(t, "page"))
        .bind(7, at(t, "bbox"))
        .bind(8, list(t, "columns"))
        .bind(9, list(t, "rows"))
        .bind(10, at(t, "source"))
        .run();
}

// Every block in reading order, with its section; a table_ref block has no text, only the
// id of its table. Held until flush().
void Writer::insert_blocks(long long id, const json& record) {
  long long seq = 0;
  for (const json& s : list(record, "sections"))
    for (const json& b : list(s, "blocks"))
      pending_blocks_.push_back(
          json::array({id, ++seq, at(s, "id"), at(s, "kind"), at(s, "title"), at(b, "type"),
                       at(b, "text"), at(b, "table"), at(b, "page"), at(b, "origin")}));
}

}  // namespace kreport::archive
