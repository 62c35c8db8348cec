// Rating distributions (`투자등급 비율`): the share of the firm's reports under each rating, a
// small grid of rating words with their percentages that add up to 100. The grid finder
// (tables.cc) finds the ones printed as a header over a row of values, or down a column, when
// they are big enough to be a table (Kiwoom, Hana, Mirae, Yuanta, Meritz); this finder finds
// the small ones among the cells it left:
//   across: rating words on one row, each with its percentage right under it
//           (`매수 중립 매도` over `98.7% 1.3% 0.0%`: Daishin, Hanwha);
//   paired: each rating word with its percentage right after it, on one row or down one
//           column (`매수 97.55% 중립 2.45% 매도 0.00%`: SK);
//   run:    the pairs printed in one piece (`매수(79.9%)·중립(20.1%)·매도(0%)`: Samsung).
// Each is a table of kind rating_distribution written across: a header of the rating words as
// printed, one row of their percentages. Shares that do not add up to 100 are no distribution
// (a rating box's `매수(유지)` over a target price, a history's column of ratings).
#include <algorithm>
#include <cmath>
#include <cstring>

#include "grid_parts.h"
#include "kreport/tables.h"
#include "kreport/utf8.h"
#include "kreport/vocab.h"
#include "params.h"
#include "table_parts.h"

namespace kreport {
namespace tables {
namespace {

using utf8::trimmed;

// List marks a rating word may be printed after: `ㆍBUY(매수)`, `- Buy`, `▪ 매수`.
std::string_view without_mark(std::string_view s) {
  for (bool again = true; again;) {
    again = false;
    s = trimmed(s);
    for (std::string_view m : {"ㆍ", "·", "•", "▪", "-", "_"})
      if (s.starts_with(m)) s.remove_prefix(m.size()), again = true;
  }
  return s;
}

bool ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A gloss in parentheses that is no number: `(매수)`, `(보유)`, `(Maintain)`.
size_t gloss_at(std::string_view s) {
  if (!s.starts_with("(")) return 0;
  size_t close = s.find(')');
  if (close == std::string_view::npos || close > kTable.max_gloss_bytes) return 0;
  std::string_view inside = s.substr(1, close - 1);
  if (inside.empty() || inside.find_first_of("0123456789%") != std::string_view::npos) return 0;
  return close + 1;
}

// The rating word `s` opens with (after a list mark), not the start of a longer word
// (`Buyback`), and how many bytes of `s` it takes with its gloss; null for none, or for a word
// that rates an industry (`비중확대`: no stock rating).
const vocab::RatingWord* opening_rating(std::string_view s, size_t* taken) {
  std::string_view w = without_mark(s);
  const vocab::RatingWord* r = vocab::rating_word_at(w);
  if (!r || !*r->rating) return nullptr;
  size_t n = std::strlen(r->printed);
  if (n < w.size() && ascii_letter(w[n]) && ascii_letter(w[n - 1])) return nullptr;
  std::string_view rest = w.substr(n);
  size_t lead = std::min(rest.find_first_not_of(' '), rest.size());
  size_t gloss = gloss_at(rest.substr(lead));
  *taken = static_cast<size_t>(w.data() - s.data()) + n + (gloss ? lead + gloss : 0);
  return r;
}

// A percentage a share can be: `95.2%`, `0%`, `100.0 %`.
std::optional<double> percent_of(const std::string& text) {
  Parsed p = parse_number(text);
  if (!p.number || p.suffix != "%" || p.value < 0 || p.value > 100) return std::nullopt;
  return p.value;
}

const Piece* nearest(const std::vector<const Piece*>& candidates, auto&& distance) {
  const Piece* best = nullptr;
  double least = 0;
  for (const Piece* p : candidates)
    if (double d = distance(*p); d >= 0 && (!best || d < least)) best = p, least = d;
  return best;
}

bool same_row(const Piece& a, const Piece& b) {
  return on_one_row(a.bbox.center_y(), b.bbox.center_y(), std::min(a.size, b.size));
}

// One grid found: the pieces it takes, and per column the rating word as printed, its share
// and where the share is printed.
struct Found {
  std::vector<const Piece*> pieces;
  std::vector<std::string> labels;
  std::vector<double> shares;
  std::vector<Bbox> boxes;
  OptString title;  // a run's heading and note, printed with it

