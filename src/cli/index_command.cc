// `kreport index` and `kreport query`: the archive commands. Index prints one line per record
// it could not take (invalid or unreadable) and a count at the end; query prints its answer
// as a table on a terminal and as JSON Lines otherwise.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>

#include <CLI/CLI.hpp>

#include "command.h"
#include "kreport/error.h"
#include "kreport/files.h"
#include "kreport/index.h"

namespace kreport::cli {
namespace {

struct IndexArgs {
  std::vector<std::string> inputs;  // record files, folders of them, or "-" (JSON Lines)
  std::string db;
  std::vector<std::string> merge;  // --merge INTO FROM...: archives into the first
  int batch = 100;
  bool force = false, quiet = false;
};

int run_merge(const IndexArgs& args) {
  if (args.merge.size() < 2 || !args.inputs.empty() || !args.db.empty())
    throw Error(Errc::usage,
                "--merge takes the archive to merge into and one or more to merge into it, and "
                "no records or --db");
  std::vector<std::string> from(args.merge.begin() + 1, args.merge.end());
  MergeResult r = merge_archives(args.merge.front(), from);
  if (!args.quiet)
    spdlog::info("{}: {} added, {} replaced, {} skipped (up to date) ({:.2f} s)",
                 one_line(args.merge.front()), r.added, r.replaced, r.skipped, r.seconds);
  return kExitOk;
}

int run_index(const IndexArgs& args) {
  if (!args.merge.empty()) return run_merge(args);
  if (args.inputs.empty() || args.db.empty())
    throw Error(Errc::usage, "index needs RECORDS and --db ARCHIVE, or --merge");
  IndexOptions options;
  options.db_path = args.db;
  options.batch_size = args.batch;
  options.force = args.force;
  auto progress = [](const IndexEvent& e) {
    if (e.status == "invalid")
      spdlog::error("{}: invalid record, skipped: {}", one_line(e.input), one_line(e.message));
    else if (e.status == "unreadable" || e.status == "over_limit")
      spdlog::error("{}: {}", one_line(e.input), e.message);
  };
  IndexResult r = index_records(args.inputs, options, progress);
  if (!args.quiet)
    spdlog::info("{} indexed, {} replaced, {} skipped, {} invalid{}{} ({:.2f} s)", r.indexed,
                 r.replaced, r.skipped, r.invalid,
                 r.unreadable ? ", " + std::to_string(r.unreadable) + " unreadable" : "",
                 r.over_limit ? ", " + std::to_string(r.over_limit) + " over the limit" : "",
                 r.seconds);
  // Records over a limit are rejected input (2), unless some were invalid or unreadable (3).
  if (r.invalid + r.unreadable > 0) return kExitSomeFailed;
  return r.over_limit > 0 ? kExitInput : kExitOk;
}

struct QueryArgs {
  std::string db, name;
  std::vector<std::string> args;
  std::string since, until, format;  // format: "table", "jsonl" or empty (table on a terminal)
  int limit = 0;
  std::string section;  // search, text: one section kind (summary, body, ...); empty: any
};

int run_query(const QueryArgs& args) {
  QueryOptions options{args.since, args.until, args.limit, args.section};
  QueryResult r = kreport::run_query(args.db, args.name, args.args, options);
  bool table = args.format.empty() ? ::isatty(STDOUT_FILENO) : args.format == "table";
  write_stdout(table ? format_table(r) : format_jsonl(r));
  return kExitOk;
}

// The named queries and their arguments, for `kreport query --help`.
std::string query_list() {
  std::string out;
  for (const NamedQuery& q : named_queries()) {
    std::string line = "  " + std::string(q.name);
    for (const char* a : q.args) line += std::string(" ") + a;
    line.resize(std::max<size_t>(line.size() + 2, 36), ' ');
    out += line + q.help + "\n";
  }
  return out;
}

}  // namespace

Run define_index(CLI::App& cmd) {
  auto args = std::make_shared<IndexArgs>();
  IndexArgs& ia = *args;
  cmd.add_option("records", ia.inputs, "Record files, folders of them, or - (JSON Lines)");
  cmd.add_option("--db", ia.db, "The archive (an SQLite file; created when missing)");
  cmd.add_option("--merge", ia.merge,
                 "INTO FROM...: merge the archives FROM into INTO (created when missing)")
      ->expected(2, 1 << 20);
  cmd.add_option("--batch", ia.batch, "Records written per transaction")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd.add_flag("--force", ia.force, "Replace records even when they are up to date");
  cmd.add_flag("-q,--quiet", ia.quiet, "Print problems only, not the final count");
  cmd.footer(footer(R"(
Examples:
  kreport batch reports/ --jsonl | kreport index - --db archive.sqlite
  kreport index records/ --db archive.sqlite     # every *.json under records/
  kreport index new.json --db archive.sqlite     # add one record
  kreport index --merge archive.sqlite node2.sqlite   # node2's reports into archive.sqlite

A record is known by its PDF's sha256: one already indexed from the same kreport version
is skipped, one from a newer kreport replaces it (--force: any). A record that fails its
schema (records of schema 1.0 to 1.4 are read) is one line on stderr,
"FILE: invalid record, skipped: /json/pointer: reason", and the others are indexed (exit 3).
Records are committed every --batch records: an interrupted run keeps what it committed and
a rerun completes it. An archive of a newer schema version is refused; an older one is
brought up to date (its new columns NULL) when kreport opens it. Bounds: a record is at
most 32 MiB (exit 2 beyond) and nests at most 64 deep (invalid beyond); a folder holds at
most a million entries (exit 2 beyond).
A folder written by a batch's shards is read whole (every shard's records; the summaries,
_summary.json and _summary.K-of-N.json, are left out). --merge copies the reports of other
archives in, by the same rule (a newer kreport's replaces, the same version is skipped): a
second merge changes nothing.
Ask with kreport query, or in SQL (sqlite3 archive.sqlite; the tables are in README.md).
)"));
  // An unexpected failure names the archive: --db's, or --merge's first.
  return {[args] { return run_index(*args); }, std::shared_ptr<const std::string>(args, &args->db)};
}

Run define_query(CLI::App& cmd) {
  auto args = std::make_shared<QueryArgs>();
  QueryArgs& qa = *args;
  cmd.add_option("archive", qa.db, "The archive made by kreport index")->required();
  cmd.add_option("name", qa.name, "Which question (see below)")->required();
  cmd.add_option("args", qa.args, "Its arguments");
  cmd.add_option("--since", qa.since, "Only rows dated on or after this day (YYYY-MM-DD)");
  cmd.add_option("--until", qa.until, "Only rows dated on or before this day (YYYY-MM-DD)");
  cmd.add_option("--limit", qa.limit, "At most this many rows (0: all)")
      ->check(CLI::NonNegativeNumber);
  cmd.add_option("--section", qa.section,
                 "search and text: only blocks of this section kind (summary, body, ...)")
      ->check(CLI::IsMember({"summary", "sidebar", "body", "peer_table", "calendar", "appendix",
                             "compliance", "disclaimer", "other"}));
  cmd.add_option("--format", qa.format,
                 "table or jsonl (default: a table on a terminal, JSON Lines otherwise)")
      ->check(CLI::IsMember({"table", "jsonl"}));
  cmd.footer(footer("\nQuestions:\n" + query_list() + R"(
Examples:
  kreport query archive.sqlite target-prices 005930
  kreport query archive.sqlite forecasts 삼성전자 operating_profit 2025
  kreport query archive.sqlite spread 005930 operating_profit 2025
  kreport query archive.sqlite quarters 005930 operating_profit 2Q25
  kreport query archive.sqlite revisions 삼성전자 --since 2025-01-01
  kreport query archive.sqlite search HBM --since 2025-01-01
  kreport query archive.sqlite search 영업이익 --section summary
  kreport query archive.sqlite text 005930 --section summary --since 2025-01-01
  kreport query archive.sqlite analyst 박성민 --format jsonl
  kreport query archive.sqlite peers SK하이닉스 --limit 20

TICKER is the 6-digit code or the company name as printed; METRIC an estimates metric
(revenue, operating_profit, net_profit, eps, ...); QUARTER a fiscal quarter (2Q25, 2025Q2).
spread compares firms on value x scale (382,000억원 = 38,200십억원). search finds TEXT as written (letters in
any case) in any block of text, text gives a company's reports block by block, and both keep
one section kind with --section (the summaries of every report on 005930 this year: text
005930 --section summary --since 2026-01-01); peers gives every table of companies that
compared one (a ticker, or a name as printed in any case), a row per company and value; a row's date is the report's publication date (the history
point's date for target-prices), which --since and --until filter. Rows come in a fixed
order, so the same records always give the same answer. An argument is at most 256
characters and a DATE a day the calendar has (else exit 1). Anything else: SQL on the archive.
)"));
  return {[args] { return run_query(*args); }, std::shared_ptr<const std::string>(args, &args->db)};
}

}  // namespace kreport::cli
