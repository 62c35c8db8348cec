// The hostile inputs of issue 18, one test per case of ../shared/hostile/README.md, each run
// twice: on the hand-made equivalent in fixtures/hostile (make_hostile.py, always there) and
// on the file of ../shared/hostile itself (skipped where that folder is absent).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "hostile.h"
#include "run.h"

namespace fs = std::filesystem;
using kreport::test::run_kreport;
using namespace kreport::hostile;

namespace {

// Which copy of each case a test reads.
enum class Copy { made_here, shared };

class Hostile : public testing::TestWithParam<Copy> {
 protected:
  void SetUp() override {
    if (GetParam() == Copy::shared && !fs::is_directory(shared_dir()))
      GTEST_SKIP() << shared_dir() << " is absent";
    root_ = scratch_dir("hostile");
  }
  void TearDown() override { remove_scratch(root_); }

  // `shared` under ../shared/hostile, or `local` under fixtures/hostile.
  std::string pdf(const std::string& shared, const std::string& local) const {
    return GetParam() == Copy::shared
               ? (shared_dir() / shared).string()
               : (kreport::test::source_dir() / "fixtures/hostile" / local).string();
  }
  fs::path root_;
};

std::string name_of(const testing::TestParamInfo<Copy>& info) {
  return info.param == Copy::shared ? "Shared" : "MadeHere";
}

nlohmann::json warning(const nlohmann::json& record, const std::string& code) {
  for (const auto& w : record["warnings"])
    if (w["code"] == code) return w;
  return nullptr;
}

TEST_P(Hostile, MemoryBombFailsWithOneLine) {
  if (!memory_limit_applies()) GTEST_SKIP() << kNoMemoryLimitUnderAsan;
  std::string bomb = pdf("poppler-memory-bomb/bomb_giant.pdf", "content_bomb.pdf");
  auto r = run_kreport("extract --max-memory 256 '" + bomb + "'");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "kreport: " + bomb + ": out of memory: over the limit of 256 MiB (--max-memory)\n");
}

TEST_P(Hostile, MemoryBombInABatchStaysUnderTheLimit) {
  if (!memory_limit_applies()) GTEST_SKIP() << kNoMemoryLimitUnderAsan;
  fs::create_directories(root_ / "in");
  fs::copy_file(pdf("poppler-memory-bomb/bomb_giant.pdf", "content_bomb.pdf"),
                root_ / "in/bomb.pdf");
  fs::copy_file(pdf("trailing-garbage/good.pdf", "good.pdf"), root_ / "in/good.pdf");
  long peak_kib = 0;
  auto r = run_measured("batch -q -j 1 --max-memory 256 '" + (root_ / "in").string() + "' -o '" +
                            (root_ / "out").string() + "'",
                        root_, peak_kib);
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, "kreport: [1/2] " + (root_ / "in/bomb.pdf").string() +
                       ": out of memory: over the limit of 256 MiB (--max-memory)\n");
  EXPECT_LE(peak_kib, 256 * 1024) << "peak RSS of the largest process";
  EXPECT_TRUE(fs::exists(root_ / "out/good.json"));
  EXPECT_EQ(summary(root_ / "out")["files"][0]["error"]["code"], "memory");
}

TEST_P(Hostile, FormRecursionHangEndsAtTheDeadline) {
  std::string hang =
      pdf("poppler-hang-form-recursion/shared-unnamed-field.pdf", "form_recursion.pdf");
  auto started = std::chrono::steady_clock::now();
  auto r = run_kreport("extract --timeout 1 '" + hang + "'");
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "kreport: " + hang + ": timed out: no progress in 1 s (--timeout)\n");
  EXPECT_LT(took, 10);
}

