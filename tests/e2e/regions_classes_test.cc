// One page-layout class of the regions step each (fixtures/src/regions_classes.html): a
// shaded sidebar of stock data, a framed lead box, two charts side by side (one drawn as
// paths, one a picture) each over its own source, and a ruled table.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "run.h"

using kreport::test::extract_record;
using kreport::test::run_kreport;
using nlohmann::json;

namespace {

constexpr const char* kFixture = "fixtures/regions_classes.pdf";

// The text of a record's blocks of one section kind, joined.
std::string section_text(const json& record, const std::string& kind) {
  std::string text;
  for (const json& s : record["sections"])
    if (s["kind"] == kind)
      for (const json& b : s["blocks"])
        if (b.contains("text")) text += b["text"].get<std::string>() + "\n";
  return text;
}

json stage(const std::string& name, int page) {
  auto dir = std::filesystem::temp_directory_path() /
             ("kreport-regions-classes-" +
              std::to_string(::testing::UnitTest::GetInstance()->current_test_info()->line()));
  std::filesystem::remove_all(dir);
  auto r = run_kreport("extract -q --dump-stage " + name + " " + dir.string() + " " + kFixture);
  EXPECT_EQ(r.code, 0) << r.err;
  json j = json::parse(kreport::test::read_file(dir / (name + ".json")));
  std::filesystem::remove_all(dir);
  return j["pages"][page - 1];
}

TEST(RegionsClasses, ShadedSidebarIsASectionOfItsOwnAndItsRowsAreTables) {
  json r = extract_record(kFixture);
  std::string sidebar = section_text(r, "sidebar");
  std::string prose = section_text(r, "summary") + section_text(r, "body");
  for (const char* word : {"Stock Data", "주가상승률", "haneul.kim@iprovest.com"}) {
    EXPECT_NE(sidebar.find(word), std::string::npos) << word;
    EXPECT_EQ(prose.find(word), std::string::npos) << word << " leaked into the prose";
  }
  bool stock_data = false;
  for (const json& t : r["tables"])
    if (t["title"] == "Stock Data") {
      stock_data = true;
      EXPECT_EQ(t["rows"][1][0], "시가총액");
      EXPECT_EQ(t["rows"][1][1], "41,230억원");
    }
  EXPECT_TRUE(stock_data) << "the sidebar's label/value rows are a table";
  // The page's drawing holds the panel's shading, and regions call it a sidebar.
  json lines = stage("lines", 1);
  bool shaded = false;
  for (const json& b : lines["drawing"]["boxes"]) shaded |= b["filled"] && b["lightness"] > 0.85;
  EXPECT_TRUE(shaded);
  bool found = false;
  json regions = stage("regions", 1);
  for (const json& g : regions["regions"]) found |= g["kind"] == "sidebar";
  EXPECT_TRUE(found);
}

TEST(RegionsClasses, TheFramedBoxIsTheLeadSummaryAndTheRestIsBody) {
  json r = extract_record(kFixture);
  std::string summary = section_text(r, "summary"), body = section_text(r, "body");
  EXPECT_NE(summary.find("4분기 영업이익은 1,842억원으로"), std::string::npos);
  EXPECT_NE(summary.find("투자의견 매수를 유지한다."), std::string::npos);
  EXPECT_EQ(summary.find("하반기에 출시되는"), std::string::npos);
  EXPECT_NE(body.find("하반기에 출시되는"), std::string::npos);
  EXPECT_EQ(r["document"]["title"], "전기차 믹스 개선이 이끄는 수익성 회복");
}

TEST(RegionsClasses, ChartsSideBySideEachKeepTheirOwnSource) {
  json r = extract_record(kFixture);
  std::map<std::string, std::string> source;
  for (const json& f : r["figures"])
    if (f["caption"].is_string() && f["source"].is_string()) source[f["caption"]] = f["source"];
  EXPECT_EQ(source["그림 1. 월별 전기차 판매량 추이"], "한국자동차산업협회, 교보증권 리서치센터");
  EXPECT_EQ(source["그림 2. 지역별 매출 비중"], "한빛모터스, 교보증권 리서치센터");
  // Both areas are charts: one drawn as paths, one a picture; the ruled table is none.
  json figures = stage("regions", 2)["figures"];
  ASSERT_EQ(figures.size(), 3u);
  EXPECT_TRUE(figures[0]["chart"]);
  EXPECT_TRUE(figures[1]["chart"]);
  EXPECT_FALSE(figures[2]["chart"]);
  json drawing = stage("lines", 2)["drawing"];
  EXPECT_GE(drawing["paths"].size(), 1u);
  EXPECT_EQ(drawing["images"].size(), 1u);
}

TEST(RegionsClasses, TheRuledTableIsReadCellByCell) {
  json r = extract_record(kFixture);
  bool found = false;
  for (const json& t : r["tables"])
    if (t["page"] == 2 && t["rows"].size() >= 4) {
      found = true;
      EXPECT_EQ(t["rows"][1][0], "영업이익");
      EXPECT_EQ(t["rows"][1][3], 812);
      EXPECT_EQ(t["source"], "한빛모터스, 교보증권 리서치센터");
    }
  EXPECT_TRUE(found);
}

}  // namespace
