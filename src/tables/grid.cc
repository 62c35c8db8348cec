// A table's grid from its cells' geometry, not from reading order (which may read a wide
// table in column groups):
//   rows     pieces sharing a height;
//   columns  the x-extents of the cells of the value rows, merged where they overlap; a
//            cell that reaches over a column boundary other rows keep is left out of that;
//   header   every cell above the first value row labels the column it stands over; a cell
//            standing over a row of lower header cells ("기간별 수익률(%)" over "1W 1M 3M")
//            labels the columns it is centred over, joined with " / " (header.cc);
//   groups   a label printed once in the first column for several rows (a rowspan, printed
//            at the middle of its rows) is carried to each of them (groups.cc);
//   cells    typed, one unit per column.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <regex>
#include <tuple>

#include "grid_parts.h"
#include "kreport/regex.h"
#include "kreport/tables.h"
#include "kreport/vocab.h"
#include "params.h"

namespace kreport::tables {
namespace {

// Rows of a table lie this much farther apart than the lines of one cell.

std::vector<GridRow> rows_by_height(std::vector<const Piece*> pieces) {
  std::sort(pieces.begin(), pieces.end(), [](const Piece* a, const Piece* b) {
    return a->bbox.center_y() != b->bbox.center_y() ? a->bbox.center_y() < b->bbox.center_y()
                                                    : a->bbox.x0 < b->bbox.x0;
  });
  std::vector<GridRow> rows;
  for (const Piece* p : pieces) {
    if (rows.empty() || p->bbox.center_y() - rows.back().center > kTable.same_row_em * p->size)
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

std::vector<Band> bands_of(const std::vector<GridRow>& rows, size_t first_data) {
  size_t total = 0;
  for (const GridRow& r : rows) total += r.cells.size();
  std::vector<Band> spans;
  for (size_t r = first_data; r < rows.size(); ++r)
    if (rows[r].cells.size() >= 2)
      for (const Piece* c : rows[r].cells)
        if (total > kTable.max_bridge_check || !bridges(c, rows, r))
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
    bool apart = gap > kTable.stray_gap_scale * usual &&
                 filled_rows * kTable.stray_rows_per_value <=
                     std::max<size_t>(data, kTable.stray_rows_per_value);
    if (apart || (out.size() >= 2 && ticks * 2 >= out.size())) return out;
  }
  return {};
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

// Within its column: reaching into no other column's cells.
bool fits_column(const Piece* p, const Tiles& tiles) {
  size_t k = tiles.column_of(p);
  const auto& b = tiles.bands;
  return (k == 0 || p->bbox.x0 > b[k - 1].x1) && (k + 1 == b.size() || p->bbox.x1 < b[k + 1].x0);
}

bool group_label(const GridRow& row, const Tiles& tiles) {
  const Piece* p = row.cells.front();
  return row.cells.size() == 1 && tiles.bands.size() > 1 && p->bbox.x1 <= tiles.hi(0) &&
         p->text.rfind("- ", 0) != 0 && !is_value(parse_number(p->text)) &&
         !vocab::is_marks(p->text);
}

// A line of one cell reaching over several columns: a comment under a row.
bool comment_line(const GridRow& row, const Tiles& tiles) {
  return row.cells.size() == 1 && !fits_column(row.cells.front(), tiles);
}

// A cell printed over two lines or more: its next line sits closer under the row than the
// table's rows sit to each other, carries no values (numbers, or score marks: "● ● ●") and
// stays within its column. Neither a
// group label of the first column nor a comment line under a row is one.
void merge_wrapped_lines(std::vector<GridRow>& rows, size_t& first_data,
                         std::vector<const Piece*>& header, const Tiles& tiles) {
  double widest = 0;
  for (size_t i = first_data + 1; i < rows.size(); ++i)
    widest = std::max(widest, rows[i].top() - rows[i - 1].bottom());
  auto values = [&](const GridRow& row) {
    return std::any_of(row.cells.begin(), row.cells.end(), [](const Piece* c) {
      return is_value(parse_number(c->text)) || vocab::is_marks(c->text);
    });
  };
  auto first_column = [&](const GridRow& row) {
    return std::any_of(row.cells.begin(), row.cells.end(),
                       [&](const Piece* c) { return tiles.column_of(c) == 0; });
  };
  auto name_line = [&](const GridRow& row) {
    return row.cells.size() == 1 && tiles.column_of(row.cells.front()) == 0 &&
           fits_column(row.cells.front(), tiles) && !values(row);
  };
  // A name wrapped over two lines and centred on its row ("Taiwan Semiconductor" above the
  // row's values, "Manufacturing Co., Ltd." below them, an ESG benchmark's): a row of values
  // with its name column empty, one line of that column right above it and one right below,
  // as close to each other as a cell's lines, and centred on the row.
  // The first row's name opens above it, among the header's lines.
  for (size_t i = first_data == 0 ? 0 : first_data - 1; i + 2 < rows.size(); ++i) {
    const GridRow &above = rows[i], &row = rows[i + 1], &below = rows[i + 2];
    if (i + 1 < first_data) continue;
    if (!name_line(above) || !name_line(below) || !values(row) || first_column(row)) continue;
    const Piece *a = above.cells.front(), *b = below.cells.front();
    double em = a->size, middle = (a->bbox.y0 + b->bbox.y1) / 2;
    if (b->bbox.y0 - a->bbox.y1 >= kTable.wrap_gap_em * em ||
        !on_one_row(middle, (row.top() + row.bottom()) / 2, em))
      continue;
    GridRow& target = rows[i + 1];
    target.cells.insert(target.cells.begin(), {a, b});
    rows.erase(rows.begin() + static_cast<long>(i + 2));
    rows.erase(rows.begin() + static_cast<long>(i));
    if (i < first_data) {  // the header's last line: the name's, not the header's
      --first_data;
      std::erase(header, a);
    }
  }
  for (size_t i = rows.size() - 1; i > first_data && i < rows.size(); --i) {
    const GridRow& row = rows[i];
    double gap = row.top() - rows[i - 1].bottom(), em = row.cells.front()->size;
    bool close = gap > 0 && gap < kTable.wrap_gap_em * em &&
                 widest >= kTable.row_over_wrap * gap + kTable.wrap_slack_em * em;
    bool wrapped = close && !group_label(row, tiles) && !comment_line(row, tiles) &&
                   std::none_of(row.cells.begin(), row.cells.end(), [&](const Piece* c) {
                     return is_value(parse_number(c->text)) || vocab::is_marks(c->text) ||
                            !fits_column(c, tiles);
                   });
    // Comment lines under a company ("- 추론 시대 …", "- H20 중국 …") are one cell.
    wrapped |= close && comment_line(row, tiles) && comment_line(rows[i - 1], tiles);
    if (!wrapped) continue;
    GridRow& above = rows[i - 1];
    above.cells.insert(above.cells.end(), row.cells.begin(), row.cells.end());
    rows.erase(rows.begin() + static_cast<long>(i));
  }
}

// The table's rows, the first of its values, and its header cells above; cells of a
// chart beside it taken out of `pieces` first.
struct Rows {
  std::vector<GridRow> rows;
  size_t first_data = 0;
  std::vector<const Piece*> header;
};

// A rating history printed across the page opens with its row of dates under a date label
// ("일 자 | 2023/1/9 | 2/9 | 7/28", Samsung): labels run down its first column, and the rows
// under it (opinions, prices) are data like that one, however few numbers they hold.
bool dates_across(const GridRow& row) {
  static const Regex date(R"(^[0-9]{1,4}[./-][0-9]{1,2}(?:[./-][0-9]{1,2})?\.?$)");
  if (row.cells.size() < 3) return false;
  std::string label = row.cells.front()->text;  // "일 자", "일    시": letter-spaced
  std::erase(label, ' ');
  const char* role = vocab::role_of(label, vocab::history_columns());
  if (!role || std::string_view(role) != "date") return false;
  return std::all_of(row.cells.begin() + 1, row.cells.end(),
                     [](const Piece* p) { return std::regex_match(p->text, date); });
}

Rows rows_of(std::vector<const Piece*>& pieces) {
  Rows out;
  for (bool again = true; again;) {
    out.rows = rows_by_height(pieces);
    out.first_data = 0;
    while (out.first_data < out.rows.size() && !numeric_row(out.rows[out.first_data].cells))
      ++out.first_data;
    if (out.first_data == out.rows.size()) out.first_data = std::min<size_t>(1, out.rows.size());
    if (!out.rows.empty() && dates_across(out.rows.front())) out.first_data = 0;
    std::vector<const Piece*> stray = stray_columns(out.rows, out.first_data);
    std::erase_if(pieces, [&](const Piece* p) {
      return std::find(stray.begin(), stray.end(), p) != stray.end();
    });
    again = !stray.empty() && !pieces.empty();
  }
  for (size_t r = 0; r < out.first_data; ++r)
    out.header.insert(out.header.end(), out.rows[r].cells.begin(), out.rows[r].cells.end());
  return out;
}

// The text of each column of one row: a cell reaching over several columns (a comment
// line) belongs to the one it starts in; a cell's lines are joined as a paragraph's.
std::vector<std::string> row_texts(const GridRow& row, const Tiles& tiles,
                                   const DocumentWords& vocabulary,
                                   std::vector<std::optional<Bbox>>& boxes,
                                   std::vector<bool>& ocr) {
  size_t ncols = tiles.bands.size();
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
      bool next_line =
          i > 0 && c->bbox.y0 >= in[k][i - 1]->bbox.y1 - kTable.next_line_overlap_em * c->size;
      text[k] = i == 0      ? c->text
                : next_line ? join_lines(text[k], c->text, vocabulary)
                            : text[k] + " " + c->text;
      boxes[k] = boxes[k] ? boxes[k]->united(c->bbox) : c->bbox;
      if (c->ocr) ocr[k] = true;
    }
  }
  return text;
}

// Typed cells, and the units their values carried, column by column.
struct TypedRows {
  std::vector<std::vector<Cell>> cells;
  std::vector<std::vector<std::optional<Bbox>>> boxes;  // where each cell was printed
  std::vector<std::vector<bool>> ocr;                   // each cell read by OCR
  std::vector<std::vector<std::string>> dropped;        // what OCR read, failing its check
  std::vector<double> centers;                          // each row's height
  std::vector<Label> between;                           // group labels printed between rows
  std::vector<std::vector<std::string>> units;          // per column
  std::vector<std::tuple<size_t, size_t, std::string>>
      printed;  // row, column, text of a value with a unit
};

TypedRows typed_rows(const Rows& r, const Tiles& tiles, const DocumentWords& vocabulary) {
  size_t ncols = tiles.bands.size();
  TypedRows out;
  out.units.resize(ncols);
  for (size_t i = r.first_data; i < r.rows.size(); ++i) {
    const GridRow& row = r.rows[i];
    if (group_label(row, tiles)) {
      out.between.push_back({row.center, row.cells[0]->text, row.cells[0]->bbox});
      continue;
    }
    std::vector<std::optional<Bbox>> boxes(ncols);
    std::vector<bool> ocr(ncols, false);
    std::vector<std::string> text = row_texts(row, tiles, vocabulary, boxes, ocr);
    std::vector<Cell> cells(ncols);
    std::vector<std::string> dropped(ncols);
    for (size_t k = 0; k < ncols; ++k) {
      if (text[k].empty()) continue;
      if (ocr[k] && !ocr_number_problem(text[k]).empty()) {
        dropped[k] = text[k];  // null, with a warning (ocr_warnings)
        continue;
      }
      Parsed p = parse_number(text[k]);
      if (!is_value(p)) {
        cells[k] = text[k];
        continue;
      }
      cells[k] = p.value;
      if (p.suffix.empty()) continue;
      out.units[k].push_back(p.suffix);
      out.printed.emplace_back(out.cells.size(), k, text[k]);
    }
    out.cells.push_back(std::move(cells));
    out.boxes.push_back(std::move(boxes));
    out.ocr.push_back(std::move(ocr));
    out.dropped.push_back(std::move(dropped));
    out.centers.push_back(row.center);
  }
  if (out.cells.empty()) {  // labels only: no groups, just rows
    for (const Label& l : out.between) {
      out.cells.emplace_back(ncols);
      out.cells.back()[0] = l.text;
      out.boxes.emplace_back(ncols);
      out.boxes.back()[0] = l.box;
      out.ocr.emplace_back(ncols, false);
      out.dropped.emplace_back(ncols);
      out.centers.push_back(l.y);
    }
    out.between.clear();
  }
  return out;
}

// A column's unit: from its label, else the one its values carry. Where they carry
// different ones ("2,417.08pt", "431,616억원"), those values stay as printed. A unit
// belongs to a column of numbers: "(12월)" over the row labels is no unit of theirs.
void settle_units(Table& t, TypedRows& typed) {
  size_t ncols = t.columns.size();
  std::vector<bool> mixed(ncols, false);
  for (size_t k = 0; k < ncols; ++k) {
    auto& seen = typed.units[k];
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    mixed[k] = seen.size() > 1;
  }
  for (const auto& [r, k, text] : typed.printed)
    if (mixed[k]) t.rows[r][k] = text;
  for (size_t k = 0; k < ncols; ++k) {
    bool numbers = std::any_of(t.rows.begin(), t.rows.end(), [&](const auto& row) {
      return std::holds_alternative<double>(row[k]);
    });
    if (!numbers || mixed[k]) t.columns[k].unit = std::nullopt;
    if (!t.columns[k].unit && typed.units[k].size() == 1) t.columns[k].unit = typed.units[k][0];
  }
}

}  // namespace

Table build_grid(std::vector<const Piece*>& pieces, int page, const std::string& id,
                 const DocumentWords& vocabulary) {
  Table t;
  t.id = id;
  t.page = page;
  Rows rows = rows_of(pieces);
  Tiles tiles = column_tiles(rows.rows, rows.first_data, rows.header);
  if (tiles.bands.empty()) return t;
  merge_wrapped_lines(rows.rows, rows.first_data, rows.header, tiles);
  std::vector<std::vector<const Piece*>> under = header_cells(rows.header, tiles);
  for (size_t k = 0; k < tiles.bands.size(); ++k) {
    std::string label, dropped;
    for (const Piece* p : under[k]) {
      if (p->ocr && !ocr_header_problem(p->text).empty()) {
        dropped = p->text;  // no year to pass on (a warning says so, ocr_warnings)
        continue;
      }
      label += (label.empty() ? "" : " / ") + p->text;
    }
    t.columns.push_back(Column{slug(label, k), label, unit_of(label), dropped});
  }
  TypedRows typed = typed_rows(rows, tiles, vocabulary);
  carry_group_labels(typed.cells, typed.boxes, typed.centers, typed.between);
  t.rows = std::move(typed.cells);
  for (size_t r = 0; r < typed.boxes.size(); ++r) {
    std::vector<std::optional<CellBox>>& row = t.boxes.emplace_back();
    for (size_t k = 0; k < typed.boxes[r].size(); ++k) {
      const std::optional<Bbox>& b = typed.boxes[r][k];
      // A group label carried to this row was printed, and read, elsewhere.
      bool carried =
          b && std::holds_alternative<std::string>(t.rows[r][k]) && !typed.dropped[r][k].empty();
      row.push_back(b ? std::optional<CellBox>(CellBox{page, *b, typed.ocr[r][k] && !carried,
                                                       carried ? "" : typed.dropped[r][k]})
                      : std::nullopt);
    }
  }
  settle_units(t, typed);
  t.bbox = pieces.front()->bbox;
  for (const Piece* p : pieces) t.bbox = t.bbox.united(p->bbox);
  return t;
}

}  // namespace kreport::tables
