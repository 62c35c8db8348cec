// The extract stage's parsers on seed and fixture-style strings, and its page rules on tiny
// page layouts built from (text, x, y) tuples.
#include <gtest/gtest.h>

#include "../../src/extract/extract_parts.h"
#include "builders.h"
#include "kreport/extract.h"
#include "kreport/sections.h"
#include "kreport/utf8.h"

namespace kx = kreport::extract;
using kreport::Diagnostics;
using kreport::Line;
using kreport::PageLayout;

namespace {

struct LineAt {
  std::string text;
  double x, y, size = 9;
};

// A page of lines; each line is as wide as its text (5 pt a byte-ish) and `size` tall.
PageLayout page(int number, std::vector<LineAt> lines) {
  std::vector<Line> out;
  for (const LineAt& a : lines) {
    double w = 4.0 * static_cast<double>(kreport::utf8::length(a.text));
    out.push_back(kreport::test::line(a.text, a.x, a.y, a.x + w, a.size));
  }
  return kreport::test::laid_out(std::move(out), number);
}

}  // namespace

TEST(ExtractDates, PrintedFormsBecomeIso) {
  EXPECT_EQ(kx::parse_date("2024. 11.14"), "2024-11-14");
  EXPECT_EQ(kx::parse_date("2023년 2월 27일"), "2023-02-27");
  EXPECT_EQ(kx::parse_date("2025.03.10"), "2025-03-10");
  EXPECT_EQ(kx::parse_date("24/3/7"), "2024-03-07");
  EXPECT_EQ(kx::parse_date("[ Compliance Notice ] (공표일: 2023년 2월 27일)"), "2023-02-27");
  EXPECT_EQ(kx::parse_date("Korea | 반도체 | 2025.07.09"), "2025-07-09");
}

TEST(ExtractDates, PriceDatesAreNotPublicationDates) {
  EXPECT_EQ(kx::parse_date("현재주가(11/13)"), std::nullopt);
  EXPECT_EQ(kx::parse_date("(21.10.28)"), std::nullopt);
  EXPECT_EQ(kx::parse_date("종가(2021/10/28)"), std::nullopt);
  EXPECT_EQ(kx::parse_date("(AGI's ETA: 2027.05.08)"), std::nullopt);
}

TEST(ExtractDates, CoverDateBeatsBodyDate) {
  auto p = page(1, {{"본문에서 2024.10.01 발표된 실적은 예상을 상회했다", 40, 400},
                    {"2024.11.14", 40, 60},
                    {"현재주가(11/13) 72,300원", 40, 120}});
  EXPECT_EQ(kx::find_published({p}), "2024-11-14");
}

TEST(ExtractDates, ACoverDatedOnlyInEnglish) {
  // Fixture two_analysts: the cover prints `Feb 03, 2025` and no Korean date at all; the
  // price date beside the current price is no publication date.
  auto p = page(1, {{"Feb 03, 2025", 40, 60},
                    {"LG에너지솔루션 (373220)", 40, 80, 11},
                    {"현재주가 (2/3) 352,500원", 40, 200}});
  EXPECT_EQ(kx::find_published({p}), "2025-02-03");
  EXPECT_EQ(kx::parse_date("3 February 2025"), "2025-02-03");
}

TEST(ExtractDates, TheNoticeDatesACoverThatPrintsNone) {
  EXPECT_EQ(
      kx::notice_date("Compliance Notice\n본 자료는 2021년 10월 8일 기준으로 작성되었습니다."),
      "2021-10-08");
  EXPECT_EQ(kx::notice_date("2021년 10월 8일 현재 동 종목을 1% 이상 보유하고 있지 않습니다."),
            "2021-10-08");
  // A rating distribution's as-of date, a close, a label before the date: none of them.
  EXPECT_EQ(kx::notice_date("투자등급 비율 2024.09.30 기준"), std::nullopt);
  EXPECT_EQ(kx::notice_date("주: 2025.07.25 종가 기준"), std::nullopt);
  EXPECT_EQ(kx::notice_date("매수 95.2% 중립 4.8% 매도 0.0%\n(기준일: 2022년 12월 31일)"),
            std::nullopt);
  // Through extract_document: only where the cover has no date.
  kreport::Compliance notice;
  notice.text = "본 자료는 2021년 10월 8일 기준으로 작성되었습니다.";
  kreport::Diagnostics diag;
  auto undated = page(1, {{"두산퓨얼셀 (336260)", 40, 80, 14}});
  EXPECT_EQ(kreport::extract_document({undated}, &notice, diag).published, "2021-10-08");
  auto dated = page(1, {{"2021.10.29", 40, 40}, {"두산퓨얼셀 (336260)", 40, 80, 14}});
  EXPECT_EQ(kreport::extract_document({dated}, &notice, diag).published, "2021-10-29");
}

TEST(ExtractTicker, EveryPrintedForm) {
  EXPECT_EQ(kx::parse_ticker("(005930)")->code, "005930");
  EXPECT_EQ(kx::parse_ticker("005930/KS | 반도체")->market, "KS");
  EXPECT_EQ(kx::parse_ticker("035420.KS")->code, "035420");
  EXPECT_EQ(kx::parse_ticker("247540. KQ")->market, "KQ");
  EXPECT_EQ(kx::parse_ticker("[005930]")->code, "005930");
  EXPECT_EQ(kx::parse_ticker("A005930")->code, "005930");
  EXPECT_EQ(kx::parse_ticker("성일하이텍 (365340,KQ)")->code, "365340");
  EXPECT_FALSE(kx::parse_ticker("시가총액 431,616억원"));
}

