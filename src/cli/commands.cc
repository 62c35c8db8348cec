// Subcommands. Every failure is caught here, printed as one line on stderr and turned into
// an exit code through kreport::exit_code, the one table of them.
#include "commands.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <new>
#include <thread>

#include "kreport/error.h"
#include "kreport/files.h"
#include "kreport/guard.h"
#include "kreport/pipeline.h"
#include "kreport/views.h"

namespace kreport::cli {
namespace {

// `kreport: report.pdf: explain broker = kiwoom (키움증권): email "sm.park@kiwoom.com" (page 1)`
std::string evidence_line(const std::string& file, const Evidence& e) {
  std::string out = one_line(file) + ": explain " + e.field + " = " + one_line(e.value) + ": " +
                    (e.rule.empty() ? "no rule" : e.rule);
  if (!e.text.empty()) out += " \"" + one_line(e.text) + "\"";
  if (e.page > 0) out += " (page " + std::to_string(e.page) + ")";
  return out;
}

std::string warning_line(const std::string& file, const Warning& w) {
  std::string where = one_line(file) + (w.page > 0 ? " (page " + std::to_string(w.page) + ")" : "");
  return where + ": warning " + w.code + ": " + one_line(w.message);
}

// Arms --timeout and --max-memory on this process; the lines are made now, since the
// handlers may only write and exit. Nothing reaches stdout or the -o file before extraction
// ends, so dying there leaves no partial output behind.
void guard_extract(const ExtractArgs& args) {
  GuardOptions guard;
  guard.timeout_seconds = args.limits.timeout;
  guard.max_memory_bytes = args.limits.max_memory_bytes(1);
  std::string where = "kreport: " + one_line(args.input) + ": ";
  guard.timeout_line = where + timeout_message(guard.timeout_seconds) + "\n";
  guard.memory_line = where + memory_message(guard.max_memory_bytes) + "\n";
  // One code for both lines: Errc::timeout and Errc::memory map to the same (error_test.cc).
  guard.exit_code = exit_code(Errc::timeout);
  guard_process(guard);
}

// The stage dump the user asked for: DIR/<stage>.json for each stage named.
StageDump dump_to(const std::vector<std::string>& arg) {
  if (arg.size() != 2) return nullptr;
  std::string stages = arg[0], dir = folder_arg(arg[1]);
  static const std::vector<std::string> known = {"lines", "regions", "tables", "blocks"};
  std::vector<std::string> wanted;
  for (size_t b = 0, e; b <= stages.size(); b = e + 1) {
    e = std::min(stages.find(',', b), stages.size());
    std::string s = stages.substr(b, e - b);
    if (s == "all")
      wanted = known;
    else if (std::find(known.begin(), known.end(), s) != known.end())
      wanted.push_back(s);
    else
      throw Error(Errc::usage, "--dump-stage: unknown stage \"" + s +
                                   "\" (known: lines, regions, tables, blocks, all)");
  }
  return [wanted, dir](const std::string& stage, const std::string& json) {
    if (std::find(wanted.begin(), wanted.end(), stage) == wanted.end()) return;
    make_folders(dir);
    write_file_atomic((std::filesystem::path(dir) / (stage + ".json")).string(), json);
  };
}

}  // namespace

int run_extract(const ExtractArgs& args) {
  guard_extract(args);
  try {
    if (!args.output.empty()) check_output_file(args.output);
    std::string bytes = read_input(args.input, args.limits.max_bytes());
    ConvertOptions options;
    options.path = args.input;
    options.password = args.password;
    options.max_bytes = args.limits.max_bytes();
    options.max_pages = args.limits.max_pages;
    options.ocr = args.ocr;
    options.progress = guard_progress;  // --timeout is a deadline of progress
    // One file, one process: its pages may be read on two cores.
    options.threads = args.threads > 0                           ? args.threads
                      : std::thread::hardware_concurrency() >= 2 ? 2
                                                                 : 1;
    Timings timings;
    if (args.timings) options.timings = &timings;
    std::vector<Evidence> evidence;
    if (args.explain) options.explain = &evidence;
    options.dump = dump_to(args.dump_stage);
    Report report = convert(bytes, options);
    end_capture();
    if (guard_ran_out_of_memory())
      throw Error(Errc::memory, memory_message(args.limits.max_memory_bytes(1)), args.input);
    // Read in time: --timeout bounds the reading, not how fast stdout's reader takes the
    // record (a pager), which the deadline would cut mid-record (D4).
    stop_watching();
    if (!args.quiet)
      for (const Warning& w : report.warnings) spdlog::warn(warning_line(args.input, w));
    for (const Evidence& e : evidence) spdlog::info(evidence_line(args.input, e));
    auto start = std::chrono::steady_clock::now();
    ViewOptions view = args.view;
    view.pretty = args.pretty;
    std::string json = render_report(report, view);
    timings.add("record",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (args.timings) spdlog::info("{}: timings: {}", args.input, timings.describe());
    if (args.output.empty()) {
      write_stdout(json);
    } else {
      remove_stale_temps(args.output);  // left by a run killed while writing it
      write_file_atomic(args.output, json);
    }
    return kExitOk;
  } catch (const Error& e) {
    end_capture();
    spdlog::error(describe(e));
    return exit_code(e.code());
  } catch (const std::bad_alloc&) {
    // Out of memory without the guard's new-handler (--max-memory 0 under a ulimit -v).
    end_capture();
    spdlog::error("{}: {}", one_line(args.input), memory_message(args.limits.max_memory_bytes(1)));
    return exit_code(Errc::memory);
  } catch (const std::exception& e) {
    end_capture();
    spdlog::error("{}: internal error: {}", one_line(args.input), e.what());
    return kExitInternal;
  }
}

}  // namespace kreport::cli
