// The extract stage's parameter block as a table for `kreport rules`: each threshold of
// params.h with its unit and why (the measurements behind it are in params.h).
#include "params.h"

#include "kreport/rules.h"

namespace kreport {

ParamTable extract_param_table() {
  return {
      "extract_params",
      "src/extract/params.h: firms, analysts, dates, the rating box, the title and the notice",
      {
          KREPORT_PARAM(kExtract, weight_email, "weight",
                        "evidence for a firm: an analyst's e-mail (`jaekoo.kang@hanwha.com`)"),
          KREPORT_PARAM(
              kExtract, weight_web, "weight",
              "evidence for a firm: a web address (`www.daishin.com`), usually in a footer"),
          KREPORT_PARAM(kExtract, weight_masthead, "weight",
                        "evidence for a firm: the name on the cover or in a running header/footer"),
          KREPORT_PARAM(
              kExtract, weight_own_source, "weight",
              "evidence for a firm: `자료: 유안타증권 리서치센터`, its own research centre"),
          KREPORT_PARAM(kExtract, weight_cited_source, "weight",
                        "evidence for a firm: a cited source (`자료: Bloomberg, SK증권`)"),
          KREPORT_PARAM(kExtract, weight_body, "weight",
                        "evidence for a firm: the body, which may be *about* a firm"),
          KREPORT_PARAM(kExtract, weak_cap, "weight",
                        "all weak evidence for one firm counts this much at most"),
          KREPORT_PARAM(kExtract, masthead_chars, "characters",
                        "a cover line longer than this (with five words or more) is a sentence "
                        "that names a firm, not a masthead"),
          KREPORT_PARAM(kExtract, sentence_spaces, "count",
                        "a cover line of running text has this many spaces at least (five words) "
                        "besides its length"),
          KREPORT_PARAM(kExtract, max_name_line_chars, "characters",
                        "longer lines without an e-mail are body text, not an analyst"),
          KREPORT_PARAM(kExtract, name_left_gap, "pt",
                        "a label left of a name line, on its baseline"),
          KREPORT_PARAM(kExtract, label_under_gap, "pt", "a label right under a name line"),
          KREPORT_PARAM(kExtract, same_x, "pt", "lines starting within this share a column edge"),
          KREPORT_PARAM(kExtract, owner_gap, "pt",
                        "an e-mail's name line stands at most this far above it"),
          KREPORT_PARAM(kExtract, phone_near, "pt",
                        "a phone within this of an e-mail line's middle"),
          KREPORT_PARAM(kExtract, max_label_chars, "characters",
                        "an RA label or phone line is short"),
          KREPORT_PARAM(kExtract, card_gap, "pt",
                        "the next person of one analyst card stands at most this far under the one "
                        "above (Hana 2 pt, Samsung 29 pt)"),
          KREPORT_PARAM(kExtract, cover_top_share, "share",
                        "a cover's date stands in its top fifth"),
          KREPORT_PARAM(kExtract, cover_footer_share, "share",
                        "... or in its footer, under this share of its height (Daishin's `기업분석 "
                        "2021.10.29`)"),
          KREPORT_PARAM(kExtract, body_date_penalty, "characters",
                        "a date in the body counts this many characters extra"),
          KREPORT_PARAM(kExtract, table_date_penalty, "characters",
                        "a date in a table's cell counts after any other (a rating-history row on "
                        "the cover)"),
          KREPORT_PARAM(kExtract, title_ticker_size, "pt",
                        "a code printed this large is the company's (title font)"),
          KREPORT_PARAM(kExtract, bare_ticker_size, "pt", "a bare `247540` only counts this large"),
          KREPORT_PARAM(kExtract, value_under_gap, "pt",
                        "a box value printed right under its label (Eugene)"),
          KREPORT_PARAM(kExtract, max_value_chars, "characters",
                        "a box value's line under its label is short: `60,000원(하향)`"),
          KREPORT_PARAM(kExtract, company_size_share, "share",
                        "a name printed with its code on a line of its own is at least this share "
                        "of the code's size"),
          KREPORT_PARAM(kExtract, header_ticker_pages, "count",
                        "running headers of the first pages give a picture box's code"),
          KREPORT_PARAM(
              kExtract, max_price_line_chars, "characters",
              "a currency line (`현재주가(11/13) 52,300원`) is short; longer ones are sentences"),
          KREPORT_PARAM(kExtract, max_company_chars, "characters",
                        "a company's name printed by its code is short: `삼성전자`, "
                        "`LG에너지솔루션`; a longer neighbour is a headline or a sentence"),
          KREPORT_PARAM(kExtract, company_before_gap_em, "× code size",
                        "a name before its code on the baseline"),
          KREPORT_PARAM(kExtract, company_near_gap_em, "× code size",
                        "a name right above or under its code"),
          KREPORT_PARAM(
              kExtract, max_target_label_chars, "characters",
              "a target-price label (`목표주가(12M, 상향)`) is this short; longer is a sentence"),
          KREPORT_PARAM(kExtract, label_paren_bytes, "bytes",
                        "a label's own parentheses open right after it: `목표주가(12M)`, `적정주가 "
                        "(12 개월)`"),
          KREPORT_PARAM(kExtract, rating_size_step, "pt",
                        "the box's rating is the largest rating line; sizes within this are the "
                        "same size (rendering noise)"),
          KREPORT_PARAM(kExtract, min_metrics, "count",
                        "a table that names fewer metrics than this is a chart's labels or a "
                        "segment breakdown"),
          KREPORT_PARAM(
              kExtract, same_value_share, "share",
              "two printings of a number agree within this share: 1,269.8 and 1,270 (rounding)"),
          KREPORT_PARAM(kExtract, max_role_part_chars, "characters",
                        "a part of a column's label longer than this is a title sharing the header "
                        "line, not a role"),
          KREPORT_PARAM(
              kExtract, box_header_chars, "characters",
              "a cover's box of revised estimates: its `변경후`/`변경전` headers are this short"),
          KREPORT_PARAM(
              kExtract, box_label_gap, "pt",
              "... its unit note and its row labels stand left of the current column within this"),
          KREPORT_PARAM(
              kExtract, box_label_reach, "pt",
              "... the labels starting at most this far left of it (a cover box is ~150 pt wide)"),
          KREPORT_PARAM(kExtract, box_column_slack, "pt",
                        "... a value stands under its header within this on either side"),
          KREPORT_PARAM(
              kExtract, box_row_gap_lines, "line heights",
              "... and the box's rows lie under its header within this of the row before"),
          KREPORT_PARAM(kExtract, kept_reach_bytes, "bytes",
                        "a kept target is said within this many bytes after its label (`목표주가 "
                        "84,000원을 유지한다`)"),
          KREPORT_PARAM(kExtract, upside_tolerance, "share",
                        "a printed upside agrees with the target and current price within this; a "
                        "digit misread by OCR is ~1% or more"),
          KREPORT_PARAM(kExtract, distinct_names_share, "share",
                        "a column of company names: at least this share of its names are different "
                        "(a column of `매수` repeats one)"),
          KREPORT_PARAM(kExtract, news_marks, "count",
                        "a page with this many different marks of a news site is an article, "
                        "whatever firm it quotes"),
          KREPORT_PARAM(kExtract, same_baseline_share, "share",
                        "two lines share a baseline when their middles are within this share of "
                        "the smaller line's height"),
          KREPORT_PARAM(kExtract, same_baseline_pt, "pt", "... or within this, for small print"),
          KREPORT_PARAM(kExtract, min_cover_lines, "count",
                        "a page with fewer lines than this is a picture with a caption, not a "
                        "cover or a title slide"),
          KREPORT_PARAM(kExtract, min_title_chars, "characters",
                        "shorter lines are labels (`기업분석`), page numbers, not a title"),
          KREPORT_PARAM(kExtract, title_size_step, "pt",
                        "a line must be this much larger to beat another as the title, so a title "
                        "on two lines starts with its first line"),
          KREPORT_PARAM(kExtract, title_same_size, "pt",
                        "the title's second line is set in its size, to within this"),
          KREPORT_PARAM(kExtract, title_same_x, "pt",
                        "the title's second line is flush with its first, to within this"),
          KREPORT_PARAM(kExtract, title_next_gap_em, "× title size",
                        "the title's second line stands under its first within this"),
          KREPORT_PARAM(kExtract, max_series_chars, "characters",
                        "`SK AI WEEKLY #12`; a longer line naming a series is prose"),
          KREPORT_PARAM(kExtract, industry_codes, "count",
                        "a report printing this many stock codes covers an industry"),
          KREPORT_PARAM(
              kExtract, hangul_latin_weight, "Latin letters per syllable",
              "a report is Korean when its Hangul syllables × this reach its Latin letters"),
          KREPORT_PARAM(kExtract, near_before_bytes, "bytes",
                        "`보유` may stand this far before `1% 이상` (~20 syllables)"),
          KREPORT_PARAM(kExtract, statement_bytes, "bytes",
                        "a statement's sentence, read up to its `다` or this far"),
          KREPORT_PARAM(kExtract, max_definition_chars, "characters",
                        "a rating definition is one short line; a longer line with a rating word "
                        "and a percentage is a sentence"),
          KREPORT_PARAM(kExtract, definition_column_x, "pt",
                        "definitions in one column start within this of each other"),
          KREPORT_PARAM(
              kExtract, distribution_window_bytes, "bytes",
              "a distribution's date stands within this many bytes of the start of its heading"),
          KREPORT_PARAM(kExtract, as_of_label_bytes, "bytes",
                        "a notice's `기준일` dates the distribution when its date follows within "
                        "this many bytes (`* 기준일: 2024년 03월 07일` is 31)"),
      },
      field_count<ExtractParams>()};
}

}  // namespace kreport