TEST_P(Hostile, LateHeaderIsReadWithAWarning) {
  auto r =
      run_kreport("extract -q '" +
                  pdf("header-after-1KiB/header-after-2KiB.pdf", "header_after_2KiB.pdf") + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(warning(j, "PDF_SYNTAX")["message"],
            "the %PDF- header is at byte 2048, after the first 1024 bytes");
  EXPECT_EQ(warning(j, "PDF_SYNTAX")["page"], nullptr);
  EXPECT_NE(r.out.find("Hostile input test page with some words"), std::string::npos);
}

TEST_P(Hostile, TrailingGarbageIsReadWithAWarning) {
  auto r = run_kreport(
      "extract -q '" +
      pdf("trailing-garbage/trailing-garbage-4KiB.pdf", "trailing_garbage_4KiB.pdf") + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(warning(j, "PDF_SYNTAX")["message"], "4097 bytes after the last %%EOF were ignored");
  EXPECT_NE(r.out.find("Hostile input test page with some words"), std::string::npos);
}

TEST_P(Hostile, HugePageCountSaysWhatPopplerFound) {
  std::string f = pdf("huge-page-count/count-2147483647.pdf", "count_2147483647.pdf");
  auto r = run_kreport("extract '" + f + "'");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "kreport: " + f +
                       ": PDF has no pages (error: Page count (2147483647) larger than number of "
                       "objects (6))\n");
}

TEST_P(Hostile, OutputOntoSpecialFilesIsWrittenInPlace) {
  std::string good = pdf("output-replaces-special-file/good.pdf", "good.pdf");
  fs::create_directories(root_);
  // A FIFO: read by a background cat, and still a FIFO afterwards.
  fs::path fifo = root_ / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto r = run_kreport("sh -c \"cat '" + fifo.string() + "' > '" + (root_ / "got").string() +
                           "' & '" KREPORT_BIN "' extract -q '" + good + "' -o '" + fifo.string() +
                           "'; wait\"",
                       "", /*raw=*/true);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_NE(kreport::test::read_file(root_ / "got").find("\"schema\":\"kreport.report\""),
            std::string::npos);
  // A symbolic link: its target gets the record, the link stays a link.
  fs::create_symlink("target.json", root_ / "link.json");
  r = run_kreport("extract -q '" + good + "' -o '" + (root_ / "link.json").string() + "'");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(root_ / "link.json"));
  EXPECT_TRUE(fs::is_regular_file(root_ / "target.json"));
  // A character device stays one: a null device of our own as root, /dev/null otherwise
  // (where a regression could not replace it: /dev is not ours).
  fs::path device = "/dev/null";
  if (::geteuid() == 0) {
    device = root_ / "null";
    if (::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) GTEST_SKIP() << "no mknod";
  }
  r = run_kreport("extract -q '" + good + "' -o '" + device.string() + "'");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(fs::is_character_file(device));
}

