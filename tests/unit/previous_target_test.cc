// The previous target price on tiny covers, one test per way a cover prints it (or does not),
// and the cover's box of current and prior figures.
#include <gtest/gtest.h>

#include "../../src/extract/estimates_parts.h"
#include "../../src/extract/extract_parts.h"
#include "builders.h"
#include "kreport/utf8.h"

namespace kx = kreport::extract;
using kreport::Line;
using kreport::PageLayout;

namespace {

struct TextAt {
  std::string text;
  double x, y, size = 9;
};

// A cover of lines, each as wide as its text (4 pt a character) and `size` tall.
PageLayout cover(std::vector<TextAt> lines) {
  std::vector<Line> out;
  for (const TextAt& a : lines) {
    double w = 4.0 * static_cast<double>(kreport::utf8::length(a.text));
    out.push_back(kreport::test::line(a.text, a.x, a.y, a.x + w, a.size));
  }
  return kreport::test::laid_out(std::move(out), 1);
}

}  // namespace

TEST(PreviousTarget, TheBoxOfCurrentAndPriorFigures) {
  // IBK's box: `현재 | 직전 | 변동` over `목표주가 75,000 82,000 ▼`.
  auto p = cover({{"현재", 94, 485},
                  {"직전", 136, 485},
                  {"변동", 162, 485},
                  {"목표주가", 37, 507},
                  {"75,000", 86, 507},
                  {"82,000", 127, 507},
                  {"▼", 166, 507},
                  {"EPS(25)", 37, 530},
                  {"4,257", 90, 530},
                  {"4,782", 131, 530}});
  EXPECT_EQ(kx::previous_target(p, 75000), 82000);
  auto figures = kx::box_figures(p);
  ASSERT_EQ(figures.size(), 2u);
  EXPECT_EQ(figures[1].metric, "eps");
  EXPECT_EQ(figures[1].period.year, 2025);
  EXPECT_EQ(figures[1].value, 4257);
  EXPECT_EQ(figures[1].previous, 4782);
}

TEST(PreviousTarget, NewAndOldWithTheChangeRunIntoTheOldColumn) {
  // Samsung's KEY CHANGES: `48,000 18.8%` is one piece under Old and Diff.
  auto p = cover({{"(원)", 44, 524},
                  {"New", 107, 524},
                  {"Old", 146, 524},
                  {"Diff", 174, 524},
                  {"목표주가", 44, 550},
                  {"57,000", 101, 550},
                  {"48,000 18.8%", 137, 550}});
  EXPECT_EQ(kx::previous_target(p, 57000), 48000);
}

TEST(PreviousTarget, ALabelOfThePriorTarget) {
  auto p = cover({{"목표주가", 400, 100},
                  {"80,000원 (M)", 470, 100},
                  {"직전 목표주가", 400, 112},
                  {"80,000원", 470, 112}});
  EXPECT_EQ(kx::previous_target(p, 80000), 80000);
  auto dash = cover({{"목표주가", 400, 100}, {"직전 목표주가", 400, 112}, {"-원", 470, 112}});
  EXPECT_EQ(kx::previous_target(dash, std::nullopt), std::nullopt);
}

TEST(PreviousTarget, AChangeInASentence) {
  auto p =
      cover({{"플랫폼 사업 전반에 대해 규제에 따른 가치 하향을 반영하여 목표주가는 182,000원에서",
              200, 300},
             {"150,000원으로 17.6% 하향한다.", 200, 312}});
  EXPECT_EQ(kx::previous_target(p, 150000), 182000);
  auto man =
      cover({{"목표주가는 58만원에서 54만원으로 7% 정도 소폭 하향하나 투자의견은 Buy를 유지한다.",
              200, 300}});
  EXPECT_EQ(kx::previous_target(man, 540000), 580000);
  auto was =
      cover({{"동사에 대한 12개월 목표주가를 78,000원(기존 80,000원)으로 하향한다.", 200, 300}});
  EXPECT_EQ(kx::previous_target(was, 78000), 80000);
  // A change to another figure than the report's target is some other price's.
  EXPECT_EQ(kx::previous_target(was, 90000), std::nullopt);
}

TEST(PreviousTarget, AKeptTargetIsTheCurrentOne) {
  EXPECT_EQ(kx::previous_target(cover({{"목표주가(유지): 230,000원", 40, 120}}), 230000), 230000);
  EXPECT_EQ(kx::previous_target(cover({{"T.P 56,000 원(유지)", 40, 120}}), 56000), 56000);
  EXPECT_EQ(
      kx::previous_target(cover({{"목표주가", 40, 120}, {"107,000원 (M)", 120, 120}}), 107000),
      107000);
  EXPECT_EQ(
      kx::previous_target(cover({{"투자의견 매수(BUY), 목표주가 27,000원 유지", 200, 90}}), 27000),
      27000);
  EXPECT_EQ(
      kx::previous_target(cover({{"투자의견 Buy, 적정주가 71,000원을 유지한다.", 200, 90}}), 71000),
      71000);
}

TEST(PreviousTarget, NoPreviousWhereTheCoverSaysNone) {
  // A changed target without the old figure; a kept rating; a change before the 유지; TPU.
  EXPECT_EQ(
      kx::previous_target(cover({{"목표주가(하향)", 40, 120}, {"71,000원", 120, 120}}), 71000),
      std::nullopt);
  EXPECT_EQ(
      kx::previous_target(
          cover({{"BUY(유지)", 40, 100}, {"목표주가", 40, 120}, {"60,000원", 120, 120}}), 60000),
      std::nullopt);
  EXPECT_EQ(kx::previous_target(cover({{"목표주가 소폭 하향. Buy 유지.", 200, 90}}), 54000),
            std::nullopt);
  EXPECT_EQ(kx::previous_target(
                cover({{"목표주가를 52,000원으로 상향하고 투자의견 매수를 유지", 200, 90}}), 52000),
            std::nullopt);
  EXPECT_EQ(kx::previous_target(cover({{"TPU 수요는 견조하게 유지될 전망", 200, 90}}), 52000),
            std::nullopt);
}
