// Reading order by recursive whitespace cuts (XY-cut). In a region of lines:
//   1. a vertical gutter that no line crosses splits it into left and right, read in that
//      order, provided one side holds prose: that is how a two-column body reads column by
//      column and a rating sidebar reads as its own group beside the body. A gutter between
//      two sides of short cells is a table's column, and a table reads row by row, even
//      with prose under it (a note below a table does not make its columns a page's).
//      Figures side by side, each under its caption, read one after the other, and so do
//      analysts' cards side by side (a name over an e-mail, twice);
//   2. otherwise the widest horizontal gaps (wider than a line gap) split it into bands, top
//      to bottom (a full-width title above two columns, a full-width table between them),
//      and each band is cut again;
//   3. a region with neither reads line by line, top to bottom, left to right.
// The tables stage runs it over every line to find tables; the page's final order runs it
// again over the prose lines with each table as one item (order_page), so a table's cells
// never break into a paragraph beside it.
#include <algorithm>
#include <cmath>
#include <string_view>

#include "kreport/layout.h"
#include "kreport/utf8.h"
#include "kreport/vocab.h"
#include "params.h"

namespace kreport {
namespace {

// What the cuts look at, without copying lines (and their words) at every level.
struct Item {
  Bbox bbox;
  double size;
  std::string_view text;
  size_t index;  // in the page's lines
  // Of the text, worked out once: every level of the cuts asks again.
  size_t chars;
  vocab::LineLabel label;
};

double median_size(const std::vector<Item>& lines) {
  std::vector<double> sizes;
  for (const Item& l : lines) sizes.push_back(l.size);
  std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
  return std::max(1.0, sizes[sizes.size() / 2]);
}

Bbox extent(const std::vector<Item>& lines) {
  Bbox b = lines.front().bbox;
  for (const Item& l : lines) b = b.united(l.bbox);
  return b;
}

bool has_prose(const std::vector<Item>& side, double region_width) {
  int wide = 0;
  for (const Item& l : side)
    if (l.bbox.width() >= kLayout.prose_share * region_width && l.chars >= kLayout.prose_chars)
      ++wide;
  return wide >= 2;
}

bool has_caption(const std::vector<Item>& side) {
  return std::any_of(side.begin(), side.end(),
                     [](const Item& l) { return l.label == vocab::LineLabel::caption; });
}

// An analyst's card (name, e-mail) beside another reads card by card, not row by row.
bool has_byline(const std::vector<Item>& side) {
  return std::any_of(side.begin(), side.end(),
                     [](const Item& l) { return vocab::has_email(l.text); });
}

// Figures side by side: a row of two captions or more down to the row of their sources.
// The charts between leave wide blank bands that are no boundaries.
std::vector<std::pair<double, double>> figure_rows(const std::vector<Item>& lines, double em) {
  auto rows_of = [&](vocab::LineLabel label) {
    std::vector<const Item*> found;
    for (const Item& l : lines)
      if (l.label == label) found.push_back(&l);
    std::vector<std::pair<double, double>> rows;  // {top, bottom} of rows of two or more
    for (const Item* a : found) {
      size_t beside = std::count_if(found.begin(), found.end(), [&](const Item* b) {
        return b != a && same_row(a->bbox, b->bbox, em);
      });
      if (beside >= 1) rows.push_back({a->bbox.y0, a->bbox.y1});
    }
    std::sort(rows.begin(), rows.end());
    return rows;
  };
  std::vector<std::pair<double, double>> out;
  auto sources = rows_of(vocab::LineLabel::source);
  for (const auto& caption : rows_of(vocab::LineLabel::caption)) {
    double top = caption.first, bottom = caption.second;  // clang 14 lambdas capture no bindings
    auto below =
        std::find_if(sources.begin(), sources.end(), [&](auto& s) { return s.first > bottom; });
    if (below != sources.end()) out.push_back({top, below->second});
  }
  return out;
}

// Rows of short lines on both sides of a gutter, on one baseline: the gutter is a table's
// column gap (its numbers beside its labels), not the space between prose and a sidebar.
bool splits_table_rows(const std::vector<Item>& left, const std::vector<Item>& right,
                       double region_width) {
  auto short_line = [&](const Item& l) {
    return l.bbox.width() < kLayout.prose_share * region_width || l.chars < kLayout.prose_chars;
  };
  size_t rows = 0, short_left = 0;
  for (const Item& a : left) {
    if (!short_line(a)) continue;
    ++short_left;
    rows += std::any_of(right.begin(), right.end(), [&](const Item& b) {
      return short_line(b) &&
             std::fabs(a.bbox.center_y() - b.bbox.center_y()) < kLayout.table_row_em * a.size;
    });
  }
  size_t short_right = std::count_if(right.begin(), right.end(), short_line);
  // Most of the shorter side's lines on the other's rows: one table, not a sidebar whose
  // lines happen to meet a few rows of a table beside it.
  return rows >= kLayout.table_rows && rows * 2 >= std::min(short_left, short_right);
}

// Splits `lines` at `at` along x (vertical cut) or y; returns {before, after}.
std::pair<std::vector<Item>, std::vector<Item>> split(const std::vector<Item>& lines, double at,
                                                      bool vertical) {
  std::pair<std::vector<Item>, std::vector<Item>> out;
  for (const Item& l : lines) {
    double lo = vertical ? l.bbox.x0 : l.bbox.y0;
    (lo < at ? out.first : out.second).push_back(l);
  }
  return out;
}

// Gaps in the projection of the lines on one axis, widest first: {position, width}.
std::vector<std::pair<double, double>> gaps(const std::vector<Item>& lines, bool vertical,
                                            double min_width) {
  std::vector<std::pair<double, double>> spans;
  for (const Item& l : lines)
    spans.push_back(vertical ? std::make_pair(l.bbox.x0, l.bbox.x1)
                             : std::make_pair(l.bbox.y0, l.bbox.y1));
  std::sort(spans.begin(), spans.end());
  std::vector<std::pair<double, double>> out;
  double reach = spans.front().second;
  for (const auto& [lo, hi] : spans) {
    if (lo - reach >= min_width) out.push_back({(lo + reach) / 2, lo - reach});
    reach = std::max(reach, hi);
  }
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.second > b.second; });
  return out;
}

