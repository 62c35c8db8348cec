// The tables stage's thresholds in one place: in em (the cell's font size) unless a unit is
// given, each with the reason and the layout it was measured on. Not a public header.
#pragma once

#include <cstddef>

namespace kreport {

struct TableParams {
  // ---- cells (cells.cc) ----
  // A gap this wide may end a cell: writers draw each cell on its own. Measured: cell gaps
  // 0.5-1.3 em, spaces 0.25-0.6 em (stretched evenly within a justified line).
  double cell_gap_em = 0.4;
  // After a word that carries a space, the gap must also be this much over the line's
  // narrowest space (poppler flags wide gaps as spaces too).
  double over_space = 1.6;
  // Two numbers one space apart are two cells: a column too narrow for its numbers leaves
  // only a space between them (Eugene's summary: "258,935 300,871 309,393 312,968").
  double number_space_em = 0.15;
  // A line whose spaces are all within this ratio (widest over narrowest), with at least
  // `justified_spaces` of them and mostly words, is justified text: never cut.
  double even_spaces = 1.3;
  size_t justified_spaces = 3;
  // The page's usual space when no line shows one (em).
  double default_space_em = 0.25;
  // A line of running text: this many characters over this share of the page width.
  size_t prose_chars = 25;
  // A long line cut once, with no numbers in it, is a sentence drawn in two runs unless the
  // runs stand further apart than this (em): "52주 최고/최저" and "498,500 / 320,000원" stand
  // 1.2 em apart in a narrow sidebar; a sentence's space is 0.2-0.6 em.
  double sentence_gap_em = 0.8;
  double prose_share = 0.35;

  // ---- rows and runs (tables.cc) ----
  size_t min_rows = 3;              // rows of cells a table has at least
  size_t min_labelled_rows = 1;     // rows of values under a header labelling every column
  size_t max_single_rows = 3;       // single-cell rows (labels, comments) between rows of cells
  double same_row_em = 0.45;        // centres closer than this: one row
  double title_gap_em = 1.5;        // a blank this much over the rows' own starts a new table
  double comment_gap_em = 1.5;      // a "- …" comment line under a table lies this close
  size_t max_box_title_chars = 24;  // a sidebar box's heading: "Consensus Data", "투자지표"
  // A caption or unit line above a table, and a source line under it, stand within this (em
  // of their own size): a caption is a line's gap away, the next paragraph farther.
  double caption_gap_em = 3;
  // A single-cell row between rows of cells lies within the table's width, to this (pt).
  double inside_slack_pt = 2;
  // The rows' own gap counts as at least this (em of the row's size) when rows touch, so a
  // blank under tightly set rows must still be a real one to start a new table.
  double min_row_gap_em = 0.5;
  // Rows holding numbers above a table's row of years: a chart's axis or another box cut
  // with it (Hana's price chart: 13 rows of ticks), never its header (labels and units only).
  size_t min_chart_rows = 2;

  // ---- region (region.cc) ----
  double header_gap_em = 1.5;  // header lines above a table: no wider gap between them
  double max_header_em = 8;    // nor, all of them, more than this high
  double label_gap_em = 2;     // group labels beside a table: no farther than this
  // Print beside a table this much larger than its cells is a side note in the margin (11 pt
  // beside 8 pt cells: Eugene's, Hanwha's), never a column of it.
  double side_note_scale = 1.35;
  size_t label_bytes = 30;  // nor longer (ten Hangul syllables)
  // A column is the table's when this share of its pieces at least stand on the table's rows.
  double on_rows_share = 0.6;

