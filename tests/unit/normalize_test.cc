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
  // What poppler gives for fixtures/odd/unmapped_glyphs.pdf (Identity-H, no ToUnicode):
  // glyph ids as code points. The digits of a date are glyphs 19-28, read as C0 controls;
  // Hangul glyphs land on letters of many scripts and on unassigned code points.
  auto q = assess("\u0628\u09b8\u08b3\u077d \u0b53\u0a7c\u05d7 \u0013\u0011\u0013\u0015 HJMEPOH");
  EXPECT_EQ(q.visible, 18);
  EXPECT_EQ(q.unmapped, 6);  // U+0B53, U+0A7C unassigned; four controls
  EXPECT_TRUE(is_unmapped(q));
}

TEST(Assess, LettersOfAnyScriptAreText) {
  // Regression (issue 18): Cyrillic, Thai, Arabic, Hebrew pages were dropped as unmapped.
  for (const char* text :
       {"Первый вариант применения простой", "เวกเตอร์ที่มีขนาดเท่ากับ", "النص العربي المكتوب بخط واضح",
        "טקסט בעברית כתוב בבירור", "Ελληνικά και ქართული და Հայերեն"}) {
    auto q = assess(text);
    EXPECT_EQ(q.unmapped, 0) << text;
    EXPECT_FALSE(is_unmapped(q)) << text;
  }
}

TEST(Assess, OnlyPrivateUseUnassignedAndControlsAreGarbage) {
  EXPECT_EQ(assess("\ue000\U000f0000").unmapped, 2);    // private use
  EXPECT_EQ(assess("\u0378\u0e5c").unmapped, 2);        // unassigned
  EXPECT_EQ(assess("\u0001\u007f\u009f").unmapped, 3);  // controls
  EXPECT_EQ(assess("\ufffd").unmapped, 1);
  EXPECT_EQ(assess("\u0414\u0e01\u0627\u05d0\u10d0").unmapped, 0);
}

TEST(Assess, ASixthOfGarbageIsTheLine) {
  EXPECT_FALSE(is_unmapped({60, 9}));
  EXPECT_TRUE(is_unmapped({60, 10}));
}

TEST(Assess, ShortTextIsNeverJudged) {
  EXPECT_FALSE(is_unmapped(assess("\ue000")));
}
