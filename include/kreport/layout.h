// Stage 2, layout: words -> lines with geometry, in reading order.
#pragma once

#include <string>
#include <vector>

#include "kreport/geometry.h"
#include "kreport/load.h"

namespace kreport {

/// Words sharing a baseline, joined with the spaces the PDF put between them.
struct Line {
  std::string text;
  Bbox bbox;
  double size = 0;  // the dominant font size of the line
  std::string font;
};

struct PageLayout {
  int number = 0;
  double width = 0, height = 0;
  std::vector<Line> lines;
};

/// Groups a page's words into lines, keeping poppler's reading order.
PageLayout layout_page(const RawPage& page);

}  // namespace kreport
