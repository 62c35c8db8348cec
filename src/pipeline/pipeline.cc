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
//   sections   typed sections, captions and their sources    src/sections
//   meaning    document, peers, compliance, rating history   src/extract
#include "kreport/pipeline.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <new>
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
#include "kreport/sections.h"
#include "kreport/stage_json.h"
#include "kreport/tables.h"
#include "read_pages.h"

namespace kreport {
namespace {

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
                                  const DocumentWords& vocabulary) {
  std::vector<PageBlocks> out;
  out.reserve(pages.size());
  bool draws_line_ends = draws_line_end_spaces(pages);
  for (const PageLayout& page : pages)
    out.push_back(build_blocks(page, vocabulary, draws_line_ends));
  return out;
}

// Meaning: who wrote what about which company, its peers and the compliance notice.
void read_meaning(const std::vector<PageLayout>& pages, const std::vector<Table>& tables,
                  const std::vector<Table>& history_readings, Report& report, Diagnostics& diag,
                  std::vector<Evidence>* explain) {
  report.peers = peers_of(tables);
  report.compliance = extract_compliance(pages, report.sections, tables, diag);
  report.document =
      extract_document(pages, report.compliance ? &*report.compliance : nullptr, diag, explain);
  if (report.compliance) {
    std::vector<Table> histories;
    for (const Table& t : tables)
      if (t.kind == "rating_history") histories.push_back(t);
    histories.insert(histories.end(), history_readings.begin(), history_readings.end());
    report.compliance->rating_history = rating_history_of(histories);
  }
  // An industry report's tables hold many companies' numbers, none of them "the" estimates.
  if (report.document.report_type == "company")
    report.estimates = estimates_of(tables, pages, report.document.published);
}

}  // namespace

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
    DocumentWords vocabulary = timed(t, "furniture", [&] { return collect_document_words(pages); });
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
    SectionCut segments = timed(t, "sections", [&] { return cut_sections(blocks); });
    report.sections = std::move(segments.sections);
    report.figures = std::move(segments.figures);

    timed(t, "meaning", [&] {
      read_meaning(layout, tables.tables, tables.history_readings, report, diag, options.explain);
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
