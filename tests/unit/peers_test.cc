// Peer rows from tables of companies that are no peer table by their kind: coverage tables,
// valuation comparisons (transposed or not), and the tables of one company's parts that give
// none. Tables are built as the tables step types them.
#include <gtest/gtest.h>

#include "kreport/extract.h"

namespace kreport {
namespace {

Table table(std::string kind, OptString title, std::vector<std::string> labels,
            std::vector<std::vector<Cell>> rows) {
  Table t;
  t.id = "t1";
  t.kind = std::move(kind);
  t.title = std::move(title);
  for (std::string& l : labels) t.columns.push_back(Column{"", std::move(l), std::nullopt, ""});
  t.rows = std::move(rows);
  return t;
}

const PeerValue* value(const Peer& p, std::string_view metric) {
  for (const PeerValue& v : p.values)
    if (v.metric == metric) return &v;
  return nullptr;
}

TEST(Peers, GlobalValuationTableWithTickersAndGroups) {
  // "표 2. 글로벌 peer 밸류에이션 테이블": a group column, names, "V US" codes.
  Table t = table("financials", "표 2. 글로벌 peer 밸류에이션 테이블",
                  {"", "기업명", "코드", "시가총액 / (백만달러)", "P/E(x) / FY1"},
                  {{"결제 네트워크", "비자", "V US", 708111.0, 31.5},
                   {"결제", "페이팔 홀딩스", "PYPL US", 103579.0, 18.3}});
  std::vector<Peer> peers = peers_of({t});
  ASSERT_EQ(peers.size(), 2u);
  EXPECT_EQ(peers[1].name, "페이팔 홀딩스");
  EXPECT_EQ(peers[1].ticker, "PYPL");
  EXPECT_EQ(peers[1].market, "US");
  EXPECT_EQ(peers[1].value_chain, "결제");
  ASSERT_TRUE(peers[1].market_cap);
  EXPECT_EQ(peers[1].market_cap->value, 103579.0);
  const PeerValue* per = value(peers[1], "per");
  ASSERT_NE(per, nullptr);
  EXPECT_EQ(per->period, "FY1");
  EXPECT_EQ(std::get<double>(per->value), 18.3);
}

TEST(Peers, TransposedPeerGroupGivesOnePeerPerColumn) {
  // "도표 10. 국내외 동종 및 유사업체 Peer Group 비교": companies across, an average beside them.
  Table t = table("financials", "도표 10. 국내외 동종 및 유사업체 Peer Group 비교",
                  {"(십억원)", "", "LINDE PLC / LIN GY", "평균", "ITM POWER / BRITAIN"},
                  {{std::monostate{}, "주가", 38800.0, 38800.0, 48400.0},
                   {"PER(배)", "FY26F", 38.1, 165.7, 61.3}});
  std::vector<Peer> peers = peers_of({t});
  ASSERT_EQ(peers.size(), 2u);
  EXPECT_EQ(peers[0].name, "LINDE PLC");
  EXPECT_EQ(peers[0].ticker, "LIN");
  EXPECT_EQ(peers[0].market, "GY");
  EXPECT_EQ(peers[0].price, 38800.0);
  EXPECT_EQ(peers[1].name, "ITM POWER");  // the country under the name is not part of it
  const PeerValue* per = value(peers[1], "per");
  ASSERT_NE(per, nullptr);
  EXPECT_EQ(per->label, "PER(배) / FY26F");
  EXPECT_EQ(per->period, "FY26F");
  EXPECT_EQ(per->unit, "배");
}

TEST(Peers, OneCompanysPartsAreNoPeers) {
  // "[표15] NAVER 의 SOTP 밸류에이션": the parts of one company, valued.
  Table sotp = table("financials", "[표15] NAVER 의 SOTP 밸류에이션", {"구분", "기업명", "PER"},
                     {{"포털", "네이버 포털", 21049.0}, {"커머스", "네이버쇼핑", 33930.0}});
  EXPECT_TRUE(peers_of({sotp}).empty());
}

TEST(Peers, EstimateColumnsAreNoCompanies) {
  // An estimate revision table read across: "직전추정", "당사추정", "QoQ" are no companies.
  Table t = table("financials", std::nullopt, {"구분", "직전추정", "당사추정", "QoQ"},
                  {{"매출액", 115.0, 115.0, 106.0}, {"PER", 10.0, 11.0, 1.0}});
  EXPECT_TRUE(peers_of({t}).empty());
}

}  // namespace
}  // namespace kreport
