// Tables from lines. A line never crosses a gutter, so a table's cells arrive as separate
// lines. Here:
//   1. rows: consecutive lines (in reading order) sharing a baseline, a cell that reading
//      order left a few rows behind put back; a line of running text is a row of its own;
//   2. a table: a run of at least kMinRows rows of two cells or more, of which some carry
//      numbers; a row of one cell inside the run stays in it when it lies within the table
//      (a group label, SK's comment line under each company), while running text beside the
//      table ends it: prose next to a sidebar is never swallowed into its table;
//   3. columns: the x-extents of the cells of the numeric rows, merged where they overlap;
//      header cells above the first numeric row are laid over those columns, a cell spanning
//      several ("기간별 수익률(%)" over "1W 1M 3M") labels each, joined with " / ";
//   4. cells: numbers parsed ("4,786.7", "-12.0", "(3.4)" negative, "95.2%" with % moved to
//      the column's unit), other text kept as printed;
//   5. kind from the words of the header and first column (table kTableKinds); title from a
//      caption line just above, source from a "자료:" line just below;
//   6. a table that opens a page with the same columns as the one closing the previous page
//      continues it.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <regex>

#include "kreport/segment.h"

namespace kreport {
namespace {

constexpr size_t kMinRows = 3;
constexpr size_t kMaxSingleRows = 3;  // single-cell rows (labels, comments) between rows of cells
constexpr double kSameRowEm = 0.45;

struct TableKind {
  const char* kind;
  std::vector<const char*> words;  // any of these in the header or first column
  const char* example;
};

const TableKind kTableKinds[] = {
    {"rating_history", {"괴리율"}, "투자의견 변동내역(2개년) 및 목표주가 괴리율"},
    {"financials",
     {"결산기", "매출액", "영업이익", "EPS", "ROE"},
     "결산기(12월) 매출액 영업이익 EPS(원)"},
    {"peer_table",
     {"티커", "Ticker", "시가총액", "Market Cap", "수익률"},
     "종목 (티커) 시가총액(B, $) 수익률"},
    {"rating_distribution", {"투자의견 비율", "매수", "Buy"}, "매수 95.2% 중립 4.8% 매도 0.0%"},
    {"calendar", {"일|월|화|수|목|금|토", "Mon", "Sun"}, "일 월 화 수 목 금 토"},
    {"valuation", {"Valuation", "목표주가 산정", "적정가치", "Target"}, "목표주가 산정"},
    {"ranking", {"순위", "Rank", "LiveBench"}, "LiveBench 순위"},
    {"comparison", {" vs ", " VS ", "비교"}, "GB200 NVL72 vs CloudMatrix 384"},
};

const std::regex kNumber(
    R"(^\(?([-+−–]?)\$?([0-9][0-9,]*(\.[0-9]+)?)\)?\s*(%|[A-Za-z/]+|배|원|조원|억원|십억원)?$)");
const std::regex kCaptionLine(R"(^(\[\s*)?(표|그림|Table|Figure|<\s*표)\s*\d+.*)");
const std::regex kSourceLine(R"(^(자료|출처|Source)\s*[:：].*)", std::regex::icase);

struct Row {
  std::vector<Line*> cells;
  double top = 0, bottom = 0;
  bool prose = false;  // a line of running text: it ends a table, never joins one
};

constexpr size_t kProseChars = 25;
constexpr double kProseShare = 0.35;  // of the page width

bool is_prose(const Line& l, double page_width) {
  size_t chars = std::count_if(l.text.begin(), l.text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  });
  return chars >= kProseChars && l.bbox.width() >= kProseShare * page_width;
}

struct Parsed {
  bool number = false;
  double value = 0;
  std::string suffix;
};

Parsed parse_number(const std::string& text) {
  std::smatch m;
  if (!std::regex_match(text, m, kNumber)) return {};
  std::string digits;
  for (char c : m[2].str())
    if (c != ',') digits += c;
  double v = std::stod(digits);
  bool negative = !m[1].str().empty() || (text.front() == '(' && text.back() == ')');
  return {true, negative ? -v : v, m[4].str()};
}

// A data value, not a header label: "1W", "2024A", "3Q25" carry a period letter, and a row of
// bare years ("2024 2025") heads its columns.
bool is_value(const Parsed& p) {
  return p.number && (p.suffix.empty() || p.suffix.size() >= 2 || p.suffix == "%");
}

bool numeric_row(const Row& r) {
  size_t values = 0, years = 0;
  for (const Line* c : r.cells) {
    Parsed p = parse_number(c->text);
    values += is_value(p);
    years += is_value(p) && p.suffix.empty() && p.value >= 1990 && p.value <= 2100 &&
             c->text.find_first_of(".,") == std::string::npos;
  }
  return values >= 1 && values * 2 >= r.cells.size() && years < values;
}

// Rows in reading order: consecutive lines sharing a baseline. Running text is a row of its
// own. A short cell that reading order put a few rows later than the row on its baseline
// (the last column of a peer table whose comment column layout read first: "58.5" after
// the comments under "엔비디아 (NVDA) 4,282 1.0 69.2") goes back into that row.
std::vector<Row> rows_of(PageLayout& page) {
  std::vector<Row> rows;
  auto same_row = [](const Row& r, const Line& l) {
    return std::fabs(l.bbox.center_y() - (r.top + r.bottom) / 2) < kSameRowEm * l.size;
  };
  for (Line& l : page.lines) {
    if (l.running) continue;
    if (is_prose(l, page.width)) {
      rows.push_back(Row{{&l}, l.bbox.y0, l.bbox.y1, true});
      continue;
    }
    if (!rows.empty() && !rows.back().prose && same_row(rows.back(), l) &&
        l.bbox.x0 > rows.back().cells.back()->bbox.x0) {
      Row& r = rows.back();
      r.cells.push_back(&l);
      r.top = std::min(r.top, l.bbox.y0);
      r.bottom = std::max(r.bottom, l.bbox.y1);
      continue;
    }
    bool moved = false;
    for (size_t back = 2; back <= kMaxSingleRows + 1 && back <= rows.size() && !moved; ++back) {
      Row& r = rows[rows.size() - back];
      if (!r.prose && r.cells.size() >= 2 && same_row(r, l) &&
          l.bbox.x0 > r.cells.back()->bbox.x1) {
        r.cells.push_back(&l);
        moved = true;
      }
    }
    if (!moved) rows.push_back(Row{{&l}, l.bbox.y0, l.bbox.y1, false});
  }
  return rows;
}

std::string slug(const std::string& label, size_t index, std::vector<std::string>& used) {
  std::string s;
  for (char c : label) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      s += static_cast<char>(std::tolower(c));
    else if (!s.empty() && s.back() != '_')
      s += '_';
  }
  while (!s.empty() && s.back() == '_') s.pop_back();
  std::string key = "c" + std::to_string(index + 1) + (s.empty() ? "" : "_" + s);
  used.push_back(key);
  return key;
}

