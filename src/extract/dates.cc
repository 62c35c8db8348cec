// The publication date. Dates are printed many ways (`2024. 11.14`, `2023년 2월 27일`,
// `2025.03.10`, `2021-10-29`, `24/3/7`, `(공표일: 2023년 2월 27일)`); all become ISO. The
// cover also carries dates that are not the publication date: the price date in the rating
// box (`현재주가(11/13)`, `(21.10.28)`, `종가(2021/10/28)`), chart ranges
// (`(2020/10/27~2021/10/27)`) and data notes (`주: … 2025.07.25 종가 기준`). Those are
// refused, and so is a date among others on its baseline (a chart's axis); among the rest,
// the cover's shortest date line wins, the top of the page (or its footer, as in Daishin's
// `기업분석 2021.10.29`) before the body. A cover that prints no date takes the one the
// running header or footer of the other pages repeats, else the notice's date of record.
#include <algorithm>
#include <regex>

#include "extract_parts.h"
#include "params.h"

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

namespace {

// A date with another date on its baseline is a tick of a chart's axis (`24.06.20` …
// `25.03.20` under a price chart) or a cell of a row of dates, never the cover's date.
bool among_dates(const PageLayout& page, const Line& line) {
  return std::any_of(page.lines.begin(), page.lines.end(), [&](const Line& o) {
    if (&o == &line || !same_baseline(o, line)) return false;
    std::vector<vocab::DateHit> dates = vocab::find_dates(o.text);
    return std::any_of(dates.begin(), dates.end(),
                       [](const vocab::DateHit& d) { return d.year != 0; });
  });
}

}  // namespace

std::optional<std::string> find_published(const std::vector<PageLayout>& pages, Why* why) {
  const PageLayout* cover = cover_page(pages);
  if (!cover) return std::nullopt;
  double h = cover->height > 0 ? cover->height : 842;
  std::optional<std::string> best;
  double best_score = 1e9;
  for (size_t i = 0; i < cover->lines.size(); ++i) {
    const Line& line = cover->lines[i];
    auto d = parse_date(line.text);
    if (!d || among_dates(*cover, line)) continue;
    // Fewer other characters on the line is better; the top fifth and the footer are where
    // the cover prints its date, the body comes last.
    double score = static_cast<double>(utf8::decode(line.text).size());
    bool top = line.bbox.y0 < h * kExtract.cover_top_share;
    bool footer = line.bbox.y0 > h * kExtract.cover_footer_share;
    if (!top && !footer) score += kExtract.body_date_penalty;
    // A table's date is a row's (the rating history printed on the cover, a price table's
    // close): the cover's own date is never a cell.
    if (!cover->table_of(i).empty()) score += kExtract.table_date_penalty;
    if (score < best_score) {
      best = d, best_score = score;
      if (why) *why = {"cover_date", line.text, cover->number};
    }
  }
  return best;
}

std::optional<std::string> banner_date(const std::vector<PageLayout>& pages, Why* why) {
  // The date the running header or footer of the other pages repeats (`2025/06/12` beside the
  // company's name): the one most pages print.
  std::vector<std::pair<std::string, const Line*>> seen;
  const PageLayout* cover = cover_page(pages);
  int page = 0;
  for (const PageLayout& p : pages)
    for (const Line& l : p.lines)
      if (&p != cover && l.running)
        if (auto d = parse_date(l.text)) {
          if (seen.empty()) page = p.number;
          seen.push_back({*d, &l});
        }
  const std::pair<std::string, const Line*>* best = nullptr;
  long best_count = 0;
  for (const auto& s : seen) {
    long n =
        std::count_if(seen.begin(), seen.end(), [&](const auto& o) { return o.first == s.first; });
    if (n > best_count) best = &s, best_count = n;
  }
  if (!best) return std::nullopt;
  if (why) *why = {"banner_date", best->second->text, page};
  return best->first;
}

std::optional<std::string> notice_date(std::string_view notice, std::string* line_read) {
  auto any_word = [](std::string_view line, vocab::CoverKind kind) {
    for (const char* w : vocab::cover_words(kind))
      if (contains(line, w)) return true;
    return false;
  };
  std::vector<std::string_view> lines;
  for (size_t start = 0; start < notice.size();) {
    size_t end = std::min(notice.find('\n', start), notice.size());
    lines.push_back(notice.substr(start, end - start));
    start = end + 1;
  }
  // The rating distribution's table prints its as-of date (`* 기준일: 2025년 06월 09일`, a
  // quarter's end) on a line of its own beside its percentages.
  auto by_distribution = [&](size_t i) {
    for (size_t j = i < 2 ? 0 : i - 2; j <= i + 2 && j < lines.size(); ++j)
      if (contains(lines[j], "%")) return true;
    return false;
  };
  const std::vector<const char*>& as_of = vocab::cover_words(vocab::CoverKind::notice_as_of);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    // A close or a price date (`종가`, `주가`) is no date of record; the notice's own words
    // for one (`기준`, `현재`) are what the other dates of a cover are refused for.
    bool data_date = false;
    for (const vocab::DateContext& c : vocab::date_contexts())
      data_date |= !c.publication && contains(line, c.word) &&
                   std::none_of(as_of.begin(), as_of.end(),
                                [&](const char* w) { return std::string_view(w) == c.word; });
    if (data_date || any_word(line, vocab::CoverKind::distribution_word)) continue;
    auto read = [&](const vocab::DateHit& d) {
      if (line_read) *line_read = std::string(line);
      return d.iso();
    };
    for (const vocab::DateHit& d : vocab::find_dates(line)) {
      if (d.year == 0 || d.two_digit_year) continue;
      std::string_view after = line.substr(d.pos + d.len);
      while (!after.empty() && (after.front() == ' ' || after.front() == ')'))
        after.remove_prefix(1);
      for (const char* w : as_of)
        if (after.starts_with(w)) return read(d);
      // Or the label before it: `작성 기준일: 2025년 6월 12일`, `(기준일 2025.06.12)`.
      std::string before = trim(line.substr(0, d.pos));
      while (!before.empty() && std::string_view(":(*").find(before.back()) != std::string::npos)
        before = trim(before.substr(0, before.size() - 1));
      // `작성 기준일`, `작성일`: the date the report was written, wherever it stands; a bare
      // `기준일` unless it is the distribution's.
      for (const char* w : vocab::cover_words(vocab::CoverKind::notice_written_label))
        if (before.ends_with(w)) return read(d);
      for (const char* w : vocab::cover_words(vocab::CoverKind::notice_as_of_label))
        if (before.ends_with(w) && !by_distribution(i)) return read(d);
    }
  }
  return std::nullopt;
}

}  // namespace kreport::extract
