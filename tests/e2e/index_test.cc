// `kreport index` and `kreport query` end to end: the documented pipeline from PDFs to an
// answer, every error line word for word, and an indexing process killed mid-way.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "archive.h"
#include "run.h"

namespace fs = std::filesystem;
using kreport::test::archive_count;
using kreport::test::archive_scalar;
using kreport::test::read_file;
using kreport::test::run_kreport;
using kreport::test::source_dir;

namespace {

class Index : public testing::Test {
 protected:
  void SetUp() override {
    root_ =
        fs::temp_directory_path() / ("kreport-index-" + std::to_string(::getpid()) + "-" +
                                     testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string q(const fs::path& p) const { return "'" + p.string() + "'"; }
  fs::path db() const { return root_ / "archive.sqlite"; }

  // `n` copies of the company report's record, each a different PDF (its own sha256), as
  // JSON Lines.
  fs::path copies(int n, const std::string& name) const {
    nlohmann::json r =
        nlohmann::json::parse(read_file(source_dir() / "tests/golden/company_report.json"));
    std::ofstream out(root_ / name);
    for (int i = 0; i < n; ++i) {
      char sha[65];
      std::snprintf(sha, sizeof sha, "%064x", i + 1);
      r["source"]["sha256"] = sha;
      r["source"]["path"] = "copy" + std::to_string(i + 1) + ".pdf";
      out << r.dump() << "\n";
    }
    return root_ / name;
  }

  fs::path root_;
};

const char* kBin = KREPORT_BIN;

TEST_F(Index, FromAFolderOfPdfsToAnAnswer) {
  fs::create_directories(root_ / "pdfs");
  fs::copy_file(source_dir() / "fixtures/company_report.pdf", root_ / "pdfs/company_report.pdf");
  fs::copy_file(source_dir() / "fixtures/sk_weekly.pdf", root_ / "pdfs/sk_weekly.pdf");
  std::string bin = std::string("'") + kBin + "'";
  // The group gets run_kreport's </dev/null, so the pipe stays index's standard input.
  auto r = run_kreport("(" + bin + " batch -q " + q(root_ / "pdfs") + " --jsonl | " + bin +
                           " index - --db " + q(db()) + ")",
                       "", true);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err.rfind("kreport: 2 indexed, 0 replaced, 0 skipped, 0 invalid (", 0), 0u) << r.err;
  auto a = run_kreport("query " + q(db()) + " analyst 박성민");
  EXPECT_EQ(a.code, 0) << a.err;
  EXPECT_EQ(a.out,
            "{\"published\":\"2024-11-14\",\"broker\":\"kiwoom\",\"analyst\":\"박성민\","
            "\"role\":\"analyst\",\"ticker\":\"005930\",\"company\":\"삼성전자\",\"rating\":"
            "\"buy\",\"target_price\":95000,\"title\":\"HBM 공급 확대가 이끄는 2025년 이익 "
            "반등\",\"report\":\"" +
                (root_ / "pdfs/company_report.pdf").string() + "\"}\n");
  EXPECT_EQ(a.err, "");
}

TEST_F(Index, BadRecordsAreOneLineEachTheRestIndexed) {
  fs::create_directories(root_ / "records");
  fs::copy_file(source_dir() / "tests/golden/sk_weekly.json", root_ / "records/good.json");
  nlohmann::json bad =
      nlohmann::json::parse(read_file(source_dir() / "tests/golden/news_page.json"));
  bad["document"]["published"] = "2025-13-45";
  std::ofstream(root_ / "records/bad.json") << bad.dump(2);
  std::ofstream(root_ / "records/cut.json") << bad.dump(2).substr(0, 500);
  std::ofstream(root_ / "records/_summary.json") << "{\"schema\": \"kreport.batch_summary\"}";
  std::ofstream(root_ / "records/_summary.2-of-3.json")
      << "{\"schema\": \"kreport.batch_summary\"}";
  std::ofstream(root_ / "records/notes.txt") << "not a record";
  auto r = run_kreport("index " + q(root_ / "records") + " --db " + q(db()));
  EXPECT_EQ(r.code, 3);
  std::string dir = (root_ / "records").string();
  EXPECT_EQ(r.err.substr(0, r.err.rfind("(")),
            "kreport: " + dir +
                "/bad.json: invalid record, skipped: /document/published: Failed to match regex "
                "specified by 'pattern' constraint. (value: \"2025-13-45\")\n"
                "kreport: " +
                dir +
                "/cut.json: invalid record, skipped: (record): not valid JSON\n"
                "kreport: 1 indexed, 0 replaced, 0 skipped, 2 invalid ");
  EXPECT_EQ(archive_count(db(), "reports"), 1);
}

TEST_F(Index, MergeAddsReplacesSkipsAndIsIdempotent) {
  fs::path a = root_ / "a.sqlite", b = root_ / "b.sqlite", all = root_ / "all.sqlite";
  ASSERT_EQ(
      run_kreport("index -q tests/golden/sk_weekly.json tests/golden/news_page.json --db " + q(a))
          .code,
      0);
  ASSERT_EQ(run_kreport("index -q tests/golden/news_page.json tests/golden/company_report.json "
                        "--db " +
                        q(b))
                .code,
            0);
  ASSERT_EQ(run_kreport("index -q tests/golden/sk_weekly.json tests/golden/news_page.json "
                        "tests/golden/company_report.json --db " +
                        q(all))
                .code,
            0);
  auto r = run_kreport("index --merge " + q(a) + " " + q(b));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err.substr(0, r.err.rfind("(")),
            "kreport: " + a.string() + ": 1 added, 0 replaced, 1 skipped (up to date) ");
  for (const char* table : {"reports", "analysts", "estimates", "rating_history", "peers", "tables",
                            "blocks", "blocks_fts"}) {
    EXPECT_EQ(archive_count(a, table), archive_count(all, table)) << table;
  }
  // The full-text index was fed: the merged report's words are found, as in `all`.
  for (const char* question : {"search HBM", "target-prices 005930", "text 005930"}) {
    auto x = run_kreport("query " + q(a) + " " + question + " --format jsonl");
    auto y = run_kreport("query " + q(all) + " " + question + " --format jsonl");
    EXPECT_EQ(x.out, y.out) << question;
    EXPECT_NE(x.out, "") << question;
  }
  // Again: nothing changes.
  r = run_kreport("index --merge " + q(a) + " " + q(b));
  EXPECT_EQ(r.err.substr(0, r.err.rfind("(")),
            "kreport: " + a.string() + ": 0 added, 0 replaced, 2 skipped (up to date) ");
  EXPECT_EQ(archive_count(a, "reports"), 3);
  // A report from a newer kreport replaces the one there, with all its rows.
  sqlite3* h = nullptr;
  sqlite3_open(b.c_str(), &h);
  sqlite3_exec(h, "UPDATE reports SET kreport_version = '99.0.0'", nullptr, nullptr, nullptr);
  sqlite3_close(h);
  r = run_kreport("index --merge " + q(a) + " " + q(b));
  EXPECT_EQ(r.err.substr(0, r.err.rfind("(")),
            "kreport: " + a.string() + ": 0 added, 2 replaced, 0 skipped (up to date) ");
  EXPECT_EQ(archive_count(a, "reports"), 3);
  EXPECT_EQ(archive_count(a, "blocks"), archive_count(all, "blocks"));
  EXPECT_EQ(run_kreport("query " + q(a) + " search HBM --format jsonl").out,
            run_kreport("query " + q(all) + " search HBM --format jsonl").out);
}

TEST_F(Index, MergeErrors) {
  fs::path a = root_ / "a.sqlite";
  ASSERT_EQ(run_kreport("index -q tests/golden/sk_weekly.json --db " + q(a)).code, 0);
  auto self = run_kreport("index --merge " + q(a) + " " + q(a));
  EXPECT_EQ(self.code, 1);
  EXPECT_EQ(self.err, "kreport: " + a.string() +
                          ": cannot merge an archive into itself (see kreport index --help)\n");
  auto missing = run_kreport("index --merge " + q(a) + " " + q(root_ / "none.sqlite"));
  EXPECT_EQ(missing.code, 2);
  EXPECT_EQ(missing.err, "kreport: " + (root_ / "none.sqlite").string() +
                             ": no such archive (make one with kreport index)\n");
  fs::path newer = root_ / "newer.sqlite";
  ASSERT_EQ(run_kreport("index -q tests/golden/news_page.json --db " + q(newer)).code, 0);
  sqlite3* h = nullptr;
  sqlite3_open(newer.c_str(), &h);
  // A version no kreport has written yet, so the test outlives the next archive version.
  sqlite3_exec(h, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
  sqlite3_close(h);
  auto r = run_kreport("index --merge " + q(a) + " " + q(newer));
  EXPECT_EQ(r.code, 2);
  std::string says = "kreport: " + newer.string() +
                     ": archive schema version 99 is newer than this kreport reads (";
  EXPECT_EQ(r.err.substr(0, says.size()), says) << r.err;
  EXPECT_TRUE(r.err.ends_with("): use a newer kreport\n")) << r.err;
  EXPECT_EQ(archive_count(a, "reports"), 1);
  auto alone = run_kreport("index --merge " + q(a));
  EXPECT_EQ(alone.code, 1);
  auto both = run_kreport("index records/ --db " + q(a) + " --merge " + q(a) + " " + q(newer));
  EXPECT_EQ(both.code, 1);
  EXPECT_EQ(both.err,
            "kreport: --merge takes the archive to merge into and one or more to merge into it, "
            "and no records or --db (see kreport index --help)\n");
}

TEST_F(Index, NewerArchiveIsRefused) {
  ASSERT_EQ(run_kreport("index -q tests/golden/sk_weekly.json --db " + q(db())).code, 0);
  sqlite3* h = nullptr;
  sqlite3_open(db().c_str(), &h);
  sqlite3_exec(h, "PRAGMA user_version=4", nullptr, nullptr, nullptr);
  sqlite3_close(h);
  std::string line = "kreport: " + db().string() +
                     ": archive schema version 4 is newer than this kreport reads (3): use a "
                     "newer kreport\n";
  auto r = run_kreport("index tests/golden/news_page.json --db " + q(db()));
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, line);
  auto query = run_kreport("query " + q(db()) + " search HBM");
  EXPECT_EQ(query.code, 2);
  EXPECT_EQ(query.err, line);
  EXPECT_EQ(query.out, "");
}

TEST_F(Index, QueryErrors) {
  auto missing = run_kreport("query " + q(db()) + " search HBM");
  EXPECT_EQ(missing.code, 2);
  EXPECT_EQ(missing.err,
            "kreport: " + db().string() + ": no such archive (make one with kreport index)\n");
  ASSERT_EQ(run_kreport("index -q tests/golden/sk_weekly.json --db " + q(db())).code, 0);
  auto unknown = run_kreport("query " + q(db()) + " prices 005930");
  EXPECT_EQ(unknown.code, 1);
  EXPECT_EQ(unknown.err,
            "kreport: unknown query \"prices\" (known: target-prices, forecasts, spread, quarters, "
            "revisions, search, text, analyst, peers) (see kreport query --help)\n");
  auto args = run_kreport("query " + q(db()) + " forecasts 005930 eps");
  EXPECT_EQ(args.code, 1);
  EXPECT_EQ(args.err,
            "kreport: query forecasts takes TICKER METRIC YEAR (got 2 argument(s)) (see kreport "
            "query --help)\n");
}

TEST_F(Index, QueryPrintsJsonLinesOffATerminalAndTablesOnRequest) {
  ASSERT_EQ(run_kreport("index -q tests/golden tests/index/records --db " + q(db())).code, 0);
  auto jsonl = run_kreport("query " + q(db()) + " spread 삼성전자 operating_profit 2025");
  EXPECT_EQ(jsonl.out,
            "{\"ticker\":\"005930\",\"metric\":\"operating_profit\",\"fiscal_year\":2025,\"unit\":"
            "\"십억원\",\"firms\":4,\"low\":31500,\"low_broker\":\"sk\",\"high\":45600,\"high_"
            "broker\":\"kiwoom\",\"mean\":37575,\"median\":36600,\"spread\":14100,\"spread_pct\":"
            "37.52,\"excluded\":0}\n");
  auto table = run_kreport("query " + q(db()) + " forecasts 005930 operating_profit 2025 " +
                           "--format table --until 2025-02-28");
  EXPECT_EQ(table.out,
            "broker  published   analyst  period  kind       value  unit    basis         report\n"
            "------  ----------  -------  ------  --------  ------  ------  ------------  "
            "----------------------------------\n"
            "hanwha  2025-02-03  이준호   2025E   forecast  382000  억원    consolidated  "
            "reports/hanwha_005930_20250203.pdf\n"
            "kiwoom  2024-11-14  박성민   2025F   forecast   45600  십억원  consolidated  "
            "fixtures/odd/owner_only.pdf\n"
            "mirae   2025-01-10  김도윤   2025F   forecast   35000  십억원  consolidated  "
            "reports/mirae_005930_20250110.pdf\n"
            "sk      2024-12-02  한동희   2025E   forecast   33000  십억원  consolidated  "
            "reports/sk_005930_20241202.pdf\n");
}

// On a terminal (script(1) gives the command one) the answer is a table by default.
TEST_F(Index, QueryPrintsATableOnATerminal) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) GTEST_SKIP() << "no script(1)";
  ASSERT_EQ(run_kreport("index -q tests/index/records --db " + q(db())).code, 0);
  std::string cmd = std::string("'") + kBin + "' query " + q(db()) + " analyst 이준호";
  auto r = run_kreport("script -qec \"" + cmd + "\" /dev/null", "", true);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("published   broker  analyst  role     ticker  company   rating  ", 0), 0u)
      << r.out;
  EXPECT_NE(r.out.find("2025-02-03  hanwha  이준호   analyst  005930  삼성전자  buy     "),
            std::string::npos)
      << r.out;
}

