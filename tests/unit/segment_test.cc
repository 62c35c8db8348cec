#include "kreport/segment.h"

#include <gtest/gtest.h>

#include "builders.h"

using namespace kreport;

namespace {

TextBlock block(std::string type, std::string text, double size = 10) {
  return test::block(std::move(type), std::move(text), {40, 100, 300, 110}, size);
}

PageBlocks page(int number, std::vector<TextBlock> blocks) {
  return PageBlocks{number, std::move(blocks)};
}

}  // namespace

TEST(Segment, CaptionGetsTheSourceUnderIt) {
  auto s = segment(
      {page(2, {block("paragraph", "[그림1] 깊은 인공 신경망 도식화"), block("paragraph", "본문"),
                block("paragraph", "자료: IBM, 한화투자증권 리서치센터"),
                block("paragraph", "주: 2022년 기준")})});
  ASSERT_EQ(s.figures.size(), 1u);
  EXPECT_EQ(s.figures[0].number, "그림1");
  EXPECT_EQ(s.figures[0].caption, "[그림1] 깊은 인공 신경망 도식화");
  EXPECT_EQ(s.figures[0].source, "IBM, 한화투자증권 리서치센터");
  EXPECT_EQ(s.figures[0].page, 2);
  auto& blocks = s.sections.at(0).blocks;
  EXPECT_EQ(blocks[0].type, "caption");
  EXPECT_EQ(blocks[2].type, "source");
  EXPECT_EQ(blocks[3].type, "note");
}

TEST(Segment, CaptionForms) {
  auto s = segment({page(1, {block("paragraph", "그림 3. 중국 데이터센터 투자"),
                             block("paragraph", "표 1. 11월 주요 AI 일정"),
                             block("paragraph", "자료 : Bloomberg, SK증권")})});
  ASSERT_EQ(s.figures.size(), 2u);
  EXPECT_EQ(s.figures[0].number, "그림 3");
  EXPECT_FALSE(s.figures[0].source);  // the source belongs to the nearer caption
  EXPECT_EQ(s.figures[1].number, "표 1");
  EXPECT_EQ(s.figures[1].source, "Bloomberg, SK증권");
}

TEST(Segment, SideBySideFiguresKeepTheirOwnSources) {
  auto left = block("paragraph", "그림 1. 22년 vs 25년 부지 변화");
  auto right = block("paragraph", "그림 2. 연산력 점유율 추이");
  auto left_src = block("paragraph", "자료: Financial Times");
  auto right_src = block("paragraph", "자료: Epoch AI");
  left.bbox = {42, 470, 264, 481};
  right.bbox = {303, 470, 485, 481};
  left_src.bbox = {42, 581, 160, 590};
  right_src.bbox = {303, 581, 399, 590};
  auto s = segment({page(1, {left, right, left_src, right_src})});
  ASSERT_EQ(s.figures.size(), 2u);
  EXPECT_EQ(s.figures[0].source, "Financial Times");
  EXPECT_EQ(s.figures[1].source, "Epoch AI");
}

TEST(Segment, UntitledChartTakesTheTitleAboveIt) {
  auto title = block("paragraph", "기존 H20 판매량 전망");
  auto label = block("paragraph", "1Q25", 6);  // a chart's axis label, in small print
  auto src = block("paragraph", "자료 : Semianalysis, SK증권");
  auto body =
      block("paragraph", "본문은 충분히 길게 이어지는 문장으로 이 페이지의 본문 크기를 정한다.");
  title.bbox = {42, 100, 200, 110};
  label.bbox = {60, 150, 80, 156};
  src.bbox = {42, 200, 200, 210};
  body.bbox = {42, 300, 550, 310};
  auto s = segment({page(2, {title, label, src, body})});
  ASSERT_EQ(s.figures.size(), 1u);
  EXPECT_FALSE(s.figures[0].number);
  EXPECT_EQ(s.figures[0].caption, "기존 H20 판매량 전망");
  EXPECT_EQ(s.figures[0].source, "Semianalysis, SK증권");
  EXPECT_EQ(s.sections[0].blocks[0].type, "caption");
}

TEST(Segment, HeadingsOpenTypedSections) {
  auto s =
      segment({page(1, {block("paragraph", "서문"), block("heading", "Highlight of the Week", 14),
                        block("bullet", "AI 업계에 다시 겨울이 온다고?"),
                        block("heading", "AI Issue", 14), block("paragraph", "본문")}),
               page(5, {block("heading", "Compliance Notice", 14),
                        block("heading", "투자등급 관련사항", 10),
                        block("paragraph", "매수(Buy) +20% 이상")})});
  ASSERT_EQ(s.sections.size(), 4u);
  EXPECT_EQ(s.sections[0].kind, "body");
  EXPECT_FALSE(s.sections[0].title);
  EXPECT_EQ(s.sections[1].kind, "summary");
  EXPECT_EQ(s.sections[1].title, "Highlight of the Week");
  EXPECT_EQ(s.sections[2].kind, "body");
  EXPECT_EQ(s.sections[3].kind, "compliance");
  EXPECT_EQ(s.sections[3].blocks.size(), 3u);  // the sub-heading stays inside the notice
  EXPECT_EQ(s.sections[3].first_page, 5);
}
