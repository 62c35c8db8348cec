// `kreport query`: the documented questions, each one SQL statement with bound parameters
// (:subject, :since, :until, :limit, ...). Every ORDER BY ends in a key that is unique per
// row (sha256, seq), so the same records give the same answer in whatever order they were
// indexed. A ticker argument may also be a company name as printed ("삼성전자"): it stands
// for the tickers of the reports that name that company.
#include "kreport/index.h"
#include "kreport/regex.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <regex>

#include "kreport/error.h"
#include "kreport/normalize.h"
#include "kreport/utf8.h"
#include "kreport/vocab.h"
#include "query_internal.h"
#include "schema.h"

namespace kreport {
namespace {

constexpr const char* kSubject = R"sql(
  subject AS (SELECT DISTINCT ticker FROM reports
              WHERE ticker IS NOT NULL AND (ticker = :subject OR company = :subject)))sql";

constexpr const char* kInRange = R"sql(
  (:since IS NULL OR {} >= :since) AND (:until IS NULL OR {} <= :until))sql";

// The firm's own report wins over a history row of the same day; among history rows, the
// one printed in the firm's latest report.
constexpr const char* kTargetPrices = R"sql(
WITH ${subject},
covering AS (SELECT * FROM reports WHERE ticker IN (SELECT ticker FROM subject)),
points AS (
  SELECT r.published AS date, r.broker, r.rating, r.target_price, 'report' AS source,
         r.path, 0 AS rank, r.published AS reported, r.sha256
  FROM covering r
  WHERE r.published IS NOT NULL AND (r.target_price IS NOT NULL OR r.rating IS NOT NULL)
  UNION ALL
  SELECT h.date, r.broker, h.rating, h.target_price, 'history', r.path, 1, r.published, r.sha256
  FROM rating_history h JOIN covering r ON r.id = h.report_id
  WHERE h.date IS NOT NULL AND (h.target_price IS NOT NULL OR h.rating IS NOT NULL)),
ranked AS (
  SELECT *, row_number() OVER (PARTITION BY coalesce(broker, sha256), date
                               ORDER BY rank, reported DESC, sha256) AS n
  FROM points WHERE ${in_range:date})
SELECT date, broker, rating, target_price, source, path AS report
FROM ranked WHERE n = 1
ORDER BY date, broker, sha256
LIMIT :limit)sql";

// Each firm's latest report on the subject that gives the metric for the year (:quarter
// NULL) or for a quarter of it; within a report, its first row (the summary's: a revision
// printed in another unit is a later row).
constexpr const char* kForecastRows = R"sql(
WITH ${subject},
candidates AS (
  SELECT r.id AS report_id, r.ticker, r.broker, r.published, r.sha256, r.path,
         e.period, e.kind, e.value, e.previous_value, e.consensus, e.unit, e.scale, e.currency,
         e.basis,
         row_number() OVER (PARTITION BY coalesce(r.broker, r.sha256)
                            ORDER BY r.published DESC, r.sha256, e.seq) AS n
  FROM estimates e JOIN reports r ON r.id = e.report_id
  WHERE r.ticker IN (SELECT ticker FROM subject) AND e.metric = :metric
    AND e.fiscal_year = :year AND e.fiscal_quarter IS :quarter
    AND ${in_range:r.published}))sql";

constexpr const char* kFirstAnalyst = R"sql(
(SELECT name FROM analysts a WHERE a.report_id = {}
 AND coalesce(a.role, 'analyst') = 'analyst' ORDER BY a.seq LIMIT 1))sql";

constexpr const char* kForecasts = R"sql(
SELECT broker, published, ${analyst:c.report_id} AS analyst,
       period, kind, value, unit, basis, path AS report
FROM candidates c WHERE n = 1
ORDER BY broker, sha256
LIMIT :limit)sql";

constexpr const char* kQuarters = R"sql(
SELECT broker, published, ${analyst:c.report_id} AS analyst,
       period, kind, value, previous_value, consensus, unit, basis, path AS report
FROM candidates c WHERE n = 1
ORDER BY broker, sha256
LIMIT :limit)sql";

constexpr const char* kSpreadRows = R"sql(
SELECT ticker, broker, value, unit, scale, currency FROM candidates
WHERE n = 1 AND value IS NOT NULL
ORDER BY broker, sha256)sql";

