// Subcommands. Every failure is caught here, printed as one line on stderr and turned into
// an exit code through kreport::exit_code, the one table of them.
#include "commands.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>

#include "kreport/error.h"
#include "kreport/files.h"
#include "kreport/pipeline.h"

namespace kreport::cli {
namespace {

std::string warning_line(const std::string& file, const Warning& w) {
  std::string where = file + (w.page > 0 ? " (page " + std::to_string(w.page) + ")" : "");
  return where + ": warning " + w.code + ": " + w.message;
}

void write_stdout(const std::string& data) {
  std::fwrite(data.data(), 1, data.size(), stdout);
  if (std::fflush(stdout) != 0 || std::ferror(stdout))
    throw Error(Errc::output, "cannot write to standard output", "-");
}

// The timeout message is made before the alarm, since the handler may only write and exit.
char timeout_line[512];
size_t timeout_len = 0;

extern "C" void on_timeout(int) {
  ssize_t ignored = ::write(STDERR_FILENO, timeout_line, timeout_len);
  (void)ignored;
  ::_exit(exit_code(Errc::timeout));
}

// Nothing reaches stdout or the -o file before extraction ends, so dying here leaves no
// partial output behind.
void arm_timeout(const std::string& input, double seconds) {
  int n = std::snprintf(timeout_line, sizeof timeout_line,
                        "kreport: %s: timed out after %g s (--timeout)\n", input.c_str(), seconds);
  timeout_len = n < 0 ? 0 : std::min(static_cast<size_t>(n), sizeof timeout_line - 1);
  std::signal(SIGALRM, on_timeout);
  itimerval t{};
  t.it_value.tv_sec = static_cast<time_t>(seconds);
  t.it_value.tv_usec =
      static_cast<suseconds_t>((seconds - static_cast<double>(t.it_value.tv_sec)) * 1e6);
  ::setitimer(ITIMER_REAL, &t, nullptr);
}

// The stage dump the user asked for: DIR/<stage>.json for each stage named.
StageDump dump_to(const std::vector<std::string>& arg) {
  if (arg.size() != 2) return nullptr;
  std::string stages = arg[0], dir = arg[1];
  static const std::vector<std::string> known = {"lines", "tables", "blocks"};
  std::vector<std::string> wanted;
  for (size_t b = 0, e; b <= stages.size(); b = e + 1) {
    e = std::min(stages.find(',', b), stages.size());
    std::string s = stages.substr(b, e - b);
    if (s == "all")
      wanted = known;
    else if (std::find(known.begin(), known.end(), s) != known.end())
      wanted.push_back(s);
    else
      throw Error(Errc::usage,
                  "--dump-stage: unknown stage \"" + s + "\" (known: lines, tables, blocks, all)");
  }
  return [wanted, dir](const std::string& stage, const std::string& json) {
    if (std::find(wanted.begin(), wanted.end(), stage) != wanted.end())
      write_file_atomic(dir + "/" + stage + ".json", json);
  };
}

}  // namespace

int run_extract(const ExtractArgs& args) {
  if (args.limits.timeout > 0) arm_timeout(args.input, args.limits.timeout);
  try {
    std::string bytes = read_input(args.input, args.limits.max_bytes());
    ConvertOptions options;
    options.path = args.input;
    options.password = args.password;
    options.max_bytes = args.limits.max_bytes();
    options.max_pages = args.limits.max_pages;
    Timings timings;
    if (args.timings) options.timings = &timings;
    options.dump = dump_to(args.dump_stage);
    Report report = convert(bytes, options);
    if (!args.quiet)
      for (const Warning& w : report.warnings) spdlog::warn(warning_line(args.input, w));
    auto start = std::chrono::steady_clock::now();
    std::string json = to_json(report, args.pretty);
    timings.add("record",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (args.timings) spdlog::info("{}: timings: {}", args.input, timings.describe());
    if (args.output.empty())
      write_stdout(json);
    else
      write_file_atomic(args.output, json);
    return kExitOk;
  } catch (const Error& e) {
    spdlog::error(describe(e));
    return exit_code(e.code());
  } catch (const std::exception& e) {
    spdlog::error("{}: internal error: {}", args.input, e.what());
    return kExitInternal;
  }
}

}  // namespace kreport::cli
