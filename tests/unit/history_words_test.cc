// Rating histories the tables stage's words finder (src/tables/history_words.cc) reads from a
// compliance page where the grid finder finds no history: across the page (Daishin, Hanwha,
// Samsung), beside a chart (Hana, Meritz), in two halves side by side (IBK, eBest). Pages
// built in memory, one per layout: first the finder on its own (a page of words in, a table
// out), then the history the meaning step reads from its tables.
#include <gtest/gtest.h>

#include <algorithm>

#include "builders.h"
#include "kreport/extract.h"
#include "kreport/tables.h"

using namespace kreport;
using test::line_of_words;
using test::WordAt;

namespace {

PageLines page(std::vector<Line> lines) {
  return test::page_lines(std::move(lines), 7);
}

// The history as the pipeline reads it: the tables stage, then the meaning step.
std::vector<RatingChange> history(const std::vector<PageLines>& pages) {
  TableSet set = find_tables(pages);
  set.tables.insert(set.tables.end(), set.history_readings.begin(), set.history_readings.end());
  return rating_history_of(set.tables);
}

// The tables of kind rating_history the words finder wrote (its last column is the note).
std::vector<Table> word_tables(const TableSet& set) {
  std::vector<Table> out;
  for (const Table& t : set.tables)
    if (t.kind == "rating_history" && !t.columns.empty() && t.columns.back().label == "비고")
      out.push_back(t);
  return out;
}

// One row of cells 60 pt apart from x = 100, under a label at x = 30.
Line grid_row(double y, const std::string& label, const std::vector<std::string>& cells) {
  std::vector<WordAt> words = {{label, 30, 30 + 8.0 * label.size() / 3}};
  for (size_t i = 0; i < cells.size(); ++i)
    if (!cells[i].empty()) words.push_back({cells[i], 100 + 60.0 * i, 140 + 60.0 * i});
  return line_of_words(y, words, true);
}

std::vector<std::string> dates(const std::vector<RatingChange>& h) {
  std::vector<std::string> out;
  for (const RatingChange& r : h) out.push_back(r.date.value_or("?"));
  return out;
}

}  // namespace

TEST(HistoryFromWords, AGridAcrossThePageCarriesTheYearOver) {
  // Samsung 2024-03-08: the year only on the first date of each year, prices without commas.
  auto p = page({line_of_words(40, {{"최근 2년간 투자의견 및 목표주가 변경", 30, 200}}, true),
                 grid_row(60, "일자", {"2022/7/7", "2023/1/9", "2/9", "9/26", "2024/3/8"}),
                 grid_row(72, "투자의견", {"BUY", "BUY", "BUY", "HOLD", "BUY"}),
                 grid_row(84, "TP(원)", {"35000", "38000", "42000", "48000", "57000"}),
                 grid_row(96, "괴리율(평균)", {"-18.83", "-8.71", "(13.19)", "-21.76"})});
  auto h = history({p});
  EXPECT_EQ(dates(h), (std::vector<std::string>{"2022-07-07", "2023-01-09", "2023-02-09",
                                                "2023-09-26", "2024-03-08"}));
  EXPECT_EQ(h[3].rating, "hold");
  EXPECT_EQ(h[3].target_price, 48000);
  EXPECT_EQ(h[2].gap_avg_pct, -13.19);
  EXPECT_FALSE(h[4].gap_avg_pct);
}

TEST(HistoryFromWords, BlocksOfAGridAndRowsWithNotesOnly) {
  // Hanwha: blocks of dates, each with its own label rows; a change of analyst prints a name
  // where the price stands, a change of rating scale nothing.
  auto p = page({line_of_words(40, {{"[ 투자의견 변동 내역 ]", 30, 150}}, true),
                 grid_row(60, "일시", {"2016.08.12", "2024.03.08"}),
                 grid_row(72, "투자의견", {"투자등급변경", "담당자변경"}),
                 grid_row(84, "목표가격", {"", "엄수진"}), grid_row(100, "일시", {"2024.03.08"}),
                 grid_row(112, "투자의견", {"Buy"}), grid_row(124, "목표가격", {"125,000"})});
  auto h = history({p});
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[0].note, "투자등급변경");
  EXPECT_FALSE(h[1].target_price);
  EXPECT_EQ(h[2].rating, "buy");
  EXPECT_EQ(h[2].target_price, 125000);
}

