// Stage 3, tables: typed grids found from the page's geometry before the prose is put in
// reading order, so a sidebar's tables and a body beside them are never read as one flow.
// Returns values only: the tables, and per page which lines each took.
#pragma once

#include <vector>

#include "kreport/layout.h"
#include "kreport/record.h"

namespace kreport {

struct TableSet {
  std::vector<Table> tables;
  std::vector<std::vector<PlacedTable>> placed;  // per page (same order as the input): where
                                                 // each table stands, the lines it took
};

/// Finds the tables among the pages' lines (running lines are never a table's); a table
/// continued on the next page under the same header is one table. `vocabulary` joins
/// cells printed over two lines.
/// The words printed on a chart (a figure region of `regions`) are never a table's.
TableSet find_tables(const std::vector<PageLines>& pages, const Vocabulary& vocabulary = {},
                     const std::vector<PageRegions>& regions = {});

/// A cell's text; a whole number under 10,000 as its digits (a bare year the grid read as a
/// number: 2018); "" for an empty cell or another number.
std::string cell_text(const Cell& c);

}  // namespace kreport
