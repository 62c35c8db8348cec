// Roles of table columns and rows, by the words of their labels, and the one matcher that
// reads them. Order matters in each table: "시가총액" before "주가" (the other way round,
// "주가수익률" would be a price), "영업이익률" before "영업이익", "EV/EBITDA" before "EBITDA".
#include <algorithm>
#include <regex>

#include "kreport/regex.h"
#include "kreport/utf8.h"
#include "kreport/vocab.h"

namespace kreport::vocab {
namespace {

using utf8::contains;

const Role kPeerColumns[] = {
    {"return",
     {"1D", "1W", "2W", "1M", "3M", "6M", "9M", "1Y", "2Y", "3Y", "YTD", "커버리지 이후"},
     "수익률 (%) / 1W",
     {},
     true},
    {"ticker", {"티커", "Ticker", "코드", "Code"}, "티커"},
    {"market_cap", {"시가총액", "Market Cap", "Mkt Cap", "시총"}, "시가총액 (조원)"},
    {"earnings_date", {"실적발표", "Earnings"}, "실적발표 예정일 / 비고"},
    {"correlation", {"상관계수", "Correlation"}, "상관계수"},
    {"name", {"기업명", "종목명", "회사명", "종목", "Company", "Name", "회사"}, "기업명"},
    {"value_chain", {"구분", "밸류체인", "Value Chain", "섹터", "Sector", "분야"}, "구분"},
    {"comment", {"비고", "코멘트", "Comment", "투자포인트"}, "비고"},
    {"price", {"주가", "현재가", "Price", "종가"}, "주가 (현지통화)", {"목표", "Target", "수익률"}},
};

// Words that say what a table of companies is, and what of it is no company. `peer_title`: a
// title or header that compares the report's company with others (the first text column then
// holds the companies); `parts`: the table lists one company's parts (a SOTP, segments,
// licensing deals), never peers; `not_company`: a row or column of a peer table that is a
// group's figure or a score's part, not a company; `country`: printed under a company's name
// in a transposed header, not part of it.
const Role kPeerWords[] = {
    {"parts",
     {"SOTP", "Sum of the parts", "Sum-of-the-parts", "부문별", "사업부", "자회사", "지분가치",
      "Segment", "segment", "세그먼트", "기술이전", "라이선스", "License", "Licensing"},
     "[표15] / 구분 NAVER 의 SOTP 밸류에이션"},
    {"peer_title",
     {"Peer", "peer", "PEER", "피어", "경쟁사", "동종", "유사업체", "Valuation 비교",
      "밸류에이션 비교", "Coverage", "커버리지"},
     "Peer 그룹과의 ESG 평가 등급 비교"},
    {"not_company",
     {"평균", "합계", "Average", "average", "Median", "중간값", "Total", "지수", "KOSPI", "KOSDAQ",
      "S&P", "종합 등급", "Environment", "Social", "Governance", "지배구조", "자료:", "주:"},
     "사회(Social)"},
    {"country",
     {"UNITED STATES", "SOUTH KOREA", "KOREA",   "BRITAIN", "UNITED KINGDOM", "CANADA", "SWEDEN",
      "NORWAY",        "FRANCE",      "GERMANY", "JAPAN",   "CHINA",          "TAIWAN", "미국",
      "한국",          "중국",        "일본",    "독일",    "대만",           "유럽"},
     "ITM POWER / BRITAIN"},
};

// What a peer row's figure is, where the metric vocabulary knows no word for it: tried before
// the metrics (`목표주가` is no price, `시가총액` no `주가`).
const Role kPeerMetrics[] = {
    {"target_price",
     {"목표주가", "목표가", "적정주가", "Target price", "TP"},
     "수정 후 / 목표주가 / (원)"},
    {"rating", {"투자의견", "투자판단", "Rating"}, "수정 후 / 투자의견"},
    {"market_cap", {"시가총액", "Market Cap", "Mkt Cap", "시총"}, "시가총액 / (백만달러)"},
    {"return",
     {"1D", "1W", "2W", "1M", "3M", "6M", "9M", "1Y", "2Y", "3Y", "YTD"},
     "수익률 (%) / 1W",
     {},
     true},
    {"price",
     {"주가", "현재가", "Price", "종가"},
     "현재가(원) / (10/14)",
     {"목표", "수익률", "상승률"}},
    {"psr", {"PSR", "P/S"}, "P/S(x) / FY1"},
    {"peg", {"PEG"}, "PEG / (x) / 2021E"},
};

const Role kHistoryColumns[] = {
    {"date", {"일자", "일시", "날짜", "Date", "제시일", "변경일"}, "일자"},
    {"gap_avg", {"평균"}, "괴리율(%) / 평균 / 주가대비"},
    {"gap_extreme", {"최고", "최저", "최대", "Max", "Min"}, "괴리율(%) / 최고(최저) / 주가대비"},
    {"rating", {"투자의견", "Rating", "의견"}, "투자의견"},
    {"target",
     {"목표주가", "목표가", "적정주가", "Target", "TP"},
     "목표주가(원)",
     {"시점", "괴리"}},
    {"note", {"비고"}, "비고"},
};

// Growth rates and margins of a metric are other rows than the metric itself.
#define KREPORT_RATES "증가율", "성장률", "YoY", "yoy", "(%)", "%"

const Role kMetricWords[] = {
    {"op_margin", {"영업이익률", "OPM", "Operating margin", "영업이익 률"}, "영업이익률(%)"},
    {"net_margin", {"순이익률", "Net margin"}, "순이익률"},
    {"ebitda_margin", {"EBITDA 마진", "EBITDA margin", "EBITDA이익률"}, "EBITDA 마진"},
    {"ev_ebitda", {"EV/EBITDA"}, "EV/EBITDA(배)"},
    {"gross_profit", {"매출총이익", "Gross profit"}, "매출총이익", {KREPORT_RATES}},
    {"revenue",
     {"매출액", "순영업수익", "영업수익", "매출", "Sales", "Revenue", "영업수익(순)"},
     "매출액(십억원)",
     {KREPORT_RATES, "원가", "총이익", "채권"}},
    {"operating_profit",
     {"영업이익", "Operating profit", "Operating income"},
     "영업이익",
     {KREPORT_RATES}},
    {"pretax_profit",
     {"세전이익", "세전순이익", "세전계속사업", "법인세차감전", "법인세비용차감전", "Pretax"},
     "세전이익",
     {KREPORT_RATES}},
    {"net_profit_controlling",
     {"지배주주순이익", "지배주주 순이익", "지배순이익", "지배주주귀속", "지배지분순이익",
      "Net profit (controlling)"},
     "지배주주순이익",
     {KREPORT_RATES}},
    {"net_profit",
     {"당기순이익", "순이익", "Net profit", "Net income"},
     "순이익",
     {KREPORT_RATES, "지배"}},
    {"ebitda", {"EBITDA"}, "EBITDA", {KREPORT_RATES}},
    {"eps", {"EPS"}, "EPS(원)", {KREPORT_RATES}},
    {"bps", {"BPS"}, "BPS(원)", {KREPORT_RATES}},
    {"dps", {"DPS", "주당배당금"}, "DPS(원)", {KREPORT_RATES}},
    {"per", {"PER", "P/E"}, "PER(배)"},
    {"pbr", {"PBR", "P/B"}, "PBR(배)"},
    {"roe", {"ROE"}, "ROE(%)"},
    {"roa", {"ROA"}, "ROA(%)"},
    {"dividend_yield", {"배당수익률", "Dividend yield", "배당률"}, "배당수익률(%)"},
};

#undef KREPORT_RATES

// First match wins: a change (`컨센서스 대비`, `종전 대비`) before the words it compares with, a
// prior estimate (`당사 종전`) before the analyst's own words.
const Role kEstimateColumns[] = {
    {"change",
     {"변동", "증감", "차이", "차액", "변화", "변경률", "변경율", "대비", "Gap", "Diff", "diff",
      "yoy", "YoY", "qoq", "QoQ", "괴리", "전년", "전분기"},
     "(단위: 십억원, 원, %, %p) / 변동률 / 2025F"},
    {"change", {"%", "%p"}, "2026F / %", {}, true},
    {"prior",
     {"수정전", "수정 전", "변경전", "변경 전", "종전", "기존", "이전", "직전", "Old", "Prev",
      "Before"},
     "수정전 / 2025F"},
    {"consensus", {"컨센서스", "Consensus", "컨센"}, "2025F / 컨센서스"},
    {"consensus", {"Con"}, "1Q25 / Con", {}, true},
    {"after", {"수정후", "수정 후", "변경후", "변경 후", "신규", "New", "현재"}, "2025F / 수정후"},
    {"actual", {"잠정", "실적발표", "실적치", "발표치", "Actual", "확정"}, "3Q21 / 잠정치"},
    {"own", {"당사", "추정", "예상", "전망"}, "4Q21E / 당사 전망치"},
    {"quarter", {"1Q", "2Q", "3Q", "4Q", "1H", "2H", "상반기", "하반기", "분기"}, "2020 / 4Q"},
};

const Role kEstimateTables[] = {
    {"consensus", {"컨센서스", "Consensus", "시장 예상", "시장예상"}, "Consensus Data"},
    {"statements",
     {"손익계산서", "Income Statement", "Income statement", "재무상태표", "현금흐름표"},
     "포괄손익계산서 / 12월 결산, IFRS 연결"},
    {"segment",
     {"부문 실적", "부문실적", "부문 매출", "사업부 실적"},
     "표 7. DS부문 실적 전망치 변경 내역",
     {"부문별", "전사"}},
    {"prior", {"수정 전", "수정전", "변경 전", "변경전"}, "도표 2. 분기별 실적 전망 (수정 전)"},
    {"after", {"수정 후", "수정후", "변경 후", "변경후"}, "도표 1. 분기별 실적 전망 (수정 후)"},
    {"separate", {"별도", "Separate", "K-IFRS 별도", "모회사"}, "(십억원, K-IFRS 별도)"},
    {"consolidated", {"연결", "Consolidated", "IFRS-C"}, "(십억원, IFRS 연결)"},
};

const Role kTotalWords[] = {
    {"total", {"합계", "전사", "Total", "total", "총계", "계"}, "매출액 / 합계", {}, true},
};

const UnitWord kUnitWords[] = {
    {"조원", "amount", "(조원)", 1e12, "KRW"},
    {"천억원", "amount", "(천억원)", 1e11, "KRW"},
    {"백억원", "amount", "(백억원)", 1e10, "KRW"},
    {"십억원", "amount", "(단위: 십억원, 원 , %)", 1e9, "KRW"},
    {"억원", "amount", "(억원, 원, %)", 1e8, "KRW"},
    {"천만원", "amount", "(천만원)", 1e7, "KRW"},
    {"백만원", "amount", "(백만원)", 1e6, "KRW"},
    {"만원", "amount", "(단위: 만원)", 1e4, "KRW"},
    {"천원", "amount", "(천원)", 1e3, "KRW"},
    {"십억달러", "amount", "(십억달러)", 1e9, "USD"},
    {"백만달러", "amount", "(백만달러)", 1e6, "USD"},
    {"USDm", "amount", "(USDm)", 1e6, "USD"},
    {"원", "per_share", "EPS(원)", 1, "KRW"},
    {"%", "ratio", "ROE(%)"},
    {"%p", "ratio", "(단위: 십억원, 원, %, %p)"},
    {"배", "multiple", "PER(배)"},
    {"x", "multiple", "P/E(x)"},
    // Marks of a unit note no metric is read in: money, basis points, scales, measures.
    {"$", "unit mark", "가격 ($)", 0, "", true},
    {"위안", "unit mark", "매출액 (십억위안)", 0, "", true},
    {"달러", "unit mark", "매출액 (억달러)", 0, "", true},
    {"엔", "unit mark", "영업이익 (억엔)", 0, "", true},
    {"USD", "unit mark", "Revenue (USD bn)", 0, "", true},
    {"KRW", "unit mark", "Price (KRW)", 0, "", true},
    {"bp", "unit mark", "스프레드 (bp)", 0, "", true},
    {"B", "unit mark", "Capex (B)", 0, "", true},
    {"M", "unit mark", "Shipments (M)", 0, "", true},
    {"K", "unit mark", "Wafer (K)", 0, "", true},
    {"TB", "unit mark", "출하량 (TB)", 0, "", true},
    {"GB", "unit mark", "탑재량 (GB)", 0, "", true},
    {"FLOPS", "unit mark", "연산 성능 (FLOPS)", 0, "", true},
    {"W", "unit mark", "소비전력 (W)", 0, "", true},
    {"pt", "unit mark", "KOSPI (pt)", 0, "", true},
};

// Where a report prints the month its fiscal year ends: the annual table's corner, the
// statements' header. A month alone (`(12월)`) says nothing without 결산 or the day.
const YearEndForm kYearEndForms[] = {
    {"month_closing", R"((?:^|[^0-9])(0?[1-9]|1[0-2]) ?월 ?결산)", "12월 결산(십억원)", 12},
    {"closing_month", R"(결산(?:기)? ?\( ?(0?[1-9]|1[0-2]) ?월 ?\))", "결산기 (12월)", 12},
    {"month_end_day", R"((?:^|[^0-9])(0?[1-9]|1[0-2]) ?월 ?(?:28|29|30|31) ?일 ?기준)",
     "12월 31일 기준 (십억원)", 12},
    {"number_closing", R"((?:^|[^0-9.,])(0?[1-9]|1[0-2]) 결산)", "12 결산 (십억원)", 12},
};

// What each metric's numbers measure, so a note's "(십억원, 원, %, 배)" gives each its unit.
const std::pair<const char*, const char*> kMetricMeasures[] = {
    {"revenue", "amount"},
    {"operating_profit", "amount"},
    {"pretax_profit", "amount"},
    {"net_profit", "amount"},
    {"net_profit_controlling", "amount"},
    {"ebitda", "amount"},
    {"gross_profit", "amount"},
    {"eps", "per_share"},
    {"bps", "per_share"},
    {"dps", "per_share"},
    {"op_margin", "ratio"},
    {"net_margin", "ratio"},
    {"ebitda_margin", "ratio"},
    {"roe", "ratio"},
    {"roa", "ratio"},
    {"dividend_yield", "ratio"},
    {"per", "multiple"},
    {"pbr", "multiple"},
    {"ev_ebitda", "multiple"},
};

std::string_view last_part(std::string_view label) {
  size_t at = label.rfind(" / ");
  return at == std::string_view::npos ? label : label.substr(at + 3);
}

}  // namespace

bool row_matches(const Role& r, std::string_view label) {
  auto has = [&](const char* w) { return r.whole ? last_part(label) == w : contains(label, w); };
  return std::any_of(r.words.begin(), r.words.end(), has) &&
         std::none_of(r.unless.begin(), r.unless.end(),
                      [&](const char* w) { return contains(label, w); });
}

const char* role_of(std::string_view label, std::span<const Role> table) {
  for (const Role& r : table)
    if (row_matches(r, label)) return r.role;
  return nullptr;
}

bool has_role(std::string_view label, std::span<const Role> table, std::string_view role) {
  return std::any_of(table.begin(), table.end(),
                     [&](const Role& r) { return r.role == role && row_matches(r, label); });
}

std::span<const Role> peer_words() {
  return kPeerWords;
}

std::span<const Role> peer_metrics() {
  return kPeerMetrics;
}

std::span<const Role> peer_columns() {
  return kPeerColumns;
}
std::span<const Role> history_columns() {
  return kHistoryColumns;
}
std::span<const Role> metric_words() {
  return kMetricWords;
}
std::span<const Role> estimate_columns() {
  return kEstimateColumns;
}
std::span<const Role> estimate_tables() {
  return kEstimateTables;
}
std::span<const Role> total_words() {
  return kTotalWords;
}
std::span<const YearEndForm> year_end_forms() {
  return kYearEndForms;
}

std::optional<int> fiscal_year_end(std::string_view text, const YearEndForm** form) {
  if (text.find("결산") == std::string_view::npos && text.find("기준") == std::string_view::npos)
    return std::nullopt;
  static const std::vector<Regex> patterns = [] {
    std::vector<Regex> out;
    for (const YearEndForm& f : kYearEndForms) out.emplace_back(f.pattern);
    return out;
  }();
  std::string s(text);
  std::smatch m;
  for (size_t i = 0; i < patterns.size(); ++i)
    if (std::regex_search(s, m, patterns[i])) {
      if (form) *form = &kYearEndForms[i];
      return std::stoi(m[1].str());
    }
  return std::nullopt;
}

std::span<const UnitWord> unit_words() {
  return kUnitWords;
}

const UnitWord* unit_word(std::string_view text) {
  size_t b = text.find_first_not_of(' '), e = text.find_last_not_of(' ');
  if (b == std::string_view::npos) return nullptr;
  text = text.substr(b, e - b + 1);
  for (const UnitWord& u : kUnitWords)
    if (!u.mark_only && text == u.unit) return &u;
  return nullptr;
}

bool names_unit(std::string_view note) {
  return std::any_of(std::begin(kUnitWords), std::end(kUnitWords),
                     [&](const UnitWord& u) { return contains(note, u.unit); });
}

const char* usual_unit(std::string_view measure) {
  for (const UnitWord& u : kUnitWords)
    if (!u.mark_only && u.measure == measure) return u.unit;
  return nullptr;
}

std::vector<const UnitWord*> units_in(std::string_view text) {
  std::vector<const UnitWord*> out;
  for (size_t open = text.find('('); open != std::string_view::npos;
       open = text.find('(', open + 1)) {
    size_t close = text.find(')', open);
    if (close == std::string_view::npos) break;
    std::string_view inner = text.substr(open + 1, close - open - 1);
    if (size_t colon = inner.find(':'); colon != std::string_view::npos)
      inner = inner.substr(colon + 1);
    for (size_t b = 0, e; b <= inner.size(); b = e + 1) {
      e = std::min(inner.find(',', b), inner.size());
      if (const UnitWord* u = unit_word(inner.substr(b, e - b))) out.push_back(u);
    }
  }
  return out;
}

std::string_view measure_of_metric(std::string_view metric) {
  for (const auto& [m, measure] : kMetricMeasures)
    if (metric == m) return measure;
  return "";
}

}  // namespace kreport::vocab
