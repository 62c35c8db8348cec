// Stage 4, segment: page blocks -> typed sections, captions with their sources, figures.
#pragma once

#include <vector>

#include "kreport/layout.h"
#include "kreport/record.h"

namespace kreport {

struct Segments {
  std::vector<Section> sections;
  std::vector<Figure> figures;
};

/// Finds tables among the pages' lines, marks their lines with the table's id (so blocks
/// leave them out), and returns them as typed grids; a table continued on the next page
/// under the same header is one table. `vocabulary` joins cells printed over two lines.
std::vector<Table> detect_tables(std::vector<PageLayout>& pages, const Vocabulary& vocabulary = {});

/// One row per company of every peer table: name, ticker and market (from "엔비디아 (NVDA)"
/// or a ticker column's "AAPL US"), price, market cap with its unit, returns by period, and
/// the comment line printed under the company.
std::vector<Peer> peers_of(const std::vector<Table>& tables);

/// Cuts the document's blocks into sections at headings, types each section by its title
/// (Highlight -> summary, Compliance Notice -> compliance, ...), types caption, source (자료:)
/// and note (주:) blocks, and pairs each figure or table caption with the source under it.
Segments segment(const std::vector<PageLayout>& pages);

}  // namespace kreport
