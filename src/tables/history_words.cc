// Rating histories the grid finder cannot see: a second finder that reads the words of a page
// that prints a history (the words of the table-kind vocabulary's rating_history row: 괴리율,
// "변동 내역", "목표주가 변경"), printed beside a price chart, in two halves side by side, or
// across the page (a row of dates, a row of opinions, a row of prices).
//
// Across: a row whose label is a date label ("제시일자", "일 시", "일 자", "날짜") and whose
// cells are dates; the rows under it labelled by opinion and price ("투자의견", "목표주가",
// "목표가격", "TP (원)", "괴리율(평균,%)") hold each date's values in the cell under it.
// Daishin, Hanwha, Samsung. A date without a year ("2/9") takes the year of the date before
// it: Samsung prints the year on the first date of each year only.
//
// Down: a date cell, then within the next cells an opinion, then a price: one change; a row
// may hold two (halves side by side: IBK, eBest). A date without an opinion after it
// ("2021.03.24 커버리지제외") is no change. Hana, Meritz, IBK, eBest. A history that runs on
// to the next page is read there too, title or not.
//
// Each page's changes make one table of kind rating_history written down, one row a change:
// date (ISO, the year decided here), opinion as printed, target price, the two gaps, and a
// note where an opinion's row prints words that are no rating ("투자등급변경", "6개월 경과").
#include <algorithm>
#include <cmath>
#include <regex>

#include "grid_parts.h"
#include "kreport/regex.h"
#include "kreport/tables.h"
#include "kreport/utf8.h"
#include "kreport/vocab.h"
#include "params.h"
#include "table_parts.h"

