// Shared by the files of the regions stage (not a public header).
#pragma once

#include "kreport/layout.h"
#include "params.h"

namespace kreport::regions_parts {

/// A box lies inside another when its middle does, with the stage's slack for a frame drawn
/// through the glyphs' tops.
inline bool inside(const Bbox& b, const Bbox& area) {
  double s = kRegions.inside_slack_pt;
  return b.center_x() >= area.x0 - s && b.center_x() <= area.x1 + s &&
         b.center_y() >= area.y0 - s && b.center_y() <= area.y1 + s;
}

/// The page's figures (FigureArea), each `자료:` line with its caption; the charts among them
/// become figure regions holding the words printed on them.
void find_figures(const PageLines& page, PageRegions& out);

}  // namespace kreport::regions_parts
