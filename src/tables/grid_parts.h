// Shared by the grid files of the segment stage (not a public header): the rows and
// columns of one table (grid.cc), its header (header.cc) and its group labels (groups.cc).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "table_parts.h"

namespace kreport::tables {

struct GridRow {
  std::vector<const Piece*> cells;  // left to right
  double center = 0;
  double top() const {
    double y = cells.front()->bbox.y0;
    for (const Piece* c : cells) y = std::min(y, c->bbox.y0);
    return y;
  }
  double bottom() const {
    double y = cells.front()->bbox.y1;
    for (const Piece* c : cells) y = std::max(y, c->bbox.y1);
    return y;
  }
};

inline double overlap(double a0, double a1, double b0, double b1) {
  return std::min(a1, b1) - std::max(a0, b0);
}

struct Band {
  double x0, x1;
};

// Each column's share of the table's width: from the middle of the gap on its left to the
// middle of the gap on its right (the outer columns to their own edge).
struct Tiles {
  std::vector<Band> bands;
  double lo(size_t k) const { return k == 0 ? bands[0].x0 : (bands[k - 1].x1 + bands[k].x0) / 2; }
  double hi(size_t k) const {
    return k + 1 == bands.size() ? bands[k].x1 : (bands[k].x1 + bands[k + 1].x0) / 2;
  }
  size_t at(double x) const {
    for (size_t k = 0; k + 1 < bands.size(); ++k)
      if (x < hi(k)) return k;
    return bands.size() - 1;
  }
  size_t column_of(const Piece* p) const {  // the band it overlaps most, else the nearest
    size_t best = at(p->bbox.center_x());
    double most = 0;
    for (size_t k = 0; k < bands.size(); ++k) {
      double o = overlap(bands[k].x0, bands[k].x1, p->bbox.x0, p->bbox.x1);
      if (o > most) best = k, most = o;
    }
    return best;
  }
};

/// Each column's bottom header cell: the one right over its values.
std::vector<const Piece*> bottom_cells(const std::vector<const Piece*>& header, const Tiles& tiles);

/// The header cells over each column, top to bottom.
std::vector<std::vector<const Piece*>> header_cells(const std::vector<const Piece*>& header,
                                                    const Tiles& tiles);

/// "시가총액 (조원)" -> "조원": the last parenthesis of a label that names a unit.
OptString unit_of(const std::string& label);

/// A stable key for a column: "c3_1w".
std::string slug(const std::string& label, size_t index);

/// A group label printed once for several rows, at `y`.
struct Label {
  double y;
  std::string text;
  Bbox box;  // where it is printed
};

/// Carries the first column's group labels (`between`: printed between rows) to the rows
/// they cover; `centers` are the rows' heights.
void carry_group_labels(std::vector<std::vector<Cell>>& cells,
                        std::vector<std::vector<std::optional<Bbox>>>& boxes,
                        const std::vector<double>& centers, const std::vector<Label>& between);

}  // namespace kreport::tables
