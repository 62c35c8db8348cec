// `kreport validate` and `kreport schema`. A file holds one record (compact or indented) or
// JSON Lines; each record is checked against the schema version it names, and every problem
// is one line: "FILE[:LINE]: /json/pointer: what is wrong".
#include <spdlog/spdlog.h>

#include <cstdio>

#include <CLI/CLI.hpp>

#include "command.h"
#include "kreport/error.h"
#include "kreport/files.h"
#include "kreport/records.h"
#include "kreport/validate.h"

namespace kreport::cli {
namespace {

struct ValidateArgs {
  std::vector<std::string> inputs;  // record files, JSON Lines files, or "-"
  bool quiet = false;
};

struct Counts {
  int valid = 0, invalid = 0, unreadable = 0, over_limit = 0;
};

void check(const std::string& name, std::string_view text, Counts& counts) {
  std::vector<Problem> problems = validate_record(text);
  if (problems.empty()) {
    ++counts.valid;
    return;
  }
  ++counts.invalid;
  for (const Problem& p : problems)
    spdlog::error("{}: {}: {}", one_line(name), p.pointer.empty() ? "(record)" : p.pointer,
                  one_line(p.message));
}

int run_validate(const ValidateArgs& args) {
  Counts counts;
  for (const std::string& path : args.inputs)
    read_records(path, [&counts](RecordInput&& r) {
      if (r.problem.empty()) return check(r.name, r.text, counts);
      spdlog::error("{}: {}", one_line(r.name), r.problem);
      ++(r.over_limit ? counts.over_limit : counts.unreadable);
    });
  if (!args.quiet) {
    std::string more;
    if (counts.unreadable) more += ", " + std::to_string(counts.unreadable) + " unreadable";
    if (counts.over_limit) more += ", " + std::to_string(counts.over_limit) + " over the limit";
    spdlog::info("{} valid, {} invalid record(s){}", counts.valid, counts.invalid, more);
  }
  // Records over a limit are rejected input (2), unless some were invalid or unreadable (3).
  if (counts.invalid + counts.unreadable > 0) return kExitSomeFailed;
  return counts.over_limit > 0 ? kExitInput : kExitOk;
}

int run_schema(const std::string& name, const std::string& version) {
  std::string v = version.empty() ? latest_schema_version(name) : version;
  const char* text = schema_text(name, v);
  if (!text)
    throw Error(Errc::usage, "unknown schema " + name + " version \"" + v +
                                 "\" (known: " + known_versions(name) + ")");
  write_stdout(text);
  return kExitOk;
}

}  // namespace

Run define_validate(CLI::App& cmd) {
  auto args = std::make_shared<ValidateArgs>();
  cmd.add_option("inputs", args->inputs, "Record files, or - for standard input")->required();
  cmd.add_flag("-q,--quiet", args->quiet, "Print problems only, not the final count");
  cmd.footer(
      footer("\nExamples:\n"
             "  kreport validate records/*.json               # records and the batch summary\n"
             "  kreport extract report.pdf | kreport validate -\n"
             "\nEach record is checked against the schema version it names\n"
             "(schema_version). A file may hold one record or JSON Lines; every\n"
             "problem is one line on stderr: FILE[:LINE]: /json/pointer: what is wrong.\n"
             "A record is at most 32 MiB (exit 2 beyond) and nests at most 64 deep\n"
             "(invalid beyond: exit 3).\n"));
  return {[args] { return run_validate(*args); }, nullptr};
}

Run define_schema(CLI::App& cmd) {
  struct SchemaArgs {
    std::string name = "report", version;
  };
  auto args = std::make_shared<SchemaArgs>();
  cmd.add_option("--version", args->version, "Schema version, e.g. 1.0 (default: current)");
  cmd.add_option("--name", args->name, "Which schema: report (default), batch_summary or chunk")
      ->check(CLI::IsMember({"report", "batch_summary", "chunk"}));
  cmd.footer(footer(R"(
Examples:
  kreport schema > report.schema.json           # the record's schema, as kreport writes it
  kreport schema --version 1.0                  # an older version
  kreport schema --name batch_summary           # batch's _summary.json
  kreport schema --name chunk > chunk.schema.json   # a line of --format chunks
)"));
  return {[args] { return run_schema("kreport." + args->name, args->version); }, nullptr};
}

}  // namespace kreport::cli
