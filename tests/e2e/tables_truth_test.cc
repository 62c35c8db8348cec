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
    // Every cell with text has the place it was printed: on the table's page or, for a
    // table continued, a later one; inside the table's box when on its first page.
    const json& boxes = got[t]["cell_boxes"];
    ASSERT_EQ(boxes.size(), gr.size()) << "cell_boxes rows";
    const json& tb = got[t]["bbox"];
    for (size_t i = 0; i < gr.size(); ++i)
      for (size_t k = 0; k < gc.size(); ++k) {
        const json& b = boxes[i][k];
        EXPECT_EQ(b.is_null(), gr[i][k].is_null())
            << "box of row " << i + 1 << ", column " << k + 1;
        if (b.is_null()) continue;
        EXPECT_GE(b["page"].get<int>(), got[t]["page"].get<int>());
        if (b["page"] != got[t]["page"]) continue;
        for (int c : {0, 1}) {
          EXPECT_TRUE(b["bbox"][c] >= tb[c].get<double>() - 0.1 &&
                      b["bbox"][c + 2] <= tb[c + 2].get<double>() + 0.1)
              << "row " << i + 1 << ", column " << k + 1 << " outside the table";
        }
      }
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
                                         "hanwha_us_stock", "news_page", "company_report",
                                         "layout_classes", "estimates_forms"));

}  // namespace