// Every revision the reports on the subject print: the target price (the previous target
// beside the new one) and each estimate with the figure before it; one row per firm, day,
// metric and period (a report's first row of it: a revision printed in another unit is a
// later row; the lowest sha256 stands for copies of one report); oldest first.
constexpr const char* kRevisions = R"sql(
WITH ${subject},
covering AS (SELECT * FROM reports WHERE ticker IN (SELECT ticker FROM subject)
             AND ${in_range:published}),
changes AS (
  SELECT r.id AS report_id, r.published, r.broker, r.sha256, r.path, 0 AS seq,
         'target_price' AS metric, NULL AS fiscal_year, NULL AS fiscal_quarter,
         r.previous_target AS previous, r.target_price AS value, '원' AS unit
  FROM covering r WHERE r.previous_target IS NOT NULL AND r.target_price IS NOT NULL
  UNION ALL
  SELECT r.id, r.published, r.broker, r.sha256, r.path, e.seq, e.metric, e.fiscal_year,
         e.fiscal_quarter, e.previous_value, e.value, e.unit
  FROM estimates e JOIN covering r ON r.id = e.report_id
  WHERE e.previous_value IS NOT NULL AND e.value IS NOT NULL AND e.metric <> 'other'),
firsts AS (
  SELECT *, row_number() OVER (PARTITION BY coalesce(broker, sha256), published, metric,
                                            fiscal_year, fiscal_quarter
                               ORDER BY sha256, seq) AS n
  FROM changes)
SELECT published, broker, ${analyst:f.report_id} AS analyst, metric, fiscal_year, fiscal_quarter,
       previous, value, unit, value - previous AS change,
       CASE WHEN previous <> 0 THEN round((value - previous) * 100.0 / abs(previous), 2) END
         AS change_pct,
       CASE WHEN value > previous THEN 'raised' WHEN value < previous THEN 'cut'
            ELSE 'kept' END AS direction,
       path AS report
FROM firsts f WHERE n = 1
ORDER BY published, broker, sha256, seq
LIMIT :limit)sql";

// Three characters or more: the trigram index. Fewer: no trigram fits, so a scan (SQLite
// 3.40's trigram LIKE would wrongly use the index for two Hangul syllables, "이익", and
// find nothing).
constexpr const char* kSearchIndexed = R"sql(
SELECT r.published, r.broker, r.ticker, b.page, b.text AS snippet, r.path AS report
FROM blocks_fts f JOIN blocks b ON b.id = f.rowid JOIN reports r ON r.id = b.report_id
WHERE blocks_fts MATCH :pattern AND ${in_range:r.published} AND ${in_section}
ORDER BY r.published DESC, r.sha256, b.seq
LIMIT :limit)sql";

constexpr const char* kSearchScan = R"sql(
SELECT r.published, r.broker, r.ticker, b.page, b.text AS snippet, r.path AS report
FROM blocks b JOIN reports r ON r.id = b.report_id
WHERE b.text LIKE :pattern ESCAPE '\' AND ${in_range:r.published} AND ${in_section}
ORDER BY r.published DESC, r.sha256, b.seq
LIMIT :limit)sql";

// Every block of the reports on a company, in reading order, newest report first.
constexpr const char* kText = R"sql(
WITH ${subject}
SELECT r.published, r.broker, r.ticker, b.page, b.section_kind AS section, b.type, b.text,
       r.path AS report
FROM blocks b JOIN reports r ON r.id = b.report_id
WHERE r.ticker IN (SELECT ticker FROM subject) AND b.text IS NOT NULL
  AND ${in_range:r.published} AND ${in_section}
ORDER BY r.published DESC, r.sha256, b.seq
LIMIT :limit)sql";

constexpr const char* kAnalyst = R"sql(
SELECT r.published, r.broker, a.name AS analyst, a.role, r.ticker, r.company, r.rating,
       r.target_price, r.title, r.path AS report
FROM analysts a JOIN reports r ON r.id = a.report_id
WHERE (a.name = :who OR a.email = :who COLLATE NOCASE) AND ${in_range:r.published}
ORDER BY r.published DESC, r.sha256, a.seq
LIMIT :limit)sql";