TEST_F(Index, HelpTeachesTheQueries) {
  auto r = run_kreport("query --help");
  EXPECT_EQ(r.code, 0);
  for (const char* s :
       {"target-prices TICKER", "forecasts TICKER METRIC YEAR", "spread TICKER METRIC YEAR",
        "quarters TICKER METRIC QUARTER", "revisions TICKER", "search TEXT", "analyst NAME",
        "peers TICKER_OR_NAME", "kreport query archive.sqlite peers SK하이닉스",
        "kreport query archive.sqlite search HBM", "Exit codes:"})
    EXPECT_NE(r.out.find(s), std::string::npos) << s;
  auto i = run_kreport("index --help");
  EXPECT_NE(i.out.find("kreport batch reports/ --jsonl | kreport index - --db archive.sqlite"),
            std::string::npos);
}

// A writer fed through a pipe: kreport index - --db DB --batch N.
struct Writer {
  pid_t pid = -1;
  int in = -1;
};

Writer start_index(const fs::path& db, int batch) {
  int fds[2];
  if (::pipe(fds) != 0) return {};
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fds[0], STDIN_FILENO);
    ::close(fds[0]);
    ::close(fds[1]);
    int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, STDERR_FILENO);
    std::string b = std::to_string(batch);
    ::execl(kBin, kBin, "index", "-", "--db", db.c_str(), "--batch", b.c_str(), nullptr);
    ::_exit(127);
  }
  ::close(fds[0]);
  return {pid, fds[1]};
}

