// A table's grid from its cells' geometry, not from reading order (which may read a wide
// table in column groups):
//   rows     pieces sharing a height;
//   columns  the x-extents of the cells of the value rows, merged where they overlap; a
//            cell that reaches over a column boundary other rows keep is left out of that;
//   header   every cell above the first value row labels the column it stands over; a cell
//            standing over a row of lower header cells ("기간별 수익률(%)" over "1W 1M 3M")
//            labels the columns it is centred over, joined with " / ";
//   groups   a label printed once in the first column for several rows (a rowspan, printed
//            at the middle of its rows) is carried to each of them.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <tuple>

#include "table_parts.h"

namespace kreport::tables {
namespace {

constexpr double kSameRowEm = 0.45;
constexpr size_t kMaxBridgeCheck = 3000;
constexpr double kWrapGapEm = 0.6;    // a cell's next line: closer than this under the row,
constexpr double kRowOverWrap = 1.8;  // while rows of the table lie this much farther apart  //
                                      // pieces; past this, no check for cells over a boundary

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

double overlap(double a0, double a1, double b0, double b1) {
  return std::min(a1, b1) - std::max(a0, b0);
}

std::vector<GridRow> rows_by_height(std::vector<const Piece*> pieces) {
  std::sort(pieces.begin(), pieces.end(), [](const Piece* a, const Piece* b) {
    return a->bbox.center_y() != b->bbox.center_y() ? a->bbox.center_y() < b->bbox.center_y()
                                                    : a->bbox.x0 < b->bbox.x0;
  });
  std::vector<GridRow> rows;
  for (const Piece* p : pieces) {
    if (rows.empty() || p->bbox.center_y() - rows.back().center > kSameRowEm * p->size)
      rows.push_back({{}, p->bbox.center_y()});
    rows.back().cells.push_back(p);
  }
  for (GridRow& r : rows)
    std::sort(r.cells.begin(), r.cells.end(),
              [](const Piece* a, const Piece* b) { return a->bbox.x0 < b->bbox.x0; });
  return rows;
}

// A cell reaching over a gap that another row shows between two of its cells (a long name
// running into the next column) does not make one column of two. Rows keep their cells
// left to right, so the first cell ending past the cell's start and the one after it tell.
bool bridges(const Piece* p, const std::vector<GridRow>& rows, size_t own) {
  for (size_t r = 0; r < rows.size(); ++r) {
    if (r == own) continue;
    const auto& cells = rows[r].cells;
    auto first = std::partition_point(cells.begin(), cells.end(),
                                      [&](const Piece* q) { return q->bbox.x1 <= p->bbox.x0; });
    if (first == cells.end() || (*first)->bbox.x0 >= p->bbox.x1) continue;
    auto next = std::next(first);
    if (next != cells.end() && (*next)->bbox.x0 < p->bbox.x1) return true;
  }
  return false;
}

struct Band {
  double x0, x1;
};

std::vector<Band> bands_of(const std::vector<GridRow>& rows, size_t first_data) {
  size_t total = 0;
  for (const GridRow& r : rows) total += r.cells.size();
  std::vector<Band> spans;
  for (size_t r = first_data; r < rows.size(); ++r)
    if (rows[r].cells.size() >= 2)
      for (const Piece* c : rows[r].cells)
        if (total > kMaxBridgeCheck || !bridges(c, rows, r))
          spans.push_back({c->bbox.x0, c->bbox.x1});
  std::sort(spans.begin(), spans.end(), [](const Band& a, const Band& b) { return a.x0 < b.x0; });
  std::vector<Band> bands;
  for (const Band& s : spans) {
    if (!bands.empty() && s.x0 < bands.back().x1)
      bands.back().x1 = std::max(bands.back().x1, s.x1);
    else
      bands.push_back(s);
  }
  return bands;
}

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

bool level_overlap(const Piece* a, const Piece* b) {  // on one header line
  double margin = 0.25 * std::min(a->size, b->size);
  return a->bbox.y0 < b->bbox.y1 - margin && b->bbox.y0 < a->bbox.y1 - margin;
}

// The columns a header cell labels. Its own: the column under its centre. Above the
// header line right over the values (`lowest`), it spans the neighbouring columns that
// line has cells in and its own line has none, as far as keeps it centred (a colspan
// header is centred over its columns).
std::pair<size_t, size_t> header_span(const Piece* p, const std::vector<const Piece*>& header,
                                      const std::vector<const Piece*>& lowest, const Tiles& tiles) {
  size_t own = tiles.at(p->bbox.center_x());
  if (std::find(lowest.begin(), lowest.end(), p) != lowest.end()) return {own, own};
  double cx = p->bbox.center_x();
  // The header's bottom line: where most columns' bottom cells end. A cell ending well
  // above it spans the header's lines (a rowspan, centred) and is no one's subheader.
  std::vector<double> ends;
  for (const Piece* q : lowest) ends.push_back(q->bbox.y1);
  std::nth_element(ends.begin(), ends.begin() + ends.size() / 2, ends.end());
  double bottom = ends[ends.size() / 2];
  auto eligible = [&](size_t k) {
    bool under = std::any_of(lowest.begin(), lowest.end(), [&](const Piece* q) {
      return tiles.at(q->bbox.center_x()) == k && q->bbox.y0 >= p->bbox.y1 &&
             q->bbox.y1 >= bottom - 0.5 * q->size;
    });
    return under && std::none_of(header.begin(), header.end(), [&](const Piece* r) {
             return r != p && level_overlap(p, r) && tiles.at(r->bbox.center_x()) == k;
           });
  };
  if (!eligible(own)) return {own, own};
  size_t lo = own, hi = own;
  while (lo > 0 && eligible(lo - 1)) --lo;
  while (hi + 1 < tiles.bands.size() && eligible(hi + 1)) ++hi;
  // The widest of the ranges about as well centred under it as the best one.
  auto off = [&](size_t i, size_t j) { return std::fabs((tiles.lo(i) + tiles.hi(j)) / 2 - cx); };
  double least = off(own, own);
  for (size_t i = lo; i <= own; ++i)
    for (size_t j = own; j <= hi; ++j) least = std::min(least, off(i, j));
  std::pair<size_t, size_t> best = {own, own};
  for (size_t i = lo; i <= own; ++i)
    for (size_t j = own; j <= hi; ++j)
      if (off(i, j) <= least + 0.5 * p->size &&
          (j - i > best.second - best.first ||
           off(best.first, best.second) > least + 0.5 * p->size))
        best = {i, j};
  return best;
}

// Each column's bottom header cell: the one right over its values.
std::vector<const Piece*> bottom_cells(const std::vector<const Piece*>& header,
                                       const Tiles& tiles) {
  std::vector<const Piece*> lowest(tiles.bands.size(), nullptr);
  for (const Piece* p : header) {
    const Piece*& low = lowest[tiles.at(p->bbox.center_x())];
    if (!low || p->bbox.y1 > low->bbox.y1) low = p;
  }
  std::erase(lowest, nullptr);
  return lowest;
}

Tiles column_tiles(const std::vector<GridRow>& rows, size_t first_data,
                   const std::vector<const Piece*>& header) {
  Tiles tiles{bands_of(rows, first_data)};
  if (tiles.bands.empty()) return tiles;
  // Group labels left of every cell (all rowspans even: no row prints one) are a column.
  Band labels{tiles.bands[0].x0, tiles.bands[0].x0};
  for (size_t r = first_data; r < rows.size(); ++r) {
    const Piece* p = rows[r].cells.front();
    if (rows[r].cells.size() == 1 && p->bbox.x1 <= tiles.bands[0].x0 + 1)
      labels = {std::min(labels.x0, p->bbox.x0), std::max(labels.x1, p->bbox.x1)};
  }
  if (labels.x1 > labels.x0) tiles.bands.insert(tiles.bands.begin(), labels);
  // Values align right or centre within their cells; the header cells right over them
  // show where each column really begins and ends.
  std::vector<Band> wide = tiles.bands;
  for (const Piece* p : bottom_cells(header, tiles)) {
    size_t k = tiles.at(p->bbox.center_x());
    double lo = k == 0 ? -1e9 : tiles.bands[k - 1].x1;
    double hi = k + 1 == tiles.bands.size() ? 1e9 : tiles.bands[k + 1].x0;
    wide[k] = {std::max(lo, std::min(wide[k].x0, p->bbox.x0)),
               std::min(hi, std::max(wide[k].x1, p->bbox.x1))};
  }
  tiles.bands = wide;
  return tiles;
}

// The header cells over each column, top to bottom.
std::vector<std::vector<const Piece*>> header_cells(const std::vector<const Piece*>& header,
                                                    const Tiles& tiles) {
  std::vector<std::vector<const Piece*>> under(tiles.bands.size());
  std::vector<const Piece*> lowest = bottom_cells(header, tiles);
  for (const Piece* p : header) {
    auto [lo, hi] = header_span(p, header, lowest, tiles);
    for (size_t k = lo; k <= hi; ++k) {
      // Two cells of one line over the same column: the nearer one labels it.
      auto rival = std::find_if(under[k].begin(), under[k].end(),
                                [&](const Piece* q) { return level_overlap(p, q); });
      double mid = (tiles.lo(k) + tiles.hi(k)) / 2;
      if (rival == under[k].end())
        under[k].push_back(p);
      else if (std::fabs(p->bbox.center_x() - mid) < std::fabs((*rival)->bbox.center_x() - mid))
        *rival = p;
    }
  }
  for (auto& cells : under)
    std::sort(cells.begin(), cells.end(), [](const Piece* a, const Piece* b) {
      return a->bbox.y0 != b->bbox.y0 ? a->bbox.y0 < b->bbox.y0 : a->bbox.x0 < b->bbox.x0;
    });
  return under;
}

// Columns at either edge that are not the table's but a chart's beside it: standing off
// from the others farther than they stand apart with values in few rows (a note, a
// title), or holding mostly numbers alone on their rows (axis ticks, which keep their own
// spacing, not the table's rows).
std::vector<const Piece*> stray_columns(const std::vector<GridRow>& rows, size_t first_data) {
  std::vector<Band> bands = bands_of(rows, first_data);
  if (bands.size() < 3) return {};
  size_t data = rows.size() - first_data;
  std::vector<double> gaps;
  for (size_t k = 1; k < bands.size(); ++k) gaps.push_back(bands[k].x0 - bands[k - 1].x1);
  std::vector<double> sorted = gaps;
  std::sort(sorted.begin(), sorted.end());
  double usual = sorted[sorted.size() / 2];
  for (bool last : {true, false}) {
    const Band& b = last ? bands.back() : bands.front();
    double gap = last ? gaps.back() : gaps.front();
    std::vector<const Piece*> out;
    size_t filled_rows = 0, ticks = 0;
    for (size_t r = 0; r < rows.size(); ++r) {
      bool any = false;
      for (const Piece* p : rows[r].cells)
        if (overlap(p->bbox.x0, p->bbox.x1, b.x0, b.x1) > 0) {
          out.push_back(p), any = true;
          ticks += rows[r].cells.size() == 1 && is_value(parse_number(p->text));
        }
      filled_rows += any && r >= first_data;
    }
    bool apart = gap > 2 * usual && filled_rows * 5 <= std::max<size_t>(data, 5);
    if (apart || (out.size() >= 2 && ticks * 2 >= out.size())) return out;
  }
  return {};
}

// Within its column: reaching into no other column's cells.
bool fits_column(const Piece* p, const Tiles& tiles) {
  size_t k = tiles.column_of(p);
  const auto& b = tiles.bands;
  return (k == 0 || p->bbox.x0 > b[k - 1].x1) && (k + 1 == b.size() || p->bbox.x1 < b[k + 1].x0);
}

bool group_label(const GridRow& row, const Tiles& tiles) {
  const Piece* p = row.cells.front();
  return row.cells.size() == 1 && tiles.bands.size() > 1 && p->bbox.x1 <= tiles.hi(0) &&
         p->text.rfind("- ", 0) != 0 && !is_value(parse_number(p->text));
}

// A line of one cell reaching over several columns: a comment under a row.
bool comment_line(const GridRow& row, const Tiles& tiles) {
  return row.cells.size() == 1 && !fits_column(row.cells.front(), tiles);
}

// A cell printed over two lines or more: its next line sits closer under the row than the
// table's rows sit to each other, carries no values and stays within its column. Neither a
// group label of the first column nor a comment line under a row is one.
void merge_wrapped_lines(std::vector<GridRow>& rows, size_t first_data, const Tiles& tiles) {
  double widest = 0;
  for (size_t i = first_data + 1; i < rows.size(); ++i)
    widest = std::max(widest, rows[i].top() - rows[i - 1].bottom());
  for (size_t i = rows.size() - 1; i > first_data && i < rows.size(); --i) {
    const GridRow& row = rows[i];
    double gap = row.top() - rows[i - 1].bottom(), em = row.cells.front()->size;
    bool close = gap > 0 && gap < kWrapGapEm * em && widest >= kRowOverWrap * gap + 0.2 * em;
    bool wrapped = close && !group_label(row, tiles) && !comment_line(row, tiles) &&
                   std::none_of(row.cells.begin(), row.cells.end(), [&](const Piece* c) {
                     return is_value(parse_number(c->text)) || !fits_column(c, tiles);
                   });
    // Comment lines under a company ("- 추론 시대 …", "- H20 중국 …") are one cell.
    wrapped |= close && comment_line(row, tiles) && comment_line(rows[i - 1], tiles);
    if (!wrapped) continue;
    GridRow& above = rows[i - 1];
    above.cells.insert(above.cells.end(), row.cells.begin(), row.cells.end());
    rows.erase(rows.begin() + static_cast<long>(i));
  }
}

std::string slug(const std::string& label, size_t index) {
  std::string s;
  for (char c : label) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      s += static_cast<char>(std::tolower(c));
    else if (!s.empty() && s.back() != '_')
      s += '_';
  }
  while (!s.empty() && s.back() == '_') s.pop_back();
  return "c" + std::to_string(index + 1) + (s.empty() ? "" : "_" + s);
}

// "시가총액 (조원)" -> "조원"; "괴리율(%) / 최고(최저)" -> "%": the last parenthesis that
// names a unit.
OptString unit_of(const std::string& label) {
  // A unit names money, a ratio or a measure; "(티커)", "(12월)" are not units.
  static const char* kUnitWords[] = {"%",   "$",     "원", "배", "위안", "달러", "엔",
                                     "USD", "KRW",   "bp", "B",  "M",    "K",    "TB",
                                     "GB",  "FLOPS", "x",  "W",  "pt"};
  for (size_t close = label.rfind(')'); close != std::string::npos && close > 0;
       close = label.rfind(')', close - 1)) {
    size_t open = label.rfind('(', close);
    if (open == std::string::npos) break;
    std::string u = label.substr(open + 1, close - open - 1);
    for (const char* prefix : {"단위:", "단위 :", "Unit:"})  // "(단위: 십억원)"
      if (u.rfind(prefix, 0) == 0) u = u.substr(u.find_first_not_of(' ', std::strlen(prefix)));
    if (!u.empty() && u.size() <= 24)
      for (const char* w : kUnitWords)
        if (u.find(w) != std::string::npos) return u;
    if (open == 0) break;
    close = open;
  }
  return std::nullopt;
}

bool filled(const Cell& c) {
  return !std::holds_alternative<std::monostate>(c);
}

// Group labels of the first column: label-only rows between rows (a rowspan over an even
// number of rows, printed at its middle) and first cells of rows whose neighbours have none
// (over an odd number). A centred label is the middle of its group, so from the table's top
// each group ends as far below its label as it began above it. A label printed on two lines
// ("삼성전자" over "(005930)") is one. Where no centring fits the rows, a label covers the
// rows after it.
struct Label {
  double y;
  std::string text;
};

// Where each group ends if every label is centred on its rows; empty if that does not fit.
std::vector<double> centred_ends(const std::vector<Label>& labels,
                                 const std::vector<double>& centers) {
  size_t n = centers.size();
  double pitch = (centers.back() - centers.front()) / static_cast<double>(n - 1);
  double start = centers.front() - pitch / 2, bottom = centers.back() + pitch / 2;
  std::vector<double> ends;
  for (const Label& l : labels) {
    double end = 2 * l.y - start;
    bool on_boundary = std::fabs(end - bottom) < 0.3 * pitch;
    for (size_t i = 1; i < n; ++i)
      on_boundary |= std::fabs(end - (centers[i - 1] + centers[i]) / 2) < 0.3 * pitch;
    if (end <= l.y || !on_boundary) return {};
    ends.push_back(end);
    start = end;
  }
  if (std::fabs(ends.back() - bottom) >= 0.5 * pitch) return {};
  return ends;
}

std::vector<Label> join_label_lines(const std::vector<Label>& labels, double pitch) {
  std::vector<Label> out;
  double first_y = 0;
  for (const Label& l : labels) {
    if (!out.empty() && l.y - out.back().y <= 1.25 * pitch) {
      out.back().text += " " + l.text;
      out.back().y = (first_y + l.y) / 2;
    } else {
      out.push_back(l);
      first_y = l.y;
    }
  }
  return out;
}

void carry_group_labels(std::vector<std::vector<Cell>>& cells, const std::vector<double>& centers,
                        const std::vector<Label>& between) {
  size_t n = cells.size(), empty = 0;
  for (const auto& row : cells) empty += !filled(row[0]);
  if (n < 2 || empty == 0 || (between.empty() && empty * 2 < n)) return;
  std::vector<Label> labels = between;
  for (size_t i = 0; i < n; ++i)
    if (const std::string* s = std::get_if<std::string>(&cells[i][0]))
      labels.push_back({centers[i], *s});
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
      continue;
    }
    const Label* above = nullptr;
    for (const Label& l : labels)
      if (l.y < centers[i]) above = &l;
    if (!filled(cells[i][0]) && above) cells[i][0] = above->text;
  }
}

}  // namespace

