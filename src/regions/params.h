// The regions stage's thresholds, each with its unit and the layouts it was measured on (the
// first pages of the 76 real reports of 17 firms, and the fixtures). Not a public header.
#pragma once

#include <cstddef>

namespace kreport {

struct RegionParams {
  // ---- columns ----
  // Lines of running text whose left edges agree to within this (pt) start one column
  // (justified body text starts exactly there; a bullet's hanging indent is a group of its
  // own, merged below).
  double same_left_pt = 4.0;
  // A column has at least this many lines of running text (a headline and a lead sentence
  // are not a column; the shortest first-page bodies have 8).
  int column_lines = 4;
  // Two groups of lines are one column when their spans across the page overlap by this
  // share of the narrower and their left edges are at most this far apart (pt): an indented
  // paragraph or a bullet's hanging indent (1-3 em) inside a column, not a full-width lead
  // above a column that leaves room for a sidebar.
  double same_column_overlap = 0.5;
  double max_indent_pt = 30.0;

  // ---- sidebar ----
  // The gap (pt) between a sidebar's lines and the body's columns: a sidebar's text ends
  // 20-40 pt before the body starts; a word of the body column never reaches past it.
  double sidebar_gap_pt = 4.0;
  // A sidebar holds at least this many lines (the sparsest, an analyst card with a rating
  // box and three stock-data rows, has 8); fewer are a margin note or a logo's words.
  int sidebar_lines = 5;
  // and is at most this share of the page wide (sidebars are 0.22-0.32 of it; a second
  // body column is wider).
  double sidebar_share = 0.45;
  // A sidebar table's cell past the strip (where the column has ended above) is its row's:
  // in the same print (sizes within this share) and at most this many em from its neighbour
  // (a summary's last year: 2.7 em from the one before it).
  double row_mate_size_share = 0.15;
  double row_mate_gap_em = 4.0;
  // Under the body's columns, a line in the body's width this many em clear of what stands
  // on its left on its row is a second thing side by side (a table beside the strip's,
  // Yuanta: 3.75 em), not a strip's table running a column past it (2.7 em).
  double full_width_gutter_em = 3.0;
  double crossing_rows = 3.0;  // ... near a line crossing the gutter: within this many sizes
  long row_mate_column = 3;    // such cells one under another: a table's column, not a stray line
  // A line of an analyst's card above the e-mail (name, title, phone) is this short (chars).
  size_t card_line_chars = 30;
  // A line above the body this much larger than its running text heads the page (the
  // company's name, the headline: 16-28 pt over 9-11 pt text), it is no banner.
  double headline_scale = 1.3;
  // Lines of one stack (a column's headings above its text, a title block) follow each
  // other by less than this many line heights.
  double stack_gap_lines = 2.0;

  // ---- boxes ----
  // A drawn box frames a lead when it is at least this share of its column wide (a lead box
  // spans the column; a table's shaded header cell or a label chip does not) ...
  double box_column_share = 0.6;
  // ... holds at least this many rows of text, one of them running text ...
  int box_lines = 2;
  // ... and at most this share of the page's running text (a frame around the whole body
  // is a page border, not a box in it).
  double box_text_share = 0.5;
  // Two rules frame a block when they are this share of the column wide at least and at
  // most this share of the page height apart (Meritz, SK and Daishin leads: 0.06-0.2).
  double frame_rule_share = 0.6;
  double frame_height_share = 0.3;
  // A rule this close under a line's bottom (pt), within the line's width, underlines it:
  // an emphasis in the text, not a frame (Kiwoom underlines its key sentences).
  double underline_gap_pt = 3.0;
  // The lines of a framed lead are of one size, to within this share: a heading inside the
  // frame makes it a section, not a lead.
  double same_size_share = 0.15;
  // A lead set in a box whose frame or shading the text layer does not show (a page drawn
  // as one background image: Kiwoom) still shows the box's padding: its lines start and end
  // at least this far (pt) inside their column, on both sides, ...
  double inset_pt = 3.0;
  // ... and its longest line ends at most this far inside (a box's padding is 4-10 pt; a
  // narrower paragraph is a quote or a note, not a box across the column).
  double max_inset_pt = 15.0;
  // Lines of one box follow each other by less than this many line heights (a box may hold
  // two paragraphs).
  double box_line_gap_lines = 1.5;
  // ---- figures ----
  // A chart's title above it: one line of at most this many characters, at least this share
  // of the page's usual size, starting within this many em of where its source starts.
  size_t title_chars = 60;
  double title_size_share = 0.85;
  double title_align_em = 1.0;
  // ... and it has words: at least this many letters (an axis value or unit has none).
  size_t title_letters = 3;
  // A caption's label and its title on one baseline stand at most this many em apart.
  double caption_gap_em = 3.0;
  // An area with this many rows of a label and its numbers is a table, not a chart.
  int table_rows = 3;
  // A chart draws at least this many shapes (bars, axes, a curve, a picture).
  long chart_shapes = 3;

  // A line lies inside a box when its middle does, with this much slack (pt) for a frame
  // drawn through the glyphs' tops.
  double inside_slack_pt = 1.0;
};

inline constexpr RegionParams kRegions{};

}  // namespace kreport
