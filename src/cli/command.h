// A subcommand of kreport: its options are declared beside the code that runs them, in its
// own NAME_command.cc, and main.cc only lists the commands (kCommands) and runs the one named.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "kreport/diagnostics.h"
#include "kreport/load.h"
#include "kreport/views.h"
#include "limits.h"

namespace CLI {
class App;
}

namespace kreport::cli {

/// A parsed command, ready to run. `subject` names what it works on (the input file, the
/// archive) in the line an unexpected failure prints; it is read after parsing.
struct Run {
  std::function<int()> body;
  std::shared_ptr<const std::string> subject;
};

/// One row of main.cc's table: `define` adds the command's options to its CLI11 app, binds
/// them to a value of its own, and returns the run over that value.
struct Command {
  const char* name;
  const char* summary;
  Run (*define)(CLI::App& cmd);
};

Run define_extract(CLI::App& cmd);
Run define_batch(CLI::App& cmd);
Run define_validate(CLI::App& cmd);
Run define_index(CLI::App& cmd);
Run define_query(CLI::App& cmd);
Run define_schema(CLI::App& cmd);
Run define_render(CLI::App& cmd);
Run define_rules(CLI::App& cmd);
Run define_show(CLI::App& cmd);

/// Runs a command and turns whatever it throws into one line on stderr and an exit code
/// (kreport::exit_code): the one place where the commands' failures are caught.
int run_guarded(const std::string& command, const Run& run);

// Options several commands share, each declared once.
void add_limits(CLI::App& cmd, Limits& limits);
void add_ocr(CLI::App& cmd, OcrMode& mode);
void add_jobs(CLI::App& cmd, int& jobs);
void add_view(CLI::App& cmd, ViewOptions& view, bool json_too);

/// "report.pdf (page 3): warning CODE: message", as extract and show print a warning.
std::string warning_line(const std::string& file, const Warning& w);

/// The footer of a command's --help: its examples, then the exit codes.
std::string footer(const std::string& examples);

}  // namespace kreport::cli
