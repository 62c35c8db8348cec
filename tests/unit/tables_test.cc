#include <gtest/gtest.h>

#include "builders.h"
#include "kreport/extract.h"

using namespace kreport;

namespace {

Line cell(std::string text, double x0, double y0, double x1) {
  return test::line(std::move(text), x0, y0, x1, 8);
}

PageLines page_of(std::vector<Line> lines) {
  return test::page_lines(std::move(lines));
}

}  // namespace

TEST(Tables, FinancialSummaryBecomesATypedGrid) {
  std::vector<PageLines> pages = {page_of({
      cell("투자지표", 40, 80, 80),
      cell("결산기(12월)", 40, 100, 90),
      cell("2023A", 200, 100, 230),
      cell("2024F", 260, 100, 290),
      cell("매출액", 40, 112, 70),
      cell("258,935", 195, 112, 230),
      cell("301,200", 255, 112, 290),
      cell("영업이익", 40, 124, 75),
      cell("6,567", 205, 124, 230),
      cell("32,800", 258, 124, 290),
      cell("ROE(%)", 40, 136, 70),
      cell("(3.4)", 210, 136, 230),
      cell("12.5%", 260, 136, 290),
      cell("자료: 키움증권 리서치센터", 40, 150, 150),
  })};
  TableSet found = find_tables(pages);
  const std::vector<Table>& tables = found.tables;
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0];
  EXPECT_EQ(t.kind, "financials");
  ASSERT_EQ(t.columns.size(), 3u);
  EXPECT_EQ(t.columns[0].label, "결산기(12월)");
  EXPECT_EQ(t.columns[1].label, "2023A");
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(std::get<std::string>(t.rows[0][0]), "매출액");
  EXPECT_EQ(std::get<double>(t.rows[0][1]), 258935);
  EXPECT_EQ(std::get<double>(t.rows[2][1]), -3.4);  // (3.4) is negative
  EXPECT_EQ(std::get<double>(t.rows[2][2]), 12.5);
  EXPECT_EQ(t.source, "키움증권 리서치센터");
  // Its lines are the table's now; the title line above is not.
  ASSERT_EQ(found.placed[0].size(), 1u);
  const PlacedTable& placed = found.placed[0][0];
  EXPECT_EQ(placed.id, "t1");
  EXPECT_NE(std::find(placed.lines.begin(), placed.lines.end(), 1u), placed.lines.end());
  EXPECT_EQ(std::find(placed.lines.begin(), placed.lines.end(), 0u), placed.lines.end());
}

TEST(Tables, ProseIsNoTable) {
  std::vector<PageLines> pages = {page_of({
      cell("2분기 영업이익은 4.6조원으로 컨센서스 대비 부진했다.", 40, 100, 500),
      cell("메모리반도체의 경우 범용 제품 판매는 견조했다.", 40, 114, 480),
      cell("하반기에는 좋은 주식으로 거듭날 가능성이 있다.", 40, 128, 470),
  })};
  EXPECT_TRUE(test::tables_in(pages).empty());
}

TEST(Tables, PeerTableRowsBecomePeersWithTheirComments) {
  // SK style (seed 000): company row, then its comment lines.
  std::vector<PageLines> pages = {page_of({
      cell("종목 (티커)", 45, 188, 130),
      cell("시가총액(B, $)", 200, 188, 260),
      cell("1W", 284, 188, 297),
      cell("1Y", 320, 188, 331),
      cell("엔비디아 (NVDA)", 45, 214, 106),
      cell("4,282", 249, 214, 271),
      cell("1.0", 292, 214, 304),
      cell("69.2", 324, 214, 341),
      cell("- 추론 시대 본격화로 GPU 사용량 증가 지속, Test time scaling 확산으로 훈련 수요도 견조",
           45, 231, 331),
      cell("마이크로소프트 (MSFT)", 45, 261, 126),
      cell("3,809", 249, 261, 271),
      cell("0.3", 292, 261, 304),
      cell("21.2", 324, 261, 341),
      cell("아마존 (AMZN)", 45, 308, 100),
      cell("2,452", 249, 308, 271),
      cell("-0.5", 289, 308, 304),
      cell("27.1", 324, 308, 341),
      cell("- 물류센터 추가 건설을 통한 배송 최적화 진행, AWS는 비용 효율화가 우선 과제입니다", 45,
           325, 300),
  })};
  pages[0].width = 400;  // so the comment lines are running text across the table
  auto tables = test::tables_in(pages);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].kind, "peer_table");
  EXPECT_EQ(tables[0].columns[1].unit, "B, $");
  auto peers = peers_of(tables);
  ASSERT_EQ(peers.size(), 3u);
  EXPECT_EQ(peers[0].name, "엔비디아");
  EXPECT_EQ(peers[0].ticker, "NVDA");
  EXPECT_EQ(peers[0].market_cap->value, 4282);
  ASSERT_EQ(peers[0].returns.size(), 2u);
  EXPECT_EQ(peers[0].returns[1].first, "1Y");
  EXPECT_EQ(peers[0].returns[1].second, 69.2);
  EXPECT_EQ(peers[0].comment,
            "추론 시대 본격화로 GPU 사용량 증가 지속, Test time scaling 확산으로 훈련 수요도 견조");
  EXPECT_FALSE(peers[1].comment);
  EXPECT_EQ(peers[2].returns[0].second, -0.5);
  EXPECT_TRUE(peers[2].comment);  // the last company's comment, under the last row
}

