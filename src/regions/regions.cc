// Regions from the lines' geometry and the page's drawing:
//   - columns: the running text's lines grouped by where they start (a bullet's hanging
//     indent merged into its column);
//   - a sidebar (first page): the lines wholly left or right of every column, enough of
//     them in a strip narrow enough — the rating box, stock data, price chart and analyst
//     card that 64 of the 76 real first pages print beside the body;
//   - boxes: a drawn rectangle (shaded or framed), or a block between two rules across a
//     column, holding prose: the lead that Kiwoom, Samsung, Meritz and SK set apart.
#include "kreport/regions.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "kreport/utf8.h"
#include "kreport/vocab.h"
#include "params.h"
#include "regions_parts.h"

namespace kreport {
namespace {

using regions_parts::inside;

struct TextColumn {
  Bbox bbox;
  int lines = 0;
};

bool overlap_share(double a0, double a1, double b0, double b1, double share) {
  double common = std::min(a1, b1) - std::max(a0, b0);
  return common >= share * std::min(a1 - a0, b1 - b0);
}

std::vector<TextColumn> find_columns(const PageLines& page) {
  std::vector<const Line*> prose;
  for (const Line& l : page.lines)
    if (!l.running && is_running_text(l, page.width)) prose.push_back(&l);
  std::sort(prose.begin(), prose.end(),
            [](const Line* a, const Line* b) { return a->bbox.x0 < b->bbox.x0; });
  std::vector<TextColumn> groups;
  for (const Line* l : prose) {
    auto g = std::find_if(groups.begin(), groups.end(), [&](const TextColumn& c) {
      return l->bbox.x0 - c.bbox.x0 < kRegions.same_left_pt;
    });
    if (g == groups.end())
      groups.push_back({l->bbox, 1});
    else
      g->bbox = g->bbox.united(l->bbox), ++g->lines;
  }
  std::erase_if(groups, [](const TextColumn& c) { return c.lines < kRegions.column_lines; });
  std::vector<TextColumn> columns;
  for (const TextColumn& g : groups) {
    auto c = std::find_if(columns.begin(), columns.end(), [&](const TextColumn& c) {
      return std::abs(c.bbox.x0 - g.bbox.x0) <= kRegions.max_indent_pt &&
             overlap_share(c.bbox.x0, c.bbox.x1, g.bbox.x0, g.bbox.x1,
                           kRegions.same_column_overlap);
    });
    if (c == columns.end())
      columns.push_back(g);
    else
      c->bbox = c->bbox.united(g.bbox), c->lines += g.lines;
  }
  // A column starts at its first heading: the short lines right above its running text that
  // start where it starts.
  for (TextColumn& c : columns)
    for (bool grew = true; grew;) {
      grew = false;
      for (const Line& l : page.lines)
        if (!l.running && l.bbox.y1 <= c.bbox.y0 + 1 &&
            c.bbox.y0 - l.bbox.y1 < kRegions.stack_gap_lines * l.size &&
            std::abs(l.bbox.x0 - c.bbox.x0) < kRegions.same_left_pt) {
          c.bbox.y0 = l.bbox.y0;
          grew = true;
        }
    }
  return columns;
}

// The lines above the columns stacked under a line that reaches from the strip beside them
// into the body's span: the cover's title block, set across the page's top.
std::vector<bool> stacked_under_crossing(const PageLines& page,
                                         const std::vector<TextColumn>& columns) {
  double top = columns.front().bbox.y0, left = columns.front().bbox.x0;
  for (const TextColumn& c : columns)
    top = std::min(top, c.bbox.y0), left = std::min(left, c.bbox.x0);
  std::vector<size_t> above;
  for (size_t i = 0; i < page.lines.size(); ++i)
    if (!page.lines[i].running && page.lines[i].bbox.y1 <= top) above.push_back(i);
  std::sort(above.begin(), above.end(),
            [&](size_t a, size_t b) { return page.lines[a].bbox.y0 < page.lines[b].bbox.y0; });
  std::vector<bool> out(page.lines.size(), false);
  for (size_t k = 0; k < above.size(); ++k) {
    const Line& l = page.lines[above[k]];
    if (l.bbox.x0 < left && l.bbox.x1 > left) {  // it crosses from the strip into the body
      out[above[k]] = true;
      continue;
    }
    for (size_t j = 0; j < k && !out[above[k]]; ++j) {
      const Line& m = page.lines[above[j]];
      out[above[k]] = out[above[j]] && l.bbox.y0 >= m.bbox.y1 - 1 &&
                      l.bbox.y0 - m.bbox.y1 < kRegions.stack_gap_lines * l.size &&
                      l.bbox.x0 < m.bbox.x1 && l.bbox.x1 > m.bbox.x0;
    }
  }
  return out;
}

// Under the columns the page may go full width again (Yuanta's quarterly forecasts run from
// the strip across the gutter, another table standing beside them): from the first row
// where a line crosses the gutter near something standing apart in the body's width (a
// gutter of its own on its left), the strip is no sidebar any more. A strip's table running
// one column past it (its last year) has no such neighbour; a table in the body's column
// under the prose does not cross. The y where that row starts; none: the largest double.
double full_width_top(const PageLines& page, const std::vector<TextColumn>& columns, double left,
                      double gap) {
  double bottom = columns.front().bbox.y1;
  for (const TextColumn& c : columns) bottom = std::max(bottom, c.bbox.y1);
  auto crossing_near = [&](const Line& r) {
    return std::any_of(page.lines.begin(), page.lines.end(), [&](const Line& o) {
      return !o.running && o.bbox.x0 < left - gap && o.bbox.x1 > left + gap &&
             std::fabs(o.bbox.center_y() - r.bbox.center_y()) < kRegions.crossing_rows * r.size;
    });
  };
  double top = std::numeric_limits<double>::max();
  for (const Line& r : page.lines) {
    if (r.running || r.bbox.y0 < bottom || r.bbox.x0 < left) continue;
    double neighbour = 0;  // the right edge of what stands before it on its row
    for (const Line& o : page.lines)
      if (&o != &r && !o.running && o.bbox.x1 <= r.bbox.x0 + 1 && o.bbox.y0 < r.bbox.y1 &&
          r.bbox.y0 < o.bbox.y1)
        neighbour = std::max(neighbour, o.bbox.x1);
    if (neighbour > 0 && r.bbox.x0 - neighbour >= kRegions.full_width_gutter_em * r.size &&
        crossing_near(r))
      top = std::min(top, r.bbox.y0);
  }
  return top;
}

// The lines wholly beside the columns on one side, when they make a sidebar: left (or right)
// of every column, or of the columns standing at its height where a full-width lead above
// reaches across the sidebar's strip.
std::vector<size_t> sidebar_lines(const PageLines& page, const std::vector<TextColumn>& columns) {
  double gap = kRegions.sidebar_gap_pt;
  auto beside = [&](const Line& l, int side) {
    bool any = false;
    for (const TextColumn& c : columns) {
      bool level = l.bbox.center_y() >= c.bbox.y0 && l.bbox.center_y() <= c.bbox.y1;
      bool clear = side < 0 ? l.bbox.x1 <= c.bbox.x0 - gap : l.bbox.x0 >= c.bbox.x1 + gap;
      if (clear)
        any = any || level;
      else if (level)
        return false;
    }
    return any;
  };
  // Above the body, the cover's title block may run into the strip: a headline set under a
  // company line that reaches across to the body (Hanwha's) heads the page.
  std::vector<bool> title_block = stacked_under_crossing(page, columns);
  double left = columns.front().bbox.x0, right = columns.front().bbox.x1;
  for (const TextColumn& c : columns)
    left = std::min(left, c.bbox.x0), right = std::max(right, c.bbox.x1);
  std::vector<size_t> before, after;
  for (size_t i = 0; i < page.lines.size(); ++i) {
    const Line& l = page.lines[i];
    if (l.running || title_block[i]) continue;
    if (l.bbox.x1 <= left - gap || beside(l, -1)) before.push_back(i);
    if (l.bbox.x0 >= right + gap || beside(l, +1)) after.push_back(i);
  }
  double band_top = full_width_top(page, columns, left, gap);
  std::erase_if(before, [&](size_t i) { return page.lines[i].bbox.center_y() > band_top; });
  auto fits = [&](const std::vector<size_t>& side) {
    if (side.size() < static_cast<size_t>(kRegions.sidebar_lines)) return false;
    double x0 = page.lines[side.front()].bbox.x0, x1 = page.lines[side.front()].bbox.x1;
    for (size_t i : side)
      x0 = std::min(x0, page.lines[i].bbox.x0), x1 = std::max(x1, page.lines[i].bbox.x1);
    return x1 - x0 <= kRegions.sidebar_share * page.width;
  };
  bool b = fits(before), a = fits(after);
  if (b && (!a || before.size() >= after.size())) return before;
  if (a) return after;
  return {};
}

// A sidebar's table may run wider than its strip where the body's column has ended above
// (the last year's column of a summary under a price chart): the lines on a sidebar line's
// baseline, level with no column, in its print and close beside it, are the sidebar's too
// (a headline beside the company's name is none: larger, and across the gutter); so is a
// line on a sidebar line's baseline that starts in the strip and runs past it (a header of
// years over the same columns).
void add_row_mates(const PageLines& page, const std::vector<TextColumn>& columns,
                   std::vector<size_t>& side) {
  std::vector<bool> in(page.lines.size(), false);
  for (size_t i : side) in[i] = true;
  double strip_x0 = page.lines[side.front()].bbox.x0, strip_x1 = page.lines[side.front()].bbox.x1;
  for (size_t i : side)
    strip_x0 = std::min(strip_x0, page.lines[i].bbox.x0),
    strip_x1 = std::max(strip_x1, page.lines[i].bbox.x1);
  std::vector<size_t> mates, starts_inside;
  for (size_t i = 0; i < page.lines.size(); ++i) {
    const Line& l = page.lines[i];
    if (in[i] || l.running) continue;
    bool level = std::any_of(columns.begin(), columns.end(), [&](const TextColumn& c) {
      return l.bbox.y1 >= c.bbox.y0 && l.bbox.y0 <= c.bbox.y1;
    });
    if (level) continue;
    bool inside_strip = l.bbox.x0 >= strip_x0 && l.bbox.x0 < strip_x1;
    for (size_t j : side)
      if (const Line& m = page.lines[j];
          same_row(m.bbox, l.bbox, l.size) &&
          std::fabs(m.size - l.size) <= kRegions.row_mate_size_share * m.size) {
        if (inside_strip) {  // a header row starting in the strip, running past it
          starts_inside.push_back(i);
          break;
        }
        if (std::min(std::fabs(l.bbox.x0 - m.bbox.x1), std::fabs(m.bbox.x0 - l.bbox.x1)) <=
            kRegions.row_mate_gap_em * m.size) {
          mates.push_back(i);
          break;
        }
      }
  }
  // ... and they make a column of cells, one under another: a lone line beside the strip (a
  // table's unit line in the body, below the column) is the body's.
  for (size_t i : mates) {
    const Bbox& b = page.lines[i].bbox;
    long stacked = std::count_if(mates.begin(), mates.end(), [&](size_t k) {
      return page.lines[k].bbox.x0 < b.x1 && b.x0 < page.lines[k].bbox.x1;
    });
    if (stacked >= kRegions.row_mate_column) side.push_back(i);
  }
  side.insert(side.end(), starts_inside.begin(), starts_inside.end());
  std::sort(side.begin(), side.end());
}

// The column a box or rule lies across, if any.
const TextColumn* column_under(const Bbox& b, const std::vector<TextColumn>& columns,
                               double share) {
  for (const TextColumn& c : columns)
    if (b.width() >= share * c.bbox.width() && overlap_share(b.x0, b.x1, c.bbox.x0, c.bbox.x1, 0.8))
      return &c;
  return nullptr;
}

class BoxFinder {
 public:
  BoxFinder(const PageLines& page, PageRegions& out) : page_(page), out_(out) {
    for (const Line& l : page.lines) prose_ += !l.running && is_running_text(l, page.width);
  }