// Every table of companies that compares the subject: one that lists it (by ticker, or by
// name in any case of ASCII letters), and every peer table of a report on it. The subject is
// its ticker, its name, and each name or ticker a report or a peer row prints beside it.
// One row per value of every company in those tables (a peer without values, schema 1.3
// and older, gives one row of NULLs); `subject` marks the company's own rows. Newest report
// first; within one, the record's order.
constexpr const char* kPeers = R"sql(
WITH keys AS (
  SELECT :subject AS k
  UNION SELECT ticker FROM reports WHERE company = :subject AND ticker IS NOT NULL
  UNION SELECT company FROM reports WHERE ticker = :subject AND company IS NOT NULL
  UNION SELECT ticker FROM peers WHERE name = :subject COLLATE NOCASE AND ticker IS NOT NULL
  UNION SELECT name FROM peers WHERE ticker = :subject AND name IS NOT NULL),
listed AS (
  SELECT report_id, seq, table_id FROM peers
  WHERE ticker IN (SELECT k FROM keys) OR name COLLATE NOCASE IN (SELECT k FROM keys)),
compared AS (
  SELECT report_id, table_id FROM listed
  UNION
  SELECT p.report_id, p.table_id FROM peers p JOIN reports r ON r.id = p.report_id
  WHERE r.ticker IN (SELECT k FROM keys))
SELECT r.published, r.broker, p.table_id AS "table", p.name AS peer, p.ticker, p.market,
       EXISTS (SELECT 1 FROM listed l WHERE l.report_id = p.report_id AND l.seq = p.seq)
         AS subject,
       v.metric, v.label, v.period, v.value, v.unit, r.path AS report
FROM compared c JOIN reports r ON r.id = c.report_id
JOIN peers p ON p.report_id = c.report_id AND p.table_id IS c.table_id
LEFT JOIN peer_values v ON v.report_id = p.report_id AND v.peer_seq = p.seq
WHERE ${in_range:r.published}
ORDER BY r.published DESC, r.sha256, p.seq, v.seq
LIMIT :limit)sql";

// A block's section kind, when --section asks for one (NULL: any).
constexpr const char* kInSection = "(:section IS NULL OR b.section_kind = :section)";

// The fixed SQL pieces spliced into a statement's text: ${subject}, ${in_range:COLUMN} and
// ${in_section}.
// Only constants are spliced; every value is a bound parameter.
std::string expand(std::string sql) {
  for (size_t at; (at = sql.find("${subject}")) != std::string::npos;)
    sql.replace(at, 10, kSubject);
  for (size_t at; (at = sql.find("${in_section}")) != std::string::npos;)
    sql.replace(at, 13, kInSection);
  for (size_t at; (at = sql.find("${analyst:")) != std::string::npos;) {
    size_t end = sql.find('}', at);
    std::string column = sql.substr(at + 10, end - at - 10), first = kFirstAnalyst;
    first.replace(first.find("{}"), 2, column);
    sql.replace(at, end - at + 1, first);
  }
  for (size_t at; (at = sql.find("${in_range:")) != std::string::npos;) {
    size_t end = sql.find('}', at);
    std::string column = sql.substr(at + 11, end - at - 11), range = kInRange;
    for (size_t p; (p = range.find("{}")) != std::string::npos;) range.replace(p, 2, column);
    sql.replace(at, end - at + 1, range);
  }
  return sql;
}

// Binds the parameters a statement names; an empty text is NULL (an open date range).
void bind_all(sql::Stmt& st, const std::vector<std::pair<const char*, std::string>>& text,
              const QueryOptions& options) {
  for (const auto& [name, value] : text)
    if (int i = st.param(name)) st.bind_opt(i, value);
  if (int i = st.param(":since")) st.bind_opt(i, options.since);
  if (int i = st.param(":until")) st.bind_opt(i, options.until);
  if (int i = st.param(":section")) st.bind_opt(i, options.section);
  if (int i = st.param(":limit")) st.bind(i, options.limit > 0 ? options.limit : -1LL);
}

QueryResult collect(sql::Stmt& st) {
  QueryResult result;
  for (int c = 0; c < st.columns(); ++c) result.columns.push_back(st.column_name(c));
  while (st.step()) {
    std::vector<Value> row;
    for (int c = 0; c < st.columns(); ++c) row.push_back(st.value(c));
    result.rows.push_back(std::move(row));
  }
  return result;
}

