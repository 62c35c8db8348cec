// The report record: the typed form of ../shared/design/record-contract.md (v1).
// Every optional value is std::optional and is written as JSON null when absent.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kreport/diagnostics.h"
#include "kreport/geometry.h"

namespace kreport {

inline constexpr const char* kSchemaName = "kreport.report";
inline constexpr const char* kSchemaVersion = "1.5";

using OptString = std::optional<std::string>;
using OptNumber = std::optional<double>;

struct PdfMeta {
  OptString version, producer, creator, title, created;
};

struct Source {
  std::string path;  // as given; "-" for stdin
  std::string sha256;
  long long bytes = 0;
  int pages = 0;
  PdfMeta pdf;
};

struct Broker {
  std::string id;    // stable ASCII slug: "mirae"
  std::string name;  // Korean name as printed: "미래에셋증권"
};

struct Analyst {
  OptString name, email, phone, team;
  std::string role = "analyst";  // or "research_assistant" (RA, Research Associate, ...)
};

struct Money {
  double value = 0;
  std::string currency = "KRW";
  bool ocr = false;  // OCR read it (schema 1.5: "origin": "ocr")
};

struct Recommendation {
  OptString ticker, market, company, rating, rating_text;
  std::optional<Money> target_price, current_price;
  std::optional<Money> previous_target;  // the target before this report's (kept: the same)
};

struct DocumentInfo {
  std::string kind = "broker_report";  // or "other"
  std::optional<Broker> broker;
  OptString title, series, issue, published, report_type;
  std::string language = "ko";
  std::vector<Analyst> analysts;
  std::optional<Recommendation> recommendation;
};

/// A block of text; `table` is set (and `text` empty) for a table_ref block.
struct Block {
  std::string type;  // heading, paragraph, bullet, caption, source, note, table_ref
  std::string text;
  OptString bullet;  // a bullet's marker ("▪", "①"), kept out of its text
  OptString table;
  int page = 0;
  Bbox bbox;
  std::string origin = "text";  // "text", "actual_text" (/ActualText) or "ocr"
};

struct Section {
  std::string id;
  std::string kind;  // summary, body, peer_table, calendar, appendix, compliance, ...
  OptString title;
  int first_page = 0, last_page = 0;
  std::vector<Block> blocks;
};

/// A table cell: a number when the printed text is one, else the printed string, else null.
using Cell = std::variant<std::monostate, double, std::string>;

struct Column {
  std::string key, label;
  OptString unit;
  std::string ocr_dropped = {};  // not in the record: a header OCR read that failed its check
};

/// Where a cell was printed.
struct CellBox {
  int page = 0;
  Bbox bbox;
  bool ocr = false;              // OCR read it (schema 1.5: "origin": "ocr")
  std::string ocr_dropped = {};  // not in the record: what OCR read, when it failed its check
};

struct Table {
  std::string id, kind;
  OptString title;
  int page = 0;
  Bbox bbox;
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  OptString source;
  std::vector<std::vector<std::optional<CellBox>>> boxes;  // one per cell of `rows`
};

struct Quantity {
  OptNumber value;
  OptString unit;
};

/// One printed figure of a peer row besides its fixed keys: "PER(배) / 2025F" -> per, 2025F.
struct PeerValue {
  std::string label;   // the column (or, transposed, row) label as printed
  std::string metric;  // slug from the metric vocabulary, "other" when it knows no word
  OptString period;    // the year or window the label names: "2025F", "1W"
  Cell value;          // number, text or empty, as the table's cell
  OptString unit;
};

struct Peer {
  OptString name, ticker, market, value_chain;
  OptNumber price;
  std::optional<Quantity> market_cap;
  std::vector<std::pair<std::string, OptNumber>> returns;  // period ("1W") -> percent
  OptNumber correlation;
  OptString earnings_date;  // as printed: "01-28"
  OptString comment;
  std::vector<PeerValue> values;  // every other column, typed (schema 1.4)
  std::string table;
};

/// One number of the report's estimates: a metric for one fiscal year or quarter, with the
/// figure before the analyst's revision and the consensus where the report prints them.
struct Estimate {
  std::string metric;  // slug from the metric vocabulary: "revenue", "operating_profit", "other"
  std::string label;   // the row label as printed: "매출액"
  int fiscal_year = 0;
  std::optional<int> fiscal_quarter;  // 1-4; null for the year
  std::string period;                 // the header as printed: "2025F", "2Q25F", "2024 4Q"
  std::string kind;                   // "actual", "forecast" or "preliminary"
  double value = 0;
  OptNumber previous_value, consensus;  // in `unit`, as the report prints them
  OptString unit, basis;                // "십억원"; "consolidated" / "separate"
  OptNumber scale;                      // what one `unit` is worth in `currency`: 억원 -> 1e8
  OptString currency;                   // "KRW"; null for ratios and multiples
  std::optional<int> fiscal_year_end;   // the month the fiscal year ends in, where printed
  std::string table;                    // id of the table it came from ("" for the cover box)
  int page = 0;
};

struct Figure {
  std::string id;
  OptString number, caption, source;
  int page = 0;
};

struct RatingDefinition {
  std::string scope;  // "stock" or "industry"
  std::string rating, rule;
};

struct RatingDistribution {
  OptString as_of;
  OptNumber buy, hold, sell;
};

struct RatingChange {
  OptString date, rating, rating_text;
  OptNumber target_price, gap_avg_pct, gap_extreme_pct;
  OptString note;  // printed with the row: "담당자변경", "1년경과", "AFTER 6M"
};

struct Statements {
  std::optional<bool> no_prior_distribution, analyst_independence, holds_1pct_or_more,
      analyst_conflict;
};

struct Compliance {
  int page = 0;
  std::string text;
  Statements statements;
  std::vector<RatingDefinition> rating_definitions;
  std::optional<RatingDistribution> rating_distribution;
  std::vector<RatingChange> rating_history;
};

struct Report {
  Source source;
  DocumentInfo document;
  std::vector<Section> sections;
  std::vector<Table> tables;
  std::vector<Peer> peers;
  std::vector<Estimate> estimates;
  std::vector<Figure> figures;
  std::optional<Compliance> compliance;  // null: the report has no compliance notice
  std::vector<Warning> warnings;
};

/// The record as JSON text: keys in contract order, coordinates rounded to 0.1 pt, no
/// timestamps, so the same input always gives the same bytes. Compact unless `pretty`.
std::string to_json(const Report& report, bool pretty = false);

}  // namespace kreport
