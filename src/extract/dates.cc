// The publication date. Dates are printed many ways (`2024. 11.14`, `2023년 2월 27일`,
// `2025.03.10`, `2021-10-29`, `24/3/7`, `(공표일: 2023년 2월 27일)`); all become ISO. The
// cover also carries dates that are not the publication date: the price date in the rating
// box (`현재주가(11/13)`, `(21.10.28)`, `종가(2021/10/28)`), chart ranges
// (`(2020/10/27~2021/10/27)`) and data notes (`주: … 2025.07.25 종가 기준`). Those are
// refused; among the rest, the cover's shortest date line wins, the top of the page (or its
// footer, as in Daishin's `기업분석 2021.10.29`) before the body.
#include <algorithm>
#include <regex>

#include "params.h"
#include "rules.h"

namespace kreport::extract {
namespace {

bool has_context(std::string_view line, bool publication) {
  for (const vocab::DateContext& c : vocab::date_contexts())
    if (c.publication == publication && contains(line, c.word)) return true;
  return false;
}

// True when the date at `pos` sits in parentheses right after `(`, unless a publication
// label precedes it.
bool parenthesised(std::string_view line, size_t pos) {
  std::string before = trim(line.substr(0, pos));
  size_t open = before.rfind('(');
  if (open == std::string::npos || before.find(')', open) != std::string::npos) return false;
  return !has_context(std::string_view(before).substr(open), true);
}

}  // namespace

std::optional<std::string> parse_date(std::string_view line) {
  if (has_context(line, false)) return std::nullopt;
  std::string t = trim(line);
  for (const vocab::DateHit& d : vocab::find_dates(line)) {
    if (d.year == 0 || parenthesised(line, d.pos)) continue;
    // A two-digit year only when the date is the whole line: `24/3/7`, `21.10.29`.
    if (d.two_digit_year && d.len != t.size()) continue;
    return d.iso();
  }
  return std::nullopt;
}

std::optional<std::string> find_published(const std::vector<PageLayout>& pages) {
  const PageLayout* cover = cover_page(pages);
  if (!cover) return std::nullopt;
  double h = cover->height > 0 ? cover->height : 842;
  std::optional<std::string> best;
  double best_score = 1e9;
  for (size_t i = 0; i < cover->lines.size(); ++i) {
    const Line& line = cover->lines[i];
    auto d = parse_date(line.text);
    if (!d) continue;
    // Fewer other characters on the line is better; the top fifth and the footer are where
    // the cover prints its date, the body comes last.
    double score = static_cast<double>(utf8::decode(line.text).size());
    bool top = line.bbox.y0 < h * kExtract.cover_top_share;
    bool footer = line.bbox.y0 > h * kExtract.cover_footer_share;
    if (!top && !footer) score += kExtract.body_date_penalty;
    // A table's date is a row's (the rating history printed on the cover, a price table's
    // close): the cover's own date is never a cell.
    if (!cover->table_of(i).empty()) score += kExtract.table_date_penalty;
    if (score < best_score) best = d, best_score = score;
  }
  return best;
}

std::optional<std::string> notice_date(std::string_view notice) {
  auto any_word = [](std::string_view line, const char* kind) {
    for (const char* w : vocab::cover_words(kind))
      if (contains(line, w)) return true;
    return false;
  };
  const std::vector<const char*>& as_of = vocab::cover_words("notice_as_of");
  size_t start = 0;
  while (start < notice.size()) {
    size_t end = std::min(notice.find('\n', start), notice.size());
    std::string_view line = notice.substr(start, end - start);
    start = end + 1;
    // A close or a price date (`종가`, `주가`) is no date of record; the notice's own words
    // for one (`기준`, `현재`) are what the other dates of a cover are refused for.
    bool data_date = false;
    for (const vocab::DateContext& c : vocab::date_contexts())
      data_date |= !c.publication && contains(line, c.word) &&
                   std::none_of(as_of.begin(), as_of.end(),
                                [&](const char* w) { return std::string_view(w) == c.word; });
    if (data_date || any_word(line, "distribution_word")) continue;
    for (const vocab::DateHit& d : vocab::find_dates(line)) {
      if (d.year == 0 || d.two_digit_year) continue;
      std::string_view after = line.substr(d.pos + d.len);
      while (!after.empty() && (after.front() == ' ' || after.front() == ')'))
        after.remove_prefix(1);
      for (const char* w : as_of)
        if (after.starts_with(w)) return d.iso();
    }
  }
  return std::nullopt;
}

}  // namespace kreport::extract
