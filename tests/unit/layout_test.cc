#include "kreport/layout.h"

#include <gtest/gtest.h>

using kreport::layout_page;
using kreport::RawPage;
using kreport::Word;

namespace {

Word word(std::string text, double x0, double y0, double x1, bool space = true) {
  return Word{std::move(text), {x0, y0, x1, y0 + 10}, "NanumGothic", 10, space};
}

}  // namespace

TEST(Layout, WordsOnOneBaselineFormOneLine) {
  RawPage p{1, 595, 842, 0, {word("AI", 10, 100, 20), word("WEEKLY", 22, 100, 60, false)}, {}};
  auto out = layout_page(p);
  ASSERT_EQ(out.lines.size(), 1u);
  EXPECT_EQ(out.lines[0].text, "AI WEEKLY");
  EXPECT_DOUBLE_EQ(out.lines[0].bbox.x1, 60);
}

TEST(Layout, NoSpaceWhereThePdfPutNone) {
  RawPage p{1, 595, 842, 0, {word("엔비", 10, 100, 30, false), word("디아", 30, 100, 50)}, {}};
  EXPECT_EQ(layout_page(p).lines.at(0).text, "엔비디아");
}

TEST(Layout, NextBaselineStartsANewLine) {
  RawPage p{1, 595, 842, 0, {word("첫", 10, 100, 20), word("둘", 10, 114, 20)}, {}};
  auto out = layout_page(p);
  ASSERT_EQ(out.lines.size(), 2u);
  EXPECT_EQ(out.lines[1].text, "둘");
}

TEST(Layout, SteppingBackLeftStartsANewLine) {
  // Two lines whose bands overlap (tight leading) but the second starts back at the margin.
  RawPage p{1, 595, 842, 0, {word("끝까지", 10, 100, 200), word("다음", 10, 104, 40)}, {}};
  EXPECT_EQ(layout_page(p).lines.size(), 2u);
}

TEST(Layout, DominantFontNamesTheLine) {
  RawPage p{1, 595, 842, 0, {}, {}};
  p.words.push_back(Word{"▶", {10, 100, 15, 110}, "Wingdings", 9, true});
  p.words.push_back(Word{"Analyst", {16, 100, 60, 110}, "NanumGothicBold", 10, false});
  auto out = layout_page(p);
  EXPECT_EQ(out.lines.at(0).font, "NanumGothicBold");
  EXPECT_DOUBLE_EQ(out.lines.at(0).size, 10);
}

TEST(Layout, EmptyPageHasNoLines) {
  EXPECT_TRUE(layout_page(RawPage{3, 595, 842, 0, {}, {}}).lines.empty());
}

TEST(Layout, GapBetweenSpansIsASpace) {
  // "키움증권" and "기업분석" drawn as separate spans, 6 pt apart, no space character.
  RawPage p{1, 595, 842, 0, {word("키움증권", 10, 100, 50, false), word("기업분석", 56, 100, 96)},
            {}};
  EXPECT_EQ(layout_page(p).lines.at(0).text, "키움증권 기업분석");
}

TEST(Layout, GutterSplitsSidebarFromBody) {
  // "52주 최고가" in a sidebar, then body text 60 pt to the right on the same baseline.
  RawPage p{1,
            595,
            842,
            0,
            {word("52주", 40, 100, 60), word("최고가", 62, 100, 90), word("제에", 150, 100, 170),
             word("적극적으로", 172, 100, 220)},
            {}};
  auto out = layout_page(p);
  ASSERT_EQ(out.lines.size(), 2u);
  EXPECT_EQ(out.lines[0].text, "52주 최고가");
  EXPECT_EQ(out.lines[1].text, "제에 적극적으로");
}
