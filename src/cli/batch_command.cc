// `kreport batch`: runs the library's batch and tells people how it goes. On a terminal a
// single progress line is redrawn; otherwise each finished file is one plain log line.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#include <CLI/CLI.hpp>

#include "command.h"
#include "kreport/batch.h"
#include "kreport/error.h"
#include "kreport/files.h"

namespace kreport::cli {
namespace {

struct BatchArgs {
  std::string in_dir, out_dir, summary, password;
  std::string shard;  // "K/N", "auto", or empty (every input)
  int jobs = 0;       // 0: one per core
  bool force = false, jsonl = false, quiet = false;
  Limits limits;
  OcrMode ocr = OcrMode::automatic;
  ViewOptions view;
};

std::string clock_time(double seconds) {
  int s = static_cast<int>(seconds + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  return buf;
}

std::string file_line(const FileResult& f) {
  std::string input = one_line(f.input);
  if (f.status == "failed") return input + ": " + one_line(f.message);
  if (f.status == "skipped") return input + ": up to date";
  return input + ": converted (" + std::to_string(f.pages) + " pages, " +
         std::to_string(f.warnings) + " warnings)";
}

std::string signal_name(int sig) {
  const char* abbrev = sigabbrev_np(sig);
  return abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(sig);
}

// After the batch cleaned up, end by the signal that stopped it, as a shell expects
// (exit status 128 + N: 130 for SIGINT, 143 for SIGTERM).
[[noreturn]] void end_by(int sig) {
  std::fflush(nullptr);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
  std::_Exit(128 + sig);
}

int run_batch(const BatchArgs& args) {
  BatchOptions options;
  options.in_dir = folder_arg(args.in_dir);
  options.out_dir = folder_arg(args.out_dir);
  options.summary_path = args.summary;
  options.password = args.password;
  options.force = args.force;
  options.timeout_seconds = args.limits.timeout;
  options.max_bytes = args.limits.max_bytes();
  options.max_pages = args.limits.max_pages;
  options.ocr = args.ocr;
  options.jsonl = args.jsonl;
  options.view = args.view;
  options.jobs = args.jobs > 0 ? args.jobs : std::max(1u, std::thread::hardware_concurrency());
  options.max_memory_bytes = args.limits.max_memory_bytes(options.jobs);
  if (args.jsonl && args.view.format == OutputFormat::md)
    throw Error(Errc::usage,
                "--jsonl writes JSON Lines: --format json or chunks, or -o OUT_DIR for md");
  if (!args.shard.empty()) options.shard = parse_shard(args.shard, std::getenv);
  if (!args.jsonl && args.out_dir.empty())
    throw Error(Errc::usage, "batch needs -o OUT_DIR (or --jsonl)");
  bool tty = ::isatty(STDERR_FILENO) && !args.quiet;
  auto progress = [&](const FileResult& f, size_t done, size_t total, long long pages,
                      double elapsed) {
    if (tty) {
      double rate = elapsed > 0 ? pages / elapsed : 0;
      double eta = done > 0 ? elapsed / done * (total - done) : 0;
      if (f.status == "failed") std::fprintf(stderr, "\r\033[Kkreport: %s\n", file_line(f).c_str());
      std::fprintf(stderr, "\r\033[K[%zu/%zu] %lld pages, %.1f pages/s, ETA %s", done, total, pages,
                   rate, clock_time(eta).c_str());
      if (done == total) std::fputc('\n', stderr);
      std::fflush(stderr);
    } else if (f.status == "failed" || !args.quiet) {
      spdlog::info("[{}/{}] {}", done, total, file_line(f));
    }
  };
  BatchResult r = kreport::run_batch(options, progress);
  if (tty && r.interrupted_by != 0) std::fputc('\n', stderr);
  if (r.interrupted_by != 0)
    spdlog::error(
        "interrupted by {}: {} converted, {} up to date, {} failed, {} not done (a rerun "
        "does the rest)",
        signal_name(r.interrupted_by), r.converted, r.skipped, r.failed, r.pending);
  else if (!args.quiet && r.stopped_by.empty())
    spdlog::info("{} converted, {} up to date, {} failed ({} pages in {:.1f} s)", r.converted,
                 r.skipped, r.failed, r.pages, r.seconds);
  if (r.interrupted_by != 0) end_by(r.interrupted_by);
  if (!r.stopped_by.empty()) {
    spdlog::error("batch stopped: {}: {} converted, {} not done (a rerun does the rest)",
                  one_line(r.stopped_by), r.converted, r.pending);
    return kExitOutput;
  }
  return r.failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

Run define_batch(CLI::App& cmd) {
  auto args = std::make_shared<BatchArgs>();
  BatchArgs& ba = *args;
  cmd.add_option("in_dir", ba.in_dir, "Folder of PDFs")->required();
  cmd.add_option("-o,--output", ba.out_dir, "Folder for the records (mirrors sub-folders)");
  add_jobs(cmd, ba.jobs);
  cmd.add_flag("--force", ba.force, "Convert even the inputs whose records are up to date");
  cmd.add_flag("--jsonl", ba.jsonl,
               "Write every record as one line on stdout, in input order, instead of files");
  cmd.add_option("--summary", ba.summary,
                 "Write the summary here instead of OUT_DIR/_summary.json");
  cmd.add_option("--password", ba.password, "Password for encrypted PDFs");
  cmd.add_option("--shard", ba.shard,
                 "K/N: only shard K of N (an array job's task); auto: from Slurm's or "
                 "Kubernetes' task index (see below)");
  cmd.add_flag("-q,--quiet", ba.quiet, "Print failures only (no progress, no per-file lines)");
  add_limits(cmd, ba.limits);
  add_ocr(cmd, ba.ocr);
  add_view(cmd, ba.view, true);
  cmd.footer(
      footer("\nExamples:\n"
             "  kreport batch reports/ -o records/             # every *.pdf under reports/\n"
             "  kreport batch reports/ --jsonl > all.jsonl     # JSON Lines, in input order\n"
             "  kreport batch reports/ -o md/ --format md      # one Markdown file a report\n"
             "  kreport batch reports/ -o records/ --shard 2/3 # task 2 of an array of 3\n"
             "\nEvery *.pdf under IN_DIR (recursively, any case of .pdf) becomes\n"
             "OUT_DIR/<same path>.json. Each document runs in its own process: a bad or\n"
             "crashing file is reported and the others still convert. Outputs are written\n"
             "atomically; a rerun skips records that are up to date (same input SHA-256 and\n"
             "kreport version). OUT_DIR/_summary.json lists every input with its status,\n"
             "pages, warnings and time. Progress is shown on a terminal only. Each worker\n"
             "keeps --timeout and --max-memory itself and dies with kreport.\n"
             "--format md writes OUT_DIR/<same path>.md, chunks .jsonl (or, with --jsonl,\n"
             "every report's chunks on stdout); those are converted on every run.\n"
             "\n--shard K/N converts the inputs whose record path hashes to K (SHA-256,\n"
             "first 8 bytes mod N, plus 1): N tasks over one folder and one OUT_DIR cover\n"
             "every input once, each writing OUT_DIR/_summary.K-of-N.json. --shard auto\n"
             "reads SLURM_ARRAY_TASK_ID (from SLURM_ARRAY_TASK_MIN) and _COUNT, or\n"
             "JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX with KREPORT_SHARD_COUNT.\n"));
  return {[args] { return run_batch(*args); }, nullptr};
}

}  // namespace kreport::cli
