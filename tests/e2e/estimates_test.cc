// The estimates of fixtures/estimates_forms.pdf, one test per form of table it prints (the
// fixture's HTML says which numbers each table holds): read end to end, from the PDF.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "run.h"

using kreport::test::run_kreport;
using nlohmann::json;

namespace {

class EstimateForms : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = run_kreport("extract -q fixtures/estimates_forms.pdf");
    ASSERT_EQ(r.code, 0) << r.err;
    record_ = new json(json::parse(r.out));
  }
  static void TearDownTestSuite() { delete record_; }

  // The rows of `metric` for `year` and `quarter` (0: the year).
  static std::vector<json> rows(const std::string& metric, int year, int quarter) {
    std::vector<json> out;
    for (const json& e : (*record_)["estimates"])
      if (e["metric"] == metric && e["fiscal_year"] == year &&
          (quarter ? e["fiscal_quarter"] == quarter : e["fiscal_quarter"].is_null()))
        out.push_back(e);
    return out;
  }
  static json row(const std::string& metric, int year, int quarter) {
    auto r = rows(metric, year, quarter);
    EXPECT_EQ(r.size(), 1u) << metric << " " << year << " Q" << quarter;
    return r.empty() ? json() : r.front();
  }
  static std::string table_titled(const std::string& words) {
    for (const json& t : (*record_)["tables"])
      if (t["title"].is_string() && t["title"].get<std::string>().find(words) != std::string::npos)
        return t["id"];
    return "";
  }

  static json* record_;
};

json* EstimateForms::record_ = nullptr;

TEST_F(EstimateForms, CoverBoxGivesThePreviousTargetAndTheRevisions) {
  const json& rec = (*record_)["document"]["recommendation"];
  EXPECT_EQ(rec["target_price"]["value"], 52000);
  EXPECT_EQ(rec["previous_target"]["value"], 48000);  // 현재 52,000 | 직전 48,000
  EXPECT_EQ(row("operating_profit", 2026, 0)["previous_value"], 141.8);
}

TEST_F(EstimateForms, BeforeAfterTableGivesTheFigureBefore) {
  json rev = row("revenue", 2025, 0);
  EXPECT_EQ(rev["value"], 1842.6);
  EXPECT_EQ(rev["previous_value"], 1790);  // 수정전 over 2025F
  EXPECT_EQ(rev["unit"], "십억원");
  EXPECT_EQ(rev["scale"], 1e9);
  EXPECT_EQ(rev["currency"], "KRW");
}

TEST_F(EstimateForms, SidebarConsensusStandsBesideTheAnalystsYear) {
  json op = row("operating_profit", 2025, 0);
  EXPECT_EQ(op["value"], 120.5);
  EXPECT_EQ(op["consensus"], 118);  // Consensus 영업이익(25F,십억원)
  EXPECT_EQ(op["previous_value"], 112);
}

TEST_F(EstimateForms, QuarterlyTableWithAYearRowOverItsQuarters) {
  json q2 = row("revenue", 2025, 2);
  EXPECT_EQ(q2["period"], "2025 2QP");
  EXPECT_EQ(q2["kind"], "preliminary");
  EXPECT_EQ(q2["value"], 461);
  EXPECT_EQ(q2["table"], table_titled("(수정 후)"));
  EXPECT_EQ(row("revenue", 2025, 3)["kind"], "forecast");
  EXPECT_EQ(row("revenue", 2024, 1)["kind"], "actual");
}

TEST_F(EstimateForms, ResultsTableSpannedHeadersGiveTheQuartersConsensus) {
  // 2Q25 over 직전추정 | 잠정치 | YoY | QoQ | Consensus.
  json q2 = row("operating_profit", 2025, 2);
  EXPECT_EQ(q2["value"], 31);
  EXPECT_EQ(q2["previous_value"], 29);
  EXPECT_EQ(q2["consensus"], 30);
  EXPECT_EQ(row("revenue", 2025, 2)["consensus"], 455);
}

TEST_F(EstimateForms, QuartersBeforeTheRevisionComeFromTheirOwnTable) {
  EXPECT_EQ(row("revenue", 2025, 3)["previous_value"], 455);
  EXPECT_EQ(row("revenue", 2025, 4)["previous_value"], 447);
  EXPECT_EQ(row("operating_profit", 2025, 4)["previous_value"], 25);
  std::string before = table_titled("(수정 전)");
  ASSERT_FALSE(before.empty());
  for (const json& e : (*record_)["estimates"]) EXPECT_NE(e["table"], before);
}

TEST_F(EstimateForms, PercentOnlyRevisionGivesNothing) {
  std::string percent = table_titled("변경률");
  ASSERT_FALSE(percent.empty());
  for (const json& e : (*record_)["estimates"]) EXPECT_NE(e["table"], percent);
}

TEST_F(EstimateForms, SegmentTableGivesTheTotalsQuarter) {
  // `2023 4Q` is printed only there: its 합계, not a segment's.
  json q = row("revenue", 2023, 4);
  EXPECT_EQ(q["value"], 422);
  EXPECT_EQ(q["period"], "2023 4Q");
  EXPECT_EQ(row("operating_profit", 2023, 4)["value"], 21.2);
}

TEST_F(EstimateForms, EveryRowKnowsTheFiscalYearEnd) {
  for (const json& e : (*record_)["estimates"]) EXPECT_EQ(e["fiscal_year_end"], 12);
}

}  // namespace
