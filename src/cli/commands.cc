// Subcommands. Every failure is caught here, printed as one line on stderr and turned into
// an exit code through kreport::exit_code, the one table of them.
#include "commands.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

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

}  // namespace

int run_extract(const ExtractArgs& args) {
  try {
    std::string bytes = read_input(args.input);
    Report report = extract(bytes, {args.input, args.password});
    if (!args.quiet)
      for (const Warning& w : report.warnings) spdlog::warn(warning_line(args.input, w));
    std::string json = to_json(report, args.pretty);
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
