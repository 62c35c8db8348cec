// The archive (issue 20): indexing the fixture records (tests/golden) and the hand-written
// ones that carry estimates, rating histories and analysts (tests/index/records), then
// every named query's exact answer.
#include "kreport/index.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../../src/index/query_internal.h"
#include "kreport/error.h"

namespace fs = std::filesystem;
using namespace kreport;

namespace {

fs::path source(const std::string& rel) {
  return fs::path(KREPORT_SOURCE_DIR) / rel;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs fixed SQL on an archive from outside kreport, as any SQLite user would.
std::string sqlite_scalar(const fs::path& db, const char* sql) {
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  sqlite3_stmt* st = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(h, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
      sqlite3_column_text(st, 0))
    out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  else
    out = std::string("error: ") + sqlite3_errmsg(h);
  sqlite3_finalize(st);
  sqlite3_close(h);
  return out;
}

std::string sqlite_exec(const fs::path& db, const char* sql) {
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  std::string out = sqlite3_exec(h, sql, nullptr, nullptr, nullptr) == SQLITE_OK
                        ? "ok"
                        : std::string("error: ") + sqlite3_errmsg(h);
  sqlite3_close(h);
  return out;
}

class Archive : public testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() / ("kreport-archive-" + std::to_string(::getpid()) + "-" +
                                     testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string db(const std::string& name = "archive.sqlite") const {
    return (dir_ / name).string();
  }

  IndexResult index(const std::vector<std::string>& inputs, const std::string& name = "",
                    bool force = false) {
    IndexOptions options;
    options.db_path = db(name.empty() ? "archive.sqlite" : name);
    options.force = force;
    events_.clear();
    return index_records(inputs, options, [&](const IndexEvent& e) { events_.push_back(e); });
  }

  IndexResult index_fixtures(const std::string& name = "") {
    return index({source("tests/golden").string(), source("tests/index/records").string()}, name);
  }

  std::string ask(const std::string& name, const std::vector<std::string>& args,
                  QueryOptions options = {}) {
    return format_jsonl(run_query(db(), name, args, options));
  }

  fs::path dir_;
  std::vector<IndexEvent> events_;
};

int json_files_in(const std::string& rel) {
  int n = 0;
  for (const auto& e : fs::directory_iterator(source(rel))) n += e.path().extension() == ".json";
  return n;
}

size_t golden_estimates() {
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(source("tests/golden")))
    if (e.path().extension() == ".json")
      n +=
          nlohmann::json::parse(slurp(e.path())).value("estimates", nlohmann::json::array()).size();
  return n;
}

size_t golden_peer_values() {
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(source("tests/golden")))
    if (e.path().extension() == ".json")
      for (const auto& p :
           nlohmann::json::parse(slurp(e.path())).value("peers", nlohmann::json::array()))
        n += p.value("values", nlohmann::json::array()).size();
  return n;
}

// Counted from the folders, so a new golden record needs no edit here; 6 are hand-written.
const int kGoldenRecords = json_files_in("tests/golden"), kHandWritten = 6;

TEST_F(Archive, IndexesEveryFixtureRecordOfEverySchemaVersion) {
  IndexResult r = index_fixtures();
  EXPECT_EQ(r.indexed, kGoldenRecords + kHandWritten);
  EXPECT_EQ(r.invalid + r.skipped + r.replaced + r.unreadable, 0);
  EXPECT_EQ(sqlite_scalar(db(),
                          "SELECT group_concat(schema_version) FROM "
                          "(SELECT DISTINCT schema_version FROM reports ORDER BY 1)"),
            "1.0,1.1,1.2,1.3,1.5");
  EXPECT_EQ(sqlite_scalar(db(), "PRAGMA user_version"), std::to_string(kArchiveVersion));
  // The hand-written records' 11 and every fixture record's own.
  EXPECT_EQ(sqlite_scalar(db(), "SELECT count(*) FROM estimates"),
            std::to_string(11 + golden_estimates()));
  // 25 + 5 + 1; china_weekly's valuation table of 8 companies, peer_tables' 16 (issue 32)
  EXPECT_EQ(sqlite_scalar(db(), "SELECT count(*) FROM peers"), "55");
  // Every value of every fixture record's peers (schema 1.4); the hand-written ones have none.
  EXPECT_EQ(sqlite_scalar(db(), "SELECT count(*) FROM peer_values"),
            std::to_string(golden_peer_values()));
  EXPECT_EQ(sqlite_scalar(db(), "SELECT count(*) FROM blocks WHERE type = 'table_ref'"),
            sqlite_scalar(db(), "SELECT count(*) FROM blocks WHERE text IS NULL"));
  EXPECT_EQ(sqlite_scalar(db(),
                          "SELECT json_extract(rows, '$[1][2]') FROM tables t "
                          "JOIN reports r ON r.id = t.report_id WHERE r.broker = 'mirae' "
                          "AND r.ticker = '005930'"),
            "35000");
}