namespace kreport::tables {
namespace {

struct WordCell {
  std::string text;
  Bbox box;
  size_t line = 0;
};
using WordRow = std::vector<WordCell>;

std::string squashed(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += c;
  return out;
}

// The page's words in rows: words on one height, left to right, words closer than a cell gap
// joined ("Not" "Rated"). `usable`: the lines the finder may read.
std::vector<WordRow> rows_of(const PageLines& page, const std::vector<bool>& usable) {
  std::vector<WordCell> words;
  for (size_t i = 0; i < page.lines.size(); ++i)
    if (usable[i])
      for (const Span& s : page.lines[i].spans)
        if (!s.text.empty()) words.push_back({s.text, s.bbox, i});
  std::stable_sort(words.begin(), words.end(), [](const WordCell& a, const WordCell& b) {
    return a.box.center_y() < b.box.center_y();
  });
  std::vector<std::vector<WordCell>> bands;
  for (const WordCell& w : words) {
    if (!bands.empty()) {
      const WordCell& first = bands.back().front();
      double h = std::min(first.box.height(), w.box.height());
      if (on_one_row(w.box.center_y(), first.box.center_y(), h)) {
        bands.back().push_back(w);
        continue;
      }
    }
    bands.push_back({w});
  }
  std::vector<WordRow> rows;
  for (auto& band : bands) {
    std::stable_sort(band.begin(), band.end(),
                     [](const WordCell& a, const WordCell& b) { return a.box.x0 < b.box.x0; });
    WordRow row;
    for (const WordCell& w : band) {
      double em = std::max(1.0, w.box.height());
      if (!row.empty() && w.box.x0 - row.back().box.x1 < kTable.history_word_gap_em * em) {
        row.back().text += " " + w.text;
        row.back().box = row.back().box.united(w.box);
      } else {
        row.push_back(w);
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// A date printed whole, with its year: "21.10.29", "2019.05.10", "2021/11/22" (the date
// vocabulary's forms; a closing full stop allowed).
std::optional<vocab::DateHit> whole_date(std::string_view text) {
  if (text.ends_with(".")) text.remove_suffix(1);
  std::vector<vocab::DateHit> hits = vocab::find_dates(text);
  if (hits.size() != 1 || hits[0].year == 0 || hits[0].pos != 0 || hits[0].len != text.size())
    return std::nullopt;
  return hits[0];
}

// "21.10.29" -> 2021-10-29; "2/9" after a 2023 date -> 2023-02-09 (`year`: the last one seen).
std::optional<std::string> date_of(const std::string& text, int& year) {
  if (auto d = whole_date(text)) {
    year = d->year;
    return d->iso();
  }
  if (year == 0) return std::nullopt;
  std::vector<vocab::DateHit> hits = vocab::find_dates(text);
  if (hits.size() != 1 || hits[0].year != 0 || hits[0].pos != 0 || hits[0].len != text.size() ||
      text.find('/') == std::string::npos)
    return std::nullopt;
  vocab::DateHit d = hits[0];
  d.year = year;
  return d.iso();
}

std::string role_of_label(const std::string& label) {
  const char* role = vocab::role_of(squashed(label), vocab::history_columns());
  return role ? role : "";
}

// An opinion as a history prints it: a rating word of the vocabulary, then at most a gloss
// in parentheses and a word for what changed ("Buy(유지)", "매수, 상향", "BUY M").
std::optional<std::string> rating_of(const std::string& text) {
  if (const vocab::RatingWord* r = vocab::stated_rating(text)) return std::string(r->rating);
  return std::nullopt;
}

bool is_rating(const std::string& text) {
  return rating_of(text).has_value();
}

// "(24.39)" -> -24.39, "-5.1", "1.94"; none for "-" or words.
std::optional<double> gap_percent(const std::string& text) {
  static const Regex number(R"(^\(?(-?[0-9]+(?:\.[0-9]+)?)\)?%?$)");
  std::smatch m;
  if (!std::regex_match(text, m, number)) return std::nullopt;
  double v = std::stod(m[1]);
  return text.front() == '(' ? -v : v;
}

// A price cell: "66,000", "43000", "125,000원"; none for "-", a name or a percentage.
std::optional<double> price_of(const std::string& text) {
  static const Regex price(R"(^[0-9][0-9,]*(?:원)?$)");
  if (!std::regex_match(text, price)) return std::nullopt;
  std::string digits;
  for (char c : text)
    if (c >= '0' && c <= '9') digits += c;
  double v = std::stod(digits);
  return v >= kTable.history_min_price ? std::optional<double>(v) : std::nullopt;
}

// One change as read: each field with the word it was read from.
struct Change {
  std::string date;
  const WordCell* at = nullptr;  // the date's word
  std::optional<WordCell> rating = {}, note = {};
  std::optional<std::pair<double, WordCell>> target = {}, gap_avg = {}, gap_extreme = {};
  std::vector<size_t> label_lines = {};  // across: the lines of its grid's row labels

  bool any() const { return rating || target || note; }
};

void set_value(Change& r, const std::string& role, const WordCell& c) {
  if (role == "rating") {
    if (is_rating(c.text))
      r.rating = c;
    else if (!c.text.empty() && c.text != "-")
      r.note = c;  // "투자등급변경", "담당자변경"
  } else if (role == "target") {
    if (auto v = price_of(c.text)) r.target = {{*v, c}};
  } else if (role == "gap_avg") {
    if (auto v = gap_percent(c.text)) r.gap_avg = {{*v, c}};
  } else if (role == "gap_extreme") {
    if (auto v = gap_percent(c.text)) r.gap_extreme = {{*v, c}};
  }
}

// The cell of `row` under `column` (horizontal overlap, nearest center), or null.
const WordCell* under(const WordRow& row, const Bbox& column) {
  const WordCell* best = nullptr;
  double slack = column.height(), nearest = 0;
  for (const WordCell& c : row) {
    if (c.box.x1 < column.x0 - slack || c.box.x0 > column.x1 + slack) continue;
    double d = std::fabs(c.box.center_x() - column.center_x());
    if (!best || d < nearest) best = &c, nearest = d;
  }
  return best;
}

void read_across(const std::vector<WordRow>& rows, std::vector<Change>& out) {
  for (size_t i = 0; i < rows.size(); ++i) {
    const WordRow& row = rows[i];
    int year = 0;
    std::string label;
    size_t first = 0;
    while (first < row.size() && !date_of(row[first].text, year)) label += row[first++].text;
    if (first == row.size() || role_of_label(label) != "date") continue;
    std::vector<Change> changes;
    for (size_t k = first; k < row.size(); ++k) {
      auto d = date_of(row[k].text, year);
      if (!d) break;
      changes.push_back(Change{*d, &row[k]});
    }
    std::vector<size_t> labels;
    for (size_t k = 0; k < first; ++k) labels.push_back(row[k].line);
    double left = changes.front().at->box.x0;
    for (size_t j = i + 1; j < rows.size() && j <= i + kTable.history_max_rows; ++j) {
      std::string row_label;
      for (const WordCell& c : rows[j])
        if (c.box.x1 < left) row_label += c.text;
      std::string role = role_of_label(row_label);
      if (role == "date") break;  // the next block of the grid
      if (role.empty()) continue;
      for (const WordCell& c : rows[j])
        if (c.box.x1 < left) labels.push_back(c.line);
      for (Change& c : changes)
        if (const WordCell* w = under(rows[j], c.at->box)) set_value(c, role, *w);
    }
    for (Change& c : changes) {
      if (!c.any()) continue;
      c.label_lines = labels;
      out.push_back(std::move(c));
    }
  }
}

void read_down(const std::vector<WordRow>& rows, std::vector<Change>& out) {
  for (const WordRow& row : rows) {
    for (size_t k = 0; k < row.size(); ++k) {
      auto date = whole_date(row[k].text);
      if (!date) continue;
      Change r{date->iso(), &row[k]};
      size_t j = k + 1;
      for (; j < row.size() && j <= k + kTable.history_cells_to_rating; ++j) {
        if (whole_date(row[j].text)) break;
        if (is_rating(row[j].text)) {
          r.rating = row[j];
          break;
        }
      }
      if (!r.rating || j >= row.size()) continue;
      if (j + 1 < row.size())
        if (auto v = price_of(row[j + 1].text)) r.target = {{*v, row[j + 1]}};
      std::vector<std::pair<double, WordCell>> gaps;
      for (size_t g = j + 2; g < row.size() && gaps.size() < 2; ++g) {
        if (whole_date(row[g].text)) break;
        if (auto p = gap_percent(row[g].text)) gaps.push_back({*p, row[g]});
      }
      if (!gaps.empty()) r.gap_avg = gaps[0];
      if (gaps.size() > 1) r.gap_extreme = gaps[1];
      out.push_back(std::move(r));
      k = j;
    }
  }
}

// The columns of a history this finder writes, labelled with the words the history-column
// vocabulary reads back as their roles.
constexpr const char* kLabels[] = {
    "일자", "투자의견", "목표주가(원)", "괴리율(%) / 평균", "괴리율(%) / 최고(최저)", "비고"};

Table table_of(const std::vector<Change>& changes, int page, std::vector<size_t>& lines) {
  Table t;
  t.kind = "rating_history";
  t.page = page;
  for (size_t k = 0; k < std::size(kLabels); ++k)
    t.columns.push_back(Column{slug(kLabels[k], k), kLabels[k], std::nullopt});
  t.columns[2].unit = "원";
  t.columns[3].unit = t.columns[4].unit = "%";
  bool first = true;
  auto take = [&](const WordCell& w) -> std::optional<CellBox> {
    t.bbox = first ? w.box : t.bbox.united(w.box);
    first = false;
    if (std::find(lines.begin(), lines.end(), w.line) == lines.end()) lines.push_back(w.line);
    return CellBox{page, w.box};
  };
  for (const Change& c : changes) {
    std::vector<Cell> row(std::size(kLabels));
    std::vector<std::optional<CellBox>> boxes(std::size(kLabels));
    row[0] = c.date, boxes[0] = take(*c.at);
    if (c.rating) row[1] = c.rating->text, boxes[1] = take(*c.rating);
    const std::optional<std::pair<double, WordCell>>* numbers[] = {&c.target, &c.gap_avg,
                                                                   &c.gap_extreme};
    for (size_t k = 0; k < 3; ++k)
      if (*numbers[k])
        row[2 + k] = (*numbers[k])->first, boxes[2 + k] = take((*numbers[k])->second);
    if (c.note) row[5] = c.note->text, boxes[5] = take(*c.note);
    for (size_t l : c.label_lines)
      if (std::find(lines.begin(), lines.end(), l) == lines.end()) lines.push_back(l);
    t.rows.push_back(std::move(row));
    t.boxes.push_back(std::move(boxes));
  }
  return t;
}

// A cell dated with its year: `2019.05.10`, `21.10.29` (a two-digit year only as the whole
// cell), as ISO.
std::optional<std::string> dated(const Cell& c) {
  const std::string* s = std::get_if<std::string>(&c);
  if (!s) return std::nullopt;
  std::string t(utf8::trimmed(*s));
  for (const vocab::DateHit& d : vocab::find_dates(t)) {
    if (d.year == 0 || (d.two_digit_year && d.len != t.size())) continue;
    return d.iso();
  }
  return std::nullopt;
}

std::string text_of(const Cell& c) {
  const std::string* s = std::get_if<std::string>(&c);
  return s ? *s : "";
}

// A change a grid's row or the words hold, as the words finder compares them: one printed
// twice is read once, and a price the grid lost is put in its cell.
struct Known {
  std::string date;
  std::optional<std::string> rating;
  std::optional<double> target;
  Table* table = nullptr;  // a grid's row: where a lost price goes (null: the words')
  size_t row = 0, column = 0;
  bool has_column = false;
};

// The changes the grids' rating_history tables hold, as history.cc reads them.
std::vector<Known> grid_changes(std::vector<Table>& tables) {
  std::vector<Known> out;
  for (Table& t : tables) {
    if (t.kind != std::string_view("rating_history")) continue;
    std::vector<std::string> roles = history_roles(t);
    for (size_t d = 0; d < roles.size(); ++d) {
      if (roles[d] != "date") continue;
      size_t end = d + 1;
      while (end < roles.size() && roles[end] != "date") ++end;
      for (size_t r = 0; r < t.rows.size(); ++r) {
        const auto& row = t.rows[r];
        auto date = dated(row[d]);
        if (!date) continue;
        Known k{*date, std::nullopt, std::nullopt, &t, r};
        bool any = false;
        std::vector<std::string> seen;
        for (size_t c = d + 1; c < end; ++c) {
          if (std::find(seen.begin(), seen.end(), roles[c]) != seen.end()) continue;
          seen.push_back(roles[c]);
          bool filled = !std::holds_alternative<std::monostate>(row[c]);
          if (roles[c] == "rating" && !text_of(row[c]).empty()) {
            k.rating = rating_of(text_of(row[c]));
            any = true;
          } else if (roles[c] == "target") {
            k.column = c, k.has_column = true;
            if (const double* v = std::get_if<double>(&row[c]))
              k.target = *v;
            else if (auto v = price_of(text_of(row[c])))
              k.target = v;
            any |= k.target.has_value();
          } else if (roles[c] == "gap_avg" || roles[c] == "gap_extreme" || roles[c] == "note") {
            any |= filled;
          }
        }
        if (any) out.push_back(std::move(k));
      }
    }
  }
  return out;
}

// Whether the words' change `w` is news: not one `known` holds already (the same date and
// price; a price-less change of a date read already). A price a grid's row lost (eBest: in
// the other half) is put in its cell instead.
bool is_news(const Change& w, std::vector<Known>& known) {
  std::optional<double> price;
  if (w.target) price = w.target->first;
  std::optional<std::string> rating;
  if (w.rating) rating = rating_of(w.rating->text);
  for (const Known& k : known)
    if (k.date == w.date && k.target && price && std::fabs(*k.target - *price) < 1) return false;
  for (Known& k : known) {
    if (k.date != w.date || !k.rating || k.target || !price || (rating && *rating != *k.rating))
      continue;
    k.target = price;
    if (k.table && k.has_column) {
      k.table->rows[k.row][k.column] = *price;
      if (k.row < k.table->boxes.size() && k.column < k.table->boxes[k.row].size())
        k.table->boxes[k.row][k.column] = CellBox{k.table->page, w.target->second.box};
    }
    return false;
  }
  if (!price &&
      std::any_of(known.begin(), known.end(), [&](const Known& k) { return k.date == w.date; }))
    return false;
  known.push_back(Known{w.date, rating, price});
  return true;
}

}  // namespace
}  // namespace kreport::tables

namespace kreport {

std::vector<std::string> history_roles(const Table& t) {
  using namespace tables;
  // Header lines the tables stage kept as rows (above the first dated row) label their
  // columns too: "일자 투자의견 목표주가" under an untitled grid.
  size_t first_dated = 0;
  while (first_dated < t.rows.size() && first_dated <= kTable.history_header_rows &&
         std::none_of(t.rows[first_dated].begin(), t.rows[first_dated].end(),
                      [](const Cell& c) { return dated(c).has_value(); }))
    ++first_dated;
  if (first_dated > kTable.history_header_rows) first_dated = 0;  // no dates near the top
  std::vector<std::string> roles;
  for (size_t k = 0; k < t.columns.size(); ++k) {
    std::string label = t.columns[k].label;
    for (size_t r = 0; r < first_dated; ++r)
      if (k < t.rows[r].size() && !text_of(t.rows[r][k]).empty())
        label += " / " + text_of(t.rows[r][k]);
    // A title taken into the header ("과거 2년간 투자의견 및 목표주가 변동내역" over every
    // column) names no column: label lines that long are left out.
    std::string kept, joined;
    for (size_t b = 0, e; b <= label.size(); b = e + 3) {
      e = std::min(label.find(" / ", b), label.size());
      std::string part = label.substr(b, e - b);
      if (utf8::length(part) <= kTable.history_label_chars) kept += part + " / ", joined += part;
    }
    // A word printed over two header lines ("목표" over "가격") is read as one too.
    const char* role = vocab::role_of(kept, vocab::history_columns());
    if (!role) role = vocab::role_of(joined, vocab::history_columns());
    roles.push_back(role ? role : "");
  }
  return roles;
}

}  // namespace kreport

namespace kreport::tables {

bool holds_history(const PageLines& page) {
  for (const vocab::TableKind& k : vocab::table_kinds())
    if (std::string_view(k.kind) == "rating_history")
      for (const Line& l : page.lines)
        if (vocab::has_kind_words(k, l.text)) return true;
  return false;
}

void add_word_histories(const std::vector<PageLines>& pages,
                        std::vector<std::vector<std::string>>& owners,
                        const std::vector<std::vector<size_t>>& ranks, TableSet& out) {
  std::vector<Known> known = grid_changes(out.tables);
  bool grids_read = !known.empty();
  // A history split over two pages goes on at the top of the next one with no title or
  // 괴리율 label of its own: the page after a history page is read too, and carries the
  // history on while it reads changes.
  bool continues = false, words_read = false;
  int history_at = 0;
  for (size_t n = 0; n < pages.size(); ++n) {
    const PageLines& page = pages[n];
    bool holds = holds_history(page);
    if (holds && !history_at) history_at = page.number;
    if (!holds && !continues) continue;
    // Every word of the page but the running ones: a grid may have taken the history's lines
    // and read them as no history (a row of dates across the page, a chart beside it).
    std::vector<WordRow> rows = rows_of(page, [&] {
      std::vector<bool> usable(page.lines.size());
      for (size_t i = 0; i < page.lines.size(); ++i) usable[i] = !page.lines[i].running;
      return usable;
    }());
    std::vector<Change> changes;
    read_across(rows, changes);
    read_down(rows, changes);
    continues = holds || !changes.empty();
    words_read |= !changes.empty();
    std::erase_if(changes, [&](const Change& c) { return !is_news(c, known); });
    if (changes.empty()) continue;
    std::vector<size_t> lines;
    Table t = table_of(changes, page.number, lines);
    // A line belongs to one table: a history read over lines a grid took (the grid holds it
    // as printed, across, or as rows of no kind) is a reading of that grid, kept beside the
    // tables for the meaning step; one over free lines is a table of its own.
    bool over_grid = false;
    for (const auto& row : t.boxes)
      for (const auto& box : row)
        for (size_t i = 0; box && i < page.lines.size() && !over_grid; ++i)
          over_grid = !owners[n][i].empty() && page.lines[i].bbox.x0 <= box->bbox.center_x() &&
                      box->bbox.center_x() <= page.lines[i].bbox.x1 &&
                      page.lines[i].bbox.y0 <= box->bbox.center_y() &&
                      box->bbox.center_y() <= page.lines[i].bbox.y1;
    if (over_grid) {
      t.id = "h" + std::to_string(out.history_readings.size() + 1);
      out.history_readings.push_back(std::move(t));
      continue;
    }
    t.id = "t" + std::to_string(out.tables.size() + 1);
    std::erase_if(lines, [&](size_t i) { return !owners[n][i].empty(); });
    for (size_t i : lines) owners[n][i] = t.id;
    std::sort(lines.begin(), lines.end(),
              [&](size_t a, size_t b) { return ranks[n][a] < ranks[n][b]; });
    out.placed[n].push_back({t.id, std::move(lines)});
    out.tables.push_back(std::move(t));
  }
  // A history drawn as a picture, or in a layout no rule knows: say so rather than nothing.
  if (history_at && !grids_read && !words_read)
    out.warnings.push_back({"HISTORY_UNREAD", history_at,
                            "the page prints a rating history that was not read (a picture, "
                            "or an unknown layout): compliance.rating_history is empty"});
}

}  // namespace kreport::tables