TEST(ExtractRating, BoxEntriesNormalize) {
  EXPECT_EQ(kx::parse_rating("BUY(유지)")->rating, "buy");
  EXPECT_EQ(kx::parse_rating("투자의견 매수(유지)")->rating, "buy");
  EXPECT_EQ(kx::parse_rating("Buy (Maintain)")->rating, "buy");
  EXPECT_EQ(kx::parse_rating("Trading Buy")->rating, "buy");
  EXPECT_EQ(kx::parse_rating("Hold")->rating, "hold");
  EXPECT_EQ(kx::parse_rating("Not Rated")->rating, "not_rated");
  EXPECT_EQ(kx::parse_rating("중립 (유지)")->rating, "hold");
  EXPECT_EQ(kx::parse_rating("Neutral (유지)")->rating, "hold");
  EXPECT_EQ(kx::parse_rating("NOT RATED (M)")->text, "NOT RATED (M)");
}

TEST(ExtractRating, SentencesAreNotRatings) {
  EXPECT_FALSE(kx::parse_rating("투자의견 BUY, 목표주가 95,000원 유지"));
  EXPECT_FALSE(kx::parse_rating("NAVER(Buy)"));
  EXPECT_FALSE(kx::parse_rating("Buyback 확대"));
}

TEST(ExtractTargetPrice, LabelsAndUnits) {
  EXPECT_EQ(kx::parse_target_price("목표주가(12M) 95,000원"), 95000);
  EXPECT_EQ(kx::parse_target_price("목표주가(유지) 140,000원"), 140000);
  EXPECT_EQ(kx::parse_target_price("TP 75,000 원 유지"), 75000);
  EXPECT_EQ(kx::parse_target_price("적정주가 (12 개월) 71,000원"), 71000);
  EXPECT_EQ(kx::parse_target_price("6개월 목표주가 66,000"), 66000);
  EXPECT_EQ(kx::parse_target_price("목표주가 54만원"), 540000);
  EXPECT_EQ(kx::parse_target_price("목표주가(12M)"), std::nullopt);
  EXPECT_EQ(kx::parse_won("5.4만원"), 54000);
}

TEST(ExtractRecommendation, SkHeaderLine) {
  auto p = page(1, {{"SK증권 리서치센터", 40, 20},
                    {"삼성전자 (005930/KS｜매수(유지)｜T.P 90,000원(하향))", 200, 54, 12},
                    {"본문", 40, 300},
                    {"본문", 40, 320},
                    {"본문", 40, 340}});
  // The fullwidth bar is normalized to ASCII upstream; the rule sees `|`.
  for (Line& l : p.lines)
    for (size_t at; (at = l.text.find("｜")) != std::string::npos;) l.text.replace(at, 3, "|");
  auto rec = kx::find_recommendation({p});
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->ticker, "005930");
  EXPECT_EQ(rec->market, "KS");
  EXPECT_EQ(rec->rating, "buy");
  EXPECT_EQ(rec->rating_text, "매수(유지)");
  ASSERT_TRUE(rec->target_price);
  EXPECT_EQ(rec->target_price->value, 90000);
}

TEST(ExtractRecommendation, MarketFromTheBoxWhenTheTitleHasTheBareCode) {
  auto p = page(1, {{"삼성전자 (005930)", 48, 76, 11},
                    {"005930/KS | 반도체", 48, 92, 7},
                    {"투자의견 BUY(유지)", 48, 109, 12}});
  auto rec = kx::find_recommendation({p});
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->ticker, "005930");
  EXPECT_EQ(rec->market, "KS");
}

TEST(ExtractRecommendation, SidebarValueOnTheLabelsBaseline) {
  auto p = page(1, {{"삼성전자 (005930)", 48, 76, 11},
                    {"투자의견 BUY(유지)", 48, 109, 12},
                    {"목표주가(12M)", 50, 132, 7.6},
                    {"현재주가(11/13)", 50, 147, 7.6},
                    {"95,000원", 161, 132, 7.6},
                    {"72,300원", 161, 147, 7.6},
                    {"투자의견 BUY BUY", 40, 600, 7}});
  auto rec = kx::find_recommendation({p});
  ASSERT_TRUE(rec && rec->target_price && rec->current_price);
  EXPECT_EQ(rec->company, "삼성전자");
  EXPECT_EQ(rec->rating_text, "BUY(유지)");
  EXPECT_EQ(rec->target_price->value, 95000);
  EXPECT_EQ(rec->current_price->value, 72300);
}

TEST(ExtractRecommendation, NotRatedHasNoTarget) {
  auto p = page(1, {{"나노 (187790)", 240, 98, 13},
                    {"Not Rated", 36, 103, 16},
                    {"목표주가", 420, 235},
                    {"-원", 500, 235},
                    {"본문", 40, 400}});
  auto rec = kx::find_recommendation({p});
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->rating, "not_rated");
  EXPECT_FALSE(rec->target_price);
}