QueryResult select_rows(sql::Db& db, const std::string& sql,
                        const std::vector<std::pair<const char*, std::string>>& params,
                        const QueryOptions& options) {
  sql::Stmt st(db, expand(sql).c_str());
  bind_all(st, params, options);
  return collect(st);
}

long long year_arg(const std::string& text) {
  char* end = nullptr;
  long long year = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0')
    throw Error(Errc::usage, "YEAR must be a year such as 2025, not \"" + text + "\"");
  return year;
}

// "2Q25", "2Q25F", "2025 2Q", "2Q2025", "2025Q2" -> (2025, 2).
std::pair<long long, long long> quarter_arg(const std::string& text) {
  auto p = vocab::fiscal_quarter(text);
  if (p && p->year) return {p->year, p->quarter};
  static const Regex iso(R"(((?:19|20)\d{2}) ?-?Q([1-4]))");
  std::smatch m;
  if (std::regex_match(text, m, iso)) return {std::stoll(m[1]), std::stoll(m[2])};
  throw Error(Errc::usage,
              "QUARTER must be a quarter such as 2Q25 or 2025Q2, not \"" + text + "\"");
}

// The firms' latest reports' rows for METRIC in a year or, with `quarter`, a quarter.
QueryResult latest(sql::Db& db, const char* select, const std::vector<std::string>& a,
                   const QueryOptions& o, std::optional<std::pair<long long, long long>> quarter) {
  sql::Stmt st(db, expand(std::string(kForecastRows) + select).c_str());
  bind_all(st, {{":subject", a[0]}, {":metric", a[1]}}, o);
  st.bind(st.param(":year"), quarter ? quarter->first : year_arg(a[2]));
  if (quarter) st.bind(st.param(":quarter"), quarter->second);
  return collect(st);
}

QueryResult forecasts(sql::Db& db, const std::vector<std::string>& a, const QueryOptions& o) {
  return latest(db, kForecasts, a, o, std::nullopt);
}

QueryResult quarters(sql::Db& db, const std::vector<std::string>& a, const QueryOptions& o) {
  return latest(db, kQuarters, a, o, quarter_arg(a[2]));
}

QueryResult spread(sql::Db& db, const std::vector<std::string>& a, const QueryOptions& o) {
  return archive::spread_of(latest(db, kSpreadRows, a, o, std::nullopt), a[1], year_arg(a[2]));
}

QueryResult search(sql::Db& db, const std::vector<std::string>& a, const QueryOptions& o) {
  const std::string& term = a[0];
  if (term.empty()) throw Error(Errc::usage, "search needs a TEXT to look for");
  QueryResult r;
  if (utf8::length(term) >= 3) {
    // One FTS5 phrase: the text as a literal, its quotes doubled.
    std::string phrase = "\"";
    for (char c : term) phrase += c == '"' ? std::string("\"\"") : std::string(1, c);
    r = select_rows(db, kSearchIndexed, {{":pattern", phrase + "\""}}, o);
  } else {
    std::string like = "%";
    for (char c : term) {
      if (c == '%' || c == '_' || c == '\\') like += '\\';
      like += c;
    }
    r = select_rows(db, kSearchScan, {{":pattern", like + "%"}}, o);
  }
  for (auto& row : r.rows) row[4] = archive::snippet(std::get<std::string>(row[4]), term);
  return r;
}