// Issue 33: annual tables of layouts not seen before.
TEST(Tables, AYearAndMonthHeaderIsAHeaderNotARowOfValues) {
  // `2023.12 2024.12 2025.12E 2026.12E` reads as numbers; it is a December year's header.
  std::vector<PageLines> pages = {page_of({
      cell("(십억원)", 40, 100, 80),
      cell("2023.12", 200, 100, 230),
      cell("2024.12", 250, 100, 280),
      cell("2025.12E", 300, 100, 335),
      cell("매출액(십억원)", 40, 112, 100),
      cell("1,234.5", 200, 112, 230),
      cell("1,301.2", 250, 112, 280),
      cell("1,402.0", 300, 112, 335),
      cell("영업이익(십억원)", 40, 124, 105),
      cell("101.1", 200, 124, 230),
      cell("110.2", 250, 124, 280),
      cell("125.0", 300, 124, 335),
      cell("EPS(원)", 40, 136, 70),
      cell("2,345", 200, 136, 230),
      cell("2,501", 250, 136, 280),
      cell("2,800", 300, 136, 335),
  })};
  std::vector<Table> tables = test::tables_in(pages);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(tables[0].columns.size(), 4u);
  EXPECT_EQ(tables[0].columns[3].label, "2025.12E");
  ASSERT_EQ(tables[0].rows.size(), 3u);
  EXPECT_EQ(std::get<std::string>(tables[0].rows[0][0]), "매출액(십억원)");
  // Estimates read the labelled year and the unit the row label carries.
  tables[0].kind = "financials";
  std::vector<Estimate> est = estimates_of(tables);
  auto revenue = std::find_if(est.begin(), est.end(), [](const Estimate& e) {
    return e.metric == "revenue" && e.fiscal_year == 2025;
  });
  ASSERT_NE(revenue, est.end());
  EXPECT_EQ(revenue->value, 1402.0);
  EXPECT_EQ(revenue->kind, "forecast");
  EXPECT_EQ(revenue->unit, "십억원");
}

TEST(Tables, AChartsAxisAboveTheAnnualSummaryIsNotItsHeader) {
  // A sidebar: a price chart's ticks (numbers, no labels) right above `투자지표 2023 2024 …`,
  // cut as one grid by the rows. The summary keeps its row of years as its header.
  std::vector<Line> lines;
  for (int i = 0; i < 5; ++i) {
    lines.push_back(cell(std::to_string(20 - 4 * i), 45, 100 + 12.0 * i, 55));
    lines.push_back(cell(std::to_string(140 - 20 * i), 150, 100 + 12.0 * i, 162));
  }
  std::vector<std::vector<std::string>> rows = {{"투자지표", "2023", "2024", "2025F"},
                                                {"매출액", "2,993.5", "3,213.7", "3,359.2"},
                                                {"영업이익", "62.0", "91.8", "94.6"},
                                                {"순이익", "19.5", "35.4", "30.1"},
                                                {"EPS", "500", "929", "788"}};
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t k = 0; k < rows[r].size(); ++k) {
      double x = k == 0 ? 45 : 70 + 30.0 * static_cast<double>(k);
      lines.push_back(cell(rows[r][k], x, 170 + 12.0 * static_cast<double>(r), x + 25));
    }
  std::vector<PageLines> pages = {page_of(std::move(lines))};
  std::vector<Table> tables = test::tables_in(pages);
  auto summary = std::find_if(tables.begin(), tables.end(), [](const Table& t) {
    return !t.columns.empty() && t.columns[0].label == "투자지표";
  });
  ASSERT_NE(summary, tables.end());
  ASSERT_EQ(summary->columns.size(), 4u);
  EXPECT_EQ(summary->columns[3].label, "2025F");
  ASSERT_EQ(summary->rows.size(), 4u);
  EXPECT_EQ(std::get<double>(summary->rows[0][2]), 3213.7);
}
