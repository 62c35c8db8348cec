// Labels that open a line (captions, sources, notes) and the words around names and prices
// on a cover. The layout needs the labels (a source line starts a block; figures side by
// side read one after the other), and so do the table finder (a caption is never a table's
// row), the sections (block types) and the rules of meaning (a firm named in a source line).
#include <algorithm>
#include <map>
#include <regex>

#include "kreport/regex.h"
#include "kreport/vocab.h"

namespace kreport::vocab {
namespace {

const LabelForm kLabelForms[] = {
    {"caption_bracket",
     LineLabel::caption,
     R"(\[\s*(그림|표|차트|Figure|Table|Chart)\s*\d+[-.]?\d*\s*\])",
     {"["},
     false,
     "[그림1] 엔비디아 분기 매출 추이"},
    {"caption_angle",
     LineLabel::caption,
     R"(<\s*(그림|표)\s*\d+\s*>)",
     {"<"},
     false,
     "<표 2> 실적 추정"},
    {"caption_numbered",
     LineLabel::caption,
     R"((그림|표|도표|Figure|Table|Chart|Exhibit)\s*\d+[-.]?\d*\s*[.:)])",
     {"그림", "표", "도표", "Figure", "Table", "Chart", "Exhibit"},
     false,
     "그림 3. AI 서버 출하량 전망"},
    // The number and a space, no stop: Meritz's captions. A sentence citing a figure puts a
    // particle after the number ("그림 1에서", "표 2 의"): no caption.
    {"caption_spaced",
     LineLabel::caption,
     R"((그림|표|도표|Figure|Table|Chart|Exhibit)\s*\d+(-\d+)?\s+(?!에|은|는|을|를|이|가|의|과|와|로|도|참|및))",
     {"그림", "표", "도표", "Figure", "Table", "Chart", "Exhibit"},
     false,
     "그림1 ‘리니지W’ 11월 4일 글로벌 출시"},
    {"source",
     LineLabel::source,
     R"((자료|출처|Sources?)\s*[:：])",
     {"자료", "출처", "source"},
     true,
     "자료: Bloomberg, SK증권"},
    {"source_long",
     LineLabel::source,
     R"(자료\s*출처\s*[:：]?)",
     {"자료"},
     false,
     "자료출처 : 유안타증권 리서치센터"},
    {"note",
     LineLabel::note,
     R"((주|Notes?)\s*[:：)])",
     {"주", "note"},
     true,
     "주: 2025.07.25 종가 기준"},
};

// `text` opens with `word`, in any ASCII case where the form allows it.
bool opens_with(std::string_view text, std::string_view word, bool any_case) {
  if (text.size() < word.size()) return false;
  if (!any_case) return text.starts_with(word);
  return std::equal(word.begin(), word.end(), text.begin(), [](char w, char t) {
    return w == (t >= 'A' && t <= 'Z' ? static_cast<char>(t - 'A' + 'a') : t);
  });
}

const std::vector<Regex>& compiled() {
  static const std::vector<Regex> out = [] {
    std::vector<Regex> v;
    for (const LabelForm& f : kLabelForms)
      v.emplace_back(f.pattern, f.any_case ? std::regex::ECMAScript | std::regex::icase
                                           : std::regex::ECMAScript);
    return v;
  }();
  return out;
}

// The form `text` opens with and the length of its label, or null.
const LabelForm* opening_form(std::string_view text, size_t* length) {
  std::match_results<std::string_view::const_iterator> m;
  for (size_t i = 0; i < std::size(kLabelForms); ++i)
    if (std::any_of(
            kLabelForms[i].openers.begin(), kLabelForms[i].openers.end(),
            [&](std::string_view o) { return opens_with(text, o, kLabelForms[i].any_case); }) &&
        std::regex_search(text.begin(), text.end(), m, compiled()[i],
                          std::regex_constants::match_continuous)) {
      if (length) *length = static_cast<size_t>(m.length(0));
      return &kLabelForms[i];
    }
  return nullptr;
}

const CoverWord kCoverWords[] = {
    {CoverKind::ra_label, "RA", "RA 이지원 jiwon.lee@kiwoom.com"},
    {CoverKind::ra_label, "R.A", "R.A 김민지"},
    {CoverKind::ra_label, "RA", "[IT RA]"},  // a team heading over the assistant's card
    {CoverKind::ra_label, "Research Assistant", "Research Assistant 정민호"},
    {CoverKind::ra_label, "Research Associate", "Research Associate 최하나"},
    {CoverKind::analyst_label, "Analyst", "Analyst 박성민 sm.park@kiwoom.com"},
    {CoverKind::analyst_label, "애널리스트", "애널리스트 김하늘"},
    {CoverKind::not_a_name, "연구원", "박성민 연구원"},
    {CoverKind::not_a_name, "책임연구원", "이준서 책임연구원"},
    {CoverKind::not_a_name, "선임연구원", "김은지 선임연구원"},
    {CoverKind::not_a_name, "애널리스트", "한종목 애널리스트"},
    {CoverKind::not_a_name, "리서치", "한종목 리서치"},
    {CoverKind::not_a_name, "팀장", "한종목 팀장"},
    {CoverKind::not_a_name, "위원", "한종목 위원"},
    {CoverKind::not_a_name, "이사", "한종목 이사"},
    {CoverKind::not_a_name, "부장", "한종목 부장"},
    {CoverKind::not_a_name, "차장", "한종목 차장"},
    {CoverKind::not_a_name, "과장", "한종목 과장"},
    {CoverKind::not_a_name, "수석", "한종목 수석"},
    {CoverKind::not_a_name, "스몰캡", "스몰캡 한종목"},
    {CoverKind::not_a_name, "기업분석", "기업분석 한종목"},
    {CoverKind::not_a_name, "산업분석", "산업분석 한종목"},
    {CoverKind::not_a_name, "투자의견", "투자의견 한종목"},
    {CoverKind::not_a_name, "목표주가", "목표주가 한종목"},
    {CoverKind::not_a_name, "현재주가", "현재주가 한종목"},
    {CoverKind::not_a_name, "자료", "자료 한종목"},
    {CoverKind::not_a_name, "작성자", "작성자 한종목"},
    {CoverKind::not_a_name, "담당자", "담당자 한종목"},
    {CoverKind::not_a_name, "본부장", "한종목 본부장"},
    {CoverKind::not_a_name, "센터장", "한종목 센터장"},
    {CoverKind::not_a_name, "연구위원", "한종목 연구위원"},
    {CoverKind::not_a_name, "선임", "한종목 선임"},
    {CoverKind::not_a_name, "책임", "한종목 책임"},
    {CoverKind::not_a_name, "관리자", "작성자(관리자)"},
    {CoverKind::not_a_name, "본인", "작성자 본인은"},
    // Sector headings printed beside a name (`이수림 반도체`, `인터넷 이승훈`) open with a family
    // name's syllable, so only the table tells them from names.
    {CoverKind::not_a_name, "반도체", "이수림 반도체"},
    {CoverKind::not_a_name, "인터넷", "인터넷 이승훈"},
    {CoverKind::not_a_name, "이차전지", "이차전지 정원석"},
    {CoverKind::not_a_name, "전력기기", "전력기기 김광식"},
    {CoverKind::not_a_name, "전기전자", "전기전자 김운호"},
    {CoverKind::not_a_name, "유틸리티", "유틸리티 한병화"},
    {CoverKind::not_a_name, "조선", "조선 김소혜"},
    {CoverKind::not_a_name, "기계", "기계 김소혜"},
    {CoverKind::not_a_name, "금융", "금융 김한나"},
    {CoverKind::not_a_name, "은행", "은행 김한나"},
    {CoverKind::not_a_name, "지주", "지주 김한나"},
    {CoverKind::not_a_name, "정유", "정유 노우호"},
    {CoverKind::not_a_name, "유통", "유통 정한솔"},
    {CoverKind::not_a_name, "제약", "제약 허제나"},
    {CoverKind::not_a_name, "방산", "방산 백재승"},
    {CoverKind::not_a_name, "소재", "소재 전유진"},
    {CoverKind::not_a_name, "소비재", "소비재 심은주"},
    {CoverKind::not_a_name, "전략", "전략 김하늘"},
    {CoverKind::not_a_name, "경제", "경제 김하늘"},
    {CoverKind::not_a_name, "채권", "채권 김하늘"},
    {CoverKind::not_a_name, "신재생", "신재생 한병화"},
    {CoverKind::not_a_name, "원자력", "원자력 한병화"},
    {CoverKind::not_a_name, "석유화학", "석유화학 전유진"},
    {CoverKind::not_a_name, "전자", "전자 김운호"},
    {CoverKind::target_label, "목표주가", "목표주가(12M) 95,000원"},
    {CoverKind::target_label, "적정주가", "적정주가 (12 개월) 71,000원"},
    {CoverKind::target_label, "T.P", "T.P 200,000 원(하향)"},
    {CoverKind::target_label, "TP", "TP 75,000 원 유지"},
    {CoverKind::target_label, "Target Price", "Target Price 120,000"},
    {CoverKind::other_price, "직전", "직전 목표주가 100,000원"},
    {CoverKind::other_price, "이전", "이전 목표주가 100,000원"},
    {CoverKind::other_price, "추이", "목표주가 추이"},
    {CoverKind::other_price, "괴리", "목표주가 괴리율"},
    {CoverKind::other_price, "변동", "목표주가 변동내역"},
    {CoverKind::other_price, "대비", "목표주가 대비 상승여력"},
    {CoverKind::other_price, "상승여력", "목표주가 상승여력 31.4%"},
    {CoverKind::other_price, "기준", "목표주가 기준일"},
    {CoverKind::other_price, "Old", "Old TP 90,000"},
    {CoverKind::other_price, "Diff", "TP Diff 5.2%"},
    {CoverKind::masthead, "COMPANY UPDATE", "COMPANY UPDATE"},
    {CoverKind::masthead, "Company Report", "Company Report"},
    {CoverKind::masthead, "Company Note", "Company Note"},
    {CoverKind::masthead, "Company Analysis", "Company Analysis"},
    {CoverKind::masthead, "Results Comment", "Results Comment"},
    {CoverKind::masthead, "Earnings Review", "Earnings Review"},
    {CoverKind::masthead, "Issue Comment", "Issue Comment"},
    {CoverKind::masthead, "Industry Report", "Industry Report"},
    {CoverKind::masthead, "기업분석", "기업분석"},
    {CoverKind::masthead, "기업 분석", "기업 분석"},
    {CoverKind::masthead, "산업분석", "산업분석"},
    {CoverKind::masthead, "기업코멘트", "기업코멘트"},
    {CoverKind::masthead, "실적리뷰", "실적리뷰"},
    {CoverKind::current_label, "현재주가", "현재주가(11/13) 72,300원"},
    {CoverKind::current_label, "주가(", "주가(10/28) 71,500원"},
    {CoverKind::current_label, "현재가", "현재가(9/6) 454,000원"},
    {CoverKind::current_label, "종가", "종가(2021/10/28) 71,500"},
    // A notice's date of record, printed after the date (`2021년 10월 8일 기준`): the
    // publication date of a cover that prints none. Not on a line about the rating
    // distribution, whose `2024.09.30 기준` is a quarter's end.
    {CoverKind::notice_as_of, "기준", "본 자료는 2021년 10월 8일 기준으로 작성되었습니다"},
    {CoverKind::notice_as_of, "현재",
     "2021년 10월 8일 현재 동 종목을 1% 이상 보유하고 있지 않습니다"},
    // ... or before it, as a label: the date the report was written, or a bare date of record
    // (not the rating distribution's, printed beside its percentages).
    {CoverKind::notice_written_label, "작성 기준일", "본 자료의 작성 기준일: 2025년 6월 12일"},
    {CoverKind::notice_written_label, "작성기준일", "자료 작성기준일 2025.06.12"},
    {CoverKind::notice_written_label, "작성일", "(작성일 2025.06.12)"},
    {CoverKind::notice_as_of_label, "기준일", "기준일: 2025년 6월 12일"},
    {CoverKind::distribution_word, "비율", "투자등급 비율 2024.09.30 기준"},
    {CoverKind::distribution_word, "비중", "투자의견 비중 2024.09.30 기준"},
    {CoverKind::distribution_word, "투자등급", "투자등급 관련사항 2024.09.30 기준"},
    // A news site's page: its search box, a reporter's byline, the copyright line. An article
    // that quotes an analyst ("김동현 대신증권 연구원은 …") names a firm but is no report.
    {CoverKind::news_mark, "최근검색어", "최근검색어"},
    {CoverKind::news_mark, "검색기록", "검색기록 지우기"},
    {CoverKind::news_mark, "검색어 저장", "검색어 저장 끄기"},
    {CoverKind::news_mark, "기자 |", "김하늘 기자 | 입력 2026-01-26 06:00"},
    {CoverKind::news_mark, "| 입력 20",
     "김하늘 기자 | 입력 2026-01-26 06:00 | 수정 2026-01-26 09:12"},
    {CoverKind::news_mark, "무단 전재",
     "Copyright ⓒ 오늘경제 All rights reserved. 무단 전재, 재배포 금지"},
    {CoverKind::news_mark, "무단전재", "ⓒ 연합뉴스, 무단전재-재배포 금지"},
    {CoverKind::news_mark, "재배포 금지", "무단 전재, 재배포 금지"},
    {CoverKind::news_mark, "많이 본 뉴스", "많이 본 뉴스"},
    {CoverKind::news_mark, "댓글", "댓글 12"},
};

// Bloomberg's market codes.
const MarketCode kMarketCodes[] = {
    {"US", "AAPL US"},   {"KS", "005930 KS"}, {"KQ", "247540 KQ"}, {"HK", "700 HK"},
    {"TT", "2330 TT"},   {"JP", "6758 JP"},   {"CH", "600519 CH"}, {"C1", "600519 C1"},
    {"C2", "300750 C2"}, {"GY", "SAP GY"},    {"LN", "ARM LN"},    {"FP", "MC FP"},
    {"SP", "D05 SP"},    {"AU", "BHP AU"},    {"CN", "SHOP CN"},   {"IN", "INFO IN"},
    {"NA", "ASML NA"},   {"SS", "ERICB SS"},  {"SW", "NESN SW"},   {"IM", "ENI IM"},
    {"SM", "ITX SM"},
};

}  // namespace

std::span<const MarketCode> market_codes() {
  return kMarketCodes;
}

// Filled and empty dots, squares, diamonds, stars and ticks; arrows are a trend's, never
// a score (they stand alone beside one: "◀▶", "▲").
const ScoreMark kScoreMarks[] = {
    {"●", "● ● ● ●"}, {"○", "● ○ ○ ○"}, {"◐", "◐"},   {"◎", "◎"},
    {"■", "■ ■ □"},   {"□", "■ □ □"},   {"◆", "◆ ◆"}, {"◇", "◇"},
    {"★", "★ ★ ★"},   {"☆", "★ ★ ☆"},   {"✓", "✓"},   {"✔", "✔"},
};

std::span<const ScoreMark> score_marks() {
  return kScoreMarks;
}

bool is_marks(std::string_view text) {
  bool any = false;
  while (!text.empty()) {
    if (text.front() == ' ') {
      text.remove_prefix(1);
      continue;
    }
    auto mark = std::find_if(std::begin(kScoreMarks), std::end(kScoreMarks),
                             [&](const ScoreMark& m) { return text.starts_with(m.glyph); });
    if (mark == std::end(kScoreMarks)) return false;
    text.remove_prefix(std::string_view(mark->glyph).size());
    any = true;
  }
  return any;
}

bool is_market_code(std::string_view s) {
  return std::any_of(std::begin(kMarketCodes), std::end(kMarketCodes),
                     [&](const MarketCode& c) { return s == c.code; });
}

std::span<const LabelForm> label_forms() {
  return kLabelForms;
}

LineLabel label_of(std::string_view text, const LabelForm** form) {
  const LabelForm* f = opening_form(text, nullptr);
  if (form) *form = f;
  return f ? f->label : LineLabel::none;
}

std::string label_body(std::string_view text) {
  size_t length = 0;
  if (!opening_form(text, &length)) return std::string(text);
  std::string_view rest = text.substr(length);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return std::string(rest);
}

std::span<const CoverWord> cover_words() {
  return kCoverWords;
}

const char* to_string(CoverKind kind) {
  switch (kind) {
    case CoverKind::ra_label:
      return "ra_label";
    case CoverKind::analyst_label:
      return "analyst_label";
    case CoverKind::not_a_name:
      return "not_a_name";
    case CoverKind::target_label:
      return "target_label";
    case CoverKind::other_price:
      return "other_price";
    case CoverKind::current_label:
      return "current_label";
    case CoverKind::masthead:
      return "masthead";
    case CoverKind::news_mark:
      return "news_mark";
    case CoverKind::notice_as_of:
      return "notice_as_of";
    case CoverKind::notice_as_of_label:
      return "notice_as_of_label";
    case CoverKind::notice_written_label:
      return "notice_written_label";
    case CoverKind::distribution_word:
      return "distribution_word";
  }
  return "?";
}

const std::vector<const char*>& cover_words(CoverKind kind) {
  // Grouped once: the rules ask for a kind on every line of every page.
  static const auto by_kind = [] {
    std::map<CoverKind, std::vector<const char*>> out;
    for (const CoverWord& w : kCoverWords) out[w.kind].push_back(w.word);
    return out;
  }();
  static const std::vector<const char*> none;
  auto it = by_kind.find(kind);
  return it == by_kind.end() ? none : it->second;
}

bool has_email(std::string_view text) {
  static const Regex email(R"([A-Za-z0-9._%+-]+ ?@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)");
  if (text.find('@') == std::string_view::npos) return false;  // most lines: no regex run
  return std::regex_search(text.begin(), text.end(), email);
}

}  // namespace kreport::vocab
