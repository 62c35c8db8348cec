// The layout stage's thresholds in one place, as poppler's TextOutputDev.cc keeps its
// tunables: in em (the line's font size) unless a unit is given, each with the reason and
// the layout it was measured on. Not a public header.
#pragma once

#include <cstddef>

namespace kreport {

struct LayoutParams {
  // ---- lines (layout.cc) ----
  // A gap wider than this between two words ends the line: it is a gutter between columns
  // or between a sidebar and the body. Justified Korean body text stretches its spaces to
  // about one em at most (fixtures; SK, Hanwha, Kiwoom first pages).
  double line_gutter_em = 1.6;
  // Words overlapping the previous one by more than this start a new line (poppler's flow
  // steps back to the left only at a new line).
  double line_overlap_em = 0.5;
  // A gap wider than this is a space even where the PDF put none: separately drawn spans
  // ("키움증권" "기업분석") carry no space flag of their own; letters touch at ~0.05 em.
  double space_gap_em = 0.2;

  // ---- furniture (running.cc) ----
  // The top and bottom band where running headers and footers stand, as a share of the
  // page height (broker banners sit in the top 9%, footers and page numbers in the last 8%
  // of the real reports; 0.12 leaves room for two-line banners).
  double margin_band = 0.12;
  // The same line on several pages stands at the same height to within this (pt).
  double same_height_pt = 4.0;
  // Repeated on at least this share of the pages with text (and on two at least).
  double running_min_share = 0.5;

  // ---- paragraph ends (running.cc) ----
  // Running text: this many characters over this share of the page width (a body column
  // of a two-column page is ~40% of it; a sidebar's rows are shorter).
  size_t running_text_chars = 25;
  double running_text_share = 0.35;
  // A paragraph's last line lies under the one before by less than this (line heights).
  double next_line_gap_lines = 0.8;
  // and starts where it starts, to within this (pt; justified text starts exactly there).
  double same_left_pt = 1.0;

  // ---- reading order (reading_order.cc) ----
  // The narrowest vertical gutter between columns: two-column bodies keep ~1.5 em, a
  // sidebar ~1 em (Hanwha side notes, company-report sidebars).
  double column_gutter_em = 0.9;
  // The narrowest horizontal gap between bands: wider than a line gap (~0.3-0.6 em).
  double band_gap_em = 1.0;
  // A prose line spans this share of its region at least and has this many characters.
  double prose_share = 0.3;
  size_t prose_chars = 20;
  // Gaps this close to the widest are cut together: under a full-width summary, two
  // columns may share a paragraph gap that is no band boundary.
  double widest_share = 0.8;
  // Rows of short lines on both sides of a gutter that make it a table's column gap.
  int table_rows = 3;
  // Lines whose middles are closer than this share a row (of a region read line by line, of
  // figures side by side, of a table across a gutter: its cells share a baseline to 0.3 em).
  double same_row_em = 0.5;
  double table_row_em = 0.3;
  // Recursion depth of the cuts (a page of 6,000 fragments stays far below it).
  int max_depth = 200;

  // ---- blocks (blocks.cc) ----
  // A heading's font is at least this much larger than the page's body font (section
  // headings are 1.2-1.6x the body in every fixture and real report).
  double heading_scale = 1.15;
  // A line further below the previous than this many line heights starts a paragraph.
  double paragraph_gap_lines = 0.9;
  // A bold line alone on its baseline is a heading up to this many bytes (~20 syllables).
  size_t max_bold_heading_bytes = 60;
  // The previous line ended short of the block's right edge by more than this: it ended
  // its paragraph (or was a bullet's title).
  double full_line_slack_em = 2.0;
  // Font sizes of two lines of one block differ by at most this share.
  double same_size_share = 0.15;
  // The next line of a block may overlap the previous by this much (tall glyphs, tight
  // leading in sidebars).
  double block_overlap_lines = 0.3;
  // A page whose typesetter draws the space at a line's end as a glyph (Word does; every real
  // report of 15 firms measured) shows it on this many of its paragraphs' line breaks, and
  // this share: there a break without one fell inside a word, whatever the words look like.
  int min_drawn_line_ends = 3;
  double drawn_line_end_share = 0.25;
  // Over a whole document's lines (table cells and labels among them, which end without one):
  // 21-91% in the real reports that draw them, none in those that do not.
  double drawn_line_end_lines = 0.1;
  // A line that ended this much (em) more than the next line's first letter short of its
  // paragraph's right edge had room for that letter: a break at a space. The slack covers
  // glyph-box rounding (Chromium's boxes differ by < 0.05 em).
  double letter_room_slack_em = 0.15;
  // Lines ending at least this short of the edge are ragged, not justified (justified lines
  // end within 0.01 em of it in every fixture; break-all lines 0.01-0.4 em short).
  double ragged_end_em = 0.05;
  // A paragraph with this many ragged breaks, none with room for a letter, wraps inside words.
  int min_ragged_breaks = 2;
};

inline constexpr LayoutParams kLayout{};

}  // namespace kreport
