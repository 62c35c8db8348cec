#include <gtest/gtest.h>

#include "kreport/segment.h"

using namespace kreport;

namespace {

Line cell(std::string text, double x0, double y0, double x1) {
  return Line{std::move(text), {x0, y0, x1, y0 + 8}, 8, "NanumGothic", false, {}};
}

PageLayout page_of(std::vector<Line> lines) {
  PageLayout p;
  p.number = 1;
  p.width = 595;
  p.height = 842;
  p.lines = std::move(lines);
  return p;
}

}  // namespace

TEST(Tables, FinancialSummaryBecomesATypedGrid) {
  std::vector<PageLayout> pages = {page_of({
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
  auto tables = detect_tables(pages);
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
  EXPECT_EQ(pages[0].lines[1].table, "t1");
  EXPECT_EQ(pages[0].lines[0].table, "");
}

TEST(Tables, ProseIsNoTable) {
  std::vector<PageLayout> pages = {page_of({
      cell("2분기 영업이익은 4.6조원으로 컨센서스 대비 부진했다.", 40, 100, 500),
      cell("메모리반도체의 경우 범용 제품 판매는 견조했다.", 40, 114, 480),
      cell("하반기에는 좋은 주식으로 거듭날 가능성이 있다.", 40, 128, 470),
  })};
  EXPECT_TRUE(detect_tables(pages).empty());
}
