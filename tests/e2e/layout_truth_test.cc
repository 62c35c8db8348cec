// Layout accuracy against hand-written ground truth (tests/layout_truth/): the share of a
// page's expected blocks that come out with exactly that text, in that order.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "run.h"

namespace fs = std::filesystem;
using kreport::test::run_kreport;
using kreport::test::source_dir;

namespace {

// Every page at least this; all of them, on average, at least kMinMean. The misses left are
// line breaks that fell on a space in a page that wraps inside words ("인센티브 / 충당금과"),
// which no evidence in the document tells from a break inside a word.
constexpr double kMinAccuracy = 0.85;
// The pages made to reproduce one failure class each (tests/layout_truth/README.md).
const std::vector<std::string> kExact = {"layout_classes.p1", "layout_classes.p2"};
constexpr double kMinMean = 0.95;

size_t lcs(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::vector<size_t>> t(a.size() + 1, std::vector<size_t>(b.size() + 1, 0));
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j)
      t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
  return t[a.size()][b.size()];
}

std::vector<std::string> truth_files() {
  std::vector<std::string> names;
  for (auto& e : fs::directory_iterator(source_dir() / "tests/layout_truth"))
    if (e.path().extension() == ".txt") names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The share of the page's expected blocks produced with exactly that text, in that order.
double accuracy(const std::string& name, bool report) {
  std::string fixture = name.substr(0, name.rfind(".p"));  // "hanwha_us_stock.p1"
  int page = std::stoi(name.substr(name.rfind(".p") + 2));
  std::ifstream in(source_dir() / "tests/layout_truth" / (name + ".txt"));
  std::vector<std::string> want;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) want.push_back(line);

  auto r = run_kreport("extract -q fixtures/" + fixture + ".pdf");
  EXPECT_EQ(r.code, 0) << r.err;
  if (r.code != 0) return 0;
  std::vector<std::string> got;
  auto record = nlohmann::json::parse(r.out);
  for (auto& s : record["sections"])
    for (auto& b : s["blocks"])
      if (b["page"] == page && b.contains("text")) got.push_back(b["text"]);

  double share = static_cast<double>(lcs(want, got)) / want.size();
  if (!report) return share;
  std::printf("layout accuracy %s: %.3f (%zu expected blocks, %zu produced)\n", name.c_str(), share,
              want.size(), got.size());
  if (share < 1.0)
    for (const std::string& w : want)
      if (std::find(got.begin(), got.end(), w) == got.end())
        std::printf("  not produced exactly: %s\n", w.c_str());
  return share;
}

class LayoutTruth : public testing::TestWithParam<std::string> {};

TEST_P(LayoutTruth, BlocksInReadingOrder) {
  double share = accuracy(GetParam(), true);
  RecordProperty("accuracy", std::to_string(share));
  EXPECT_GE(share, kMinAccuracy);
  if (std::find(kExact.begin(), kExact.end(), GetParam()) != kExact.end()) {
    EXPECT_EQ(share, 1.0);
  }
}

TEST(LayoutTruthAll, MeanAccuracy) {
  double sum = 0;
  std::vector<std::string> names = truth_files();
  for (const std::string& name : names) sum += accuracy(name, false);
  double mean = sum / names.size();
  std::printf("layout accuracy, mean of %zu pages: %.3f\n", names.size(), mean);
  EXPECT_GE(mean, kMinMean);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, LayoutTruth, testing::ValuesIn(truth_files()),
                         [](const auto& info) {
                           std::string n = info.param;
                           std::replace(n.begin(), n.end(), '.', '_');
                           return n;
                         });

}  // namespace
