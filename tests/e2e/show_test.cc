// `kreport show`: golden pictures of fixture pages (PNG compared byte for byte, SVG as text;
// regenerate: scripts/update-goldens.sh), and every block, table, cell, region and running
// line of a page drawn once: the SVG's shapes of each kind counted against the record and the
// stage dumps.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "hostile.h"
#include "run.h"

namespace fs = std::filesystem;
using kreport::test::read_file;
using kreport::test::run_kreport;
using kreport::test::source_dir;

namespace {

// The golden pictures: a page of a cover with a sidebar and a lead box, and a page of
// figures and tables (scripts/update-goldens.sh writes the same list).
const std::vector<std::pair<std::string, int>> kGoldenPages = {{"company_report", 1},
                                                               {"regions_classes", 2}};

std::string golden_name(const std::string& fixture, int page, const std::string& ext) {
  return fixture + ".p" + std::to_string(page) + "." + ext;
}

// How many `<rect class="KIND"` (or `<line`) shapes of each kind the SVG draws (the legend's
// swatches, class "KIND key", are not counted).
std::map<std::string, int> shapes(const std::string& svg) {
  std::map<std::string, int> n;
  static const std::regex shape(R"re(<(?:rect|line) class="([a-z_]+)")re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), shape); it != std::sregex_iterator();
       ++it)
    ++n[(*it)[1].str()];
  return n;
}

TEST(Show, GoldenPicturesMatchByteForByte) {
  fs::path dir = kreport::hostile::scratch_dir("show-golden");
  for (const auto& [fixture, page] : kGoldenPages)
    for (std::string ext : {"png", "svg"}) {
      fs::path out = dir / golden_name(fixture, page, ext);
      auto run = run_kreport("show -q fixtures/" + fixture + ".pdf --page " + std::to_string(page) +
                             " -o '" + out.string() + "'");
      ASSERT_EQ(run.code, 0) << run.err;
      EXPECT_EQ(run.err, "");
      std::string want = read_file(source_dir() / "tests/golden/show" / out.filename());
      ASSERT_FALSE(want.empty()) << out.filename() << ": no golden (scripts/update-goldens.sh)";
      std::string got = read_file(out);
      if (ext == "svg") {
        EXPECT_EQ(got, want) << out.filename();  // a text diff: which mark moved
      } else {
        EXPECT_TRUE(got == want) << out.filename() << ": the PNG differs from the golden ("
                                 << got.size() << " bytes, golden " << want.size() << ")";
      }
    }
  kreport::hostile::remove_scratch(dir);
}

// Every page of these fixtures: each block of the record on the page is one shape of its
// type, each table on the page one `table` and each of its cells there one `cell`, each
// region of the regions stage one shape of its kind, each running line one `running`.
TEST(Show, EveryBlockTableRegionAndRunningLineIsDrawn) {
  fs::path dir = kreport::hostile::scratch_dir("show-count");
  for (std::string fixture : {"company_report", "regions_classes", "hanwha_us_stock",
                              "china_weekly", "peer_tables", "mirae_ai_weekly"}) {
    std::string pdf = "fixtures/" + fixture + ".pdf";
    fs::path dump = dir / (fixture + "-dump"), pics = dir / fixture;
    auto ex =
        run_kreport("extract -q " + pdf + " --dump-stage lines,regions '" + dump.string() + "'");
    ASSERT_EQ(ex.code, 0) << ex.err;
    auto record = nlohmann::json::parse(ex.out);
    auto lines = nlohmann::json::parse(read_file(dump / "lines.json"));
    auto regions = nlohmann::json::parse(read_file(dump / "regions.json"));
    auto run =
        run_kreport("show -q " + pdf + " --pages all --format svg -o '" + pics.string() + "'");
    ASSERT_EQ(run.code, 0) << run.err;
    int pages = record["source"]["pages"];
    int blocks_seen = 0;
    for (int p = 1; p <= pages; ++p) {
      std::map<std::string, int> want;
      for (const auto& s : record["sections"])
        for (const auto& b : s["blocks"])
          if (b["page"] == p) ++want[b["type"].get<std::string>()], ++blocks_seen;
      for (const auto& t : record["tables"]) {
        bool here = t["page"] == p;
        for (const auto& row : t["cell_boxes"])
          for (const auto& c : row)
            if (c.is_object() && c["page"] == p) ++want["cell"], here = true;
        want["table"] += here;
      }
      for (const auto& r : regions["pages"][p - 1]["regions"]) ++want[r["kind"].get<std::string>()];
      for (const auto& l : lines["pages"][p - 1]["lines"]) want["running"] += l["running"] == true;
      std::string svg = read_file(pics / ("page-" + std::to_string(p) + ".svg"));
      ASSERT_FALSE(svg.empty()) << fixture << " page " << p;
      std::map<std::string, int> got = shapes(svg);
      for (const auto& [kind, n] : want)
        EXPECT_EQ(got[kind], n) << fixture << " page " << p << ": shapes of kind " << kind;
    }
    EXPECT_GT(blocks_seen, 0) << fixture;
  }
  kreport::hostile::remove_scratch(dir);
}

// A document extract rejects for want of text is drawn all the same, with nothing over it
// and the reason on stderr: that page is what a picture is wanted for.
TEST(Show, DrawsAPageWithNoTextBareAndSaysWhy) {
  fs::path dir = kreport::hostile::scratch_dir("show-bare");
  auto run = run_kreport("show fixtures/odd/unmapped_glyphs.pdf --ocr off -o '" +
                         (dir / "p.svg").string() + "'");
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.err.find("no usable text on any of 1 page(s)"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("(drawn with nothing found on it)"), std::string::npos) << run.err;
  std::string svg = read_file(dir / "p.svg");
  EXPECT_NE(svg.find("<image "), std::string::npos);
  EXPECT_TRUE(shapes(svg).empty()) << svg.substr(0, 300);
  kreport::hostile::remove_scratch(dir);
}

TEST(Show, RefusesPagesTheDocumentHasNotAndOtherPictureKinds) {
  fs::path dir = kreport::hostile::scratch_dir("show-refuse");
  auto beyond = run_kreport("show fixtures/company_report.pdf -q --page 99 -o '" +
                            (dir / "p.png").string() + "'");
  EXPECT_EQ(beyond.code, 1);
  EXPECT_NE(beyond.err.find("no page 99: the document has 3 page(s)"), std::string::npos)
      << beyond.err;
  EXPECT_FALSE(fs::exists(dir / "p.png"));
  auto kind = run_kreport("show fixtures/company_report.pdf -o '" + (dir / "p.jpg").string() + "'");
  EXPECT_EQ(kind.code, 1);
  EXPECT_NE(kind.err.find("FILE.png or FILE.svg"), std::string::npos) << kind.err;
  auto backwards =
      run_kreport("show fixtures/company_report.pdf --pages 2-1 -o '" + dir.string() + "'");
  EXPECT_EQ(backwards.code, 1);
  EXPECT_NE(backwards.err.find("runs backwards"), std::string::npos) << backwards.err;
  kreport::hostile::remove_scratch(dir);
}

}  // namespace
