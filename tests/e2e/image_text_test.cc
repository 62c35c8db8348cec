// Text that is only pixels, end to end: runs drawn as image stencils with /ActualText
// (fixtures/odd/image_text.pdf, built as Word builds them), and a scanned page
// (fixtures/odd/scanned_report.pdf); --ocr auto|off|force. The OCR tests need a build with
// OCR (KREPORT_WITH_OCR) and skip without it.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "run.h"

using kreport::test::extract_record;
using kreport::test::run_kreport;

namespace {

constexpr const char* kImageText = "fixtures/odd/image_text.pdf";
constexpr const char* kScan = "fixtures/odd/scanned_report.pdf";

std::vector<std::string> codes(const nlohmann::json& j) {
  std::vector<std::string> out;
  for (auto& w : j["warnings"]) out.push_back(w["code"]);
  return out;
}

std::string text_of(const nlohmann::json& j, const std::string& origin) {
  std::string all;
  for (auto& s : j["sections"])
    for (auto& b : s["blocks"])
      if (b.contains("text") && b.value("origin", "text") == origin)
        all += b["text"].get<std::string>() + "\n";
  return all;
}

void expect_rating_box(const nlohmann::json& j) {
  const auto& rec = j["document"]["recommendation"];
  EXPECT_EQ(j["document"]["broker"]["id"], "kiwoom");
  EXPECT_EQ(rec["ticker"], "005930");
  EXPECT_EQ(rec["rating"], "buy");
  EXPECT_EQ(rec["target_price"]["value"], 95000);
  EXPECT_EQ(rec["current_price"]["value"], 72300);
}

TEST(ImageText, ActualTextGivesTheCoverWithoutOcr) {
  auto j = extract_record(std::string("--ocr off ") + kImageText);
  expect_rating_box(j);
  EXPECT_EQ(j["document"]["analysts"][0]["name"], "박성민");
  EXPECT_EQ(j["document"]["published"], "2024-11-14");
  std::string text = text_of(j, "actual_text");
  // Runs split mid-token ("95,0" + "00원") join; spaces come from the " " spans.
  EXPECT_NE(text.find("투자의견 BUY, 목표주가 95,000원 유지"), std::string::npos) << text;
  EXPECT_EQ(text_of(j, "text"), "");
}

// The annual summary drawn as pictures of its words (issue 33): a table, and its estimates,
// all the same, from the /ActualText of its cells.
TEST(ImageText, ATableDrawnAsPicturesIsReadFromItsActualText) {
  auto j = extract_record(std::string("--ocr off ") + kImageText);
  const nlohmann::json* summary = nullptr;
  for (const auto& t : j["tables"])
    if (t["kind"] == "financials") summary = &t;
  ASSERT_TRUE(summary);
  EXPECT_EQ((*summary)["columns"][4]["label"], "2025F");
  bool revenue = false;
  for (const auto& e : j["estimates"])
    if (e["metric"] == "revenue" && e["fiscal_year"] == 2025) {
      EXPECT_EQ(e["value"], 333500);
      EXPECT_EQ(e["kind"], "forecast");
      revenue = true;
    }
  EXPECT_TRUE(revenue);
}

TEST(ImageText, RunsWithoutActualTextAreWarnedWhenNotRead) {
  auto r = run_kreport(std::string("extract --ocr off ") + kImageText);
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["warnings"].size(), 1u) << j["warnings"].dump();
  EXPECT_EQ(j["warnings"][0]["code"], "TEXT_AS_IMAGES");
  EXPECT_EQ(j["warnings"][0]["page"], 1);
  EXPECT_EQ(j["warnings"][0]["message"],
            "7 run(s) of text drawn as images with no /ActualText, <1% of the page: not read");
  EXPECT_EQ(r.err, std::string("kreport: ") + kImageText +
                       " (page 1): warning TEXT_AS_IMAGES: 7 run(s) of text drawn as images with "
                       "no /ActualText, <1% of the page: not read\n");
}

#ifdef KREPORT_WITH_OCR
TEST(ImageText, OcrReadsTheRunsWithoutActualText) {
  auto j = extract_record(kImageText);  // --ocr auto is the default
  EXPECT_EQ(codes(j), std::vector<std::string>{"OCR_TEXT"});
  EXPECT_NE(text_of(j, "ocr").find("Review: 메모리 호조, 파운드리 적자 지속"), std::string::npos)
      << text_of(j, "ocr");
  expect_rating_box(j);
}

