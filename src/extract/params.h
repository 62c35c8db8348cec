// The extract stage's thresholds in one place: in pt unless a unit is given, each with the
// reason and the layout it was measured on. Not a public header.
#pragma once

#include <cstddef>

namespace kreport {

struct ExtractParams {
  // ---- brokers (brokers.cc): weights of one piece of evidence for a firm ----
  double weight_email = 5;       // an analyst's e-mail (`jaekoo.kang@hanwha.com`)
  double weight_web = 3;         // a web address (`www.daishin.com`), usually in a footer
  double weight_masthead = 2;    // the name on the cover or in a running header/footer
  double weight_own_source = 1;  // `자료: 유안타증권 리서치센터`: its own research centre
  double weight_cited_source = 0.5;  // `자료: Bloomberg, SK증권`
  double weight_body = 0.25;         // the body may be *about* a firm
  double weak_cap = 4;               // all weak evidence for one firm counts this much at most
  // A cover line longer than this (characters, with five words or more) is a sentence: the
  // firm it names is quoted or written about (`김동현 대신증권 연구원은 …`). A masthead is
  // shorter: `Mirae Asset Securities Research` is 31 characters of four words.
  size_t masthead_chars = 30;

  // A cover line of running text has this many spaces at least (five words) besides its
  // length: `김동현 대신증권 연구원은 …`.
  long sentence_spaces = 4;

  // ---- analysts (analysts.cc) ----
  size_t max_name_line_chars = 60;  // longer lines without an e-mail are body text
  double name_left_gap = 40;        // a label left of a name line, on its baseline
  double label_under_gap = 6;       // a label right under a name line
  double same_x = 4;                // lines starting within this share a column edge
  double owner_gap = 60;            // an e-mail's name line stands at most this far above it
  double phone_near = 16;           // a phone within this of an e-mail line's middle
  size_t max_label_chars = 25;      // an RA label or phone line is short
  // The next person of one analyst card stands at most this far under the one above
  // (Hana 2 pt, Samsung 29 pt between `문준호 Senior Analyst` and `정승호 …`).
  double card_gap = 60;

  // ---- dates (dates.cc): where a cover prints its date ----
  double cover_top_share = 0.2;     // the top fifth of the cover
  double cover_footer_share = 0.9;  // or its footer (Daishin's `기업분석 2021.10.29`)
  double body_date_penalty = 100;   // characters a date in the body counts extra
  // ... and a date in a table's cell after any other (a rating-history row on the cover,
  // 2024.02.13 on a report of 2025.02.03).
  double table_date_penalty = 1000;

  // ---- recommendation (recommendation.cc) ----
  double title_ticker_size = 11;  // a code printed this large is the company's (title font)
  double bare_ticker_size = 14;   // a bare `247540` only counts this large
  double value_under_gap = 12;    // a box value printed right under its label (Eugene)
  size_t max_value_chars = 25;    // ... and that value's line is short: `60,000원(하향)`
  // A name printed with its code on a line of its own is at least this share of the code's
  // size (a banner's `삼성전자` is larger than its `(005930)`; a caption above is smaller).
  double company_size_share = 0.9;
  size_t header_ticker_pages = 5;  // running headers of the first pages give a picture box's code

  // A currency line (`현재주가(11/13) 52,300원`) is short; longer ones are sentences.
  size_t max_price_line_chars = 30;
  // A company's name printed by its code is short: `삼성전자`, `LG에너지솔루션`; a longer
  // neighbour is a headline or a sentence.
  size_t max_company_chars = 30;
  double company_before_gap_em = 2;    // a name before its code on the baseline (× code size)
  double company_near_gap_em = 1;      // a name right above or under its code (× code size)
  size_t max_target_label_chars = 40;  // `목표주가(12M, 상향)`; longer is a sentence
  // A label's own parentheses open right after it: `목표주가(12M)`, `적정주가 (12 개월)`.
  size_t label_paren_bytes = 3;
  // The box's rating is the largest rating line; sizes within this are the same size (the
  // topmost wins), as fonts of one box differ by rendering noise.
  double rating_size_step = 0.5;

