// Rating histories read from a compliance page's words where the tables stage finds no grid:
// across the page (Daishin, Hanwha, Samsung), beside a chart (Hana, Meritz), in two halves
// side by side (IBK, eBest). Pages built in memory, one per layout.
#include <gtest/gtest.h>

#include "builders.h"
#include "kreport/extract.h"

using namespace kreport;
using test::line_of_words;
using test::WordAt;

namespace {

PageLayout page(std::vector<Line> lines) {
  return test::laid_out(std::move(lines), 7);
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
  auto h = rating_history_of({}, {p});
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
  auto h = rating_history_of({}, {p});
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
  auto h = rating_history_of({}, {p});
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
  auto h = rating_history_of({}, {p});
  EXPECT_EQ(dates(h), (std::vector<std::string>{"2019-05-10", "2021-04-21", "2021-05-06"}));
  EXPECT_EQ(h[0].gap_extreme_pct, -11.18);
  EXPECT_EQ(h[1].target_price, 71000);
  EXPECT_EQ(h[2].target_price, 134000);
}

TEST(HistoryFromWords, PagesWithoutAHistoryTitleAreNotRead) {
  // Dated rows of an events table in a body page: no 괴리율, no 목표주가 변동.
  auto p = page(
      {line_of_words(60, {{"2021.04.21", 30, 75}, {"Buy", 90, 105}, {"71,000", 120, 150}}, true)});
  EXPECT_TRUE(rating_history_of({}, {p}).empty());
}

TEST(HistoryFromWords, AHistoryReadAsNothingIsAWarning) {
  // The title in the text, the grid a picture (or a layout no rule knows).
  auto p = page({line_of_words(40, {{"투자의견 변동 내역 및 목표주가 괴리율", 30, 200}}, true)});
  Diagnostics diag;
  EXPECT_TRUE(rating_history_of({}, {p}, &diag).empty());
  ASSERT_TRUE(diag.has("HISTORY_UNREAD"));
  EXPECT_EQ(diag.warnings()[0].page, 7);
  // A history that was read: no warning.
  Diagnostics read;
  auto q = page(
      {line_of_words(40, {{"괴리율(%)", 30, 80}}, true),
       line_of_words(60, {{"2021.04.21", 30, 75}, {"Buy", 90, 105}, {"71,000", 120, 150}}, true)});
  EXPECT_EQ(rating_history_of({}, {q}, &read).size(), 1u);
  EXPECT_FALSE(read.has("HISTORY_UNREAD"));
}

TEST(HistoryFromWords, AHistorySplitOverTwoPagesIsReadOnBoth) {
  // Issue 33: the table starts at the foot of the notice's page (its title, its header and
  // one row) and goes on at the top of the next page with no title or header of its own.
  auto row = [](double y, const std::string& date, const std::string& rating,
                const std::string& price, const std::string& gap) {
    return line_of_words(
        y, {{date, 40, 80}, {rating, 110, 140}, {price, 170, 210}, {gap, 240, 270}}, true);
  };
  PageLayout first =
      test::laid_out({line_of_words(700, {{"투자의견 변동내역 및 목표주가 괴리율", 40, 200}}, true),
                      line_of_words(720,
                                    {{"일자", 40, 60},
                                     {"투자의견", 110, 140},
                                     {"목표주가", 170, 210},
                                     {"괴리율(%)", 240, 280}},
                                    true),
                      row(740, "2025.06.12", "Buy", "60,000", "")},
                     5);
  PageLayout next = test::laid_out({row(60, "2025.03.10", "Buy", "55,000", "-12.4"),
                                    row(74, "2024.11.08", "Hold", "48,000", "-5.1"),
                                    row(88, "2024.06.20", "Hold", "50,000", "-8.8"),
                                    row(102, "2023.09.18", "Buy", "71,000", "-30.2")},
                                   6);
  auto h = rating_history_of({}, {first, next});
  EXPECT_EQ(dates(h), (std::vector<std::string>{"2023-09-18", "2024-06-20", "2024-11-08",
                                                "2025-03-10", "2025-06-12"}));
  EXPECT_EQ(h.front().target_price, 71000);
  EXPECT_EQ(h.back().target_price, 60000);
  // A page of dated rows after a page that prints no history is not one.
  PageLayout prose = test::laid_out({line_of_words(60, {{"본문", 40, 80}}, true)}, 5);
  EXPECT_TRUE(rating_history_of({}, {prose, next}).empty());
}
