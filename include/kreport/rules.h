// Every rule table of kreport, as people read them: for `kreport rules` (like ninja's
// `-t list`) and for the test that runs each row's rule on its own example.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace kreport {

/// One row of a rule table: what it matches and a real example of it.
struct RuleRow {
  std::string rule;     // "trading buy -> buy (stock)"
  std::string example;  // "Trading Buy(유지)"
};

/// A rule table and the check that runs its rule on each row's example.
struct RuleTable {
  std::string name;  // "ratings"
  std::string what;  // one line for people
  std::vector<RuleRow> rows;
  /// Runs the rule of row `i` on `example` (the row's own, in the rule test) through the code
  /// the stages use: "" when it gives that row's answer, else what it gave instead.
  std::function<std::string(size_t i, const std::string& example)> check;
};

/// Every table, in the order `kreport rules` prints them.
std::vector<RuleTable> rule_tables();

/// The tables as text: a heading line per table, an indented line per row.
std::string describe_rules(const std::vector<RuleTable>& tables);

}  // namespace kreport
