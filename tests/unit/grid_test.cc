// Table grids from synthetic lines: cells cut at gaps, headers spanning columns, group
// labels carried to their rows, cells over two lines, units, the rating history.
#include <gtest/gtest.h>

#include "builders.h"
#include "kreport/extract.h"

using namespace kreport;

namespace {

constexpr double kSize = 8;

using test::WordAt;

// One line per cell, all on the baseline `y` (what the layout gives for separate runs).
std::vector<Line> row(double y, std::vector<WordAt> cells) {
  std::vector<Line> out;
  for (WordAt& c : cells) out.push_back(test::line(c.text, c.x0, y, c.x1, kSize));
  return out;
}

// One line made of words; `spaced` says whether the PDF put a space after each.
Line words(double y, std::vector<WordAt> ws, bool spaced) {
  return test::line_of_words(y, std::move(ws), spaced, kSize);
}

std::vector<PageLines> page(std::vector<std::vector<Line>> rows) {
  std::vector<Line> lines;
  for (auto& r : rows)
    for (Line& l : r) lines.push_back(std::move(l));
  return {test::page_lines(std::move(lines))};
}

std::string text(const Cell& c) {
  return std::get<std::string>(c);
}
double number(const Cell& c) {
  return std::get<double>(c);
}

}  // namespace

TEST(Grid, LinesAreCutIntoCellsWhereAWordEndsWithoutASpaceBeforeAGap) {
  std::vector<PageLines> pages = page({
      row(100, {{"종목", 40, 60}, {"주가", 120, 140}, {"시가총액", 160, 190}}),
      {words(112, {{"애플", 40, 55}, {"228.22", 118, 140}, {"4,815.0", 160, 190}}, false)},
      {words(124, {{"알파벳", 40, 62}, {"178.35", 118, 140}, {"3,063.4", 160, 190}}, false)},
      {words(136, {{"메타", 40, 55}, {"580.00", 118, 140}, {"2,046.3", 160, 190}}, false)},
  });
  auto tables = test::tables_in(pages);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(tables[0].columns.size(), 3u);
  ASSERT_EQ(tables[0].rows.size(), 3u);
  EXPECT_EQ(text(tables[0].rows[1][0]), "알파벳");
  EXPECT_EQ(number(tables[0].rows[1][1]), 178.35);
  EXPECT_EQ(number(tables[0].rows[1][2]), 3063.4);
}

TEST(Grid, JustifiedTextIsNeverCut) {
  // Evenly stretched spaces (0.6 em) between words, each with its space: a sentence.
  std::vector<PageLines> pages;
  std::vector<std::vector<Line>> lines;
  for (int i = 0; i < 4; ++i)
    lines.push_back({words(100 + 12 * i,
                           {{"매출액은", 40, 70},
                            {"1,227억원으로", 75, 120},
                            {"전년", 125, 140},
                            {"대비", 145, 160},
                            {"29%", 165, 180},
                            {"감소했다", 185, 215}},
                           true)});
  pages = page(lines);
  EXPECT_TRUE(test::tables_in(pages).empty());
}

TEST(Grid, HeaderOverSeveralColumnsLabelsEachAndRowspanHeadersTheirOwn) {
  // 기업명 and 시가총액 span both header lines (printed between them); 기간별 수익률(%)
  // is centred over 1W 1M 3M.
  std::vector<PageLines> pages = page({
      row(100, {{"기간별 수익률(%)", 180, 240}}),
      row(106, {{"기업명", 40, 62}, {"시가총액 (조원)", 110, 160}}),
      row(112, {{"1W", 180, 190}, {"1M", 205, 215}, {"3M", 230, 240}}),
      row(126, {{"애플", 40, 55},
                {"4,815.0", 130, 160},
                {"-0.4", 178, 190},
                {"-1.6", 203, 215},
                {"4.2", 230, 240}}),
      row(138, {{"알파벳", 40, 62},
                {"3,063.4", 130, 160},
                {"-1.9", 178, 190},
                {"8.4", 205, 215},
                {"10.2", 226, 240}}),
      row(150, {{"메타", 40, 55},
                {"2,046.3", 130, 160},
                {"-1.5", 178, 190},
                {"0.6", 205, 215},
                {"8.1", 230, 240}}),
  });
  auto tables = test::tables_in(pages);
  ASSERT_EQ(tables.size(), 1u);
  const auto& c = tables[0].columns;
  ASSERT_EQ(c.size(), 5u);
  EXPECT_EQ(c[0].label, "기업명");
  EXPECT_EQ(c[1].label, "시가총액 (조원)");
  EXPECT_EQ(c[1].unit, "조원");
  EXPECT_EQ(c[2].label, "기간별 수익률(%) / 1W");
  EXPECT_EQ(c[3].label, "기간별 수익률(%) / 1M");
  EXPECT_EQ(c[4].label, "기간별 수익률(%) / 3M");
  EXPECT_EQ(c[4].unit, "%");
  EXPECT_EQ(tables[0].kind, "peer_table");
}

