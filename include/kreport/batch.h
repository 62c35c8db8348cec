// Converting a folder of PDFs: each document in its own process, so a crash or a runaway
// document costs that document only, and a limit (deadline, memory) holds in that process.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "kreport/files.h"
#include "kreport/load.h"
#include "kreport/views.h"

namespace kreport {

/// Shard `index` of `count` (1-based): the inputs a task of an array job converts. A count of
/// 0 is no sharding (every input).
struct Shard {
  int index = 0;
  int count = 0;
  bool on() const { return count > 0; }
  /// "K-of-N", as in _summary.K-of-N.json.
  std::string name() const;
};

/// The shard, 1 to `count`, of the record at `record` (its path relative to OUT_DIR, '/'-
/// separated: a/b.json for the input a/b.PDF): the first 8 bytes of the SHA-256 of that
/// path, read as a big-endian integer, modulo `count`, plus 1. The same on every machine and
/// build; a record's shard depends on its own path alone, so adding files moves no other;
/// a.pdf and a.PDF, which claim the same record, fall in the same shard.
int shard_of(const std::string& record, int count);

/// The summary's name in OUT_DIR: _summary.json, or _summary.K-of-N.json for a shard.
std::string summary_name(const Shard& shard);

/// Reads `--shard`: "K/N" (1 <= K <= N <= 1,000,000), or "auto" for the array task this
/// process is: Slurm's SLURM_ARRAY_TASK_ID, _MIN, _MAX, _STEP and _COUNT (any range, such as
/// --array=0-9 or 1-10:1); else Kubernetes' JOB_COMPLETION_INDEX or AWS Batch's
/// AWS_BATCH_JOB_ARRAY_INDEX (0-based) with KREPORT_SHARD_COUNT. `env` looks a variable up
/// (nullptr: unset). Throws Error(usage) saying what is wrong.
Shard parse_shard(const std::string& spec, const std::function<const char*(const char*)>& env);

struct BatchOptions {
  std::string in_dir;
  std::string out_dir;       // records go to OUT_DIR/<relative path>.json (unless jsonl; see view)
  int jobs = 1;              // documents converted at once
  bool force = false;        // convert even when the output is up to date
  bool jsonl = false;        // all records as JSON Lines on stdout, in input order
  std::string summary_path;  // empty: OUT_DIR/_summary.json (none in jsonl mode without -o)
  std::string password;
  double timeout_seconds = 0;      // a document still converting after this fails (0: never)
  long long max_memory_bytes = 0;  // address space of each worker, RLIMIT_AS (0: no limit)
  long long max_bytes = 0;         // see ConvertOptions
  int max_pages = 0;
  OcrMode ocr = OcrMode::off;  // see ConvertOptions
  ViewOptions view;            // json (records), md or chunks: OUT_DIR/<rel>.json, .md, .jsonl
  Shard shard;                 // only this shard's inputs; the summary _summary.K-of-N.json
};

/// What happened to one input.
struct FileResult {
  std::string input;    // path as the user can find it: IN_DIR/relative
  std::string output;   // empty in jsonl mode or on failure
  std::string status;   // "converted", "skipped" (up to date), "failed", or "pending" (the
                        // batch was interrupted before this input was done)
  std::string error;    // errc_name() of the failure, e.g. "not_pdf"
  std::string message;  // the one-line reason
  int pages = 0;        // of the record (also of a skipped input's record)
  int warnings = 0;     // likewise
  double seconds = 0;
};

struct BatchResult {
  std::vector<FileResult> files;  // in input order (sorted relative paths)
  Shard shard;                    // the shard converted (count 0: the whole folder)
  int converted = 0, skipped = 0, failed = 0, pending = 0;
  long long pages = 0;  // pages converted by this run (skipped records not counted)
  double seconds = 0;
  int interrupted_by = 0;  // the signal (SIGINT, SIGTERM, SIGHUP) that stopped the batch, or 0
  std::string stopped_by;  // why writing records stopped the batch (a full disk), or ""
};

/// Called after each finished input, in completion order, with how many are done.
using BatchProgress = std::function<void(const FileResult&, size_t done, size_t total,
                                         long long pages_done, double elapsed_seconds)>;

/// Every *.pdf under `in_dir` (recursively, extension case-insensitive), sorted: regular
/// files, and also whatever else bears the name (a dangling symbolic link, a FIFO) so that
/// it is reported rather than silently left out; folders named x.pdf are folders. A
/// sub-folder that cannot be read is listed as such (batch reports it as a failed input).
/// Throws Error(io) when the folder itself cannot be read (list_folder).
FolderListing find_pdfs(const std::string& in_dir);

/// Runs the batch; writes records (or JSON Lines to stdout) and the summary file. While it
/// runs, SIGINT, SIGTERM and SIGHUP stop it: workers are killed, their temporary files removed, and
/// the summary written with the unfinished inputs pending (`interrupted_by` says which
/// signal; the caller then ends by it). Throws Error only for problems with the batch as a
/// whole (unreadable IN_DIR, OUT_DIR that cannot be created, stdout closed in JSON Lines
/// mode); a bad document is a failed FileResult.
BatchResult run_batch(const BatchOptions& options, const BatchProgress& progress);

/// The summary file's JSON text.
std::string summary_json(const BatchResult& result);

}  // namespace kreport
