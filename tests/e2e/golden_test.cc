// Every fixture PDF is extracted by the real binary and its record compared, field by field,
// with the committed golden (tests/golden/NAME.json; regenerate: scripts/update-goldens.sh).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "run.h"

namespace fs = std::filesystem;
using kreport::test::read_file;
using kreport::test::run_kreport;
using kreport::test::source_dir;

namespace {

std::vector<std::string> golden_names() {
  std::vector<std::string> names;
  for (auto& e : fs::directory_iterator(source_dir() / "tests/golden"))
    if (e.path().extension() == ".json") names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string fixture_for(const std::string& name) {
  for (std::string dir : {"fixtures/", "fixtures/odd/"})
    if (fs::exists(source_dir() / (dir + name + ".pdf"))) return dir + name + ".pdf";
  return "fixtures/" + name + ".pdf";
}

class Golden : public testing::TestWithParam<std::string> {};

TEST_P(Golden, RecordMatchesFieldByField) {
  std::string pdf = fixture_for(GetParam());
  auto want =
      nlohmann::json::parse(read_file(source_dir() / "tests/golden" / (GetParam() + ".json")));
#ifndef KREPORT_WITH_OCR
  for (auto& w : want["warnings"])
    if (w["code"] == "OCR_TEXT") GTEST_SKIP() << "read by OCR, and this build has none";
#endif
  auto run = run_kreport("extract -q " + pdf);
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  auto got = nlohmann::json::parse(run.out);
  nlohmann::json patch = nlohmann::json::diff(want, got);
  for (const auto& op : patch) {
    std::string path = op["path"];
    nlohmann::json want_v = want.contains(nlohmann::json::json_pointer(path))
                                ? want[nlohmann::json::json_pointer(path)]
                                : nlohmann::json("(absent)");
    ADD_FAILURE() << pdf << ": " << op["op"].get<std::string>() << " at " << path
                  << "\n  golden: " << want_v.dump().substr(0, 300) << "\n  actual: "
                  << op.value("value", nlohmann::json("(absent)")).dump().substr(0, 300);
  }
}

// Pages read on one core or several (each reader takes the next page) give the same bytes:
// words, warnings in page order, OCR lines.
TEST_P(Golden, SameBytesOnOneCoreOrThree) {
  std::string pdf = fixture_for(GetParam());
  auto one = run_kreport("extract -q --threads 1 " + pdf);
  auto three = run_kreport("extract -q --threads 3 " + pdf);
  ASSERT_EQ(one.code, 0) << one.err;
  ASSERT_EQ(three.code, 0) << three.err;
  EXPECT_GT(one.out.size(), 100u);
  EXPECT_EQ(one.out, three.out) << pdf;
}

// The views of the record: the Markdown is the committed tests/golden/NAME.md, and both views
// are the same bytes from the PDF (extract --format) and from the saved record (render).
TEST_P(Golden, ViewsMatchAndRenderGivesTheSameBytes) {
  std::string pdf = fixture_for(GetParam());
  std::string record = "tests/golden/" + GetParam() + ".json";
  auto want = nlohmann::json::parse(read_file(source_dir() / record));
#ifndef KREPORT_WITH_OCR
  for (auto& w : want["warnings"])
    if (w["code"] == "OCR_TEXT") GTEST_SKIP() << "read by OCR, and this build has none";
#endif
  for (std::string format : {"md", "chunks"}) {
    auto extracted = run_kreport("extract -q --format " + format + " " + pdf);
    auto rendered = run_kreport("render --format " + format + " " + record);
    ASSERT_EQ(extracted.code, 0) << extracted.err;
    ASSERT_EQ(rendered.code, 0) << rendered.err;
    EXPECT_GT(extracted.out.size(), 100u);
    EXPECT_EQ(extracted.out, rendered.out) << pdf << " --format " << format;
    if (format != "md") continue;
    std::string golden = read_file(source_dir() / "tests/golden" / (GetParam() + ".md"));
    if (golden == extracted.out) continue;
    size_t at = 0;
    while (at < golden.size() && at < extracted.out.size() && golden[at] == extracted.out[at]) ++at;
    size_t line = golden.rfind('\n', at == 0 ? 0 : at - 1);
    line = line == std::string::npos ? 0 : line + 1;
    ADD_FAILURE() << pdf << ": Markdown differs from tests/golden/" << GetParam()
                  << ".md (scripts/update-goldens.sh) at byte " << at
                  << "\n  golden: " << golden.substr(line, golden.find('\n', at) - line)
                  << "\n  actual: "
                  << extracted.out.substr(line, extracted.out.find('\n', at) - line);
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, Golden, testing::ValuesIn(golden_names()),
                         [](const auto& info) { return info.param; });

TEST(Goldens, EveryFixtureHasOne) {
  auto names = golden_names();
  for (auto& e : fs::directory_iterator(source_dir() / "fixtures"))
    if (e.path().extension() == ".pdf") {
      EXPECT_NE(std::find(names.begin(), names.end(), e.path().stem().string()), names.end())
          << e.path() << " has no golden record (scripts/update-goldens.sh)";
    }
  EXPECT_GE(names.size(), 5u);
}

}  // namespace
