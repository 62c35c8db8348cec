#include <gtest/gtest.h>

#include "builders.h"
#include "kreport/layout.h"

using namespace kreport;

namespace {

using test::line;

// The texts of `lines` in reading order.
std::vector<std::string> ordered(const std::vector<Line>& lines) {
  std::vector<std::string> out;
  for (size_t i : reading_order(order_items(lines))) out.push_back(lines[i].text);
  return out;
}

}  // namespace

TEST(ReadingOrder, TwoColumnsReadColumnByColumn) {
  // Line by line these would interleave: L1 R1 L2 R2 L3 R3.
  std::vector<Line> in = {
      line("왼쪽 단의 첫째 줄은 충분히 길게 쓴 본문입니다", 40, 100, 280),
      line("오른쪽 단의 첫째 줄도 충분히 길게 쓴 본문입니다", 310, 100, 550),
      line("왼쪽 단의 둘째 줄은 충분히 길게 쓴 본문입니다", 40, 114, 280),
      line("오른쪽 단의 둘째 줄도 충분히 길게 쓴 본문입니다", 310, 114, 550),
      line("왼쪽 단의 셋째 줄", 40, 128, 150),
      line("오른쪽 단의 셋째 줄", 310, 128, 420),
  };
  EXPECT_EQ(ordered(in), (std::vector<std::string>{in[0].text, in[2].text, in[4].text, in[1].text,
                                                   in[3].text, in[5].text}));
}

TEST(ReadingOrder, FullWidthTitleStaysOnTop) {
  std::vector<Line> in = {
      line("오른쪽 단의 첫째 줄도 충분히 길게 쓴 본문입니다", 310, 100, 550),
      line("왼쪽 단의 첫째 줄은 충분히 길게 쓴 본문입니다", 40, 100, 280),
      line("전체 폭 제목은 두 단을 가로지릅니다 그래서 먼저 읽힙니다", 40, 60, 550, 16),
      line("오른쪽 단의 둘째 줄도 충분히 길게 쓴 본문입니다", 310, 114, 550),
      line("왼쪽 단의 둘째 줄은 충분히 길게 쓴 본문입니다", 40, 114, 280),
  };
  auto out = ordered(in);
  EXPECT_EQ(out.front(), in[2].text);
  EXPECT_EQ(out[1], in[1].text);
  EXPECT_EQ(out[2], in[4].text);
}

TEST(ReadingOrder, SidebarReadsAsItsOwnGroup) {
  std::vector<Line> in = {
      line("투자의견", 40, 100, 80),
      line("본문 첫째 줄은 사이드바 옆에 길게 놓인 문장입니다", 200, 100, 550),
      line("BUY(유지)", 100, 100, 150),
      line("목표주가(12M)", 40, 114, 100),
      line("본문 둘째 줄도 사이드바 옆에 길게 놓인 문장입니다", 200, 114, 550),
      line("95,000원", 110, 114, 150),
  };
  EXPECT_EQ(ordered(in), (std::vector<std::string>{"투자의견", "BUY(유지)", "목표주가(12M)",
                                                   "95,000원", in[1].text, in[4].text}));
}

TEST(ReadingOrder, TableReadsRowByRow) {
  std::vector<Line> in = {
      line("매출액", 40, 100, 80),   line("302,231", 200, 100, 240), line("258,935", 300, 100, 340),
      line("영업이익", 40, 114, 80), line("43,377", 200, 114, 240),  line("6,567", 300, 114, 340),
  };
  EXPECT_EQ(ordered(in), (std::vector<std::string>{"매출액", "302,231", "258,935", "영업이익",
                                                   "43,377", "6,567"}));
}

// A table stands where it is printed, read as one piece: the paragraph beside it runs on
// without its cells, the table's lines follow in the table's order.
TEST(ReadingOrder, ATableIsReadAsOnePieceBesideTheProse) {
  std::vector<Line> lines = {
      line("본문 첫 줄은 충분히 길게 써서 산문으로 읽히게 합니다", 200, 100, 550),
      line("주가", 40, 100, 80),
      line("72,300원", 100, 100, 160),
      line("본문 둘째 줄도 충분히 길게 써서 산문으로 읽히게 합니다", 200, 114, 550),
      line("시가총액", 40, 114, 80),
      line("431조원", 100, 114, 160),
  };
  PageLayout p = order_page(test::page_lines(lines), {{"t1", {1, 2, 4, 5}}});
  std::vector<std::string> texts;
  for (const Line& l : p.lines) texts.push_back(l.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"주가", "72,300원", "시가총액", "431조원",
                                             lines[0].text, lines[3].text}));
  EXPECT_EQ(p.table_of(0), "t1");
  EXPECT_EQ(p.table_of(4), "");
}
