// Stage 3, tables: typed grids found from the page's geometry before the prose is put in
// reading order, so a sidebar's tables and a body beside them are never read as one flow.
// Returns values only: the tables, and per page which lines each took.
#pragma once

#include <string>
#include <vector>

#include "kreport/diagnostics.h"
#include "kreport/layout.h"
#include "kreport/record.h"

namespace kreport {

struct TableSet {
  std::vector<Table> tables;
  std::vector<std::vector<PlacedTable>> placed;  // per page (same order as the input): where
                                                 // each table stands, the lines it took
  std::vector<Warning> warnings;                 // numbers OCR read (ocr_checks.cc)
  // Rating histories the words finder read over lines a grid took (a row of dates across the
  // page that the grid holds as printed): the meaning step reads them with `tables`, the
  // record does not hold them, for a line belongs to one table.
  std::vector<Table> history_readings;
};

/// Finds the tables among the pages' lines (running lines are never a table's); a table
/// continued on the next page under the same header is one table. `vocabulary` joins
/// cells printed over two lines.
/// The words printed on a chart (a figure region of `regions`) are never a table's.
TableSet find_tables(const std::vector<PageLines>& pages, const DocumentWords& vocabulary = {},
                     const std::vector<PageRegions>& regions = {});

/// Why a number OCR read cannot be passed on as data, or "" when it passes: digits grouped
/// wrong (`12,34,000`, `1,2345`), a stock code that is not six digits (`05930`, `0059301`).
std::string ocr_number_problem(const std::string& text);
/// Why a column header OCR read that reads like a year is no year's form (`2O24E`, `20245`),
/// or "" when it is one (`2024`, `2025F`, `2023.12`, `FY24`, `1Q25`) or reads like no year.
std::string ocr_header_problem(const std::string& text);
/// One rating's share of a rating distribution (`투자등급 비율`): the rating word as
/// printed (`Trading Buy(매수)`), the rating it names (vocab: `buy`), its percentage.
struct RatingShare {
  std::string label, rating;
  double percent = 0;
};

/// The shares a table of kind rating_distribution prints: rating words labelling its columns
/// (a row of percentages under them) or opening its rows (each row's last number); empty when
/// they are not two ratings or more, buy among them, adding up to 100.
std::vector<RatingShare> rating_shares(const Table& t);

/// The role of each column of a table of kind rating_history (`date`, `rating`, `target`,
/// `gap_avg`, `gap_extreme`, `note`; "" for none), from its label and the header lines kept
/// as rows above its first dated row (vocab::history_columns). A date column starts each
/// half of a history printed in two halves side by side.
std::vector<std::string> history_roles(const Table& t);

/// A cell's text; a whole number under 10,000 as its digits (a bare year the grid read as a
/// number: 2018); "" for an empty cell or another number.
std::string cell_text(const Cell& c);

}  // namespace kreport