TEST(HistoryFromWords, RowsBesideAChartAndNotRated) {
  // Hana: two rows right of the price chart's axis labels; Not Rated with "-" for the price.
  auto p = page(
      {line_of_words(40, {{"투자의견 변동 내역 및 목표주가 괴리율", 30, 200}}, true),
       line_of_words(
           60,
           {{"12,000", 30, 60}, {"날짜", 300, 320}, {"투자의견", 360, 400}, {"목표주가", 430, 470}},
           true),
       line_of_words(72, {{"25.7.31", 300, 330}, {"BUY", 360, 380}, {"10,000", 430, 460}}, true),
       line_of_words(84,
                     {{"10,000", 30, 60},
                      {"25.2.17", 300, 330},
                      {"Not", 360, 375},
                      {"Rated", 377, 400},
                      {"-", 440, 444},
                      {"-", 480, 484}},
                     true)});
  auto h = history({p});
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].date, "2025-02-17");
  EXPECT_EQ(h[0].rating, "not_rated");
  EXPECT_FALSE(h[0].target_price);
  EXPECT_EQ(h[1].target_price, 10000);
}

TEST(HistoryFromWords, TwoHalvesSideBySide) {
  // IBK: each row holds two changes; a date without an opinion after it is none (eBest's
  // "2021.03.24 커버리지제외"), and a report type between date and opinion is passed (Meritz).
  auto row = [](double y, std::vector<WordAt> w) { return line_of_words(y, std::move(w), true); };
  auto p = page({row(40, {{"괴리율(%)", 30, 80}}),
                 row(60, {{"2019.05.10", 30, 75},
                          {"매수", 90, 105},
                          {"34,000", 120, 150},
                          {"-22.66", 160, 185},
                          {"-11.18", 195, 220},
                          {"2021.05.06", 300, 345},
                          {"매수", 360, 375},
                          {"134,000", 390, 425},
                          {"5.27", 435, 450}}),
                 row(72, {{"2021.03.24", 30, 75}, {"커버리지제외", 90, 140}}),
                 row(84, {{"2021.04.21", 30, 75},
                          {"산업분석", 90, 125},
                          {"Buy", 140, 155},
                          {"71,000", 170, 200}})});
  auto h = history({p});
  EXPECT_EQ(dates(h), (std::vector<std::string>{"2019-05-10", "2021-04-21", "2021-05-06"}));
  EXPECT_EQ(h[0].gap_extreme_pct, -11.18);
  EXPECT_EQ(h[1].target_price, 71000);
  EXPECT_EQ(h[2].target_price, 134000);
}

TEST(HistoryFromWords, PagesWithoutAHistoryTitleAreNotRead) {
  // Dated rows of an events table in a body page: no 괴리율, no 목표주가 변동.
  auto p = page(
      {line_of_words(60, {{"2021.04.21", 30, 75}, {"Buy", 90, 105}, {"71,000", 120, 150}}, true)});
  EXPECT_TRUE(history({p}).empty());
}

TEST(HistoryFromWords, AHistoryReadAsNothingIsAWarning) {
  // The title in the text, the grid a picture (or a layout no rule knows).
  auto p = page({line_of_words(40, {{"투자의견 변동 내역 및 목표주가 괴리율", 30, 200}}, true)});
  TableSet unread = find_tables({p});
  EXPECT_TRUE(rating_history_of(unread.tables).empty());
  ASSERT_EQ(unread.warnings.size(), 1u);
  EXPECT_EQ(unread.warnings[0].code, "HISTORY_UNREAD");
  EXPECT_EQ(unread.warnings[0].page, 7);
  // A history that was read: no warning.
  auto q = page(
      {line_of_words(40, {{"괴리율(%)", 30, 80}}, true),
       line_of_words(60, {{"2021.04.21", 30, 75}, {"Buy", 90, 105}, {"71,000", 120, 150}}, true)});
  EXPECT_EQ(history({q}).size(), 1u);
  EXPECT_TRUE(find_tables({q}).warnings.empty());
}