TEST_F(Archive, TargetPricesAcrossFirms) {
  index_fixtures();
  // Kiwoom's own report wins over its history row of the same day (2024-11-14); of the three
  // identical Kiwoom fixtures the one with the smallest sha256 is named. SK's 2025 history
  // repeats its 2024-12-02 report, which appears once.
  EXPECT_EQ(
      ask("target-prices", {"삼성전자"}, {"2024-10-01", "", 0, ""}),
      R"({"date":"2024-10-08","broker":"kiwoom","rating":"buy","target_price":95000,"source":"history","report":"fixtures/odd/owner_only.pdf"}
{"date":"2024-10-15","broker":"mirae","rating":"buy","target_price":85000,"source":"history","report":"reports/mirae_005930_20250110.pdf"}
{"date":"2024-10-31","broker":"kiwoom","rating":"buy","target_price":95000,"source":"history","report":"fixtures/odd/owner_only.pdf"}
{"date":"2024-11-14","broker":"kiwoom","rating":"buy","target_price":95000,"source":"report","report":"fixtures/odd/owner_only.pdf"}
{"date":"2024-12-02","broker":"sk","rating":"buy","target_price":80000,"source":"report","report":"reports/sk_005930_20241202.pdf"}
{"date":"2025-01-10","broker":"mirae","rating":"buy","target_price":90000,"source":"report","report":"reports/mirae_005930_20250110.pdf"}
{"date":"2025-02-03","broker":"hanwha","rating":"buy","target_price":88000,"source":"report","report":"reports/hanwha_005930_20250203.pdf"}
{"date":"2025-03-05","broker":"sk","rating":"hold","target_price":75000,"source":"report","report":"reports/sk_005930_20250305.pdf"}
)");
  QueryResult all = run_query(db(), "target-prices", {"005930"}, {});
  EXPECT_EQ(all.rows.size(), 15u);  // 8 Kiwoom history + 1 report, Mirae 2 + 1, SK 2, Hanwha 1
  EXPECT_EQ(
      ask("target-prices", {"000660"}, {"", "2023-03-01", 0, ""}),
      R"({"date":"2023-01-05","broker":"kb","rating":"buy","target_price":110000,"source":"history","report":"reports/kb_000660_20230601.pdf"}
)");
}

TEST_F(Archive, ForecastsAreEachFirmsLatest) {
  index_fixtures();
  // SK's 2025-03-05 report (31,500) supersedes its 2024-12-02 one (33,000); Mirae's author
  // is its analyst, not the research assistant listed with her. Kiwoom's is the fixtures'
  // (three copies of one report, one date: the lowest sha256 stands for them).
  EXPECT_EQ(
      ask("forecasts", {"005930", "operating_profit", "2025"}),
      R"({"broker":"hanwha","published":"2025-02-03","analyst":"이준호","period":"2025E","kind":"forecast","value":382000,"unit":"억원","basis":"consolidated","report":"reports/hanwha_005930_20250203.pdf"}
{"broker":"kiwoom","published":"2024-11-14","analyst":"박성민","period":"2025F","kind":"forecast","value":45600,"unit":"십억원","basis":"consolidated","report":"fixtures/odd/owner_only.pdf"}
{"broker":"mirae","published":"2025-01-10","analyst":"김도윤","period":"2025F","kind":"forecast","value":35000,"unit":"십억원","basis":"consolidated","report":"reports/mirae_005930_20250110.pdf"}
{"broker":"sk","published":"2025-03-05","analyst":"김도윤","period":"2025E","kind":"forecast","value":31500,"unit":"십억원","basis":"consolidated","report":"reports/sk_005930_20250305.pdf"}
)");
  // As of the end of 2024, SK's forecast was the earlier one.
  EXPECT_NE(ask("forecasts", {"005930", "operating_profit", "2025"}, {"", "2024-12-31", 0, ""})
                .find(R"("value":33000)"),
            std::string::npos);
  EXPECT_EQ(ask("forecasts", {"000660", "operating_profit", "2025"}), "");
}

TEST_F(Archive, SpreadConvertsWonUnits) {
  index_fixtures();
  // Hanwha's 382,000억원 is 38,200십억원; mean (31,500 + 35,000 + 38,200 + 45,600) / 4 =
  // 37,575; spread 14,100 = 37.52% of the mean.
  EXPECT_EQ(
      ask("spread", {"005930", "operating_profit", "2025"}),
      R"({"ticker":"005930","metric":"operating_profit","fiscal_year":2025,"unit":"십억원","firms":4,"low":31500,"low_broker":"sk","high":45600,"high_broker":"kiwoom","mean":37575,"median":36600,"spread":14100,"spread_pct":37.52,"excluded":0}
)");
  EXPECT_EQ(ask("spread", {"005930", "revenue", "2030"}), "");
}

