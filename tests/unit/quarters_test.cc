// Quarters, revisions and consensus from the tables stage's tables, one test per printed form:
// quarter headers, a year row over quarters, a results table whose spanned headers were read
// over one column, before/after tables, two quarterly tables before and after, a review, the
// consensus sidebar, the scale of a unit and the month a fiscal year ends in.
#include <gtest/gtest.h>

#include "../../src/extract/estimates_parts.h"
#include "kreport/extract.h"
#include "kreport/vocab.h"

using namespace kreport;

namespace {

Cell s(const char* text) {
  return std::string(text);
}

Table table(const char* id, int page, std::vector<const char*> labels,
            std::vector<std::vector<Cell>> rows, const char* title = nullptr) {
  Table t;
  t.id = id;
  t.kind = "financials";
  t.page = page;
  if (title) t.title = title;
  for (const char* l : labels) t.columns.push_back({"", l, std::nullopt, ""});
  t.rows = std::move(rows);
  return t;
}

// The row of `metric` for `year` and `quarter` (0: the year) from table `id` ("" any).
const Estimate* find(const std::vector<Estimate>& es, const std::string& metric, int year,
                     int quarter, const std::string& id = "") {
  for (const Estimate& e : es)
    if (e.metric == metric && e.fiscal_year == year && e.fiscal_quarter.value_or(0) == quarter &&
        (id.empty() || e.table == id))
      return &e;
  return nullptr;
}

}  // namespace

TEST(FiscalQuarter, ReadsEveryPrintedForm) {
  struct Case {
    const char* header;
    int year, quarter;
    const char* kind;
  } cases[] = {{"2Q25F", 2025, 2, "forecast"},
               {"1Q25P", 2025, 1, "preliminary"},
               {"3Q 21", 2021, 3, "actual"},
               {"3Q'21", 2021, 3, "actual"},
               {"4Q24A", 2024, 4, "actual"},
               {"3Q21(F)", 2021, 3, "forecast"},
               {"1Q2025", 2025, 1, "actual"},
               {"2024 4Q", 2024, 4, "actual"},
               {"2025 1QE", 2025, 1, "forecast"},
               {"2024.4Q", 2024, 4, "actual"},
               {"2024년 4분기", 2024, 4, "actual"},
               {"2QF", 0, 2, "forecast"},
               {"4Q", 0, 4, "actual"}};
  for (const Case& c : cases) {
    auto p = vocab::fiscal_quarter(c.header);
    ASSERT_TRUE(p) << c.header;
    EXPECT_EQ(p->year, c.year) << c.header;
    EXPECT_EQ(p->quarter, c.quarter) << c.header;
    EXPECT_EQ(p->kind, c.kind) << c.header;
  }
  for (const char* no : {"2025F", "5Q25", "1H25", "4Q2F", "QoQ", "3Q21P 4Q21E", "2025"})
    EXPECT_FALSE(vocab::fiscal_quarter(no)) << no;
  // A year never reads as a quarter, nor a quarter as a year.
  EXPECT_FALSE(vocab::fiscal_period("2Q25F"));
}

TEST(FiscalQuarter, APeriodThenItsRole) {
  using kreport::extract::period_part;
  auto p = period_part("3Q21E(당사 종전)");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->printed, "3Q21E");
  EXPECT_EQ(p->rest, "당사 종전");
  p = period_part("1Q25 Con");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->period.quarter, 1);
  EXPECT_EQ(p->rest, "Con");
  p = period_part("2024 연간 실적");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->period.year, 2024);
  EXPECT_EQ(p->period.quarter, 0);
  EXPECT_FALSE(period_part("3Q21P 4Q21E 1Q22E"));  // three headers run together
  EXPECT_FALSE(period_part("삼성전자 분기별 실적 추이"));
}

TEST(FiscalYearEnd, TheMonthAsTablesPrintIt) {
  EXPECT_EQ(vocab::fiscal_year_end("12월 결산(십억원)"), 12);
  EXPECT_EQ(vocab::fiscal_year_end("12 월 결산"), 12);
  EXPECT_EQ(vocab::fiscal_year_end("결산 (12월)"), 12);
  EXPECT_EQ(vocab::fiscal_year_end("결산기(3월)"), 3);
  EXPECT_EQ(vocab::fiscal_year_end("12월 31일 기준 (십억원)"), 12);
  EXPECT_EQ(vocab::fiscal_year_end("(12월 결산)"), 12);
  EXPECT_EQ(vocab::fiscal_year_end("12 결산 (십억원)"), 12);
  EXPECT_FALSE(vocab::fiscal_year_end("월 결산(억원)"));  // the month left out
  EXPECT_FALSE(vocab::fiscal_year_end("2024.09.30 기준"));
  EXPECT_FALSE(vocab::fiscal_year_end("(12월)"));
}

