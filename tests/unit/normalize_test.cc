#include "kreport/normalize.h"

#include <gtest/gtest.h>

using kreport::assess;
using kreport::is_unmapped;
using kreport::normalize;

TEST(Normalize, FullWidthDigitsBecomeAscii) {
  EXPECT_EQ(normalize("２０２４년 ３분기"), "2024년 3분기");
  EXPECT_EQ(normalize("（주）ＳＫ"), "(주)SK");
}

TEST(Normalize, SpacesOfEveryKindBecomeOne) {
  EXPECT_EQ(normalize("목표주가\u00a0\u00a090,000원"), "목표주가 90,000원");  // NBSP
  EXPECT_EQ(normalize("AI\u3000WEEKLY"), "AI WEEKLY");                        // ideographic space
  EXPECT_EQ(normalize("  SK증권\t해외주식 \u2009박제민  "), "SK증권 해외주식 박제민");
}

TEST(Normalize, ZeroWidthAndSoftHyphenDropped) {
  EXPECT_EQ(normalize("엔비\u200b디아"), "엔비디아");
  EXPECT_EQ(normalize("Chat\u00adGPT"), "ChatGPT");
  EXPECT_EQ(normalize("\ufeffAI Weekly"), "AI Weekly");
}

TEST(Normalize, DecomposedHangulComposed) {
  EXPECT_EQ(normalize("\u1112\u1161\u11ab\u1112\u116a"), "한화");  // ᄒ+ᅡ+ᆫ ᄒ+ᅪ
}

TEST(Normalize, CompatibilityJamoSpellingComposed) {
  EXPECT_EQ(normalize("ㅎㅏㄴㅎㅘ"), "한화");
  EXPECT_EQ(normalize("ㄱㅏㅂㅅ"), "갑ㅅ");  // final consonant taken, the stray one kept
}

TEST(Normalize, LoneJamoAndSymbolsStayAsPrinted) {
  EXPECT_EQ(normalize("ㅋㅋ"), "ㅋㅋ");
  EXPECT_EQ(normalize("① 매출 → ㈜한화 ㎡ ▪ ▶"), "① 매출 → ㈜한화 ㎡ ▪ ▶");
  EXPECT_EQ(normalize("수익률 (%), 1W/1Y"), "수익률 (%), 1W/1Y");
}

TEST(Normalize, PrivateUseGlyphsDroppedAndCounted) {
  int dropped = 0;
  EXPECT_EQ(normalize("\uf0a7 미코세라믹스", &dropped), "미코세라믹스");
  EXPECT_EQ(dropped, 1);
}

TEST(Normalize, InvalidUtf8Replaced) {
  EXPECT_EQ(normalize(std::string("AI\xff", 3)), "AI\ufffd");
  EXPECT_EQ(kreport::sanitize_utf8(std::string("a\xc3", 2)), "a\ufffd");
}

TEST(Assess, KoreanReportTextIsMapped) {
  auto q = assess("엔비디아 (NVDA) 4,282 1.0 69.2 Azure로 AI 시대 하이퍼스케일러 α β ①");
  EXPECT_GT(q.visible, 30);
  EXPECT_EQ(q.unmapped, 0);
  EXPECT_FALSE(is_unmapped(q));
}

TEST(Assess, GlyphIdsReadAsCodePointsAreUnmapped) {
  // What an Identity-H font without ToUnicode yields: glyph ids as code points.
  auto q = assess("\u0a4f\u0b21\u06d3\u0f0c \u13a2\u0e1d\u0583\u0bb5\u0455\u10d3 \u0003\ue012");
  EXPECT_TRUE(is_unmapped(q));
}

TEST(Assess, ShortTextIsNeverJudged) {
  EXPECT_FALSE(is_unmapped(assess("\ue000")));
}
