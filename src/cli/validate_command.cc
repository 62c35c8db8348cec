// `kreport validate` and `kreport schema`. A file holds one record (compact or indented) or
// JSON Lines; each record is checked against the schema version it names, and every problem
// is one line: "FILE[:LINE]: /json/pointer: what is wrong".
#include <spdlog/spdlog.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "kreport/error.h"
#include "kreport/files.h"
#include "kreport/validate.h"

namespace kreport::cli {
namespace {

struct Counts {
  int valid = 0, invalid = 0;
};

void check(const std::string& name, std::string_view text, Counts& counts) {
  std::vector<Problem> problems = validate_record(text);
  if (problems.empty()) {
    ++counts.valid;
    return;
  }
  ++counts.invalid;
  for (const Problem& p : problems)
    spdlog::error("{}: {}: {}", name, p.pointer.empty() ? "(record)" : p.pointer, p.message);
}

void check_file(const std::string& path, Counts& counts) {
  std::string text = read_input(path);
  if (nlohmann::json::accept(text)) return check(path, text, counts);
  // Not one JSON document: JSON Lines, one record per non-empty line.
  size_t line_no = 0, start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    ++line_no;
    std::string_view line(text.data() + start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos)
      check(path + ":" + std::to_string(line_no), line, counts);
    start = end + 1;
  }
}

}  // namespace

int run_validate(const ValidateArgs& args) {
  Counts counts;
  int unreadable = 0;
  for (const std::string& path : args.inputs) {
    try {
      check_file(path, counts);
    } catch (const Error& e) {
      spdlog::error(describe(e));
      ++unreadable;
    }
  }
  if (!args.quiet)
    spdlog::info("{} valid, {} invalid record(s){}", counts.valid, counts.invalid,
                 unreadable ? ", " + std::to_string(unreadable) + " unreadable file(s)" : "");
  return counts.invalid + unreadable > 0 ? kExitSomeFailed : kExitOk;
}

int run_schema(const std::string& name, const std::string& version) {
  std::string v = version.empty() ? latest_schema_version(name) : version;
  const char* text = schema_text(name, v);
  if (!text) {
    spdlog::error("unknown schema {} version \"{}\" (known: {})", name, v, known_versions(name));
    return kExitUsage;
  }
  std::fputs(text, stdout);
  return std::fflush(stdout) == 0 ? kExitOk : kExitOutput;
}

}  // namespace kreport::cli
