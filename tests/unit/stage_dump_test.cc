// What docs/design.md promises of `--dump-stage`: a page that goes wrong becomes a unit-test
// fixture. So the lines a conversion dumps, read back with lines_from_json, must give the next
// steps exactly what the conversion gave them: the same regions and the same tables, byte for
// byte, on every fixture. And `--timings` names each step of the driver once.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "kreport/layout.h"
#include "kreport/pipeline.h"
#include "kreport/record.h"
#include "kreport/regions.h"
#include "kreport/stage_json.h"
#include "kreport/tables.h"
#include "kreport/vocab.h"

using namespace kreport;
namespace fs = std::filesystem;

namespace {

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> fixtures() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(KREPORT_SOURCE_DIR) / "fixtures"))
    if (e.path().extension() == ".pdf") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::map<std::string, std::string> dumps_of(const fs::path& pdf, Timings* timings = nullptr) {
  std::map<std::string, std::string> dumps;
  ConvertOptions options;
  options.path = pdf.filename().string();
  options.timings = timings;
  options.dump = [&](const std::string& stage, const std::string& json) { dumps[stage] = json; };
  convert(read_bytes(pdf), options);
  return dumps;
}

}  // namespace

TEST(StageDump, DumpedLinesGiveTheNextStepsWhatTheConversionGaveThem) {
  std::vector<fs::path> pdfs = fixtures();
  ASSERT_GE(pdfs.size(), 10u) << "the fixtures are missing";
  for (const fs::path& pdf : pdfs) {
    SCOPED_TRACE(pdf.filename().string());
    std::map<std::string, std::string> dumps = dumps_of(pdf);
    for (const char* stage : {"lines", "regions", "tables", "blocks"})
      ASSERT_TRUE(dumps.count(stage)) << stage << " was not dumped";

    std::vector<PageLines> pages = lines_from_json(dumps["lines"]);
    EXPECT_EQ(lines_json(pages), dumps["lines"]) << "lines do not survive a round trip";

    std::vector<PageRegions> regions;
    for (const PageLines& p : pages) regions.push_back(find_regions(p));
    EXPECT_EQ(regions_json(regions), dumps["regions"]);

    TableSet tables = find_tables(pages, collect_document_words(pages), regions);
    EXPECT_EQ(tables_json(tables), dumps["tables"]);
  }
}

TEST(StageDump, TimingsNameEveryStepOnceAndAddUp) {
  Timings timings;
  dumps_of(fs::path(KREPORT_SOURCE_DIR) / "fixtures" / "company_report.pdf", &timings);
  std::vector<std::string> steps;
  for (const auto& [step, seconds] : timings.seconds) {
    steps.push_back(step);
    EXPECT_GE(seconds, 0) << step;
  }
  // The driver's steps in their order (docs/design.md's table); furniture is timed as its
  // own step although it belongs to lines, because it needs the whole document.
  std::vector<std::string> expected = {"load",  "lines",  "furniture", "regions", "tables",
                                       "order", "blocks", "sections",  "meaning"};
  EXPECT_EQ(steps, expected);
  std::string text = timings.describe();
  for (const std::string& step : expected)
    EXPECT_NE(text.find(step + " "), std::string::npos) << text;
  EXPECT_NE(text.find("; total "), std::string::npos) << text;
}

// The tables stage names a table's kind from the vocabulary's rows, or `other`: the schema's
// enum of kinds is exactly that set, so a kind added to one and not the other fails here
// before a record fails validation.
TEST(StageDump, TableKindsOfTheVocabularyAreTheSchemasEnum) {
  std::set<std::string> vocabulary = {"other"};
  for (const vocab::TableKind& k : vocab::table_kinds()) vocabulary.insert(k.kind);
  fs::path schema =
      fs::path(KREPORT_SOURCE_DIR) / "schemas" / "report" / (std::string(kSchemaVersion) + ".json");
  nlohmann::json s = nlohmann::json::parse(read_bytes(schema));
  const nlohmann::json& kinds =
      s.at("properties").at("tables").at("items").at("properties").at("kind").at("enum");
  std::set<std::string> in_schema(kinds.begin(), kinds.end());
  EXPECT_EQ(vocabulary, in_schema);
}
