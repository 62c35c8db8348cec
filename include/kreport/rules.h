// Every rule table of kreport, as people read them: for `kreport rules` (like ninja's
// `-t list`) and for the test that runs each row's rule on its own example.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <type_traits>
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

/// One threshold of a stage's parameter block (Tesseract's `--print-parameters`): its field's
/// name, its value as the stage uses it, its unit and why it has that value.
struct ParamRow {
  std::string name;    // "line_gutter_em"
  std::string value;   // "1.6"
  std::string unit;    // "em"
  std::string reason;  // "a wider gap between two words is a gutter: it ends the line"
};

/// A stage's parameter block as rows, and the number of fields the block's struct has (the
/// test compares the two, so a field added without a row fails).
struct ParamTable {
  std::string name;  // "layout_params"
  std::string what;  // "src/layout/params.h: lines, furniture, reading order and blocks"
  std::vector<ParamRow> rows;
  size_t fields = 0;
};

/// Every stage's parameter block, in the order of the stages.
std::vector<ParamTable> param_tables();
ParamTable layout_param_table();
ParamTable region_param_table();
ParamTable table_param_table();
ParamTable extract_param_table();

/// The blocks as text: a heading line per block, a line per threshold.
std::string describe_params(const std::vector<ParamTable>& tables);

/// How many fields the aggregate `T` has: the most initializers `T{...}` takes (every field
/// of a parameter block is a number).
struct AnyField {
  template <typename T>
  constexpr operator T() const {
    return T{};
  }
};
template <typename T, typename... Given>
constexpr size_t field_count() {
  if constexpr (requires { T{Given{}..., AnyField{}}; })
    return field_count<T, Given..., AnyField>();
  else
    return sizeof...(Given);
}

/// A threshold's value as `kreport rules` prints it.
template <typename T>
std::string param_value(T v) {
  if constexpr (std::is_floating_point_v<T>) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", static_cast<double>(v));
    return buf;
  } else {
    return std::to_string(v);
  }
}

}  // namespace kreport

/// A row of a parameter table, read from the block itself: the field's name as written and
/// its value (a misspelt field does not compile).
#define KREPORT_PARAM(block, field, unit, reason)             \
  ::kreport::ParamRow {                                       \
#field, ::kreport::param_value(block.field), unit, reason \
  }