Table build_grid(std::vector<const Piece*>& pieces, int page, const std::string& id,
                 const Vocabulary& vocabulary) {
  Table t;
  t.id = id;
  t.page = page;
  std::vector<GridRow> rows;
  size_t first_data = 0;
  for (bool again = true; again;) {
    rows = rows_by_height(pieces);
    first_data = 0;
    while (first_data < rows.size() && !numeric_row(rows[first_data].cells)) ++first_data;
    if (first_data == rows.size()) first_data = std::min<size_t>(1, rows.size());
    std::vector<const Piece*> stray = stray_columns(rows, first_data);
    std::erase_if(pieces, [&](const Piece* p) {
      return std::find(stray.begin(), stray.end(), p) != stray.end();
    });
    again = !stray.empty() && !pieces.empty();
  }
  std::vector<const Piece*> header;
  for (size_t r = 0; r < first_data; ++r)
    header.insert(header.end(), rows[r].cells.begin(), rows[r].cells.end());
  Tiles tiles = column_tiles(rows, first_data, header);
  if (tiles.bands.empty()) return t;
  merge_wrapped_lines(rows, first_data, tiles);
  size_t ncols = tiles.bands.size();
  std::vector<std::vector<const Piece*>> under = header_cells(header, tiles);
  std::vector<std::string> labels(ncols);
  for (size_t k = 0; k < ncols; ++k) {
    for (const Piece* p : under[k]) labels[k] += (labels[k].empty() ? "" : " / ") + p->text;
    t.columns.push_back(Column{slug(labels[k], k), labels[k], unit_of(labels[k])});
  }

  // Rows of cells; a row holding only a short label within the first column is a group label.
  std::vector<std::vector<Cell>> cells;
  std::vector<double> centers;
  std::vector<Label> between;
  std::vector<std::vector<std::string>> units_seen(ncols);  // per column, as printed
  std::vector<std::tuple<size_t, size_t, std::string, std::string>> with_unit;  // row, col
  for (size_t r = first_data; r < rows.size(); ++r) {
    const GridRow& row = rows[r];
    if (group_label(row, tiles)) {
      between.push_back({row.center, row.cells[0]->text});
      continue;
    }
    // A cell reaching over several columns (a comment line) belongs to the one it starts in.
    std::vector<std::vector<const Piece*>> in(ncols);
    for (const Piece* c : row.cells)
      in[fits_column(c, tiles) ? tiles.column_of(c) : tiles.at(c->bbox.x0)].push_back(c);
    std::vector<std::string> text(ncols);
    for (size_t k = 0; k < ncols; ++k) {
      std::sort(in[k].begin(), in[k].end(), [](const Piece* a, const Piece* b) {
        return a->bbox.y0 != b->bbox.y0 ? a->bbox.y0 < b->bbox.y0 : a->bbox.x0 < b->bbox.x0;
      });
      for (size_t i = 0; i < in[k].size(); ++i) {
        const Piece* c = in[k][i];
        bool next_line = i > 0 && c->bbox.y0 >= in[k][i - 1]->bbox.y1 - 0.2 * c->size;
        text[k] = i == 0      ? c->text
                  : next_line ? join_lines(text[k], c->text, vocabulary)
                              : text[k] + " " + c->text;
      }
    }
    std::vector<Cell> out(ncols);
    for (size_t k = 0; k < ncols; ++k) {
      if (text[k].empty()) continue;
      Parsed p = parse_number(text[k]);
      if (!is_value(p)) {
        out[k] = text[k];
        continue;
      }
      out[k] = p.value;
      if (p.suffix.empty()) continue;
      units_seen[k].push_back(p.suffix);
      with_unit.emplace_back(cells.size(), k, p.suffix, text[k]);
    }
    cells.push_back(std::move(out));
    centers.push_back(row.center);
  }
  if (cells.empty()) {  // labels only: no groups, just rows
    for (const Label& l : between) {
      cells.emplace_back(ncols);
      cells.back()[0] = l.text;
      centers.push_back(l.y);
    }
    between.clear();
  }
  carry_group_labels(cells, centers, between);
  t.rows = std::move(cells);
  // A column's unit: from its label, else the one its values carry. Where they carry
  // different ones ("2,417.08pt", "431,616억원"), those values stay as printed. A unit
  // belongs to a column of numbers: "(12월)" over the row labels is no unit of theirs.
  std::vector<bool> mixed(ncols, false);
  for (size_t k = 0; k < ncols; ++k) {
    auto& seen = units_seen[k];
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    mixed[k] = seen.size() > 1;
  }
  for (const auto& [r, k, unit, printed] : with_unit)
    if (mixed[k]) t.rows[r][k] = printed;
  for (size_t k = 0; k < ncols; ++k) {
    bool numbers = std::any_of(t.rows.begin(), t.rows.end(), [&](const auto& row) {
      return std::holds_alternative<double>(row[k]);
    });
    if (!numbers || mixed[k]) t.columns[k].unit = std::nullopt;
    if (!t.columns[k].unit && units_seen[k].size() == 1) t.columns[k].unit = units_seen[k][0];
  }
  t.bbox = pieces.front()->bbox;
  for (const Piece* p : pieces) t.bbox = t.bbox.united(p->bbox);
  return t;
}

}  // namespace kreport::tables
