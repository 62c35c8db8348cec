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

constexpr double kMinAccuracy = 0.9;

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

class LayoutTruth : public testing::TestWithParam<std::string> {};

TEST_P(LayoutTruth, BlocksInReadingOrder) {
  std::string name = GetParam();  // "hanwha_us_stock.p1"
  std::string fixture = name.substr(0, name.rfind(".p"));
  int page = std::stoi(name.substr(name.rfind(".p") + 2));
  std::ifstream in(source_dir() / "tests/layout_truth" / (name + ".txt"));
  std::vector<std::string> want;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) want.push_back(line);

  auto r = run_kreport("extract -q fixtures/" + fixture + ".pdf");
  ASSERT_EQ(r.code, 0) << r.err;
  std::vector<std::string> got;
  auto record = nlohmann::json::parse(r.out);
  for (auto& s : record["sections"])
    for (auto& b : s["blocks"])
      if (b["page"] == page && b.contains("text")) got.push_back(b["text"]);

  double accuracy = static_cast<double>(lcs(want, got)) / want.size();
  RecordProperty("accuracy", std::to_string(accuracy));
  std::printf("layout accuracy %s: %.3f (%zu expected blocks, %zu produced)\n", name.c_str(),
              accuracy, want.size(), got.size());
  EXPECT_GE(accuracy, kMinAccuracy);
  if (accuracy < 1.0)
    for (const std::string& w : want)
      if (std::find(got.begin(), got.end(), w) == got.end())
        std::printf("  not produced exactly: %s\n", w.c_str());
}

INSTANTIATE_TEST_SUITE_P(Fixtures, LayoutTruth, testing::ValuesIn(truth_files()),
                         [](const auto& info) {
                           std::string n = info.param;
                           std::replace(n.begin(), n.end(), '.', '_');
                           return n;
                         });

}  // namespace