TEST_P(Hostile, UnwritableFolderSaysPermissionDenied) {
  // The input beside the output, readable by anyone: the checkout may sit in a folder only
  // its owner can enter (mktemp -d), and the run below is not its owner.
  std::string good = (root_ / "good.pdf").string();
  fs::copy_file(pdf("write-error-wrong-errno/good.pdf", "good.pdf"), good,
                fs::copy_options::overwrite_existing);
  fs::permissions(good, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::create_directories(root_ / "locked");
  fs::permissions(root_ / "locked", fs::perms::owner_read | fs::perms::owner_exec |
                                        fs::perms::group_read | fs::perms::group_exec |
                                        fs::perms::others_read | fs::perms::others_exec);
  // root may write anywhere: run as nobody then.
  std::string as_user =
      ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  auto r = run_kreport(as_user + "'" KREPORT_BIN "' extract -q '" + good + "' -o '" +
                           (root_ / "locked/r.json").string() + "'",
                       "", /*raw=*/true);
  EXPECT_EQ(r.code, 4);
  EXPECT_EQ(r.err, "kreport: " + (root_ / "locked/r.json").string() +
                       ": cannot write: Permission denied\n");
}

TEST_P(Hostile, TextOfOtherScriptsIsText) {
  std::vector<std::string> files =
      GetParam() == Copy::shared
          ? std::vector<std::string>{pdf("non-latin-text-rejected/russian.pdf", ""),
                                     pdf("non-latin-text-rejected/issue20232-cyrillic.pdf", ""),
                                     pdf("non-latin-text-rejected/issue13211-thai.pdf", "")}
          : std::vector<std::string>{pdf("", "non_latin.pdf")};
  for (const std::string& f : files) {
    auto r = run_kreport("extract -q '" + f + "'");
    ASSERT_EQ(r.code, 0) << f << ": " << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(warning(j, "UNMAPPED_GLYPHS"), nullptr) << f;
    EXPECT_FALSE(j["sections"].empty()) << f;
  }
  if (GetParam() == Copy::made_here) {
    auto r = run_kreport("extract -q '" + files[0] + "'");
    // Arabic and Hebrew come out in visual order (poppler): letters are looked for, not words.
    for (const char* word : {"Квартальный", "รายได้ของบริษัท", "ش", "ח"})
      EXPECT_NE(r.out.find(word), std::string::npos) << word;
  }
}

TEST_P(Hostile, HugeTimeoutDoesNotBusyPoll) {
  fs::create_directories(root_ / "in");
  // A file that hangs poppler: 20,000 empty pages used to keep the worker busy, but they now
  // convert in under a second, and then the parent has nothing to wait on.
  fs::copy_file(pdf("batch-orphan/in/shared-unnamed-field.pdf", "form_recursion.pdf"),
                root_ / "in/hang.pdf");
  // The parent waits on its worker for 2 s; then SIGTERM. Its CPU time is what it spent.
  auto r = run_kreport("sh -c \"'" KREPORT_BIN "' batch -q --max-pages 0 --timeout 2147484 '" +
                           (root_ / "in").string() + "' -o '" + (root_ / "out").string() +
                           "' & pid=\\$!; sleep 2; cut -d' ' -f14,15 /proc/\\$pid/stat; "
                           "kill -TERM \\$pid; wait \\$pid\"",
                       "", /*raw=*/true);
  long user = 0, system = 0;
  std::istringstream(r.out) >> user >> system;
  EXPECT_LT(user + system, ::sysconf(_SC_CLK_TCK) / 4) << "clock ticks of the parent: " << r.out;
  EXPECT_EQ(r.code, 128 + SIGTERM) << r.err;
}

TEST_P(Hostile, KilledBatchLeavesNoWorkerAndNoTemporaryFile) {
  fs::create_directories(root_ / "in");
  fs::copy_file(pdf("batch-orphan/in/shared-unnamed-field.pdf", "form_recursion.pdf"),
                root_ / "in/hang.pdf");
  for (int sig : {SIGTERM, SIGKILL}) {
    auto r =
        run_kreport("sh -c \"'" KREPORT_BIN "' batch -q --timeout 100 '" + (root_ / "in").string() +
                        "' -o '" + (root_ / "out").string() + "' & pid=\\$!; sleep 1; kill -" +
                        std::to_string(sig) + " \\$pid; wait \\$pid\"",
                    "", /*raw=*/true);
    EXPECT_EQ(r.code, 128 + sig) << r.err;
    EXPECT_TRUE(wait_until_gone(root_)) << "a worker outlived its parent (signal " << sig << ")";
    EXPECT_EQ(temporary_files(root_ / "out"), 0);
  }
}

TEST_P(Hostile, WorkerKeepsItsOwnDeadlineWhileTheParentIsStopped) {
  fs::create_directories(root_ / "in");
  fs::copy_file(pdf("batch-orphan/in/shared-unnamed-field.pdf", "form_recursion.pdf"),
                root_ / "in/hang.pdf");
  // Stopped, the parent cannot kill anything: the worker must end itself after 1 s.
  auto r =
      run_kreport("sh -c \"'" KREPORT_BIN "' batch -q --timeout 1 '" + (root_ / "in").string() +
                      "' -o '" + (root_ / "out").string() +
                      "' & pid=\\$!; sleep 0.3; kill -STOP \\$pid; sleep 2.5; "
                      "ps -o stat= --ppid \\$pid | grep -vc Z; kill -CONT \\$pid; wait \\$pid\"",
                  "", /*raw=*/true);
  EXPECT_EQ(r.out, "0\n") << "workers still running while the parent was stopped";
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(summary(root_ / "out")["files"][0]["error"]["message"],
            "timed out: no progress in 1 s (--timeout)");
}

INSTANTIATE_TEST_SUITE_P(Cases, Hostile, testing::Values(Copy::made_here, Copy::shared), name_of);

}  // namespace
