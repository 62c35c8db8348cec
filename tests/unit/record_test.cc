#include "kreport/record.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

using namespace kreport;

namespace {

Report sample() {
  Report r;
  r.source.path = "r.pdf";
  r.source.sha256 = std::string(64, 'a');
  r.source.bytes = 10;
  r.source.pages = 1;
  r.source.pdf.version = "1.7";
  Section s;
  s.id = "s1";
  s.kind = "body";
  s.first_page = s.last_page = 1;
  Block b;
  b.type = "paragraph";
  b.text = "엔비디아";
  b.page = 1;
  b.bbox = {10.04, 20.06, 30.123, 40};
  s.blocks.push_back(b);
  r.sections.push_back(s);
  r.warnings.push_back({"NO_TEXT_LAYER", 2, "no text"});
  r.warnings.push_back({"BROKER_UNKNOWN", 0, "no broker"});
  return r;
}

}  // namespace

TEST(Record, KeysInContractOrder) {
  auto j = nlohmann::ordered_json::parse(to_json(sample()));
  std::vector<std::string> keys;
  for (auto& [k, v] : j.items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"schema", "schema_version", "source", "document",
                                            "sections", "tables", "peers", "estimates", "figures",
                                            "compliance", "warnings", "extractor"}));
  EXPECT_EQ(j["schema"], "kreport.report");
  EXPECT_EQ(j["schema_version"], kSchemaVersion);
  EXPECT_TRUE(j["compliance"].is_null());
  EXPECT_TRUE(j["source"]["pdf"]["producer"].is_null());
}

TEST(Record, BoxesRoundedAndWholeNumbersPlain) {
  std::string out = to_json(sample());
  EXPECT_NE(out.find("\"bbox\":[10,20.1,30.1,40]"), std::string::npos) << out;
}

TEST(Record, DocumentWarningHasNullPage) {
  auto j = nlohmann::json::parse(to_json(sample()));
  EXPECT_EQ(j["warnings"][0]["page"], 2);
  EXPECT_TRUE(j["warnings"][1]["page"].is_null());
}

TEST(Record, SameReportSameBytes) {
  EXPECT_EQ(to_json(sample()), to_json(sample()));
}

TEST(Record, CompactIsOneLinePrettyIsIndented) {
  std::string compact = to_json(sample()), pretty = to_json(sample(), true);
  EXPECT_EQ(compact.find('\n'), compact.size() - 1);
  EXPECT_NE(pretty.find("\n  \"schema_version\""), std::string::npos);
}
