#include <gtest/gtest.h>

#include "builders.h"
#include "kreport/layout.h"

using namespace kreport;

namespace {

using test::line;

BreakEvidence evidence(bool wraps_inside_words, std::optional<bool> drawn_space = std::nullopt,
                       bool room_for_next = false) {
  BreakEvidence e;
  e.wraps_inside_words = wraps_inside_words;
  e.drawn_space = drawn_space;
  e.room_for_next = room_for_next;
  return e;
}

PageLayout page_of(std::vector<Line> lines, int number = 1) {
  return test::laid_out(std::move(lines), number);
}

std::vector<PageLines> pages_of(std::vector<std::vector<Line>> pages) {
  std::vector<PageLines> out;
  for (auto& lines : pages)
    out.push_back(test::page_lines(std::move(lines), static_cast<int>(out.size()) + 1));
  return out;
}

}  // namespace

TEST(JoinLines, ParticleOnTheNextLineJoinsWithoutSpace) {
  // Hanwha seed: "최적\n의 값"; character-wrapped "애플\n은 자체 설계".
  EXPECT_EQ(join_lines("데이터 안에서 최적", "의 값을 찾아내는", {}),
            "데이터 안에서 최적의 값을 찾아내는");
  EXPECT_EQ(join_lines("애플", "은 자체 설계 칩을", {}), "애플은 자체 설계 칩을");
}

TEST(JoinLines, LatinHyphenStays) {
  EXPECT_EQ(join_lines("Chat-", "GPT 가 불을 지핀", {}), "Chat-GPT 가 불을 지핀");
}

TEST(JoinLines, WordTheDocumentUsesElsewhere) {
  EXPECT_EQ(join_lines("엔비디아가 가", "장 큰 수혜를", {"가장"}), "엔비디아가 가장 큰 수혜를");
}

TEST(JoinLines, WordBoundaryKeepsOneSpace) {
  EXPECT_EQ(join_lines("AI 투자 경쟁은", "심화될 것이라", {}), "AI 투자 경쟁은 심화될 것이라");
  EXPECT_EQ(join_lines("ETF(THNQ),", "Global X", {}), "ETF(THNQ), Global X");
}

TEST(JoinLines, MidWordPagesJoinFragments) {
  EXPECT_EQ(join_lines("이미 입력", "되어 있는", {}, evidence(true)), "이미 입력되어 있는");
  EXPECT_EQ(join_lines("기능과 비슷", "한 원리로", {}, evidence(true)), "기능과 비슷한 원리로");
  EXPECT_EQ(join_lines("다른 점은 사람은", "문맥에 따라", {}, evidence(true)),
            "다른 점은 사람은 문맥에 따라");
  EXPECT_EQ(join_lines("모델", "기반", {"모델", "기반"}, evidence(true)), "모델 기반");
}

TEST(Blocks, ParagraphsHeadingsAndBullets) {
  auto p = page_of({
      line("AI 경쟁은 새로운 기회", 40, 60, 300, 18),
      line("▪ AI 업계에 다시 겨울이 온다고?", 40, 100, 300),
      line("Chat-GPT가 불을 지핀 AI 투자 경쟁은 앞으로 더 치열해질 것으로 판단합니다 애플", 40, 130,
           550),
      line("은 자체 설계 칩을 탑재한다.", 40, 144, 200),
      line("다음 문단은 간격을 두고 시작합니다.", 40, 175, 300),
  });
  PageBlocks b = build_blocks(p, {});
  ASSERT_EQ(b.blocks.size(), 4u);
  EXPECT_EQ(b.blocks[0].type, "heading");
  EXPECT_EQ(b.blocks[1].type, "bullet");
  EXPECT_EQ(b.blocks[1].bullet, "▪");
  EXPECT_EQ(b.blocks[1].text, "AI 업계에 다시 겨울이 온다고?");
  EXPECT_EQ(b.blocks[2].type, "paragraph");
  EXPECT_EQ(b.blocks[2].text,
            "Chat-GPT가 불을 지핀 AI 투자 경쟁은 앞으로 더 치열해질 것으로 판단합니다 애플은 자체 "
            "설계 칩을 탑재한다.");
  EXPECT_EQ(b.blocks[3].text, "다음 문단은 간격을 두고 시작합니다.");
}

TEST(Blocks, NumberedAndCircledBullets) {
  auto p = page_of({line("① 매출 성장", 40, 100, 200), line("1) 영업이익 개선", 40, 130, 200),
                    line("-12.0% 하락", 40, 160, 200)});
  PageBlocks b = build_blocks(p, {});
  ASSERT_EQ(b.blocks.size(), 3u);
  EXPECT_EQ(b.blocks[0].bullet, "①");
  EXPECT_EQ(b.blocks[0].text, "매출 성장");
  EXPECT_EQ(b.blocks[1].bullet, "1)");
  EXPECT_EQ(b.blocks[2].type, "paragraph");  // a negative number is not a bullet
}

TEST(Blocks, BoldCellsOfATableRowAreNotHeadings) {
  auto p = page_of({line("일", 40, 100, 50, 10, "NanumGothicBold"),
                    line("월", 120, 100, 130, 10, "NanumGothicBold"),
                    line("실적 발표 요약", 40, 160, 140, 10, "NanumGothicBold")});
  PageBlocks b = build_blocks(p, {});
  EXPECT_EQ(b.blocks[0].type, "paragraph");
  EXPECT_EQ(b.blocks.back().type, "heading");
}

