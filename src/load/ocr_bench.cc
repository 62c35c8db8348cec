// The OCR benchmark's hook: one tab-separated line per region, `R page x0 y0 x1 y1 truth
// ocr` (pixels at the page's OCR resolution; tabs and newlines in text become spaces), and
// one per page, `P page regions cpu_seconds`. bench/ocr/cer.py reads it.
#include "ocr_bench.h"

#include <cstdio>
#include <cstdlib>

namespace kreport::load {
namespace {

std::string flat(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

bool inside(const OcrRegion& r, double x, double y) {
  return x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1;
}

}  // namespace

const std::string& ocr_bench_file() {
  static const std::string file = [] {
    const char* f = std::getenv("KREPORT_OCR_BENCH");
    return std::string(f ? f : "");
  }();
  return file;
}

void ocr_bench_write(int page, int dpi, const std::vector<OcrRegion>& regions,
                     const std::vector<Word>& truth, const std::vector<OcrLine>& lines,
                     double cpu_seconds) {
  std::FILE* f = std::fopen(ocr_bench_file().c_str(), "a");
  if (!f) return;
  double px = dpi / 72.0;
  for (const OcrRegion& r : regions) {
    std::string want, got;
    for (const Word& w : truth)
      if (inside(r, w.bbox.center_x() * px, (w.bbox.y0 + w.bbox.y1) / 2 * px))
        want += w.text + (w.space_after ? " " : "");
    for (const OcrLine& l : lines)
      if (inside(r, (l.x0 + l.x1) / 2.0, (l.y0 + l.y1) / 2.0))
        got += (got.empty() ? "" : " ") + l.text;
    std::fprintf(f, "R\t%d\t%d\t%d\t%d\t%d\t%s\t%s\n", page, r.x0, r.y0, r.x1, r.y1,
                 flat(want).c_str(), flat(got).c_str());
  }
  std::fprintf(f, "P\t%d\t%zu\t%.4f\n", page, regions.size(), cpu_seconds);
  std::fclose(f);
}

}  // namespace kreport::load
