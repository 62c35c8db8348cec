// Tables on random pages: whatever the lines, the finder ends, and what it returns is a
// grid (every row as wide as the columns), every line it takes is taken once by a table
// that exists, and the page in reading order keeps all its lines. Seeded, so a failure reproduces;
// runs under ASan/UBSan with the rest.
#include <gtest/gtest.h>

#include <random>
#include <regex>
#include <set>

#include "kreport/extract.h"
#include "kreport/tables.h"

using namespace kreport;

namespace {

const char* kTexts[] = {"매출액",
                        "4,282",
                        "-12.0",
                        "(3.4)",
                        "95.2%",
                        "1W",
                        "2024A",
                        "4QF",
                        "$3M",
                        "1,229 TB/s",
                        "AAPL US",
                        "엔비디아 (NVDA)",
                        "- 코멘트 한 줄",
                        "표 1. 제목",
                        "자료: SK증권",
                        "주: 기준",
                        "2023-01-10",
                        "BUY(유지)",
                        "기간별 수익률(%)",
                        "(단위: 조원)",
                        "빅테크",
                        "목표주가",
                        "괴리율(%)",
                        "005930",
                        "1.7x"};

Line random_line(std::mt19937& rng, double width) {
  std::uniform_int_distribution<size_t> pick(0, std::size(kTexts) - 1);
  std::uniform_real_distribution<double> x(0, width), y(0, 800), size(5, 12), w(5, 200);
  Line l;
  l.size = size(rng);
  double x0 = x(rng), y0 = y(rng);
  int words = std::uniform_int_distribution<int>(1, 4)(rng);
  double at = x0;
  for (int i = 0; i < words; ++i) {
    std::string t = kTexts[pick(rng)];
    double len = w(rng) / 4;
    l.spans.push_back({t, {at, y0, at + len, y0 + l.size}, rng() % 2 == 0, i > 0});
    l.text += (i ? " " : "") + t;
    at += len + std::uniform_real_distribution<double>(0, 3 * l.size)(rng);
  }
  l.bbox = {x0, y0, at, y0 + l.size};
  l.font = "NanumGothic";
  return l;
}

}  // namespace

TEST(TablesRandom, AnyPageGivesWellFormedGrids) {
  std::mt19937 rng(20261122);
  size_t found = 0;
  for (int round = 0; round < 300; ++round) {
    std::vector<PageLines> pages(3);
    for (size_t p = 0; p < pages.size(); ++p) {
      pages[p].number = static_cast<int>(p + 1);
      pages[p].width = 595;
      pages[p].height = 842;
      int lines = std::uniform_int_distribution<int>(0, 120)(rng);
      // Some pages as a grid: lines on shared rows and columns, as tables are.
      bool grid = rng() % 2 == 0;
      for (int i = 0; i < lines; ++i) {
        Line l = random_line(rng, pages[p].width);
        if (grid) {
          double dy = (i / 6) * 12.0 - l.bbox.y0, dx = (i % 6) * 80.0 - l.bbox.x0;
          l.bbox = {l.bbox.x0 + dx, l.bbox.y0 + dy, l.bbox.x1 + dx, l.bbox.y1 + dy};
          for (Span& s : l.spans)
            s.bbox = {s.bbox.x0 + dx, s.bbox.y0 + dy, s.bbox.x1 + dx, s.bbox.y1 + dy};
        }
        pages[p].lines.push_back(std::move(l));
      }
    }
    TableSet set = find_tables(pages);
    const std::vector<Table>& tables = set.tables;
    found += tables.size();
    std::set<std::string> ids;
    for (const Table& t : tables) {
      EXPECT_TRUE(ids.insert(t.id).second) << "round " << round << ": id " << t.id << " twice";
      EXPECT_GE(t.columns.size(), 2u) << "round " << round;
      for (const auto& row : t.rows) EXPECT_EQ(row.size(), t.columns.size()) << "round " << round;
    }
    ASSERT_EQ(set.placed.size(), pages.size());
    for (size_t p = 0; p < pages.size(); ++p) {
      std::set<size_t> taken;
      for (const PlacedTable& placed : set.placed[p]) {
        EXPECT_TRUE(ids.count(placed.id)) << "round " << round << ": " << placed.id;
        for (size_t i : placed.lines) {
          EXPECT_LT(i, pages[p].lines.size()) << "round " << round;
          EXPECT_TRUE(taken.insert(i).second) << "round " << round << ": line " << i << " twice";
        }
      }
      // The page in reading order keeps every line once.
      PageLayout ordered = order_page(pages[p], set.placed[p]);
      EXPECT_EQ(ordered.lines.size(), pages[p].lines.size()) << "round " << round;
    }
    // The readers of the tables take what they are given, whatever it is: a peer is named,
    // a rating change is dated (an ISO date) and names a rating or a price.
    for (const Peer& peer : peers_of(tables))
      EXPECT_TRUE(peer.name && !peer.name->empty()) << "round " << round << ": a nameless peer";
    for (const RatingChange& c : rating_history_of(tables)) {
      ASSERT_TRUE(c.date.has_value()) << "round " << round;
      EXPECT_TRUE(std::regex_match(*c.date, std::regex(R"(\d{4}-\d{2}-\d{2})")))
          << "round " << round << ": " << *c.date;
      EXPECT_TRUE(c.rating || c.target_price) << "round " << round << ": " << *c.date;
    }
  }
  std::printf("%zu tables found on random pages\n", found);
  EXPECT_GT(found, 50u);  // the checks above ran on tables, not on nothing
}