TEST(Quarters, QuarterlyTableWithAYearRowOverItsQuarters) {
  Table t = table("t6", 2,
                  {"(단위: 조원)", "2024 / 3Q", "2024 / 4QF", "2025F / 1QF", "2025F / 2QF",
                   "연간 / 2024F", "연간 / 2025F"},
                  {{s("매출액"), 79.1, 76.1, 78.0, 81.2, 301.2, 333.5},
                   {s("DS (반도체)"), 29.3, 30.5, 31.2, 33.0, 111.5, 137.2},
                   {s("영업이익"), 9.2, 6.6, 9.3, 11.0, 32.8, 45.6}});
  t.columns[0].unit = "조원";
  auto es = estimates_of({t}, {}, std::string("2024-11-14"));
  const Estimate* q = find(es, "revenue", 2025, 2);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->value, 81.2);
  EXPECT_EQ(q->period, "2025F 2QF");
  EXPECT_EQ(q->kind, "forecast");
  EXPECT_EQ(q->unit, "조원");
  EXPECT_EQ(q->scale, 1e12);
  EXPECT_EQ(q->currency, "KRW");
  EXPECT_EQ(find(es, "revenue", 2024, 3)->kind, "actual");
  EXPECT_EQ(find(es, "operating_profit", 2024, 4)->value, 6.6);
  // The year's columns are the year's rows, never a quarter's.
  EXPECT_EQ(find(es, "revenue", 2025, 0)->value, 333.5);
}

TEST(Quarters, TheTableWithTheMostQuartersWinsOthersOnlyAdd) {
  // A results review on page 1 (three quarters) and the quarterly table on page 3.
  Table review = table("t3", 1, {"구분", "4Q22", "3Q23", "4Q23", "1Q24"},
                       {{s("매출액"), 1548.0, 1688.0, 1575.0, 1666.0}});
  Table quarterly =
      table("t8", 3, {"(단위: 십억원)", "1Q23", "2Q23", "3Q23", "4Q23P", "1Q24E", "2Q24E"},
            {{s("매출액"), 1770.6, 1547.0, 1688.0, 1574.8, 1666.2, 1683.4}});
  auto es = estimates_of({review, quarterly});
  EXPECT_EQ(find(es, "revenue", 2023, 4)->value, 1574.8);
  EXPECT_EQ(find(es, "revenue", 2023, 4)->kind, "preliminary");
  EXPECT_EQ(find(es, "revenue", 2023, 4)->table, "t8");
  // The review prints 3Q23 the same (to its rounding): it adds the quarter only it has.
  EXPECT_EQ(find(es, "revenue", 2022, 4)->value, 1548);
  EXPECT_EQ(find(es, "revenue", 2022, 4)->table, "t3");
}

TEST(Quarters, ResultsTableWhoseSpannedHeadersWereReadOverOneColumn) {
  // `4Q23` printed over 직전추정 | 잠정치 | YoY | QoQ | Consensus and read over YoY only;
  // `QoQ Consensus` one cell over the QoQ column (unlabelled) and the consensus column.
  Table t =
      table("t3", 1,
            {"구분", "4Q22", "3Q23", "직전추정", "잠정치", "4Q23 / YoY", "", "QoQ Consensus",
             "1Q24 / 당사추정", "1Q24 / YoY", "1Q24 / QoQ"},
            {{s("매출액"), 1548.0, 1688.0, 1551.0, 1575.0, 1.7, -6.7, 1614.0, 1666.0, -5.9, 5.8},
             {s("영업이익"), 9.0, 27.0, 20.0, 20.0, 133.8, -25.8, 21.0, 22.0, -15.8, 8.7}});
  auto es = estimates_of({t});
  const Estimate* q4 = find(es, "revenue", 2023, 4);
  ASSERT_TRUE(q4);
  EXPECT_EQ(q4->value, 1575);           // 잠정치: the reported figure
  EXPECT_EQ(q4->previous_value, 1551);  // 직전추정: the estimate before it
  EXPECT_EQ(q4->consensus, 1614);
  EXPECT_EQ(find(es, "operating_profit", 2023, 4)->consensus, 21);
  EXPECT_EQ(find(es, "revenue", 2024, 1)->value, 1666);  // 당사추정 under 1Q24
  EXPECT_FALSE(find(es, "revenue", 2024, 1)->consensus);
}