TEST_F(Archive, RevisionsSayWhoRaisedOrCutWhatWhenByHowMuch) {
  index_fixtures();
  // SK cut its target and its 2025 operating profit; its copy of the cut in 조원 (a later row
  // of the same report) is no second revision. Mirae kept its target and raised 2025.
  EXPECT_EQ(
      ask("revisions", {"삼성전자"}, {"2025-01-01", "", 0, ""}),
      R"({"published":"2025-01-10","broker":"mirae","analyst":"김도윤","metric":"target_price","fiscal_year":null,"fiscal_quarter":null,"previous":90000,"value":90000,"unit":"원","change":0,"change_pct":0.0,"direction":"kept","report":"reports/mirae_005930_20250110.pdf"}
{"published":"2025-01-10","broker":"mirae","analyst":"김도윤","metric":"operating_profit","fiscal_year":2025,"fiscal_quarter":null,"previous":34200,"value":35000,"unit":"십억원","change":800,"change_pct":2.34,"direction":"raised","report":"reports/mirae_005930_20250110.pdf"}
{"published":"2025-01-10","broker":"mirae","analyst":"김도윤","metric":"operating_profit","fiscal_year":2024,"fiscal_quarter":4,"previous":7700,"value":6500,"unit":"십억원","change":-1200,"change_pct":-15.58,"direction":"cut","report":"reports/mirae_005930_20250110.pdf"}
{"published":"2025-03-05","broker":"sk","analyst":"김도윤","metric":"target_price","fiscal_year":null,"fiscal_quarter":null,"previous":80000,"value":75000,"unit":"원","change":-5000,"change_pct":-6.25,"direction":"cut","report":"reports/sk_005930_20250305.pdf"}
{"published":"2025-03-05","broker":"sk","analyst":"김도윤","metric":"operating_profit","fiscal_year":2025,"fiscal_quarter":null,"previous":33000,"value":31500,"unit":"십억원","change":-1500,"change_pct":-4.55,"direction":"cut","report":"reports/sk_005930_20250305.pdf"}
{"published":"2025-03-05","broker":"sk","analyst":"김도윤","metric":"operating_profit","fiscal_year":2026,"fiscal_quarter":null,"previous":41000,"value":40100,"unit":"십억원","change":-900,"change_pct":-2.2,"direction":"cut","report":"reports/sk_005930_20250305.pdf"}
{"published":"2025-03-05","broker":"sk","analyst":"김도윤","metric":"operating_profit","fiscal_year":2025,"fiscal_quarter":1,"previous":6800,"value":5900,"unit":"십억원","change":-900,"change_pct":-13.24,"direction":"cut","report":"reports/sk_005930_20250305.pdf"}
)");
  // The fixture reports (five copies of one Kiwoom report) keep their target: one row.
  EXPECT_EQ(
      ask("revisions", {"005930"}, {"", "2024-12-31", 0, ""}),
      R"({"published":"2024-11-14","broker":"kiwoom","analyst":"박성민","metric":"target_price","fiscal_year":null,"fiscal_quarter":null,"previous":95000,"value":95000,"unit":"원","change":0,"change_pct":0.0,"direction":"kept","report":"fixtures/odd/owner_only.pdf"}
)");
  EXPECT_EQ(ask("revisions", {"000660"}), "");
}

TEST_F(Archive, QuartersAreEachFirmsLatestForecastOfTheQuarter) {
  index_fixtures();
  std::string q1 =
      R"({"broker":"kiwoom","published":"2024-11-14","analyst":"박성민","period":"2025F 1QF","kind":"forecast","value":9.3,"previous_value":null,"consensus":null,"unit":"조원","basis":null,"report":"fixtures/odd/owner_only.pdf"}
{"broker":"mirae","published":"2025-01-10","analyst":"김도윤","period":"1Q25F","kind":"forecast","value":7200,"previous_value":null,"consensus":7000,"unit":"십억원","basis":"consolidated","report":"reports/mirae_005930_20250110.pdf"}
{"broker":"sk","published":"2025-03-05","analyst":"김도윤","period":"1Q25E","kind":"forecast","value":5900,"previous_value":6800,"consensus":6300,"unit":"십억원","basis":"consolidated","report":"reports/sk_005930_20250305.pdf"}
)";
  // Every way of writing the quarter asks the same.
  for (const char* quarter : {"1Q25", "1Q25F", "2025 1Q", "1Q2025", "2025Q1", "2025-Q1"})
    EXPECT_EQ(ask("quarters", {"005930", "operating_profit", quarter}), q1) << quarter;
  // A quarter no firm forecasts: nothing, never the year's row (that is forecasts').
  EXPECT_EQ(ask("quarters", {"005930", "operating_profit", "1Q26"}), "");
}

TEST_F(Archive, AVersionOneArchiveIsBroughtUpToDate) {
  index({source("tests/index/records/sk_005930_20250305.json").string()});
  // As version 1 left it: without the columns version 2 adds.
  ASSERT_EQ(sqlite_exec(db(),
                        "ALTER TABLE reports DROP COLUMN previous_target;"
                        "DROP INDEX estimates_metric;"
                        "ALTER TABLE estimates DROP COLUMN fiscal_quarter;"
                        "ALTER TABLE estimates DROP COLUMN previous_value;"
                        "ALTER TABLE estimates DROP COLUMN consensus;"
                        "ALTER TABLE estimates DROP COLUMN scale;"
                        "ALTER TABLE estimates DROP COLUMN currency;"
                        "ALTER TABLE estimates DROP COLUMN fiscal_year_end;"
                        "CREATE INDEX estimates_metric ON estimates(metric, fiscal_year);"
                        "DROP TABLE peer_values; DROP INDEX peers_name;"
                        "PRAGMA user_version=1"),
            "ok");
  // A question opens it: the columns are there, NULL for the rows version 1 wrote.
  EXPECT_EQ(ask("revisions", {"005930"}), "");
  EXPECT_EQ(sqlite_scalar(db(), "PRAGMA user_version"), std::to_string(kArchiveVersion));
  EXPECT_EQ(sqlite_scalar(db(), "SELECT count(*) FROM estimates WHERE previous_value IS NULL"),
            "4");
  // Indexing again fills them.
  index({source("tests/index/records/sk_005930_20250305.json").string()}, "", true);
  EXPECT_NE(ask("revisions", {"005930"}).find(R"("previous":33000)"), std::string::npos);
}

