// Stage 2, layout: words -> lines; running headers and footers (furniture); then, once the
// tables stage has taken its lines, the prose in reading order -> blocks, with Korean line
// joining. Each function returns a new value: no stage writes into another's output.
#pragma once

#include <optional>
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
  bool space_after = false;        // the PDF put a space after it (or poppler saw a wide gap)
  bool space_before = false;       // the line's text has a space before it
  bool space_drawn_after = false;  // the PDF draws a space glyph after it (at a line's end too)
};

/// Words sharing a baseline and not separated by a gutter, joined with the spaces the PDF
/// put (or left as gaps) between them.
struct Line {
  std::string text;
  Bbox bbox;
  double size = 0;  // the dominant font size of the line
  std::string font;
  bool running = false;          // a running header/footer or page number (set by furniture)
  std::vector<Span> spans;       // its words as drawn (not normalized); may be empty (tests)
  Origin origin = Origin::text;  // where most of its characters came from
};

/// The lines of one page, in the order poppler's text flow gives them, and what the page
/// draws besides them.
struct PageLines {
  int number = 0;
  double width = 0, height = 0;
  std::vector<Line> lines;
  Drawing drawing = {};
};

/// What the regions stage (kreport/regions.h) finds on a page.
enum class RegionKind {
  column,   // a column of the body's running text
  sidebar,  // a narrow strip beside the body: rating box, stock data, chart, analyst card
  box,      // a framed or shaded box (or a block between two rules) in the body: a lead
  figure,   // a chart or picture: drawn paths and images, with the words printed on it
  banner,   // the first page's lines above the body: masthead, date, analysts' bylines
};

struct Region {
  RegionKind kind = RegionKind::column;
  Bbox bbox;
};

/// A figure on a page: its caption (a numbered caption, or an unnumbered title above it),
/// the `자료:` line under it, and the area between them. Where the area holds a chart (drawn
/// shapes, words on them but no prose or table rows) it is also a figure region, and the
/// words printed on the chart are neither prose nor a table's cells.
struct FigureArea {
  Bbox area;
  std::optional<Bbox> caption;  // the caption line's box; none for a source with no title
  Bbox source;
  bool chart = false;
  // The lines' text, for a figure whose blocks the page does not have (a line a table took).
  std::optional<std::string> caption_text = {};
  std::string source_text = {};
};

/// The regions of one page, and which of them holds each line.
struct PageRegions {
  int number = 0;
  std::vector<Region> regions;
  /// For each line of the page (the PageLines it was found on), the sidebar, box or chart
  /// it lies in (an index into `regions`), or -1 for the main flow. A line is in at most one.
  std::vector<int> line_region;
  std::vector<FigureArea> figures = {};  // in the order of their sources, top to bottom

  /// The kind of the region holding line `i`, or column for the main flow.
  RegionKind kind_of(size_t i) const {
    int r = i < line_region.size() ? line_region[i] : -1;
    return r < 0 ? RegionKind::column : regions[static_cast<size_t>(r)].kind;
  }
};

/// A page after tables and reading order: every line in its final order (a table's lines
/// together, where the table stands). Nothing changes it after order_page.
struct PageLayout {
  int number = 0;
  double width = 0, height = 0;
  std::vector<Line> lines;
  std::vector<std::string> tables;       // the id of the table each line belongs to, "" for none
  std::vector<Region> regions = {};      // the page's regions (the regions stage's)
  std::vector<int> region = {};          // the sidebar, box or chart of each line, -1 for none
  std::vector<FigureArea> figures = {};  // the page's figures (the regions stage's)

  /// The table line `i` belongs to, or "".
  std::string_view table_of(size_t i) const {
    return i < tables.size() ? std::string_view(tables[i]) : std::string_view();
  }
  /// The kind of the sidebar or box line `i` lies in, or column for the main flow.
  RegionKind region_of(size_t i) const {
    int r = i < region.size() ? region[i] : -1;
    return r < 0 ? RegionKind::column : regions[static_cast<size_t>(r)].kind;
  }
};

/// Lines of one paragraph, heading or list item. `text` is the lines joined by the Korean
/// line-joining rules; a bullet's marker is kept apart from its text.
struct TextBlock {
  std::string type;    // "heading", "paragraph", "bullet", or "table_ref" (text: the table id)
  std::string bullet;  // the marker of a bullet ("▪", "①", "1)"), else empty
  std::string text;
  Bbox bbox;
  double size = 0;
  Origin origin = Origin::text;            // where most of its characters came from
  RegionKind region = RegionKind::column;  // the sidebar or box it lies in, else column
};

/// The blocks of one page, in reading order (running lines and the words printed on charts
/// left out), and the page's figures.
struct PageBlocks {
  int number = 0;
  std::vector<TextBlock> blocks;
  std::vector<FigureArea> figures = {};
};

