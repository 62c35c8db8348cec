// The publication date. Dates are printed many ways (`2024. 11.14`, `2023년 2월 27일`,
// `2025.03.10`, `2021-10-29`, `24/3/7`, `(공표일: 2023년 2월 27일)`); all become ISO. The
// cover also carries dates that are not the publication date: the price date in the rating
// box (`현재주가(11/13)`, `(21.10.28)`, `종가(2021/10/28)`), chart ranges
// (`(2020/10/27~2021/10/27)`) and data notes (`주: … 2025.07.25 종가 기준`). Those are
// refused; among the rest, the cover's shortest date line wins, the top of the page (or its
// footer, as in Daishin's `기업분석 2021.10.29`) before the body.
#include <algorithm>
#include <regex>

#include "rules.h"

namespace kreport::extract {
namespace {

// Words that make a date on the same line a price or data date, not the publication date.
constexpr std::string_view kNotPublication[] = {"종가", "주가", "기준", "~", "ETA", "현재"};
// Labels that make a parenthesised date a publication date after all: `(공표일: …)`.
constexpr std::string_view kPublicationLabels[] = {"공표일", "발간일", "작성일", "Date"};

std::optional<std::string> iso(int y, int m, int d) {
  if (y < 100) y += 2000;
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

// True when the date at `pos` sits in parentheses right after `(`, unless a publication
// label precedes it.
bool parenthesised(std::string_view line, size_t pos) {
  std::string before = trim(line.substr(0, pos));
  size_t open = before.rfind('(');
  if (open == std::string::npos || before.find(')', open) != std::string::npos) return false;
  std::string_view inside = std::string_view(before).substr(open);
  for (std::string_view label : kPublicationLabels)
    if (contains(inside, label)) return false;
  return true;
}

}  // namespace

std::optional<std::string> parse_date(std::string_view line) {
  for (std::string_view w : kNotPublication)
    if (contains(line, w)) return std::nullopt;
  static const std::regex full(
      R"((?:^|[^0-9])(20[0-9]{2}|19[0-9]{2}) ?(?:[./-]|년) ?([0-9]{1,2}) ?(?:[./-]|월) ?([0-9]{1,2})(?:[^0-9]|$))");
  std::string s(line);
  std::smatch m;
  for (auto it = s.cbegin(); std::regex_search(it, s.cend(), m, full); it = m[3].second) {
    size_t pos = static_cast<size_t>(m[1].first - s.cbegin());
    if (parenthesised(line, pos)) continue;
    if (auto d = iso(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]))) return d;
  }
  // A two-digit year only when the date is the whole line: `24/3/7`, `21.10.29`.
  static const std::regex bare(R"(^([0-9]{2})[./]([0-9]{1,2})[./]([0-9]{1,2})$)");
  std::string t = trim(line);
  if (std::regex_match(t, m, bare)) return iso(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
  return std::nullopt;
}

std::optional<std::string> find_published(const std::vector<PageLayout>& pages) {
  const PageLayout* cover = cover_page(pages);
  if (!cover) return std::nullopt;
  double h = cover->height > 0 ? cover->height : 842;
  std::optional<std::string> best;
  double best_score = 1e9;
  for (const Line& line : cover->lines) {
    auto d = parse_date(line.text);
    if (!d) continue;
    // Fewer other characters on the line is better; the top fifth and the footer are where
    // the cover prints its date, the body comes last.
    double score = static_cast<double>(utf8::decode(line.text).size());
    bool top = line.bbox.y0<h * 0.2, footer = line.bbox.y0> h * 0.9;
    if (!top && !footer) score += 100;
    if (score < best_score) best = d, best_score = score;
  }
  return best;
}

}  // namespace kreport::extract