TEST_F(Archive, SearchFindsPartialWordsInAnyCase) {
  index_fixtures();
  // "HBM" inside "HBM3E", and Korean text; newest first.
  EXPECT_EQ(
      ask("search", {"HBM"}, {"2025-01-01", "2025-06-30", 0, ""}),
      R"({"published":"2025-03-05","broker":"sk","ticker":"005930","page":1,"snippet":"«HBM» 인증 지연으로 2025년 영업이익 추정치를 31.5조…","report":"reports/sk_005930_20250305.pdf"}
{"published":"2025-01-10","broker":"mirae","ticker":"005930","page":1,"snippet":"«HBM»3E 12단 양산 본격화","report":"reports/mirae_005930_20250110.pdf"}
{"published":"2025-01-10","broker":"mirae","ticker":"005930","page":1,"snippet":"…은 35.0조원으로 전년 대비 7% 증가할 전망이다. «HBM» 매출 비중 확대가 이익을 견인한다.","report":"reports/mirae_005930_20250110.pdf"}
)");
  EXPECT_EQ(
      ask("search", {"Hbm"}, {"", "2023-12-31", 0, ""}),
      R"({"published":"2023-06-01","broker":"kb","ticker":"000660","page":1,"snippet":"생성형 AI 확산으로 «hbm» 수요가 급증하고 있다.","report":"reports/kb_000660_20230601.pdf"}
)");
  // Five hand-written records, the three copies of Kiwoom's, the two image-text ones, two
  // paragraphs of layout_classes, two of estimates_forms, four of regions_classes and
  // sixteen of ocr_long_report's OCR'd pages (one match a block).
  EXPECT_EQ(run_query(db(), "search", {"영업이익"}, {}).rows.size(), 34u);
  EXPECT_EQ(run_query(db(), "search", {"영업이익"}, {"", "", 2, ""}).rows.size(), 2u);
}

// SQLite 3.40's trigram LIKE takes two Hangul syllables for a trigram and finds nothing.
TEST_F(Archive, Regression_SearchTwoHangulSyllables) {
  index_fixtures();
  EXPECT_EQ(
      // Up to 2025-03-10: ocr_long_report's OCR'd pages (2025-03-12) say 이익 as OCR reads it.
      ask("search", {"이익"}, {"2025-01-01", "2025-03-10", 0, ""}),
      R"({"published":"2025-03-05","broker":"sk","ticker":"005930","page":1,"snippet":"HBM 인증 지연으로 2025년 영업«이익» 추정치를 31.5조원으로 낮춘다.","report":"reports/sk_005930_20250305.pdf"}
{"published":"2025-02-03","broker":"hanwha","ticker":"005930","page":1,"snippet":"- 2025년 영업«이익» 38.2조원(382,000억원) 전망","report":"reports/hanwha_005930_20250203.pdf"}
{"published":"2025-01-10","broker":"mirae","ticker":"005930","page":1,"snippet":"2025년 영업«이익»은 35.0조원으로 전년 대비 7% 증가할 전망이다. …","report":"reports/mirae_005930_20250110.pdf"}
)");
  EXPECT_EQ(run_query(db(), "search", {"AI"}, {"", "2025-12-31", 0, ""}).rows.size(),
            run_query(db(), "search", {"ai"}, {"", "2025-12-31", 0, ""}).rows.size());
}

TEST_F(Archive, SearchTakesTextLiterally) {
  index_fixtures();
  std::string nh = R"({"published":"2022-05-02","broker":"nh","ticker":null,"page":1,"snippet":")";
  EXPECT_EQ(ask("search", {"\"재고\" 조정"}).rfind(nh, 0), 0u);
  EXPECT_EQ(ask("search", {"100%"}).rfind(nh, 0), 0u);
  EXPECT_EQ(ask("search", {"재고 OR 조정"}), "");  // as FTS5 syntax it would find nh
  // Typed decomposed (NFD, as macOS does), found composed.
  std::string composed = ask("search", {"재고"});
  EXPECT_NE(composed.find(nh), std::string::npos);
  EXPECT_EQ(ask("search", {"\xE1\x84\x8C\xE1\x85\xA2\xE1\x84\x80\xE1\x85\xA9"}), composed);
}

TEST_F(Archive, ReportsByAnalyst) {
  index_fixtures();
  // The 1.1 record has no roles: NULL, not a guess.
  EXPECT_EQ(
      ask("analyst", {"김도윤"}),
      R"({"published":"2025-03-05","broker":"sk","analyst":"김도윤","role":"analyst","ticker":"005930","company":"삼성전자","rating":"hold","target_price":75000,"title":"눈높이를 낮출 때","report":"reports/sk_005930_20250305.pdf"}
{"published":"2025-01-10","broker":"mirae","analyst":"김도윤","role":"analyst","ticker":"005930","company":"삼성전자","rating":"buy","target_price":90000,"title":"HBM3E 12단 양산 본격화","report":"reports/mirae_005930_20250110.pdf"}
{"published":"2023-06-01","broker":"kb","analyst":"김도윤","role":null,"ticker":"000660","company":"SK하이닉스","rating":"buy","target_price":150000,"title":"HBM 수요 급증의 수혜","report":"reports/kb_000660_20230601.pdf"}
)");
  EXPECT_EQ(run_query(db(), "analyst", {"Doyun.Kim@miraeasset.com"}, {}).rows.size(), 1u);
  EXPECT_EQ(run_query(db(), "analyst", {"정하은"}, {}).rows.size(), 1u);
}

