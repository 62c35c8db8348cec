// The archive: records indexed into one SQLite database, and the questions asked of it.
#pragma once

#include <functional>
#include <string>
#include <variant>
#include <vector>

namespace kreport {

/// The archive schema this kreport writes and reads (`PRAGMA user_version`). An archive of a
/// newer version is refused; the tables are described in README.md ("The archive").
inline constexpr int kArchiveVersion = 3;

struct IndexOptions {
  std::string db_path;
  int batch_size = 100;  // records written per transaction: what an interruption can cost
  bool force = false;    // replace records even when the archive holds the same version
};

/// What happened to one record.
struct IndexEvent {
  std::string input;    // the file, "FILE:LINE" for JSON Lines, "-:LINE" for stdin
  std::string status;   // "indexed", "replaced", "skipped", "invalid", "unreadable" or
                        // "over_limit" (kMaxRecordBytes: not read)
  std::string message;  // why it was skipped, invalid or unreadable
};

struct IndexResult {
  int indexed = 0, replaced = 0, skipped = 0, invalid = 0, unreadable = 0, over_limit = 0;
  double seconds = 0;
};

/// Called for every record (and every input that could not be read), in input order.
using IndexProgress = std::function<void(const IndexEvent&)>;

/// Indexes the records of `inputs` into the archive, creating it when it does not exist.
/// An input is a record file (one JSON record, or JSON Lines), a folder (every *.json under
/// it, sorted, batch's _summary.json and the shards' _summary.K-of-N.json left out) or "-" (JSON
/// Lines on standard input, read as it arrives). A record whose source sha256 is indexed with the
/// same kreport version is skipped; one of a newer version (or any, with `force`) replaces it.
/// Records failing their schema are reported and skipped. Throws Error for the archive as a whole:
/// invalid (not a kreport archive, or a newer one), io (locked), output (cannot be written).
IndexResult index_records(const std::vector<std::string>& inputs, const IndexOptions& options,
                          const IndexProgress& progress);

struct MergeResult {
  int added = 0, replaced = 0, skipped = 0;  // reports of the merged archives
  double seconds = 0;
};

/// Merges the archives `from` into the archive `into` (created when missing), one
/// transaction each: a report (known by its PDF's sha256) is added when `into` lacks it,
/// replaces the one there when it comes from a newer kreport, and is skipped otherwise, so a
/// second merge changes nothing. Throws Error as index_records does for `into`, and for a
/// `from` that is missing (io), not a kreport archive or newer (invalid), or `into` itself
/// (usage).
MergeResult merge_archives(const std::string& into, const std::vector<std::string>& from);

/// One cell of a query's answer: SQL NULL, an integer, a real or text.
using Value = std::variant<std::monostate, long long, double, std::string>;

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
};

/// The longest argument a named query takes, in characters: a search phrase of 256 letters
/// is longer than any sentence worth looking for, and the cost of an FTS5 phrase grows with
/// its length (131,000 characters of one repeated trigram took 4 GB and 44 s).
inline constexpr size_t kMaxQueryArgChars = 256;

/// Filters every named query understands.
struct QueryOptions {
  std::string since, until;  // ISO dates, inclusive; empty: open
  int limit = 0;             // at most this many rows (0: all)
  std::string section;       // search and text: only blocks of this section kind (empty: any)
};

/// A documented question: its name, its arguments and what it answers (for --help).
struct NamedQuery {
  const char* name;
  std::vector<const char*> args;
  const char* help;
};

/// The named queries, in the order --help lists them.
const std::vector<NamedQuery>& named_queries();

/// Runs named query `name` with `args` on the archive at `db_path` (opened read-only).
/// Throws Error(usage) for an unknown name or wrong arguments (an argument longer than
/// kMaxQueryArgChars, a --since or --until that is not a date YYYY-MM-DD), Error(io) when
/// the archive is missing, Error(invalid) when it is not a kreport archive or is of a newer
/// version.
QueryResult run_query(const std::string& db_path, const std::string& name,
                      const std::vector<std::string>& args, const QueryOptions& options);

/// The answer as an aligned table for people (Hangul counted as two columns), header first.
std::string format_table(const QueryResult& result);

/// The answer as JSON Lines: one object per row, keys in column order.
std::string format_jsonl(const QueryResult& result);

}  // namespace kreport
