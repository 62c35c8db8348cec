// A table's header: which columns each header cell labels, and the units labels name.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "grid_parts.h"
#include "kreport/vocab.h"
#include "params.h"

namespace kreport::tables {
namespace {

bool level_overlap(const Piece* a, const Piece* b) {  // on one header line
  double margin = kTable.header_line_margin_em * std::min(a->size, b->size);
  return a->bbox.y0 < b->bbox.y1 - margin && b->bbox.y0 < a->bbox.y1 - margin;
}

// The columns a header cell labels. Its own: the column under its centre. Above the
// header line right over the values (`lowest`), it spans the neighbouring columns that
// line has cells in and its own line has none, as far as keeps it centred (a colspan
// header is centred over its columns).
std::pair<size_t, size_t> header_span(const Piece* p, const std::vector<const Piece*>& header,
                                      const std::vector<const Piece*>& lowest, const Tiles& tiles) {
  size_t own = tiles.at(p->bbox.center_x());
  if (std::find(lowest.begin(), lowest.end(), p) != lowest.end()) return {own, own};
  double cx = p->bbox.center_x();
  // The header's bottom line: where most columns' bottom cells end. A cell ending well
  // above it spans the header's lines (a rowspan, centred) and is no one's subheader.
  std::vector<double> ends;
  for (const Piece* q : lowest) ends.push_back(q->bbox.y1);
  std::nth_element(ends.begin(), ends.begin() + ends.size() / 2, ends.end());
  double bottom = ends[ends.size() / 2];
  auto eligible = [&](size_t k) {
    bool under = std::any_of(lowest.begin(), lowest.end(), [&](const Piece* q) {
      return tiles.at(q->bbox.center_x()) == k && q->bbox.y0 >= p->bbox.y1 &&
             q->bbox.y1 >= bottom - kTable.header_bottom_em * q->size;
    });
    return under && std::none_of(header.begin(), header.end(), [&](const Piece* r) {
             return r != p && level_overlap(p, r) && tiles.at(r->bbox.center_x()) == k;
           });
  };
  if (!eligible(own)) return {own, own};
  size_t lo = own, hi = own;
  while (lo > 0 && eligible(lo - 1)) --lo;
  while (hi + 1 < tiles.bands.size() && eligible(hi + 1)) ++hi;
  // The widest of the ranges about as well centred under it as the best one.
  auto off = [&](size_t i, size_t j) { return std::fabs((tiles.lo(i) + tiles.hi(j)) / 2 - cx); };
  double least = off(own, own);
  for (size_t i = lo; i <= own; ++i)
    for (size_t j = own; j <= hi; ++j) least = std::min(least, off(i, j));
  std::pair<size_t, size_t> best = {own, own};
  for (size_t i = lo; i <= own; ++i)
    for (size_t j = own; j <= hi; ++j)
      if (off(i, j) <= least + kTable.header_centre_em * p->size &&
          (j - i > best.second - best.first ||
           off(best.first, best.second) > least + kTable.header_centre_em * p->size))
        best = {i, j};
  return best;
}

}  // namespace

std::vector<const Piece*> bottom_cells(const std::vector<const Piece*>& header,
                                       const Tiles& tiles) {
  std::vector<const Piece*> lowest(tiles.bands.size(), nullptr);
  for (const Piece* p : header) {
    const Piece*& low = lowest[tiles.at(p->bbox.center_x())];
    if (!low || p->bbox.y1 > low->bbox.y1) low = p;
  }
  std::erase(lowest, nullptr);
  return lowest;
}

std::vector<std::vector<const Piece*>> header_cells(const std::vector<const Piece*>& header,
                                                    const Tiles& tiles) {
  std::vector<std::vector<const Piece*>> under(tiles.bands.size());
  std::vector<const Piece*> lowest = bottom_cells(header, tiles);
  for (const Piece* p : header) {
    auto [lo, hi] = header_span(p, header, lowest, tiles);
    for (size_t k = lo; k <= hi; ++k) {
      // Two cells of one line over the same column: the nearer one labels it.
      auto rival = std::find_if(under[k].begin(), under[k].end(),
                                [&](const Piece* q) { return level_overlap(p, q); });
      double mid = (tiles.lo(k) + tiles.hi(k)) / 2;
      if (rival == under[k].end())
        under[k].push_back(p);
      else if (std::fabs(p->bbox.center_x() - mid) < std::fabs((*rival)->bbox.center_x() - mid))
        *rival = p;
    }
  }
  for (auto& cells : under)
    std::sort(cells.begin(), cells.end(), [](const Piece* a, const Piece* b) {
      return a->bbox.y0 != b->bbox.y0 ? a->bbox.y0 < b->bbox.y0 : a->bbox.x0 < b->bbox.x0;
    });
  return under;
}

std::string slug(const std::string& label, size_t index) {
  std::string s;
  for (char c : label) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      s += static_cast<char>(std::tolower(c));
    else if (!s.empty() && s.back() != '_')
      s += '_';
  }
  while (!s.empty() && s.back() == '_') s.pop_back();
  return "c" + std::to_string(index + 1) + (s.empty() ? "" : "_" + s);
}

OptString unit_of(const std::string& label) {
  // A unit names money, a ratio or a measure (the vocabulary's unit table); "(티커)", "(12월)"
  // are not units.
  for (size_t close = label.rfind(')'); close != std::string::npos && close > 0;
       close = label.rfind(')', close - 1)) {
    size_t open = label.rfind('(', close);
    if (open == std::string::npos) break;
    std::string u = label.substr(open + 1, close - open - 1);
    for (const char* prefix : {"단위:", "단위 :", "Unit:"})  // "(단위: 십억원)"
      if (u.rfind(prefix, 0) == 0) u = u.substr(u.find_first_not_of(' ', std::strlen(prefix)));
    if (!u.empty() && u.size() <= kTable.max_unit_note_bytes)
      if (vocab::names_unit(u)) return u;
    if (open == 0) break;
    close = open;
  }
  return std::nullopt;
}

}  // namespace kreport::tables
