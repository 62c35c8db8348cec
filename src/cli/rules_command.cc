// `kreport rules`: the rule tables as text, all of them or the ones named.
#include <spdlog/spdlog.h>

#include <algorithm>

#include <CLI/CLI.hpp>

#include "command.h"
#include "kreport/error.h"
#include "kreport/files.h"
#include "kreport/rules.h"

namespace kreport::cli {
namespace {

int run_rules(const std::vector<std::string>& names) {
  std::vector<RuleTable> tables = rule_tables(), chosen;
  std::vector<ParamTable> params = param_tables(), chosen_params;
  for (const std::string& name : names) {
    auto it = std::find_if(tables.begin(), tables.end(),
                           [&](const RuleTable& t) { return t.name == name; });
    auto param = std::find_if(params.begin(), params.end(),
                              [&](const ParamTable& t) { return t.name == name; });
    if (it != tables.end()) {
      chosen.push_back(*it);
    } else if (param != params.end()) {
      chosen_params.push_back(*param);
    } else {
      std::string known;
      for (const RuleTable& t : tables) known += (known.empty() ? "" : ", ") + t.name;
      for (const ParamTable& t : params) known += ", " + t.name;
      throw Error(Errc::usage, "unknown rule table \"" + name + "\" (known: " + known + ")");
    }
  }
  // The vocabulary first, then each stage's thresholds.
  if (names.empty()) chosen = tables, chosen_params = params;
  write_stdout(describe_rules(chosen) + describe_params(chosen_params));
  return kExitOk;
}

}  // namespace

Run define_rules(CLI::App& cmd) {
  auto names = std::make_shared<std::vector<std::string>>();
  cmd.add_option("tables", *names, "Only these tables (e.g. ratings date_forms layout_params)");
  cmd.footer(
      "\nExamples:\n"
      "  kreport rules                                 # every table\n"
      "  kreport rules ratings date_forms              # two of them\n"
      "  kreport rules layout_params                   # the layout stage's thresholds\n"
      "\nEvery row is a rule the stages apply (a rating word, a date form, a section\n"
      "heading, a column label...) with a real example it holds on; the test suite runs\n"
      "each rule on its example. Then each stage's parameter block: every threshold\n"
      "with its value, unit and reason.\n");
  return {[names] { return run_rules(*names); }, nullptr};
}

}  // namespace kreport::cli
