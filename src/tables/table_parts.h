// Shared by the files of the tables stage (not a public header): a table is found in
// tables.cc, its region grown in region.cc, its grid built in grid.cc from cells cut in
// cells.cc. What a table's rows mean (peers, rating changes) is read in extract/.
#pragma once

#include <string>
#include <vector>

#include "kreport/diagnostics.h"
#include "kreport/layout.h"
#include "kreport/record.h"
#include "kreport/tables.h"

namespace kreport::tables {

/// The text of one table cell on one line: a line cut where a word ends without a space
/// and a gap follows (table cells are drawn one by one, words of a sentence with spaces).
struct Piece {
  std::string text;
  Bbox bbox;
  double size = 0;
  size_t line = 0;             // the index of the line it was cut from, in the page's lines
  bool whole = true;           // the line was not cut: it may be running text
  bool paragraph_end = false;  // the last line of a paragraph: running text, though short
  bool aside = false;          // its line lies in the first page's sidebar: never in a table
                               // with the body's lines, though on their baselines
  bool measured = true;        // its size is the font's, not an estimate from OCR's boxes
  bool ocr = false;            // OCR read it
};

/// The page's usual space between words (median, in font sizes), to tell cell gaps from it.
double usual_space(const std::vector<Line>& lines);
std::vector<Piece> pieces_of(const Line& line, size_t index, double page_space);

/// A long, wide piece that was not cut: a line of running text, never a table row.
bool is_running_text(const Piece& p, double page_width);

// Two heights (a cell's middle, a row's) are one row of a table: closer than
// kTable.same_row_em of `size`. Tighter than the layout's same_row (half an em): a table's
// rows may stand closer than lines of text.
bool on_one_row(double y, double row_y, double size);

/// A caption, source or note line ("표 1.", "자료:", "주:"): never a table's row.
bool is_caption(const std::string& text);

/// Cells sharing a height, in reading order.
struct Row {
  std::vector<const Piece*> cells;
  double top = 0, bottom = 0;
  bool prose = false;  // running text or a caption: it ends a table, never joins one
};

/// The cells of one page and which table, if any, has taken each.
struct PageCells {
  std::vector<Piece> pieces;  // reading order
  std::vector<bool> taken;
  double width = 0;

  size_t index(const Piece* p) const { return static_cast<size_t>(p - pieces.data()); }
  bool free(const Piece& p) const { return !taken[index(&p)] && !is_running_text(p, width); }
};

/// Every cell of the table found by rows [begin, end): the run, the columns beside it on
/// its rows (reading order may read a wide table in column groups), the rows below and
/// the header lines above, and anything inside.
std::vector<const Piece*> region_of(const std::vector<Row>& rows, size_t begin, size_t end,
                                    const PageCells& page);

struct Parsed {
  bool number = false;
  double value = 0;
  std::string suffix;  // "%", "TB/s", "배" as printed after the number
};

/// "4,786.7", "-12.0", "(3.4)" (negative), "95.2%", "$3M", "1,229 TB/s".
Parsed parse_number(const std::string& text);

/// A data value, not a header label: "1W", "2024A", "3Q25" carry a period letter.
bool is_value(const Parsed& p);

/// A row of values: most of its cells, or one of three or more, are values, and they are
/// not a row of bare years ("2024 2025").
bool numeric_row(const std::vector<const Piece*>& cells);

/// The grid of one table: `pieces` are every cell of it on its page, header cells above
/// the first row of values. Columns from the x-extents of the value rows; header cells
/// over several columns label each; a group label printed once for several rows in the
/// first column is carried to those rows.
/// A cell printed over several lines is one cell: its lines are joined by the layout's
/// Korean line-joining rules, with the document's `vocabulary`.
/// Cells found not to be the table's (a note beside it) are taken out of `pieces`.
Table build_grid(std::vector<const Piece*>& pieces, int page, const std::string& id,
                 const DocumentWords& vocabulary);

/// A column header that reads as a number: a bare year (`2024`) or a year and its month.
bool is_year_header(const std::string& text, const Parsed& p);

// ---- ocr_checks.cc: numbers OCR read ----
/// The warnings of the tables' OCR'd cells: each number left null, and per table how many
/// cells OCR read.
std::vector<Warning> ocr_warnings(const std::vector<Table>& tables);

/// The kind of a table from the words of its labels, first column or title; a table of
/// rating shares (`rating_shares`) is a rating_distribution whatever its words.
const char* kind_of(const Table& t);

/// Shares that make a rating distribution: two ratings or more, buy among them, none printed
/// twice (a history's column of ratings), each 0-100, adding up to 100.
bool adds_up(const std::vector<RatingShare>& shares);

/// A rating distribution too small for the grid finder (shares.cc), and the pieces it took.
struct ShareGrid {
  Table table;
  std::vector<const Piece*> pieces;
};
/// The rating distributions among the page's free cells: rating words each over its
/// percentage, or each followed by it (on one row, down one column, or in one piece). Marks
/// the cells it takes.
std::vector<ShareGrid> share_grids(PageCells& cells, int page);

// ---- history_words.cc: rating histories read from a page's words ----
/// A page that prints the words of a rating history (the table-kind vocabulary's row).
bool holds_history(const PageLines& page);
/// The second finder, after the grids: the rating changes printed on each page that holds a
/// history (and the page after one that read changes), across the page, down beside a chart
/// or in halves side by side, that no rating_history grid holds, as one table of kind
/// rating_history per page (date as ISO, opinion, target price, the two gaps, a note). A
/// price a grid's row lost is put in its cell. The tables claim the lines no table took
/// (`owners`); `ranks` is each line's place in reading order. Warns (HISTORY_UNREAD) when
/// a page prints a history's words and no change was read anywhere.
void add_word_histories(const std::vector<PageLines>& pages,
                        std::vector<std::vector<std::string>>& owners,
                        const std::vector<std::vector<size_t>>& ranks, TableSet& out);

}  // namespace kreport::tables
