#include "kreport/sections.h"

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

// Which caption goes with which source the regions stage decides (tests/unit/regions_test.cc);
// the sections make the blocks holding those lines the figure's caption and source.
TEST(Segment, FigureAreasPairTheirBlocks) {
  auto caption = block("paragraph", "[그림1] 깊은 인공 신경망 도식화");
  auto body = block("paragraph", "본문");
  auto source = block("paragraph", "자료: IBM, 한화투자증권 리서치센터");
  auto note = block("paragraph", "주: 2022년 기준");
  caption.bbox = {40, 100, 300, 110};
  body.bbox = {40, 120, 300, 130};
  source.bbox = {40, 200, 300, 210};
  note.bbox = {40, 212, 300, 222};
  PageBlocks p = page(2, {caption, body, source, note});
  p.figures.push_back({{40, 110, 300, 200}, Bbox{40, 100, 300, 110}, {40, 200, 300, 210}, true});
  auto s = cut_sections({p});
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

TEST(Segment, CaptionWithoutSourceAndUntitledTitle) {
  auto figure = block("paragraph", "그림 3. 중국 데이터센터 투자");
  auto title = block("paragraph", "기존 H20 판매량 전망");
  auto source = block("paragraph", "자료 : Semianalysis, SK증권");
  figure.bbox = {40, 100, 300, 110};
  title.bbox = {40, 300, 200, 310};
  source.bbox = {40, 400, 200, 410};
  PageBlocks p = page(1, {figure, title, source});
  p.figures.push_back({{40, 310, 200, 400}, Bbox{40, 300, 200, 310}, {40, 400, 200, 410}, true});
  auto s = cut_sections({p});
  ASSERT_EQ(s.figures.size(), 2u);
  EXPECT_EQ(s.figures[0].number, "그림 3");
  EXPECT_FALSE(s.figures[0].source);
  EXPECT_FALSE(s.figures[1].number);
  EXPECT_EQ(s.figures[1].caption, "기존 H20 판매량 전망");
  EXPECT_EQ(s.figures[1].source, "Semianalysis, SK증권");
  EXPECT_EQ(s.sections[0].blocks[1].type, "caption");
}

TEST(Segment, HeadingsOpenTypedSections) {
  auto s = cut_sections(
      {page(1, {block("paragraph", "서문"), block("heading", "Highlight of the Week", 14),
                block("bullet", "AI 업계에 다시 겨울이 온다고?"), block("heading", "AI Issue", 14),
                block("paragraph", "본문")}),
       page(5,
            {block("heading", "Compliance Notice", 14), block("heading", "투자등급 관련사항", 10),
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
