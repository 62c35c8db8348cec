// Estimates from the tables stage's tables: year columns, labels to the left, side-by-side
// statements, transposed tables, units from labels and notes, which table wins.
#include <gtest/gtest.h>

#include "kreport/extract.h"
#include "kreport/vocab.h"

using namespace kreport;

namespace {

Cell s(const char* text) {
  return std::string(text);
}

Table table(const char* id, int page, std::vector<const char*> labels,
            std::vector<std::vector<Cell>> rows, const char* kind = "financials") {
  Table t;
  t.id = id;
  t.kind = kind;
  t.page = page;
  for (const char* l : labels) t.columns.push_back({"", l, std::nullopt, ""});
  t.rows = std::move(rows);
  return t;
}

const Estimate* find(const std::vector<Estimate>& es, const std::string& metric, int year) {
  for (const Estimate& e : es)
    if (e.metric == metric && e.fiscal_year == year) return &e;
  return nullptr;
}

}  // namespace

TEST(FiscalPeriod, ReadsEveryPrintedForm) {
  struct Case {
    const char* header;
    int year;
    const char* kind;
  } cases[] = {
      {"2025F", 2025, "forecast"},    {"2025E", 2025, "forecast"},  {"2023A", 2023, "actual"},
      {"2023P", 2023, "preliminary"}, {"2024", 2024, "actual"},     {"2022.12", 2022, "actual"},
      {"2025.12E", 2025, "forecast"}, {"12/25F", 2025, "forecast"}, {"FY25", 2025, "actual"},
      {"25F", 2025, "forecast"},      {"2024(A)", 2024, "actual"}};
  for (const Case& c : cases) {
    auto p = vocab::fiscal_period(c.header);
    ASSERT_TRUE(p) << c.header;
    EXPECT_EQ(p->year, c.year) << c.header;
    EXPECT_EQ(p->kind, c.kind) << c.header;
  }
  for (const char* no : {"1Q25", "3Q21E", "25", "12/25", "2025F 지배주주 EPS", "1999년", "12M"})
    EXPECT_FALSE(vocab::fiscal_period(no)) << no;
}

TEST(Estimates, SummaryTableGivesTypedRowsWithUnitsFromTheNote) {
  Table t = table(
      "t3", 1,
      {"영업실적 및 주요 투자지표", "2023A", "2024A", "2025F", "(단위: 십억원, 원 , %) / 2026F"},
      {{s("매출액"), 258935.0, 300871.0, 309523.0, 328239.0},
       {s("영업이익"), 6567.0, 32726.0, 27618.0, 41690.0},
       {s("EPS"), 2131.0, 4950.0, 3859.0, 4942.0},
       {s("PER"), 36.8, 10.7, 16.4, 12.8},
       {s("ROE"), 4.1, 9.0, 6.5, 7.9},
       {s("매출액 증가율"), 5.0, 16.2, 2.9, 6.0}});
  t.columns[4].unit = "십억원, 원 , %";
  auto es = estimates_of({t});
  ASSERT_EQ(es.size(), 24u);
  const Estimate* rev = find(es, "revenue", 2026);
  ASSERT_TRUE(rev);
  EXPECT_EQ(rev->value, 328239);
  EXPECT_EQ(rev->period, "2026F");
  EXPECT_EQ(rev->kind, "forecast");
  EXPECT_EQ(rev->label, "매출액");
  EXPECT_EQ(rev->table, "t3");
  EXPECT_EQ(find(es, "operating_profit", 2024)->kind, "actual");
  // The note names the units of the whole table: the last column's note serves the others.
  EXPECT_EQ(find(es, "revenue", 2023)->unit, "십억원");
  EXPECT_EQ(find(es, "eps", 2026)->unit, "원");
  EXPECT_EQ(find(es, "per", 2025)->unit, "배");
  EXPECT_EQ(find(es, "roe", 2025)->unit, "%");
  // A growth row is no metric of its own.
  EXPECT_EQ(es.back().metric, "other");
  EXPECT_EQ(es.back().label, "매출액 증가율");
}

TEST(Estimates, UnitsFromTheLabelAndTheTitle) {
  Table t = table("t1", 1, {"", "2025", "2026F"},
                  {{s("매출액(십억원)"), 115.3, 130.5}, {s("EPS(원)"), 825.0, 1769.0}});
  t.title = "Financial Data (억원, 원)";
  auto es = estimates_of({t});
  EXPECT_EQ(find(es, "revenue", 2025)->unit, "십억원");  // the label's beats the title's
  EXPECT_EQ(find(es, "eps", 2026)->unit, "원");
}

TEST(Estimates, SideBySideStatementsTakeEachHalfsLabel) {
  // The balance sheet on the left, the income statement on the right, read as one grid.
  Table t = table("t9", 5, {"재무상태표", "2023A", "2024A", "손익계산서", "2023A", "2024A"},
                  {{s("유동자산"), 100.0, 110.0, s("매출액"), 518.0, 625.0},
                   {s("현금"), 10.0, 11.0, s("영업이익"), -17.0, 20.0},
                   {s("단기차입금"), 5.0, 6.0, Cell{}, 7.0, 8.0}});
  auto es = estimates_of({t});
  EXPECT_EQ(find(es, "revenue", 2023)->value, 518);
  EXPECT_EQ(find(es, "operating_profit", 2024)->value, 20);
  // The right half's row without a label is not given the left half's.
  for (const Estimate& e : es) EXPECT_FALSE(e.label == "단기차입금" && e.value >= 7) << e.value;
}

