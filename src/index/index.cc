// `kreport index`: records in, archive out. Inputs are read one record at a time (standard
// input line by line, as it arrives), each validated with kreport's own validator, looked up
// by its source sha256, and written inside a transaction that is committed every
// `batch_size` written records and at the end. A process killed in between leaves the
// archive as of its last commit (WAL); a rerun skips what is there and writes the rest.
#include "kreport/index.h"
#include "kreport/regex.h"

#include <sys/types.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "kreport/error.h"
#include "kreport/files.h"
#include "kreport/records.h"
#include "kreport/validate.h"
#include "schema.h"
#include "writer.h"

namespace kreport {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// batch writes _summary.json beside the records, a shard _summary.K-of-N.json: summaries,
// not records.
bool is_batch_summary(const fs::path& p) {
  static const Regex name(R"(_summary(\.[0-9]+-of-[0-9]+)?\.json)");
  return std::regex_match(p.filename().string(), name);
}

std::string first_problem(const std::vector<Problem>& problems) {
  const Problem& p = problems.front();
  std::string line = (p.pointer.empty() ? "(record)" : p.pointer) + ": " + p.message;
  if (problems.size() > 1) line += " (and " + std::to_string(problems.size() - 1) + " more)";
  return line;
}

class Indexer {
 public:
  Indexer(sql::Db& db, const IndexOptions& options, const IndexProgress& progress,
          IndexResult& result)
      : db_(db), writer_(db), options_(options), progress_(progress), result_(result) {}

  void add(const std::string& name, std::string_view text);
  void unreadable(const std::string& name, const std::string& message) {
    ++result_.unreadable;
    progress_({name, "unreadable", message});
  }
  void over_limit(const std::string& name, const std::string& message) {
    ++result_.over_limit;
    progress_({name, "over_limit", message});
  }
  void finish() {
    if (!open_) return;
    writer_.flush();
    db_.exec("COMMIT");
    open_ = false;
  }

 private:
  void report(const std::string& name, const char* status, int& count, std::string message) {
    ++count;
    progress_({name, status, std::move(message)});
  }

  sql::Db& db_;
  archive::Writer writer_;
  const IndexOptions& options_;
  const IndexProgress& progress_;
  IndexResult& result_;
  bool open_ = false;  // a write transaction is open: records since the last commit
  int pending_ = 0;
};

void Indexer::add(const std::string& name, std::string_view text) {
  ParsedRecord parsed = parse_record(text);  // the one parse: validated, then written
  if (!parsed.problems.empty())
    return report(name, "invalid", result_.invalid, first_problem(parsed.problems));
  const nlohmann::json& record = parsed.doc;
  std::string schema = record.at("schema").get<std::string>();
  if (schema != kReportSchema)
    return report(
        name, "invalid", result_.invalid,
        "/schema: \"" + schema + "\" is not a report record (expected \"" + kReportSchema + "\")");
  std::string sha256 = record.at("source").at("sha256").get<std::string>();
  std::string version = record.at("extractor").at("version").get<std::string>();
  // Looked up inside the write transaction, so a second indexer cannot insert it meanwhile.
  if (!open_) db_.exec("BEGIN IMMEDIATE");
  open_ = true;
  std::optional<archive::Existing> old = writer_.find(sha256);
  if (old && !options_.force) {
    int newer = archive::compare_versions(version, old->kreport_version);
    if (newer == 0) return report(name, "skipped", result_.skipped, "up to date");
    if (newer < 0)
      return report(name, "skipped", result_.skipped,
                    "the archive holds it from a newer kreport (" + old->kreport_version + ")");
  }
  if (old) writer_.remove(old->id);
  writer_.insert(record);
  if (old)
    report(name, "replaced", result_.replaced, "");
  else
    report(name, "indexed", result_.indexed, "");
  if (++pending_ >= options_.batch_size) {
    finish();
    pending_ = 0;
  }
}

// Every record of one file (or of standard input), as it is read.
void add_records(Indexer& indexer, const std::string& path) {
  read_records(path, [&indexer](RecordInput&& r) {
    if (r.problem.empty())
      indexer.add(r.name, r.text);
    else if (r.over_limit)
      indexer.over_limit(r.name, r.problem);
    else
      indexer.unreadable(r.name, r.problem);
  });
}

void add_input(Indexer& indexer, const std::string& input) {
  std::error_code ec;
  if (input == "-" || !fs::is_directory(input, ec)) return add_records(indexer, input);
  // Every *.json under the folder, sorted, as the user would name them; a sub-folder that
  // cannot be read is reported, the rest indexed.
  FolderListing found;
  try {
    found = list_folder(
        input, [](const fs::path& p) { return p.extension() == ".json" && !is_batch_summary(p); });
  } catch (const Error& e) {
    return indexer.unreadable(input, e.message());
  }
  for (const auto& [rel, why] : found.unreadable)
    indexer.unreadable((fs::path(input) / rel).string(), "cannot read folder: " + why);
  for (const std::string& rel : found.files) {
    std::string path = (fs::path(input) / rel).string();
    // A FIFO or device named *.json would be waited on or read forever: reported instead.
    if (fs::exists(path, ec) && !fs::is_regular_file(path, ec))
      indexer.unreadable(path, "cannot read: not a regular file");
    else
      add_records(indexer, path);  // a dangling link is reported by the open
  }
}

}  // namespace

IndexResult index_records(const std::vector<std::string>& inputs, const IndexOptions& options,
                          const IndexProgress& progress) {
  auto started = Clock::now();
  IndexResult result;
  std::unique_ptr<sql::Db> db = archive::open_for_writing(options.db_path);
  Indexer indexer(*db, options, progress, result);
  for (const std::string& input : inputs) add_input(indexer, input);
  indexer.finish();
  result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return result;
}

}  // namespace kreport