// "시가총액 (조원)" -> "조원"; "수익률 (%)" -> "%".
OptString unit_of(const std::string& label) {
  size_t open = label.rfind('('), close = label.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open) return std::nullopt;
  std::string u = label.substr(open + 1, close - open - 1);
  if (u.empty() || u.size() > 24) return std::nullopt;
  // A unit names money, a ratio or a measure; "(티커)", "(12월)" are not units.
  static const char* kUnitWords[] = {"%",   "$",     "원", "배", "위안", "달러", "엔",
                                     "USD", "KRW",   "bp", "B",  "M",    "K",    "TB",
                                     "GB",  "FLOPS", "x",  "W",  "pt"};
  for (const char* w : kUnitWords)
    if (u.find(w) != std::string::npos) return u;
  return std::nullopt;
}

const char* kind_of(const std::string& words) {
  for (const TableKind& k : kTableKinds)
    for (const char* w : k.words) {
      std::string word(w);
      if (word.find('|') != std::string::npos) {  // all of a set: the days of a week
        size_t hits = 0, total = 0;
        for (size_t b = 0, e; b <= word.size(); b = e + 1, ++total) {
          e = std::min(word.find('|', b), word.size());
          hits += words.find(word.substr(b, e - b)) != std::string::npos;
        }
        if (hits == total) return k.kind;
      } else if (words.find(word) != std::string::npos) {
        return k.kind;
      }
    }
  return "other";
}

