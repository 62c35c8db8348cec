// Stage 2, layout: words -> lines -> blocks, in reading order, with running headers and
// footers told apart from the body.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "kreport/geometry.h"
#include "kreport/load.h"

namespace kreport {

/// One word of a line as the PDF drew it: tables split lines into cells where a word ends
/// without a space and a gap follows.
struct Span {
  std::string text;
  Bbox bbox;
  bool space_after = false;   // the PDF put a space after it (or poppler saw a wide gap)
  bool space_before = false;  // the line's text has a space before it
};

/// Words sharing a baseline and not separated by a gutter, joined with the spaces the PDF
/// put (or left as gaps) between them.
struct Line {
  std::string text;
  Bbox bbox;
  double size = 0;  // the dominant font size of the line
  std::string font;
  bool running = false;          // a running header/footer or page number, repeated on most pages
  std::string table;             // id of the table this line is a cell of ("t1"), else empty
  std::vector<Span> spans;       // its words as drawn (not normalized); may be empty (tests)
  Origin origin = Origin::text;  // where most of its characters came from
};

/// Lines of one paragraph, heading or list item. `text` is the lines joined by the Korean
/// line-joining rules; a bullet's marker is kept apart from its text.
struct TextBlock {
  std::string type;    // "heading", "paragraph", "bullet", or "table_ref" (text: the table id)
  std::string bullet;  // the marker of a bullet ("▪", "①", "1)"), else empty
  std::string text;
  Bbox bbox;
  double size = 0;
  Origin origin = Origin::text;  // where most of its characters came from
};

struct PageLayout {
  int number = 0;
  double width = 0, height = 0;
  std::vector<Line> lines;        // every line, in reading order
  std::vector<TextBlock> blocks;  // the body (running lines left out), in reading order
};

/// Groups a page's words into lines and puts them in reading order: columns one after the
/// other, a sidebar as its own group, full-width headings and tables where they stand.
PageLayout layout_page(const RawPage& page);

/// Puts lines in reading order by recursive cuts along whitespace (exposed for tests).
std::vector<Line> reading_order(std::vector<Line> lines);

/// Marks lines repeated at the same place on most pages (banners, series names, page
/// numbers, footers) as running. Needs every page: call after layout_page on all of them.
void mark_running_lines(std::vector<PageLayout>& pages);

/// Words seen in the document, for deciding whether a line break fell inside a word.
using Vocabulary = std::unordered_set<std::string>;
Vocabulary collect_vocabulary(const std::vector<PageLayout>& pages);

/// Builds the page's blocks from its non-running lines (normalized text expected); the
/// lines of a table become one table_ref block where the table starts.
void build_blocks(PageLayout& page, const Vocabulary& vocabulary);

/// Joins two lines of one paragraph: no space where the break fell inside a word
/// ("애플" + "은 자체" -> "애플은 자체"), "Chat-" + "GPT" -> "Chat-GPT", else one space.
/// `wraps_inside_words`: the page's other breaks show its typesetter wraps mid-word.
std::string join_lines(const std::string& first, const std::string& next,
                       const Vocabulary& vocabulary, bool wraps_inside_words = false);

}  // namespace kreport
