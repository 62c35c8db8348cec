// Every fixture table against its expected grid (tests/tables/<fixture>.json, read from the
// fixture's HTML by tests/tables/from_html.py): the same tables in the same order, every
// column's label and unit, every cell. A mismatch names table, row and column.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "run.h"

using kreport::test::read_file;
using kreport::test::run_kreport;
using kreport::test::source_dir;
using nlohmann::json;

namespace {

bool same_cell(const json& got, const json& want) {
  if (got.is_number() && want.is_number())
    return std::fabs(got.get<double>() - want.get<double>()) < 1e-9;
  return got == want;
}

class TablesTruth : public testing::TestWithParam<std::string> {};

TEST_P(TablesTruth, EveryCellAsInTheHtml) {
  std::string name = GetParam();
  json want = json::parse(read_file(source_dir() / "tests/tables" / (name + ".json")));
  auto r = run_kreport("extract -q fixtures/" + name + ".pdf");
  ASSERT_EQ(r.code, 0) << r.err;
  json got = json::parse(r.out)["tables"];
  ASSERT_EQ(got.size(), want.size()) << "tables found";
  size_t cells = 0;
  for (size_t t = 0; t < want.size(); ++t) {
    SCOPED_TRACE(name + " table " + std::to_string(t + 1) + " (" + got[t]["id"].get<std::string>() +
                 ", page " + std::to_string(got[t]["page"].get<int>()) + ")");
    const json& gc = got[t]["columns"];
    const json& wc = want[t]["columns"];
    ASSERT_EQ(gc.size(), wc.size()) << "columns";
    for (size_t k = 0; k < wc.size(); ++k) {
      EXPECT_EQ(gc[k]["label"], wc[k]["label"]) << "label of column " << k + 1;
      EXPECT_EQ(gc[k]["unit"], wc[k]["unit"]) << "unit of column " << k + 1;
    }
    const json& gr = got[t]["rows"];
    const json& wr = want[t]["rows"];
    ASSERT_EQ(gr.size(), wr.size()) << "rows";
    for (size_t i = 0; i < wr.size(); ++i)
      for (size_t k = 0; k < wc.size(); ++k, ++cells)
        EXPECT_TRUE(same_cell(gr[i][k], wr[i][k])) << "row " << i + 1 << ", column " << k + 1
                                                   << ": got " << gr[i][k] << ", want " << wr[i][k];
  }
  RecordProperty("cells", static_cast<int>(cells));
}

// A page of prose (the news page, the Hanwha report's body) has no tables: two-column text
// is no grid. The expected files of those fixtures are empty lists or hold only the
// disclosure's distribution table.
INSTANTIATE_TEST_SUITE_P(Fixtures, TablesTruth,
                         testing::Values("sk_weekly", "mirae_ai_weekly", "china_weekly",
                                         "hanwha_us_stock", "news_page", "company_report"));

}  // namespace