void order(const std::vector<Item>& lines, bool tables_taken, int depth, std::vector<Item>& out) {
  if (lines.size() <= 1 || depth > kLayout.max_depth) {
    out.insert(out.end(), lines.begin(), lines.end());
    return;
  }
  double em = median_size(lines);
  Bbox region = extent(lines);
  for (const auto& [at, width] : gaps(lines, true, kLayout.column_gutter_em * em)) {
    auto [left, right] = split(lines, at, true);
    bool figures = has_caption(left) && has_caption(right);
    bool cards = has_byline(left) && has_byline(right);
    if ((has_prose(left, region.width()) || has_prose(right, region.width()) || figures || cards) &&
        (tables_taken || !splits_table_rows(left, right, region.width()))) {
      order(left, tables_taken, depth + 1, out);
      order(right, tables_taken, depth + 1, out);
      return;
    }
  }
  auto bands = gaps(lines, false, kLayout.band_gap_em * em);
  for (const auto& row : figure_rows(lines, em))  // a row of figures stays one band
    std::erase_if(bands, [&](auto& g) { return g.first > row.first && g.first < row.second; });
  if (!bands.empty()) {
    // Cut at the widest gaps only and look again inside each part: under a full-width
    // summary, two columns may share a paragraph gap that is no band boundary at all.
    double widest = bands.front().second;
    std::erase_if(bands, [&](auto& g) { return g.second < kLayout.widest_share * widest; });
    std::sort(bands.begin(), bands.end());
    std::vector<Item> by_top = lines;
    std::stable_sort(by_top.begin(), by_top.end(),
                     [](const Item& a, const Item& b) { return a.bbox.y0 < b.bbox.y0; });
    auto begin = by_top.begin();
    for (size_t b = 0; b <= bands.size(); ++b) {
      auto end = b < bands.size() ? std::partition_point(
                                        begin, by_top.end(),
                                        [&](const Item& l) { return l.bbox.y0 < bands[b].first; })
                                  : by_top.end();
      order(std::vector<Item>(begin, end), tables_taken, depth + 1, out);
      begin = end;
    }
    return;
  }
  // One band: rows top to bottom (lines whose middles are within half an em share a row),
  // left to right within a row. A table stands at its first row, not at its middle.
  auto row_y = [](const Item& l) {
    return l.text.empty() ? l.bbox.y0 + l.size / 2 : l.bbox.center_y();
  };
  std::vector<Item> sorted = lines;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const Item& a, const Item& b) { return row_y(a) < row_y(b); });
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i + 1;
    while (j < sorted.size() && row_y(sorted[j]) - row_y(sorted[i]) < kLayout.same_row_em * em) ++j;
    std::stable_sort(sorted.begin() + i, sorted.begin() + j,
                     [](const Item& a, const Item& b) { return a.bbox.x0 < b.bbox.x0; });
    i = j;
  }
  out.insert(out.end(), sorted.begin(), sorted.end());
}

}  // namespace