  // Marks the lines of `area` as a box when they are a lead's: enough lines, most of them
  // running text, not most of the page's; of one size when only rules frame them.
  void consider(const Bbox& area, bool framed_by_rules = false) {
    std::vector<size_t> lines;
    for (size_t i = 0; i < page_.lines.size(); ++i) {
      const Line& l = page_.lines[i];
      if (!l.running && out_.line_region[i] < 0 && inside(l.bbox, area)) lines.push_back(i);
    }
    if (framed_by_rules && !one_size(lines)) return;
    mark(lines);
  }

  // Marks `lines` as a box when they are a lead's: rows of text (a bullet's marker beside
  // its line, never a table's cells), enough of them, one at least of running text, not most
  // of the page's.
  void mark(const std::vector<size_t>& lines) {
    int prose = 0;
    for (size_t i : lines) prose += is_running_text(page_.lines[i], page_.width);
    std::optional<int> rows = text_rows(lines);
    if (!rows || *rows < kRegions.box_lines || prose == 0 ||
        prose > kRegions.box_text_share * prose_)
      return;
    int index = static_cast<int>(out_.regions.size());
    Bbox box = page_.lines[lines.front()].bbox;
    for (size_t i : lines) {
      out_.line_region[i] = index;
      box = box.united(page_.lines[i].bbox);
    }
    out_.regions.push_back({RegionKind::box, box});
  }

