// The OCR benchmark's hook (bench/ocr, bench/OCR.md): with KREPORT_OCR_BENCH=FILE in the
// environment, the image runs a page reads from /ActualText are read by OCR instead, and
// each line region's /ActualText and OCR text go to FILE with the CPU time the page's OCR
// took, so that the character error rate of kreport's own OCR is measured against exact
// text. Never set in normal use: the record then holds OCR text where it had exact text.
#pragma once

#include <string>
#include <vector>

#include "kreport/load.h"
#include "ocr.h"

namespace kreport::load {

/// The file named by KREPORT_OCR_BENCH, or "" when the benchmark is off.
const std::string& ocr_bench_file();

/// Appends one page's regions to the benchmark file: for each region (pixels at `dpi`) the
/// `truth` words whose centre lies in it and the OCR `lines` whose centre does, and one
/// line for the page with `cpu_seconds` (render and recognition, not the engine's start).
void ocr_bench_write(int page, int dpi, const std::vector<OcrRegion>& regions,
                     const std::vector<Word>& truth, const std::vector<OcrLine>& lines,
                     double cpu_seconds);

}  // namespace kreport::load
