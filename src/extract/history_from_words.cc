// Rating histories read from the words of a compliance page, where the tables stage finds no
// grid (or a broken one): the history is printed beside a price chart, in two halves side by
// side, or across the page (a row of dates, a row of opinions, a row of prices).
//
// Across ("horizontal"): a row whose label is a date label ("제시일자", "일 시", "일 자",
// "날짜") and whose cells are dates; the rows under it labelled by opinion and price
// ("투자의견", "목표주가", "목표가격", "TP (원)", "괴리율(평균,%)") hold each date's values in
// the cell under it. Daishin, Hanwha, Samsung. A date without a year ("2/9") takes the year of
// the date before it: Samsung prints the year on the first date of each year only.
//
// Down ("vertical"): a date cell, then within the next cells an opinion, then a price: one
// change; a row may hold two (halves side by side: IBK, eBest). A date without an opinion
// after it ("2021.03.24 커버리지제외") is no change. Hana, Meritz, IBK, eBest. A history that
// runs on to the next page is read there too, title or not.
#include <algorithm>
#include <cmath>
#include <regex>

#include "extract_parts.h"
#include "kreport/regex.h"
#include "kreport/utf8.h"

namespace kreport::extract {
namespace {

// Words closer than this (em) are one cell ("Not" "Rated"); cells of a grid stand 2 em and
// more apart in every history measured, labels set with wide letter spacing ("일    시") are
// joined through the label rule instead.
constexpr double kCellGapEm = 0.5;
// Two words share a row when their vertical centers are this close (share of the height).
constexpr double kSameRow = 0.45;
// The rows of one across-grid under its date row: opinion, price, two gaps, a note.
constexpr size_t kMaxGridRows = 6;
// A change's opinion follows its date within this many cells (Meritz: 날짜 자료형식 의견).
constexpr size_t kMaxCellsToRating = 3;

struct Cell {
  std::string text;
  Bbox box;
};
using Row = std::vector<Cell>;

std::vector<Row> rows_of(const PageLayout& page) {
  std::vector<Cell> words;
  for (const Line& l : page.lines)
    if (!l.running)
      for (const Span& s : l.spans)
        if (!s.text.empty()) words.push_back({s.text, s.bbox});
  std::sort(words.begin(), words.end(),
            [](const Cell& a, const Cell& b) { return a.box.center_y() < b.box.center_y(); });
  std::vector<std::vector<Cell>> bands;
  for (const Cell& w : words) {
    if (!bands.empty()) {
      const Cell& first = bands.back().front();
      double h = std::min(first.box.height(), w.box.height());
      if (std::fabs(w.box.center_y() - first.box.center_y()) < kSameRow * h) {
        bands.back().push_back(w);
        continue;
      }
    }
    bands.push_back({w});
  }
  std::vector<Row> rows;
  for (auto& band : bands) {
    std::sort(band.begin(), band.end(),
              [](const Cell& a, const Cell& b) { return a.box.x0 < b.box.x0; });
    Row row;
    for (const Cell& w : band) {
      double em = std::max(1.0, w.box.height());
      if (!row.empty() && w.box.x0 - row.back().box.x1 < kCellGapEm * em) {
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

// A page holds a history where a line carries the words that make a table one (괴리율,
// "변동 내역", "목표주가 변경": the table-kind vocabulary).
bool holds_history(const PageLayout& page) {
  for (const vocab::TableKind& k : vocab::table_kinds())
    if (std::string_view(k.kind) == "rating_history")
      for (const Line& l : page.lines)
        if (vocab::has_kind_words(k, l.text)) return true;
  return false;
}

// A date printed whole: "21.10.29", "2019.05.10", "2021/11/22".
bool is_whole_date(const std::string& text) {
  static const Regex whole(R"(^(?:19|20)?[0-9]{2}[./-][0-9]{1,2}[./-][0-9]{1,2}\.?$)");
  return std::regex_match(text, whole);
}

// "21.10.29" -> 2021-10-29; "2/9" after a 2023 date -> 2023-02-09 (`year`: the last one seen).
std::optional<std::string> date_of(const std::string& text, std::string& year) {
  static const Regex month_day(R"(^([0-9]{1,2})/([0-9]{1,2})$)");
  std::smatch m;
  if (is_whole_date(text)) {
    auto d = parse_date(text);
    if (d && d->size() == 10 && d->front() != '-') year = d->substr(0, 4);
    return d;
  }
  if (!year.empty() && std::regex_match(text, m, month_day)) {
    int month = std::stoi(m[1]), day = std::stoi(m[2]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s-%02d-%02d", year.c_str(), month, day);
    return std::string(buf);
  }
  return std::nullopt;
}

std::string role_of_label(const std::string& label) {
  const char* role = vocab::role_of(squash(label), vocab::history_columns());
  return role ? role : "";
}

// "(24.39)" -> -24.39, "-5.1", "1.94"; none for "-" or words.
std::optional<double> percent_of(const std::string& text) {
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
  auto v = parse_won(text);
  return v && *v >= 100 ? v : std::nullopt;
}

void set_value(RatingChange& r, const std::string& role, const std::string& text) {
  if (role == "rating") {
    if (auto hit = parse_rating(text)) {
      r.rating = hit->rating;
      r.rating_text = text;
    } else if (!text.empty() && text != "-") {
      r.note = text;  // "투자등급변경", "담당자변경"
    }
  } else if (role == "target") {
    r.target_price = price_of(text);
  } else if (role == "gap_avg") {
    r.gap_avg_pct = percent_of(text);
  } else if (role == "gap_extreme") {
    r.gap_extreme_pct = percent_of(text);
  }
}

// The cell of `row` under `column` (horizontal overlap, nearest center), or null.
const Cell* under(const Row& row, const Bbox& column) {
  const Cell* best = nullptr;
  double slack = column.height(), nearest = 0;
  for (const Cell& c : row) {
    if (c.box.x1 < column.x0 - slack || c.box.x0 > column.x1 + slack) continue;
    double d = std::fabs(c.box.center_x() - column.center_x());
    if (!best || d < nearest) best = &c, nearest = d;
  }
  return best;
}

void read_across(const std::vector<Row>& rows, std::vector<RatingChange>& out) {
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    std::string year, label;
    size_t first = 0;
    while (first < row.size() && !date_of(row[first].text, year)) label += row[first++].text;
    if (first == row.size() || role_of_label(label) != "date") continue;
    std::vector<std::pair<std::string, Bbox>> dates;
    for (size_t k = first; k < row.size(); ++k) {
      auto d = date_of(row[k].text, year);
      if (!d) break;
      dates.push_back({*d, row[k].box});
    }
    std::vector<RatingChange> changes(dates.size());
    for (size_t k = 0; k < dates.size(); ++k) changes[k].date = dates[k].first;
    double left = dates.front().second.x0;
    for (size_t j = i + 1; j < rows.size() && j <= i + kMaxGridRows; ++j) {
      std::string row_label;
      for (const Cell& c : rows[j])
        if (c.box.x1 < left) row_label += c.text;
      std::string role = role_of_label(row_label);
      if (role == "date") break;  // the next block of the grid
      if (role.empty()) continue;
      for (size_t k = 0; k < dates.size(); ++k)
        if (const Cell* c = under(rows[j], dates[k].second)) set_value(changes[k], role, c->text);
    }
    for (RatingChange& c : changes)
      if (c.rating || c.target_price || c.note) out.push_back(std::move(c));
  }
}

void read_down(const std::vector<Row>& rows, std::vector<RatingChange>& out) {
  for (const Row& row : rows) {
    for (size_t k = 0; k < row.size(); ++k) {
      std::string year;
      if (!is_whole_date(row[k].text)) continue;
      auto date = date_of(row[k].text, year);
      if (!date) continue;
      RatingChange r;
      r.date = date;
      size_t j = k + 1;
      for (; j < row.size() && j <= k + kMaxCellsToRating; ++j) {
        if (is_whole_date(row[j].text)) break;
        if (auto hit = parse_rating(row[j].text)) {
          r.rating = hit->rating;
          r.rating_text = row[j].text;
          break;
        }
      }
      if (!r.rating || j >= row.size()) continue;
      if (j + 1 < row.size()) r.target_price = price_of(row[j + 1].text);
      std::vector<double> gaps;
      for (size_t g = j + 2; g < row.size() && gaps.size() < 2; ++g) {
        if (is_whole_date(row[g].text)) break;
        if (auto p = percent_of(row[g].text)) gaps.push_back(*p);
      }
      if (!gaps.empty()) r.gap_avg_pct = gaps[0];
      if (gaps.size() > 1) r.gap_extreme_pct = gaps[1];
      out.push_back(std::move(r));
      k = j;
    }
  }
}

}  // namespace

int history_page(const std::vector<PageLayout>& pages) {
  for (const PageLayout& page : pages)
    if (holds_history(page)) return page.number;
  return 0;
}

std::vector<RatingChange> history_from_words(const std::vector<PageLayout>& pages) {
  std::vector<RatingChange> out;
  // A history split over two pages goes on at the top of the next one with no title or
  // 괴리율 label of its own (its header printed once, or not again): the page after a history
  // page is read too, and carries the history on while it reads changes.
  bool continues = false;
  for (const PageLayout& page : pages) {
    bool holds = holds_history(page);
    if (!holds && !continues) continue;
    size_t before = out.size();
    std::vector<Row> rows = rows_of(page);
    read_across(rows, out);
    read_down(rows, out);
    continues = holds || out.size() > before;
  }
  return out;
}

}  // namespace kreport::extract