TEST(Grid, GroupLabelPrintedOnceIsCarriedToItsRows) {
  // 빅테크 spans two rows (printed between them), 반도체 three (printed on the middle one).
  std::vector<PageLines> pages = page({
      row(100, {{"구분", 40, 60}, {"기업명", 80, 100}, {"주가", 150, 170}}),
      row(112, {{"애플", 80, 95}, {"228.22", 148, 170}}),
      row(118, {{"빅테크", 40, 62}}),
      row(124, {{"메타", 80, 95}, {"580.00", 148, 170}}),
      row(136, {{"엔비디아", 80, 110}, {"146.27", 148, 170}}),
      row(148, {{"반도체", 40, 62}, {"AMD", 80, 95}, {"138.84", 148, 170}}),
      row(160, {{"마이크론", 80, 110}, {"100.86", 148, 170}}),
  });
  auto tables = test::tables_in(pages);
  ASSERT_EQ(tables.size(), 1u);
  const auto& rows = tables[0].rows;
  ASSERT_EQ(rows.size(), 5u);
  std::vector<std::string> groups;
  for (const auto& r : rows) groups.push_back(text(r[0]));
  EXPECT_EQ(groups, (std::vector<std::string>{"빅테크", "빅테크", "반도체", "반도체", "반도체"}));
  EXPECT_EQ(text(rows[3][1]), "AMD");
}

TEST(Grid, CellOverTwoLinesIsOneCell) {
  // Rows 20 apart; the second line of a cell 11 under the first.
  std::vector<PageLines> pages = page({
      row(100, {{"일", 40, 50}, {"월", 100, 110}, {"화", 160, 170}}),
      row(120, {{"10", 40, 50}, {"11", 100, 110}, {"12", 160, 170}}),
      row(131, {{"(위스트론) 실적발표", 100, 150}}),
      row(151, {{"17", 40, 50}, {"18", 100, 110}, {"19", 160, 170}}),
      row(171, {{"24", 40, 50}, {"25", 100, 110}, {"26", 160, 170}}),
  });
  auto tables = test::tables_in(pages);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(tables[0].rows.size(), 3u);
  EXPECT_EQ(text(tables[0].rows[0][1]), "11 (위스트론) 실적발표");
  EXPECT_EQ(number(tables[0].rows[1][1]), 18);
}

TEST(Grid, ValuesWithDifferentUnitsStayAsPrinted) {
  std::vector<PageLines> pages = page({
      row(100, {{"항목", 40, 60}, {"값", 150, 170}, {"비중", 200, 220}}),
      row(112, {{"KOSPI", 40, 60}, {"2,417.08pt", 130, 170}, {"12.5%", 200, 220}}),
      row(124, {{"시가총액", 40, 70}, {"431,616억원", 130, 170}, {"(3.4)", 200, 220}}),
      row(136, {{"주식수", 40, 70}, {"5,969", 150, 170}, {"4.0%", 200, 220}}),
  });
  auto tables = test::tables_in(pages);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0];
  EXPECT_EQ(text(t.rows[0][1]), "2,417.08pt");
  EXPECT_EQ(number(t.rows[2][1]), 5969);
  EXPECT_FALSE(t.columns[1].unit);
  EXPECT_EQ(number(t.rows[1][2]), -3.4);  // (3.4) is negative
  EXPECT_EQ(t.columns[2].unit, "%");
}

