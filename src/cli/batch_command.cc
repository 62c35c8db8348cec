// `kreport batch`: runs the library's batch and tells people how it goes. On a terminal a
// single progress line is redrawn; otherwise each finished file is one plain log line.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "commands.h"
#include "kreport/batch.h"
#include "kreport/error.h"
#include "kreport/files.h"

namespace kreport::cli {
namespace {

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

}  // namespace

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
  if (args.jsonl && args.view.format == OutputFormat::md) {
    spdlog::error("--jsonl writes JSON Lines: --format json or chunks, or -o OUT_DIR for md");
    return kExitUsage;
  }
  try {
    if (!args.shard.empty()) options.shard = parse_shard(args.shard, std::getenv);
  } catch (const Error& e) {
    spdlog::error("{} (see kreport batch --help)", e.message());
    return kExitUsage;
  }
  if (!args.jsonl && args.out_dir.empty()) {
    spdlog::error("batch needs -o OUT_DIR (or --jsonl) (see kreport batch --help)");
    return kExitUsage;
  }
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
  try {
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
  } catch (const Error& e) {
    spdlog::error(describe(e));
    return exit_code(e.code());
  } catch (const std::exception& e) {
    spdlog::error("batch: internal error: {}", e.what());
    return kExitInternal;
  }
}

}  // namespace kreport::cli