// Builds one table from rows [begin, end) of a page; marks its lines.
Table build(std::vector<Row>& rows, size_t begin, size_t end, const PageLayout& page,
            const std::string& id) {
  Table t;
  t.id = id;
  t.page = page.number;
  size_t first_data = begin;
  while (first_data < end && !numeric_row(rows[first_data])) ++first_data;
  if (first_data == end) first_data = begin + 1;  // no numbers: the first row is the header

  // Column bands from the data rows' multi-cell rows.
  std::vector<std::pair<double, double>> bands;
  for (size_t r = first_data; r < end; ++r)
    if (rows[r].cells.size() >= 2)
      for (const Line* c : rows[r].cells) bands.push_back({c->bbox.x0, c->bbox.x1});
  std::sort(bands.begin(), bands.end());
  std::vector<std::pair<double, double>> cols;
  for (auto& b : bands) {
    if (!cols.empty() && b.first < cols.back().second)
      cols.back().second = std::max(cols.back().second, b.second);
    else
      cols.push_back(b);
  }
  auto column_of = [&](const Line* c) {
    size_t best = 0;
    double best_overlap = -1e9;
    for (size_t k = 0; k < cols.size(); ++k) {
      double o = std::min(cols[k].second, c->bbox.x1) - std::max(cols[k].first, c->bbox.x0);
      if (o > best_overlap) best = k, best_overlap = o;
    }
    return best;
  };

  std::vector<std::string> labels(cols.size());
  for (size_t r = begin; r < first_data; ++r)
    for (const Line* c : rows[r].cells)
      for (size_t k = 0; k < cols.size(); ++k)
        if (std::min(cols[k].second, c->bbox.x1) > std::max(cols[k].first, c->bbox.x0))
          labels[k] += (labels[k].empty() ? "" : " / ") + c->text;
  std::vector<std::string> used;
  for (size_t k = 0; k < cols.size(); ++k)
    t.columns.push_back(Column{slug(labels[k], k, used), labels[k], unit_of(labels[k])});

  std::vector<std::string> suffix(cols.size());
  std::vector<bool> mixed(cols.size(), false);
  for (size_t r = first_data; r < end; ++r) {
    std::vector<Cell> row(cols.size());
    std::vector<std::string> text(cols.size());
    for (const Line* c : rows[r].cells) {
      size_t k = rows[r].cells.size() == 1 ? 0 : column_of(c);
      text[k] += (text[k].empty() ? "" : " ") + c->text;
    }
    for (size_t k = 0; k < cols.size(); ++k) {
      if (text[k].empty()) continue;
      Parsed p = parse_number(text[k]);
      if (!is_value(p)) {
        row[k] = text[k];
        continue;
      }
      row[k] = p.value;
      if (suffix[k].empty())
        suffix[k] = p.suffix;
      else if (suffix[k] != p.suffix)
        mixed[k] = true;
    }
    t.rows.push_back(std::move(row));
  }
  for (size_t k = 0; k < cols.size(); ++k)
    if (!t.columns[k].unit && !suffix[k].empty() && !mixed[k]) t.columns[k].unit = suffix[k];

  std::string words;
  for (const std::string& l : labels) words += l + " ";
  for (const auto& row : t.rows)
    if (const std::string* s = std::get_if<std::string>(&row[0])) words += *s + " ";
  t.kind = kind_of(words);

  t.bbox = rows[begin].cells.front()->bbox;
  for (size_t r = begin; r < end; ++r)
    for (Line* c : rows[r].cells) {
      t.bbox = t.bbox.united(c->bbox);
      c->table = id;
    }
  return t;
}

// The caption line right above the table and the source line right under it.
void title_and_source(Table& t, PageLayout& page) {
  const Line* above = nullptr;
  const Line* below = nullptr;
  for (Line& l : page.lines) {
    if (l.running || !l.table.empty()) continue;
    bool overlaps = l.bbox.x0 < t.bbox.x1 && t.bbox.x0 < l.bbox.x1;
    if (!overlaps) continue;
    if (l.bbox.y1 <= t.bbox.y0 + 1 && (!above || l.bbox.y1 > above->bbox.y1)) above = &l;
    if (l.bbox.y0 >= t.bbox.y1 - 1 && (!below || l.bbox.y0 < below->bbox.y0)) below = &l;
  }
  if (above && t.bbox.y0 - above->bbox.y1 < 3 * above->size &&
      std::regex_match(above->text, kCaptionLine))
    t.title = above->text;
  if (below && below->bbox.y0 - t.bbox.y1 < 3 * below->size &&
      std::regex_match(below->text, kSourceLine)) {
    std::string s = below->text.substr(below->text.find_first_of(":："));
    s = s.substr(s[0] == ':' ? 1 : std::string("：").size());
    t.source = s.substr(std::min(s.size(), s.find_first_not_of(' ')));
  }
}

