// Reading the pages: each page's words from poppler (load), then its lines (lines), on up
// to `ConvertOptions::threads` cores. The only part of a conversion that runs on several
// threads; apart from the driver so that the ThreadSanitizer build (preset tsan) can take it
// with load, lines and nothing else. Not a public header.
#pragma once

#include <chrono>
#include <functional>
#include <string_view>
#include <vector>

#include "kreport/diagnostics.h"
#include "kreport/layout.h"
#include "kreport/load.h"
#include "kreport/pipeline.h"

namespace kreport {

// Where a step's time goes (timings, when asked for) and whom its end is told to.
struct Steps {
  Timings* timings = nullptr;
  const std::function<void()>* progress = nullptr;
};

// Adds the time of `f()` to `step` when timings are asked for, says that a step is done,
// and returns what f returns.
template <typename F>
auto timed(const Steps& steps, const char* step, F&& f) {
  auto start = std::chrono::steady_clock::now();
  auto result = f();
  if (steps.timings)
    steps.timings->add(
        step, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  if (steps.progress && *steps.progress) (*steps.progress)();
  return result;
}

/// One page's words turned into normalized lines, or into none plus a warning saying why.
PageLines lines_of(const RawPage& raw, Diagnostics& diag);

/// Pages 1..last of `doc` (opened from `bytes`) as lines, their warnings added to `diag` in
/// page order: the same record with any number of threads. Throws the first page's failure
/// in page order, as an Error naming its page.
std::vector<PageLines> read_pages(std::string_view bytes, const PdfDocument& doc, int last,
                                  const ConvertOptions& options, Timings* timings,
                                  Diagnostics& diag);

}  // namespace kreport
