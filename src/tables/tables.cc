// Where the tables are. Lines are cut into cells (cells.cc), then:
//   1. rows: consecutive cells (in reading order) sharing a height; a line of running text
//      is a row of its own;
//   2. a table: a run of at least kTable.min_rows rows of two cells or more, some with numbers; a
//      row of one cell inside the run stays in it when it lies within the table (a group
//      label, SK's comment line under each company), while running text beside the table
//      ends it: prose next to a sidebar is never swallowed into its table;
//   3. its region (region.cc): reading order may have read a wide table as column groups,
//      so the run takes in the columns beside it, the rows below and the header lines above;
//   4. the grid from the region's cells (grid.cc); kind from a word table; title from a
//      caption line just above, source from a "자료:" line just below;
//   5. a table that opens a page with the same columns as the one closing the previous page
//      continues it.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>

#include "kreport/tables.h"
#include "kreport/utf8.h"
#include "kreport/vocab.h"
#include "params.h"
#include "table_parts.h"

namespace kreport {
namespace tables {

bool on_one_row(double y, double row_y, double size) {
  return std::fabs(y - row_y) < kTable.same_row_em * size;
}

namespace {

// Rows in reading order: consecutive cells sharing a height. A short cell that reading
// order put a few rows later than the row on its height goes back into that row.
std::vector<Row> rows_of(const std::vector<Piece>& pieces, double page_width) {
  std::vector<Row> rows;
  auto same_row = [](const Row& r, const Piece& p) {
    return on_one_row(p.bbox.center_y(), (r.top + r.bottom) / 2, p.size) &&
           r.cells.front()->aside == p.aside;
  };
  for (const Piece& p : pieces) {
    if (is_running_text(p, page_width) || is_caption(p.text)) {
      rows.push_back(Row{{&p}, p.bbox.y0, p.bbox.y1, true});
      continue;
    }
    if (!rows.empty() && !rows.back().prose && same_row(rows.back(), p) &&
        p.bbox.x0 > rows.back().cells.back()->bbox.x0) {
      Row& r = rows.back();
      r.cells.push_back(&p);
      r.top = std::min(r.top, p.bbox.y0);
      r.bottom = std::max(r.bottom, p.bbox.y1);
      continue;
    }
    bool moved = false;
    for (size_t back = 2; back <= kTable.max_single_rows + 1 && back <= rows.size() && !moved;
         ++back) {
      Row& r = rows[rows.size() - back];
      if (!r.prose && r.cells.size() >= 2 && same_row(r, p) &&
          p.bbox.x0 > r.cells.back()->bbox.x1) {
        r.cells.push_back(&p);
        moved = true;
      }
    }
    if (!moved) rows.push_back(Row{{&p}, p.bbox.y0, p.bbox.y1, false});
  }
  return rows;
}

// A sidebar box's heading ("Consensus Data", "Financial Data"): a short line that starts
// where the table starts and is no sentence. It tells a consensus table from the analyst's.
bool is_box_title(const Line& l, const Table& t) {
  bool sentence = l.text.ends_with(".") || l.text.ends_with("다");
  return utf8::length(l.text) <= kTable.max_box_title_chars && !sentence &&
         std::abs(l.bbox.x0 - t.bbox.x0) < l.size && l.bbox.x1 <= t.bbox.x1 + l.size;
}

// A unit line printed between a caption and its table: "(단위: 십억원)".
bool is_unit_line(const Line& l) {
  return l.text.starts_with("(") && l.text.ends_with(")") && !vocab::units_in(l.text).empty();
}

// The caption line right above the table and the source line right under it. A unit line
// between the caption and the table (`표 3. … (수정 전)` / `(단위: 십억원)`) is the title's
// too: the caption, then the unit.
// `owner`: the table each line of the page went to so far ("" for none).
void title_and_source(Table& t, const PageLines& page, const std::vector<std::string>& owner) {
  auto nearest_above = [&](const Bbox& box, const Line* skip) {
    const Line* above = nullptr;
    for (size_t i = 0; i < page.lines.size(); ++i) {
      const Line& l = page.lines[i];
      if (l.running || !owner[i].empty() || &l == skip) continue;
      bool overlaps = l.bbox.x0 < t.bbox.x1 && t.bbox.x0 < l.bbox.x1;
      if (overlaps && l.bbox.y1 <= box.y0 + 1 && (!above || l.bbox.y1 > above->bbox.y1)) above = &l;
    }
    return above;
  };
  const Line* above = nearest_above(t.bbox, nullptr);
  const Line* below = nullptr;
  for (size_t i = 0; i < page.lines.size(); ++i) {
    const Line& l = page.lines[i];
    if (l.running || !owner[i].empty()) continue;
    bool overlaps = l.bbox.x0 < t.bbox.x1 && t.bbox.x0 < l.bbox.x1;
    if (overlaps && l.bbox.y0 >= t.bbox.y1 - 1 && (!below || l.bbox.y0 < below->bbox.y0))
      below = &l;
  }
  bool near = above && t.bbox.y0 - above->bbox.y1 < kTable.caption_gap_em * above->size;
  if (near && is_unit_line(*above)) {
    const Line* caption = nearest_above(above->bbox, above);
    if (caption && above->bbox.y0 - caption->bbox.y1 < kTable.caption_gap_em * caption->size &&
        vocab::label_of(caption->text) == vocab::LineLabel::caption) {
      t.title = caption->text + " " + above->text;
      near = false;
    }
  }
  if (near &&
      (vocab::label_of(above->text) == vocab::LineLabel::caption || is_box_title(*above, t)))
    t.title = above->text;
  if (below && below->bbox.y0 - t.bbox.y1 < kTable.caption_gap_em * below->size &&
      vocab::label_of(below->text) == vocab::LineLabel::source) {
    t.source = vocab::label_body(below->text);
  }
}

// A rating distribution's heading, which dates it (`투자등급 비율 (2025 년 04 월 03 일 기준)`,
// `투자의견 비율` … `기준일 2024.12.31`): the lines on the nearest baseline close above it,
// left to right, when they name a date.
void share_title(Table& t, const PageLines& page, const std::vector<std::string>& owner) {
  std::vector<const Line*> above;
  for (size_t i = 0; i < page.lines.size(); ++i) {
    const Line& l = page.lines[i];
    double gap = t.bbox.y0 - l.bbox.y1, side = kTable.share_title_side_em * l.size;
    if (l.running || !owner[i].empty() || gap < -1 || gap > kTable.share_title_em * l.size ||
        l.bbox.x1 < t.bbox.x0 - side || l.bbox.x0 > t.bbox.x1 + side)
      continue;
    above.push_back(&l);
  }
  if (above.empty()) return;
  const Line* nearest = *std::max_element(above.begin(), above.end(),
                                          [](auto* a, auto* b) { return a->bbox.y1 < b->bbox.y1; });
  std::erase_if(above, [&](const Line* l) {
    return !on_one_row(l->bbox.center_y(), nearest->bbox.center_y(),
                       std::min(l->size, nearest->size));
  });
  std::sort(above.begin(), above.end(),
            [](const Line* a, const Line* b) { return a->bbox.x0 < b->bbox.x0; });
  std::string title;
  for (const Line* l : above) title += (title.empty() ? "" : " ") + l->text;
  // ... when it names a date: lines above that do not date the distribution (a rating's
  // definition printed right above it) are not its heading.
  std::vector<vocab::DateHit> dates = vocab::find_dates(title);
  if (std::any_of(dates.begin(), dates.end(), [](const auto& d) { return d.year > 0; }))
    t.title = title;
}

// Two columns at least, and enough rows filling two cells or more: a column of lines that
// merged into one band (a sidebar), or mostly single cells, is no grid.
// A small table passes with fewer rows when every column has a label (but the corner).
bool is_grid(const Table& t) {
  if (t.columns.size() < 2) return false;
  size_t full = 0;
  for (const auto& row : t.rows)
    full += std::count_if(row.begin(), row.end(), [](const Cell& c) {
              return !std::holds_alternative<std::monostate>(c);
            }) >= 2;
  bool labelled = std::all_of(t.columns.begin() + 1, t.columns.end(),
                              [](const Column& c) { return !c.label.empty(); });
  size_t least = labelled ? kTable.min_labelled_rows : kTable.min_rows;
  return full >= least && full * 3 >= t.rows.size();  // the others: labels, comments
}

// A header of three labels or more with a row of values under it, cell under cell (the
// rating distribution: "매수 중립 매도" over "95.2% 4.8% 0.0%").
bool labelled_row(const Row& header, const Row& values) {
  if (header.cells.size() < 3 || header.cells.size() != values.cells.size() ||
      !numeric_row(values.cells))
    return false;
  for (size_t k = 0; k < header.cells.size(); ++k) {
    const Piece* h = header.cells[k];
    const Piece* v = values.cells[k];
    if (is_value(parse_number(h->text)) || std::fabs(h->bbox.center_x() - v->bbox.center_x()) >
                                               std::max(h->bbox.width(), v->bbox.width()))
      return false;
  }
  return true;
}

// The same header, printed again: unlabelled columns tell nothing.
bool same_columns(const Table& a, const Table& b) {
  if (a.columns.size() != b.columns.size()) return false;
  for (size_t k = 0; k < a.columns.size(); ++k)
    if (a.columns[k].label.empty() || a.columns[k].label != b.columns[k].label) return false;
  return true;
}

// Where the run of rows starting at `r` ends: past its last row of cells and the comment
// lines ("- …") under it.
size_t run_end(const std::vector<Row>& rows, size_t r, size_t& multi, size_t& numeric) {
  size_t end = r, last_multi = r;
  double row_gap = -1;  // the least blank between two rows of cells so far
  double x0 = rows[r].cells.front()->bbox.x0, x1 = rows[r].cells.back()->bbox.x1;
  // A caption or a source line is never inside a table: it ends one, or opens the next.
  auto inside = [&](const Row& one) {
    const Piece& p = *one.cells.front();
    if (is_caption(p.text)) return false;
    return !one.prose ||
           (p.bbox.x0 >= x0 - kTable.inside_slack_pt && p.bbox.x1 <= x1 + kTable.inside_slack_pt);
  };
  while (end < rows.size()) {
    const Row& row = rows[end];
    if (row.cells.size() >= 2) {
      if (end > r && rows[end - 1].cells.size() >= 2)
        row_gap = row_gap < 0 ? row.top - rows[end - 1].bottom
                              : std::min(row_gap, row.top - rows[end - 1].bottom);
      ++multi, last_multi = end;
      numeric += numeric_row(row.cells);
      x0 = std::min(x0, row.cells.front()->bbox.x0);
      x1 = std::max(x1, row.cells.back()->bbox.x1);
    } else {
      // One cell between two rows of cells stays when it lies within the table: a group
      // label, or the comment SK prints under each company. After a blank it is the title
      // of the next table ("Stock Data", "주요주주" in a company report's sidebar).
      double gap = row.top - rows[end - 1].bottom;
      if (gap >
          kTable.title_gap_em * std::max(row_gap, kTable.min_row_gap_em * row.cells.front()->size))
        break;
      size_t next = end;
      while (next < rows.size() && next < end + kTable.max_single_rows &&
             rows[next].cells.size() < 2 && inside(rows[next]))
        ++next;
      if (next >= rows.size() || rows[next].cells.size() < 2) break;
    }
    ++end;
  }
  end = last_multi + 1;
  while (end < rows.size() && end < last_multi + 1 + kTable.max_single_rows &&
         rows[end].cells.size() == 1 && rows[end].cells.front()->text.rfind("- ", 0) == 0 &&
         rows[end].cells.front()->bbox.x0 >= x0 - kTable.inside_slack_pt &&
         rows[end].cells.front()->bbox.x1 <= x1 + kTable.inside_slack_pt &&
         rows[end].top - rows[end - 1].bottom <
             kTable.comment_gap_em * rows[end].cells.front()->size)
    ++end;
  return end;
}

// The lines of `members` that no other table took, each once, in reading order (`rank`:
// each line's place in it). A line cut into cells of two tables (side by side on one baseline)
// stays with the first that took it.
std::vector<size_t> lines_of(const std::vector<const Piece*>& members,
                             std::vector<std::string>& owner, const std::string& id,
                             const std::vector<size_t>& rank) {
  std::vector<size_t> out;
  for (const Piece* p : members) {
    if (!owner[p->line].empty() && owner[p->line] != id) continue;
    owner[p->line] = id;
    if (std::find(out.begin(), out.end(), p->line) == out.end()) out.push_back(p->line);
  }
  std::sort(out.begin(), out.end(), [&](size_t a, size_t b) { return rank[a] < rank[b]; });
  return out;
}

// The page's cells, cut from its lines in reading order (running lines left out): reading
// order keeps a sidebar's rows apart from the body's lines beside them.
PageCells cells_of(const PageLines& page, std::vector<size_t>& rank, const PageRegions* regions) {
  PageCells cells;
  cells.width = page.width;
  double space = usual_space(page.lines);
  rank.assign(page.lines.size(), 0);
  std::vector<bool> ends = paragraph_ends(page);
  size_t place = 0;
  for (size_t i : reading_order(order_items(page.lines))) {
    rank[i] = place++;
    if (page.lines[i].running || (regions && regions->kind_of(i) == RegionKind::figure)) continue;
    for (Piece& p : pieces_of(page.lines[i], i, space)) {
      p.paragraph_end = ends[i] && p.whole;
      p.aside = regions && regions->kind_of(i) == RegionKind::sidebar;
      p.measured = page.lines[i].origin != Origin::ocr;
      p.ocr = page.lines[i].origin == Origin::ocr;
      cells.pieces.push_back(std::move(p));
    }
  }
  cells.taken.assign(cells.pieces.size(), false);
  return cells;
}

// A cell of words, not a value printed with its unit ("88,800원", "5,919,638천주").
bool is_label(const Cell& c) {
  const std::string* s = std::get_if<std::string>(&c);
  if (!s || s->empty()) return false;
  unsigned char first = static_cast<unsigned char>((*s)[0]);
  return !std::isdigit(first) && first != '-' && first != '+' && first != '(';
}

// Where a grid is a sidebar of label/value rows and the annual summary beside it, cut as one
// (SK, Eugene page 1: "52주 최고가 219,500 원 | 구분 단위 2018 2019 2020"): the x at which the
// summary's label column starts. A summary's own label and unit columns start it: the text
// columns right before its first year, with a column of values (or nothing) before them.
std::optional<double> summary_beside(const Table& t) {
  size_t year_row = t.rows.size(), first_year = 0;
  for (size_t r = 0; r < t.rows.size() && year_row == t.rows.size(); ++r) {
    size_t years = 0;
    for (size_t k = 0; k < t.rows[r].size(); ++k)
      if (vocab::fiscal_period(cell_text(t.rows[r][k])) && years++ == 0) first_year = k;
    if (years >= 2) year_row = r;
  }
  if (year_row == t.rows.size()) return std::nullopt;
  // Text-dominant columns below the year row.
  auto texty = [&](size_t k) {
    size_t text = 0, other = 0;
    for (size_t r = year_row + 1; r < t.rows.size(); ++r)
      if (k < t.rows[r].size() && !std::holds_alternative<std::monostate>(t.rows[r][k]))
        ++(is_label(t.rows[r][k]) ? text : other);
    return text > other;
  };
  size_t label = first_year;
  while (label > 0 && texty(label - 1)) --label;
  if (label == first_year || label < 2) return std::nullopt;
  // The sidebar: label/value rows of its own, left of the summary.
  size_t filled = 0;
  for (const auto& row : t.rows)
    filled += std::any_of(row.begin(), row.begin() + std::min(label, row.size()),
                          [](const Cell& c) { return !std::holds_alternative<std::monostate>(c); });
  if (filled < kTable.min_rows) return std::nullopt;
  double x = 1e9;
  for (size_t r = 0; r < t.boxes.size(); ++r)
    if (label < t.boxes[r].size() && t.boxes[r][label]) x = std::min(x, t.boxes[r][label]->bbox.x0);
  if (x == 1e9) return std::nullopt;
  return x - 0.5;
}

// Where a grid is a chart's axis (or another box) above the annual summary, cut as one (Hana,
// Hi, Eugene page 1: the price chart's ticks `20 … 140` over `투자지표 2023 2024 2025F 2026F`):
// the y at which the summary's row of years starts. Rows of values above a row of years with
// no label in the label column are no part of it: a header holds labels and units, never
// numbers, and the rows of a table's earlier block (an income statement over a balance
// sheet) are labelled. Labelled rows of values follow the row of years: a chart's axis of
// years (`2013 2015 … 2023` under its ticks) has none.
std::optional<double> summary_below(const Table& t) {
  for (size_t r = 1; r < t.rows.size(); ++r) {
    size_t years = 0;
    for (const Cell& c : t.rows[r]) years += vocab::fiscal_period(cell_text(c)).has_value();
    if (years < 2) continue;
    size_t valued = 0;
    for (size_t above = 0; above < r; ++above) {
      const auto& row = t.rows[above];
      if (std::none_of(row.begin(), row.end(),
                       [](const Cell& c) { return std::holds_alternative<double>(c); }))
        continue;
      if (!row.empty() && is_label(row[0])) return std::nullopt;  // a labelled row of values
      ++valued;
    }
    // ... and rows of labelled values under it: a summary, not a chart's axis of years.
    size_t labelled = 0;
    for (size_t below = r + 1; below < t.rows.size(); ++below) {
      const auto& row = t.rows[below];
      labelled += !row.empty() && is_label(row[0]) &&
                  std::any_of(row.begin(), row.end(),
                              [](const Cell& c) { return std::holds_alternative<double>(c); });
    }
    if (valued < kTable.min_chart_rows || labelled < kTable.min_rows || r >= t.boxes.size())
      return std::nullopt;
    double y = 1e9;
    for (const auto& box : t.boxes[r])
      if (box) y = std::min(y, box->bbox.y0);
    if (y == 1e9) return std::nullopt;
    return y - 0.5;
  }
  return std::nullopt;
}

}  // namespace

const char* kind_of(const Table& t) {
  std::string labels, first, title = t.title.value_or("");
  for (const Column& c : t.columns) labels += c.label + " ";
  for (const auto& row : t.rows)
    if (const std::string* s = std::get_if<std::string>(&row[0])) first += *s + " ";
  using K = vocab::TableKind;
  for (const K& k : vocab::table_kinds()) {
    // Rating words with shares adding up to 100 make a distribution whatever its words.
    if (std::string_view(k.kind) == "rating_distribution" && !rating_shares(t).empty())
      return k.kind;
    std::string words = (k.where & K::kLabels ? labels : "") +
                        (k.where & K::kFirstColumn ? first : "") +
                        (k.where & K::kTitle ? title : "");
    if (vocab::has_kind_words(k, words)) return k.kind;
  }
  return "other";
}

}  // namespace tables

TableSet find_tables(const std::vector<PageLines>& pages, const DocumentWords& vocabulary,
                     const std::vector<PageRegions>& regions) {
  using namespace tables;
  TableSet out;
  std::vector<Table>& found = out.tables;
  std::vector<std::vector<std::string>> owners;  // per page: the table each line went to
  std::vector<std::vector<size_t>> ranks;        // per page: each line's place in reading order
  for (size_t n = 0; n < pages.size(); ++n) {
    const PageLines& page = pages[n];
    std::vector<PlacedTable>& placed = out.placed.emplace_back();
    std::vector<std::string> owner(page.lines.size());
    std::vector<size_t> rank;
    PageCells cells = cells_of(page, rank, n < regions.size() ? &regions[n] : nullptr);
    std::vector<Row> all = rows_of(cells.pieces, page.width);
    // The first page's sidebar and the rest are looked at apart, as two pages: a run of rows
    // never mixes them, whatever order reading order gave their rows. The part read first
    // goes first, so the tables keep the page's order.
    bool first = !all.empty() && all.front().cells.front()->aside;
    for (bool side : {first, !first}) {
      std::vector<Row> rows;
      for (const Row& row : all)
        if (row.cells.front()->aside == side) rows.push_back(row);
      for (size_t r = 0; r < rows.size();) {
        size_t multi = 0, numeric = 0;
        size_t end = rows[r].cells.size() < 2 ? r + 1 : run_end(rows, r, multi, numeric);
        bool small = end >= r + 2 && labelled_row(rows[r], rows[r + 1]);
        if (!small && (multi < kTable.min_rows || numeric < 2)) {
          r = std::max(end, r + 1);
          continue;
        }
        std::vector<const Piece*> members = region_of(rows, r, end, cells);
        r = std::max(end, r + 1);
        std::string id = "t" + std::to_string(found.size() + 1);
        Table whole = members.empty() ? Table{} : build_grid(members, page.number, id, vocabulary);
        auto add = [&](std::vector<const Piece*>& part, Table t) {
          std::string id = t.id;
          if (!is_grid(t)) return;  // not a table after all: its lines stay text
          for (const Piece* p : part) cells.taken[cells.index(p)] = true;
          bool continued = !found.empty() && found.back().page == page.number - 1 &&
                           same_columns(found.back(), t);
          std::vector<size_t> lines = lines_of(part, owner, continued ? found.back().id : id, rank);
          title_and_source(t, page, owner);
          t.kind = kind_of(t);
          if (t.kind == std::string_view("rating_distribution") && !t.title)
            share_title(t, page, owner);
          // Continued from the previous page: the same labelled columns on the next page.
          if (continued) {
            Table& before = found.back();
            before.rows.insert(before.rows.end(), t.rows.begin(), t.rows.end());
            before.boxes.insert(before.boxes.end(), t.boxes.begin(), t.boxes.end());
            if (!before.source) before.source = t.source;
            placed.push_back({before.id, std::move(lines)});
          } else {
            placed.push_back({id, std::move(lines)});
            found.push_back(std::move(t));
          }
        };
        // A chart's axis above the annual summary, cut as one grid: two tables.
        if (auto cut = summary_below(whole)) {
          std::vector<const Piece*> above, below;
          for (const Piece* p : members) (p->bbox.center_y() < *cut ? above : below).push_back(p);
          for (auto* part : {&above, &below})
            add(*part,
                build_grid(*part, page.number, "t" + std::to_string(found.size() + 1), vocabulary));
          continue;
        }
        // A sidebar beside the annual summary, cut as one grid: two tables.
        if (auto cut = summary_beside(whole)) {
          std::vector<const Piece*> left, right;
          for (const Piece* p : members) (p->bbox.center_x() < *cut ? left : right).push_back(p);
          for (auto* part : {&left, &right})
            add(*part,
                build_grid(*part, page.number, "t" + std::to_string(found.size() + 1), vocabulary));
          continue;
        }
        add(members, std::move(whole));
      }
    }
    // Rating distributions too small for a grid of their own.
    for (ShareGrid& g : share_grids(cells, page.number)) {
      g.table.id = "t" + std::to_string(found.size() + 1);
      placed.push_back({g.table.id, lines_of(g.pieces, owner, g.table.id, rank)});
      if (!g.table.title) share_title(g.table, page, owner);
      found.push_back(std::move(g.table));
    }
    owners.push_back(std::move(owner));
    ranks.push_back(std::move(rank));
  }
  add_word_histories(pages, owners, ranks, out);
  std::vector<Warning> ocr = tables::ocr_warnings(out.tables);
  out.warnings.insert(out.warnings.end(), ocr.begin(), ocr.end());
  return out;
}

}  // namespace kreport
