// The part of a conversion that runs on several threads (read_pages.h: poppler documents
// reading pages at once, and OCR with two engines) under ThreadSanitizer: preset tsan
// builds this test with load, lines and the reader alone (scripts/test.sh runs it). Each
// document is read on two threads and on one, and the lines and warnings must be the same.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../../src/load/ocr.h"
#include "../../src/pipeline/read_pages.h"
#include "kreport/diagnostics.h"
#include "kreport/load.h"

namespace fs = std::filesystem;
using namespace kreport;

namespace {

std::string bytes_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The lines of every page, text and box, and the warnings: what the reading decides.
std::string read_as_text(const std::string& bytes, int threads, OcrMode ocr) {
  PdfDocument doc = PdfDocument::open(bytes, "");
  ConvertOptions options;
  options.threads = threads;
  options.ocr = ocr;
  Diagnostics diag;
  std::vector<PageLines> pages = read_pages(bytes, doc, doc.page_count(), options, nullptr, diag);
  std::ostringstream out;
  for (const PageLines& p : pages) {
    out << "page " << p.number << "\n";
    for (const Line& l : p.lines)
      out << l.bbox.x0 << ' ' << l.bbox.y0 << ' ' << l.bbox.x1 << ' ' << l.bbox.y1 << ' ' << l.text
          << "\n";
  }
  for (const Warning& w : diag.warnings())
    out << w.code << ' ' << w.page << ' ' << w.message << "\n";
  return out.str();
}

const fs::path kFixtures = fs::path(KREPORT_SOURCE_DIR) / "fixtures";

}  // namespace

// Every many-page fixture, text layer only: two poppler documents reading at once.
TEST(ReadPagesTsan, TwoReadersGiveWhatOneGives) {
  int documents = 0;
  for (const auto& entry : fs::directory_iterator(kFixtures)) {
    if (entry.path().extension() != ".pdf") continue;
    std::string bytes = bytes_of(entry.path());
    std::string one = read_as_text(bytes, 1, OcrMode::off);
    EXPECT_EQ(read_as_text(bytes, 2, OcrMode::off), one) << entry.path();
    EXPECT_NE(one.find("page 1\n"), std::string::npos) << entry.path();
    ++documents;
  }
  EXPECT_GE(documents, 10);
}

// Pages read by OCR, where a page of many lines is shared by two engines, and image runs
// with /ActualText: the threads of OCR and of the readers together.
TEST(ReadPagesTsan, OcrOnTwoCoresGivesWhatOneGives) {
  std::string why;
  if (!load::ocr_engine(&why)) GTEST_SKIP() << "no OCR: " << why;
  for (const char* name : {"odd/scanned_report.pdf", "odd/image_text.pdf"}) {
    std::string bytes = bytes_of(kFixtures / name);
    std::string one = read_as_text(bytes, 1, OcrMode::automatic);
    EXPECT_EQ(read_as_text(bytes, 2, OcrMode::automatic), one) << name;
    EXPECT_NE(one.find("OCR_TEXT"), std::string::npos) << name;
  }
}