std::vector<size_t> reading_order(const std::vector<OrderItem>& items, bool tables_taken) {
  std::vector<Item> all, ordered;
  all.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i)
    all.push_back({items[i].bbox, items[i].size, items[i].text, i, utf8::length(items[i].text),
                   vocab::label_of(items[i].text)});
  ordered.reserve(all.size());
  if (!all.empty()) order(all, tables_taken, 0, ordered);
  std::vector<size_t> out;
  out.reserve(ordered.size());
  for (const Item& it : ordered) out.push_back(it.index);
  return out;
}

std::vector<OrderItem> order_items(const std::vector<Line>& lines) {
  std::vector<OrderItem> items;
  items.reserve(lines.size());
  for (const Line& l : lines) items.push_back({l.bbox, l.size, l.text});
  return items;
}

PageLayout order_page(PageLines page, const std::vector<PlacedTable>& tables,
                      const PageRegions& regions) {
  auto aside = [&](size_t line) { return regions.kind_of(line) == RegionKind::sidebar; };
  // The prose lines, then each table as one item: its box over the lines it took. The
  // sidebar's items apart from the rest.
  std::vector<std::string> owner(page.lines.size());
  for (const PlacedTable& t : tables)
    for (size_t i : t.lines) owner[i] = t.id;
  struct Flow {
    std::vector<OrderItem> items;
    std::vector<size_t> line_of;               // item -> line index, or npos for a table
    std::vector<const PlacedTable*> table_of;  // item -> its table, for a table
  } main, side;
  for (size_t i = 0; i < page.lines.size(); ++i)
    if (owner[i].empty()) {
      Flow& f = aside(i) ? side : main;
      f.items.push_back({page.lines[i].bbox, page.lines[i].size, page.lines[i].text});
      f.line_of.push_back(i);
      f.table_of.push_back(nullptr);
    }
  for (const PlacedTable& t : tables) {
    if (t.lines.empty()) continue;
    Bbox box = page.lines[t.lines.front()].bbox;
    for (size_t i : t.lines) box = box.united(page.lines[i].bbox);
    bool in_sidebar = std::all_of(t.lines.begin(), t.lines.end(), aside);
    Flow& f = in_sidebar ? side : main;
    f.items.push_back({box, page.lines[t.lines.front()].size, {}});
    f.line_of.push_back(std::string::npos);
    f.table_of.push_back(&t);
  }
  PageLayout out{page.number, page.width,      page.height, {},
                 {},          regions.regions, {},          regions.figures};
  out.lines.reserve(page.lines.size());
  out.tables.reserve(page.lines.size());
  out.region.reserve(page.lines.size());
  auto put = [&](size_t i, const std::string& table) {
    out.lines.push_back(std::move(page.lines[i]));
    out.tables.push_back(table);
    out.region.push_back(i < regions.line_region.size() ? regions.line_region[i] : -1);
  };
  auto read = [&](const Flow& f, size_t k) {
    if (f.line_of[k] != std::string::npos) return put(f.line_of[k], {});
    for (size_t i : f.table_of[k]->lines) put(i, f.table_of[k]->id);
  };
  // A sidebar on the left is read where the eye meets it: after what stands above its top
  // (a lead across the page), before the rest. One on the right after the rest.
  auto sidebar = std::find_if(regions.regions.begin(), regions.regions.end(),
                              [](const Region& r) { return r.kind == RegionKind::sidebar; });
  bool left = sidebar != regions.regions.end() && sidebar->bbox.center_x() < page.width / 2;
  std::vector<size_t> order = reading_order(main.items, true);
  size_t k = 0;
  for (; left && k < order.size() && main.items[order[k]].bbox.y0 < sidebar->bbox.y0 - 1; ++k)
    read(main, order[k]);
  if (left)
    for (size_t j : reading_order(side.items, true)) read(side, j);
  for (; k < order.size(); ++k) read(main, order[k]);
  if (!left)
    for (size_t j : reading_order(side.items, true)) read(side, j);
  return out;
}

}  // namespace kreport