TEST(ExtractBrokers, BannerBeatsADataSource) {
  auto p = page(1, {{"미래에셋증권 리서치센터", 42, 41},
                    {"자료: Bloomberg, SK증권", 42, 500},
                    {"자료: Bloomberg, SK증권", 42, 600},
                    {"본문", 42, 300},
                    {"본문", 42, 320}});
  auto b = kx::identify_broker({p});
  ASSERT_TRUE(b);
  EXPECT_EQ(b->id, "mirae");
  EXPECT_EQ(b->name, "미래에셋증권");
}

TEST(ExtractBrokers, OldNamesAndDomains) {
  EXPECT_EQ(kx::broker_in_line("이베스트투자증권 리서치센터")->id, "ls");
  EXPECT_EQ(kx::broker_in_line("하나금융투자")->name, "하나금융투자");
  EXPECT_EQ(kx::broker_in_line("DS INVESTMENT & SECURITIES")->id, "ds");
  EXPECT_FALSE(kx::broker_in_line("Hanaro 통신"));
  EXPECT_EQ(kx::broker_of_email("jaekoo.kang@hanwha.com")->id, "hanwha");
  EXPECT_EQ(kx::broker_of_email("dy.lee@imfnsec.com")->id, "im");
}

TEST(ExtractAnalysts, NameEmailPhoneOnOneLine) {
  auto p = page(1, {{"▶ Analyst 강재구 jaekoo.kang@hanwha.com 3772-7581", 42, 144},
                    {"본문", 42, 300},
                    {"본문", 42, 320},
                    {"본문", 42, 340},
                    {"본문", 42, 360}});
  auto a = kx::find_analysts({p});
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].name, "강재구");
  EXPECT_EQ(a[0].email, "jaekoo.kang@hanwha.com");
  EXPECT_EQ(a[0].phone, "3772-7581");
}

TEST(ExtractAnalysts, AHeadingAboveTheContactBlockIsNoName) {
  // A section heading and a table cell just above an analyst's e-mail in the same column:
  // words, not the analyst. The name is the labelled one on the e-mail's baseline.
  auto p = page(1, {{"게임", 42, 380, 11},
                    {"인터넷", 42, 392, 8.5},
                    {"Analyst 박성민", 42, 404, 8.5},
                    {"sm.park@kiwoom.com", 42, 416, 8.5},
                    {"본문", 42, 500},
                    {"본문", 42, 520}});
  auto a = kx::find_analysts({p});
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].name, "박성민");
  EXPECT_EQ(a[0].email, "sm.park@kiwoom.com");
}

TEST(ExtractAnalysts, TeamLineThenEmailsPairInOrder) {
  auto p = page(1, {{"디지털리서치팀 한종목, 김은지", 42, 400, 8.5},
                    {"chongmok.han@miraeasset.com", 42, 413, 8.5},
                    {"eunji.kim.a@miraeasset.com", 42, 426, 8.5},
                    {"본문", 42, 500},
                    {"본문", 42, 520}});
  auto a = kx::find_analysts({p});
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].name, "한종목");
  EXPECT_EQ(a[0].email, "chongmok.han@miraeasset.com");
  EXPECT_EQ(a[1].name, "김은지");
  EXPECT_EQ(a[1].team, "디지털리서치팀");
}

TEST(ExtractAnalysts, ResearchAssistantsAreKeptWithTheirRole) {
  auto p =
      page(1, {{"Analyst 김하늘 haneul.kim@hanafn.com", 44, 757, 7},
               {"RA 김민지 minji.kim@hanafn.com", 44, 766, 7},
               {"중국/신흥시장 Analyst 이서연 seoyeon.lee@hanbit-sec.co.kr · RA 정민호", 42, 99},
               {"본문", 42, 300},
               {"본문", 42, 320}});
  auto a = kx::find_analysts({p});
  ASSERT_EQ(a.size(), 4u);
  EXPECT_EQ(a[0].name, "이서연");
  EXPECT_EQ(a[0].role, "analyst");
  EXPECT_EQ(a[1].name, "김하늘");
  EXPECT_EQ(a[1].role, "analyst");
  EXPECT_EQ(a[2].name, "김민지");
  EXPECT_EQ(a[2].email, "minji.kim@hanafn.com");
  EXPECT_EQ(a[2].role, "research_assistant");
  EXPECT_EQ(a[3].name, "정민호");
  EXPECT_EQ(a[3].role, "research_assistant");
}

TEST(ExtractAnalysts, SpacedSyllablesAndNoticeFallback) {
  EXPECT_EQ(kx::names_in_line("Analyst 이 하 준"), std::vector<std::string>{"이하준"});
  EXPECT_EQ(kx::names_in_line("최유진 자동차·2 차전지"), std::vector<std::string>{"최유진"});
  auto last = page(
      2, {{"이 자료는 부당한 압력이나 간섭 없이 작성되었음을 확인함. (작성자: 이시우)", 48, 508}});
  EXPECT_EQ(kx::notice_authors({last}), std::vector<std::string>{"이시우"});
}

