// The driver: the stages in order, each a function from the value before to the next, each
// under a timer. Pages are loaded one at a time, so memory follows the page being read
// plus the lines kept for the document-wide steps.
//
//   load       bytes -> pages of words (poppler)            src/load
//   lines      words -> lines, normalized text (ICU)         src/layout, src/normalize
//   furniture  running headers, footers, page numbers        src/layout/running.cc
//   regions    columns, a sidebar, boxes: the page's parts      src/regions
//   tables     typed grids from geometry, the lines they take src/tables
//   order      the prose in reading order around the tables  src/layout/reading_order.cc
//   blocks     paragraphs, headings, bullets; line joining   src/layout/blocks.cc
//   sections   typed sections, captions and their sources    src/segment
//   meaning    document, peers, compliance, rating history   src/extract
#include "kreport/pipeline.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <optional>
#include <system_error>
#include <thread>

#include "kreport/diagnostics.h"
#include "kreport/error.h"
#include "kreport/extract.h"
#include "kreport/layout.h"
#include "kreport/load.h"
#include "kreport/normalize.h"
#include "kreport/regions.h"
#include "kreport/segment.h"
#include "kreport/stage_json.h"
#include "kreport/tables.h"

namespace kreport {
namespace {

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

OptString clean(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  std::string v = normalize(*s);
  if (v.empty()) return std::nullopt;
  return v;
}

Source describe_source(std::string_view bytes, const PdfDocument& doc, const std::string& path) {
  PdfInfo info = doc.info();
  Source s;
  s.path = sanitize_utf8(path);
  s.sha256 = sha256_hex(bytes);
  s.bytes = static_cast<long long>(bytes.size());
  s.pages = doc.page_count();
  s.pdf = {info.version, clean(info.producer), clean(info.creator), clean(info.title),
           info.created};
  return s;
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

Error no_text_error(size_t pages, const Diagnostics& diag) {
  auto count = [&](const char* code) {
    return std::count_if(diag.warnings().begin(), diag.warnings().end(),
                         [&](const Warning& w) { return w.code == code; });
  };
  return Error(Errc::no_text,
               "no usable text on any of " + std::to_string(pages) + " page(s): " +
                   std::to_string(count("NO_TEXT_LAYER")) + " without a text layer, " +
                   std::to_string(count("UNMAPPED_GLYPHS")) + " with unmapped fonts (needs OCR)");
}

int pages_to_read(const PdfDocument& doc, int max_pages, Diagnostics& diag) {
  int last = doc.page_count();
  if (max_pages > 0 && last > max_pages) {
    diag.warn("PAGES_TRUNCATED", 0,
              "only the first " + std::to_string(max_pages) + " of " + std::to_string(last) +
                  " pages were read (--max-pages)");
    last = max_pages;
  }
  return last;
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
          return d.page(n, options.ocr, options.threads);
        });
        r.troubled = !raw.problems.empty();
        r.lines = timed(t, "lines", [&] { return lines_of(raw, r.diag); });
      } catch (...) {
        r.error = std::current_exception();
        next = last + 1;  // the first failure in page order is thrown: no need to read on
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

std::vector<PageRegions> regions_of(const std::vector<PageLines>& pages) {
  std::vector<PageRegions> out;
  out.reserve(pages.size());
  for (const PageLines& p : pages) out.push_back(find_regions(p));
  return out;
}

std::vector<PageLayout> order_pages(std::vector<PageLines> pages, const TableSet& tables,
                                    const std::vector<PageRegions>& regions) {
  std::vector<PageLayout> out;
  out.reserve(pages.size());
  for (size_t i = 0; i < pages.size(); ++i)
    out.push_back(order_page(std::move(pages[i]), tables.placed[i], regions[i]));
  return out;
}

std::vector<PageBlocks> blocks_of(const std::vector<PageLayout>& pages,
                                  const Vocabulary& vocabulary) {
  std::vector<PageBlocks> out;
  out.reserve(pages.size());
  bool draws_line_ends = draws_line_end_spaces(pages);
  for (const PageLayout& page : pages)
    out.push_back(build_blocks(page, vocabulary, draws_line_ends));
  return out;
}

// Meaning: who wrote what about which company, its peers and the compliance notice.
void read_meaning(const std::vector<PageLayout>& pages, const std::vector<Table>& tables,
                  Report& report, Diagnostics& diag, std::vector<Evidence>* explain) {
  report.peers = peers_of(tables);
  report.compliance = extract_compliance(pages, report.sections, tables, diag);
  report.document =
      extract_document(pages, report.compliance ? &*report.compliance : nullptr, diag, explain);
  if (report.compliance)
    report.compliance->rating_history = rating_history_of(tables, pages, &diag);
  // An industry report's tables hold many companies' numbers, none of them "the" estimates.
  if (report.document.report_type == "company")
    report.estimates = estimates_of(tables, pages, report.document.published);
}

}  // namespace

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

Report convert(std::string_view bytes, const ConvertOptions& options) {
  try {
    Diagnostics diag;
    Steps t{options.timings, &options.progress};
    if (options.max_bytes > 0 && static_cast<long long>(bytes.size()) > options.max_bytes)
      throw Error(Errc::too_large, "input is " + std::to_string(bytes.size()) +
                                       " bytes, over the limit of " +
                                       std::to_string(options.max_bytes) + " (--max-size)");
    PdfDocument doc = timed(t, "load", [&] { return PdfDocument::open(bytes, options.password); });
    for (const std::string& note : doc.notes()) diag.warn("PDF_SYNTAX", 0, note);
    Report report;
    // Who the input is: path, hash and PDF info make a record traceable to its file.
    report.source = describe_source(bytes, doc, options.path);

    // Text, page by page: words, then lines of normalized text.
    int last = pages_to_read(doc, options.max_pages, diag);
    std::vector<PageLines> pages = read_pages(bytes, doc, last, options, t.timings, diag);
    if (std::all_of(pages.begin(), pages.end(), [](const PageLines& p) { return p.lines.empty(); }))
      throw no_text_error(pages.size(), diag);

    // What repeats on most pages is furniture; the words used anywhere tell where a line
    // broke inside a word. Both need the whole document.
    pages = timed(t, "furniture", [&] { return mark_running_lines(std::move(pages)); });
    Vocabulary vocabulary = timed(t, "furniture", [&] { return collect_vocabulary(pages); });
    if (options.dump) options.dump("lines", lines_json(pages));
    if (options.keep) options.keep->lines = pages;

    // What a reader sees before reading: the body's columns, a sidebar beside them, a lead
    // set apart in a box, from the lines and the page's drawing.
    std::vector<PageRegions> regions = timed(t, "regions", [&] { return regions_of(pages); });
    if (options.dump) options.dump("regions", regions_json(regions));
    if (options.keep) options.keep->regions = regions;

    // Tables from geometry, before the prose is ordered: a sidebar's boxes never read into
    // a sentence beside them.
    TableSet tables = timed(t, "tables", [&] { return find_tables(pages, vocabulary, regions); });
    for (const Warning& w : tables.warnings) diag.warn(w.code, w.page, w.message);
    if (options.dump) options.dump("tables", tables_json(tables));

    // The prose in reading order around the tables; after this, line order is final.
    std::vector<PageLayout> layout =
        timed(t, "order", [&] { return order_pages(std::move(pages), tables, regions); });

    // Blocks and sections: paragraphs joined, typed sections, figures with their sources.
    std::vector<PageBlocks> blocks =
        timed(t, "blocks", [&] { return blocks_of(layout, vocabulary); });
    if (options.dump) options.dump("blocks", blocks_json(blocks));
    Segments segments = timed(t, "sections", [&] { return segment(blocks); });
    report.sections = std::move(segments.sections);
    report.figures = std::move(segments.figures);

    timed(t, "meaning", [&] {
      read_meaning(layout, tables.tables, report, diag, options.explain);
      return 0;
    });
    report.tables = std::move(tables.tables);
    report.warnings = diag.warnings();
    return report;
  } catch (const Error& e) {
    throw e.in_file(options.path);
  }
}

}  // namespace kreport
