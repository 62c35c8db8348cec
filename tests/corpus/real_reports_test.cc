// The real broker reports in ../shared/real (never in the repo): every one must extract with
// exit 0 into a well-formed record, and unreadable pages must be flagged, not filled with
// garbage. Skips cleanly where the folder is absent.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "../e2e/run.h"

namespace fs = std::filesystem;
using kreport::test::run_kreport;
using kreport::test::source_dir;

namespace {

fs::path real_dir() {
  if (const char* env = std::getenv("KREPORT_REAL_DIR")) return env;
  return source_dir().parent_path() / "shared" / "real";
}

std::vector<std::string> real_pdfs() {
  std::vector<std::string> names;
  if (!fs::is_directory(real_dir() / "pdfs")) return {"(none)"};
  for (auto& e : fs::directory_iterator(real_dir() / "pdfs"))
    if (e.path().extension() == ".pdf") names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string test_name(const std::string& file) {
  std::string n;
  for (char c : file.substr(0, file.size() - 4))
    n += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return n;
}

class RealReport : public testing::TestWithParam<std::string> {};

TEST_P(RealReport, ExtractsIntoWellFormedRecord) {
  if (GetParam() == "(none)") GTEST_SKIP() << real_dir() << " not present";
  auto r = run_kreport("extract -q '" + (real_dir() / "pdfs" / GetParam()).string() + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  auto j = nlohmann::json::parse(r.out);
  for (const char* key : {"schema", "schema_version", "source", "document", "sections", "tables",
                          "peers", "figures", "compliance", "warnings", "extractor"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_EQ(j["source"]["sha256"].get<std::string>().size(), 64u);
  EXPECT_GT(j["sections"].size(), 0u);
  // No private-use glyph or replacement character is passed off as text.
  for (auto& s : j["sections"])
    for (auto& b : s["blocks"]) {
      std::string t = b.value("text", "");
      EXPECT_EQ(t.find("\xef\xbf\xbd"), std::string::npos) << t;  // U+FFFD
      EXPECT_EQ(t.find("\xee\x80"), std::string::npos) << t;      // U+E000..U+E03F (PUA)
      EXPECT_EQ(t.find("\xef\x80"), std::string::npos) << t;      // U+F000..U+F03F (PUA)
    }
}

INSTANTIATE_TEST_SUITE_P(Corpus, RealReport, testing::ValuesIn(real_pdfs()),
                         [](const auto& info) { return test_name(info.param); });

// This Mirae report draws the text of pages 2-4 without any Unicode text (Word exported its
// glyphs as 600-dpi stencil images); those pages must be flagged and carry no blocks.
TEST(RealReportMirae, UnreadablePagesFlaggedNotGarbage) {
  fs::path pdf = real_dir() / "pdfs" / "miraeasset_20240321_na_66c036.pdf";
  if (!fs::exists(pdf)) GTEST_SKIP() << pdf << " not present";
  auto r = run_kreport("extract -q '" + pdf.string() + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  std::set<int> flagged;
  for (auto& w : j["warnings"])
    if (w["code"] == "NO_TEXT_LAYER" || w["code"] == "UNMAPPED_GLYPHS")
      flagged.insert(w["page"].get<int>());
  EXPECT_EQ(flagged, (std::set<int>{2, 3, 4}));
  for (auto& s : j["sections"])
    for (auto& b : s["blocks"]) EXPECT_EQ(b["page"], 1) << b.dump();
}

// The rating history read from the disclosure table against the rating box on the cover:
// the latest change is the report's own rating, so its target price is the cover's. No
// report may disagree, and most company reports must agree (16 of the 36 did when this was
// written; two eBest reports print their history in a layout not read yet).
TEST(RealReports, RatingHistoryEndsWithTheCoversTargetPrice) {
  if (real_pdfs().front() == "(none)") GTEST_SKIP() << real_dir() << " not present";
  size_t agree = 0;
  for (const std::string& name : real_pdfs()) {
    auto r = run_kreport("extract -q '" + (real_dir() / "pdfs" / name).string() + "'");
    ASSERT_EQ(r.code, 0) << name << ": " << r.err;
    auto j = nlohmann::json::parse(r.out);
    if (j["compliance"].is_null() || j["compliance"]["rating_history"].empty()) continue;
    const auto& history = j["compliance"]["rating_history"];
    for (size_t i = 1; i < history.size(); ++i)
      EXPECT_LE(history[i - 1]["date"].get<std::string>(), history[i]["date"].get<std::string>())
          << name << ": oldest first";
    const auto& rec = j["document"]["recommendation"];
    if (rec.is_null() || rec["target_price"].is_null() || rec["target_price"]["value"].is_null())
      continue;
    const auto& last = history.back()["target_price"];
    if (last.is_null()) continue;
    EXPECT_EQ(last.get<double>(), rec["target_price"]["value"].get<double>()) << name;
    agree += last.get<double>() == rec["target_price"]["value"].get<double>();
  }
  std::printf("rating history ends with the cover's target price in %zu reports\n", agree);
  EXPECT_GE(agree, 15u);
}

}  // namespace