// The rows of a JSON Lines answer.
std::vector<nlohmann::json> rows_of(const std::string& jsonl) {
  std::vector<nlohmann::json> rows;
  std::istringstream in(jsonl);
  for (std::string line; std::getline(in, line);) rows.push_back(nlohmann::json::parse(line));
  return rows;
}

// Issue 32: every report that compared a company, with whom, at which multiples.
TEST_F(Archive, PeersAreEveryTableThatComparedTheCompany) {
  index_fixtures();
  // By ticker, by name as printed, in any case: the global peer table of peer_tables, its
  // three companies with every value each prints, the subject's own rows marked.
  std::string by_ticker = ask("peers", {"BE"});
  EXPECT_EQ(ask("peers", {"bloom energy"}), by_ticker);
  EXPECT_EQ(ask("peers", {"BLOOM ENERGY"}), by_ticker);
  std::vector<nlohmann::json> rows = rows_of(by_ticker);
  ASSERT_EQ(rows.size(), 12u);  // 3 companies x (market cap, PER, PBR, ROE)
  EXPECT_EQ(
      rows[1],
      nlohmann::json::parse(
          R"({"published":"2025-03-05","broker":null,"table":"t1","peer":"BLOOM ENERGY","ticker":"BE","market":"US","subject":1,"metric":"per","label":"PER(배) / 2025F","period":"2025F","value":41.2,"unit":"배","report":"fixtures/peer_tables.pdf"})"));
  std::vector<std::string> peers;
  for (const auto& r : rows) {
    EXPECT_EQ(r["table"], "t1");
    EXPECT_EQ(r["subject"], r["peer"] == "BLOOM ENERGY" ? 1 : 0) << r.dump();
    if (peers.empty() || peers.back() != r["peer"]) peers.push_back(r["peer"]);
  }
  EXPECT_EQ(peers, (std::vector<std::string>{"BLOOM ENERGY", "PLUG POWER", "CERES POWER"}));
  // The coverage table continued across a page break: one table, its companies in order.
  peers.clear();
  for (const auto& r : rows_of(ask("peers", {"SK이노베이션"})))
    if (peers.empty() ||
        peers.back() != r["table"].get<std::string>() + " " + r["peer"].get<std::string>())
      peers.push_back(r["table"].get<std::string>() + " " + r["peer"].get<std::string>());
  EXPECT_EQ(peers,
            (std::vector<std::string>{"t3 두산퓨얼셀", "t3 SK이노베이션", "t3 한화솔루션",
                                      "t3 효성중공업", "t3 LS ELECTRIC", "t3 HD현대일렉트릭"}));
  // The transposed peer group: a company per column, its values row by row.
  rows = rows_of(ask("peers", {"에스퓨얼셀"}));
  ASSERT_EQ(rows.size(), 12u);
  EXPECT_EQ(rows[1]["metric"], "market_cap");
  EXPECT_EQ(rows[1]["subject"], 0);
  EXPECT_EQ(rows[5]["peer"], "에스퓨얼셀");
  EXPECT_EQ(rows[5]["subject"], 1);
  // A report on the company compares it with its peers though they never list it; a peer of
  // a schema 1.3 record has no values: one row of NULLs.
  EXPECT_EQ(
      ask("peers", {"삼성전자"}),
      R"({"published":"2025-03-05","broker":"sk","table":"t2","peer":"SK하이닉스","ticker":"000660","market":"KS","subject":0,"metric":null,"label":null,"period":null,"value":null,"unit":null,"report":"reports/sk_005930_20250305.pdf"}
)");
  EXPECT_EQ(ask("peers", {"005930"}), ask("peers", {"삼성전자"}));
  // Newest report first; --since keeps the later one (SK's, where it is a peer without values).
  rows = rows_of(ask("peers", {"SK하이닉스"}));
  ASSERT_EQ(rows.size(), 1u + 25 * 9);  // SK's one row, Mirae's 25 companies x 9 values
  EXPECT_EQ(rows[0]["report"], "reports/sk_005930_20250305.pdf");
  EXPECT_EQ(rows[0]["subject"], 1);
  EXPECT_EQ(rows[1]["report"], "fixtures/mirae_ai_weekly.pdf");
  EXPECT_EQ(run_query(db(), "peers", {"SK하이닉스"}, {"2025-01-01", "", 0, ""}).rows.size(), 1u);
  EXPECT_EQ(ask("peers", {"no such company"}), "");
}

