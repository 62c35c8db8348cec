// `kreport validate` and `kreport schema`. A file holds one record (compact or indented) or
// JSON Lines; each record is checked against the schema version it names, and every problem
// is one line: "FILE[:LINE]: /json/pointer: what is wrong".
#include <spdlog/spdlog.h>

#include <cstdio>

#include "commands.h"
#include "kreport/error.h"
#include "kreport/files.h"
#include "kreport/records.h"
#include "kreport/validate.h"

namespace kreport::cli {
namespace {

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

}  // namespace

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
  if (!text) {
    spdlog::error("unknown schema {} version \"{}\" (known: {})", name, v, known_versions(name));
    return kExitUsage;
  }
  try {
    write_stdout(text);
  } catch (const Error& e) {
    spdlog::error(describe(e));
    return exit_code(e.code());
  }
  return kExitOk;
}

}  // namespace kreport::cli