TEST(Estimates, PriorConsensusAndQuarterColumnsAreNoYearsFigure) {
  Table t = table("t4", 1,
                  {"연간 실적 추정 변경", "수정전 / 2025F", "수정후 / 2025F", "변동률 / 2025F",
                   "2025F / %", "2025 / 1Q", "2025F / 컨센서스"},
                  {{s("매출액"), 312060.0, 309523.0, -0.8, -0.8, 70000.0, 311000.0},
                   {s("영업이익"), 30978.0, 27618.0, -10.8, -10.8, 6000.0, 29000.0}});
  auto es = estimates_of({t});
  const Estimate* rev = find(es, "revenue", 2025);
  ASSERT_TRUE(rev);
  EXPECT_EQ(rev->value, 309523);
  EXPECT_EQ(rev->period, "2025F");
  EXPECT_FALSE(rev->fiscal_quarter);
  // The prior column is the figure before the revision, the consensus its own field; the
  // change columns give nothing.
  EXPECT_EQ(rev->previous_value, 312060);
  EXPECT_EQ(rev->consensus, 311000);
  EXPECT_EQ(find(es, "operating_profit", 2025)->previous_value, 30978);
  // The quarter under its year row is a quarter's row, not the year's.
  ASSERT_EQ(es.size(), 4u);
  const Estimate* q1 = nullptr;
  for (const Estimate& e : es)
    if (e.metric == "revenue" && e.fiscal_quarter == 1) q1 = &e;
  ASSERT_TRUE(q1);
  EXPECT_EQ(q1->value, 70000);
  EXPECT_EQ(q1->fiscal_year, 2025);
  EXPECT_EQ(q1->period, "2025 1Q");
}

TEST(Estimates, TransposedTableGivesTheSameRows) {
  Table t = table("t2", 1, {"(억원)", "매출액", "영업이익", "EPS(원)"},
                  {{2021.0, 62446.0, 8063.0, 1200.0}, {s("2022E"), 82995.0, 11563.0, 1500.0}});
  auto es = estimates_of({t});
  ASSERT_EQ(es.size(), 6u);
  EXPECT_EQ(find(es, "revenue", 2022)->value, 82995);
  EXPECT_EQ(find(es, "revenue", 2022)->kind, "forecast");
  EXPECT_EQ(find(es, "operating_profit", 2021)->value, 8063);
}

TEST(Estimates, SummaryWinsStatementsExtendAnotherUnitNever) {
  Table summary = table("t1", 1, {"(십억원)", "2024", "2025F"},
                        {{s("매출액"), 1269.8, 1416.6}, {s("영업이익"), 78.2, 166.4}});
  Table body =
      table("t5", 2, {"(억원)", "2024", "2025F", "2026F"},
            {{s("매출액"), 12698.0, 14166.0, 15000.0}, {s("영업이익"), 782.0, 1664.0, 1900.0}});
  Table statements = table(
      "t9", 3, {"손익계산서", "2024", "2025F", "2026F", "2027F"},
      {{s("매출액"), 1270.0, 1416.6, 1500.0, 1600.0}, {s("영업이익"), 78.2, 166.4, 190.0, 210.0}});
  auto es = estimates_of({summary, body, statements});
  EXPECT_EQ(find(es, "revenue", 2024)->table, "t1");
  // The statements print the summary's numbers: their later years extend the series.
  EXPECT_EQ(find(es, "revenue", 2027)->value, 1600);
  EXPECT_EQ(find(es, "revenue", 2026)->table, "t9");
  for (const Estimate& e : es) EXPECT_NE(e.table, "t5");  // in 억원: another unit
}

TEST(Estimates, ConsensusTablesAndChartLabelsGiveNothing) {
  Table consensus =
      table("t2", 1, {"", "2025", "2026"},
            {{s("매출액(십억원)"), 115.3, 130.5}, {s("영업이익(십억원)"), 10.5, 23.5}});
  consensus.title = "Consensus Data";
  // A chart's axis labels: years, but one series name only.
  Table chart = table("t5", 2, {"(USDb)", "2023", "2024"}, {{s("매출액"), 35.0, 30.0}}, "other");
  EXPECT_TRUE(estimates_of({consensus, chart}).empty());
}

TEST(Estimates, AHeaderKeptAsARowNamesTheYears) {
  // The OCR'd company report: the header is the table's first row, one year misread.
  Table t = table("t5", 1, {"", "", "", "", ""},
                  {{s("결산기(12월)"), 20224.0, s("2023A"), s("2024F"), s("2025F")},
                   {s("매출액"), 302231.0, 258935.0, 301200.0, 333500.0},
                   {s("영업이익"), 43377.0, 6567.0, 32800.0, 45600.0}});
  t.title = "(십억원, IFRS 연결)";
  auto es = estimates_of({t});
  ASSERT_EQ(es.size(), 6u);  // the misread year's column gives nothing
  EXPECT_EQ(find(es, "operating_profit", 2025)->value, 45600);
  EXPECT_EQ(find(es, "operating_profit", 2025)->basis, "consolidated");
  EXPECT_EQ(find(es, "revenue", 2023)->unit, "십억원");
  EXPECT_FALSE(find(es, "revenue", 2022));
}
