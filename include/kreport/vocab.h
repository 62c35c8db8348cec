// Domain knowledge as data: the words and forms Korean broker reports print, one table per
// kind of knowledge. Every row carries a real example string; tests/unit/rules_test.cc runs
// each row's rule on its own example and `kreport rules` prints the tables. The stages read
// these tables and these matchers: no stage keeps a list of such words of its own.
// Text given to the matchers is normalized (NFC, ASCII digits, single spaces).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kreport::vocab {

// ---- ratings (ratings.cc) ------------------------------------------------------------

/// A rating word as printed, longest first: `trading buy` before `buy`.
struct RatingWord {
  const char* printed;  // lowercase ASCII or Korean
  const char* rating;  // buy, outperform, hold, underperform, sell, not_rated; "" for a sector view
  const char* scope;   // "stock", "industry", or "" (either: 중립, Neutral)
  const char* example;
};
std::span<const RatingWord> rating_words();

/// The rating word `text` opens with (any case), or null: "Buy(매수) 시장대비 +20%" -> buy.
const RatingWord* rating_word_at(std::string_view text);

/// The stock rating a cell or a line states, after an optional `투자의견` label: a rating
/// word, then at most a gloss in parentheses and a change word: "투자의견: BUY(유지)",
/// "Trading Buy", "매수, 상향" -> that word's row; null for a word followed by more
/// ("BUY 목표주가 ..."), sector views and anything else.
const RatingWord* stated_rating(std::string_view text);

/// A whole rating word normalized: "Trading Buy" -> buy, "Neutral" -> hold, "NR" -> not_rated;
/// nullopt for anything else, sector views included.
std::optional<std::string> normalize_rating(std::string_view word);

/// The printed words of a normalized stock rating: buy -> {매수, buy, strong buy, ...}.
std::vector<std::string> words_for_rating(std::string_view rating);

// ---- dates (dates.cc) ----------------------------------------------------------------

/// A way dates are printed. Forms without a year (`2/9`) are the rating-history grids' and
/// price labels' (`현재주가(11/13)`); two-digit years (`21.10.29`) are table cells'.
struct DateForm {
  const char* id;
  const char* printed;  // the form, for people
  const char* example;
  const char* iso;  // what the example reads as ("--11-13" when the year is not printed)
};
std::span<const DateForm> date_forms();

/// A date found in a text.
struct DateHit {
  int year = 0;  // 0: not printed
  int month = 0, day = 0;
  size_t pos = 0, len = 0;  // where it is printed, in bytes
  const DateForm* form = nullptr;
  bool two_digit_year = false;

  /// "2024-11-14"; "--11-14" without a year.
  std::string iso() const;
};

/// Every date printed in `text`, left to right, never overlapping: `2024. 11.14`,
/// `2023년 2월 27일`, `2021/10/05`, `21.10.29`, `24/3/7`, `2/9`, `Feb 03, 2025`.
std::vector<DateHit> find_dates(std::string_view text);

/// Words that make a date on its line a price or data date, not the publication date
/// (`현재주가(11/13)`, `2025.07.25 종가 기준`), and labels that make a date in parentheses a
/// publication date after all (`(공표일: 2023년 2월 27일)`).
struct DateContext {
  const char* word;
  bool publication;  // true: a publication label; false: the date is not the publication's
  const char* example;
};
std::span<const DateContext> date_contexts();

// ---- line labels (labels.cc) ---------------------------------------------------------

/// What a line's opening words make it: a caption ("그림 3.", "[표1]", "Figure 2:"), a source
/// ("자료:"), a note ("주:"), or none of these.
enum class LineLabel { none, caption, source, note };

struct LabelForm {
  const char* id;
  LineLabel label;
  const char* pattern;  // ECMAScript regex, matched at the start of the line
  // The words the pattern can start with: a line that opens with none of them is not run
  // through the regex (std::regex is slow, and most lines are no label).
  std::vector<std::string_view> openers;
  bool any_case;  // "SOURCE:", "Note:" as well as "Source:"
  const char* example;
};
std::span<const LabelForm> label_forms();

/// The label a line opens with, and the form that matched it.
LineLabel label_of(std::string_view text, const LabelForm** form = nullptr);

/// "자료: Bloomberg, SK증권" -> "Bloomberg, SK증권": the text after a label's colon.
std::string label_body(std::string_view text);