// Waits until the archive has `n` reports committed (false after `seconds`).
bool wait_for(const fs::path& db, long long n, double seconds) {
  auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (archive_count(db, "reports") >= n) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

// FTS5's own check that its index matches the blocks (it needs a writable connection).
std::string fts_check(const fs::path& db) {
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  int rc = sqlite3_exec(h, "INSERT INTO blocks_fts(blocks_fts) VALUES('integrity-check')", nullptr,
                        nullptr, nullptr);
  std::string out = rc == SQLITE_OK ? "ok" : sqlite3_errmsg(h);
  sqlite3_close(h);
  return out;
}

void expect_consistent(const fs::path& db) {
  EXPECT_EQ(archive_scalar(db, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(fts_check(db), "ok");
  // Every report is whole: its blocks, analysts and history came with it.
  EXPECT_EQ(
      archive_scalar(db,
                     "SELECT count(*) FROM reports r WHERE (SELECT count(*) FROM blocks b "
                     "WHERE b.report_id = r.id) != 78 OR (SELECT count(*) FROM rating_history "
                     "h WHERE h.report_id = r.id) != 9"),
      "0");
}

// Deterministic: the writer is killed while it waits, mid-batch, for the next record.
TEST_F(Index, KilledMidBatchKeepsCommittedBatchesAndResumes) {
  std::signal(SIGPIPE, SIG_IGN);
  fs::path all = copies(12, "all.jsonl");
  std::string lines = read_file(all);
  Writer w = start_index(db(), 5);
  ASSERT_GT(w.pid, 0);
  ASSERT_EQ(::write(w.in, lines.data(), lines.size()), static_cast<ssize_t>(lines.size()));
  // 12 records: two batches of 5 committed, 2 written into the third and left open.
  ASSERT_TRUE(wait_for(db(), 10, 60));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  ::kill(w.pid, SIGKILL);
  int status = 0;
  ::waitpid(w.pid, &status, 0);
  ::close(w.in);
  EXPECT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(archive_count(db(), "reports"), 10);
  expect_consistent(db());

  auto rerun = run_kreport("index " + q(all) + " --db " + q(db()));
  EXPECT_EQ(rerun.code, 0) << rerun.err;
  EXPECT_EQ(rerun.err.rfind("kreport: 2 indexed, 0 replaced, 10 skipped, 0 invalid (", 0), 0u)
      << rerun.err;
  EXPECT_EQ(archive_count(db(), "reports"), 12);
  expect_consistent(db());
}

// Killed at whatever point it had reached while writing: only whole batches are there.
TEST_F(Index, KilledWhileWritingLeavesWholeBatches) {
  std::signal(SIGPIPE, SIG_IGN);  // the feeder writes on after the kill
  constexpr int kRecords = 150, kBatch = 7;
  fs::path all = copies(kRecords, "all.jsonl");
  std::string lines = read_file(all);
  Writer w = start_index(db(), kBatch);
  ASSERT_GT(w.pid, 0);
  std::thread feed([&] {
    ssize_t ignored = ::write(w.in, lines.data(), lines.size());  // fails once killed
    (void)ignored;
  });
  ASSERT_TRUE(wait_for(db(), kBatch, 60));
  ::kill(w.pid, SIGKILL);
  ::waitpid(w.pid, nullptr, 0);
  ::close(w.in);
  feed.join();
  long long committed = archive_count(db(), "reports");
  EXPECT_LT(committed, kRecords);  // killed mid-way
  EXPECT_EQ(committed % kBatch, 0);
  expect_consistent(db());

  auto rerun = run_kreport("index -q " + q(all) + " --db " + q(db()));
  EXPECT_EQ(rerun.code, 0) << rerun.err;
  EXPECT_EQ(archive_count(db(), "reports"), kRecords);
  expect_consistent(db());
}

}  // namespace
