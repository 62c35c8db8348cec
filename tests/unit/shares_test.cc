// Rating distributions (`투자등급 비율`) found by the tables step as tables of kind
// rating_distribution, in each layout the shares finder knows (across, paired, down, one
// run), and read by the meaning step from the Table. Pages built in memory.
#include <gtest/gtest.h>

#include "../../src/extract/extract_parts.h"
#include "builders.h"
#include "kreport/tables.h"

using namespace kreport;

namespace {

Line cell(std::string text, double x0, double y0, double x1) {
  return test::line(std::move(text), x0, y0, x1, 8);
}

std::vector<Table> distributions(std::vector<Line> lines) {
  std::vector<Table> out;
  for (Table& t : test::tables_in({test::page_lines(std::move(lines))}))
    if (t.kind == "rating_distribution") out.push_back(std::move(t));
  return out;
}

std::vector<std::string> labels(const Table& t) {
  std::vector<std::string> out;
  for (const Column& c : t.columns) out.push_back(c.label);
  return out;
}

std::vector<double> shares(const Table& t) {
  std::vector<double> out;
  for (const RatingShare& s : rating_shares(t)) out.push_back(s.percent);
  return out;
}

}  // namespace

TEST(RatingShares, AcrossRatingWordsOverTheirPercentages) {
  // Daishin: a heading with its date at the page's edges, the words over the shares.
  auto found = distributions(
      {cell("투자의견 비율", 65, 406, 107), cell("기준일 2024.12.31", 486, 406, 530),
       cell("매수", 136, 419, 148), cell("중립", 292, 419, 304), cell("매도", 448, 419, 460),
       cell("98.7%", 132, 430, 152), cell("1.3%", 290, 430, 306), cell("0.0%", 446, 430, 462)});
  ASSERT_EQ(found.size(), 1u);
  const Table& t = found[0];
  EXPECT_EQ(labels(t), (std::vector<std::string>{"매수", "중립", "매도"}));
  EXPECT_EQ(shares(t), (std::vector<double>{98.7, 1.3, 0}));
  EXPECT_EQ(t.columns[0].unit, "%");
  EXPECT_EQ(t.title, "투자의견 비율 기준일 2024.12.31");
}

TEST(RatingShares, PairedOnOneRowAndDownAColumn) {
  // SK: each word with its share right after it, one row.
  auto row = distributions(
      {cell("SK 증권 유니버스 투자등급 비율 (2025 년 04 월 03 일 기준)", 101, 702, 294),
       cell("매수", 101, 721, 115), cell("97.55%", 206, 721, 230), cell("중립", 245, 721, 260),
       cell("2.45%", 354, 721, 374), cell("매도", 389, 721, 404), cell("0.00%", 498, 721, 518)});
  ASSERT_EQ(row.size(), 1u);
  EXPECT_EQ(shares(row[0]), (std::vector<double>{97.55, 2.45, 0}));
  EXPECT_EQ(row[0].title, "SK 증권 유니버스 투자등급 비율 (2025 년 04 월 03 일 기준)");
  // Down one column: a pair a row.
  auto down = distributions({cell("Buy(매수)", 60, 300, 95), cell("91.5%", 150, 300, 170),
                             cell("Hold(중립)", 60, 311, 95), cell("8.5%", 150, 311, 170)});
  ASSERT_EQ(down.size(), 1u);
  EXPECT_EQ(labels(down[0]), (std::vector<std::string>{"Buy(매수)", "Hold(중립)"}));
  EXPECT_EQ(shares(down[0]), (std::vector<double>{91.5, 8.5}));
}

TEST(RatingShares, ARunInOnePiece) {
  // Samsung: the shares in one line after their heading.
  auto found =
      distributions({cell("최근 1년간 조사분석자료의 투자등급 비율 2023.12.31 기준", 72, 603, 239),
                     cell("매수(79.9%)·중립(20.1%)·매도(0%)", 72, 615, 167)});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(labels(found[0]), (std::vector<std::string>{"매수", "중립", "매도"}));
  EXPECT_EQ(shares(found[0]), (std::vector<double>{79.9, 20.1, 0}));
}

TEST(RatingShares, NoDistributionWhereTheSharesDoNotAddUp) {
  // A rating box over a price, a sentence's percentages, shares that are not all of them.
  EXPECT_TRUE(
      distributions({cell("매수(유지)", 40, 100, 80), cell("71,000원", 40, 112, 80)}).empty());
  EXPECT_TRUE(distributions({cell("매수 50%", 40, 100, 80), cell("중립", 100, 100, 120),
                             cell("20%", 100, 112, 120)})
                  .empty());
  EXPECT_TRUE(distributions({cell("매수", 40, 100, 60), cell("중립", 100, 100, 120),
                             cell("35.5%", 40, 112, 60), cell("20.1%", 100, 112, 120)})
                  .empty());
}

TEST(RatingShares, ReadFromAGridDownItsRows) {
  // Meritz: the word in English at the left, the share the row's last number; a history's
  // rows (a price beside a rating) are no shares.
  Table t;
  t.kind = "rating_distribution";
  t.columns = {{"c1", "기업", {}}, {"c2", "투자의견", {}}, {"c3", "비율", {}}};
  t.rows = {{std::string("Buy 추천기준일"), std::string("+20% 이상 매수"), 80.9},
            {std::string("Hold"), std::string("-20% 이상 ~ +20% 미만 중립"), 19.1},
            {std::string("Sell"), std::string("-20% 미만 매도"), 0.0},
            {std::string("2024.01.05"), std::string("매수"), 99000.0}};
  std::vector<RatingShare> s = rating_shares(t);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].rating, "buy");
  EXPECT_EQ(s[2].rating, "sell");
  EXPECT_EQ(s[1].percent, 19.1);
  // A column of one rating word (a history) is no distribution.
  Table history = t;
  history.rows = {{std::string("매수"), 60.0}, {std::string("매수"), 40.0}};
  EXPECT_TRUE(rating_shares(history).empty());
}

TEST(RatingShares, TheMeaningStepReadsTheDistributionFromTheTable) {
  Table t;
  t.kind = "rating_distribution";
  t.title = "투자등급 비율 통계 (2020/10/01~2021/09/30)";
  t.columns = {{"c1", "매수(매수)", "%"},
               {"c2", "Trading Buy(매수)", "%"},
               {"c3", "중립(중립)", "%"},
               {"c4", "매도", "%"}};
  t.rows = {{83.98, 6.63, 8.84, 0.55}};
  auto d = extract::distribution_of(t, "");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->buy, 90.61);  // Trading Buy is a buy
  EXPECT_EQ(d->hold, 8.84);
  EXPECT_EQ(d->sell, 0.55);
  EXPECT_EQ(d->as_of, "2021-09-30");  // the end of its period
  // No date in its heading: the notice's `기준일`, not a `추천기준일` that names no day.
  t.title.reset();
  auto notice =
      extract::distribution_of(t, "추천기준일 종가대비 +15% 이상\n* 기준일: 2024년 03월 07일");
  ASSERT_TRUE(notice);
  EXPECT_EQ(notice->as_of, "2024-03-07");
  EXPECT_FALSE(
      extract::distribution_of(t, "추천기준일 종가대비 +15% 이상 … 2019년 11월 1일")->as_of);
  // A table with no shares gives no distribution.
  t.rows = {{std::string("71,000원"), Cell{}, Cell{}, Cell{}}};
  EXPECT_FALSE(extract::distribution_of(t, ""));
}
