// The regions stage on pages built in memory: each class of layout the stage tells apart
// (a sidebar beside the body, a lead in a drawn or padded or rule-framed box, figures with
// their sources, charts whose words are no prose), and the near misses it must not take.
#include "kreport/regions.h"

#include <gtest/gtest.h>

#include "builders.h"

using namespace kreport;
using test::line;

namespace {

constexpr const char* kProse =
    "본문은 충분히 길게 이어지는 문장으로 한 줄을 채운다 그리고 계속 이어진다";

// A body column of running text from y0, `n` lines, from x0 to x1.
std::vector<Line> column(double x0, double x1, double y0, int n) {
  std::vector<Line> out;
  for (int i = 0; i < n; ++i) out.push_back(line(kProse, x0, y0 + 15 * i, x1));
  return out;
}

std::vector<Line> operator+(std::vector<Line> a, const std::vector<Line>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

size_t count(const PageRegions& r, RegionKind kind) {
  return std::count_if(r.regions.begin(), r.regions.end(),
                       [&](const Region& g) { return g.kind == kind; });
}

}  // namespace

TEST(Regions, SidebarBesideTheBodyOnTheFirstPage) {
  std::vector<Line> side = {line("Stock Data", 40, 200, 100, 7), line("시가총액", 40, 212, 80, 6),
                            line("944.5", 140, 212, 160, 6), line("주가추이", 40, 300, 80, 7),
                            line("roko.kim@hanafn.com", 40, 400, 130, 6)};
  PageLines page = test::page_lines(column(200, 550, 200, 10) + side);
  PageRegions r = find_regions(page);
  ASSERT_EQ(count(r, RegionKind::sidebar), 1u);
  for (size_t i = 10; i < page.lines.size(); ++i)
    EXPECT_EQ(r.kind_of(i), RegionKind::sidebar) << page.lines[i].text;
  for (size_t i = 0; i < 10; ++i) EXPECT_EQ(r.kind_of(i), RegionKind::column);
  // Later pages keep such strips in the flow: there they are charts and side headings.
  page.number = 2;
  EXPECT_EQ(count(find_regions(page), RegionKind::sidebar), 0u);
}

TEST(Regions, TooFewLinesOrTooWideIsNoSidebar) {
  std::vector<Line> few = {line("Stock Data", 40, 200, 100, 7), line("시가총액", 40, 212, 80, 6)};
  EXPECT_EQ(
      count(find_regions(test::page_lines(column(200, 550, 200, 10) + few)), RegionKind::sidebar),
      0u);
  // Two columns of prose: the left one is body, not a sidebar.
  PageLines two = test::page_lines(column(40, 280, 200, 10) + column(310, 550, 200, 10));
  EXPECT_EQ(count(find_regions(two), RegionKind::sidebar), 0u);
}

// Hanwha's cover: the company line reaches from the strip into the body's span, and the
// headline under it is set in the strip: both head the page, the rating box is the sidebar.
TEST(Regions, TitleBlockAcrossTheStripIsNotSidebar) {
  std::vector<Line> top = {line("한화솔루션 (009830)", 56, 123, 268, 28),
                           line("결국은 태양광으로 승리할 것", 56, 163, 230, 16)};
  std::vector<Line> side = {line("Buy (유지)", 63, 241, 159, 17),
                            line("목표주가 61,000원", 63, 276, 193, 13),
                            line("현재주가", 63, 300, 120, 8), line("시가총액", 63, 312, 120, 8),
                            line("52주 최고가", 63, 324, 120, 8)};
  PageLines page = test::page_lines(top + column(264, 539, 237, 12) + side);
  PageRegions r = find_regions(page);
  EXPECT_EQ(r.kind_of(0), RegionKind::column);
  EXPECT_EQ(r.kind_of(1), RegionKind::column);
  for (size_t i = 14; i < page.lines.size(); ++i)
    EXPECT_EQ(r.kind_of(i), RegionKind::sidebar) << page.lines[i].text;
}

TEST(Regions, ShadedBoxHoldingProseIsABox) {
  PageLines page = test::page_lines(column(200, 550, 100, 3) + column(200, 550, 160, 10));
  page.drawing.boxes.push_back({{195, 95, 555, 145}, true, 0.9});
  PageRegions r = find_regions(page);
  ASSERT_EQ(count(r, RegionKind::box), 1u);
  EXPECT_EQ(r.kind_of(0), RegionKind::box);
  EXPECT_EQ(r.kind_of(2), RegionKind::box);
  EXPECT_EQ(r.kind_of(3), RegionKind::column);
}

// A page drawn as one picture (Kiwoom): the box is not among the shapes, but its padding
// sets its lines inside the column on both sides.
TEST(Regions, PaddedLinesAreABox) {
  PageLines page = test::page_lines(column(208, 542, 100, 3) + column(200, 550, 160, 10));
  PageRegions r = find_regions(page);
  ASSERT_EQ(count(r, RegionKind::box), 1u);
  EXPECT_EQ(r.kind_of(1), RegionKind::box);
  EXPECT_EQ(r.kind_of(5), RegionKind::column);
}

TEST(Regions, BulletsBetweenTwoRulesAreABox) {
  std::vector<Line> bullets = {
      line("✓ 3Q21 영업이익 1,784억원으로 최근 낮아진 시장 예상치에 부합", 200, 100, 480, 9),
      line("✓ 중국의 석탄 조달 차질로 케미칼 가격 강세, 반면 큐셀 적자 지속", 200, 114, 517, 9),
      line("✓ 투자의견 Buy와 적정주가 5.4만원 유지", 200, 128, 387, 9)};
  PageLines page = test::page_lines(bullets + column(200, 550, 160, 10));
  page.drawing.rules = {{200, 95, 550, 95.4}, {200, 141, 550, 141.4}};
  PageRegions r = find_regions(page);
  ASSERT_EQ(count(r, RegionKind::box), 1u);
  EXPECT_EQ(r.kind_of(0), RegionKind::box);
  EXPECT_EQ(r.kind_of(3), RegionKind::column);
}

TEST(Regions, RulesAroundATableOrUnderlinesFrameNoBox) {
  // A table's rows between its rules: several cells on each row.
  std::vector<Line> rows;
  for (int r = 0; r < 4; ++r)
    for (double x : {200.0, 320.0, 420.0, 500.0})
      rows.push_back(
          line(x == 200 ? "매출액 (십억원) 합계" : "1,234.5", x, 100 + 12 * r, x + 60, 8));
  PageLines table = test::page_lines(rows + column(200, 550, 170, 10));
  table.drawing.rules = {{200, 96, 550, 96.4}, {200, 150, 550, 150.4}};
  EXPECT_EQ(count(find_regions(table), RegionKind::box), 0u);
  // A rule right under a line underlines it: no frame.
  PageLines underlined = test::page_lines(column(200, 550, 100, 10));
  underlined.drawing.rules = {{200, 110.5, 550, 111}, {200, 140.5, 550, 141}};
  EXPECT_EQ(count(find_regions(underlined), RegionKind::box), 0u);
}

TEST(Regions, SourcePairsWithTheCaptionOverItsOwnStrip) {
  std::vector<Line> lines = {
      line("그림 1. 삼성전자 사업부문 연간 매출액 추이", 57, 97, 227),
      line("그림 2. 삼성전자 사업부문 연간 영업이익 추이", 290, 97, 468),
      line("2017", 95, 255, 102, 7),
      line("2018", 124, 255, 131, 7),
      line("2017", 327, 255, 334, 7),
      line("자료: 삼성전자, 대신증권 Research Center", 290, 286, 398, 7),
      line("자료: 삼성전자, 대신증권", 57, 286, 165, 7),
  };
  PageLines page = test::page_lines(lines, 15);
  for (double x : {70.0, 100.0, 130.0, 160.0, 310.0, 340.0, 370.0})
    page.drawing.boxes.push_back({{x, 150, x + 10, 250}, true, 0.4});  // bars
  PageRegions r = find_regions(page);
  ASSERT_EQ(r.figures.size(), 2u);
  for (const FigureArea& f : r.figures) {
    ASSERT_TRUE(f.caption);
    EXPECT_DOUBLE_EQ(f.caption->x0, f.source.x0);  // each over its own source
    EXPECT_TRUE(f.chart);
  }
  // The words on the bars are the charts', not prose or a table's.
  for (size_t i = 2; i <= 4; ++i) EXPECT_EQ(r.kind_of(i), RegionKind::figure);
}

TEST(Regions, UntitledChartTakesTheTitleAboveIt) {
  std::vector<Line> lines = {line("나노 실적 추이 및 전망", 242, 100, 380),
                             line("(십억원)", 242, 120, 270, 7),
                             line("자료: 나노, 키움증권", 242, 300, 330, 7)};
  PageLines page = test::page_lines(lines + column(242, 568, 400, 10), 2);
  page.drawing.paths.push_back({250, 130, 500, 290});
  page.drawing.rules = {{250, 290, 500, 290.3}, {250, 130, 250.3, 290}};
  PageRegions r = find_regions(page);
  ASSERT_EQ(r.figures.size(), 1u);
  ASSERT_TRUE(r.figures[0].caption);
  EXPECT_DOUBLE_EQ(r.figures[0].caption->y0, 100);
  EXPECT_TRUE(r.figures[0].chart);
}

TEST(Regions, TableCaptionOrProseBetweenIsNoChart) {
  // `표` heads a table of text: its rows stay the tables stage's.
  std::vector<Line> table = {
      line("표 2. 목표주가 산정", 42, 100, 200), line("목표주가 (원) 산정 근거", 42, 120, 150, 8),
      line("95,000", 300, 120, 340, 8), line("자료: 키움증권 리서치센터", 42, 200, 150, 7)};
  PageLines page = test::page_lines(table, 2);
  page.drawing.rules = {{42, 115, 550, 115.3}, {42, 135, 550, 135.3}, {42, 195, 550, 195.3}};
  PageRegions r = find_regions(page);
  ASSERT_EQ(r.figures.size(), 1u);
  EXPECT_FALSE(r.figures[0].chart);
  EXPECT_EQ(r.kind_of(1), RegionKind::column);
  // A title with prose under it is the body's heading: the source finds no title.
  std::vector<Line> heading = {line("실적 전망", 42, 100, 100)};
  PageLines prose = test::page_lines(heading + column(42, 550, 120, 5) +
                                         std::vector<Line>{line("자료: 키움증권", 42, 200, 120, 7)},
                                     2);
  PageRegions p = find_regions(prose);
  ASSERT_EQ(p.figures.size(), 1u);
  EXPECT_FALSE(p.figures[0].caption);
}