TEST_F(Archive, AVersionTwoArchiveGainsPeerValues) {
  std::string record = source("tests/golden/peer_tables.json").string();
  index({record});
  // As version 2 left it: peers, without their values.
  ASSERT_EQ(sqlite_exec(db(),
                        "DROP TABLE peer_values; DROP INDEX peers_name; "
                        "PRAGMA user_version=2"),
            "ok");
  // A question opens it: the table is there, empty; the peers answer without values.
  std::vector<nlohmann::json> rows = rows_of(ask("peers", {"BE"}));
  EXPECT_EQ(sqlite_scalar(db(), "PRAGMA user_version"), std::to_string(kArchiveVersion));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_TRUE(rows[0]["metric"].is_null());
  // Indexing the record again fills them.
  index({record}, "", true);
  EXPECT_EQ(rows_of(ask("peers", {"BE"})).size(), 12u);
}

TEST_F(Archive, SameRecordsSameAnswersWhateverTheOrder) {
  index_fixtures();
  std::vector<std::string> files;
  for (const char* d : {"tests/index/records", "tests/golden"})
    for (auto& e : fs::directory_iterator(source(d))) files.push_back(e.path().string());
  std::sort(files.rbegin(), files.rend());
  index(files, "reversed.sqlite");
  for (const NamedQuery& q : named_queries()) {
    std::vector<std::string> args = {"005930", "operating_profit", "2025"};
    if (q.args.size() == 1) args = {q.name == std::string("search") ? "HBM" : "005930"};
    if (q.name == std::string("analyst")) args = {"김도윤"};
    if (q.name == std::string("quarters")) args = {"005930", "operating_profit", "1Q25"};
    if (q.name == std::string("peers")) args = {"SK하이닉스"};
    std::string a = format_jsonl(run_query(db(), q.name, args, {}));
    std::string b = format_jsonl(run_query(db("reversed.sqlite"), q.name, args, {}));
    EXPECT_FALSE(a.empty()) << q.name;
    EXPECT_EQ(a, b) << q.name;
  }
}

// Writes `record` with its extractor version changed, as a newer kreport would.
std::string with_version(const fs::path& dir, const std::string& record, const std::string& v,
                         double target) {
  nlohmann::json j = nlohmann::json::parse(slurp(source(record)));
  j["extractor"]["version"] = v;
  j["document"]["recommendation"]["target_price"]["value"] = target;
  fs::path out = dir / ("v" + v + ".json");
  std::ofstream(out) << j.dump();
  return out.string();
}

TEST_F(Archive, RerunSkipsNewerVersionReplaces) {
  index_fixtures();
  size_t foundry = run_query(db(), "search", {"파운드리"}, {}).rows.size();
  IndexResult again = index_fixtures();
  EXPECT_EQ(again.skipped, kGoldenRecords + kHandWritten);
  EXPECT_EQ(again.indexed + again.replaced, 0);
  EXPECT_EQ(events_.front().message, "up to date");

  const std::string rec = "tests/index/records/hanwha_005930_20250203.json";
  IndexResult newer = index({with_version(dir_, rec, "0.10.0", 91000)});
  EXPECT_EQ(newer.replaced, 1);
  EXPECT_NE(ask("target-prices", {"005930"}, {"2025-02-03", "2025-02-03", 0, ""}).find("91000"),
            std::string::npos);
  EXPECT_EQ(sqlite_scalar(db(), "SELECT count(*) FROM reports"),
            std::to_string(kGoldenRecords + kHandWritten));

  IndexResult older = index({with_version(dir_, rec, "0.9.9", 1000)});
  EXPECT_EQ(older.skipped, 1);
  EXPECT_EQ(events_.front().message, "the archive holds it from a newer kreport (0.10.0)");
  IndexResult forced = index({source(rec).string()}, "", true);
  EXPECT_EQ(forced.replaced, 1);
  EXPECT_EQ(sqlite_scalar(db(),
                          "SELECT target_price FROM reports WHERE broker = 'hanwha' AND "
                          "ticker = '005930'"),
            "88000");
  // The full-text index followed every replacement.
  EXPECT_EQ(sqlite_exec(db(), "INSERT INTO blocks_fts(blocks_fts) VALUES('integrity-check')"),
            "ok");
  EXPECT_EQ(run_query(db(), "search", {"파운드리"}, {}).rows.size(), foundry);
  EXPECT_EQ(sqlite_scalar(db(),
                          "SELECT count(*) FROM blocks_fts WHERE blocks_fts MATCH "
                          "'\"파운드리\"'"),
            std::to_string(foundry));
  EXPECT_EQ(sqlite_scalar(db(), "SELECT count(*) FROM blocks_fts"),
            sqlite_scalar(db(), "SELECT count(*) FROM blocks"));
}

TEST_F(Archive, InvalidRecordsAreReportedTheRestIndexed) {
  nlohmann::json bad = nlohmann::json::parse(slurp(source("tests/golden/sk_weekly.json")));
  bad["document"]["published"] = "2025-13-45";
  std::ofstream(dir_ / "bad.json") << bad.dump();
  std::ofstream(dir_ / "lines.jsonl") << "42\n{\"schema\": \"kreport.batch_summary\"}\n";
  IndexResult r = index({(dir_ / "bad.json").string(), (dir_ / "lines.jsonl").string(),
                         (dir_ / "missing.json").string(),
                         source("tests/index/records/sk_005930_20241202.json").string()});
  EXPECT_EQ(r.indexed, 1);
  EXPECT_EQ(r.invalid, 3);
  EXPECT_EQ(r.unreadable, 1);
  ASSERT_EQ(events_.size(), 5u);
  EXPECT_EQ(events_[0].input, (dir_ / "bad.json").string());
  EXPECT_EQ(events_[0].message,
            "/document/published: Failed to match regex specified by 'pattern' constraint. "
            "(value: \"2025-13-45\")");
  EXPECT_EQ(events_[1].input, (dir_ / "lines.jsonl").string() + ":1");
  EXPECT_EQ(events_[1].message, "(record): not a JSON object");
  EXPECT_EQ(events_[2].input, (dir_ / "lines.jsonl").string() + ":2");
  EXPECT_EQ(events_[2].status, "invalid");
  EXPECT_EQ(events_[3].status, "unreadable");
  EXPECT_EQ(events_[4].status, "indexed");
}