/// Groups a page's words into lines: a line ends where a word leaves the baseline band,
/// steps back, or jumps a gutter (a sidebar beside the body is not one line with it).
PageLines layout_page(const RawPage& page);

/// Two lines (or words, or a line and a cell) stand on one row: their middles are closer
/// than half an em of `size` (kLayout.same_row_em; cells of a table share a baseline to
/// 0.3 em, the next line stands a line height away). The row test of the layout and regions
/// steps; the tables step keeps its own, tighter one (kTable.same_row_em).
bool same_row(const Bbox& a, const Bbox& b, double size);

/// Running text: a line long enough, in characters and across the page, to be a line of a
/// paragraph (a sidebar's rows, table cells, captions and headings are shorter).
bool is_running_text(const Line& line, double page_width);

/// In the page's top or bottom band, where running headers and footers (and a cover's
/// masthead, `COMPANY UPDATE`) are printed.
bool in_margin_band(const Line& line, double page_height);

/// Furniture: marks lines repeated at the same place on most pages (banners, series names,
/// page numbers, footers) as running. Needs every page.
std::vector<PageLines> mark_running_lines(std::vector<PageLines> pages);

/// The short last lines of paragraphs: a line right under a line of running text, starting
/// where it starts and ending before it ends ("9.3 조원으로 예상한다." under a full body
/// line). Prose, though short: never a table's cell beside a sidebar's rows.
std::vector<bool> paragraph_ends(const PageLines& page);

/// What the reading order looks at of a line or of a table standing on the page.
struct OrderItem {
  Bbox bbox;
  double size = 0;
  std::string_view text;  // empty for a table
};

/// The order to read `items` in (indices), by recursive cuts along whitespace: columns one
/// after the other, a sidebar as its own group, full-width headings and tables where they
/// stand, figures side by side one by one. Until the tables are taken out (`tables_taken`),
/// a gutter between rows of short cells is a table's column gap, never cut.
std::vector<size_t> reading_order(const std::vector<OrderItem>& items, bool tables_taken = false);

/// The items of `lines`, for reading_order.
std::vector<OrderItem> order_items(const std::vector<Line>& lines);

/// A table's place on a page: the lines it took (indices into the page's lines).
struct PlacedTable {
  std::string id;
  std::vector<size_t> lines;  // in the table's own order
};

/// The page in reading order: its prose lines ordered around the tables, each table read as
/// one piece at its place, its lines in the table's order. A sidebar's lines and tables
/// read as a page of their own, where the eye meets a sidebar on the left (after what stands
/// above its top), after the rest on the right. `regions` are the page's.
PageLayout order_page(PageLines page, const std::vector<PlacedTable>& tables,
                      const PageRegions& regions = {});

/// Words seen in the document, for deciding whether a line break fell inside a word.
using DocumentWords = std::unordered_set<std::string>;
DocumentWords collect_document_words(const std::vector<PageLines>& pages);

/// Whether the document's text layer draws the spaces at its lines' ends as glyphs (Word
/// does): then a paragraph's break without one fell inside a word.
bool draws_line_end_spaces(const std::vector<PageLayout>& pages);

/// The page's blocks from its non-running lines; a table becomes one table_ref block where
/// it stands. `document_draws_line_ends`: what draws_line_end_spaces says of the document,
/// for pages with too few paragraph breaks to tell themselves.
PageBlocks build_blocks(const PageLayout& page, const DocumentWords& vocabulary,
                        bool document_draws_line_ends = false);

/// What the document says about one line break of a paragraph, besides its words.
struct BreakEvidence {
  /// The paragraph (or, where its geometry cannot tell, its page) wraps inside words.
  bool wraps_inside_words = false;
  /// The paragraph's own lines show it breaks anywhere, Latin words too ("Intelli" + "gence"):
  /// ragged lines that all end within a letter of the edge (CSS break-all; Word's "영문 단어
  /// 잘림 허용"). A page's habit does not say this: browsers and Word wrap Latin words whole.
  bool breaks_latin_words = false;
  /// Whether the PDF drew a space glyph at the line's end, where the page shows its
  /// typesetter draws them: then that decides (a break without one is inside a word).
  std::optional<bool> drawn_space;
  /// The line ended with room for the next line's first letter: the typesetter did not
  /// break inside a word there (one that does fills a line to within a letter).
  bool room_for_next = false;
};

/// Joins two lines of one paragraph: no space where the break fell inside a word
/// ("애플" + "은 자체" -> "애플은 자체"), "Chat-" + "GPT" -> "Chat-GPT", else one space.
std::string join_lines(const std::string& first, const std::string& next,
                       const DocumentWords& vocabulary, const BreakEvidence& evidence = {});

}  // namespace kreport
