// `kreport show`: a page with what the stages found drawn over it. A view of the stages'
// values (the lines after furniture, the regions, the record's tables, blocks, sections and
// figures), never a second reading of the page: what is drawn is what they decided.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kreport/geometry.h"
#include "kreport/load.h"
#include "kreport/pipeline.h"
#include "kreport/record.h"

namespace kreport {

/// One kind of thing a picture draws, with its fixed colour and line, in legend order.
struct MarkStyle {
  std::string_view kind;     // "running", "sidebar", "paragraph", "cell", ...: the SVG class
  std::string_view stage;    // the stage whose value it is: furniture, regions, tables, ...
  std::string_view meaning;  // the legend's words
  unsigned rgb;              // 0xRRGGBB
  double width;              // of its line, in points
  bool dashed;
  double fill;  // opacity of a fill (0: outline only)
};

/// Every kind, in the order they are drawn (regions under, labels over) and listed.
const std::vector<MarkStyle>& mark_styles();

/// A box drawn over the page: a region, a line, a block, a table or one of its cells.
struct Mark {
  std::string_view kind;
  Bbox box;
  std::string label;  // printed at its corner ("12 body"), may be empty
  std::string title;  // the SVG's tooltip: what it is and the start of its text
};

/// A line drawn between two boxes' centres: a figure's caption, area and source.
struct Link {
  std::string_view kind;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

/// What one page's picture draws, in page points (y down), in drawing order.
struct Picture {
  int page = 0;
  double width = 0, height = 0;
  std::vector<Mark> marks;
  std::vector<Link> links;
  /// How many marks (and links) of `kind` it holds.
  int count(std::string_view kind) const;
};

/// The picture of page `page` (1-based) from the record and the stages' values kept by
/// convert (ConvertOptions::keep). Throws Error(usage) for a page the document has not.
Picture picture_of(const Report& report, const StageValues& stages, int page);

/// The picture as SVG: `image` (the page rendered, embedded as PNG) under the marks in page
/// points, and a legend to the right naming each kind with its count on the page.
std::string picture_svg(const Picture& picture, const RgbImage& image);

/// The picture as a raster: `image` with the marks drawn into it and the legend beside it
/// (a built-in 5x7 bitmap font for the labels), ready for png_bytes.
RgbImage picture_raster(const Picture& picture, const RgbImage& image);

}  // namespace kreport