void set_user_version(const std::string& db, int v) {
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  sqlite3_exec(h, ("PRAGMA user_version=" + std::to_string(v)).c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(h);
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return std::string(errc_name(e.code())) + ": " + describe(e);
  }
  return "no error";
}

TEST_F(Archive, NewerSchemaVersionIsRefused) {
  index({source("tests/index/records/sk_005930_20241202.json").string()});
  set_user_version(db(), kArchiveVersion + 1);
  std::string expected = "invalid: " + db() + ": archive schema version " +
                         std::to_string(kArchiveVersion + 1) +
                         " is newer than this kreport reads (" + std::to_string(kArchiveVersion) +
                         "): use a newer kreport";
  EXPECT_EQ(error_of([&] { index_fixtures(); }), expected);
  EXPECT_EQ(error_of([&] { run_query(db(), "analyst", {"한동희"}, {}); }), expected);
  EXPECT_EQ(sqlite_scalar(db(), "SELECT count(*) FROM reports"), "1");  // left as it was
}

// Issue 40 (D13): a database that says it is an archive but lacks kreport's tables is "not a
// kreport archive" (exit 2), never an SQLite error taken for a bug.
TEST_F(Archive, Regression_ArchiveWithATableMissingIsNotAnArchive) {
  index_fixtures();
  ASSERT_EQ(sqlite_exec(db(), "DROP TABLE blocks"), "ok");
  std::string expected =
      "invalid: " + db() + ": not a kreport archive (user_version 3 but no table blocks)";
  EXPECT_EQ(error_of([&] { run_query(db(), "search", {"HBM"}, {}); }), expected);
  EXPECT_EQ(error_of([&] { index_fixtures(); }), expected);
  sqlite_exec(db("other.sqlite"), "CREATE TABLE foo(x); PRAGMA user_version=1");
  EXPECT_EQ(error_of([&] { run_query(db("other.sqlite"), "analyst", {"x"}, {}); }),
            "invalid: " + db("other.sqlite") +
                ": not a kreport archive (user_version 1 but no table reports)");
}

TEST_F(Archive, OtherFilesAreNotArchives) {
  std::ofstream(db("text.sqlite")) << "just some text, long enough to be a header of a file....";
  EXPECT_EQ(error_of([&] { run_query(db("text.sqlite"), "analyst", {"x"}, {}); }),
            "invalid: " + db("text.sqlite") + ": not a kreport archive (not an SQLite database)");
  EXPECT_EQ(error_of([&] { index_fixtures("text.sqlite"); }),
            "invalid: " + db("text.sqlite") + ": not a kreport archive (not an SQLite database)");
  sqlite_scalar(db("other.sqlite"), "CREATE TABLE notes (x)");
  EXPECT_EQ(error_of([&] { index_fixtures("other.sqlite"); }),
            "invalid: " + db("other.sqlite") +
                ": not a kreport archive (an SQLite database without kreport's tables)");
  EXPECT_EQ(error_of([&] { run_query(db("none.sqlite"), "analyst", {"x"}, {}); }),
            "io: " + db("none.sqlite") + ": no such archive (make one with kreport index)");
  EXPECT_FALSE(fs::exists(db("none.sqlite")));
}

TEST_F(Archive, QueryUsageErrors) {
  index_fixtures();
  EXPECT_EQ(error_of([&] { run_query(db(), "prices", {}, {}); }),
            "usage: unknown query \"prices\" (known: target-prices, forecasts, spread, quarters, "
            "revisions, search, text, analyst, peers)");
  EXPECT_EQ(error_of([&] {
              run_query(db(), "quarters", {"005930", "eps", "2025"}, {});
            }),
            "usage: QUARTER must be a quarter such as 2Q25 or 2025Q2, not \"2025\"");
  EXPECT_EQ(error_of([&] { run_query(db(), "spread", {"005930"}, {}); }),
            "usage: query spread takes TICKER METRIC YEAR (got 1 argument(s))");
  EXPECT_EQ(error_of([&] {
              run_query(db(), "spread", {"005930", "eps", "FY25"}, {});
            }),
            "usage: YEAR must be a year such as 2025, not \"FY25\"");
}

