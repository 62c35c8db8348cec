// The company report's rating history ("투자의견 변동내역(2개년) 및 목표주가 괴리율"), read
// from its table row by row into compliance.rating_history.
#include <algorithm>
#include <cmath>

#include "extract_parts.h"
#include "kreport/extract.h"
#include "kreport/utf8.h"

namespace kreport {
namespace {

using namespace extract;

// A title taken into the header ("과거 2년간 투자의견 및 목표주가 변동내역" over every
// column) names no column: label lines that long are left out.
constexpr size_t kMaxLabelChars = 16;
// A header printed as rows has at most this many lines (일자 / 괴리율 / 평균주가대비).
constexpr size_t kMaxHeaderRows = 3;

std::string role_of(const std::string& label) {
  std::string kept, joined;
  for (size_t b = 0, e; b <= label.size(); b = e + 3) {
    e = std::min(label.find(" / ", b), label.size());
    std::string part = label.substr(b, e - b);
    if (utf8::length(part) <= kMaxLabelChars) kept += part + " / ", joined += part;
  }
  // A word printed over two header lines ("목표" over "가격") is read as one too.
  const char* role = vocab::role_of(kept, vocab::history_columns());
  if (!role) role = vocab::role_of(joined, vocab::history_columns());
  return role ? role : "";
}

std::string text_of(const Cell& c) {
  if (const std::string* s = std::get_if<std::string>(&c)) return *s;
  return "";
}

OptNumber number_of(const Cell& c) {
  if (const double* d = std::get_if<double>(&c)) return *d;
  return std::nullopt;
}

// One change read twice: one date and one price.
bool same_change(const RatingChange& a, const RatingChange& b) {
  return a.date == b.date && a.target_price && b.target_price &&
         std::fabs(*a.target_price - *b.target_price) < 1;
}

// A priced change whose price a split grid lost (eBest: the price in the other half), that
// `w` has: one date, an opinion on both and a price on `w` only.
bool lost_its_price(const RatingChange& t, const RatingChange& w) {
  return t.date == w.date && t.rating && !t.target_price && w.target_price &&
         (!w.rating || *w.rating == *t.rating);
}

}  // namespace

std::vector<RatingChange> rating_history_of(const std::vector<Table>& tables,
                                            const std::vector<PageLayout>& pages,
                                            Diagnostics* diag) {
  std::vector<std::pair<std::string, RatingChange>> changes;  // (ISO date, change)
  for (const Table& t : tables) {
    if (t.kind != "rating_history") continue;
    // Header lines the tables stage kept as rows (above the first dated row) label their
    // columns too: "일자 투자의견 목표주가" under an untitled grid.
    size_t first_dated = 0;
    while (first_dated < t.rows.size() && first_dated <= kMaxHeaderRows &&
           std::none_of(t.rows[first_dated].begin(), t.rows[first_dated].end(),
                        [](const Cell& c) { return parse_date(text_of(c)).has_value(); }))
      ++first_dated;
    if (first_dated > kMaxHeaderRows) first_dated = 0;  // no dates near the top: no header
    std::vector<std::string> roles;
    for (size_t k = 0; k < t.columns.size(); ++k) {
      std::string label = t.columns[k].label;
      for (size_t r = 0; r < first_dated; ++r)
        if (k < t.rows[r].size() && !text_of(t.rows[r][k]).empty())
          label += " / " + text_of(t.rows[r][k]);
      roles.push_back(role_of(label));
    }
    // A history printed in two halves side by side: each date column starts a half.
    for (size_t d = 0; d < roles.size(); ++d) {
      if (roles[d] != "date") continue;
      size_t end = d + 1;
      while (end < roles.size() && roles[end] != "date") ++end;
      for (const auto& row : t.rows) {
        auto date = parse_date(text_of(row[d]));
        if (!date) continue;
        RatingChange r;
        r.date = date;
        std::vector<std::string> seen;  // the first column of a role is the one
        for (size_t k = d + 1; k < end; ++k) {
          if (std::find(seen.begin(), seen.end(), roles[k]) != seen.end()) continue;
          seen.push_back(roles[k]);
          if (roles[k] == "rating" && !text_of(row[k]).empty()) {
            r.rating_text = text_of(row[k]);
            if (auto hit = parse_rating(*r.rating_text)) r.rating = hit->rating;
          } else if (roles[k] == "target") {
            r.target_price = number_of(row[k]);
            if (!r.target_price && !text_of(row[k]).empty())
              r.target_price = parse_won(text_of(row[k]));
          } else if (roles[k] == "gap_avg") {
            r.gap_avg_pct = number_of(row[k]);
          } else if (roles[k] == "gap_extreme") {
            r.gap_extreme_pct = number_of(row[k]);
          }
        }
        if (r.rating_text || r.target_price || r.gap_avg_pct || r.gap_extreme_pct)
          changes.push_back({*date, r});  // a date alone is a chart's axis, not a change
      }
    }
  }
  // The words of the page read what the tables stage found no grid for (a history across the
  // page, or beside a chart) and fill what a split grid lost (eBest: a price in the other half).
  for (RatingChange& w : extract::history_from_words(pages)) {
    auto found = [&](auto&& match) {
      return std::find_if(changes.begin(), changes.end(),
                          [&](const auto& c) { return match(c.second, w); });
    };
    if (found(same_change) != changes.end()) continue;
    if (auto t = found(lost_its_price); t != changes.end()) {
      t->second.target_price = w.target_price;
      continue;
    }
    bool read = std::any_of(changes.begin(), changes.end(), [&](const auto& c) {
      return c.second.date == w.date && !w.target_price;  // a price-less row read already
    });
    if (!read) changes.push_back({*w.date, std::move(w)});
  }
  std::stable_sort(changes.begin(), changes.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<RatingChange> out;
  for (auto& [date, r] : changes) out.push_back(std::move(r));
  // A history drawn as a picture, or in a layout no rule knows: say so rather than nothing.
  if (int page = out.empty() && diag ? extract::history_page(pages) : 0)
    diag->warn("HISTORY_UNREAD", page,
               "the page prints a rating history that was not read (a picture, or an unknown "
               "layout): compliance.rating_history is empty");
  return out;
}

}  // namespace kreport