TEST(HistoryFromWords, AHistorySplitOverTwoPagesIsReadOnBoth) {
  // Issue 33: the table starts at the foot of the notice's page (its title, its header and
  // one row) and goes on at the top of the next page with no title or header of its own.
  auto row = [](double y, const std::string& date, const std::string& rating,
                const std::string& price, const std::string& gap) {
    return line_of_words(
        y, {{date, 40, 80}, {rating, 110, 140}, {price, 170, 210}, {gap, 240, 270}}, true);
  };
  PageLines first = test::page_lines(
      {line_of_words(700, {{"투자의견 변동내역 및 목표주가 괴리율", 40, 200}}, true),
       line_of_words(720,
                     {{"일자", 40, 60},
                      {"투자의견", 110, 140},
                      {"목표주가", 170, 210},
                      {"괴리율(%)", 240, 280}},
                     true),
       row(740, "2025.06.12", "Buy", "60,000", "")},
      5);
  PageLines next = test::page_lines({row(60, "2025.03.10", "Buy", "55,000", "-12.4"),
                                     row(74, "2024.11.08", "Hold", "48,000", "-5.1"),
                                     row(88, "2024.06.20", "Hold", "50,000", "-8.8"),
                                     row(102, "2023.09.18", "Buy", "71,000", "-30.2")},
                                    6);
  auto h = history({first, next});
  EXPECT_EQ(dates(h), (std::vector<std::string>{"2023-09-18", "2024-06-20", "2024-11-08",
                                                "2025-03-10", "2025-06-12"}));
  EXPECT_EQ(h.front().target_price, 71000);
  EXPECT_EQ(h.back().target_price, 60000);
  // A page of dated rows after a page that prints no history is not one.
  PageLines prose = test::page_lines({line_of_words(60, {{"본문", 40, 80}}, true)}, 5);
  EXPECT_TRUE(history({prose, next}).empty());
}

// ---- the finder on its own: a page of words in, a table out ----

TEST(HistoryWordsFinder, AGridAcrossThePageIsATableOfChangesThatTakesItsLines) {
  auto p = page({line_of_words(40, {{"최근 2년간 투자의견 및 목표주가 변경", 30, 200}}, true),
                 grid_row(60, "일자", {"2023/1/9", "2/9", "2024/3/8"}),
                 grid_row(72, "투자의견", {"BUY", "HOLD", "BUY"}),
                 grid_row(84, "TP(원)", {"38000", "42000", "57000"}),
                 grid_row(96, "괴리율(평균)", {"-8.71", "(13.19)"})});
  TableSet set = find_tables({p});
  std::vector<Table> found = word_tables(set);
  ASSERT_EQ(found.size(), 1u);
  const Table& t = found[0];
  EXPECT_EQ(t.page, 7);
  std::vector<std::string> labels;
  for (const Column& c : t.columns) labels.push_back(c.label);
  EXPECT_EQ(labels,
            (std::vector<std::string>{"일자", "투자의견", "목표주가(원)", "괴리율(%) / 평균",
                                      "괴리율(%) / 최고(최저)", "비고"}));
  ASSERT_EQ(t.rows.size(), 3u);
  // One row a change: the date as ISO (the year carried over decided here), the opinion as
  // printed, the price and the gap as numbers, each with the box it was printed in.
  EXPECT_EQ(t.rows[1][0], Cell(std::string("2023-02-09")));
  EXPECT_EQ(t.rows[1][1], Cell(std::string("HOLD")));
  EXPECT_EQ(t.rows[1][2], Cell(42000.0));
  EXPECT_EQ(t.rows[1][3], Cell(-13.19));
  EXPECT_EQ(t.rows[2][3], Cell());
  ASSERT_TRUE(t.boxes[1][2].has_value());
  EXPECT_EQ(t.boxes[1][2]->bbox.x0, 160);  // the second column of cells, 60 pt on
  EXPECT_FALSE(t.boxes[2][3].has_value());
  // The grid's lines (labels too) are the table's, so they leave the prose; the title is not.
  ASSERT_EQ(set.placed.size(), 1u);
  auto placed = std::find_if(set.placed[0].begin(), set.placed[0].end(),
                             [&](const PlacedTable& pt) { return pt.id == t.id; });
  ASSERT_NE(placed, set.placed[0].end());
  std::vector<size_t> lines = placed->lines;
  std::sort(lines.begin(), lines.end());
  EXPECT_EQ(lines, (std::vector<size_t>{1, 2, 3, 4}));
}