// Two columns at least, and enough rows filling two cells or more: a column of lines that
// merged into one band (a sidebar), or mostly single cells, is no grid.
bool is_grid(const Table& t) {
  if (t.columns.size() < 2) return false;
  size_t full = 0;
  for (const auto& row : t.rows)
    full += std::count_if(row.begin(), row.end(), [](const Cell& c) {
              return !std::holds_alternative<std::monostate>(c);
            }) >= 2;
  return full >= kMinRows && full * 3 >= t.rows.size();  // the others: labels, comments
}

bool same_columns(const Table& a, const Table& b) {
  if (a.columns.size() != b.columns.size()) return false;
  for (size_t k = 0; k < a.columns.size(); ++k)
    if (a.columns[k].label != b.columns[k].label) return false;
  return true;
}

std::string last_part(const std::string& label) {
  size_t at = label.rfind(" / ");
  return at == std::string::npos ? label : label.substr(at + 3);
}

bool label_has(const std::string& label, std::initializer_list<const char*> words) {
  for (const char* w : words)
    if (label.find(w) != std::string::npos) return true;
  return false;
}

const std::regex kPeriod(R"(^(1D|1W|2W|1M|3M|6M|9M|1Y|2Y|3Y|YTD|커버리지 이후)$)");
const std::regex kParenTicker(R"(^(.*?)\s*\(([A-Z0-9.\-]{1,10})\)$)");    // "엔비디아 (NVDA)"
const std::regex kTickerMarket(R"(^([A-Z0-9.\-]{1,10})\s+([A-Z]{2})$)");  // "AAPL US", "005930 KS"

std::optional<double> number_in(const Cell& c) {
  if (const double* d = std::get_if<double>(&c)) return *d;
  return std::nullopt;
}

}  // namespace

std::vector<Peer> peers_of(const std::vector<Table>& tables) {
  std::vector<Peer> peers;
  for (const Table& t : tables) {
    if (t.kind != "peer_table") continue;
    int ticker_col = -1, cap_col = -1, price_col = -1;
    std::vector<std::pair<size_t, std::string>> periods;
    for (size_t k = 0; k < t.columns.size(); ++k) {
      const std::string& label = t.columns[k].label;
      std::string tail = last_part(label);
      if (label_has(tail, {"티커", "Ticker", "코드"}) && !label_has(tail, {"종목"}))
        ticker_col = k;
      else if (label_has(label, {"시가총액", "Market Cap", "Mkt Cap"}))
        cap_col = k;
      else if (label_has(tail, {"주가", "Price", "종가"}) && !label_has(label, {"수익률"}))
        price_col = k;
      else if (std::regex_match(tail, kPeriod))
        periods.push_back({k, tail});
    }
    for (const auto& row : t.rows) {
      size_t filled = std::count_if(row.begin(), row.end(), [](const Cell& c) {
        return !std::holds_alternative<std::monostate>(c);
      });
      const std::string* first = std::get_if<std::string>(&row[0]);
      if (filled == 1 && first && !peers.empty() && peers.back().table == t.id) {
        // The comment line under a company ("- 추론 시대 본격화로 …").
        std::string c = *first;
        if (c.rfind("- ", 0) == 0) c.erase(0, 2);
        Peer& p = peers.back();
        p.comment = p.comment ? *p.comment + " " + c : c;
        continue;
      }
      if (filled < 2 || !first) continue;
      Peer p;
      p.table = t.id;
      std::smatch m;
      if (std::regex_match(*first, m, kParenTicker))
        p.name = m[1].str(), p.ticker = m[2].str();
      else
        p.name = *first;
      if (ticker_col >= 0)
        if (const std::string* tk = std::get_if<std::string>(&row[ticker_col])) {
          if (std::regex_match(*tk, m, kTickerMarket))
            p.ticker = m[1].str(), p.market = m[2].str();
          else
            p.ticker = *tk;
        }
      if (ticker_col >= 0 && !p.ticker) {
        if (auto n = number_in(row[ticker_col])) {  // "000660" parsed as a number
          char buf[16];
          std::snprintf(buf, sizeof buf, "%06.0f", *n);
          p.ticker = buf;
        }
      }
      if (cap_col >= 0) p.market_cap = Quantity{number_in(row[cap_col]), t.columns[cap_col].unit};
      if (price_col >= 0) p.price = number_in(row[price_col]);
      for (const auto& [k, period] : periods) p.returns.push_back({period, number_in(row[k])});
      peers.push_back(std::move(p));
    }
  }
  return peers;
}

