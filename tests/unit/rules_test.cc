// Every row of every rule table, run on its own example through the code the stages use.
#include "kreport/rules.h"

#include <gtest/gtest.h>

#include <set>

using namespace kreport;

TEST(Rules, EveryRowHoldsOnItsOwnExample) {
  size_t rows = 0;
  for (const RuleTable& t : rule_tables()) {
    EXPECT_FALSE(t.rows.empty()) << t.name;
    for (size_t i = 0; i < t.rows.size(); ++i, ++rows) {
      EXPECT_FALSE(t.rows[i].example.empty()) << t.name << ": " << t.rows[i].rule;
      EXPECT_EQ(t.check(i, t.rows[i].example), "")
          << t.name << ": " << t.rows[i].rule << "  on \"" << t.rows[i].example << "\"";
    }
  }
  EXPECT_GT(rows, 200u);  // the tables are all there
}

// A check can fail: run on the example of another row that gives another answer, it says so.
TEST(Rules, ACheckFailsOnAnotherRowsExample) {
  size_t failed = 0, tables = 0;
  for (const RuleTable& t : rule_tables()) {
    if (t.rows.size() < 2) continue;
    ++tables;
    for (size_t i = 1; i < t.rows.size(); ++i)
      if (!t.check(0, t.rows[i].example).empty()) {
        ++failed;
        break;
      }
  }
  EXPECT_EQ(failed, tables);  // in every table, row 0 fails on some other row's example
}

TEST(Rules, DescribedTablesNameEveryTable) {
  std::vector<RuleTable> tables = rule_tables();
  std::string text = describe_rules(tables);
  for (const RuleTable& t : tables)
    EXPECT_NE(text.find(t.name + " (" + std::to_string(t.rows.size()) + "): "), std::string::npos)
        << t.name;
}

// Every field of every stage's parameter block has its row: a field added to a params.h
// without one fails here.
TEST(Rules, EveryParameterHasItsRow) {
  std::vector<ParamTable> tables = param_tables();
  EXPECT_EQ(tables.size(), 4u);
  for (const ParamTable& t : tables) {
    EXPECT_EQ(t.rows.size(), t.fields) << t.name;
    std::set<std::string> names;
    for (const ParamRow& r : t.rows) {
      EXPECT_TRUE(names.insert(r.name).second) << t.name << ": " << r.name << " twice";
      EXPECT_FALSE(r.value.empty()) << r.name;
      EXPECT_FALSE(r.unit.empty()) << r.name;
      EXPECT_FALSE(r.reason.empty()) << r.name;
    }
  }
}

TEST(Rules, FieldCountCountsAnAggregatesFields) {
  struct Three {
    double a = 1;
    size_t b = 2;
    int c = 3;
  };
  struct One {
    long a = 1;
  };
  static_assert(field_count<Three>() == 3);
  static_assert(field_count<One>() == 1);
  EXPECT_EQ(param_value(0.05), "0.05");
  EXPECT_EQ(param_value(size_t{3000}), "3000");
}

TEST(Rules, DescribedParamsListEveryThreshold) {
  std::vector<ParamTable> tables = param_tables();
  std::string text = describe_params(tables);
  for (const ParamTable& t : tables)
    for (const ParamRow& r : t.rows)
      EXPECT_NE(text.find("  " + r.name + " "), std::string::npos) << t.name << ": " << r.name;
  EXPECT_NE(text.find("line_gutter_em"), std::string::npos);
}

// One rule says when a cell or a line states a rating, for the cover's box and for the
// history's cells alike.
TEST(Ratings, StatedRatingIsAWordWithAtMostAGlossAndAChange) {
  auto stated = [](const char* text) -> std::string {
    const vocab::RatingWord* r = vocab::stated_rating(text);
    return r ? r->rating : "-";
  };
  EXPECT_EQ(stated("투자의견: BUY(유지)"), "buy");
  EXPECT_EQ(stated("투자의견(12M) Trading Buy"), "buy");
  EXPECT_EQ(stated(" 매수, 상향 "), "buy");
  EXPECT_EQ(stated("Not Rated"), "not_rated");
  EXPECT_EQ(stated("중립 (유지)"), "hold");
  EXPECT_EQ(stated("BUY 목표주가 75,000원"), "-");
  EXPECT_EQ(stated("Overweight(비중확대)"), "-");
  EXPECT_EQ(stated("매수자"), "-");
}
