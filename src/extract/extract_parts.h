// Private to the extract stage: the rule tables' types and the parsers each rule file offers.
// Every parser takes plain strings or page layouts, so the unit tests can call it directly.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kreport/diagnostics.h"
#include "kreport/layout.h"
#include "kreport/record.h"
#include "kreport/utf8.h"
#include "kreport/vocab.h"

namespace kreport::extract {

/// Which rule decided a field, and from which text on which page: what `--explain` prints.
struct Why {
  std::string rule;  // "email_line", "box_label", ...
  std::string text;  // the line it read
  int page = 0;
};

// ---- text.cc: Hangul and geometry helpers -------------------------------------------

using utf8::is_hangul;
/// 2–4 Hangul syllables opening with a Korean family name: `강재구`, `한종목`, `남궁민`.
bool is_person_name(std::string_view s);
/// A word the cover-word table says stands where names stand but is none (`연구원`).
bool is_not_a_name(std::string_view word);
/// `s` without any spaces: `제 3 자에게` -> `제3자에게`.
std::string squash(std::string_view s);
std::string lower_ascii(std::string_view s);
std::string trim(std::string_view s);
bool contains(std::string_view hay, std::string_view needle);
bool starts_with_source(std::string_view line);  // `자료: Bloomberg, SK증권`, `Source:`

/// Same baseline: the vertical centers are within half the smaller line's height.
bool same_baseline(const Line& a, const Line& b);
/// The first page that has text: a picture-only cover is skipped (Meritz industry books).
const PageLayout* cover_page(const std::vector<PageLayout>& pages);
/// Lines on `page` on the baseline of `line` and to its right, nearest first.
std::vector<const Line*> right_neighbours(const PageLayout& page, const Line& line);

// ---- brokers.cc --------------------------------------------------------------------

/// What decided the firm: its strongest piece of evidence and the score of all of it.
struct BrokerWhy {
  Why why;
  double score = 0;
  bool outside_prose = false;         // named beyond sentences: a banner, an e-mail, a source
  std::vector<std::string> subjects;  // firms the cover names beside a stock code
};
/// The firm, weighing every piece of evidence; nullopt when nothing points to one.
std::optional<Broker> identify_broker(const std::vector<PageLayout>& pages,
                                      BrokerWhy* why = nullptr);
/// The firm a single line names, with the name as printed (`하나금융투자`), if any.
std::optional<Broker> broker_in_line(std::string_view line);
/// The firm an e-mail address belongs to (`jaekoo.kang@hanwha.com` -> hanwha).
std::optional<Broker> broker_of_email(std::string_view email);

// ---- dates.cc ----------------------------------------------------------------------

/// The first publication-style date in a line as ISO (`2024. 11.14` -> `2024-11-14`), or
/// nullopt; price dates in parentheses (`현재주가(11/13)`, `(21.10.28)`) are not dates.
std::optional<std::string> parse_date(std::string_view line);
/// The cover date: page 1, short lines near the top or in the footer first.
std::optional<std::string> find_published(const std::vector<PageLayout>& pages, Why* why = nullptr);
/// The date the running headers or footers of the pages after the cover repeat.
std::optional<std::string> banner_date(const std::vector<PageLayout>& pages, Why* why = nullptr);
/// The date a compliance notice gives as its date of record (`2021년 10월 8일 기준`, `… 현재`),
/// for a cover that prints no date; never a rating distribution's as-of date.
std::optional<std::string> notice_date(std::string_view notice, std::string* line_read = nullptr);

// ---- analysts.cc -------------------------------------------------------------------

/// E-mail addresses in a line, with a space before `@` repaired (`djnam @ebestsec.co.kr`).
std::vector<std::string> find_emails(std::string_view line);
/// A phone number: `3772-7581`, `02) 3787-3688`, `02 3779 8807`, `(2122-9207)`.
std::optional<std::string> find_phone(std::string_view line);
/// `RA 이지원`, `R.A`, `Research Associate`: the line labels a research assistant.
bool is_ra_label(std::string_view text);
/// `Analyst 박성민`, `애널리스트`.
bool has_analyst_label(std::string_view text);
/// Person names in a line: `디지털리서치팀 한종목, 김은지` -> {한종목, 김은지}.
std::vector<std::string> names_in_line(std::string_view line);
/// Analysts on the cover, research assistants (`RA`, `Research Associate`) kept with their
/// role; a name the cover does not print in text from the running lines (the same e-mail)
/// or the compliance notice's `작성자(…)`. `why`, when given, gets one entry per analyst.
std::vector<Analyst> find_analysts(const std::vector<PageLayout>& pages,
                                   std::vector<Why>* why = nullptr);

// ---- recommendation.cc -------------------------------------------------------------

struct TickerHit {
  std::string code;  // 6-digit KRX code
  OptString market;  // "KS", "KQ" when printed
};
/// `(005930)`, `005930/KS`, `035420.KS`, `247540. KQ`, `[005930]`, `A005930`, `(365340,KQ)`.
std::optional<TickerHit> parse_ticker(std::string_view line);
struct RatingHit {
  std::string rating;  // normalized: buy, hold, sell, outperform, underperform, not_rated
  std::string text;    // as printed: `BUY(유지)`
};
/// A rating box entry: `BUY(유지)`, `매수(유지)`, `Buy (Maintain)`, `Not Rated`, `중립 (유지)`.
/// Only lines that are the rating (maybe after `투자의견`), not sentences mentioning one.
std::optional<RatingHit> parse_rating(std::string_view line);
/// A won amount: `95,000원`, `75,000 원`, `54만원`, `5.4만원`, `140,000`.
std::optional<double> parse_won(std::string_view text);
/// A line that is a cover's masthead only (`COMPANY UPDATE`, `기업분석`): never a title.
bool is_masthead(const std::string& text);
/// A target-price label (`목표주가(12M)`), not another price's (`직전 목표주가`, `목표주가 추이`).
bool is_target_label(std::string_view text);
/// The target price a line states: `목표주가(12M) 95,000원`, `TP 75,000 원 유지`,
/// `적정주가 (12 개월) 71,000원`; a `-` price gives nullopt.
std::optional<double> parse_target_price(std::string_view line);
/// Which rules read the rating box's ticker, rating and target price.
struct RecommendationWhy {
  Why ticker, rating, target;
};
/// The company report's rating box; nullopt for reports about many stocks.
std::optional<Recommendation> find_recommendation(const std::vector<PageLayout>& pages,
                                                  RecommendationWhy* why = nullptr);
/// The target before this report's (`target`): printed beside it (`현재 | 직전`, `직전 목표주가`),
/// changed from it in a sentence (`58만원에서 54만원으로`, `(기존 80,000원)`), or `target`
/// itself where the cover says it is kept (`목표주가(유지)`, `(M)`, `목표주가 84,000원을 유지`).
std::optional<double> previous_target(const PageLayout& cover, std::optional<double> target);
/// Whether the box's target price was read by OCR and disagrees with its current price and
/// upside (`상승여력 31.4%`): OCR misreads numbers silently (`2,801` -> `2.801`, `4.4` -> `44`).
bool ocr_target_disagrees(const std::vector<PageLayout>& pages, const Recommendation& rec);
/// The lines OCR read among those a rule read (`why`: its text and page).
std::vector<const Line*> ocr_lines_read(const std::vector<PageLayout>& pages, const Why& why);
/// A target price read by OCR is marked so (`origin: ocr`) with a warning; a target line
/// OCR read whose number fails its check (`12,34,000원`) is named in a warning, the target
/// left null (parse_target_price reads no misgrouped number).
void check_ocr_target(const std::vector<PageLayout>& pages, const Why& why, Recommendation& rec,
                      Diagnostics& diag);

// ---- title.cc ----------------------------------------------------------------------

struct TitleInfo {
  OptString title, series, issue;
  Why why;  // the rule that chose the title and its first line
};
/// The headline: the cover's largest line outside its sidebar that is not the company's name
/// (`company`, from the rating box) or code, a sector's opinion, a rating, a date or a firm.
TitleInfo find_title(const std::vector<PageLayout>& pages, const OptString& company = {});
/// `AI Weekly, 특이점이 온다 #39` -> series `AI Weekly, 특이점이 온다`, issue `#39`.
TitleInfo split_series(std::string_view line);
/// company / industry / strategy / weekly / economy / other from what the cover shows.
std::string classify_report(const std::vector<PageLayout>& pages, const TitleInfo& title,
                            const std::optional<Recommendation>& rec);
/// "ko" unless most letters of the text are not Hangul.
std::string detect_language(const std::vector<PageLayout>& pages);

// ---- compliance.cc -----------------------------------------------------------------

/// Statement booleans from the notice's text; negation decides (`보유하고 있지 않습니다`).
Statements parse_statements(std::string_view text);
/// The distribution a rating_distribution table prints: each rating's share (one that
/// counts as buy, `Trading Buy(매수)`, added to buy), dated by the table's heading
/// (`(기준일: 2023 년 12 월 31 일)`), else by the `기준일` of the notice's text `notice`.
std::optional<RatingDistribution> distribution_of(const Table& t, std::string_view notice);
/// `작성자(최민재)`, `(작성자 : 송지호)`: the authors the notice names.
std::vector<std::string> notice_authors(const std::vector<PageLayout>& pages);

}  // namespace kreport::extract