std::vector<Table> detect_tables(std::vector<PageLayout>& pages) {
  std::vector<Table> tables;
  for (PageLayout& page : pages) {
    std::vector<Row> rows = rows_of(page);
    size_t r = 0;
    while (r < rows.size()) {
      if (rows[r].cells.size() < 2) {
        ++r;
        continue;
      }
      // Extend the run over multi-cell rows, and over single wide cells between them.
      size_t end = r, multi = 0, numeric = 0, last_multi = r;
      double x0 = rows[r].cells.front()->bbox.x0, x1 = rows[r].cells.back()->bbox.x1;
      while (end < rows.size()) {
        const Row& row = rows[end];
        if (row.cells.size() >= 2) {
          ++multi, last_multi = end;
          numeric += numeric_row(row);
          x0 = std::min(x0, row.cells.front()->bbox.x0);
          x1 = std::max(x1, row.cells.back()->bbox.x1);
        } else {
          // One cell between two rows of cells stays when it lies within the table: a group
          // label, or the comment SK prints under each company. Running text beside the
          // table (the body next to a sidebar) ends it.
          auto inside = [&](const Row& one) {
            const Line& l = *one.cells.front();
            return !one.prose || (l.bbox.x0 >= x0 - 2 && l.bbox.x1 <= x1 + 2);
          };
          size_t next = end;  // the next row of cells, a few single-cell rows on
          while (next < rows.size() && next < end + kMaxSingleRows && rows[next].cells.size() < 2 &&
                 inside(rows[next]))
            ++next;
          if (next >= rows.size() || rows[next].cells.size() < 2) break;
        }
        ++end;
      }
      end = last_multi + 1;
      // The last company's comment lines ("- …") under the last row of cells.
      while (end < rows.size() && end < last_multi + 1 + kMaxSingleRows &&
             rows[end].cells.size() == 1 && rows[end].cells.front()->text.rfind("- ", 0) == 0 &&
             rows[end].cells.front()->bbox.x0 >= x0 - 2 &&
             rows[end].cells.front()->bbox.x1 <= x1 + 2 &&
             rows[end].top - rows[end - 1].bottom < 1.5 * rows[end].cells.front()->size)
        ++end;
      // A spanning header printed on a row of its own just above ("수익률 (%)" over
      // "1W 1Y") belongs to the table.
      while (r > 0 && !rows[r - 1].prose && rows[r - 1].cells.size() == 1 &&
             rows[r].top - rows[r - 1].bottom < 1.5 * rows[r - 1].cells.front()->size &&
             rows[r - 1].cells.front()->bbox.x0 >= x0 && rows[r - 1].cells.front()->bbox.x1 <= x1)
        --r;
      if (multi >= kMinRows && numeric >= 2) {
        std::string id = "t" + std::to_string(tables.size() + 1);
        Table t = build(rows, r, end, page, id);
        if (!is_grid(t)) {  // not a table after all: give its lines back to the text
          for (Line& l : page.lines)
            if (l.table == id) l.table.clear();
          r = std::max(end, r + 1);
          continue;
        }
        title_and_source(t, page);
        // Continued from the previous page: same columns, the previous table ended its page.
        if (!tables.empty() && tables.back().page == page.number - 1 &&
            same_columns(tables.back(), t)) {
          for (Line& l : page.lines)
            if (l.table == id) l.table = tables.back().id;
          auto& rows_before = tables.back().rows;
          rows_before.insert(rows_before.end(), t.rows.begin(), t.rows.end());
        } else {
          tables.push_back(std::move(t));
        }
      }
      r = std::max(end, r + 1);
    }
  }
  return tables;
}

}  // namespace kreport
