// Lines from words. poppler's text flow already orders words line by line within each of its
// blocks; a new line starts where a word leaves the current line's baseline band, steps
// back to the left, or jumps a gutter (a sidebar beside the body is not one line with it). Words
// are joined with a space where the PDF put one or left a gap.
#include "kreport/layout.h"
#include "params.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace kreport {
namespace {

bool continues_line(const Bbox& line, const Word& last, const Word& w) {
  double mid = w.bbox.center_y();
  bool same_band = mid > line.y0 && mid < line.y1;
  double em = std::max(1.0, std::min(last.size, w.size));
  double gap = w.bbox.x0 - last.bbox.x1;
  return same_band && gap >= -kLayout.line_overlap_em * em && gap <= kLayout.line_gutter_em * em;
}

// A space where the PDF put one, or where the gap is wider than a fifth of the font size:
// separately drawn spans ("키움증권" "기업분석") carry no space flag of their own.
bool needs_space(const Word& prev, const Word& next) {
  if (prev.space_after) return true;
  double gap = next.bbox.x0 - prev.bbox.x1;
  return gap > kLayout.space_gap_em * std::max(1.0, std::min(prev.size, next.size));
}

Line make_line(const std::vector<const Word*>& words) {
  Line line{"", words.front()->bbox, 0, "", false, {}};
  std::map<std::pair<std::string, double>, size_t> chars;  // (font, size) -> characters
  std::map<Origin, size_t> origins;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = *words[i];
    bool space = i > 0 && needs_space(*words[i - 1], w);
    if (space) line.text += ' ';
    line.text += w.text;
    line.spans.push_back({w.text, w.bbox, w.space_after, space, w.space_drawn_after});
    line.bbox = line.bbox.united(w.bbox);
    chars[{w.font, w.size}] += w.text.size();
    origins[w.origin] += w.text.size();
  }
  auto dominant = std::max_element(chars.begin(), chars.end(),
                                   [](auto& a, auto& b) { return a.second < b.second; });
  line.font = dominant->first.first;
  line.size = dominant->first.second;
  line.origin = std::max_element(origins.begin(), origins.end(), [](auto& a, auto& b) {
                  return a.second < b.second;
                })->first;
  return line;
}

}  // namespace

bool same_row(const Bbox& a, const Bbox& b, double size) {
  return std::fabs(a.center_y() - b.center_y()) < kLayout.same_row_em * size;
}

PageLines layout_page(const RawPage& page) {
  PageLines out{page.number, page.width, page.height, {}, page.drawing};
  std::vector<const Word*> current;
  Bbox band;
  for (const Word& w : page.words) {
    if (!current.empty() && !continues_line(band, *current.back(), w)) {
      out.lines.push_back(make_line(current));
      current.clear();
    }
    band = current.empty() ? w.bbox : band.united(w.bbox);
    current.push_back(&w);
  }
  if (!current.empty()) out.lines.push_back(make_line(current));
  return out;
}

}  // namespace kreport