TEST(ExtractCompliance, NegationsDecide) {
  auto st = kx::parse_statements(
      "당사는 자료공표일 현재 해당 기업과 관련하여 발행주식수의 1% 이상을 보유하고 있지 "
      "않습니다. 당사는 본 자료를 기관투자가 또는 제3자에게 사전 제공한 사실이 없습니다. "
      "조사분석 담당자 및 배우자는 해당종목과 재산적 이해관계가 없습니다. 외부의 부당한 "
      "압력이나 간섭 없이 작성되었음을 확인합니다.");
  EXPECT_EQ(st.holds_1pct_or_more, false);
  EXPECT_EQ(st.no_prior_distribution, true);
  EXPECT_EQ(st.analyst_conflict, false);
  EXPECT_EQ(st.analyst_independence, true);
  EXPECT_EQ(kx::parse_statements("발행주식을 1% 이상 보유하고 있습니다.").holds_1pct_or_more, true);
  EXPECT_EQ(kx::parse_statements("본 자료는 참고자료입니다.").holds_1pct_or_more, std::nullopt);
}

TEST(ExtractCompliance, NoticeWithoutHeadingAndAbsentNotice) {
  Diagnostics diag;
  auto last = page(
      3,
      {{"작성자(박제민)는 본 조사분석자료에 게재된 내용들이 본인의 의견을 정확하게 "
        "반영하고 있으며, 외부의 부당한 압력이나 간섭 없이 작성되었음을 확인합니다.",
        42, 712, 7.5},
       {"당사는 본 자료를 기관투자가 또는 제3자에게 사전 제공한 사실이 없습니다.", 42, 752, 7.5}});
  // The sections find where the notice starts; compliance reads it from there.
  auto compliance = [&](const std::vector<PageLayout>& pages) {
    std::vector<kreport::PageBlocks> blocks;
    for (const PageLayout& p : pages) blocks.push_back(kreport::build_blocks(p, {}));
    return kreport::extract_compliance(pages, kreport::cut_sections(blocks).sections, {}, diag);
  };
  auto c = compliance({page(1, {{"본문", 40, 100}}), last});
  ASSERT_TRUE(c);
  EXPECT_EQ(c->page, 3);
  EXPECT_EQ(c->statements.no_prior_distribution, true);
  EXPECT_TRUE(c->text.starts_with("작성자(박제민)")) << c->text;
  EXPECT_FALSE(compliance({page(1, {{"본문", 40, 100}})}));
}

TEST(ExtractTitle, SeriesAndIssue) {
  auto t = kx::split_series("AI Weekly, 특이점이 온다 #39");
  EXPECT_EQ(t.series, "AI Weekly, 특이점이 온다");
  EXPECT_EQ(t.issue, "#39");
  EXPECT_EQ(kx::split_series("AI WEEKLY").series, "AI WEEKLY");
}

TEST(ExtractDocument, NewsPageIsOther) {
  Diagnostics diag;
  auto p = page(1, {{"오늘경제", 42, 26, 20},
                    {"찾아보고 싶은 뉴스가 있다면, 검색", 52, 76},
                    {"2026-01-27", 93, 120},
                    {"반도체 인력 부족 심화", 52, 200},
                    {"기자 홍길동", 52, 220}});
  auto doc = kreport::extract_document({p}, nullptr, diag);
  EXPECT_EQ(doc.kind, "other");
  EXPECT_TRUE(diag.has("NOT_A_REPORT"));
}

TEST(ExtractRecommendation, FromASentenceWhereNoLineIsARating) {
  // A box the rules do not know (or a picture): the cover's sentence says it.
  auto p = page(
      1, {{"LG화학 (051910)", 48, 76, 14},
          {"3분기 실적은 부진했다. 투자의견 Buy, 목표주가 120,000원으로 하향한다.", 48, 300, 9},
          {"본문", 40, 320}});
  auto rec = kx::find_recommendation({p});
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->rating, "buy");
  EXPECT_EQ(rec->rating_text, "Buy");
  ASSERT_TRUE(rec->target_price);
  EXPECT_EQ(rec->target_price->value, 120000);
  // "투자의견을 매수로 유지": a particle between label and rating.
  auto q = page(1, {{"LG화학 (051910)", 48, 76, 14}, {"투자의견을 매수로 유지한다.", 48, 300, 9}});
  EXPECT_EQ(kx::find_recommendation({q})->rating, "buy");
  // A rating line wins over a sentence.
  auto r = page(1, {{"LG화학 (051910)", 48, 76, 14},
                    {"HOLD(하향)", 48, 100, 12},
                    {"투자의견 Buy에서 Hold로 하향", 48, 300, 9}});
  EXPECT_EQ(kx::find_recommendation({r})->rating, "hold");
}