// --since and --until: a day as YYYY-MM-DD that the calendar has (empty: no bound).
void check_date(const char* option, const std::string& date) {
  if (date.empty()) return;
  auto digits = [&](size_t from, size_t n) {
    return std::all_of(date.begin() + from, date.begin() + from + n,
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  bool ok = date.size() == 10 && date[4] == '-' && date[7] == '-' && digits(0, 4) && digits(5, 2) &&
            digits(8, 2);
  if (ok) {
    using namespace std::chrono;
    year_month_day day{year{std::stoi(date.substr(0, 4))},
                       month{static_cast<unsigned>(std::stoi(date.substr(5, 2)))},
                       std::chrono::day{static_cast<unsigned>(std::stoi(date.substr(8, 2)))}};
    ok = day.ok();
  }
  if (!ok)
    throw Error(Errc::usage,
                std::string(option) + ": expected a date YYYY-MM-DD, got '" + date + "'");
}

using Runner = QueryResult (*)(sql::Db&, const std::vector<std::string>&, const QueryOptions&);

struct Entry {
  NamedQuery query;
  Runner run;
};

const std::vector<Entry>& entries() {
  static const std::vector<Entry> kEntries = {
      {{"target-prices", {"TICKER"}, "every firm's rating and target price over time"},
       [](sql::Db& db, const std::vector<std::string>& a, const QueryOptions& o) {
         return select_rows(db, kTargetPrices, {{":subject", a[0]}}, o);
       }},
      {{"forecasts", {"TICKER", "METRIC", "YEAR"}, "each firm's latest forecast of a metric"},
       forecasts},
      {{"spread", {"TICKER", "METRIC", "YEAR"}, "low, high, mean and spread of those forecasts"},
       spread},
      {{"quarters", {"TICKER", "METRIC", "QUARTER"}, "each firm's latest forecast of a quarter"},
       quarters},
      {{"revisions", {"TICKER"}, "who raised or cut a target or an estimate, when, by how much"},
       [](sql::Db& db, const std::vector<std::string>& a, const QueryOptions& o) {
         return select_rows(db, kRevisions, {{":subject", a[0]}}, o);
       }},
      {{"search", {"TEXT"}, "blocks of text containing TEXT, with a snippet (--section KIND)"},
       search},
      {{"text", {"TICKER"}, "the text of every report on a company, block by block (--section)"},
       [](sql::Db& db, const std::vector<std::string>& a, const QueryOptions& o) {
         return select_rows(db, kText, {{":subject", a[0]}}, o);
       }},
      {{"analyst", {"NAME"}, "an analyst's reports (name or e-mail), newest first"},
       [](sql::Db& db, const std::vector<std::string>& a, const QueryOptions& o) {
         return select_rows(db, kAnalyst, {{":who", a[0]}}, o);
       }},
      {{"peers",
        {"TICKER_OR_NAME"},
        "every report that compared a company: with whom, at which multiples"},
       [](sql::Db& db, const std::vector<std::string>& a, const QueryOptions& o) {
         return select_rows(db, kPeers, {{":subject", a[0]}}, o);
       }},
  };
  return kEntries;
}

std::string known_names() {
  std::string names;
  for (const Entry& e : entries()) names += (names.empty() ? "" : ", ") + std::string(e.query.name);
  return names;
}

}  // namespace

const std::vector<NamedQuery>& named_queries() {
  static const std::vector<NamedQuery> kQueries = [] {
    std::vector<NamedQuery> q;
    for (const Entry& e : entries()) q.push_back(e.query);
    return q;
  }();
  return kQueries;
}

QueryResult run_query(const std::string& db_path, const std::string& name,
                      const std::vector<std::string>& args, const QueryOptions& options) {
  auto it = std::find_if(entries().begin(), entries().end(),
                         [&](const Entry& e) { return name == e.query.name; });
  if (it == entries().end())
    throw Error(Errc::usage, "unknown query \"" + name + "\" (known: " + known_names() + ")");
  if (args.size() != it->query.args.size()) {
    std::string usage;
    for (const char* a : it->query.args) usage += std::string(" ") + a;
    throw Error(Errc::usage, "query " + name + " takes" + usage + " (got " +
                                 std::to_string(args.size()) + " argument(s))");
  }
  check_date("--since", options.since);
  check_date("--until", options.until);
  // Records are NFC (record contract): arguments typed on any keyboard are made so too.
  std::vector<std::string> normalized;
  for (size_t i = 0; i < args.size(); ++i) {
    normalized.push_back(normalize(args[i]));
    if (size_t n = utf8::length(normalized.back()); n > kMaxQueryArgChars)
      throw Error(Errc::usage, "query " + name + ": " + it->query.args[i] + " is " +
                                   std::to_string(n) + " characters long, over the limit of " +
                                   std::to_string(kMaxQueryArgChars));
  }
  std::unique_ptr<sql::Db> db = archive::open_for_reading(db_path);
  return it->run(*db, normalized, options);
}

}  // namespace kreport
