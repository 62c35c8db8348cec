// `kreport index` and `kreport query`: the archive commands. Index prints one line per record
// it could not take (invalid or unreadable) and a count at the end; query prints its answer
// as a table on a terminal and as JSON Lines otherwise.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>

#include "commands.h"
#include "kreport/error.h"
#include "kreport/files.h"
#include "kreport/index.h"

namespace kreport::cli {

namespace {

int run_merge(const IndexArgs& args) {
  if (args.merge.size() < 2 || !args.inputs.empty() || !args.db.empty()) {
    spdlog::error(
        "--merge takes the archive to merge into and one or more to merge into it, and no "
        "records or --db (see kreport index --help)");
    return kExitUsage;
  }
  std::vector<std::string> from(args.merge.begin() + 1, args.merge.end());
  try {
    MergeResult r = merge_archives(args.merge.front(), from);
    if (!args.quiet)
      spdlog::info("{}: {} added, {} replaced, {} skipped (up to date) ({:.2f} s)",
                   one_line(args.merge.front()), r.added, r.replaced, r.skipped, r.seconds);
    return kExitOk;
  } catch (const Error& e) {
    spdlog::error(describe(e));
    return e.code() == Errc::usage ? kExitUsage : exit_code(e.code());
  } catch (const std::exception& e) {
    spdlog::error("{}: internal error: {}", args.merge.front(), e.what());
    return kExitInternal;
  }
}

}  // namespace

int run_index(const IndexArgs& args) {
  if (!args.merge.empty()) return run_merge(args);
  if (args.inputs.empty() || args.db.empty()) {
    spdlog::error("index needs RECORDS and --db ARCHIVE, or --merge (see kreport index --help)");
    return kExitUsage;
  }
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
  try {
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
  } catch (const Error& e) {
    spdlog::error(describe(e));
    return exit_code(e.code());
  } catch (const std::exception& e) {
    spdlog::error("{}: internal error: {}", args.db, e.what());
    return kExitInternal;
  }
}

int run_query(const QueryArgs& args) {
  QueryOptions options{args.since, args.until, args.limit, args.section};
  try {
    QueryResult r = kreport::run_query(args.db, args.name, args.args, options);
    bool table = args.format.empty() ? ::isatty(STDOUT_FILENO) : args.format == "table";
    write_stdout(table ? format_table(r) : format_jsonl(r));
    return kExitOk;
  } catch (const Error& e) {
    if (e.code() == Errc::usage) {
      spdlog::error("{} (see kreport query --help)", describe(e));
      return kExitUsage;
    }
    spdlog::error(describe(e));
    return exit_code(e.code());
  } catch (const std::exception& e) {
    spdlog::error("{}: internal error: {}", args.db, e.what());
    return kExitInternal;
  }
}

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

}  // namespace kreport::cli