TEST(ExtractDocument, ANewsPageQuotingAnAnalystIsNoReport) {
  auto p = page(1, {{"최근검색어", 40, 40},
                    {"김하늘 기자 | 입력 2026-01-26 06:00", 40, 80},
                    {"김동현 대신증권 연구원은 “투자의견 매수를 유지한다”고 말했다.", 40, 120},
                    {"Copyright ⓒ 오늘경제 All rights reserved. 무단 전재, 재배포 금지", 40, 160},
                    {"본문", 40, 200}});
  kreport::Diagnostics diag;
  auto doc = kreport::extract_document({p}, nullptr, diag);
  EXPECT_EQ(doc.kind, "other");
  EXPECT_TRUE(diag.has("NOT_A_REPORT"));
  // The same firm named on a page without the marks: a report (of an unknown layout).
  auto q = page(1, {{"김동현 대신증권 연구원", 40, 80},
                    {"본문", 40, 120},
                    {"본문", 40, 140},
                    {"본문", 40, 160},
                    {"본문", 40, 180}});
  kreport::Diagnostics quiet;
  EXPECT_EQ(kreport::extract_document({q}, nullptr, quiet).kind, "broker_report");
}

TEST(ExtractAnalysts, TheNoticeAddsAuthorsTheCoverDoesNotPrint) {
  // The second analyst's card is a picture; the notice names both.
  auto cover = page(1, {{"Analyst 최민재 minjae.choi@sks.co.kr", 40, 100}, {"본문", 40, 300}});
  auto last = page(2, {{"본 자료의 작성자(최민재, 박제민)는 자료의 작성과 관련하여", 40, 500},
                       {"작성자는 본인의 의견을 정확하게 반영하고 있으며", 40, 520}});
  auto a = kx::find_analysts({cover, last});
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].email, "minjae.choi@sks.co.kr");
  EXPECT_EQ(a[1].name, "박제민");
  // A sentence after the label lists nobody: "본인의" is no name.
  EXPECT_TRUE(
      kx::notice_authors({page(2, {{"작성자는 본인의 의견을 정확하게", 40, 500}})}).empty());
}

TEST(ExtractReportType, ADeckAboutOneCompanyAndOneAboutMany) {
  // 40 slides; the company's code on slide 5 only.
  std::vector<kreport::PageLayout> deck;
  for (int n = 1; n <= 40; ++n)
    deck.push_back(
        page(n, {{n == 5 ? "LG에너지솔루션(373220) 사업 현황" : "2025 하반기 전망", 40, 100}}));
  EXPECT_EQ(kx::classify_report(deck, {}, std::nullopt), "company");
  // Three companies' codes across the deck: an industry deck.
  deck[6] = page(7, {{"삼성SDI(006400)", 40, 100}});
  deck[8] = page(9, {{"SK이노베이션(096770)", 40, 100}});
  EXPECT_EQ(kx::classify_report(deck, {}, std::nullopt), "industry");
}

TEST(ExtractDates, ACoverTablesDateIsNotTheCoverDate) {
  // A rating-history row on the cover, above the body's date line.
  auto p = page(1, {{"2024.02.13 BUY 90,000", 40, 60},
                    {"삼성전자 (005930)", 40, 200, 14},
                    {"본문 2025.02.03 작성", 40, 400}});
  p.tables[0] = "t1";
  EXPECT_EQ(kx::find_published({p}), "2025-02-03");
  p.tables[0] = "";
  EXPECT_EQ(kx::find_published({p}), "2024-02-13");  // as text, the top line wins
}

// ---- issue 33: covers of firms and layouts not seen before ------------------------------

TEST(ExtractAnalysts, AnAssistantLabelledAfterTheName) {
  auto p = page(1, {{"이수림 반도체", 410, 218, 8},
                    {"surim.lee@ds-sec.co.kr", 410, 243, 8},
                    {"김진형 RA", 410, 261, 9},
                    {"jh.kim@ds-sec.co.kr", 410, 286, 8},
                    {"문준호 Senior Analyst", 28, 153, 8},
                    {"joonho.moon@samsung.com", 28, 164, 7},
                    {"정승호 Research Associate", 28, 191, 8},
                    {"seungho1.jeong@samsung.com", 28, 202, 7}});
  auto a = kx::find_analysts({p});
  ASSERT_EQ(a.size(), 4u);
  EXPECT_EQ(a[0].name, "문준호");  // the names stand before `Senior Analyst`
  EXPECT_EQ(a[0].role, "analyst");
  EXPECT_EQ(a[1].name, "정승호");
  EXPECT_EQ(a[1].role, "research_assistant");
  EXPECT_EQ(a[2].name, "이수림");  // `반도체` is the sector, no name
  EXPECT_EQ(a[2].role, "analyst");
  EXPECT_EQ(a[3].name, "김진형");
  EXPECT_EQ(a[3].role, "research_assistant");
}

