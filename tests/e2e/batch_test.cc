// `kreport batch` end to end on a folder made of the fixtures, good and broken.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "run.h"

namespace fs = std::filesystem;
using kreport::test::read_file;
using kreport::test::run_kreport;
using kreport::test::source_dir;

namespace {

class Batch : public testing::Test {
 protected:
  void SetUp() override {
    root_ =
        fs::temp_directory_path() / ("kreport-batch-" + std::to_string(::getpid()) + "-" +
                                     testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    in_ = root_ / "in";
    fs::create_directories(in_ / "sub dir");
    fs::copy_file(source_dir() / "fixtures/sk_weekly.pdf", in_ / "sk_weekly.pdf");
    fs::copy_file(source_dir() / "fixtures/company_report.pdf", in_ / "sub dir/회사 보고서.PDF");
    fs::copy_file(source_dir() / "fixtures/news_page.pdf", in_ / "sub dir/news.pdf");
    fs::copy_file(source_dir() / "fixtures/broken/truncated.pdf", in_ / "sub dir/truncated.pdf");
    fs::copy_file(source_dir() / "fixtures/broken/not_a_pdf.pdf", in_ / "not_a_pdf.pdf");
    std::ofstream(in_ / "notes.txt") << "not an input";
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string in() const { return "'" + in_.string() + "'"; }
  std::string out(const std::string& name = "out") const {
    return "'" + (root_ / name).string() + "'";
  }
  nlohmann::json summary(const std::string& name = "out") const {
    return nlohmann::json::parse(read_file(root_ / name / "_summary.json"));
  }

  fs::path root_, in_;
};

TEST_F(Batch, BadFilesAreReportedTheRestConvert) {
  auto r = run_kreport("batch -q -j 2 " + in() + " -o " + out());
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_NE(r.err.find("not_a_pdf.pdf: not a PDF (no %PDF- header)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("truncated.pdf: truncated PDF"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(root_ / "out/sk_weekly.json"));
  EXPECT_TRUE(fs::exists(root_ / "out/sub dir/회사 보고서.json"));
  EXPECT_TRUE(fs::exists(root_ / "out/sub dir/news.json"));
  EXPECT_FALSE(fs::exists(root_ / "out/sub dir/truncated.json"));
  EXPECT_FALSE(fs::exists(root_ / "out/not_a_pdf.json"));
  auto s = summary();
  EXPECT_EQ(s["inputs"], 5);
  EXPECT_EQ(s["converted"], 3);
  EXPECT_EQ(s["failed"], 2);
  EXPECT_EQ(s["files"][0]["input"], (in_ / "not_a_pdf.pdf").string());
  EXPECT_EQ(s["files"][0]["error"]["code"], "not_pdf");
  for (auto& e : fs::recursive_directory_iterator(root_ / "out"))
    EXPECT_EQ(e.path().string().find(".tmp"), std::string::npos) << e.path();
}

TEST_F(Batch, RerunIsANoOpUnlessForced) {
  ASSERT_EQ(run_kreport("batch -q " + in() + " -o " + out()).code, 3);
  auto before = fs::last_write_time(root_ / "out/sk_weekly.json");
  auto again = run_kreport("batch -q " + in() + " -o " + out());
  EXPECT_EQ(again.code, 3);  // the broken inputs still fail
  EXPECT_EQ(summary()["skipped"], 3);
  EXPECT_EQ(summary()["converted"], 0);
  EXPECT_EQ(fs::last_write_time(root_ / "out/sk_weekly.json"), before);
  run_kreport("batch -q --force " + in() + " -o " + out());
  EXPECT_EQ(summary()["converted"], 3);
}

TEST_F(Batch, ParallelOutputIsByteIdentical) {
  run_kreport("batch -q -j 1 " + in() + " -o " + out("one"));
  run_kreport("batch -q -j 2 " + in() + " -o " + out("two"));
  for (const char* f : {"sk_weekly.json", "sub dir/회사 보고서.json", "sub dir/news.json"})
    EXPECT_EQ(read_file(root_ / "one" / f), read_file(root_ / "two" / f)) << f;
}

TEST_F(Batch, JsonLinesInInputOrder) {
  auto r = run_kreport("batch -q -j 2 --jsonl " + in());
  EXPECT_EQ(r.code, 3);
  std::vector<std::string> paths;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);)
    paths.push_back(nlohmann::json::parse(line)["source"]["path"]);
  EXPECT_EQ(paths, (std::vector<std::string>{(in_ / "sk_weekly.pdf").string(),
                                             (in_ / "sub dir/news.pdf").string(),
                                             (in_ / "sub dir/회사 보고서.PDF").string()}));
}

TEST_F(Batch, CrashCostsOnlyThatDocument) {
  auto r =
      run_kreport("env KREPORT_TEST_CRASH_INPUT='sub dir/news.pdf' '" KREPORT_BIN "' batch -q " +
                      in() + " -o " + out(),
                  "", /*raw=*/true);
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("news.pdf: crashed (signal 6: Aborted)"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(root_ / "out/sk_weekly.json"));
  EXPECT_TRUE(fs::exists(root_ / "out/sub dir/회사 보고서.json"));
  EXPECT_EQ(summary()["converted"], 2);
}

TEST_F(Batch, TimeoutKillsSlowDocumentsOnly) {
  // Every page holds still for 0.2 s (the test hook of src/pipeline/pipeline.cc): the deadline
  // of progress passes on every document that has pages, whenever the guard looks. Without
  // the hook this leaned on a worker's own start-up outlasting 1 ms, which batch no longer has.
  auto r =
      run_kreport("env KREPORT_TEST_SLOW_PAGES=0.2 '" KREPORT_BIN "' batch -q --timeout 0.001 " +
                      in() + " -o " + out(),
                  "", /*raw=*/true);
  EXPECT_EQ(r.code, 3);
  auto s = summary();
  EXPECT_EQ(s["converted"], 0);
  bool timed_out = false;
  for (auto& f : s["files"])
    if (f.contains("error") && f["error"]["code"] == "timeout") timed_out = true;
  EXPECT_TRUE(timed_out) << s.dump();
  EXPECT_FALSE(fs::exists(root_ / "out/sk_weekly.json"));
}

TEST_F(Batch, OutputNeverEscapesThroughASymlink) {
  fs::create_directories(root_ / "out");
  fs::create_directories(root_ / "elsewhere");
  fs::create_directory_symlink(root_ / "elsewhere", root_ / "out/sub dir");
  auto r = run_kreport("batch -q " + in() + " -o " + out());
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("would be written outside"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_empty(root_ / "elsewhere"));
  EXPECT_TRUE(fs::exists(root_ / "out/sk_weekly.json"));
}

TEST_F(Batch, OutputsPassValidate) {
  run_kreport("batch -q " + in() + " -o " + out());
  auto r = run_kreport("validate " + out() + "/*.json " + out() + "/'sub dir'/*.json");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "kreport: 4 valid, 0 invalid record(s)\n");
}

TEST_F(Batch, MissingFolderIsInputError) {
  auto r = run_kreport("batch " + out("nope") + " -o " + out());
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "kreport: " + (root_ / "nope").string() + ": not a folder\n");
}

TEST_F(Batch, NeedsAnOutputFolder) {
  auto r = run_kreport("batch " + in());
  EXPECT_EQ(r.code, 1);
}

}  // namespace
