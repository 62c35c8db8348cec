// Stage 6, extract: what the report is (broker, date, analysts, title and series, report
// type, the company report's rating box) and its compliance notice, from the laid-out pages.
// Rules are data: tables of brokers, heading words and phrases, each with a real example.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kreport/diagnostics.h"
#include "kreport/layout.h"
#include "kreport/record.h"

namespace kreport {

/// Why a field of `document` is what it is, for `kreport extract --explain`: the rule that
/// decided it and the text it read there. Never part of the record.
struct Evidence {
  std::string field;  // kind, broker, published, analysts[0], title, ticker, rating, ...
  std::string value;  // what the record says, for people ("kiwoom (키움증권)", "95000")
  std::string rule;   // "email", "cover_date", "rating_line", "target_by_label", ...
  std::string text;   // the line (or lines) it read, "" when no line decided
  int page = 0;       // 0: the document as a whole
};

/// The record's `document`: kind, broker, title, series, issue, published, report_type,
/// language, analysts, recommendation. Unknown values stay null, with a warning where a user
/// would expect one (e.g. BROKER_UNKNOWN).
/// `notice`: the report's compliance notice, or null (a notice is evidence that it is a
/// broker report, and its date of record dates a cover that prints none).
/// `explain`, when given, gets the evidence of kind, broker, published, each analyst, title
/// and the rating box's ticker, rating and target price.
DocumentInfo extract_document(const std::vector<PageLayout>& pages, const Compliance* notice,
                              Diagnostics& diag, std::vector<Evidence>* explain = nullptr);

/// One row per company of every peer table: name, ticker and market (from "엔비디아 (NVDA)"
/// or a ticker column's "AAPL US"), price, market cap with its unit, returns by period, and
/// the comment line printed under the company.
std::vector<Peer> peers_of(const std::vector<Table>& tables);

/// The company report's numbers by metric and period: one row per (metric, fiscal year) from
/// its annual financial tables (the first page's summary first, then the statements, then the
/// body's tables), one per (metric, quarter) from its quarterly table; with the figure before
/// the analyst's revision and the consensus where printed beside them (a row of their own where
/// printed in another unit), the unit's scale and currency, and the fiscal year's last month.
/// `pages` gives the cover's before/after box; `published` (ISO) makes a quarter printed
/// without a letter that ends after it a forecast.
std::vector<Estimate> estimates_of(const std::vector<Table>& tables,
                                   const std::vector<PageLayout>& pages = {},
                                   const OptString& published = std::nullopt);

/// The rating changes of the report's rating-history tables ("투자의견 변동내역(2개년) 및
/// 목표주가 괴리율"), those the grid finder found and those the words finder read (across the
/// page, beside a chart), oldest first: date, rating, target price, 괴리율, note.
std::vector<RatingChange> rating_history_of(const std::vector<Table>& tables);

/// The record's `compliance` from the notice the sections found (its compliance section's
/// blocks on the page it starts on) and the rating distribution the tables found, or nullopt
/// when the report has no compliance notice.
std::optional<Compliance> extract_compliance(const std::vector<PageLayout>& pages,
                                             const std::vector<Section>& sections,
                                             const std::vector<Table>& tables, Diagnostics& diag);

}  // namespace kreport