TEST(Revisions, BeforeAndAfterColumnsGiveTheFigureBefore) {
  Table summary = table(
      "t4", 1, {"(단위: 십억원)", "2024A", "2025F", "2026F"},
      {{s("매출액"), 300871.0, 309523.0, 328239.0}, {s("영업이익"), 32726.0, 27618.0, 41690.0}});
  Table revision = table("t5", 2,
                         {"연간 실적 추정 변경", "수정전 / 2025F", "수정전 / 2026F",
                          "수정후 / 2025F", "수정후 / 2026F", "변동률 / 2025F", "변동률 / 2026F"},
                         {{s("매출액"), 312060.0, 335756.0, 309523.0, 328239.0, -0.8, -2.2},
                          {s("영업이익"), 30978.0, 45659.0, 27618.0, 41690.0, -10.8, -8.7}});
  auto es = estimates_of({summary, revision});
  const Estimate* op = find(es, "operating_profit", 2025, 0);
  ASSERT_TRUE(op);
  EXPECT_EQ(op->table, "t4");  // the summary's row, with the revision beside it
  EXPECT_EQ(op->value, 27618);
  EXPECT_EQ(op->previous_value, 30978);
  EXPECT_EQ(find(es, "revenue", 2026, 0)->previous_value, 335756);
  EXPECT_FALSE(find(es, "revenue", 2024, 0)->previous_value);
}

TEST(Revisions, RolesPrintedOverTheYearsAndReadOverTheFirst) {
  // 수정전 | 수정후 | 변화율, each over 2021E | 2022E; the header kept as the table's first row.
  Table t = table("t5", 2, {"(십억원)", "수정전", "", "수정후", "", "변화율", ""},
                  {{Cell{}, s("2021E"), s("2022E"), s("2021E"), s("2022E"), s("2021E"), s("2022E")},
                   {s("매출액"), 410.8, 978.6, 399.1, 933.3, -2.9, -4.6},
                   {s("영업이익"), 15.2, 84.5, 20.4, 79.7, 33.9, -5.6}});
  auto es = estimates_of({t});
  const Estimate* rev = find(es, "revenue", 2022, 0, "t5");
  ASSERT_TRUE(rev);
  EXPECT_EQ(rev->value, 933.3);
  EXPECT_EQ(rev->previous_value, 978.6);
  EXPECT_EQ(find(es, "operating_profit", 2021, 0, "t5")->previous_value, 15.2);
}

TEST(Revisions, ARevisionInAnotherUnitIsARowOfItsOwn) {
  Table summary = table("t3", 1, {"(십억원)", "2024F", "2025F"},
                        {{s("매출액"), 300892.3, 318823.6}, {s("영업이익"), 32771.0, 34513.8}});
  Table after = table(
      "t4", 2, {"(단위: 조원)", "3Q24", "4Q24P", "1Q25F", "2024P", "2025F"},
      {{s("매출액"), 79.1, 75.8, 75.7, 300.9, 318.8}, {s("영업이익"), 9.2, 6.5, 5.9, 32.8, 34.5}},
      "도표 1. 분기 및 연간 실적 추정(수정 후)");
  Table before = table(
      "t5", 2, {"(단위: 조원)", "3Q24", "4Q24F", "1Q25F", "2024F", "2025F"},
      {{s("매출액"), 79.1, 77.6, 78.9, 302.6, 318.2}, {s("영업이익"), 9.2, 7.4, 8.1, 33.6, 36.9}},
      "도표 2. 분기 및 연간 실적 추정(수정 전)");
  auto es = estimates_of({summary, after, before});
  // The summary's row stays as printed; the revised table's figures in 조원 are rows of
  // their own, with the figure before from the table of the figures before.
  EXPECT_FALSE(find(es, "revenue", 2025, 0, "t3")->previous_value);
  const Estimate* rev = find(es, "revenue", 2025, 0, "t4");
  ASSERT_TRUE(rev);
  EXPECT_EQ(rev->value, 318.8);
  EXPECT_EQ(rev->previous_value, 318.2);
  EXPECT_EQ(rev->unit, "조원");
  // The quarters come from the revised table, never from the table before.
  const Estimate* q = find(es, "operating_profit", 2025, 1);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->table, "t4");
  EXPECT_EQ(q->value, 5.9);
  EXPECT_EQ(q->previous_value, 8.1);
  for (const Estimate& e : es) EXPECT_NE(e.table, "t5");
}

