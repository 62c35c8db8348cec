// OCR numbers are cross-checked: a rating box's target price read by OCR must agree with its
// current price and upside, else it is dropped (extract_document warns OCR_NUMBER_DROPPED).
#include <gtest/gtest.h>

#include <algorithm>

#include "../../src/extract/extract_parts.h"
#include "builders.h"
#include "kreport/extract.h"
#include "kreport/tables.h"

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

TEST(OcrCheck, TargetReadByOcrIsMarkedAndWarned) {
  Diagnostics diag;
  auto doc = kreport::extract_document(cover("95,000원"), nullptr, diag);
  ASSERT_TRUE(doc.recommendation && doc.recommendation->target_price);
  EXPECT_TRUE(doc.recommendation->target_price->ocr);  // "origin": "ocr" in the record
  EXPECT_TRUE(diag.has("OCR_NUMBER"));
  Diagnostics text_diag;
  auto text = kreport::extract_document(cover("95,000원", Origin::text), nullptr, text_diag);
  ASSERT_TRUE(text.recommendation && text.recommendation->target_price);
  EXPECT_FALSE(text.recommendation->target_price->ocr);
  EXPECT_FALSE(text_diag.has("OCR_NUMBER"));
}

TEST(OcrCheck, MisgroupedTargetIsLeftNullWithAWarning) {
  Diagnostics diag;
  auto doc = kreport::extract_document(cover("9,50,00원"), nullptr, diag);
  ASSERT_TRUE(doc.recommendation);
  EXPECT_FALSE(doc.recommendation->target_price);
  auto w = std::find_if(diag.warnings().begin(), diag.warnings().end(),
                        [](auto& w) { return w.code == "OCR_NUMBER_DROPPED"; });
  ASSERT_NE(w, diag.warnings().end());
  EXPECT_EQ(w->message,
            "the target price read by OCR ('9,50,00원') has the wrong digit grouping: left null");
}

TEST(OcrCheck, NumbersWithTheirDigitsGroupedWrongFail) {
  EXPECT_EQ(kreport::ocr_number_problem("12,34,000"), "the wrong digit grouping");
  EXPECT_EQ(kreport::ocr_number_problem("1,2345"), "the wrong digit grouping");
  EXPECT_EQ(kreport::ocr_number_problem("431,6l6억원"), "the wrong digit grouping");
  EXPECT_EQ(kreport::ocr_number_problem("12,345"), "");
  EXPECT_EQ(kreport::ocr_number_problem("1,234.5"), "");
  EXPECT_EQ(kreport::ocr_number_problem("(3.4)"), "");
  EXPECT_EQ(kreport::ocr_number_problem("-73.6"), "");
  EXPECT_EQ(kreport::ocr_number_problem("88,800 / 58,000원"), "");
  EXPECT_EQ(kreport::ocr_number_problem("삼성전자"), "");
}

TEST(OcrCheck, StockCodesAreSixDigits) {
  EXPECT_EQ(kreport::ocr_number_problem("05930"), "a stock code that is not six digits");
  EXPECT_EQ(kreport::ocr_number_problem("0059301"), "a stock code that is not six digits");
  EXPECT_EQ(kreport::ocr_number_problem("(05930)"), "a stock code that is not six digits");
  EXPECT_EQ(kreport::ocr_number_problem("005930"), "");
  EXPECT_EQ(kreport::ocr_number_problem("A005930"), "");
  EXPECT_EQ(kreport::ocr_number_problem("(035720)"), "");
}

TEST(OcrCheck, YearHeadersHaveAYearsForm) {
  EXPECT_EQ(kreport::ocr_header_problem("2O24E"), "not a year's form");
  EXPECT_EQ(kreport::ocr_header_problem("20245"), "not a year's form");
  EXPECT_EQ(kreport::ocr_header_problem("2024"), "");
  EXPECT_EQ(kreport::ocr_header_problem("2025F"), "");
  EXPECT_EQ(kreport::ocr_header_problem("2023.12"), "");
  EXPECT_EQ(kreport::ocr_header_problem("2023A"), "");
  EXPECT_EQ(kreport::ocr_header_problem("1Q25"), "");  // reads like no year: not checked
  EXPECT_EQ(kreport::ocr_header_problem("15.3"), "");
  EXPECT_EQ(kreport::ocr_header_problem("매출액"), "");  // nor a label
}

// A financial summary OCR read: each cell marked, a misgrouped number and a misread year
// header left empty, with warnings.
TEST(OcrCheck, TableCellsReadByOcrAreMarkedAndCheckedNumbersDropped) {
  auto cell = [](std::string text, double x0, double y0, double x1) {
    kreport::Line l = kreport::test::line(std::move(text), x0, y0, x1, 8);
    l.origin = Origin::ocr;
    return l;
  };
  std::vector<kreport::PageLines> pages = {kreport::test::page_lines({
      cell("결산기(12월)", 40, 100, 90),
      cell("2023A", 200, 100, 230),
      cell("2O24F", 260, 100, 290),
      cell("매출액", 40, 112, 70),
      cell("258,935", 195, 112, 230),
      cell("30,12,00", 255, 112, 290),
      cell("영업이익", 40, 124, 75),
      cell("6,567", 205, 124, 230),
      cell("32,800", 258, 124, 290),
      cell("ROE(%)", 40, 136, 70),
      cell("(3.4)", 210, 136, 230),
      cell("12.5", 260, 136, 290),
  })};
  kreport::TableSet found = kreport::find_tables(pages);
  ASSERT_EQ(found.tables.size(), 1u);
  const kreport::Table& t = found.tables[0];
  ASSERT_EQ(t.columns.size(), 3u);
  EXPECT_EQ(t.columns[1].label, "2023A");
  EXPECT_EQ(t.columns[2].label, "");  // 2O24F: no year to pass on
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(std::get<double>(t.rows[0][1]), 258935);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(t.rows[0][2]));  // 30,12,00: null
  ASSERT_TRUE(t.boxes[0][2]);
  EXPECT_TRUE(t.boxes[0][2]->ocr);
  EXPECT_TRUE(t.boxes[1][1]->ocr);
  std::vector<std::string> messages;
  for (const kreport::Warning& w : found.warnings) messages.push_back(w.code + ": " + w.message);
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "OCR_NUMBER_DROPPED: table t1: the column header '2O24F' read by OCR "
                          "is not a year's form: its label is left empty",
                          "OCR_NUMBER_DROPPED: table t1 row 1 column '': '30,12,00' read by OCR "
                          "has the wrong digit grouping: left null",
                          "OCR_CELLS: table t1: 9 cell(s) read by OCR (origin \"ocr\" in "
                          "cell_boxes): check them"}));
}

}  // namespace
