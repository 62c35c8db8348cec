// The driver: one linear pass over the stages, a page at a time, so that memory follows the
// page being read plus the text kept for the record. Each step says why it is there.
#include <algorithm>

#include "kreport/diagnostics.h"
#include "kreport/error.h"
#include "kreport/extract.h"
#include "kreport/layout.h"
#include "kreport/load.h"
#include "kreport/normalize.h"
#include "kreport/pipeline.h"
#include "kreport/segment.h"

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

std::string join_words(const RawPage& page) {
  std::string all;
  for (const Word& w : page.words) all += w.text + ' ';
  return all;
}

// Reads one page into normalized lines, or into nothing plus a warning saying why not.
PageLayout read_page(const PdfDocument& doc, int number, Diagnostics& diag) {
  RawPage raw = doc.page(number);
  if (!raw.problems.empty())
    diag.warn("PDF_SYNTAX", number,
              std::to_string(raw.problems.size()) +
                  " PDF syntax problem(s), first: " + sanitize_utf8(raw.problems.front()));
  if (raw.words.empty()) {
    diag.warn("NO_TEXT_LAYER", number, "page has no extractable text (scanned or drawn as images)");
    return {number, raw.width, raw.height, {}, {}};
  }
  // Fonts without a Unicode map give glyph ids instead of characters: drop such a page's
  // text rather than pass it off as words.
  TextQuality q = assess(join_words(raw));
  if (is_unmapped(q)) {
    diag.warn("UNMAPPED_GLYPHS", number,
              std::to_string(q.unmapped) + " of " + std::to_string(q.visible) +
                  " characters have no Unicode mapping; page text dropped");
    return {number, raw.width, raw.height, {}, {}};
  }
  PageLayout layout = layout_page(raw);
  int dropped = 0;
  for (Line& line : layout.lines) line.text = normalize(line.text, &dropped);
  std::erase_if(layout.lines, [](const Line& l) { return l.text.empty(); });
  if (dropped > 0)
    diag.warn("DROPPED_SYMBOLS", number,
              std::to_string(dropped) +
                  " private-use or control character(s) dropped (symbol-font glyphs such as "
                  "bullets, with no Unicode meaning)");
  return layout;
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

}  // namespace

Report convert(std::string_view bytes, const ConvertOptions& options) {
  try {
    Diagnostics diag;
    if (options.max_bytes > 0 && static_cast<long long>(bytes.size()) > options.max_bytes)
      throw Error(Errc::too_large, "input is " + std::to_string(bytes.size()) +
                                       " bytes, over the limit of " +
                                       std::to_string(options.max_bytes) + " (--max-size)");
    PdfDocument doc = PdfDocument::open(bytes, options.password);
    for (const std::string& note : doc.notes()) diag.warn("PDF_SYNTAX", 0, note);
    Report report;
    // Who the input is: path, hash and PDF info make a record traceable to its file.
    report.source = describe_source(bytes, doc, options.path);

    // Text, page by page: load -> layout -> normalize.
    std::vector<PageLayout> pages;
    int last = doc.page_count();
    if (options.max_pages > 0 && last > options.max_pages) {
      diag.warn("PAGES_TRUNCATED", 0,
                "only the first " + std::to_string(options.max_pages) + " of " +
                    std::to_string(last) + " pages were read (--max-pages)");
      last = options.max_pages;
    }
    for (int n = 1; n <= last; ++n) pages.push_back(read_page(doc, n, diag));
    if (std::all_of(pages.begin(), pages.end(),
                    [](const PageLayout& p) { return p.lines.empty(); }))
      throw no_text_error(pages.size(), diag);

    // Furniture and paragraphs need the whole document: what repeats on most pages is a
    // running header, and the words used elsewhere tell where a line broke inside a word.
    mark_running_lines(pages);
    Vocabulary vocabulary = collect_vocabulary(pages);
    report.tables = detect_tables(pages, vocabulary);
    report.peers = peers_of(report.tables);
    for (PageLayout& page : pages) build_blocks(page, vocabulary);

    // Structure: sections of typed blocks, figures with their sources.
    Segments segments = segment(pages);
    report.sections = std::move(segments.sections);
    report.figures = std::move(segments.figures);

    // Meaning: who wrote what about which company, and the compliance notice.
    report.document = extract_document(pages, diag);
    report.compliance = extract_compliance(pages, diag);
    if (report.compliance) report.compliance->rating_history = rating_history_of(report.tables);

    report.warnings = diag.warnings();
    return report;
  } catch (const Error& e) {
    throw e.in_file(options.path);
  }
}

}  // namespace kreport