TEST(Revisions, PercentOnlyRevisionsGiveNoFigureBefore) {
  Table summary = table("t3", 1, {"(억원)", "2021E", "2022E"},
                        {{s("매출액"), 67600.0, 80710.0}, {s("영업이익"), 13660.0, 17590.0}});
  Table change = table("t6", 4, {"(억원)", "2021E", "종전 대비 변경률(%) / 2021E"},
                       {{s("매출액"), 67600.0, -1.2}, {s("영업이익"), 13660.0, -3.4}});
  auto es = estimates_of({summary, change});
  for (const Estimate& e : es) EXPECT_FALSE(e.previous_value) << e.metric << " " << e.period;
}

TEST(Consensus, AReviewsConsensusIsTheLatestQuartersAndItsEstimateTheFigureBefore) {
  Table t = table(
      "t6", 2,
      {"(십억원, %)", "1Q25P", "4Q24", "1Q24", "QoQ", "YoY", "컨센서스", "Gap", "DS 추정치", "Gap"},
      {{s("매출액"), 630.0, 465.0, 1132.0, 35.5, -44.3, 574.0, 9.8, 612.0, 2.9}});
  auto es = estimates_of({t});
  const Estimate* q = find(es, "revenue", 2025, 1);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->value, 630);
  EXPECT_EQ(q->kind, "preliminary");
  EXPECT_EQ(q->consensus, 574);
  EXPECT_EQ(q->previous_value, 612);
  EXPECT_FALSE(find(es, "revenue", 2024, 4)->consensus);
}

TEST(Consensus, ConsensusDataTableAndSidebarRowsAttachToTheAnalystsRow) {
  Table summary = table(
      "t4", 1, {"결산기 (12월)", "2024", "2025F", "2026F"},
      {{s("매출액 (십억원)"), 766.0, 867.0, 1003.0}, {s("영업이익 (십억원)"), -57.0, 19.0, 61.0}});
  Table data = table("t2", 1, {"", "2025", "2026"},
                     {{s("매출액(십억원)"), 872.5, 1010.2}, {s("영업이익(십억원)"), 52.0, 70.1}},
                     "Consensus Data");
  Table sidebar = table("t1", 1, {"투자의견(유지)", "", "매수"},
                        {{s("영업이익(25F,십억원)"), Cell{}, 19.0},
                         {s("Consensus 영업이익(25F,십억원)"), Cell{}, 57.0}});
  auto es = estimates_of({summary, data, sidebar});
  EXPECT_EQ(find(es, "revenue", 2025, 0)->consensus, 872.5);
  EXPECT_EQ(find(es, "revenue", 2026, 0)->consensus, 1010.2);
  // The consensus table gives no figure of the analyst's; its first row beside a year wins.
  EXPECT_EQ(find(es, "operating_profit", 2025, 0)->value, 19);
  EXPECT_EQ(find(es, "operating_profit", 2025, 0)->consensus, 52);
  for (const Estimate& e : es) EXPECT_NE(e.table, "t2");
  // Every row carries the month the summary's corner prints.
  for (const Estimate& e : es) EXPECT_EQ(e.fiscal_year_end, 12) << e.metric;
}

TEST(Quarters, SegmentRowsAndSegmentTablesAreNoCompanyFigures) {
  Table t = table("t7", 4, {"(단위: 십억원)", "", "2024 / 3Q", "2024 / 4Q", "2025 / 1QE"},
                  {{s("매출액"), s("DS"), 29272.0, 30124.0, 21919.0},
                   {s("매출액"), s("합계"), 79102.0, 75757.0, 70850.0},
                   {s("영업이익"), s("DS"), 3860.0, 2911.0, 95.0},
                   {s("영업이익"), s("합계"), 9181.0, 6517.0, 4781.0}});
  Table ds = table("t10", 7, {"(조원)", "2Q25F / 신규", "2Q25F / 기존"},
                   {{s("매출액"), 27.8, 30.1}}, "표 7. DS부문 실적 전망치 변경 내역");
  auto es = estimates_of({t, ds});
  EXPECT_EQ(find(es, "revenue", 2024, 4)->value, 75757);
  EXPECT_EQ(find(es, "operating_profit", 2025, 1)->value, 4781);
  EXPECT_EQ(find(es, "operating_profit", 2025, 1)->period, "2025 1QE");
  EXPECT_FALSE(find(es, "revenue", 2025, 2));  // the DS division's, not the company's
}

TEST(Quarters, ARowInWonWinsOverTheSameMetricInDollars) {
  Table t = table("t9", 8, {"(조원)", "1Q25", "2Q25F"},
                  {{s("매출액 (십억달러)"), 54.5, 52.7}, {s("매출액 (조원)"), 79.1, 75.9}});
  auto es = estimates_of({t});
  EXPECT_EQ(find(es, "revenue", 2025, 1)->value, 79.1);
  EXPECT_EQ(find(es, "revenue", 2025, 2)->unit, "조원");
}
