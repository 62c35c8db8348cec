// Words that say what a part of a report is: the heading of a section, the words on a cover
// that name the kind of report, the words of a table that name its kind.
#include <algorithm>

#include "kreport/utf8.h"
#include "kreport/vocab.h"

namespace kreport::vocab {
namespace {

using utf8::contains;
using utf8::lower_ascii;

// Order matters: the first match wins.
const SectionWord kSectionWords[] = {
    {"summary", "highlight", "Highlight of the Week"},
    {"summary", "summary", "Summary"},
    {"summary", "요약", "요약"},
    {"summary", "investment point", "Investment Points"},
    {"summary", "investment summary", "Investment Summary"},
    {"summary", "executive summary", "Executive Summary"},
    {"summary", "key point", "Key Points"},
    {"summary", "투자포인트", "투자포인트"},
    {"summary", "투자 포인트", "투자 포인트"},
    {"summary", "핵심 요약", "핵심 요약"},
    {"compliance", "compliance", "Compliance Notice"},
    {"compliance", "[ compliance", "[ Compliance Notice ]"},
    {"compliance", "투자의견 변동", "투자의견 변동내역(2개년) 및 목표주가 괴리율"},
    {"compliance", "투자등급", "투자등급 관련사항"},
    {"disclaimer", "disclaimer", "Disclaimer"},
    {"disclaimer", "면책", "면책조항"},
    {"calendar", "ai calendar", "AI Calendar"},
    {"calendar", "calendar", "Calendar"},
    {"calendar", "주요 일정", "주요 일정"},
    {"appendix", "appendix", "Appendix"},
    {"appendix", "부록", "부록"},
    {"peer_table", "peer", "Peer Valuation"},
    {"peer_table", "ai 종목", "AI 종목 수익률"},
};

const ReportTypeWord kReportTypeWords[] = {
    {"weekly", "weekly", "AI Weekly, 특이점이 온다 #39"},
    {"weekly", "위클리", "스몰캡 위클리"},
    {"weekly", "monthly", "Monthly Strategy"},
    {"weekly", "daily", "Daily Market"},
    {"industry", "산업분석", "산업분석 | 반도체"},
    {"industry", "산업 분석", "산업 분석"},
    {"industry", "industry", "Industry Report"},
    {"industry", "(positive)", "인터넷/SW (Positive)"},
    {"industry", "(overweight)", "반도체/디스플레이 (Overweight)"},
    {"industry", "(neutral)", "유틸리티 (Neutral)"},
    {"industry", "(negative)", "건설 (Negative)"},
    {"industry", "(underweight)", "철강 (Underweight)"},
    {"industry", "섹터", "섹터 전망"},
    {"industry", "sector", "Sector Update"},
    {"strategy", "투자전략", "투자전략팀"},
    {"strategy", "strategy", "Equity Strategy"},
    {"strategy", "전략공감", "전략공감 2.0"},
    {"economy", "경제분석", "경제분석"},
    {"economy", "economy", "Economy Brief"},
    {"economy", "economic", "Economic Outlook"},
    {"economy", "매크로", "매크로 브리프"},
};

const TableKind kTableKinds[] = {
    {"rating_history",
     TableKind::kLabels | TableKind::kTitle,
     {"괴리율"},
     "투자의견 변동내역(2개년) 및 목표주가 괴리율"},
    // A history printed across the page, without 괴리율 in its labels (Hanwha, Daishin).
    {"rating_history",
     TableKind::kTitle | TableKind::kFirstColumn,
     {"변동 내역", "변동내역", "변경 내용", "변경내용", "목표주가 변경", "목표주가 변동",
      "투자의견 변동", "제시일자"},
     "[ 투자의견 변동 내역 ]"},
    {"financials",
     TableKind::kLabels | TableKind::kFirstColumn,
     {"결산기", "매출액", "영업이익", "EPS", "ROE"},
     "결산기(12월) 매출액 영업이익 EPS(원)"},
    {"peer_table",
     TableKind::kLabels,
     {"티커", "Ticker", "시가총액", "Market Cap", "Mkt Cap"},
     "종목 (티커) 시가총액(B, $) 수익률"},
    {"peer_table", TableKind::kLabels, {"수익률"}, "수익률 (%) / 1W", {"1W", "1M", "3M", "YTD"}},
    {"rating_distribution",
     TableKind::kLabels | TableKind::kFirstColumn,
     {"투자의견 비율", "매수", "Buy"},
     "매수 95.2% 중립 4.8% 매도 0.0%"},
    {"calendar",
     TableKind::kLabels,
     {"일|월|화|수|목|금|토", "Mon", "Sun"},
     "일 월 화 수 목 금 토"},
    {"valuation",
     TableKind::kLabels | TableKind::kFirstColumn | TableKind::kTitle,
     {"Valuation", "목표주가 산정", "적정가치", "Target"},
     "표 2. 목표주가 산정"},
    {"ranking",
     TableKind::kLabels | TableKind::kTitle,
     {"순위", "Rank", "LiveBench"},
     "LiveBench 순위"},
    {"comparison",
     TableKind::kLabels | TableKind::kTitle,
     {" vs ", " VS ", "비교"},
     "GB200 NVL72 vs CloudMatrix 384"},
};

}  // namespace

std::span<const SectionWord> section_words() {
  return kSectionWords;
}

const char* section_kind(std::string_view heading) {
  std::string t = lower_ascii(heading);
  for (const SectionWord& w : kSectionWords)
    if (t.starts_with(w.word)) return w.kind;
  return nullptr;
}

std::span<const ReportTypeWord> report_type_words() {
  return kReportTypeWords;
}

const ReportTypeWord* report_type_word(std::string_view text, std::string_view type) {
  std::string lower = lower_ascii(text);
  for (const ReportTypeWord& w : kReportTypeWords)
    if ((type.empty() || type == w.type) && contains(lower, w.word)) return &w;
  return nullptr;
}

std::span<const TableKind> table_kinds() {
  return kTableKinds;
}

bool has_kind_words(const TableKind& k, std::string_view text) {
  for (std::string_view word : k.words) {
    if (contains(word, "|")) {  // all of a set: the days of a week
      bool all = true;
      for (size_t b = 0, e; b <= word.size(); b = e + 1) {
        e = std::min(word.find('|', b), word.size());
        all &= contains(text, word.substr(b, e - b));
      }
      if (all) return true;
    } else if (contains(text, word) &&
               (k.also.empty() || std::any_of(k.also.begin(), k.also.end(),
                                              [&](const char* a) { return contains(text, a); }))) {
      return true;
    }
  }
  return false;
}

}  // namespace kreport::vocab
