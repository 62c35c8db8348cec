// Faults and bad input around kreport (issue 40), each test built from its reproducer in
// ../shared/faults/Dn.sh: what was wrong, and the outcome promised instead. A test that needs
// root (a tmpfs mount, another user) or setsid runs where it can (CI runs as root) and says
// why it is skipped elsewhere.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "run.h"

namespace fs = std::filesystem;
using kreport::test::read_file;
using kreport::test::run_kreport;
using kreport::test::run_kreport_in;
using kreport::test::run_kreport_into_closed_pipe;
using kreport::test::source_dir;

namespace {

const std::string kBin = "'" KREPORT_BIN "'";

class Faults : public testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() / ("kreport-faults-" + std::to_string(::getpid()) + "-" +
                                     testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A shell command run in the test's folder ($K is kreport, $F the fixtures); its own
  // redirections win over the capture's, which apply to the subshell around it.
  kreport::test::Run sh(const std::string& command) {
    return run_kreport("cd '" + dir_.string() + "' && K=" + kBin + " F='" +
                           (source_dir() / "fixtures").string() + "' && ( " + command + " )",
                       "", /*raw=*/true);
  }

  int reports_in(const std::string& db) {
    sqlite3* h = nullptr;
    int n = -1;
    if (sqlite3_open_v2((dir_ / db).c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_stmt* st = nullptr;
      if (sqlite3_prepare_v2(h, "SELECT count(*) FROM reports", -1, &st, nullptr) == SQLITE_OK &&
          sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
      sqlite3_finalize(st);
    }
    sqlite3_close(h);
    return n;
  }

  void records() {
    ASSERT_EQ(sh("$K extract -q $F/two_analysts.pdf > good1.json && "
                 "$K extract -q $F/news_page.pdf > good2.json")
                  .code,
              0);
  }

  fs::path dir_;
};

// D2: batch --jsonl, schema and rules exited 0 when stdout could not be written, and the
// batch ran on to its end.
TEST_F(Faults, Regression_D2_UnwritableStdoutIsExit4) {
  ASSERT_EQ(sh("mkdir in && cp $F/two_analysts.pdf $F/news_page.pdf $F/sk_weekly.pdf in/").code, 0);
  auto r = sh("$K batch in --jsonl -q > /dev/full");
  EXPECT_EQ(r.code, 4);
  EXPECT_EQ(r.err, "kreport: -: cannot write to standard output: No space left on device\n");
  // A reader that went away: the batch stops there (the summary says the rest is pending).
  r = run_kreport_into_closed_pipe("batch '" + (dir_ / "in").string() + "' --jsonl -q --summary '" +
                                   (dir_ / "s.json").string() + "'");
  EXPECT_EQ(r.code, 4);
  EXPECT_EQ(r.err, "kreport: -: cannot write to standard output: Broken pipe\n");
  auto summary = nlohmann::json::parse(read_file(dir_ / "s.json"));
  EXPECT_FALSE(summary["complete"].get<bool>());
  EXPECT_GE(summary["pending"].get<int>(), 1);
  ASSERT_EQ(sh("$K extract -q $F/two_analysts.pdf > good.json && "
               "$K index -q good.json --db x.sqlite")
                .code,
            0);
  for (const char* command : {"schema", "rules", "--help", "query x.sqlite search 목표주가"}) {
    r = sh(std::string("$K ") + command + " > /dev/full");
    EXPECT_EQ(r.code, 4) << command;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << command << ": " << r.err;
  }
}

// D2 on a full disk (a 100 KiB tmpfs; root only): exit 4, and the file holds whole records.
TEST_F(Faults, Regression_D2_FullDiskKeepsWholeRecordsOnly) {
  if (::geteuid() != 0) GTEST_SKIP() << "mounting a tmpfs needs root (CI runs as root)";
  ASSERT_EQ(sh("mkdir in full && cp $F/*.pdf in/").code, 0);
  if (sh("mount -t tmpfs -o size=100k tmpfs full").code != 0)
    GTEST_SKIP() << "cannot mount a tmpfs here (no CAP_SYS_ADMIN)";
  auto r = sh("$K batch in --jsonl -q > full/all.jsonl");
  auto valid = sh("$K validate full/all.jsonl");
  sh("umount full");
  EXPECT_EQ(r.code, 4);
  EXPECT_EQ(r.err, "kreport: -: cannot write to standard output: No space left on device\n");
  EXPECT_EQ(valid.code, 0) << valid.err;
}

// D3: with stdout closed, the record went to stderr (a copy of stderr took fd 1) and exit 0.
TEST_F(Faults, Regression_D3_ClosedStdoutIsExit4NotStderr) {
  auto r = sh("$K extract $F/two_analysts.pdf >&-");
  EXPECT_EQ(r.code, 4);
  EXPECT_EQ(r.err, "kreport: -: cannot write to standard output: Bad file descriptor\n");
  r = sh("$K schema >&-");
  EXPECT_EQ(r.code, 4);
}

// D5: a record nested 80,000 deep crashed validate and index (SIGSEGV), and index lost its
// open transaction every time.
TEST_F(Faults, Regression_D5_DeepRecordIsInvalidTheOthersIndexed) {
  records();
  int n = 80000;
  std::ofstream(dir_ / "deep.json")
      << "{\"schema\":\"kreport.report\",\"schema_version\":\"1.2\",\"source\":"
      << std::string(n, '[') << std::string(n, ']') << "}\n";
  auto r = sh("$K validate -q deep.json");
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err,
            "kreport: deep.json: (record): nested 80001 levels deep, over the limit of 64 (not "
            "read)\n");
  r = sh("cat good1.json deep.json good2.json | $K index - --db a.sqlite -q");
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err,
            "kreport: -:2: invalid record, skipped: (record): nested 80001 levels deep, over the "
            "limit of 64 (not read)\n");
  EXPECT_EQ(reports_in("a.sqlite"), 2);
}

// D6: index - took a read error on stdin for its end: exit 0, the rest dropped.
TEST_F(Faults, Regression_D6_ReadErrorOnStdinIsAnError) {
  auto r = sh("$K index - --db a.sqlite -q < /");
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, "kreport: -: cannot read standard input: Is a directory\n");
  r = sh("$K index - --db a.sqlite -q <&-");
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, "kreport: -: cannot read standard input: Bad file descriptor\n");
  r = sh("$K validate -q - <&-");
  EXPECT_EQ(r.code, 3);
  // A line too long to keep (here 33 MiB; 1.2 GB in the reproducer) between two records.
  records();
  r =
      sh("( ulimit -v 1500000; { cat good1.json; head -c 34603008 /dev/zero | tr '\\0' x; echo; "
         "cat good2.json; } | $K index - --db b.sqlite -q )");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "kreport: -:2: record over the limit of 32 MiB (skipped)\n");
  EXPECT_EQ(reports_in("b.sqlite"), 2);
}