TEST(ExtractAnalysts, AnAssistantLabelOnALineOfItsOwn) {
  // `R.A` right above the name, as `Analyst` above the analyst's; a team heading `[IT RA]`.
  auto sk = page(1, {{"Analyst", 117, 342, 10},
                     {"한동희", 118, 353, 14},
                     {"donghee.han@sks.co.kr", 117, 383, 8.5},
                     {"R.A", 117, 439, 10},
                     {"박제민", 117, 450, 14},
                     {"jeminwa@sks.co.kr", 117, 480, 9}});
  auto a = kx::find_analysts({sk});
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].name, "한동희");
  EXPECT_EQ(a[0].role, "analyst");
  EXPECT_EQ(a[1].name, "박제민");
  EXPECT_EQ(a[1].role, "research_assistant");
  auto im = page(1, {{"[이차전지/디스플레이]", 383, 746, 8},
                     {"정원석 2122-9203 wschung@imfnsec.com", 383, 757, 8},
                     {"[IT RA]", 383, 780, 8},
                     {"손우성 2122-9785 useong@imfnsec.com", 383, 792, 8}});
  a = kx::find_analysts({im});
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].role, "analyst");
  EXPECT_EQ(a[1].name, "손우성");
  EXPECT_EQ(a[1].role, "research_assistant");
  // A label line that names its own person labels that person, not the line above it.
  auto hana = page(1, {{"Analyst 심은주 yesej01@hanafn.com", 44, 757, 7},
                       {"RA 고찬결 cgko@hanafn.com", 44, 766, 7}});
  a = kx::find_analysts({hana});
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].name, "심은주");
  EXPECT_EQ(a[0].role, "analyst");
  EXPECT_EQ(a[1].role, "research_assistant");
}

TEST(ExtractAnalysts, AnUnlabelledPersonUnderALabelledAnalystIsTheAssistant) {
  auto p = page(1, {{"Analyst 김록호 roko.kim@hanafn.com", 44, 744, 7},
                    {"김영규 kyg1019@hanafn.com", 44, 753, 7}});
  auto a = kx::find_analysts({p});
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].role, "analyst");
  EXPECT_EQ(a[1].name, "김영규");
  EXPECT_EQ(a[1].role, "research_assistant");
  // Where nobody is labelled, everybody listed is an analyst (Mirae: two cards, no labels).
  auto q = page(1, {{"김철중", 34, 687, 8},
                    {"chuljoong.kim@miraeasset.com", 34, 699, 8},
                    {"강민희", 34, 715, 8},
                    {"minhui.kang@miraeasset.com", 34, 726, 8}});
  a = kx::find_analysts({q});
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[1].name, "강민희");
  EXPECT_EQ(a[1].role, "analyst");
}

TEST(ExtractAnalysts, WordsThatStandWhereNamesStandAreNoNames) {
  for (const char* word : {"인터넷", "게임", "중반", "의견", "적자를", "반도체"})
    EXPECT_TRUE(kx::names_in_line(word).empty()) << word;
  EXPECT_FALSE(kx::is_person_name("게임"));
  // An analyst label with no name beside it: `이후` reads like a name, and is none here.
  EXPECT_TRUE(kx::names_in_line("애널리스트 의견: 중반 이후 적자를 줄인다").empty());
  EXPECT_EQ(kx::names_in_line("애널리스트 김하늘"), std::vector<std::string>{"김하늘"});
  EXPECT_TRUE(kx::is_person_name("남궁민"));
  // A sector heading joined by a slash, with or without brackets; names joined by one stay.
  EXPECT_EQ(kx::names_in_line("인터넷/게임 이승훈 02) 6915-5680 dozed@ibks.com"),
            std::vector<std::string>{"이승훈"});
  EXPECT_EQ(kx::names_in_line("남대종 / 장우람"), (std::vector<std::string>{"남대종", "장우람"}));
  // An e-mail on a name line belongs to the name printed right before it: `정보기술` reads
  // like a name (정 is a family name), and is the team's heading.
  auto p = page(1, {{"정보기술 이승훈 02) 6915-5680 dozed@ibks.com", 40, 700, 8},
                    {"2025년 중반 의견", 40, 680, 8},
                    {"적자를 지속", 40, 690, 8}});
  auto a = kx::find_analysts({p});
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].name, "이승훈");
}

TEST(ExtractAnalysts, APictureCoverTakesTheNameOfTheRunningFooter) {
  // Page 1 is a picture read by OCR: the e-mail came through, the name did not.
  auto cover = page(1, {{"2021년 9월 7일", 29, 24, 38},
                        {"| A 02) 6015-5680", 553, 462, 19},
                        {"dozed@ibks.com", 630, 476, 10},
                        {"eee ned ese", 257, 462, 19},
                        {"oC", 258, 476, 10}});
  auto inside = page(3, {{"[인터넷/게임] 이승훈 02) 6915-5680 dozed@ibks.com", 300, 570, 8}});
  inside.lines[0].running = true;
  std::vector<kx::Why> why;
  auto a = kx::find_analysts({cover, inside}, &why);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].name, "이승훈");
  EXPECT_EQ(a[0].phone, "02) 6915-5680");
  ASSERT_EQ(why.size(), 1u);
  EXPECT_EQ(why[0].rule, "name_from_same_email");
  EXPECT_EQ(why[0].page, 3);
}

TEST(ExtractTargetPrice, AHeadlineNamingTheTargetIsNoLabel) {
  // `목표주가를 …`: a sentence's object beside the box; the sentence under it holds the old
  // and the new target, the box's label the new one on its baseline.
  EXPECT_FALSE(kx::is_target_label("목표주가를 하향하나 투자의견은 상향"));
  EXPECT_TRUE(kx::is_target_label("목표주가(12M)"));
  EXPECT_TRUE(kx::is_target_label("6개월 목표주가"));
  auto p = page(1, {{"해성디에스 (195870)", 45, 90, 36},
                    {"목표주가를 하향하나 투자의견은 상향", 45, 200, 10},
                    {"Buy (Upgrade)", 419, 202, 12},
                    {"해성디에스에 대한 목표주가를 기존의 71,000원에서 60,000원으로", 45, 212, 9},
                    {"목표주가(12M)", 382, 233, 9},
                    {"60,000원(하향)", 492, 233, 9}});
  kx::RecommendationWhy why;
  auto rec = kx::find_recommendation({p}, &why);
  ASSERT_TRUE(rec && rec->target_price);
  EXPECT_EQ(rec->target_price->value, 60000);
  EXPECT_EQ(why.target.rule, "target_by_label");
  EXPECT_EQ(why.rating.rule, "rating_line");
}