/// Whether a line carries an e-mail address (`roko.kim@hanafn.com`): an analyst's byline.
bool has_email(std::string_view text);

// ---- sections and report types (sections.cc) -----------------------------------------

/// Which heading opens which kind of section; first match wins.
struct SectionWord {
  const char* kind;  // summary, compliance, disclaimer, calendar, appendix, peer_table
  const char* word;  // lowercase, matched at the start of the heading
  const char* example;
};
std::span<const SectionWord> section_words();

/// The kind of section a heading opens, or null: "Highlight of the Week" -> summary.
const char* section_kind(std::string_view heading);

/// Words on a cover that say what kind of report it is.
struct ReportTypeWord {
  const char* type;  // weekly, industry, strategy, economy
  const char* word;  // lowercase
  const char* example;
};
std::span<const ReportTypeWord> report_type_words();

/// The first report type whose words `text` (lowercased) contains, of `type` only if given.
const ReportTypeWord* report_type_word(std::string_view text, std::string_view type = {});

// ---- compliance notice (compliance.cc) -----------------------------------------------

/// How a phrase of the notice reads: `negation_flips` — the statement is `affirmed` unless
/// its sentence negates it (`…사실이 없습니다`); `presence` — the phrase alone says it.
enum class Reading { negation_flips, presence };

/// A phrase of the compliance notice, squashed (no spaces). `near`, when set, must stand in
/// the phrase's sentence or just before it (`보유` around `1% 이상`). `marks_notice`: a page
/// with two such phrases is the notice even without a heading (recent SK reports).
struct NoticePhrase {
  const char* statement;  // no_prior_distribution, analyst_independence, holds_1pct_or_more,
                          // analyst_conflict
  const char* phrase;
  Reading reading;
  bool affirmed;
  const char* near;
  bool marks_notice;
  const char* example;
  bool example_reads;  // what the example says
};
std::span<const NoticePhrase> notice_phrases();

/// Words of the notice: its `heading` (squashed, lowercase: "compliancenotice"), the `author`
/// label that puts a name after it (`작성자(최민재)`).
struct NoticeWord {
  const char* kind;  // heading, author
  const char* word;
  const char* example;
};
std::span<const NoticeWord> notice_words();

/// The notice words of one kind.
std::vector<const char*> notice_words(std::string_view kind);

// ---- column and row roles (roles.cc) -------------------------------------------------

/// What a table's column (or row) label makes it: the first row any of whose `words` the label
/// has, and none of its `unless`, gives the role. A `whole` row's words must be the label's
/// last part (after " / ") exactly: "수익률 (%) / 1W" is a return, "1W 전" is not.
struct Role {
  const char* role;
  std::vector<const char*> words;
  const char* example;
  std::vector<const char*> unless = {};
  bool whole = false;
};

/// The role of `label` by `table`, or null.
const char* role_of(std::string_view label, std::span<const Role> table);
/// Whether any row of `role` in `table` matches `label` (not only the first matching row).
bool has_role(std::string_view label, std::span<const Role> table, std::string_view role);

/// Columns of peer tables: ticker, market_cap, name, price, ...
std::span<const Role> peer_columns();
/// Words about tables of companies: parts (one company's SOTP or segments: no peers),
/// peer_title, not_company (an average row, a score's part), country (under a name).
std::span<const Role> peer_words();
/// A peer row's figures the metric vocabulary has no word for: target_price, rating, psr, ...
std::span<const Role> peer_metrics();
/// Columns of rating-history tables: date, rating, target, gap_avg, gap_extreme, note.
std::span<const Role> history_columns();
/// Row labels of financial summaries: revenue, operating_profit, eps, per, ...
std::span<const Role> metric_words();