TEST(Grid, RatingHistoryTableBecomesRatingChangesOldestFirst) {
  Table t;
  t.id = "t1";
  t.kind = "rating_history";
  for (const char* label : {"일자", "투자의견", "목표주가", "목표가격 / 대상시점",
                            "괴리율(%) / 평균 / 주가대비", "괴리율(%) / 최고(최저) / 주가대비"})
    t.columns.push_back({"", label, std::nullopt, ""});
  t.rows = {
      {std::string("2024.10.08"), std::string("매수"), 95000.0, std::string("12개월"), -25.31,
       -22.42},
      {std::string("2023.01.10"), std::string("BUY(Maintain)"), 75000.0, std::string("6개월"),
       -18.52, -13.2},
      {std::string("2024.11.14"), std::string("Hold"), std::string("95,000원"), Cell{}, Cell{},
       Cell{}},
  };
  auto h = rating_history_of({t});
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[0].date, "2023-01-10");
  EXPECT_EQ(h[0].rating, "buy");
  EXPECT_EQ(h[0].rating_text, "BUY(Maintain)");
  EXPECT_EQ(h[0].target_price, 75000);
  EXPECT_EQ(h[0].gap_avg_pct, -18.52);
  EXPECT_EQ(h[0].gap_extreme_pct, -13.2);
  EXPECT_EQ(h[2].rating, "hold");
  EXPECT_EQ(h[2].target_price, 95000);  // "95,000원" read as won
  EXPECT_FALSE(h[2].gap_avg_pct);
}

// iM: the grid's header lines were kept as its first rows, under columns without labels.
TEST(Grid, RatingHistoryHeaderKeptAsRowsLabelsTheColumns) {
  Table t;
  t.id = "t8";
  t.kind = "rating_history";
  for (const char* label : {"", "", "", "괴리율", ""})
    t.columns.push_back({"", label, std::nullopt, ""});
  t.rows = {
      {std::string("일자"), std::string("투자의견"), std::string("목표주가"), Cell{}, Cell{}},
      {Cell{}, Cell{}, Cell{}, std::string("평균주가대비"), std::string("최고(최저)주가대비")},
      {std::string("2023-01-10"), std::string("Buy"), 530000.0, -35.0, -33.5},
      {std::string("2023-02-14"), std::string("Buy"), 500000.0, -36.1, -33.8},
  };
  auto h = rating_history_of({t});
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[1].date, "2023-02-14");
  // eBest prints "목표" over "가격": one word over two header lines.
  t.rows[0][2] = std::string("목표");
  t.rows[1][2] = std::string("가격");
  EXPECT_EQ(rating_history_of({t})[1].target_price, 500000);
  EXPECT_EQ(h[1].rating, "buy");
  EXPECT_EQ(h[1].target_price, 500000);
  EXPECT_EQ(h[1].gap_avg_pct, -36.1);
  EXPECT_EQ(h[1].gap_extreme_pct, -33.8);
}

TEST(Grid, DollarsAndRatiosInOneColumnStayAsPrinted) {
  std::vector<PageLines> pages = page({
      row(100, {{"항목", 40, 60}, {"NVL72", 150, 170}, {"CM384", 200, 220}}),
      row(112, {{"시스템 비용", 40, 80}, {"$3M", 150, 170}, {"$8.2M", 200, 220}}),
      row(124, {{"배수", 40, 60}, {"1.0x", 150, 170}, {"2.7x", 200, 220}}),
      row(136, {{"기간", 40, 60}, {"$1.5M", 150, 170}, {"$2M", 200, 220}}),
  });
  auto tables = test::tables_in(pages);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0];
  EXPECT_EQ(text(t.rows[1][1]), "1.0x");  // another unit in the same column: as printed
  EXPECT_EQ(text(t.rows[0][1]), "$3M");
  EXPECT_FALSE(t.columns[1].unit);
}

TEST(Grid, AColumnOfDollarsInMillionsHasTheUnitDollarMillions) {
  std::vector<PageLines> pages = page({
      row(100, {{"항목", 40, 60}, {"NVL72", 150, 170}}),
      row(112, {{"시스템 비용", 40, 80}, {"$3M", 150, 170}}),
      row(124, {{"라이선스", 40, 70}, {"$8.2M", 150, 170}}),
      row(136, {{"기타", 40, 60}, {"$1M", 150, 170}}),
  });
  auto tables = test::tables_in(pages);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(number(tables[0].rows[1][1]), 8.2);
  EXPECT_EQ(tables[0].columns[1].unit, "$M");
}

