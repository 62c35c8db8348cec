#include "kreport/validate.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kreport/record.h"

using namespace kreport;

namespace {

nlohmann::json minimal_record() {
  Report r;
  r.source.path = "r.pdf";
  r.source.sha256 = std::string(64, 'a');
  r.source.bytes = 10;
  r.source.pages = 1;
  r.source.pdf.version = "1.7";
  return nlohmann::json::parse(to_json(r));
}

std::vector<Problem> check(const nlohmann::json& j) {
  return validate_record(j.dump());
}

bool has(const std::vector<Problem>& ps, const std::string& pointer, const std::string& words) {
  for (const Problem& p : ps)
    if (p.pointer == pointer && p.message.find(words) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST(Validate, WrittenRecordIsValid) {
  EXPECT_TRUE(check(minimal_record()).empty());
}

TEST(Validate, RecordVersionIsTheNewestSchema) {
  EXPECT_EQ(latest_schema_version(kReportSchema), kSchemaVersion);
}

// 1.1 adds tables[].cell_boxes: a 1.0 record (without it) stays valid against 1.0, and a
// 1.0 record with it is not (1.0 objects are closed). 1.2 requires estimates and an analyst's
// role, which older versions refuse.
TEST(Validate, RecordsOfEveryVersionAgainstTheirOwnSchema) {
  auto j = minimal_record();
  j.erase("estimates");
  nlohmann::json table = {
      {"id", "t1"},           {"kind", "other"},
      {"title", nullptr},     {"page", 1},
      {"bbox", {1, 2, 3, 4}}, {"columns", {{{"key", "c1"}, {"label", "a"}, {"unit", nullptr}}}},
      {"rows", {{1.5}}},      {"source", nullptr}};
  j["schema_version"] = "1.0";
  j["tables"] = {table};
  EXPECT_TRUE(check(j).empty());
  table["cell_boxes"] = {{{{"page", 1}, {"bbox", {1, 2, 3, 4}}}}};
  j["tables"] = {table};
  EXPECT_TRUE(has(check(j), "/tables/0", "cell_boxes")) << check(j).size();
  j["schema_version"] = "1.1";
  EXPECT_TRUE(check(j).empty());
  j["schema_version"] = "1.2";
  EXPECT_TRUE(has(check(j), "", "Missing required property 'estimates'"));
  j["estimates"] = {{{"metric", "revenue"},
                     {"label", "매출액"},
                     {"fiscal_year", 2025},
                     {"period", "2025F"},
                     {"kind", "forecast"},
                     {"value", 301.5},
                     {"unit", "십억원"},
                     {"basis", "consolidated"},
                     {"table", "t1"},
                     {"page", 3}}};
  EXPECT_TRUE(check(j).empty());
  j["schema_version"] = "1.1";
  EXPECT_TRUE(has(check(j), "", "estimates"));
  // 1.3 adds the section kind sidebar (its estimates rows have more fields: none here).
  j["schema_version"] = "1.4";
  j["estimates"] = nlohmann::json::array();
  j["sections"] = {{{"id", "s1"},
                    {"kind", "sidebar"},
                    {"title", nullptr},
                    {"pages", {1, 1}},
                    {"blocks", nlohmann::json::array()}}};
  EXPECT_TRUE(check(j).empty());
  j["schema_version"] = "1.2";
  EXPECT_TRUE(has(check(j), "/sections/0/kind", "enum")) << check(j).size();
}

TEST(Validate, AnalystRoleFrom12) {
  auto j = minimal_record();
  nlohmann::json a = {
      {"name", "김민지"}, {"email", nullptr}, {"phone", nullptr}, {"team", nullptr}};
  j["document"]["analysts"] = {a};
  EXPECT_TRUE(has(check(j), "/document/analysts/0", "role"));
  a["role"] = "research_assistant";
  j["document"]["analysts"] = {a};
  EXPECT_TRUE(check(j).empty());
  a["role"] = "intern";
  j["document"]["analysts"] = {a};
  EXPECT_FALSE(check(j).empty());
}

TEST(Validate, MissingRequiredField) {
  auto j = minimal_record();
  j.erase("figures");
  auto ps = check(j);
  EXPECT_TRUE(has(ps, "", "Missing required property 'figures'")) << ps.size();
}

TEST(Validate, WrongTypeNamesThePointerAndValue) {
  auto j = minimal_record();
  j["source"]["pages"] = "1";
  auto ps = check(j);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].pointer, "/source/pages");
  EXPECT_NE(ps[0].message.find("(value: \"1\")"), std::string::npos) << ps[0].message;
}

TEST(Validate, BadEnum) {
  auto j = minimal_record();
  j["document"]["kind"] = "memo";
  EXPECT_TRUE(has(check(j), "/document/kind", "enum"));
}

TEST(Validate, UnknownKeyRejected) {
  auto j = minimal_record();
  j["document"]["ratings"] = nlohmann::json::array();
  EXPECT_FALSE(check(j).empty());
}

TEST(Validate, BadDateRejected) {
  auto j = minimal_record();
  j["document"]["published"] = "2024.11.14";
  EXPECT_TRUE(has(check(j), "/document/published", "pattern"));
}

TEST(Validate, UnknownVersion) {
  auto j = minimal_record();
  j["schema_version"] = "9.9";
  auto ps = check(j);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].pointer, "/schema_version");
  EXPECT_EQ(ps[0].message, "unknown schema version \"9.9\" (known: 1.0, 1.1, 1.2, 1.3, 1.4, 1.5)");
}