/// Parts of a period column's label (split at " / ") that say what its numbers are: a change
/// (`yoy`, `변동률`, `컨센서스 대비`), a prior estimate (`수정전`, `직전추정`, `기존`), consensus,
/// the analyst's figure after a revision (`수정후`, `신규`), a reported one (`잠정치`,
/// `실적발표`), the analyst's own (`당사 추정`), a quarter or half (`1Q`). Roles: change, prior,
/// consensus, after, actual, own, quarter. An annual column with a change, prior, consensus or
/// quarter part is no year's own figure.
std::span<const Role> estimate_columns();
/// Words of a table's labels or title: `statements` (the financial statements, which win over
/// the body's tables), `consensus` (not the analyst's numbers), `prior` (the figures before a
/// revision, printed as a table of their own: `(수정 전)`), `after` (`(수정 후)`), `segment`
/// (one division's figures: `DS부문 실적`, never `부문별`, the company's by division),
/// `consolidated`, `separate`.
std::span<const Role> estimate_tables();
/// Row labels of a segment table that name the whole company (`합계`, `전사`): a metric's
/// total, not a segment's.
std::span<const Role> total_words();

/// The one table of units. What a unit measures: `amount` (십억원), `per_share` (원), `ratio`
/// (%), `multiple` (배), and its scale: what one printed unit is worth in the currency's own
/// unit (억원 = 10^8 KRW). Rows marked `mark_only` (`TB`, `위안`, `bp`) only show that a
/// column label's note is a unit (tables::unit_of); no metric's numbers are read in them.
struct UnitWord {
  const char* unit;  // as printed
  const char* measure;
  const char* example;        // a label or note that prints it
  double scale = 0;           // 0: no scale (a ratio, a multiple)
  const char* currency = "";  // ISO 4217, "" for none
  bool mark_only = false;
};
std::span<const UnitWord> unit_words();
/// The unit `text` is exactly ("십억원", " % "), or null; never a `mark_only` row.
const UnitWord* unit_word(std::string_view text);
/// A note (the inside of a label's parentheses) names a unit: some row's unit is in it
/// ("단위: 십억원", "TB"); "티커", "12월" name none.
bool names_unit(std::string_view note);
/// The unit a measure is printed in when a note names none of its own: ratio -> %,
/// multiple -> 배, per_share -> 원 (the table's first row of that measure); null for others.
const char* usual_unit(std::string_view measure);
/// The units the parenthesized notes of `text` list, in order: "(단위: 십억원, 원 , %)" ->
/// 십억원, 원, %; "EPS(원)" -> 원; "(12월)" -> none.
std::vector<const UnitWord*> units_in(std::string_view text);
/// What a metric's numbers measure: revenue -> amount, eps -> per_share, roe -> ratio,
/// per -> multiple; "" for metrics of no fixed measure ("other").
std::string_view measure_of_metric(std::string_view metric);

/// The month a fiscal year ends in, as a table's corner or the statements' header prints it.
struct YearEndForm {
  const char* id;
  const char* pattern;  // ECMAScript regex searched in the text; group 1 the month
  const char* example;
  int month;  // what the example reads as
};
std::span<const YearEndForm> year_end_forms();
/// The month a text says the fiscal year ends in: "12월 결산(십억원)" -> 12, "결산기 (12월)"
/// -> 12, "12월 31일 기준 (십억원)" -> 12; nullopt where it says none ("월 결산(억원)").
std::optional<int> fiscal_year_end(std::string_view text, const YearEndForm** form = nullptr);

// ---- fiscal periods (periods.cc) -----------------------------------------------------

/// How a fiscal year is printed in a column header: `2025F`, `2025E`, `2023A`, `2023P`,
/// bare `2024`, `2022.12`, `2025.12E`, `12/25F`, `FY25`, `25F`.
struct PeriodForm {
  const char* id;
  const char* pattern;  // ECMAScript regex over the whole header
  const char* example;
  int year;  // what the example reads as
  const char* kind;
  int year_group = 1, letter_group = 2, month_group = 0;  // 0: the form has none
};
std::span<const PeriodForm> period_forms();

/// How a fiscal quarter is printed in a column header: `2Q25F`, `3Q 21`, `3Q'21`, `1Q25P`,
/// `2024 4Q`, `2025 1QE`, `2024년 4분기`, and `2QF` under a row of years (no year of its own).
struct QuarterForm {
  const char* id;
  const char* pattern;                          // ECMAScript regex over the whole header
  int year_group, quarter_group, letter_group;  // 0: the form has none
  const char* example;
  int year;  // what the example reads as (0: the form prints no year)
  int quarter;
  const char* kind;
};
std::span<const QuarterForm> quarter_forms();

