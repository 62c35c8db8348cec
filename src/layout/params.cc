// The layout stage's parameter block as a table for `kreport rules`: each threshold of
// params.h with its unit and why (the measurements behind it are in params.h).
#include "params.h"

#include "kreport/rules.h"

namespace kreport {

ParamTable layout_param_table() {
  return {
      "layout_params",
      "src/layout/params.h: lines, furniture, reading order and blocks",
      {
          KREPORT_PARAM(kLayout, line_gutter_em, "em",
                        "a gap wider than this between two words ends the line: it is a gutter "
                        "between columns or between a sidebar and the body"),
          KREPORT_PARAM(kLayout, line_overlap_em, "em",
                        "words overlapping the previous one by more than this start a new line "
                        "(poppler's flow steps back to the left only at a new line)"),
          KREPORT_PARAM(kLayout, space_gap_em, "em",
                        "a gap wider than this is a space even where the PDF put none: separately "
                        "drawn spans (\"키움증권\" \"기업분석\") carry no space flag of their own; "
                        "letters touch at ~0.05 em"),
          KREPORT_PARAM(
              kLayout, margin_band, "share",
              "the top and bottom band of the page height where running headers and footers stand "
              "(banners in the top 9%, footers in the last 8% of the real reports)"),
          KREPORT_PARAM(kLayout, same_height_pt, "pt",
                        "the same line on several pages stands at the same height to within this"),
          KREPORT_PARAM(kLayout, running_min_share, "share",
                        "a running header or footer repeats on at least this share of the pages "
                        "with text (and on two at least)"),
          KREPORT_PARAM(kLayout, running_text_chars, "characters",
                        "running text has this many characters at least (with running_text_share)"),
          KREPORT_PARAM(kLayout, running_text_share, "share",
                        "running text spans this share of the page width at least (a body column "
                        "of a two-column page is ~40% of it)"),
          KREPORT_PARAM(kLayout, next_line_gap_lines, "line heights",
                        "a paragraph's last line lies under the one before by less than this"),
          KREPORT_PARAM(kLayout, same_left_pt, "pt",
                        "a paragraph's last line starts where the one before starts, to within "
                        "this (justified text starts exactly there)"),
          KREPORT_PARAM(kLayout, column_gutter_em, "em",
                        "the narrowest vertical gutter between columns: two-column bodies keep "
                        "~1.5 em, a sidebar ~1 em (Hanwha side notes, company-report sidebars)"),
          KREPORT_PARAM(
              kLayout, band_gap_em, "em",
              "the narrowest horizontal gap between bands: wider than a line gap (~0.3-0.6 em)"),
          KREPORT_PARAM(kLayout, prose_share, "share",
                        "a prose line spans this share of its region at least (with prose_chars)"),
          KREPORT_PARAM(kLayout, prose_chars, "characters",
                        "a prose line has this many characters at least (with prose_share)"),
          KREPORT_PARAM(kLayout, widest_share, "share",
                        "gaps this close to the widest are cut together: under a full-width "
                        "summary, two columns may share a paragraph gap that is no band boundary"),
          KREPORT_PARAM(
              kLayout, table_rows, "count",
              "rows of short lines on both sides of a gutter that make it a table's column gap"),
          KREPORT_PARAM(kLayout, same_row_em, "em",
                        "lines whose middles are closer than this share a row (a region read line "
                        "by line, figures side by side)"),
          KREPORT_PARAM(kLayout, table_row_em, "em",
                        "cells of a table across a gutter share a baseline to within this"),
          KREPORT_PARAM(
              kLayout, max_depth, "count",
              "recursion depth of the cuts (a page of 6,000 fragments stays far below it)"),
          KREPORT_PARAM(
              kLayout, heading_scale, "× body size",
              "a heading's font is at least this much larger than the page's body font (section "
              "headings are 1.2-1.6x the body in every fixture and real report)"),
          KREPORT_PARAM(
              kLayout, paragraph_gap_lines, "line heights",
              "a line further below the previous than this many line heights starts a paragraph"),
          KREPORT_PARAM(kLayout, max_bold_heading_bytes, "bytes",
                        "a bold line alone on its baseline is a heading up to this many bytes (~20 "
                        "syllables)"),
          KREPORT_PARAM(kLayout, full_line_slack_em, "em",
                        "the previous line ended short of the block's right edge by more than "
                        "this: it ended its paragraph (or was a bullet's title)"),
          KREPORT_PARAM(kLayout, same_size_share, "share",
                        "font sizes of two lines of one block differ by at most this share"),
          KREPORT_PARAM(kLayout, block_overlap_lines, "line heights",
                        "the next line of a block may overlap the previous by this much (tall "
                        "glyphs, tight leading in sidebars)"),
          KREPORT_PARAM(kLayout, min_drawn_line_ends, "count",
                        "a page whose typesetter draws the space at a line's end shows it on this "
                        "many line breaks at least (with drawn_line_end_share)"),
          KREPORT_PARAM(kLayout, drawn_line_end_share, "share",
                        "... and on this share of its paragraphs' line breaks: there a break "
                        "without one fell inside a word"),
          KREPORT_PARAM(kLayout, drawn_line_end_lines, "share",
                        "over a whole document's lines, this share at least ends in a drawn space "
                        "where the typesetter draws them (21-91% in the real reports that do)"),
          KREPORT_PARAM(
              kLayout, letter_room_slack_em, "em",
              "a line that ended this much (em) more than the next line's first letter short of "
              "its paragraph's right edge had room for that letter: a break at a space"),
          KREPORT_PARAM(kLayout, ragged_end_em, "em",
                        "lines ending at least this short of the edge are ragged, not justified "
                        "(justified lines end within 0.01 em of it in every fixture; break-all "
                        "lines 0.01-0.4 em short)"),
          KREPORT_PARAM(kLayout, min_ragged_breaks, "count",
                        "a paragraph with this many ragged breaks, none with room for a letter, "
                        "wraps inside words"),
      },
      field_count<LayoutParams>()};
}

}  // namespace kreport