TEST(ExtractRecommendation, ADeckReadsTheBoxOfItsCompanySlide) {
  // Slide 1 a picture (a few OCR words), the company's box on slide 3: the one code.
  auto cover = page(1, {{"2021년 9월 7일", 29, 24, 38},
                        {"NARRATIVE", 200, 100, 40},
                        {"eee ned ese", 257, 462, 19},
                        {"dozed@ibks.com", 630, 476, 10},
                        {"oC", 258, 476, 10}});
  auto slide = page(2, {{"Contents", 40, 40, 20}, {"IV. 기업분석 36p", 40, 200, 12}});
  auto box = page(3, {{"NAVER(035420/매수/목표주가 560,000원)", 40, 20, 12},
                      {"매수 (유지)", 60, 50, 10},
                      {"목표주가", 40, 62, 9},
                      {"560,000원", 200, 62, 9},
                      {"현재가(9/6)", 40, 74, 9},
                      {"454,000원", 200, 74, 9}});
  kx::RecommendationWhy why;
  auto rec = kx::find_recommendation({cover, slide, box}, &why);
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->ticker, "035420");
  EXPECT_EQ(rec->rating, "buy");
  ASSERT_TRUE(rec->target_price && rec->current_price);
  EXPECT_EQ(rec->target_price->value, 560000);
  EXPECT_EQ(rec->current_price->value, 454000);
  EXPECT_EQ(why.ticker.rule, "deck_box_page");
  EXPECT_EQ(why.ticker.page, 3);
  // A second company's code in the deck: no page is the one company's box.
  auto other = page(4, {{"카카오(035720)", 40, 20, 12}, {"매수 (유지)", 60, 50, 10}});
  EXPECT_FALSE(kx::find_recommendation({cover, slide, box, other}));
}

TEST(ExtractDates, AChartsAxisIsNoDateAndTheBannerDatesACoverWithout) {
  // The cover prints no date: only the ticks under its price chart.
  auto cover = page(1, {{"지투파워 (388050)", 56, 90, 20},
                        {"현재가(06/11) 9,520원", 56, 318, 7.6},
                        {"24.06.20", 60, 550, 3.9},
                        {"24.09.20", 100, 550, 3.9},
                        {"24.12.20", 140, 550, 3.9},
                        {"25.03.20", 180, 550, 3.9}});
  EXPECT_FALSE(kx::find_published({cover}));
  auto inside = [](int n) {
    auto p = page(n, {{"지투파워", 78, 44, 9}, {"2025/06/12", 492, 56, 9}, {"본문", 78, 300}});
    p.lines[0].running = p.lines[1].running = true;
    return p;
  };
  std::vector<PageLayout> doc = {cover, inside(2), inside(3)};
  kx::Why why;
  EXPECT_EQ(kx::banner_date(doc, &why), "2025-06-12");
  EXPECT_EQ(why.rule, "banner_date");
  EXPECT_EQ(why.page, 2);
  Diagnostics diag;
  EXPECT_EQ(kreport::extract_document(doc, nullptr, diag).published, "2025-06-12");
}

TEST(ExtractDates, TheNoticesLabelledDateOfRecord) {
  EXPECT_EQ(kx::notice_date("본 자료의 작성 기준일: 2025년 6월 12일"), "2025-06-12");
  EXPECT_EQ(kx::notice_date("(기준일 2025.06.12)"), "2025-06-12");
  // A rating distribution's as-of date is a quarter's end, not the report's: on the line of
  // its `비율`, or on one of its own beside the percentages.
  EXPECT_FALSE(kx::notice_date("투자등급 비율 (기준일: 2025.03.31)"));
  EXPECT_FALSE(
      kx::notice_date("금융투자상품의 비율 95.45% 4.55% 0.00% 100%\n* 기준일: 2025년 06월 09일"));
  EXPECT_FALSE(kx::notice_date("* 기준일: 2025년 06월 09일\nBUY(매수) 95.45% Neutral(중립) 4.55%"));
}