  void add(const Piece* word, const Piece* value, std::string label, double share) {
    if (word && word != value) pieces.push_back(word);
    pieces.push_back(value);
    labels.push_back(std::move(label));
    shares.push_back(share);
    boxes.push_back(value->bbox);
  }
};

std::vector<RatingShare> shares_of(const std::vector<std::string>& labels,
                                   const std::vector<Cell>& values) {
  std::vector<RatingShare> out;
  for (size_t k = 0; k < labels.size() && k < values.size(); ++k) {
    size_t taken = 0;
    const vocab::RatingWord* r = opening_rating(labels[k], &taken);
    if (!r) continue;
    std::optional<double> share;
    if (const double* d = std::get_if<double>(&values[k])) share = *d;
    if (const std::string* s = std::get_if<std::string>(&values[k]); s && *s == "-") share = 0;
    if (share) out.push_back({std::string(trimmed(labels[k])), r->rating, *share});
  }
  return out;
}

Table table_of(const Found& f, int page) {
  Table t;
  t.kind = "rating_distribution";
  t.title = f.title;
  t.page = page;
  t.bbox = f.pieces.front()->bbox;
  for (const Piece* p : f.pieces) t.bbox = t.bbox.united(p->bbox);
  std::vector<Cell> row;
  std::vector<std::optional<CellBox>> boxes;
  for (size_t k = 0; k < f.labels.size(); ++k) {
    t.columns.push_back(Column{slug(f.labels[k], k), f.labels[k], "%"});
    row.emplace_back(f.shares[k]);
    boxes.emplace_back(CellBox{page, f.boxes[k]});
  }
  t.rows.push_back(std::move(row));
  t.boxes.push_back(std::move(boxes));
  return t;
}

bool adds_up_found(const Found& f) {
  std::vector<Cell> values(f.shares.begin(), f.shares.end());
  return adds_up(shares_of(f.labels, values));
}

// Across: the rating words on the row of `word`, each over its percentage.
std::optional<Found> across(const Piece& word, const std::vector<const Piece*>& free) {
  std::vector<const Piece*> header;
  for (const Piece* p : free)
    if (same_row(*p, word)) header.push_back(p);
  if (header.size() > kTable.max_share_columns) return std::nullopt;  // a row of something else
  std::sort(header.begin(), header.end(),
            [](const Piece* a, const Piece* b) { return a->bbox.x0 < b->bbox.x0; });
  Found f;
  const Piece* first_value = nullptr;
  for (const Piece* h : header) {
    const Piece* v = nearest(free, [&](const Piece& p) {
      double gap = p.bbox.y0 - h->bbox.y1;
      bool under = std::fabs(p.bbox.center_x() - h->bbox.center_x()) <=
                   std::max(p.bbox.width(), h->bbox.width());
      if (!under || gap < -1 || gap > kTable.share_under_em * h->size || !percent_of(p.text))
        return -1.0;
      return gap + 1;
    });
    if (!v || (first_value && !same_row(*v, *first_value))) continue;
    first_value = v;
    f.add(h, v, h->text, *percent_of(v->text));
  }
  if (!adds_up_found(f)) return std::nullopt;
  return f;
}

std::vector<std::pair<std::string, double>> pairs_from(std::string_view s, size_t at, size_t* end);

// The percentage printed right after each rating word that stands alone in its piece, on
// its row: word -> value; a piece that is one word and its share (`매수(매수) 85.2%`) is both.
using Pairs = std::vector<std::pair<const Piece*, const Piece*>>;
Pairs pairs_of(const std::vector<const Piece*>& free) {
  Pairs out;
  for (const Piece* w : free) {
    size_t taken = 0, end = 0;
    if (!opening_rating(w->text, &taken)) continue;
    if (taken < w->text.size()) {
      if (pairs_from(w->text, 0, &end).size() == 1 && end == w->text.size()) out.push_back({w, w});
      continue;
    }
    const Piece* next = nearest(free, [&](const Piece& p) {
      return &p != w && same_row(p, *w) && p.bbox.x0 >= w->bbox.x1 - 1 ? p.bbox.x0 - w->bbox.x1 + 1
                                                                       : -1.0;
    });
    if (next && percent_of(next->text)) out.push_back({w, next});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.first->bbox.y0 < b.first->bbox.y0 ||
           (a.first->bbox.y0 == b.first->bbox.y0 && a.first->bbox.x0 < b.first->bbox.x0);
  });
  return out;
}

// Paired: each rating word with the percentage right after it; the pairs on the row of
// `word`, or down the column it starts (each next pair right under the one before).
std::optional<Found> paired(const Piece& word, const Pairs& pairs) {
  Pairs chosen;
  for (const auto& pair : pairs)
    if (same_row(*pair.first, word)) chosen.push_back(pair);
  if (chosen.size() == 1)
    for (const auto& pair : pairs) {
      const Piece& last = *chosen.back().first;
      const Piece& w = *pair.first;
      if (w.bbox.y0 > last.bbox.y0 && std::fabs(w.bbox.x0 - last.bbox.x0) < w.size &&
          w.bbox.y0 - last.bbox.y1 < kTable.share_under_em * w.size)
        chosen.push_back(pair);
    }
  Found f;
  for (const auto& [w, v] : chosen) {
    size_t end = 0;
    auto one = pairs_from(w->text, 0, &end);
    if (w == v)
      f.add(w, v, one.front().first, one.front().second);
    else
      f.add(w, v, w->text, *percent_of(v->text));
  }
  if (!adds_up_found(f)) return std::nullopt;
  return f;
}

// The pairs of a run from byte `at` of `s` (`매수(79.9%)·중립(20.1%)`, `매수 95.2% 중립 4.8%`):
// a rating word and its percentage each, apart by separators (`·`, `,`, `/`) and parentheses,
// up to the first text that is no pair; `end` gets where the last pair ends.
std::vector<std::pair<std::string, double>> pairs_from(std::string_view s, size_t at, size_t* end) {
  std::vector<std::pair<std::string, double>> out;
  size_t i = at;
  auto skip = [&](std::initializer_list<std::string_view> marks) {
    for (bool again = true; again && i < s.size();) {
      again = false;
      for (std::string_view m : marks)
        if (s.substr(i).starts_with(m)) i += m.size(), again = true;
    }
  };
  *end = at;
  while (i < s.size()) {
    skip({" ", "·", ",", "/", "|"});
    size_t taken = 0;
    if (i >= s.size() || !opening_rating(s.substr(i), &taken)) break;
    std::string label(trimmed(s.substr(i, taken)));
    i += taken;
    skip({" ", "("});
    size_t percent = s.find('%', i);
    if (percent == std::string_view::npos) break;
    std::optional<double> share = percent_of(std::string(trimmed(s.substr(i, percent + 1 - i))));
    if (!share) break;
    i = percent + 1;
    skip({" ", ")"});
    out.push_back({label, *share});
    *end = i;
  }
  return out;
}

// A run in one piece: the pairs, and around them at most a short heading and a note
// (`투자의견 비율 매수(매수) 85.2% 중립 13.6% 매도 1.2% (기준일: 2024.09.30)`), which are
// its title; a sentence with shares in it (`… 매도 0.0%입니다.`) is no table.
std::optional<Found> run(const Piece& piece) {
  std::string_view s = piece.text;
  for (size_t at = 0; at < s.size(); ++at) {
    if ((static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) continue;  // inside a character
    size_t taken = 0, end = 0;
    if (!opening_rating(s.substr(at), &taken)) continue;
    std::vector<std::pair<std::string, double>> pairs = pairs_from(s, at, &end);
    if (pairs.size() < 2) continue;
    std::string before(trimmed(s.substr(0, at))), after(trimmed(s.substr(end)));
    bool sentence = after.ends_with("다") || after.ends_with(".") || before.ends_with("다");
    if (sentence || utf8::length(before + after) > kTable.max_share_note_chars) return std::nullopt;
    Found f;
    for (const auto& [label, share] : pairs) f.add(nullptr, &piece, label, share);
    f.pieces.resize(1);
    if (before.ends_with(":")) before = trimmed(before.substr(0, before.size() - 1));
    if (!before.empty() || !after.empty())
      f.title = before + (before.empty() || after.empty() ? "" : " ") + after;
    if (!adds_up_found(f)) return std::nullopt;
    return f;
  }
  return std::nullopt;
}

}  // namespace

bool adds_up(const std::vector<RatingShare>& shares) {
  if (shares.size() < 2) return false;
  double total = 0;
  bool buy = false;
  for (size_t i = 0; i < shares.size(); ++i) {
    if (shares[i].percent < 0 || shares[i].percent > 100) return false;
    total += shares[i].percent;
    buy |= shares[i].rating == "buy";
    for (size_t j = 0; j < i; ++j)
      if (shares[j].label == shares[i].label) return false;  // a history's column, not shares
  }
  return buy && std::fabs(total - 100) <= kTable.shares_slack_pct;
}

std::vector<ShareGrid> share_grids(PageCells& cells, int page) {
  std::vector<ShareGrid> out;
  std::vector<const Piece*> free;
  Pairs pairs;
  auto look = [&] {
    free.clear();
    for (const Piece& q : cells.pieces)
      if (cells.free(q)) free.push_back(&q);
    pairs = pairs_of(free);
  };
  look();
  for (size_t i = 0; i < cells.pieces.size(); ++i) {
    const Piece& p = cells.pieces[i];
    if (cells.taken[i]) continue;
    size_t taken = 0;
    std::optional<Found> f;
    if (cells.free(p) && opening_rating(p.text, &taken) && taken == p.text.size())
      f = across(p, free);
    if (!f && std::any_of(pairs.begin(), pairs.end(), [&](const auto& w) { return w.first == &p; }))
      f = paired(p, pairs);
    if (!f && std::count(p.text.begin(), p.text.end(), '%') >= 2)
      f = run(p);  // a line of running text too: a heading and the shares can be that long
    if (!f) continue;
    for (const Piece* q : f->pieces) cells.taken[cells.index(q)] = true;
    // The rest of the lines it takes is its heading and note, printed on its row (`투자의견
    // 비율` … `(기준일: 2024.09.30)`): its title, so that no word is lost.
    std::vector<const Piece*> rest;
    for (const Piece& q : cells.pieces)
      if (!cells.taken[cells.index(&q)] &&
          std::any_of(f->pieces.begin(), f->pieces.end(),
                      [&](const Piece* t) { return t->line == q.line; }))
        rest.push_back(&q);
    std::sort(rest.begin(), rest.end(),
              [](const Piece* a, const Piece* b) { return a->bbox.x0 < b->bbox.x0; });
    for (const Piece* q : rest) {
      f->title = (f->title ? *f->title + " " : "") + q->text;
      cells.taken[cells.index(q)] = true;
    }
    out.push_back({table_of(*f, page), f->pieces});
    look();
  }
  return out;
}

}  // namespace tables

std::vector<RatingShare> rating_shares(const Table& t) {
  using namespace tables;
  // Across: rating words label the columns (the last line of a header printed over two),
  // a row holds their shares.
  std::vector<std::string> labels;
  for (const Column& c : t.columns) {
    size_t cut = c.label.rfind(" / ");
    labels.push_back(cut == std::string::npos ? c.label : c.label.substr(cut + 3));
  }
  for (const auto& row : t.rows)
    if (std::vector<RatingShare> s = shares_of(labels, row); adds_up(s)) return s;
  // Down: a rating word opens a cell of each row (the one nearest its share, the row's last
  // number: Meritz prints the word in English at the left and in Korean beside the share).
  std::vector<std::string> down;
  std::vector<Cell> values;
  for (const auto& row : t.rows) {
    auto value = std::find_if(row.rbegin(), row.rend(),
                              [](const Cell& c) { return std::holds_alternative<double>(c); });
    if (value == row.rend() || std::get<double>(*value) < 0 || std::get<double>(*value) > 100)
      continue;  // no share: a history's price beside its rating (`매수 34,000`)
    for (auto c = value; c != row.rend(); ++c) {
      size_t taken = 0;
      const std::string* s = std::get_if<std::string>(&*c);
      if (s && opening_rating(*s, &taken)) {
        down.push_back(*s);
        values.push_back(*value);
        break;
      }
    }
  }
  if (std::vector<RatingShare> s = shares_of(down, values); adds_up(s)) return s;
  return {};
}

}  // namespace kreport
