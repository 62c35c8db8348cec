// Subcommands. Every failure is caught here, printed as one line on stderr and turned into
// an exit code through kreport::exit_code, the one table of them.
#include "commands.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "kreport/error.h"
#include "kreport/files.h"
#include "kreport/guard.h"
#include "kreport/pipeline.h"

namespace kreport::cli {
namespace {

std::string warning_line(const std::string& file, const Warning& w) {
  std::string where = one_line(file) + (w.page > 0 ? " (page " + std::to_string(w.page) + ")" : "");
  return where + ": warning " + w.code + ": " + one_line(w.message);
}

void write_stdout(const std::string& data) {
  std::fwrite(data.data(), 1, data.size(), stdout);
  if (std::fflush(stdout) != 0 || std::ferror(stdout))
    throw Error(Errc::output,
                std::string("cannot write to standard output: ") + std::strerror(errno), "-");
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

}  // namespace

int run_extract(const ExtractArgs& args) {
  guard_extract(args);
  try {
    std::string bytes = read_input(args.input, args.limits.max_bytes());
    Report report =
        convert(bytes, {args.input, args.password, args.limits.max_bytes(), args.limits.max_pages});
    end_capture();
    if (guard_ran_out_of_memory())
      throw Error(Errc::memory, memory_message(args.limits.max_memory_bytes(1)), args.input);
    if (!args.quiet)
      for (const Warning& w : report.warnings) spdlog::warn(warning_line(args.input, w));
    std::string json = to_json(report, args.pretty);
    if (args.output.empty())
      write_stdout(json);
    else
      write_file_atomic(args.output, json);
    return kExitOk;
  } catch (const Error& e) {
    end_capture();
    spdlog::error(describe(e));
    return exit_code(e.code());
  } catch (const std::exception& e) {
    end_capture();
    spdlog::error("{}: internal error: {}", one_line(args.input), e.what());
    return kExitInternal;
  }
}

}  // namespace kreport::cli