  // ---- rating shares (shares.cc) ----
  // The shares of a rating distribution add up to 100 within this (percentage points): each
  // is printed rounded, to 0.1 or to a whole number (0.5 each at most, four ratings at most).
  double shares_slack_pct = 2;
  // A share stands under its rating word, and the next pair of a column under the one
  // before, within this (em): adjacent rows, 0.4-1 em apart in Daishin, Hanwha, Kiwoom, SK.
  double share_under_em = 2.5;
  // The distribution's heading (`투자등급 비율 (2025 년 04 월 03 일 기준)`, its as-of date)
  // stands this close above it (em; 0.4-1 em measured), its pieces up to `share_title_side_em`
  // beside it (Daishin prints `투자의견 비율` and `기준일 2024.12.31` at the page's edges,
  // 3 em left and right of the grid).
  double share_title_em = 2.5;
  double share_title_side_em = 6;
  // A gloss after a rating word (`BUY(매수)`, `중립(보유)`, `Buy(Maintain)`): this long at
  // most (bytes, with its parentheses).
  size_t max_gloss_bytes = 20;
  // Cells on a distribution's header row, at most: it rates four or five ways and may print a
  // label and a total (Hanwha: `투자등급 매수 중립 매도 합계`, Mirae: four ratings). Also bounds
  // the work on a row of hundreds of rating words.
  size_t max_share_columns = 8;
  // A run of shares in one line takes a heading and a note this long at most (characters)
  // with it as its title: `투자의견 비율` and `(기준일: 2024.09.30)` are 24.
  size_t max_share_note_chars = 40;

  // ---- rating histories from words (history_words.cc) ----
  // Words of a history closer than this (em) are one cell ("Not" "Rated"): cells of a
  // history's grid stand 2 em and more apart in every one measured (Daishin, Hanwha, Samsung,
  // Hana, Meritz, IBK, eBest); a label set with wide letter spacing ("일    시") is read
  // through the label rule instead. Wider than `cell_gap_em`: a history's words are read
  // from spans, which poppler cuts at every space.
  double history_word_gap_em = 0.5;
  // Rows under a row of dates that are its grid's: opinion, price, two gaps, a note.
  size_t history_max_rows = 6;
  // A change's opinion follows its date within this many cells (Meritz: 날짜 자료형식 의견).
  size_t history_cells_to_rating = 3;
  // A target price is at least this (won): smaller numbers in a price's place are gaps or
  // counts, and no listed share trades under 100 won.
  double history_min_price = 100;
  // A grid history's header printed as rows has at most this many lines (일자 / 괴리율 /
  // 평균주가대비) above its first dated row.
  size_t history_header_rows = 3;
  // A header line this long (characters) is a title taken into the header ("과거 2년간
  // 투자의견 및 목표주가 변동내역" over every column): it names no column.
  size_t history_label_chars = 16;

  // ---- grid (grid.cc) ----
  double wrap_gap_em = 0.6;        // a cell's next line lies closer than this under it
  double row_over_wrap = 1.8;      // rows lie this much farther apart than a cell's lines
  size_t max_bridge_check = 3000;  // pieces; past this, no check for cells over a gap
  // A row is a cell's wrapped line only when the widest cell is wider than the row gap's
  // multiple by this much (em) ...
  double wrap_slack_em = 0.2;
  // ... and a cell's piece is on its next line when its top lies under the previous piece's
  // bottom, to within this (em: tall glyphs overlap the line above).
  double next_line_overlap_em = 0.2;
  // A column at a table's edge is a chart's beside it when it stands this many of the usual
  // column gaps off ...
  double stray_gap_scale = 2;
  // ... and holds values in one data row of this many at most (a note, a title).
  size_t stray_rows_per_value = 5;

  // ---- header (header.cc) ----
  // Two header cells are on one header line when they overlap by more than this (em of the
  // smaller: a line's glyph boxes touch the next line's by less).
  double header_line_margin_em = 0.25;
  // A cell reaching down to the header's bottom line, to within this (em), is a subheader.
  double header_bottom_em = 0.5;
  // Column spans as well centred under a header cell as the best one, to within this (em).
  double header_centre_em = 0.5;
  // A unit note in a label's parentheses (`(단위: 십억원, %)`) is this short (bytes).
  size_t max_unit_note_bytes = 24;

  // ---- group labels (groups.cc) ----
  // A centred group label's group ends on a row boundary, to within this share of the row
  // pitch, ...
  double group_end_pitch = 0.3;
  // ... the last one at the table's bottom within this share ...
  double group_bottom_pitch = 0.5;
  // ... and a label's next line (`(005930)` under `삼성전자`) lies within this many pitches.
  double label_line_pitch = 1.25;
};

inline constexpr TableParams kTable{};

}  // namespace kreport
