// The regions stage's parameter block as a table for `kreport rules`: each threshold of
// params.h with its unit and why (the measurements behind it are in params.h).
#include "params.h"

#include "kreport/rules.h"

namespace kreport {

ParamTable region_param_table() {
  return {
      "region_params",
      "src/regions/params.h: columns, sidebars, lead boxes and figures",
      {
          KREPORT_PARAM(kRegions, same_left_pt, "pt",
                        "lines of running text whose left edges agree to within this (pt) start "
                        "one column (justified body text starts exactly there; a bullet's hanging "
                        "indent is a group of its own, merged below)"),
          KREPORT_PARAM(kRegions, column_lines, "count",
                        "a column has at least this many lines of running text (a headline and a "
                        "lead sentence are not a column; the shortest first-page bodies have 8)"),
          KREPORT_PARAM(kRegions, same_column_overlap, "share",
                        "two groups of lines are one column when their spans overlap by this share "
                        "of the narrower (with max_indent_pt)"),
          KREPORT_PARAM(kRegions, max_indent_pt, "pt",
                        "... and their left edges are at most this far apart: an indent or a "
                        "bullet's hanging indent (1-3 em) inside a column"),
          KREPORT_PARAM(kRegions, sidebar_gap_pt, "pt",
                        "the gap (pt) between a sidebar's lines and the body's columns: a "
                        "sidebar's text ends 20-40 pt before the body starts; a word of the body "
                        "column never reaches past it"),
          KREPORT_PARAM(kRegions, sidebar_lines, "count",
                        "a sidebar holds at least this many lines (the sparsest, an analyst card "
                        "with a rating box and three stock-data rows, has 8); fewer are a margin "
                        "note or a logo's words"),
          KREPORT_PARAM(kRegions, sidebar_share, "share",
                        "a sidebar is at most this share of the page wide (sidebars are 0.22-0.32 "
                        "of it; a second body column is wider)"),
          KREPORT_PARAM(kRegions, row_mate_size_share, "share",
                        "a sidebar table's cell past the strip is its row's when in the same "
                        "print: sizes within this share (with row_mate_gap_em)"),
          KREPORT_PARAM(kRegions, row_mate_gap_em, "em",
                        "... and at most this far from its neighbour (a summary's last year: 2.7 "
                        "em from the one before it)"),
          KREPORT_PARAM(
              kRegions, full_width_gutter_em, "em",
              "under the body's columns, a line in the body's width this many em clear of what "
              "stands on its left on its row is a second thing side by side (a table beside the "
              "strip's, Yuanta: 3.75 em), not a strip's table running a column past it (2.7 em)"),
          KREPORT_PARAM(
              kRegions, crossing_rows, "font sizes",
              "such a line near a line crossing the gutter: within this many sizes of it"),
          KREPORT_PARAM(kRegions, row_mate_column, "count",
                        "such cells one under another make a table's column, not a stray line"),
          KREPORT_PARAM(
              kRegions, card_line_chars, "characters",
              "a line of an analyst's card above the e-mail (name, title, phone) is this short"),
          KREPORT_PARAM(
              kRegions, headline_scale, "× body size",
              "a line above the body this much larger than its running text heads the page (the "
              "company's name, the headline: 16-28 pt over 9-11 pt text), it is no banner"),
          KREPORT_PARAM(kRegions, stack_gap_lines, "line heights",
                        "lines of one stack (a column's headings above its text, a title block) "
                        "follow each other by less than this many line heights"),
          KREPORT_PARAM(
              kRegions, box_column_share, "share",
              "a drawn box frames a lead when it is at least this share of its column wide (a lead "
              "box spans the column; a table's shaded header cell or a label chip does not) "),
          KREPORT_PARAM(
              kRegions, box_lines, "count",
              "a lead box holds at least this many rows of text, one of them running text"),
          KREPORT_PARAM(kRegions, box_text_share, "share",
                        "a lead box holds at most this share of the page's running text (a frame "
                        "around the whole body is a page border)"),
          KREPORT_PARAM(kRegions, frame_rule_share, "share",
                        "two rules frame a block when they are this share of the column wide at "
                        "least (with frame_height_share)"),
          KREPORT_PARAM(kRegions, frame_height_share, "share",
                        "... and at most this share of the page height apart (Meritz, SK and "
                        "Daishin leads: 0.06-0.2)"),
          KREPORT_PARAM(
              kRegions, underline_gap_pt, "pt",
              "a rule this close under a line's bottom (pt), within the line's width, underlines "
              "it: an emphasis in the text, not a frame (Kiwoom underlines its key sentences)"),
          KREPORT_PARAM(kRegions, same_size_share, "share",
                        "the lines of a framed lead are of one size, to within this share: a "
                        "heading inside the frame makes it a section, not a lead"),
          KREPORT_PARAM(kRegions, inset_pt, "pt",
                        "a lead in a box the text layer does not show still shows its padding: its "
                        "lines start and end at least this far inside their column"),
          KREPORT_PARAM(
              kRegions, max_inset_pt, "pt",
              "... and its longest line ends at most this far inside (a box's padding is 4-10 pt)"),
          KREPORT_PARAM(kRegions, box_line_gap_lines, "line heights",
                        "lines of one box follow each other by less than this many line heights (a "
                        "box may hold two paragraphs)"),
          KREPORT_PARAM(kRegions, title_chars, "characters",
                        "a chart's title above it is one line of at most this many characters"),
          KREPORT_PARAM(kRegions, title_size_share, "share",
                        "... at least this share of the page's usual size"),
          KREPORT_PARAM(kRegions, title_align_em, "em",
                        "... starting within this of where its source starts"),
          KREPORT_PARAM(kRegions, title_letters, "count",
                        "... with at least this many letters (an axis value or unit has none)"),
          KREPORT_PARAM(
              kRegions, caption_gap_em, "em",
              "a caption's label and its title on one baseline stand at most this many em apart"),
          KREPORT_PARAM(
              kRegions, table_rows, "count",
              "an area with this many rows of a label and its numbers is a table, not a chart"),
          KREPORT_PARAM(kRegions, chart_shapes, "count",
                        "a chart draws at least this many shapes (bars, axes, a curve, a picture)"),
          KREPORT_PARAM(kRegions, inside_slack_pt, "pt",
                        "a line lies inside a box when its middle does, with this much slack (pt) "
                        "for a frame drawn through the glyphs' tops"),
      },
      field_count<RegionParams>()};
}

}  // namespace kreport
