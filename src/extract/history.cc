// The company report's rating history ("투자의견 변동내역(2개년) 및 목표주가 괴리율"), read
// from its tables row by row into compliance.rating_history: the grids the grid finder found
// and the tables the words finder read (src/tables/history_words.cc), which hold no change a
// grid holds. The tables step decides which column is which (history_roles).
#include <algorithm>
#include <cmath>

#include "extract_parts.h"
#include "kreport/extract.h"
#include "kreport/tables.h"

namespace kreport {
namespace {

using namespace extract;

std::string text_of(const Cell& c) {
  if (const std::string* s = std::get_if<std::string>(&c)) return *s;
  return "";
}

OptNumber number_of(const Cell& c) {
  if (const double* d = std::get_if<double>(&c)) return *d;
  return std::nullopt;
}

}  // namespace

std::vector<RatingChange> rating_history_of(const std::vector<Table>& tables) {
  std::vector<std::pair<std::string, RatingChange>> changes;  // (ISO date, change)
  for (const Table& t : tables) {
    if (t.kind != "rating_history") continue;
    std::vector<std::string> roles = history_roles(t);
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
          } else if (roles[k] == "note" && !text_of(row[k]).empty()) {
            r.note = text_of(row[k]);
          }
        }
        if (r.rating_text || r.target_price || r.gap_avg_pct || r.gap_extreme_pct || r.note)
          changes.push_back({*date, r});  // a date alone is a chart's axis, not a change
      }
    }
  }
  std::stable_sort(changes.begin(), changes.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<RatingChange> out;
  for (auto& [date, r] : changes) out.push_back(std::move(r));
  return out;
}

}  // namespace kreport
