// kreport's command line: parses arguments into plain structs and hands them to commands.cc.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "commands.h"
#include "kreport/error.h"

namespace {

constexpr const char* kExitCodes = R"(Exit codes:
  0  success
  1  usage error (bad option or argument)
  2  input rejected: missing, empty, not a PDF, truncated or damaged, encrypted
     (or wrong --password), no pages, or no usable text on any page
  3  batch/validate: some inputs failed, the others were processed
  4  output could not be written
  5  internal error (a bug: please report it with the input file)
Errors are one line on stderr: "kreport: FILE: reason". Records go to stdout or -o.)";

}  // namespace

int main(int argc, char** argv) {
  // stdout carries data only; everything for people goes to stderr.
  auto log = spdlog::stderr_logger_st("kreport");
  log->set_pattern("kreport: %v");
  spdlog::set_default_logger(log);

  CLI::App app{
      "kreport turns Korean securities-research PDFs (broker reports) into JSON records that\n"
      "follow a versioned JSON Schema (schema \"kreport.report\" 1.0).\n\n"
      "Examples:\n"
      "  kreport extract report.pdf              print the record on stdout\n"
      "  cat report.pdf | kreport extract -      the same, from standard input\n"
      "  kreport extract report.pdf -o r.json --pretty\n"};
  app.name("kreport");
  app.footer(kExitCodes);
  app.set_version_flag("--version", std::string("kreport ") + KREPORT_VERSION);
  app.require_subcommand(1);

  kreport::cli::ExtractArgs ex;
  CLI::App* extract = app.add_subcommand("extract", "Extract one PDF into one JSON record");
  extract->add_option("input", ex.input, "PDF file, or - for standard input")->required();
  extract->add_option("-o,--output", ex.output,
                      "Write the record to this file (atomically) instead of stdout");
  extract->add_option("--password", ex.password, "Password of an encrypted PDF (user or owner)");
  extract->add_flag("--pretty", ex.pretty, "Indent the JSON (default: one compact line)");
  extract->add_flag("-q,--quiet", ex.quiet,
                    "Do not print warnings on stderr (they stay in the record)");
  extract->footer(kExitCodes);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 exits with its own 100+ codes; ours are documented, so map them here.
    if (e.get_exit_code() == 0) {
      app.exit(e);
      return kreport::kExitOk;
    }
    spdlog::error("{} (see kreport --help)", e.what());
    return kreport::kExitUsage;
  }
  if (*extract) return kreport::cli::run_extract(ex);
  return kreport::kExitUsage;
}