TEST(Validate, NotJsonAndNotAnObject) {
  EXPECT_EQ(validate_record("{oops").at(0).message, "not valid JSON");
  EXPECT_EQ(validate_record("[1]").at(0).message, "not a JSON object");
  EXPECT_EQ(validate_record("{}").at(0).pointer, "/schema");
}

TEST(Validate, SummarySchemaIsKnown) {
  EXPECT_EQ(latest_schema_version(kSummarySchema), "1.2");
  EXPECT_NE(schema_text(kSummarySchema, "1.0"), nullptr);
  EXPECT_EQ(schema_text(kReportSchema, "0.9"), nullptr);
}

TEST(Validate, EverySummaryVersionValidates) {
  const char* v10 = R"({"schema":"kreport.batch_summary","schema_version":"1.0",
    "kreport_version":"0.1.0","inputs":1,"converted":1,"skipped":0,"failed":0,"pages":3,
    "seconds":0.3,"files":[{"input":"a.pdf","output":"a.json","status":"converted","pages":3,
    "warnings":1,"seconds":0.25}]})";
  const char* v11 = R"({"schema":"kreport.batch_summary","schema_version":"1.1",
    "kreport_version":"0.1.0","complete":false,"inputs":1,"converted":0,"skipped":0,
    "failed":0,"pending":1,"pages":0,"seconds":0.3,"files":[{"input":"a.pdf","output":null,
    "status":"pending","pages":0,"warnings":0,"seconds":0}]})";
  EXPECT_TRUE(kreport::validate_record(v10).empty());
  EXPECT_TRUE(kreport::validate_record(v11).empty());
  // 1.2: a shard's summary says which shard it is; 1.1 has no such key.
  std::string v12 = std::string(v11);
  v12.replace(v12.find("1.1"), 3, "1.2");
  v12.replace(v12.find("\"complete\""), 0, "\"shard\":{\"index\":2,\"count\":3},");
  EXPECT_TRUE(kreport::validate_record(v12).empty()) << v12;
  std::string shard_in_11 = v12;
  shard_in_11.replace(shard_in_11.find("1.2"), 3, "1.1");
  EXPECT_FALSE(kreport::validate_record(shard_in_11).empty());
  std::string shard_zero = v12;
  shard_zero.replace(shard_zero.find("\"index\":2"), 9, "\"index\":0");
  EXPECT_FALSE(kreport::validate_record(shard_zero).empty());
  // "pending" is new in 1.1: a 1.0 summary may not use it.
  std::string pending_in_10 = std::string(v11);
  pending_in_10.replace(pending_in_10.find("1.1"), 3, "1.0");
  EXPECT_FALSE(kreport::validate_record(pending_in_10).empty());
}

namespace {

// Issue 40 (D5): 80,000 levels of arrays crashed the parser's and the validator's recursion
// (SIGSEGV); a record nested past the limit is invalid without being parsed.
TEST(Validate, Regression_DeepNestingIsRefusedUnparsed) {
  int n = 80000;
  std::string deep = "{\"schema\":\"kreport.report\",\"schema_version\":\"1.2\",\"source\":" +
                     std::string(n, '[') + std::string(n, ']') + "}";
  auto problems = kreport::validate_record(deep);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].pointer, "");
  EXPECT_EQ(problems[0].message, "nested 80001 levels deep, over the limit of 64 (not read)");
  // At the limit the record is parsed, and found wrong for what it is.
  int at = kreport::kMaxRecordDepth - 1;
  std::string ok = "{\"schema\":\"kreport.report\",\"schema_version\":\"1.2\",\"source\":" +
                   std::string(at, '[') + std::string(at, ']') + "}";
  EXPECT_EQ(kreport::json_nesting(ok).depth, kreport::kMaxRecordDepth);
  auto at_limit = kreport::validate_record(ok);
  ASSERT_FALSE(at_limit.empty());
  EXPECT_EQ(at_limit[0].pointer, "/source");
}

TEST(Validate, KeyGivenTwiceIsInvalid) {
  nlohmann::json record = minimal_record();
  std::string text = record.dump();
  size_t title = text.find("\"title\":");
  ASSERT_NE(title, std::string::npos);
  text.insert(title, "\"title\":\"first\",");
  auto problems = kreport::validate_record(text);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].pointer, "/document/title");
  EXPECT_EQ(problems[0].message, "the key \"title\" is given twice in one object");
  EXPECT_TRUE(kreport::validate_record(record.dump()).empty());
}

TEST(Validate, NestingLooksPastStrings) {
  EXPECT_EQ(kreport::json_nesting(R"({"a": "[[[{{", "b": [1, [2]]})").depth, 3);
  EXPECT_TRUE(kreport::json_nesting(R"({"a": "\"}"})").closed);
  EXPECT_FALSE(kreport::json_nesting("{").closed);
  EXPECT_TRUE(kreport::json_nesting("42").closed);
}

}  // namespace
