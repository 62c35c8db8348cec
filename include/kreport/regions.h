// Stage 3, regions: a page cut into the parts a reader sees before reading a word — the
// body's columns, a sidebar beside them, a framed or shaded box, a figure's area — from the
// lines' geometry and the page's drawing. Reading order, blocks and sections read it; none of
// them looks for a sidebar or a box again.
#pragma once

#include <string_view>
#include <vector>

#include "kreport/geometry.h"
#include "kreport/layout.h"

namespace kreport {

/// The regions of `page`. A sidebar is looked for on the first page, where the reports put
/// their rating box and stock data; columns, boxes and figures on every page.
PageRegions find_regions(const PageLines& page);

/// "column", "sidebar", "box", "figure": the names of the dumps and the pictures.
std::string_view region_name(RegionKind kind);

}  // namespace kreport
