// Private to the estimates: what a table's period columns hold, the figures a table prints per
// (metric, period), and the readers of the cover's before/after box.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kreport/layout.h"
#include "kreport/record.h"
#include "kreport/vocab.h"

namespace kreport::extract {

// ---- annual.cc ----------------------------------------------------------------------

/// Whether `t` may hold the company's estimates: not a table of peers, rating history or
/// distribution, a calendar or a ranking.
bool takes_part(const Table& t);

/// Whether `text` holds words of `role` of the estimate tables' vocabulary.
bool has_words(const std::string& text, std::string_view role);

/// The annual figures, one row per (metric, fiscal year): the first page's summary first, then
/// the statements, then the body's tables; another table only adds years to a series it
/// prints the same.
std::vector<Estimate> annual_estimates(const std::vector<Table>& tables);

// ---- estimate_columns.cc -------------------------------------------------------------

/// What a column's numbers are: a period (a fiscal year, or a quarter of one) and a role:
/// "" (the period's figure), `after` (after a revision), `actual` (reported), `own` (the
/// analyst's estimate), `prior` (before the revision), `consensus`, `change`.
struct PeriodColumn {
  vocab::FiscalPeriod period;
  std::string printed;  // the header as printed: "2Q25F", "2024 4Q"
  std::string role;
  std::string note;  // the column's own unit note: "(단위: 십억원, %)"
};

/// The period and role of each column of `t` (nullopt: a label column, a chart's axis, a
/// header naming two periods). A column labelled by a role alone (`당사추정`, `컨센서스`)
/// takes its period from the header it stands under (the neighbour whose label prints the
/// period over a role) or, in a results review, the latest quarter the table prints.
std::vector<std::optional<PeriodColumn>> period_columns(const Table& t);

/// The period a label part opens with and the words after it: "3Q21E(종전)" -> 3Q21E and
/// "종전"; "1Q25 Con" -> 1Q25 and "Con"; "2024 4Q" -> 4Q24 and "".
struct PeriodPart {
  vocab::FiscalPeriod period;
  std::string printed, rest;
};
std::optional<PeriodPart> period_part(const std::string& part);

// ---- estimate_figures.cc -------------------------------------------------------------

/// What one table prints for one metric and period: the figure, the figure before the
/// revision, the consensus; in the table's unit.
struct PeriodFigure {
  std::string metric, label;
  vocab::FiscalPeriod period;
  std::string printed;
  OptNumber value, previous, consensus;
  OptString unit;
  const Table* table = nullptr;
  int page = 0;
};

/// The figures of `t`'s period columns, one per (row, period), known metrics only. A row
/// labelled by a segment under a metric (`매출액 | DS`) is the segment's, not the company's;
/// a total row (`매출액 | 합계`) is the metric's. A table titled as consensus gives consensus.
std::vector<PeriodFigure> table_figures(const Table& t);

/// The revisions of a cover box that prints the current figures beside the prior ones under
/// `현재 | 직전` (`New | Old`, `신규 | 기존`): `영업이익(25F) 26.8 28.8`, and the target price
/// (metric "target_price").
std::vector<PeriodFigure> box_figures(const PageLayout& cover);

/// "매출액 230,401" -> "매출액": a first value printed into its label's cell is no part of it.
std::string clean_label(std::string label);

/// The unit a metric's numbers are in: the label's own note, else the column's or table's.
OptString unit_for(const std::string& metric, const std::string& label,
                   const std::vector<const vocab::UnitWord*>& note);

}  // namespace kreport::extract