// Every warning of a page read by OCR is an OCR one: the lines read, the tables' cells read
// (OCR_CELLS), an OCR'd number left null (OCR_NUMBER_DROPPED), the target price read.
static bool only_ocr_warnings(const std::vector<std::string>& codes) {
  return !codes.empty() && codes[0] == "OCR_TEXT" &&
         std::all_of(codes.begin(), codes.end(), [](const std::string& c) {
           return c == "OCR_TEXT" || c == "OCR_CELLS" || c == "OCR_NUMBER" ||
                  c == "OCR_NUMBER_DROPPED";
         });
}

TEST(Scan, OcrAutoReadsTheRatingBox) {
  auto j = extract_record(std::string("--ocr auto ") + kScan);
  ASSERT_TRUE(only_ocr_warnings(codes(j))) << j["warnings"].dump();
  EXPECT_EQ(j["warnings"][0]["page"], 1);
  // A price OCR read says so (schema 1.5), and so does the warning.
  EXPECT_EQ(j["document"]["recommendation"]["target_price"]["origin"], "ocr");
  std::vector<std::string> said = codes(j);
  EXPECT_NE(std::find(said.begin(), said.end(), "OCR_NUMBER"), said.end());
  EXPECT_EQ(j["warnings"][0]["message"].get<std::string>().rfind(" line(s) read by OCR, mean "),
            2u);  // "NN line(s) ..."
  expect_rating_box(j);
  EXPECT_EQ(text_of(j, "text"), "");
  EXPECT_NE(text_of(j, "ocr"), "");
}

// 18 pages whose every word is a glyph image with no /ActualText (issue 34): all of it read by
// OCR, under the default limits (no --timeout given), page 1's rating box among it.
TEST(ImageText, EighteenPagesOfGlyphImagesConvertUnderTheDefaultLimits) {
  auto r = run_kreport("extract fixtures/odd/ocr_long_report.pdf");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["source"]["pages"], 18);
  std::vector<int> pages;
  for (auto& w : j["warnings"])
    if (w["code"] == "OCR_TEXT") pages.push_back(w["page"]);
  EXPECT_EQ(pages.size(), 18u) << "every page read by OCR";
  EXPECT_EQ(text_of(j, "text"), "");
  EXPECT_EQ(j["document"]["broker"]["id"], "mirae");
  EXPECT_EQ(j["document"]["recommendation"]["ticker"], "123450");
  EXPECT_EQ(j["document"]["recommendation"]["target_price"]["value"], 48000);
}

TEST(Scan, OcrForceReplacesTheTextLayer) {
  auto j = extract_record(std::string("--ocr force ") + kImageText);
  EXPECT_TRUE(only_ocr_warnings(codes(j))) << j["warnings"].dump();
  EXPECT_EQ(text_of(j, "actual_text"), "");
  EXPECT_NE(text_of(j, "ocr"), "");
}
#endif

TEST(Scan, OcrOffRejectsItAsBefore) {
  auto r = run_kreport(std::string("extract --ocr off ") + kScan);
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, std::string("kreport: ") + kScan +
                       ": no usable text on any of 1 page(s): 1 without a text layer, 0 with "
                       "unmapped fonts (needs OCR)\n");
}

// batch hands --ocr to every worker: off rejects the scan, auto (with OCR) converts it.
TEST(Scan, BatchPassesTheOcrMode) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("kreport-scan-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy_file(kreport::test::source_dir() / kScan, dir / "scan.pdf");
  auto off = run_kreport("batch -q --jsonl --ocr off '" + dir.string() + "'");
  EXPECT_EQ(off.code, 3) << off.err;
  EXPECT_NE(off.err.find("(needs OCR)"), std::string::npos) << off.err;
#ifdef KREPORT_WITH_OCR
  auto on = run_kreport("batch -q --jsonl --ocr auto '" + dir.string() + "'");
  EXPECT_EQ(on.code, 0) << on.err;
  EXPECT_NE(on.out.find("\"OCR_TEXT\""), std::string::npos);
#endif
  fs::remove_all(dir);
}

TEST(Scan, UnknownOcrModeIsAUsageError) {
  auto r = run_kreport(std::string("extract --ocr sometimes ") + kScan);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("--ocr"), std::string::npos) << r.err;
}

}  // namespace