TEST(ArchiveSpread, UnitsThatDoNotConvertAreExcluded) {
  QueryResult firms;
  firms.columns = {"ticker", "broker", "value", "unit"};
  firms.rows = {{std::string("005930"), std::string("a"), 10.5, std::string("%")},
                {std::string("005930"), std::string("b"), 12LL, std::string("%")},
                {std::string("005930"), std::string("c"), 30000LL, std::string("억원")}};
  QueryResult s = archive::spread_of(firms, "op_margin", 2025);
  EXPECT_EQ(
      format_jsonl(s),
      R"({"ticker":"005930","metric":"op_margin","fiscal_year":2025,"unit":"%","firms":2,"low":10.5,"low_broker":"a","high":12,"high_broker":"b","mean":11.25,"median":11.25,"spread":1.5,"spread_pct":13.33,"excluded":1}
)");
}

TEST(ArchiveSpread, FirmsAreComparedOnValueTimesScale) {
  QueryResult firms;
  firms.columns = {"ticker", "broker", "value", "unit", "scale", "currency"};
  auto row = [](const char* broker, Value v, const char* unit, Value scale, Value currency) {
    return std::vector<Value>{
        std::string("005930"), std::string(broker), v, std::string(unit), scale, currency};
  };
  firms.rows = {row("a", 35000LL, "십억원", 1e9, std::string("KRW")),
                row("b", 382000LL, "억원", 1e8, std::string("KRW")),
                row("c", 33.1, "조원", 1e12, std::string("KRW")),
                row("d", 31500LL, "십억원", 1e9, std::string("KRW")),
                row("e", 25.0, "십억달러", 1e9, std::string("USD")),  // another currency
                row("f", 40000LL, "십억원", Value(), Value())};       // a 1.2 record
  QueryResult s = archive::spread_of(firms, "operating_profit", 2025);
  // 38,200 and 33,100 in 십억원; the dollars are left out.
  EXPECT_EQ(
      format_jsonl(s),
      R"({"ticker":"005930","metric":"operating_profit","fiscal_year":2025,"unit":"십억원","firms":5,"low":31500,"low_broker":"d","high":40000,"high_broker":"f","mean":35560,"median":35000,"spread":8500,"spread_pct":23.9,"excluded":1}
)");
}

TEST(ArchiveText, SnippetCutsAroundTheMatchInCharacters) {
  std::string ten = "일이삼사오육칠팔구십", thirty = ten + ten + ten;
  EXPECT_EQ(archive::snippet(ten + thirty + "HBM" + thirty + ten, "hbm"),
            "…" + thirty + "«HBM»" + thirty + "…");
  EXPECT_EQ(archive::snippet(thirty + "HBM" + thirty, "hbm"), thirty + "«HBM»" + thirty);
  EXPECT_EQ(archive::snippet("짧은 HBM 문장", "HBM"), "짧은 «HBM» 문장");
  EXPECT_EQ(archive::snippet("줄\n바꿈 HBM", "hbm"), "줄 바꿈 «HBM»");
}

TEST(ArchiveText, TableAlignsHangulAsTwoColumns) {
  EXPECT_EQ(archive::display_width("삼성전자 HBM"), 12u);
  QueryResult r;
  r.columns = {"broker", "analyst", "target_price"};
  r.rows = {{std::string("sk"), std::string("김도윤"), 75000LL},
            {std::string("mirae"), std::monostate{}, 1.5}};
  EXPECT_EQ(format_table(r),
            "broker  analyst  target_price\n"
            "------  -------  ------------\n"
            "sk      김도윤          75000\n"
            "mirae                     1.5\n");
}

// --section keeps one section kind: search within the summaries, and a company's summaries
// as one question (issue 31).
TEST_F(Archive, SearchAndTextKeepOneSectionKind) {
  index_fixtures();
  QueryOptions summary;
  summary.section = "summary";
  QueryResult all = run_query(db(), "search", {"영업이익"}, {});
  QueryResult lead = run_query(db(), "search", {"영업이익"}, summary);
  EXPECT_LT(lead.rows.size(), all.rows.size());
  EXPECT_FALSE(lead.rows.empty());
  // regions_classes' framed lead names 영업이익 twice; its body once more, page 2 once.
  EXPECT_EQ(
      ask("text", {"012345"}, summary),
      R"({"published":"2024-10-18","broker":"kyobo","ticker":"012345","page":1,"section":"summary","type":"heading","text":"전기차 믹스 개선이 이끄는 수익성 회복","report":"fixtures/regions_classes.pdf"}
{"published":"2024-10-18","broker":"kyobo","ticker":"012345","page":1,"section":"summary","type":"paragraph","text":"4분기 영업이익은 1,842억원으로 컨센서스를 12% 상회했다. 전기차 판매 비중이 31%까지 올라 대당 판매단가가 높아졌고, 원재료 가격 안정으로 원가율이 개선되었다.","report":"fixtures/regions_classes.pdf"}
{"published":"2024-10-18","broker":"kyobo","ticker":"012345","page":1,"section":"summary","type":"paragraph","text":"올해 영업이익은 8,120억원으로 전년 대비 18% 늘어날 전망이다. 목표주가 68,000원과 투자의견 매수를 유지한다.","report":"fixtures/regions_classes.pdf"}
)");
  // Without --section, the same company's text holds its body and sidebar too.
  EXPECT_GT(run_query(db(), "text", {"012345"}, {}).rows.size(), 3u);
  QueryOptions sidebar;
  sidebar.section = "sidebar";
  for (const auto& row : run_query(db(), "text", {"한빛모터스"}, sidebar).rows)
    EXPECT_EQ(std::get<std::string>(row[4]), "sidebar");
}

}  // namespace