TEST(Grid, NumbersOneSpaceApartAreTwoCells) {
  // Eugene p1: a column too narrow for its numbers leaves a space between them.
  std::vector<PageLines> pages = page({
      row(100,
          {{"(십억원)", 40, 80}, {"2023A", 120, 145}, {"2024A", 150, 175}, {"2025E", 180, 205}}),
      {words(
          112,
          {{"매출액", 40, 65}, {"258,935", 118, 146}, {"300,871", 148, 176}, {"309,393", 178, 206}},
          true)},
      {words(
          124,
          {{"영업이익", 40, 72}, {"6,567", 126, 146}, {"32,726", 152, 176}, {"26,763", 182, 206}},
          true)},
  });
  auto tables = test::tables_in(pages);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(tables[0].columns.size(), 4u);
  EXPECT_EQ(tables[0].columns[2].label, "2024A");
  EXPECT_EQ(number(tables[0].rows[0][2]), 300871);
  EXPECT_EQ(number(tables[0].rows[1][3]), 26763);
}

TEST(Grid, ASidebarBesideTheAnnualSummaryIsATableOfItsOwn) {
  // SK p1: Stock Data rows on the left share their baselines with the summary's rows.
  auto side = [](const char* label, const char* value) {
    return std::vector<WordAt>{{label, 30, 90}, {value, 130, 170}};
  };
  auto both = [&](double y, std::vector<WordAt> left, std::vector<WordAt> right) {
    std::vector<Line> out = row(y, std::move(left));
    for (Line& l : row(y, std::move(right))) out.push_back(std::move(l));
    return out;
  };
  std::vector<PageLines> pages = page({
      both(100, side("KOSPI", "2916.38 pt"),
           {{"구분", 220, 240},
            {"단위", 260, 280},
            {"2019", 320, 340},
            {"2020", 370, 390},
            {"2021E", 420, 445}}),
      both(112, side("52주 최고가", "219,500 원"),
           {{"매출액", 220, 245},
            {"억원", 260, 280},
            {"107,196", 312, 340},
            {"110,174", 362, 390},
            {"128,696", 417, 445}}),
      both(124, side("52주 최저가", "150,000 원"),
           {{"영업이익", 220, 250},
            {"억원", 260, 280},
            {"9,901", 320, 340},
            {"8,716", 370, 390},
            {"9,953", 425, 445}}),
      both(136, side("60일 평균 거래대금", "182 억원"),
           {{"EPS", 220, 235},
            {"원", 260, 270},
            {"9,518", 320, 340},
            {"5,731", 370, 390},
            {"9,262", 425, 445}}),
  });
  auto tables = test::tables_in(pages);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(text(tables[0].rows[1][0]), "52주 최고가");
  ASSERT_EQ(tables[1].columns.size(), 5u);
  EXPECT_EQ(tables[1].columns[3].label, "2020");
  EXPECT_EQ(number(tables[1].rows[1][3]), 8716);
  // The unit column between label and years gives the estimates their unit.
  auto est = estimates_of(tables);
  auto op = std::find_if(est.begin(), est.end(), [](const Estimate& e) {
    return e.metric == "operating_profit" && e.fiscal_year == 2020;
  });
  ASSERT_NE(op, est.end());
  EXPECT_EQ(op->value, 8716);
  EXPECT_EQ(op->unit, "억원");
}

TEST(Grid, AHistoryAcrossThePageHasItsLabelsDownTheFirstColumn) {
  // Samsung: a row of dates under "일 자", then opinions and prices; no header row.
  std::vector<PageLines> pages = page({
      row(100, {{"일 자", 40, 60}, {"2023/1/9", 100, 130}, {"2/9", 150, 162}, {"9/26", 190, 206}}),
      row(112, {{"투자의견", 40, 72}, {"BUY", 104, 120}, {"BUY", 146, 162}, {"HOLD", 186, 206}}),
      row(124,
          {{"TP (원)", 40, 66}, {"43000", 104, 126}, {"42000", 146, 166}, {"48000", 186, 206}}),
      row(136, {{"괴리율 (평균)", 40, 80},
                {"-27.95", 104, 126},
                {"-13.19", 146, 166},
                {"-21.76", 186, 206}}),
  });
  auto tables = test::tables_in(pages);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].columns[1].label, "");
  ASSERT_EQ(tables[0].rows.size(), 4u);
  EXPECT_EQ(text(tables[0].rows[0][2]), "2/9");
  EXPECT_EQ(number(tables[0].rows[2][3]), 48000);
}