TEST(HistoryWordsFinder, ANoteIsItsOwnColumnAndReadBackAsANote) {
  // Hanwha: words where an opinion stands that name no rating ("투자등급변경").
  auto p = page({line_of_words(40, {{"[ 투자의견 변동 내역 ]", 30, 150}}, true),
                 grid_row(60, "일시", {"2016.08.12", "2024.03.08"}),
                 grid_row(72, "투자의견", {"투자등급변경", "Buy"}),
                 grid_row(84, "목표가격", {"", "125,000"})});
  std::vector<Table> found = word_tables(find_tables({p}));
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].rows.size(), 2u);
  EXPECT_EQ(found[0].rows[0][1], Cell());
  EXPECT_EQ(found[0].rows[0][5], Cell(std::string("투자등급변경")));
  std::vector<RatingChange> h = rating_history_of(found);
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].note, "투자등급변경");
  EXPECT_FALSE(h[0].rating_text);
}

TEST(HistoryWordsFinder, AChangeAGridHoldsIsNotReadAgain) {
  // A history the grid finder types rating_history from its header (cells drawn apart, no
  // spaces between them): the words finder reads the same rows (dated, rated, priced) and
  // writes no second table of them.
  auto row = [](double y, const std::string& date, const std::string& price,
                const std::string& gap) {
    return line_of_words(y, {{date, 40, 80}, {"Buy", 110, 140}, {price, 170, 210}, {gap, 240, 270}},
                         false);
  };
  auto p =
      page({line_of_words(40, {{"투자의견 변동내역 및 목표주가 괴리율", 40, 200}}, true),
            line_of_words(60,
                          {{"일자", 40, 60},
                           {"투자의견", 110, 140},
                           {"목표주가", 170, 210},
                           {"괴리율(%)", 240, 280}},
                          false),
            row(74, "2023.09.18", "71,000", "-30.2"), row(88, "2024.06.20", "50,000", "-8.8"),
            row(102, "2024.11.08", "48,000", "-5.1"), row(116, "2025.03.10", "55,000", "-12.4")});
  TableSet set = find_tables({p});
  EXPECT_TRUE(word_tables(set).empty());
  ASSERT_EQ(std::count_if(set.tables.begin(), set.tables.end(),
                          [](const Table& t) { return t.kind == "rating_history"; }),
            1);
  EXPECT_EQ(dates(rating_history_of(set.tables)),
            (std::vector<std::string>{"2023-09-18", "2024-06-20", "2024-11-08", "2025-03-10"}));
}

TEST(HistoryWordsFinder, AHistoryOverAGridsLinesIsAReadingNotASecondTable) {
  // Rows a grid took with no header that names a date column (the history's second page, a
  // grid across the page): the words finder reads them, but a line belongs to one table, so
  // its reading stays beside the tables for the meaning step and out of the record.
  auto row = [](double y, const std::string& date, const std::string& price) {
    return line_of_words(
        y, {{date, 40, 80}, {"Buy", 110, 140}, {price, 170, 210}, {"-10.5", 240, 270}}, false);
  };
  auto p = page({line_of_words(20, {{"투자의견 변동내역 및 목표주가 괴리율", 40, 200}}, true),
                 line_of_words(40, {{"본문", 40, 80}}, true), row(74, "2023.09.18", "71,000"),
                 row(88, "2024.06.20", "50,000"), row(102, "2024.11.08", "48,000")});
  TableSet set = find_tables({p});
  ASSERT_FALSE(set.tables.empty());  // the grid
  EXPECT_TRUE(word_tables(set).empty());
  ASSERT_EQ(set.history_readings.size(), 1u);
  EXPECT_EQ(set.history_readings[0].rows.size(), 3u);
  EXPECT_EQ(dates(history({p})),
            (std::vector<std::string>{"2023-09-18", "2024-06-20", "2024-11-08"}));
}
