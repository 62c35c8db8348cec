// Group labels of a table's first column, carried to the rows they cover.
#include <algorithm>
#include <cmath>

#include "grid_parts.h"
#include "params.h"

namespace kreport::tables {
namespace {

bool filled(const Cell& c) {
  return !std::holds_alternative<std::monostate>(c);
}

// Group labels of the first column: label-only rows between rows (a rowspan over an even
// number of rows, printed at its middle) and first cells of rows whose neighbours have none
// (over an odd number). A centred label is the middle of its group, so from the table's top
// each group ends as far below its label as it began above it. A label printed on two lines
// ("삼성전자" over "(005930)") is one. Where no centring fits the rows, a label covers the
// rows after it.

// Where each group ends if every label is centred on its rows; empty if that does not fit.
std::vector<double> centred_ends(const std::vector<Label>& labels,
                                 const std::vector<double>& centers) {
  size_t n = centers.size();
  double pitch = (centers.back() - centers.front()) / static_cast<double>(n - 1);
  double start = centers.front() - pitch / 2, bottom = centers.back() + pitch / 2;
  std::vector<double> ends;
  for (const Label& l : labels) {
    double end = 2 * l.y - start;
    bool on_boundary = std::fabs(end - bottom) < kTable.group_end_pitch * pitch;
    for (size_t i = 1; i < n; ++i)
      on_boundary |=
          std::fabs(end - (centers[i - 1] + centers[i]) / 2) < kTable.group_end_pitch * pitch;
    if (end <= l.y || !on_boundary) return {};
    ends.push_back(end);
    start = end;
  }
  if (std::fabs(ends.back() - bottom) >= kTable.group_bottom_pitch * pitch) return {};
  return ends;
}

std::vector<Label> join_label_lines(const std::vector<Label>& labels, double pitch) {
  std::vector<Label> out;
  double first_y = 0;
  for (const Label& l : labels) {
    if (!out.empty() && l.y - out.back().y <= kTable.label_line_pitch * pitch) {
      out.back().text += " " + l.text;
      out.back().y = (first_y + l.y) / 2;
      out.back().box = out.back().box.united(l.box);
    } else {
      out.push_back(l);
      first_y = l.y;
    }
  }
  return out;
}

}  // namespace

void carry_group_labels(std::vector<std::vector<Cell>>& cells,
                        std::vector<std::vector<std::optional<Bbox>>>& boxes,
                        const std::vector<double>& centers, const std::vector<Label>& between) {
  size_t n = cells.size(), empty = 0;
  for (const auto& row : cells) empty += !filled(row[0]);
  if (n < 2 || empty == 0 || (between.empty() && empty * 2 < n)) return;
  std::vector<Label> labels = between;
  for (size_t i = 0; i < n; ++i)
    if (const std::string* s = std::get_if<std::string>(&cells[i][0]))
      labels.push_back({centers[i], *s, boxes[i][0].value_or(Bbox{})});
  if (labels.empty()) return;
  std::sort(labels.begin(), labels.end(), [](const Label& a, const Label& b) { return a.y < b.y; });

  std::vector<double> ends = centred_ends(labels, centers);
  if (ends.empty()) {
    double pitch = (centers.back() - centers.front()) / static_cast<double>(n - 1);
    std::vector<Label> joined = join_label_lines(labels, pitch);
    ends = centred_ends(joined, centers);
    if (!ends.empty()) labels = joined;
  }
  for (size_t i = 0; i < n; ++i) {
    if (!ends.empty()) {
      size_t j = 0;
      while (j + 1 < ends.size() && centers[i] >= ends[j]) ++j;
      cells[i][0] = labels[j].text;
      boxes[i][0] = labels[j].box;
      continue;
    }
    const Label* above = nullptr;
    for (const Label& l : labels)
      if (l.y < centers[i]) above = &l;
    if (!filled(cells[i][0]) && above) cells[i][0] = above->text, boxes[i][0] = above->box;
  }
}

}  // namespace kreport::tables