 private:
  // The rows `lines` stand on, or nullopt where a row holds more than a marker and its text
  // (a table's cells).
  std::optional<int> text_rows(const std::vector<size_t>& lines) const {
    std::vector<const Line*> sorted;
    for (size_t i : lines) sorted.push_back(&page_.lines[i]);
    std::sort(sorted.begin(), sorted.end(),
              [](const Line* a, const Line* b) { return a->bbox.center_y() < b->bbox.center_y(); });
    int rows = 0;
    for (size_t k = 0; k < sorted.size();) {
      size_t j = k + 1;
      while (j < sorted.size() && same_row(sorted[j]->bbox, sorted[k]->bbox, sorted[k]->size)) ++j;
      if (j - k > 2) return std::nullopt;
      ++rows;
      k = j;
    }
    return rows;
  }

  bool one_size(const std::vector<size_t>& lines) const {
    if (lines.empty()) return false;
    double lo = page_.lines[lines.front()].size, hi = lo;
    for (size_t i : lines)
      lo = std::min(lo, page_.lines[i].size), hi = std::max(hi, page_.lines[i].size);
    return hi <= (1 + kRegions.same_size_share) * lo;
  }

  const PageLines& page_;
  PageRegions& out_;
  int prose_ = 0;
};

// Whether `rule` lies under a line, within its width: an underline, not a frame.
bool underlines(const Bbox& rule, const PageLines& page) {
  return std::any_of(page.lines.begin(), page.lines.end(), [&](const Line& l) {
    return rule.y0 >= l.bbox.y1 - 1 && rule.y0 <= l.bbox.y1 + kRegions.underline_gap_pt &&
           rule.x0 >= l.bbox.x0 - kRegions.underline_gap_pt &&
           rule.x1 <= l.bbox.x1 + kRegions.underline_gap_pt;
  });
}

// Whether a rule underlines the whole of `l`.
bool underlined(const Line& l, const std::vector<Bbox>& rules) {
  double s = kRegions.underline_gap_pt;
  return std::any_of(rules.begin(), rules.end(), [&](const Bbox& r) {
    return r.height() < r.width() && r.y0 >= l.bbox.y1 - 1 && r.y0 <= l.bbox.y1 + s &&
           r.x0 <= l.bbox.x0 + s && r.x1 >= l.bbox.x1 - s;
  });
}

// Runs of lines in a column that are set apart line by line: inside it on both sides (a
// box's padding, where the box itself is not drawn as shapes: Kiwoom), or each underlined
// (Hanwha's lead).
void find_inset_boxes(const PageLines& page, const TextColumn& column, BoxFinder& finder,
                      const PageRegions& out) {
  std::vector<size_t> lines;
  for (size_t i = 0; i < page.lines.size(); ++i) {
    const Line& l = page.lines[i];
    if (!l.running && out.line_region[i] < 0 && l.bbox.center_x() > column.bbox.x0 &&
        l.bbox.center_x() < column.bbox.x1)
      lines.push_back(i);
  }
  std::sort(lines.begin(), lines.end(),
            [&](size_t a, size_t b) { return page.lines[a].bbox.y0 < page.lines[b].bbox.y0; });
  auto inset = [&](const Line& l) {
    return l.bbox.x0 >= column.bbox.x0 + kRegions.inset_pt &&
           l.bbox.x1 <= column.bbox.x1 - kRegions.inset_pt;
  };
  auto runs = [&](auto set_apart, auto accept) {
    std::vector<size_t> run;
    auto close = [&] {
      if (!run.empty() && accept(run)) finder.mark(run);
      run.clear();
    };
    for (size_t i : lines) {
      const Line& l = page.lines[i];
      bool follows = !run.empty() && l.bbox.y0 - page.lines[run.back()].bbox.y1 <
                                         kRegions.box_line_gap_lines * l.size;
      if (!set_apart(l) || !follows) close();
      if (set_apart(l)) run.push_back(i);
    }
    close();
  };
  runs(inset, [&](const std::vector<size_t>& run) {
    double right = 0;
    for (size_t i : run) right = std::max(right, page.lines[i].bbox.x1);
    return right >= column.bbox.x1 - kRegions.max_inset_pt;
  });
  // Underlined running text (a paragraph's last line short) sets a lead apart only where
  // the column's prose opens with it: further down it is emphasis inside a paragraph.
  auto opens_column = [&](size_t first) {
    return std::none_of(lines.begin(), lines.end(), [&](size_t i) {
      return page.lines[i].bbox.y0 < page.lines[first].bbox.y0 &&
             is_running_text(page.lines[i], page.width);
    });
  };
  runs([&](const Line& l) { return underlined(l, page.drawing.rules); },
       [&](const std::vector<size_t>& run) {
         return opens_column(run.front()) && std::all_of(run.begin(), run.end() - 1, [&](size_t i) {
                  return is_running_text(page.lines[i], page.width);
                });
       });
}

void find_boxes(const PageLines& page, const std::vector<TextColumn>& columns, PageRegions& out) {
  BoxFinder finder(page, out);
  for (const DrawnBox& b : page.drawing.boxes)
    if (column_under(b.bbox, columns, kRegions.box_column_share)) finder.consider(b.bbox);
  // Blocks framed by two rules across one column: consecutive rules, top to bottom.
  std::vector<Bbox> rules;
  for (const Bbox& r : page.drawing.rules)
    if (r.height() < r.width() && column_under(r, columns, kRegions.frame_rule_share) &&
        !underlines(r, page))
      rules.push_back(r);
  std::sort(rules.begin(), rules.end(), [](const Bbox& a, const Bbox& b) { return a.y0 < b.y0; });
  for (size_t k = 0; k + 1 < rules.size(); ++k) {
    const Bbox& top = rules[k];
    const Bbox& bottom = rules[k + 1];
    if (bottom.y0 - top.y1 > kRegions.frame_height_share * page.height) continue;
    if (!overlap_share(top.x0, top.x1, bottom.x0, bottom.x1, 0.8)) continue;
    finder.consider({std::max(top.x0, bottom.x0), top.y1, std::min(top.x1, bottom.x1), bottom.y0},
                    true);
  }
  for (const TextColumn& c : columns) find_inset_boxes(page, c, finder, out);
}

// A line of the rating box printed across the page (`현재 주가(10/8): 71,500원 | 목표주가(유지):
// 105,000원`): a cover's price labels.
bool prices_line(const std::string& text) {
  std::string squashed;
  for (char c : text)
    if (c != ' ') squashed += c;
  for (vocab::CoverKind kind : {vocab::CoverKind::target_label, vocab::CoverKind::current_label})
    for (const char* w : vocab::cover_words(kind)) {
      std::string word;
      for (const char* c = w; *c; ++c)
        if (*c != ' ') word += *c;
      if (squashed.find(word) != std::string::npos) return true;
    }
  return false;
}

// The first page's banner: what stands above the body and is no part of it — the masthead
// and date in the top band, a rating line printed across the page, the analysts' bylines —
// but a line as large as a headline (the company's name, the headline itself). On a cover
// with no body, the bylines alone (`노경탁 선임연구원 … @eugenefn.com`).
void add_banner(const PageLines& page, const std::vector<TextColumn>& columns, PageRegions& out) {
  double top = page.height, body = 0;
  std::vector<double> sizes;
  for (const TextColumn& c : columns) top = std::min(top, c.bbox.y0);
  for (const Line& l : page.lines)
    if (!l.running && is_running_text(l, page.width)) sizes.push_back(l.size);
  if (!sizes.empty()) {
    std::nth_element(sizes.begin(), sizes.begin() + static_cast<long>(sizes.size() / 2),
                     sizes.end());
    body = sizes[sizes.size() / 2];
  }
  std::vector<size_t> lines;
  for (size_t i = 0; i < page.lines.size(); ++i) {
    const Line& l = page.lines[i];
    if (l.running || out.line_region[i] >= 0) continue;
    bool above = !columns.empty() && l.bbox.y1 <= top && l.size < kRegions.headline_scale * body &&
                 !is_running_text(l, page.width) &&
                 (in_margin_band(l, page.height) || prices_line(l.text));
    if (above || vocab::has_email(l.text)) lines.push_back(i);
  }
  // A byline's card: the short lines stacked right above its e-mail (`Analyst 박성민` over
  // `sm.park@kiwoom.com`).
  for (size_t k = 0; k < lines.size(); ++k) {
    const Line& mail = page.lines[lines[k]];
    if (!vocab::has_email(mail.text)) continue;
    for (size_t i = 0; i < page.lines.size(); ++i) {
      const Line& l = page.lines[i];
      if (l.running || out.line_region[i] >= 0 || is_running_text(l, page.width) ||
          std::find(lines.begin(), lines.end(), i) != lines.end())
        continue;
      if (l.bbox.y1 <= mail.bbox.y0 + 1 && mail.bbox.y0 - l.bbox.y1 < mail.size &&
          std::fabs(l.bbox.x0 - mail.bbox.x0) < mail.size &&
          utf8::length(l.text) <= kRegions.card_line_chars)
        lines.push_back(i);
    }
  }
  if (lines.empty()) return;
  Bbox box = page.lines[lines.front()].bbox;
  for (size_t i : lines) {
    box = box.united(page.lines[i].bbox);
    out.line_region[i] = static_cast<int>(out.regions.size());
  }
  out.regions.push_back({RegionKind::banner, box});
}

}  // namespace

std::string_view region_name(RegionKind kind) {
  switch (kind) {
    case RegionKind::sidebar:
      return "sidebar";
    case RegionKind::box:
      return "box";
    case RegionKind::figure:
      return "figure";
    case RegionKind::banner:
      return "banner";
    case RegionKind::column:
      break;
  }
  return "column";
}

PageRegions find_regions(const PageLines& page) {
  PageRegions out{page.number, {}, std::vector<int>(page.lines.size(), -1)};
  std::vector<TextColumn> columns = find_columns(page);
  for (const TextColumn& c : columns) out.regions.push_back({RegionKind::column, c.bbox});
  if (!columns.empty() && page.number == 1) {
    std::vector<size_t> side = sidebar_lines(page, columns);
    if (!side.empty()) add_row_mates(page, columns, side);
    if (!side.empty()) {
      Bbox box = page.lines[side.front()].bbox;
      for (size_t i : side) {
        box = box.united(page.lines[i].bbox);
        out.line_region[i] = static_cast<int>(out.regions.size());
      }
      out.regions.push_back({RegionKind::sidebar, box});
    }
  }
  if (!columns.empty()) find_boxes(page, columns, out);
  if (page.number == 1) add_banner(page, columns, out);
  regions_parts::find_figures(page, out);
  return out;
}

}  // namespace kreport