// D7: no bound on a record's size: a 200 MB line took 5 GB, and under a memory limit
// validate and index died of SIGABRT.
TEST_F(Faults, Regression_D7_RecordOverTheLimitIsExit2InBoundedMemory) {
  std::ofstream big(dir_ / "big.json");
  big << "{\"schema\":\"kreport.report\",\"schema_version\":\"1.2\",\"source\":[";
  std::string zeros;
  for (int i = 0; i < (1 << 20); ++i) zeros += "0,";
  for (int i = 0; i < 17; ++i) big << zeros;  // 34 MiB
  big << "0]}\n";
  big.close();
  auto r = sh("ulimit -v 600000; $K validate -q big.json");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "kreport: big.json: record over the limit of 32 MiB (skipped)\n");
  r = sh("ulimit -v 600000; $K index - --db a.sqlite -q < big.json");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "kreport: -:1: record over the limit of 32 MiB (skipped)\n");
}

// D14: validate and index printed a newline in a file name raw: a two-line error.
TEST_F(Faults, Regression_D14_ControlCharactersInNamesAreEscaped) {
  std::ofstream(dir_ / "bad\nname.json") << "{\"x\":NaN}\n";
  auto r = sh("$K validate -q \"$(printf 'bad\\nname.json')\"");
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, "kreport: bad\\nname.json: (record): not valid JSON\n");
  r = sh("$K index -q \"$(printf 'bad\\nname.json')\" --db a.sqlite");
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, "kreport: bad\\nname.json: invalid record, skipped: (record): not valid JSON\n");
}

}  // namespace