  // ---- estimates (annual.cc, estimate_columns.cc, estimate_figures.cc) ----
  // A table that names fewer metrics than this is a chart's labels or a segment breakdown.
  int min_metrics = 2;
  // Two printings of a number agree within this share: 1,269.8 and 1,270 (rounding), not a
  // value in another unit or a segment's.
  double same_value_share = 0.01;
  // A part longer than this (in characters) is a title sharing the header line, not a role:
  // "연간 실적 추정치 변경 내용 요약" is 17, "QoQ Consensus" 13, "신규 추정치" 6.
  size_t max_role_part_chars = 16;
  // A cover's box of revised estimates: its `변경후`/`변경전` headers are this short (chars) ...
  size_t box_header_chars = 4;
  // ... its unit note and its row labels stand left of the current column within this (pt),
  // the labels starting at most `box_label_reach` left of it (a cover's box is ~150 pt wide).
  double box_label_gap = 120;
  double box_label_reach = 200;
  // ... a value stands under its header within this on either side (pt) ...
  double box_column_slack = 4;
  // ... and the box's rows lie under its header within this many row heights of the row
  // before.
  double box_row_gap_lines = 2.5;

  // ---- previous target (previous_target.cc) ----
  // A kept target is said within this many bytes after its label (`목표주가 84,000원을
  // 유지한다`, `목표주가와 매수의견 유지`: ~20 Hangul syllables), with no change word between.
  size_t kept_reach_bytes = 60;
  // The upside is printed to 0.1 point, from the same current price: 0.5% apart is agreement,
  // while one digit of the target misread by OCR is about 1% or far more (`96,000` for
  // `95,000`).
  double upside_tolerance = 0.005;

  // ---- peers (peers.cc) ----
  // A column of company names repeats few: at least this share of its names are different
  // (a column of `매수` or of one sector repeats one word).
  double distinct_names_share = 0.7;

  // ---- document (document.cc) ----
  // A page with this many different marks of a news site (its search box, a reporter's
  // byline, the copyright line) is an article, whatever firm or analyst it quotes.
  size_t news_marks = 3;

  // ---- text (text.cc): lines on one baseline ----
  // Two lines share a baseline when their middles are within this share of the smaller line's
  // height, or within `same_baseline_pt` for small print.
  double same_baseline_share = 0.5;
  double same_baseline_pt = 2;

  // ---- title and report type (title.cc) ----
  // A page with fewer lines than this is a picture with a caption, not a cover or a title
  // slide (cover_page's rule, kept for the headline's page).
  size_t min_cover_lines = 5;
  size_t min_title_chars = 4;  // shorter lines are labels (`기업분석`), page numbers
  // The title is the largest line; a line must be this much larger to beat another, so a
  // title of one size set on two lines starts with its first line.
  double title_size_step = 0.1;
  double title_same_size = 0.3;    // the title's second line is set in its size
  double title_same_x = 3;         // ... flush with its first
  double title_next_gap_em = 0.8;  // ... and under it within this (× the first line's size)
  size_t max_series_chars = 50;    // `SK AI WEEKLY #12`; a longer line naming a series is prose
  size_t industry_codes = 3;       // a report printing this many stock codes covers an industry
  // A Hangul syllable carries about three Latin letters' worth of text: a report is Korean
  // when its syllables × this reach its Latin letters.
  long hangul_latin_weight = 3;

  // ---- compliance (compliance.cc) ----
  size_t near_before_bytes = 60;  // `보유` may stand this far before `1% 이상` (~20 syllables)
  size_t statement_bytes = 90;    // a statement's sentence, read up to its `다` or this far
  // A rating definition is one short line: `Buy(매수) 시장대비 +20% 이상 주가 상승 예상` is
  // 31 characters; a longer line with a rating word and a percentage is a sentence.
  size_t max_definition_chars = 80;
  double definition_column_x = 5;  // definitions in one column start within this of each other
  // A distribution's date stands within this many bytes of the start of its heading.
  size_t distribution_window_bytes = 400;
  // A notice's `기준일` dates the distribution when its date follows within this many bytes
  // (`* 기준일: 2024년 03월 07일` is 31); `추천기준일 종가대비 …` names no day of its own.
  size_t as_of_label_bytes = 48;
};

inline constexpr ExtractParams kExtract{};

}  // namespace kreport
