// The classes of issue 33, end to end on fixtures written from their descriptions (reports of
// firms and layouts the real reports here do not show): each class is asserted by name, so a
// golden refreshed by mistake cannot hide that one of them broke.
//   fixtures/broker_on_broker.pdf  현대차증권's report on 미래에셋증권 (006800)
//   fixtures/portal_news.pdf       an article printed from a portal, quoting an analyst
//   fixtures/cover_classes.pdf     names, assistants and the notice's date of record
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "run.h"

using kreport::test::extract_record;
using kreport::test::run_kreport;
using nlohmann::json;

namespace {

std::vector<std::pair<std::string, std::string>> people(const json& j) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& a : j["document"]["analysts"])
    out.push_back({a["name"].is_null() ? "" : a["name"].get<std::string>(), a["role"]});
  return out;
}

using People = std::vector<std::pair<std::string, std::string>>;

}  // namespace

TEST(UnseenLayouts, AReportOnASecuritiesFirmIsCreditedToItsWriter) {
  json j = extract_record("fixtures/broker_on_broker.pdf");
  EXPECT_EQ(j["document"]["broker"]["id"], "hyundai");
  EXPECT_EQ(j["document"]["recommendation"]["ticker"], "006800");
  EXPECT_EQ(j["document"]["recommendation"]["company"], "미래에셋증권");
  EXPECT_EQ(j["document"]["recommendation"]["target_price"]["value"], 15000);
}

TEST(UnseenLayouts, AnAssistantUnderTheAnalystWithoutALabel) {
  json j = extract_record("fixtures/broker_on_broker.pdf");
  EXPECT_EQ(people(j), (People{{"정하린", "analyst"}, {"윤서준", "research_assistant"}}));
}

TEST(UnseenLayouts, ACoverWithoutADateTakesTheRunningHeaders) {
  EXPECT_EQ(extract_record("fixtures/broker_on_broker.pdf")["document"]["published"], "2024-11-14");
}

TEST(UnseenLayouts, AYearAndMonthHeaderUnderAChartsAxis) {
  json j = extract_record("fixtures/broker_on_broker.pdf");
  const json* summary = nullptr;
  for (const auto& t : j["tables"])
    if (t["columns"].size() == 5 && t["columns"][3]["label"] == "2025.12E") summary = &t;
  ASSERT_TRUE(summary) << "no table headed 2023.12 … 2026.12E";
  EXPECT_EQ((*summary)["rows"][0][0], "순영업수익(십억원)");
  bool found = false;
  for (const auto& e : j["estimates"])
    if (e["metric"] == "revenue" && e["fiscal_year"] == 2025) {
      EXPECT_EQ(e["value"], 4210);
      EXPECT_EQ(e["kind"], "forecast");
      EXPECT_EQ(e["unit"], "십억원");
      found = true;
    }
  EXPECT_TRUE(found);
}

TEST(UnseenLayouts, ARatingHistorySplitOverTwoPages) {
  json h = extract_record("fixtures/broker_on_broker.pdf")["compliance"]["rating_history"];
  ASSERT_EQ(h.size(), 6u);
  EXPECT_EQ(h[0]["date"], "2022-11-11");  // from page 4, which prints no title or header
  EXPECT_EQ(h[0]["target_price"], 9500);
  EXPECT_EQ(h[5]["date"], "2024-11-14");  // from page 3
  EXPECT_EQ(h[5]["target_price"], 15000);
}

TEST(UnseenLayouts, AnArticleFromAPortalIsNoReport) {
  auto r = run_kreport("extract fixtures/portal_news.pdf");
  ASSERT_EQ(r.code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["document"]["kind"], "other");
  EXPECT_TRUE(j["document"]["broker"].is_null());
  EXPECT_TRUE(j["document"]["analysts"].empty());
  EXPECT_TRUE(j["document"]["recommendation"].is_null());
  EXPECT_EQ(r.err,
            "kreport: fixtures/portal_news.pdf: warning NOT_A_REPORT: no securities firm, analyst, "
            "rating or compliance notice found: not a broker report\n");
}

TEST(UnseenLayouts, WordsBesideNamesAndAssistantsLabelledOnTheirOwnLines) {
  // `인터넷/게임 이승훈`, `애널리스트 의견: 중반 이후 적자를 줄인다`; `Research Associate` under
  // 김나래, `[IT RA]` over 최도윤.
  json j = extract_record("fixtures/cover_classes.pdf");
  EXPECT_EQ(people(j), (People{{"이승훈", "analyst"},
                               {"김나래", "research_assistant"},
                               {"최도윤", "research_assistant"}}));
}

TEST(UnseenLayouts, TheNoticesDateOfRecordNotTheDistributions) {
  json j = extract_record("fixtures/cover_classes.pdf");
  EXPECT_EQ(j["document"]["published"], "2024-11-14");
  EXPECT_EQ(j["compliance"]["rating_distribution"]["as_of"], "2024-09-30");
}
