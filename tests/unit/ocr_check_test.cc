// OCR numbers are cross-checked: a rating box's target price read by OCR must agree with its
// current price and upside, else it is dropped (extract_document warns OCR_NUMBER_DROPPED).
#include <gtest/gtest.h>

#include <algorithm>

#include "../../src/extract/rules.h"
#include "builders.h"
#include "kreport/extract.h"

namespace kx = kreport::extract;
using kreport::Diagnostics;
using kreport::Line;
using kreport::Origin;
using kreport::PageLayout;

namespace {

// Kiwoom's box as OCR reads it (fixtures/odd/scanned_report.pdf), target as given.
std::vector<PageLayout> cover(const std::string& target, Origin origin = Origin::ocr) {
  std::vector<Line> lines;
  auto add = [&](const std::string& text, double x0, double y0, double x1, double size) {
    Line l = kreport::test::line(text, x0, y0, x1, size);
    l.origin = origin;
    lines.push_back(l);
  };
  add("삼성전자 (005930)", 49, 76, 141, 11);
  add("투자의견 BUY(유지)", 49, 109, 152, 12);
  add("목표주가(12M)", 50, 132, 100, 7.6);
  add(target, 161, 132, 193, 7.6);
  add("현재주가(11/13)", 50, 147, 105, 7.6);
  add("72,300원", 161, 147, 193, 7.6);
  add("상승여력", 50, 162, 79, 7.6);
  add("31.4%", 169, 162, 193, 7.6);
  for (int i = 0; i < 6; ++i) add("본문 문장입니다", 213, 300 + 20.0 * i, 550, 10);
  return {kreport::test::laid_out(lines)};
}

TEST(OcrCheck, TargetThatAgreesWithPriceAndUpsideStays) {
  auto pages = cover("95,000원");
  Diagnostics diag;
  auto doc = kreport::extract_document(pages, nullptr, diag);
  ASSERT_TRUE(doc.recommendation && doc.recommendation->target_price);
  EXPECT_EQ(doc.recommendation->target_price->value, 95000);
  EXPECT_FALSE(diag.has("OCR_NUMBER_DROPPED"));
}

TEST(OcrCheck, MisreadTargetIsDroppedWithAWarning) {
  auto pages = cover("96,000원");  // 72,300 x 1.314 = 95,002
  auto rec = kx::find_recommendation(pages);
  ASSERT_TRUE(rec && rec->target_price);
  EXPECT_TRUE(kx::ocr_target_disagrees(pages, *rec));
  Diagnostics diag;
  auto doc = kreport::extract_document(pages, nullptr, diag);
  ASSERT_TRUE(doc.recommendation);
  EXPECT_FALSE(doc.recommendation->target_price);
  auto w = std::find_if(diag.warnings().begin(), diag.warnings().end(),
                        [](auto& w) { return w.code == "OCR_NUMBER_DROPPED"; });
  ASSERT_NE(w, diag.warnings().end());
  EXPECT_EQ(w->page, 1);
  EXPECT_EQ(w->message,
            "the target price read by OCR (96000) disagrees with the current price and upside: "
            "dropped");
}

TEST(OcrCheck, TextLayerNumbersAreNotSecondGuessed) {
  auto pages = cover("96,000원", Origin::text);
  auto rec = kx::find_recommendation(pages);
  ASSERT_TRUE(rec);
  EXPECT_FALSE(kx::ocr_target_disagrees(pages, *rec));
}

}  // namespace
