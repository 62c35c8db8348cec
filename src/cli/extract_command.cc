// `kreport extract`: one PDF -> one record, on stdout or into -o, nothing written on failure.
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

#include <CLI/CLI.hpp>

#include "command.h"
#include "kreport/error.h"
#include "kreport/files.h"
#include "kreport/guard.h"
#include "kreport/pipeline.h"
#include "kreport/views.h"

namespace kreport::cli {
namespace {

struct ExtractArgs {
  std::string input;   // path or "-"
  std::string output;  // empty: stdout
  std::string password;
  bool pretty = false;
  bool quiet = false;
  bool timings = false;                 // each step's share of the time, on stderr
  bool explain = false;                 // each field's deciding rule and text, on stderr
  std::vector<std::string> dump_stage;  // {stages, dir}: "lines,tables,blocks" or "all"
  Limits limits;
  OcrMode ocr = OcrMode::automatic;
  int threads = 0;   // cores to read pages on (0: two when the machine has them)
  ViewOptions view;  // --format json|md|chunks, --chunk-chars
};

// `kreport: report.pdf: explain broker = kiwoom (키움증권): email "sm.park@kiwoom.com" (page 1)`
std::string evidence_line(const std::string& file, const Evidence& e) {
  std::string out = one_line(file) + ": explain " + e.field + " = " + one_line(e.value) + ": " +
                    (e.rule.empty() ? "no rule" : e.rule);
  if (!e.text.empty()) out += " \"" + one_line(e.text) + "\"";
  if (e.page > 0) out += " (page " + std::to_string(e.page) + ")";
  return out;
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

int run_extract(const ExtractArgs& args) {
  guard_extract(args);
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
  Report report;
  try {
    report = convert(bytes, options);
  } catch (const std::bad_alloc&) {
    // Out of memory without the guard's new-handler (--max-memory 0 under a ulimit -v).
    throw Error(Errc::memory, memory_message(args.limits.max_memory_bytes(1)), args.input);
  }
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
}

}  // namespace

Run define_extract(CLI::App& cmd) {
  auto args = std::make_shared<ExtractArgs>();
  ExtractArgs& ex = *args;
  cmd.add_option("input", ex.input, "PDF file, or - for standard input")->required();
  cmd.add_option("-o,--output", ex.output,
                 "Write the record to this file instead of stdout (atomically; a device or FIFO "
                 "is written in place)");
  cmd.add_option("--password", ex.password, "Password of an encrypted PDF (user or owner)");
  cmd.add_flag("--pretty", ex.pretty, "Indent the JSON (default: one compact line)");
  cmd.add_flag("-q,--quiet", ex.quiet, "Do not print warnings on stderr (they stay in the record)");
  cmd.add_flag("--timings", ex.timings,
               "Print how long each step took (load, lines, tables, order, ...) on stderr; "
               "load and lines add up the time of both cores reading pages");
  cmd.add_flag("--explain", ex.explain,
               "Print on stderr which rule decided kind, broker, date, each analyst, title, "
               "ticker, rating and target price, and from which text on which page (never "
               "in the record)");
  cmd.add_option("--dump-stage", ex.dump_stage,
                 "STAGES DIR: write what a stage produced (lines, regions, tables, blocks, or "
                 "all; comma-separated) to DIR/<stage>.json, e.g. to make a test of a bad page")
      ->expected(2)
      ->type_name("STAGES DIR");
  cmd.add_option("--threads", ex.threads,
                 "Cores to read the pages on, 1 to 8 (default: 2 on a machine with two or "
                 "more); the record is the same with any")
      ->check(CLI::Range(1, 8));
  add_limits(cmd, ex.limits);
  add_ocr(cmd, ex.ocr);
  add_view(cmd, ex.view, true);
  cmd.footer(footer(R"(
Examples:
  kreport extract report.pdf -o r.json --pretty     # to a file, written atomically
  kreport extract locked.pdf --password secret      # an encrypted PDF
  kreport extract scan.pdf --ocr off                # never OCR: a scan is rejected (exit 2)
  kreport extract report.pdf --dump-stage lines,tables dump/ > /dev/null
  kreport extract report.pdf --format md -o report.md     # Markdown, for people and LLMs
  kreport extract report.pdf --format chunks > chunks.jsonl  # retrieval chunks
)"));
  return {[args] { return run_extract(*args); },
          std::shared_ptr<const std::string>(args, &args->input)};
}

}  // namespace kreport::cli
