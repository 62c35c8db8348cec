// The archive on the real reports (issues 20 and 29): indexing their records costs at most
// 20 ms of CPU a record and a full-text query answers in under 50 ms of CPU, process start
// included in both (CPU, not wall time, since the machine is shared; best of kTries). Skipped where
// ../shared/real is absent, and under the sanitizers, whose slowdown says nothing about these
// numbers.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <algorithm>
#include <fstream>
#include <iostream>

#include "../e2e/run.h"

namespace fs = std::filesystem;
using kreport::test::run_kreport;
using kreport::test::source_dir;

namespace {

constexpr int kTries = 3;
constexpr double kIndexCpuSecondsPerRecord = 0.020;
constexpr double kQuerySeconds = 0.050;

fs::path real_pdf_folder() {
  if (const char* env = std::getenv("KREPORT_REAL_DIR")) return fs::path(env) / "pdfs";
  return source_dir().parent_path() / "shared" / "real" / "pdfs";
}

// CPU seconds (user and system) of the children waited for so far.
double children_cpu() {
  rusage u{};
  ::getrusage(RUSAGE_CHILDREN, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// The least CPU (of the children it runs) that `f` took in kTries runs.
template <typename F>
double best_cpu(F&& f) {
  double best = 1e9;
  for (int i = 0; i < kTries; ++i) {
    double before = children_cpu();
    f(i);
    best = std::min(best, children_cpu() - before);
  }
  return best;
}

TEST(RealArchive, IndexesInUnderTwentyMsOfCpuARecordAndSearchesInUnderFiftyMsOfCpu) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "timings are not measured under the sanitizers";
#endif
  if (!fs::is_directory(real_pdf_folder())) GTEST_SKIP() << "no " << real_pdf_folder();
  fs::path dir = fs::temp_directory_path() / ("kreport-real-archive-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string records = (dir / "real.jsonl").string();
  auto batch = run_kreport("batch -q '" + real_pdf_folder().string() + "' --jsonl");
  std::ofstream(records) << batch.out;
  ASSERT_EQ(batch.code, 0) << batch.err;

  auto db = [&](int i) {
    return "'" + (dir / ("a" + std::to_string(i) + ".sqlite")).string() + "'";
  };
  size_t count = std::count(batch.out.begin(), batch.out.end(), '\n');
  ASSERT_GT(count, 0u);
  int code = -1;
  double index = best_cpu([&](int i) {
                   code = run_kreport("index -q '" + records + "' --db " + db(i)).code;
                 }) /
                 static_cast<double>(count);
  EXPECT_EQ(code, 0);
  std::string answer;
  // CPU, as for index: the wall time of one short process says more about the machine's
  // other work than about the query (86 ms of wall for ~20 of CPU with four builds beside it).
  double query = best_cpu(
      [&](int) { answer = run_kreport("query " + db(0) + " search HBM --format jsonl").out; });
  std::cout << "index " << count << " real records: " << index * 1000
            << " ms of CPU a record; search HBM: " << query * 1000 << " ms of CPU\n";
  EXPECT_LE(index, kIndexCpuSecondsPerRecord);
  EXPECT_LT(query, kQuerySeconds);
  // Same records, same answer, from any of the archives built of them.
  EXPECT_FALSE(answer.empty());
  for (int i = 1; i < kTries; ++i)
    EXPECT_EQ(run_kreport("query " + db(i) + " search HBM --format jsonl").out, answer);
  fs::remove_all(dir);
}

}  // namespace
