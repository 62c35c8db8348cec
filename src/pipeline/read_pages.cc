// Reading the pages, on one core or several (see read_pages.h). Each reader is a poppler
// document of its own: poppler's objects are not shared between threads.
#include "read_pages.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>
#include <optional>
#include <system_error>
#include <thread>

#include "kreport/error.h"
#include "kreport/normalize.h"

namespace kreport {
namespace {

// Test hook (tests/e2e/limits_test.cc): KREPORT_TEST_SLOW_PAGES="S" makes reading each page
// take S seconds more, "S@N" page N alone, so that the deadline of progress can be seen to
// let a slow document through and stop a stuck page. Never set in normal use.
void test_delay(int page) {
  static const char* hook = std::getenv("KREPORT_TEST_SLOW_PAGES");
  if (!hook) return;
  char* end = nullptr;
  double seconds = std::strtod(hook, &end);
  if (end && *end == '@' && std::atoi(end + 1) != page) return;
  if (seconds > 0) std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
}

std::string join_words(const RawPage& page) {
  std::string all;
  for (const Word& w : page.words) all += w.text + ' ';
  return all;
}

// "12%", or "<1%" for a sliver.
std::string percent(double share) {
  int p = static_cast<int>(share * 100 + 0.5);
  return p < 1 ? "<1%" : std::to_string(p) + "%";
}

// The OCR mode of page n: ConvertOptions::ocr, unless ocr_pages leaves the page out.
OcrMode ocr_for(const ConvertOptions& options, int n) {
  const std::vector<int>& only = options.ocr_pages;
  if (only.empty() || std::find(only.begin(), only.end(), n) != only.end()) return options.ocr;
  return OcrMode::off;
}

// One page read: its lines and the warnings it raised, or what it threw.
struct PageRead {
  PageLines lines;
  Diagnostics diag;
  bool troubled = false;  // poppler complained while reading it
  std::exception_ptr error;
};

// Pages 1..last read by `readers` poppler documents at once: `doc` and others opened from the
// same bytes, each taking the next page no other has taken. Steps are timed per thread and
// added up.
std::vector<PageRead> read_with(int readers, std::string_view bytes, const PdfDocument& doc,
                                int last, const ConvertOptions& options, Timings* timings) {
  std::vector<PageRead> reads(static_cast<size_t>(last));
  std::vector<Timings> times(static_cast<size_t>(readers));
  std::atomic<int> next{1};
  auto read_on = [&](const PdfDocument& d, Timings* own_times) {
    Steps t{own_times, &options.progress};
    for (int n = next++; n <= last; n = next++) {
      PageRead& r = reads[static_cast<size_t>(n - 1)];
      try {
        RawPage raw = timed(t, "load", [&] {
          test_delay(n);
          return d.page(n, ocr_for(options, n), options.threads);
        });
        r.troubled = !raw.problems.empty();
        r.lines = timed(t, "lines", [&] { return lines_of(raw, r.diag); });
      } catch (const Error& e) {
        r.error = std::make_exception_ptr(e.page() > 0 ? e : e.on_page(n));
        next = last + 1;  // the first failure in page order is thrown: no need to read on
      } catch (const std::bad_alloc&) {
        r.error = std::current_exception();  // the memory limit's, said as such by the caller
        next = last + 1;
      } catch (const std::exception& e) {
        // A bug met on one page: the line asking for a report says which page.
        r.error = std::make_exception_ptr(
            Error(Errc::internal, std::string("internal error: ") + e.what(), "", n));
        next = last + 1;
      }
    }
  };
  std::vector<std::thread> helpers;
  for (int k = 1; k < readers; ++k) {
    try {
      helpers.emplace_back([&, k] {
        Steps t{timings ? &times[static_cast<size_t>(k)] : nullptr, &options.progress};
        std::optional<PdfDocument> own;
        try {
          own.emplace(timed(t, "load", [&] { return PdfDocument::open(bytes, options.password); }));
        } catch (...) {
          return;  // the first document opened these bytes: it reads the pages left
        }
        read_on(*own, t.timings);
      });
    } catch (const std::system_error&) {
      break;  // no thread to be had (a process or address-space limit): fewer readers
    }
  }
  read_on(doc, timings ? &times[0] : nullptr);
  for (std::thread& h : helpers) h.join();
  if (timings)
    for (const Timings& t : times)
      for (const auto& [step, s] : t.seconds) timings->add(step, s);
  return reads;
}

}  // namespace

// Turns one page's words into normalized lines, or into none plus a warning saying why.
PageLines lines_of(const RawPage& raw, Diagnostics& diag) {
  PageLines empty{raw.number, raw.width, raw.height, {}};
  if (!raw.problems.empty())
    diag.warn("PDF_SYNTAX", raw.number,
              std::to_string(raw.problems.size()) +
                  " PDF syntax problem(s), first: " + sanitize_utf8(raw.problems.front()));
  if (!raw.unread_image_text.empty())
    diag.warn("TEXT_AS_IMAGES", raw.number,
              std::to_string(raw.unread_image_text.size()) +
                  " run(s) of text drawn as images with no /ActualText, " +
                  percent(raw.unread_image_share) + " of the page: not read");
  if (!raw.ocr_messages.empty())
    diag.warn("OCR_ENGINE", raw.number,
              std::to_string(raw.ocr_messages.size()) +
                  " message(s) from the OCR engine's image library (leptonica) about the page "
                  "image, first: " +
                  sanitize_utf8(raw.ocr_messages.front()));
  if (raw.ocr_lines > 0)
    diag.warn("OCR_TEXT", raw.number,
              std::to_string(raw.ocr_lines) + " line(s) read by OCR, mean confidence " +
                  std::to_string(static_cast<int>(raw.ocr_confidence + 0.5)) +
                  "%: check names and numbers");
  if (raw.words.empty()) {
    diag.warn("NO_TEXT_LAYER", raw.number,
              "page has no extractable text (scanned or drawn as images)");
    return empty;
  }
  // Fonts without a Unicode map give glyph ids instead of characters: drop such a page's
  // text rather than pass it off as words.
  TextQuality q = assess(join_words(raw));
  if (is_unmapped(q)) {
    diag.warn("UNMAPPED_GLYPHS", raw.number,
              std::to_string(q.unmapped) + " of " + std::to_string(q.visible) +
                  " characters have no Unicode mapping; page text dropped");
    return empty;
  }
  PageLines page = layout_page(raw);
  int dropped = 0;
  // Text is normalized here, once: the line's and each of its words' (the tables stage cuts
  // cells from the words and takes their text as it is).
  for (Line& line : page.lines) {
    line.text = normalize(line.text, &dropped);
    for (Span& s : line.spans) s.text = normalize(s.text);
    std::erase_if(line.spans, [](const Span& s) { return s.text.empty(); });
  }
  std::erase_if(page.lines, [](const Line& l) { return l.text.empty(); });
  if (dropped > 0)
    diag.warn("DROPPED_SYMBOLS", raw.number,
              std::to_string(dropped) +
                  " private-use or control character(s) dropped (symbol-font glyphs such as "
                  "bullets, with no Unicode meaning)");
  return page;
}

// Each page: its words from poppler, then its lines, on up to `options.threads` cores. The
// pages' warnings are kept in page order, so the record is the same as with one core.
std::vector<PageLines> read_pages(std::string_view bytes, const PdfDocument& doc, int last,
                                  const ConvertOptions& options, Timings* timings,
                                  Diagnostics& diag) {
  int readers = std::clamp(options.threads, 1, last);
  std::vector<PageRead> reads = read_with(readers, bytes, doc, last, options, timings);
  // What poppler says about a damaged file can be the document's, not the page's: each
  // document rebuilds a broken xref when it first needs it, and says so on that page. Such a
  // file is read again on one core, by a document that has been through what `doc` had (its
  // info dictionary read), so its warnings fall on the pages they fall on with one core.
  if (readers > 1 && std::any_of(reads.begin(), reads.end(),
                                 [](const PageRead& r) { return r.troubled || r.error; })) {
    PdfDocument again = PdfDocument::open(bytes, options.password);
    (void)again.info();
    reads = read_with(1, bytes, again, last, options, timings);
  }
  std::vector<PageLines> pages;
  pages.reserve(reads.size());
  for (PageRead& r : reads) {
    if (r.error) std::rethrow_exception(r.error);
    for (const Warning& w : r.diag.warnings()) diag.warn(w.code, w.page, w.message);
    pages.push_back(std::move(r.lines));
  }
  return pages;
}

void Timings::add(const std::string& step, double s) {
  auto it = std::find_if(seconds.begin(), seconds.end(), [&](auto& p) { return p.first == step; });
  if (it == seconds.end())
    seconds.emplace_back(step, s);
  else
    it->second += s;
}

std::string Timings::describe() const {
  double total = 0;
  for (const auto& [step, s] : seconds) total += s;
  std::string out;
  for (const auto& [step, s] : seconds) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s%s %.1f ms (%.1f%%)", out.empty() ? "" : ", ", step.c_str(),
                  s * 1000, total > 0 ? 100 * s / total : 0.0);
    out += buf;
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "; total %.1f ms", total * 1000);
  return out + buf;
}

}  // namespace kreport
