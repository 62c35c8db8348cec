// Boxes in PDF points, origin at the page's top-left (the record's convention).
#pragma once

#include <algorithm>

namespace kreport {

struct Bbox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  double center_x() const { return (x0 + x1) / 2; }
  double center_y() const { return (y0 + y1) / 2; }
  /// The smallest box holding both.
  Bbox united(const Bbox& o) const {
    return {std::min(x0, o.x0), std::min(y0, o.y0), std::max(x1, o.x1), std::max(y1, o.y1)};
  }
};

}  // namespace kreport