TEST(ExtractBrokers, AReportAboutASecuritiesFirmIsCreditedToItsWriter) {
  // 현대차증권's company report on 미래에셋증권: the subject's name and code on the cover and
  // in the running header of every page, the writer's in the e-mail and the footer.
  auto header = [](int n) {
    auto p = page(n, {{"미래에셋증권 (006800)", 40, 30, 9},
                      {"현대차증권 리서치센터", 40, 800, 8},
                      {"미래에셋증권의 해외 법인은 1분기에도 이익이 늘었다는 점에서 긍정적이다.",
                       40, 300, 10}});
    p.lines[0].running = p.lines[1].running = true;
    return p;
  };
  auto cover = page(1, {{"미래에셋증권 (006800)", 40, 80, 20},
                        {"Analyst 정하린 harin.jung@hmsec.com", 400, 200, 8},
                        {"미래에셋증권 리테일 호조", 40, 120, 14}});
  std::vector<PageLayout> doc = {cover, header(2), header(3), header(4)};
  kx::BrokerWhy why;
  auto b = kx::identify_broker(doc, &why);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->id, "hyundai");
  EXPECT_EQ(why.why.rule, "email");
  EXPECT_EQ(why.subjects, std::vector<std::string>{"mirae"});
  // The subject named without its code on every page: the e-mail decides all the same.
  auto bare = [](int n) {
    auto p = page(n, {{"미래에셋증권", 40, 30, 9}, {"본문", 40, 300, 10}});
    p.lines[0].running = true;
    return p;
  };
  auto card = page(1, {{"미래에셋증권", 40, 80, 20},
                       {"Analyst 정하린 harin.jung@hmsec.com", 400, 200, 8},
                       {"본문", 40, 300, 10}});
  EXPECT_EQ(kx::identify_broker({card, bare(2), bare(3), bare(4), bare(5)})->id, "hyundai");
  // The firm's own report, no code beside its name: credited to it.
  auto own = page(1, {{"미래에셋증권 리서치센터", 40, 30, 9}, {"반도체 업황 점검", 40, 80, 20}});
  EXPECT_EQ(kx::identify_broker({own})->id, "mirae");
}

TEST(ExtractDocument, AnArticleFromAPortalQuotingAnAnalystIsNoReport) {
  // No search box, no copyright line: a browser's print of a portal's article. The firm is
  // named in sentences, the rating in a quote, the only e-mail is the reporter's.
  auto p = page(
      1, {{"25. 6. 12. 오후 3:41 삼성전자, 2분기 실적 바닥 통과", 20, 10, 7},
          {"삼성전자, 2분기 실적 바닥 통과", 40, 60, 18},
          {"홍길동 기자 gildong@newsexample.co.kr", 40, 90, 8},
          {"삼성전자(005930)의 2분기 영업이익이 시장 예상에 부합할 것으로 보인다.", 40, 130, 10},
          {"김동현 대신증권 연구원은 \"투자의견 매수, 목표주가 95,000원을 유지한다\"고 "
           "말했다.",
           40, 150, 10},
          {"https://n.news.example.com/article/0123456789", 20, 830, 7}});
  Diagnostics diag;
  std::vector<kreport::Evidence> why;
  auto doc = kreport::extract_document({p}, nullptr, diag, &why);
  EXPECT_EQ(doc.kind, "other");
  EXPECT_TRUE(diag.has("NOT_A_REPORT"));
  EXPECT_FALSE(doc.broker);
  EXPECT_TRUE(doc.analysts.empty());
  EXPECT_FALSE(doc.recommendation);
  ASSERT_FALSE(why.empty());
  EXPECT_EQ(why[0].field, "kind");
  EXPECT_EQ(why[0].rule, "no_sign_of_a_report");
  // The same page with the analyst's card and a firm's e-mail: a report.
  p.lines.push_back(kreport::test::line("김동현 donghyun.kim@daishin.com", 400, 200, 520, 8));
  Diagnostics quiet;
  EXPECT_EQ(kreport::extract_document({p}, nullptr, quiet).kind, "broker_report");
}

namespace {

// A cover of `count` lines, the first a large headline, every one with `origin`.
PageLayout cover_of(const std::string& headline, kreport::Origin origin, int number,
                    int count = 6) {
  std::vector<Line> lines = {kreport::test::line(headline, 60, 100, 500, 34)};
  for (int i = 1; i < count; ++i)
    lines.push_back(kreport::test::line("본문 " + std::to_string(i), 60, 200 + 20.0 * i, 400, 10));
  for (Line& l : lines) l.origin = origin;
  return kreport::test::laid_out(lines, number);
}

}  // namespace

// A slide deck whose cover is a picture, read by OCR into a misread title: the headline is
// the text layer's first page's (IBK's image covers). A scan read by OCR throughout keeps
// its cover's headline, the only one it has.
TEST(Title, APictureCoverReadByOcrGivesWayToTheTextLayersFirstPage) {
  std::vector<PageLayout> deck = {cover_of("2 &y 16(<투자증권", kreport::Origin::ocr, 1),
                                  cover_of("NARRATIVE NAVER", kreport::Origin::text, 2)};
  EXPECT_EQ(kx::find_title(deck).title, "NARRATIVE NAVER");
  std::vector<PageLayout> scan = {cover_of("반도체 업황 회복 본격화", kreport::Origin::ocr, 1),
                                  cover_of("다음 페이지 제목", kreport::Origin::ocr, 2)};
  EXPECT_EQ(kx::find_title(scan).title, "반도체 업황 회복 본격화");
  std::vector<PageLayout> report = {cover_of("HBM 공급 확대", kreport::Origin::text, 1),
                                    cover_of("NARRATIVE NAVER", kreport::Origin::text, 2)};
  EXPECT_EQ(kx::find_title(report).title, "HBM 공급 확대");
}