TEST(RunningLines, BannerAndPageNumbersAreMarked) {
  std::vector<std::vector<Line>> lines;
  for (int n = 1; n <= 3; ++n)
    lines.push_back({line("AI WEEKLY SK증권 해외주식 박제민", 40, 30, 300),
                     line("본문 " + std::to_string(n), 40, 300, 200),
                     line(std::to_string(n), 290, 810, 300)});
  std::vector<PageLines> pages = mark_running_lines(pages_of(lines));
  for (const PageLines& p : pages) {
    EXPECT_TRUE(p.lines[0].running);
    EXPECT_FALSE(p.lines[1].running);
    EXPECT_TRUE(p.lines[2].running);
  }
  PageBlocks b = build_blocks(order_page(pages[1], {}), {});
  ASSERT_EQ(b.blocks.size(), 1u);
  EXPECT_EQ(b.blocks[0].text, "본문 2");
}

TEST(RunningLines, TextRepeatedInTheBodyIsNotRunning) {
  std::vector<PageLines> pages =
      mark_running_lines(pages_of({{line("투자의견 BUY", 40, 400, 200)},
                                   {line("투자의견 BUY", 40, 400, 200)},
                                   {line("투자의견 BUY", 40, 400, 200)}}));
  EXPECT_FALSE(pages[0].lines[0].running);
}

TEST(JoinLines, ADrawnLineEndSpaceDecides) {
  // ibk: "부담" ends a line with a space glyph after it; daishin: "부" ends one without.
  EXPECT_EQ(join_lines("고정비 부담", "완화와 재고평가충당금", {}, evidence(false, true)),
            "고정비 부담 완화와 재고평가충당금");
  EXPECT_EQ(join_lines("원자재가 부", "담은 크지 않음", {}, evidence(false, false)),
            "원자재가 부담은 크지 않음");
  EXPECT_EQ(join_lines("Artificial Intellige", "nce 시대", {}, evidence(false, false)),
            "Artificial Intelligence 시대");
  // A word meeting a number: no glyph proves nothing (samsung "대비" / "4.7%").
  EXPECT_EQ(join_lines("전년 대비", "4.7% 증가한", {}, evidence(false, false)),
            "전년 대비 4.7% 증가한");
}

TEST(JoinLines, RoomForTheNextLetterMeansASpace) {
  // fixtures/layout_classes p2, ragged right: "북미" ended a line with room for "전".
  EXPECT_EQ(join_lines("빠르게 커지고 있다. 북미", "전력망 사업자들은", {"북미전력망"},
                       evidence(true, std::nullopt, true)),
            "빠르게 커지고 있다. 북미 전력망 사업자들은");
  // A drawn-space document's evidence comes first.
  EXPECT_EQ(join_lines("원자재가 부", "담은", {}, evidence(false, false, true)), "원자재가 부담은");
}

TEST(JoinLines, SplitEndingsAndCounters) {
  EXPECT_EQ(join_lines("이어질 수 있다는 점에", "서 중요하다.", {}),
            "이어질 수 있다는 점에서 중요하다.");
  EXPECT_EQ(join_lines("영업이익은 4,483", "억원으로 시장", {}), "영업이익은 4,483억원으로 시장");
  EXPECT_EQ(join_lines("3분기 매출액은 6.9", "조원, 영업이익은", {}),
            "3분기 매출액은 6.9조원, 영업이익은");
  // Not a counter: "원재료" only opens with one.
  EXPECT_EQ(join_lines("영업이익 4,483", "원재료 가격", {}), "영업이익 4,483 원재료 가격");
}

namespace {

// A line whose last word has (or lacks) a space glyph drawn after it.
Line ending(std::string text, double y, bool drawn) {
  Line l = line(text, 40, y, 550);
  l.spans.push_back({text, l.bbox, false, false, drawn});
  return l;
}

}  // namespace

TEST(Blocks, PagesThatDrawLineEndSpacesBreakWordsWhereNoneIsDrawn) {
  // Four breaks, three with the space drawn: the fourth fell inside "부담은".
  auto p = page_of(
      {ending("실적은 이미 흑자기조를 실현하였고 다양한 성장 모멘텀이", 100, true),
       ending("지속적으로 부각될 전망이며 매출감소에 따른 영업이익 감소", 114, true),
       ending("원가 절감 노력과 고정비 부담 완화로 수익성은 개선되고 원자재가", 128, true),
       ending("부담은 크지 않으며 이익률 개선에 대한 기대가 이어지고 있고 또한 부", 142, false),
       ending("담은 크지 않음.", 156, true)});
  PageBlocks b = build_blocks(p, {});
  ASSERT_EQ(b.blocks.size(), 1u);
  EXPECT_NE(b.blocks[0].text.find("모멘텀이 지속적으로"), std::string::npos);
  EXPECT_NE(b.blocks[0].text.find("또한 부담은 크지 않음."), std::string::npos);
  // Without the glyphs, the page's own habits decide: a space at every break.
  for (Line& l : p.lines) l.spans.back().space_drawn_after = false;
  EXPECT_NE(build_blocks(p, {}).blocks[0].text.find("또한 부 담은"), std::string::npos);
}