struct FiscalPeriod {
  int year = 0;      // 0: a quarter printed without its year (`2QF` under a year row)
  int quarter = 0;   // 1-4; 0 for a fiscal year
  int month = 0;     // the year's last month where the header prints it (`2025.03`, `12/25F`)
  std::string kind;  // actual (A or a bare year), forecast (F, E), preliminary (P)
  const PeriodForm* form = nullptr;
  const QuarterForm* quarter_form = nullptr;
};
/// The fiscal year a header names, or nullopt: "2025F" -> {2025, forecast}; "1Q25" -> none.
std::optional<FiscalPeriod> fiscal_period(std::string_view header);
/// The fiscal quarter a header names, or nullopt: "2Q25F" -> {2025, 2, forecast}; "2024 4Q"
/// -> {2024, 4, actual}; "1QE" -> {0, 1, forecast}; "2025F" -> none.
std::optional<FiscalPeriod> fiscal_quarter(std::string_view header);

/// Kinds of table, from the words of their labels, first column or title.
struct TableKind {
  enum Where { kLabels = 1, kFirstColumn = 2, kTitle = 4 };
  const char* kind;
  int where;
  std::vector<const char*> words;  // any of these ("일|월|화": all of a set)
  const char* example;
  std::vector<const char*> also = {};  // and, if given, any of these too
};
std::span<const TableKind> table_kinds();

/// Whether `text` has the words of `kind` (the matcher behind the kind of a table).
bool has_kind_words(const TableKind& kind, std::string_view text);

// ---- securities firms (brokers.cc) ---------------------------------------------------

/// One securities firm.
struct BrokerRule {
  const char* id;                    // contract slug: "mirae"
  const char* name;                  // Korean name as printed today: "미래에셋증권"
  std::vector<const char*> aliases;  // other printed names, Korean or English
  std::vector<const char*> domains;  // analysts' e-mail and web domains
  const char* example;               // a line where the firm shows up
};
std::span<const BrokerRule> brokers();

// ---- people and prices (labels.cc) ---------------------------------------------------

/// What a cover word does: labels an assistant or an analyst, is no part of a name, labels the
/// target or another price, ..., marks a news site, dates the notice.
enum class CoverKind {
  ra_label,
  analyst_label,
  not_a_name,
  target_label,
  other_price,
  current_label,
  masthead,
  news_mark,
  notice_as_of,
  notice_as_of_label,
  notice_written_label,
  distribution_word,
};
/// The kind's name, as `kreport rules` prints it: "ra_label".
const char* to_string(CoverKind kind);

/// Words around names and prices on a cover.
struct CoverWord {
  CoverKind kind;
  const char* word;
  const char* example;
};
std::span<const CoverWord> cover_words();

/// The cover words of one kind.
const std::vector<const char*>& cover_words(CoverKind kind);

/// A market code printed after a ticker ("AAPL US", "000660 KS", "2330 TT"): such a cell is
/// a ticker, not a quantity with a unit.
struct MarketCode {
  const char* code;
  const char* example;
};
std::span<const MarketCode> market_codes();
bool is_market_code(std::string_view s);

/// A mark that scores or ticks a cell of a grid (ESG quartiles as dots, a feature matrix's
/// ticks): a cell of marks alone is a value, as a number is.
struct ScoreMark {
  const char* glyph;  // one character, UTF-8
  const char* example;
};
std::span<const ScoreMark> score_marks();
/// `text` is one or more score marks, spaces between them, and nothing else: "● ● ●".
bool is_marks(std::string_view text);

// ---- people's names (names.cc) -------------------------------------------------------

/// A Korean family name and a name that opens with it.
struct Surname {
  const char* name;  // "김", or a compound "남궁"
  const char* example;
};
std::span<const Surname> surnames();
/// The family name `name` opens with (a compound one first), or null: `인터넷` -> 인,
/// `게임`, `중반`, `의견` -> null.
const Surname* surname_of(std::string_view name);

// ---- line joining (joining.cc) -------------------------------------------------------

/// A particle or ending that attaches to the word before it: a line opening with it as a
/// whole token was broken inside a word. Example: the two lines, split at "|".
struct Particle {
  const char* text;
  const char* example;
};
std::span<const Particle> particles();
/// Counters and units a number is written with ("억원", "년", "배"), in the same form.
std::span<const Particle> counters();

}  // namespace kreport::vocab
