// The whole pipeline, bytes -> record, as one call the CLI (and anyone else) can make.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kreport/extract.h"
#include "kreport/layout.h"
#include "kreport/load.h"
#include "kreport/record.h"

namespace kreport {

/// Time spent in each step of one conversion, in the order the steps first ran.
struct Timings {
  std::vector<std::pair<std::string, double>> seconds;
  void add(const std::string& step, double s);
  /// "load 41.2%  lines 9.8% ..." with each step's time in ms, for people.
  std::string describe() const;
};

/// A stage's output as JSON, handed to `ConvertOptions::dump`: "lines", "tables", "blocks".
using StageDump = std::function<void(const std::string& stage, const std::string& json)>;

/// The middle stages' values themselves, kept where `--dump-stage` takes their JSON (for
/// `kreport show`, which draws them). The tables, blocks and sections are the record's.
struct StageValues {
  std::vector<PageLines> lines;  // after furniture: Line::running set
  std::vector<PageRegions> regions;
};

struct ConvertOptions {
  std::string path = "-";      // how the input is named in the record and in errors
  std::string password;        // user or owner password for encrypted PDFs
  long long max_bytes = 0;     // larger inputs are rejected (0: no limit)
  int max_pages = 0;           // pages after this many are not read, with a warning (0: all)
  OcrMode ocr = OcrMode::off;  // the CLI's default is automatic
  // Cores one conversion may use: pages are read by this many poppler documents at once,
  // and a page of many OCR lines by two engines (see PdfDocument::page). One process per
  // file (kreport extract) gives it the machine's cores; a batch worker keeps 1.
  int threads = 1;
  // When not empty, OCR (as `ocr` says) reads these pages only, and the others are read as
  // with OCR off: `kreport show` draws a few pages and need not wait for the others' OCR.
  std::vector<int> ocr_pages;
  Timings* timings = nullptr;  // when set, each step's time is added to it
  // When set, gets which rule decided each field of `document` and from which text on which
  // page (`kreport extract --explain`); never part of the record.
  std::vector<Evidence>* explain = nullptr;
  StageDump dump;               // when set, called with each dumpable stage's output
  StageValues* keep = nullptr;  // when set, gets a copy of the stages' values
  // When set, called (from any of the reading threads) each time a page or a stage is
  // done: the CLI's deadline is one of progress (guard_progress).
  std::function<void()> progress;
};

/// Turns one PDF into its record (load, layout, tables, blocks, sections, meaning).
/// Throws Error (naming `options.path`) when the input is rejected; everything recoverable
/// ends up in the record's warnings.
Report convert(std::string_view bytes, const ConvertOptions& options);

}  // namespace kreport
