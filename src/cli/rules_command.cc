// `kreport rules`: the rule tables as text, all of them or the ones named.
#include <spdlog/spdlog.h>

#include <algorithm>

#include "commands.h"
#include "kreport/error.h"
#include "kreport/files.h"
#include "kreport/rules.h"

namespace kreport::cli {

int run_rules(const std::vector<std::string>& names) {
  std::vector<RuleTable> tables = rule_tables(), chosen;
  for (const std::string& name : names) {
    auto it = std::find_if(tables.begin(), tables.end(),
                           [&](const RuleTable& t) { return t.name == name; });
    if (it == tables.end()) {
      std::string known;
      for (const RuleTable& t : tables) known += (known.empty() ? "" : ", ") + t.name;
      spdlog::error("unknown rule table \"{}\" (known: {})", name, known);
      return kExitUsage;
    }
    chosen.push_back(*it);
  }
  try {
    write_stdout(describe_rules(names.empty() ? tables : chosen));
  } catch (const Error& e) {
    spdlog::error(describe(e));
    return exit_code(e.code());
  }
  return kExitOk;
}

}  // namespace kreport::cli
