// kreport's command line: the table of commands, and main, which parses the arguments and
// runs the command named. Each command's options and code are in its NAME_command.cc.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <vector>

#include "command.h"
#include "kreport/error.h"
#include "kreport/files.h"

namespace {

using kreport::cli::Command;

// In the order `kreport --help` lists them.
const Command kCommands[] = {
    {"extract", "Extract one PDF into one JSON record", kreport::cli::define_extract},
    {"batch", "Convert a folder of PDFs in parallel, surviving bad files",
     kreport::cli::define_batch},
    {"validate", "Check records against their JSON Schema", kreport::cli::define_validate},
    {"index", "Index records into a queryable SQLite archive", kreport::cli::define_index},
    {"query", "Ask the archive one of the documented questions", kreport::cli::define_query},
    {"schema", "Print the JSON Schema of the record", kreport::cli::define_schema},
    {"render", "Write saved records as Markdown or retrieval chunks, without the PDFs",
     kreport::cli::define_render},
    {"rules", "List the rule tables: the words and forms kreport reads, each with an example",
     kreport::cli::define_rules},
    {"show", "Draw a page with what each stage found over it (PNG or SVG, with a legend)",
     kreport::cli::define_show},
};

constexpr const char* kAbout =
    "kreport turns Korean securities-research PDFs (broker reports) into JSON records that\n"
    "follow a versioned JSON Schema (\"kreport.report\", see `kreport schema`).\n\n"
    "Examples (each one is run by the tests as written):\n"
    "  kreport extract report.pdf                  # print the record on stdout\n"
    "  cat report.pdf | kreport extract -          # the same, from standard input\n"
    "  kreport extract report.pdf -o r.json --pretty\n"
    "  kreport batch reports/ -o records/ -j 4     # a folder, in parallel, surviving bad files\n"
    "  kreport batch reports/ --jsonl > all.jsonl  # every record as one JSON line\n"
    "  kreport validate records/*.json             # check records against their schema\n"
    "  kreport batch reports/ --jsonl | kreport index - --db archive.sqlite\n"
    "  kreport query archive.sqlite target-prices 005930   # ask the archive\n"
    "  kreport rules ratings                       # the rating words kreport knows\n"
    "  kreport show report.pdf --page 1 -o page.png   # the page with what kreport saw\n";

// CLI11 ends with its own 100+ codes; ours are documented, so its errors are mapped here.
int parse_failed(CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
  if (e.get_exit_code() == 0) {
    app.exit(e);  // --help, --version: on std::cout, whose failure is an output error too
    if (!std::cout.flush()) {
      spdlog::error("-: cannot write to standard output");
      return kreport::kExitOutput;
    }
    return kreport::kExitOk;
  }
  // A file whose name starts with '-' is taken for an option: say how to name it.
  std::string hint;
  for (int i = 1; i < argc; ++i)
    if (argv[i][0] == '-' && argv[i][1] != '\0' && std::filesystem::exists(argv[i]))
      hint = std::string("; ") + argv[i] + " is a file: put -- before it (kreport extract -- " +
             argv[i] + ")";
  spdlog::error("{}{} (see kreport --help)", e.what(), hint);
  return kreport::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  // First of all: no file opened later may take the number of a closed stdin/stdout/stderr.
  kreport::occupy_closed_std_fds();
  // A closed stdout (`kreport extract r.pdf | head -c 1`) is a write error, exit 4, not death
  // by SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  // stdout carries data only; everything for people goes to stderr.
  auto log = spdlog::stderr_logger_st("kreport");
  log->set_pattern("kreport: %v");
  spdlog::set_default_logger(log);

  CLI::App app{kAbout};
  app.name("kreport");
  app.footer(kreport::exit_codes_help());
  app.set_version_flag("--version", std::string("kreport ") + KREPORT_VERSION);
  app.require_subcommand(1);
  std::vector<std::pair<CLI::App*, kreport::cli::Run>> runs;
  for (const Command& c : kCommands) {
    CLI::App* cmd = app.add_subcommand(c.name, c.summary);
    runs.emplace_back(cmd, c.define(*cmd));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return parse_failed(app, e, argc, argv);
  }
  for (const auto& [cmd, run] : runs)
    if (*cmd) return kreport::cli::run_guarded(cmd->get_name(), run);
  return kreport::kExitUsage;
}
