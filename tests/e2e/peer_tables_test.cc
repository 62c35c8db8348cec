// Tables of companies become peer rows (fixtures/src/peer_tables.html, issue 32): a global
// valuation table with tickers, a transposed domestic peer group with an average column, and a
// coverage table continued across a page break under the same header.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "run.h"

using kreport::test::extract_record;
using kreport::test::run_kreport;
using nlohmann::json;

namespace {

const json* peer(const json& record, const std::string& name) {
  for (const json& p : record["peers"])
    if (p["name"] == name) return &p;
  return nullptr;
}

const json* value(const json& p, const std::string& metric) {
  for (const json& v : p["values"])
    if (v["metric"] == metric) return &v;
  return nullptr;
}

TEST(PeerTables, GlobalTableGivesNameTickerMarketAndTypedValues) {
  json r = extract_record("fixtures/peer_tables.pdf");
  const json* p = peer(r, "CERES POWER");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ((*p)["ticker"], "CWR");
  EXPECT_EQ((*p)["market"], "LN");
  EXPECT_EQ((*p)["market_cap"]["value"], 610);
  EXPECT_EQ((*p)["market_cap"]["unit"], "백만달러");
  const json* per = value(*p, "per");
  ASSERT_NE(per, nullptr);
  EXPECT_EQ((*per)["period"], "2025F");
  EXPECT_EQ((*per)["value"], -25.0);
  EXPECT_EQ((*per)["unit"], "배");
}

TEST(PeerTables, TransposedGroupGivesOnePeerPerCompanyColumnAndNoneForTheAverage) {
  json r = extract_record("fixtures/peer_tables.pdf");
  for (const char* name : {"두산퓨얼셀", "에스퓨얼셀", "범한퓨얼셀"}) {
    const json* p = peer(r, name);
    ASSERT_NE(p, nullptr) << name;
  }
  EXPECT_EQ(peer(r, "평균"), nullptr);
  const json* p = peer(r, "에스퓨얼셀");
  EXPECT_EQ((*p)["price"], 9870);
  const json* pbr = value(*p, "pbr");
  ASSERT_NE(pbr, nullptr);
  EXPECT_EQ((*pbr)["period"], "2025F");
  EXPECT_EQ((*pbr)["value"], 1.2);
}

TEST(PeerTables, TableContinuedOnTheNextPageIsOneTable) {
  json r = extract_record("fixtures/peer_tables.pdf");
  const json* first = peer(r, "효성중공업");
  const json* second = peer(r, "HD현대일렉트릭");
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  EXPECT_EQ((*first)["table"], (*second)["table"]);  // one table, one id
  EXPECT_EQ((*second)["price"], 372000);
  const json* target = value(*second, "target_price");
  ASSERT_NE(target, nullptr);
  EXPECT_EQ((*target)["value"], 480000);
  std::vector<std::string> names;
  for (const json& p : r["peers"])
    if (p["table"] == (*first)["table"]) names.push_back(p["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"두산퓨얼셀", "SK이노베이션", "한화솔루션",
                                             "효성중공업", "LS ELECTRIC", "HD현대일렉트릭"}));
}

// The corner of a transposed table ("(십억원)") is the unit of its amounts, never of a price
// or a multiple printed with it.
TEST(PeerTables, TransposedTablesCornerUnitIsItsAmountsUnit) {
  json r = extract_record("fixtures/peer_tables.pdf");
  const json* p = peer(r, "범한퓨얼셀");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ((*p)["market_cap"]["value"], 88);
  EXPECT_EQ((*p)["market_cap"]["unit"], "십억원");
  const json* cap = value(*p, "market_cap");
  ASSERT_NE(cap, nullptr);
  EXPECT_EQ((*cap)["unit"], "십억원");
  const json* price = value(*p, "price");
  ASSERT_NE(price, nullptr);
  EXPECT_EQ((*price)["unit"], nullptr);
  const json* per = value(*p, "per");
  ASSERT_NE(per, nullptr);
  EXPECT_EQ((*per)["unit"], "배");
}

// A grid of score marks under a peer header (an ESG benchmark, "● ● ●" in every cell) is a
// table, and its companies are peers with their marks kept as printed.
TEST(PeerTables, GridOfMarksUnderCompaniesGivesPeers) {
  json r = extract_record("fixtures/peer_tables.pdf");
  const json* p = peer(r, "SFC ENERGY AG");
  ASSERT_NE(p, nullptr);
  std::vector<std::string> names;
  for (const json& q : r["peers"])
    if (q["table"] == (*p)["table"]) names.push_back(q["name"]);
  // The first name is printed over two lines centred on its row, above and below its marks.
  EXPECT_EQ(names,
            (std::vector<std::string>{"HYDROGENICS FUEL CELL SYSTEMS CO., LTD.",
                                      "BALLARD POWER SYSTEMS", "SFC ENERGY AG", "두산퓨얼셀"}));
  ASSERT_EQ((*p)["values"].size(), 5u);
  EXPECT_EQ((*p)["values"][0]["label"], "탄소 배출");
  EXPECT_EQ((*p)["values"][0]["value"], "● ●");
  EXPECT_EQ((*p)["values"][4]["value"], "A");
}

}  // namespace
