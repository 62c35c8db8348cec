// The tables stage's parameter block as a table for `kreport rules`: each threshold of
// params.h with its unit and why (the measurements behind it are in params.h).
#include "params.h"

#include "kreport/rules.h"

namespace kreport {

ParamTable table_param_table() {
  return {
      "table_params",
      "src/tables/params.h: cells, rows, table regions, rating shares and grids",
      {
          KREPORT_PARAM(kTable, cell_gap_em, "em",
                        "a gap this wide may end a cell: writers draw each cell on its own"),
          KREPORT_PARAM(kTable, over_space, "× narrowest space",
                        "after a word that carries a space, a cell's gap is also this much over "
                        "the line's narrowest space (poppler flags wide gaps as spaces too)"),
          KREPORT_PARAM(kTable, number_space_em, "em",
                        "two numbers one space apart are two cells: a column too narrow for its "
                        "numbers leaves only a space between them (Eugene's summary: \"258,935 "
                        "300,871 309,393 312,968\")"),
          KREPORT_PARAM(kTable, even_spaces, "ratio",
                        "a line whose spaces are all within this ratio (widest over narrowest), "
                        "mostly words, is justified text: never cut"),
          KREPORT_PARAM(kTable, justified_spaces, "count", "... with at least this many spaces"),
          KREPORT_PARAM(kTable, default_space_em, "em",
                        "the page's usual space when no line shows one"),
          KREPORT_PARAM(kTable, prose_chars, "characters",
                        "a line of running text has this many characters (with prose_share)"),
          KREPORT_PARAM(kTable, sentence_gap_em, "em",
                        "a long line cut once, with no numbers, is a sentence drawn in two runs "
                        "unless the runs stand further apart than this"),
          KREPORT_PARAM(kTable, prose_share, "share", "... over this share of the page width"),
          KREPORT_PARAM(kTable, min_rows, "count", "rows of cells a table has at least"),
          KREPORT_PARAM(kTable, min_labelled_rows, "count",
                        "rows of values under a header labelling every column"),
          KREPORT_PARAM(kTable, max_single_rows, "count",
                        "single-cell rows (labels, comments) between rows of cells"),
          KREPORT_PARAM(kTable, same_row_em, "em", "centres closer than this: one row"),
          KREPORT_PARAM(kTable, title_gap_em, "em",
                        "a blank this much over the rows' own starts a new table"),
          KREPORT_PARAM(kTable, comment_gap_em, "em",
                        "a \"- …\" comment line under a table lies this close"),
          KREPORT_PARAM(kTable, max_box_title_chars, "characters",
                        "a sidebar box's heading: \"Consensus Data\", \"투자지표\""),
          KREPORT_PARAM(kTable, caption_gap_em, "em",
                        "a caption or unit line above a table, and a source line under it, stand "
                        "within this (of their own size)"),
          KREPORT_PARAM(
              kTable, inside_slack_pt, "pt",
              "a single-cell row between rows of cells lies within the table's width, to this"),
          KREPORT_PARAM(kTable, min_row_gap_em, "em",
                        "the rows' own gap counts as at least this when rows touch, so a blank "
                        "that starts a new table is a real one"),
          KREPORT_PARAM(kTable, min_chart_rows, "count",
                        "rows holding numbers above a table's row of years: a chart's axis or "
                        "another box cut with it (Hana's price chart: 13 rows of ticks), never its "
                        "header (labels and units only)"),
          KREPORT_PARAM(kTable, header_gap_em, "em",
                        "header lines above a table: no wider gap between them"),
          KREPORT_PARAM(kTable, max_header_em, "em",
                        "header lines above a table, all of them, are at most this high"),
          KREPORT_PARAM(kTable, label_gap_em, "em",
                        "group labels beside a table: no farther than this"),
          KREPORT_PARAM(
              kTable, side_note_scale, "× body size",
              "print beside a table this much larger than its cells is a side note in the margin "
              "(11 pt beside 8 pt cells: Eugene's, Hanwha's), never a column of it"),
          KREPORT_PARAM(kTable, label_bytes, "bytes",
                        "group labels beside a table are no longer (ten Hangul syllables)"),
          KREPORT_PARAM(kTable, on_rows_share, "share",
                        "a column beside a table is the table's when this share of its pieces at "
                        "least stand on its rows"),
          KREPORT_PARAM(kTable, shares_slack_pct, "percentage points",
                        "the shares of a rating distribution add up to 100 within this (each "
                        "printed rounded)"),
          KREPORT_PARAM(kTable, share_under_em, "em",
                        "a share stands under its rating word, and the next pair under the one "
                        "before, within this (0.4-1 em measured)"),
          KREPORT_PARAM(
              kTable, share_title_em, "em",
              "the distribution's heading stands this close above it (0.4-1 em measured)"),
          KREPORT_PARAM(kTable, share_title_side_em, "em",
                        "... its pieces up to this far beside it (Daishin prints them 3 em left "
                        "and right of the grid)"),
          KREPORT_PARAM(kTable, max_gloss_bytes, "bytes",
                        "a gloss after a rating word (`BUY(매수)`, `중립(보유)`) is this long at "
                        "most, with its parentheses"),
          KREPORT_PARAM(kTable, max_share_columns, "count",
                        "cells on a distribution's header row, at most: four or five ratings, a "
                        "label and a total"),
          KREPORT_PARAM(kTable, max_share_note_chars, "characters",
                        "a run of shares in one line takes a heading and a note this long at most "
                        "as its title"),
          KREPORT_PARAM(kTable, wrap_gap_em, "em",
                        "a cell's next line lies closer than this under it"),
          KREPORT_PARAM(kTable, row_over_wrap, "× wrap gap",
                        "rows lie this much farther apart than a cell's lines"),
          KREPORT_PARAM(kTable, max_bridge_check, "count",
                        "pieces; past this, no check for cells over a gap (bounds the work)"),
          KREPORT_PARAM(kTable, wrap_slack_em, "em",
                        "a row is a cell's wrapped line only when the widest cell is wider than "
                        "row_over_wrap gaps by this"),
          KREPORT_PARAM(kTable, next_line_overlap_em, "em",
                        "a cell's piece is on its next line when its top lies under the previous "
                        "piece's bottom, to within this"),
          KREPORT_PARAM(kTable, stray_gap_scale, "× usual column gap",
                        "a column at a table's edge is a chart's beside it when it stands this "
                        "many usual column gaps off"),
          KREPORT_PARAM(
              kTable, stray_rows_per_value, "rows",
              "... and holds values in one data row of this many at most (a note, a title)"),
          KREPORT_PARAM(
              kTable, header_line_margin_em, "em",
              "two header cells are on one header line when they overlap by more than this"),
          KREPORT_PARAM(
              kTable, header_bottom_em, "em",
              "a cell reaching down to the header's bottom line, to within this, is a subheader"),
          KREPORT_PARAM(
              kTable, header_centre_em, "em",
              "column spans as well centred under a header cell as the best one, to within this"),
          KREPORT_PARAM(kTable, max_unit_note_bytes, "bytes",
                        "a unit note in a label's parentheses (`(단위: 십억원, %)`) is this short"),
          KREPORT_PARAM(kTable, group_end_pitch, "row pitches",
                        "a centred group label's group ends on a row boundary, to within this"),
          KREPORT_PARAM(kTable, group_bottom_pitch, "row pitches",
                        "... the last group at the table's bottom, to within this"),
          KREPORT_PARAM(
              kTable, label_line_pitch, "row pitches",
              "a group label's next line (`(005930)` under `삼성전자`) lies within this under it"),
          KREPORT_PARAM(kTable, history_word_gap_em, "em",
                        "words of a rating history closer than this are one cell (`Not Rated`)"),
          KREPORT_PARAM(
              kTable, history_max_rows, "rows",
              "rows under a row of dates that are its grid's: opinion, price, gaps, note"),
          KREPORT_PARAM(kTable, history_cells_to_rating, "cells",
                        "a change's opinion follows its date within this many cells"),
          KREPORT_PARAM(kTable, history_min_price, "won",
                        "a target price is at least this; smaller numbers are gaps or counts"),
          KREPORT_PARAM(kTable, history_header_rows, "lines",
                        "a history grid's header printed as rows has at most this many lines"),
          KREPORT_PARAM(kTable, history_label_chars, "characters",
                        "a header line this long is a title over every column, naming none"),
      },
      field_count<TableParams>()};
}

}  // namespace kreport
