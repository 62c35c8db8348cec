// Figures from their anchors: every `자료:` line closes a figure (or a table) above it, and
// its caption is the numbered caption above it in its own strip of the page (figures stand
// side by side, each over its own source), else the title line right above the area. The
// area between is a chart when shapes are drawn there and its words are a chart's (axis
// labels, legends: no prose, no rows of a label and its numbers); then those words are
// kept out of the prose and the tables.
#include <algorithm>
#include <cmath>

#include "kreport/utf8.h"
#include "kreport/vocab.h"
#include "params.h"
#include "regions_parts.h"

namespace kreport::regions_parts {
namespace {

using vocab::LineLabel;

// The size of the page's running text (of all its lines where it has none): a chart's
// small print is most of the lines of a page of charts.
double body_size(const PageLines& page) {
  std::vector<double> sizes;
  for (const Line& l : page.lines)
    if (!l.running && is_running_text(l, page.width)) sizes.push_back(l.size);
  if (sizes.empty())
    for (const Line& l : page.lines)
      if (!l.running) sizes.push_back(l.size);
  if (sizes.empty()) return 10;
  std::nth_element(sizes.begin(), sizes.begin() + static_cast<long>(sizes.size() / 2), sizes.end());
  return sizes[sizes.size() / 2];
}

// A chart's title: one short line of words that is not a sentence, in the body's size or
// larger; an axis's unit (`(조원)`, `($/톤)`) or value is none.
bool title_like(const Line& l, double body) {
  if (l.running || utf8::length(l.text) > kRegions.title_chars || l.text.ends_with(".") ||
      l.text.ends_with("다") || l.size < kRegions.title_size_share * body ||
      l.text.starts_with("("))
    return false;
  size_t letters = 0;
  for (char32_t c : utf8::decode(l.text)) letters += utf8::is_hangul(c) || utf8::is_latin(c);
  return letters >= kRegions.title_letters;
}

// `표 3.`, `[Table 2]`: a caption that heads a table of text, never a chart's.
bool heads_table(const std::string& text) {
  std::string_view t = text;
  while (!t.empty() && (t.front() == '[' || t.front() == '<' || t.front() == ' '))
    t.remove_prefix(1);
  return t.starts_with("표") || t.starts_with("Table");
}

// A row of a table: a label followed by two numbers or more on one baseline.
int label_rows(const std::vector<const Line*>& lines) {
  int rows = 0;
  for (const Line* l : lines) {
    if (l->text.empty() || std::isdigit(static_cast<unsigned char>(l->text[0]))) continue;
    int numbers = 0;
    for (const Line* o : lines)
      if (o != l && o->bbox.x0 > l->bbox.x1 && same_row(o->bbox, l->bbox, l->size) &&
          !o->text.empty() &&
          (std::isdigit(static_cast<unsigned char>(o->text[0])) || o->text[0] == '-' ||
           o->text[0] == '('))
        ++numbers;
    for (const Span& s : l->spans)  // numbers printed on the label's own line
      numbers += !s.text.empty() && std::isdigit(static_cast<unsigned char>(s.text[0]));
    rows += numbers >= 2;
  }
  return rows;
}

class FigureFinder {
 public:
  FigureFinder(const PageLines& page, PageRegions& out)
      : page_(page), out_(out), body_(body_size(page)) {
    for (size_t i = 0; i < page.lines.size(); ++i) {
      const Line& l = page.lines[i];
      if (l.running) continue;
      LineLabel label = vocab::label_of(l.text);
      if (label == LineLabel::caption) captions_.push_back(i);
      if (label == LineLabel::source) sources_.push_back(i);
    }
    std::sort(sources_.begin(), sources_.end(), [&](size_t a, size_t b) {
      const Bbox &x = page.lines[a].bbox, &y = page.lines[b].bbox;
      return x.y0 < y.y0 - 1 || (std::fabs(x.y0 - y.y0) <= 1 && x.x0 < y.x0);
    });
  }

  void run() {
    for (size_t s : sources_) pair(s);
  }

 private:
  // The strip of the page a figure over source `s` stands in: from its left edge to the next
  // source on its row (figures side by side), else to the page's edge.
  std::pair<double, double> strip(const Line& s) const {
    double left = s.bbox.x0 - s.size, right = page_.width;
    for (size_t o : sources_) {
      const Line& n = page_.lines[o];
      if (&n != &s && std::fabs(n.bbox.center_y() - s.bbox.center_y()) < s.size &&
          n.bbox.x0 > s.bbox.x0)
        right = std::min(right, n.bbox.x0 - s.size / 2);
    }
    return {left, right};
  }

  bool in_strip(const Bbox& b, std::pair<double, double> strip) const {
    return b.x0 >= strip.first && b.x0 < strip.second;
  }

  // Another source of the strip between `top` and `bottom`: the figure above it is its own.
  bool source_between(double top, double bottom, std::pair<double, double> strip) const {
    return std::any_of(sources_.begin(), sources_.end(), [&](size_t o) {
      const Bbox& b = page_.lines[o].bbox;
      return in_strip(b, strip) && b.y0 > top && b.y1 < bottom;
    });
  }

  void pair(size_t s) {
    const Line& src = page_.lines[s];
    auto band = strip(src);
    // The nearest numbered caption above, in the strip, with no other source between.
    const Line* caption = nullptr;
    for (size_t c : captions_) {
      const Line& l = page_.lines[c];
      if (used(c) || l.bbox.y1 > src.bbox.y0 + 1 || !in_strip(l.bbox, band)) continue;
      if (source_between(l.bbox.y1, src.bbox.y0, band)) continue;
      if (!caption || l.bbox.y0 > caption->bbox.y0) caption = &l;
    }
    // Else the title line above the figure: the nearest short line starting where the
    // source starts, with no prose between (prose above a chart is the body's).
    if (!caption) caption = title_above(src, band);
    if (!caption) caption = title_beside(src, band);
    FigureArea f;
    f.source = src.bbox;
    double top = caption ? caption->bbox.y1 : src.bbox.y0;
    if (caption) {
      f.caption = caption_extent(*caption);
      used_.push_back(static_cast<size_t>(caption - page_.lines.data()));
    }
    Bbox area{band.first, top, std::max(src.bbox.x1, caption ? caption->bbox.x1 : src.bbox.x1),
              src.bbox.y0};
    std::vector<size_t> inside;
    for (size_t i = 0; i < page_.lines.size(); ++i) {
      const Line& l = page_.lines[i];
      if (!l.running && &l != caption && i != s && l.bbox.center_y() > area.y0 &&
          l.bbox.center_y() < area.y1 && in_strip(l.bbox, band) && l.bbox.x0 < band.second) {
        inside.push_back(i);
        area.x1 = std::max(area.x1, std::min(l.bbox.x1, band.second));
      }
    }
    // The chart reaches as far as what is drawn under the caption: a plot is often wider
    // than its title and its source line.
    for (const auto* shapes : {&page_.drawing.paths, &page_.drawing.images})
      for (const Bbox& b : *shapes)
        if (b.center_y() > area.y0 && b.center_y() < area.y1 && in_strip(b, band))
          area.x1 = std::max(area.x1, std::min(b.x1, band.second));
    area.x0 = std::min(src.bbox.x0, caption ? caption->bbox.x0 : src.bbox.x0);
    f.area = area;
    f.chart = caption && is_chart(area, inside, heads_table(caption->text));
    f.caption_text = caption_text(*f.caption);
    f.source_text = src.text;
    if (f.chart) {
      int index = static_cast<int>(out_.regions.size());
      out_.regions.push_back({RegionKind::figure, area});
      for (size_t i : inside)
        if (out_.line_region[i] < 0 ||
            out_.regions[static_cast<size_t>(out_.line_region[i])].kind == RegionKind::sidebar)
          out_.line_region[i] = index;
    }
    out_.figures.push_back(f);
  }

  const Line* title_above(const Line& src, std::pair<double, double> band) const {
    const Line* best = nullptr;
    for (size_t i = 0; i < page_.lines.size(); ++i) {
      const Line& l = page_.lines[i];
      if (used(i) || l.bbox.y1 > src.bbox.y0 + 1 || !title_like(l, body_) ||
          std::fabs(l.bbox.x0 - src.bbox.x0) > kRegions.title_align_em * src.size ||
          vocab::label_of(l.text) != LineLabel::none || heads_numbers(l))
        continue;
      if (!best || l.bbox.y0 > best->bbox.y0) best = &l;
    }
    if (!best || source_between(best->bbox.y1, src.bbox.y0, band)) return nullptr;
    // Prose between, under the title: the title is the body's heading. (A chart beside it
    // with a source lower down leaves the strip open to the page's edge: only what stands
    // under the title and its source counts.)
    double x0 = std::min(best->bbox.x0, src.bbox.x0), x1 = std::max(best->bbox.x1, src.bbox.x1);
    for (const Line& l : page_.lines)
      if (!l.running && l.bbox.y0 > best->bbox.y1 && l.bbox.y1 < src.bbox.y0 && l.bbox.x0 < x1 &&
          l.bbox.x1 > x0 && is_running_text(l, page_.width))
        return nullptr;
    return best;
  }

  // A row's label: numbers stand on its baseline (`순차입금비율(%)` … `27.3`), a table's or a
  // chart's, no title.
  bool heads_numbers(const Line& l) const {
    // `27.3`, `-4.1`, `(3.4)`, `$8.2M`, `₩900`; not `(단위: 조원)`
    auto number = [](std::string_view t) {
      for (std::string_view sign : {"-", "+", "(", "$", "₩", "¥", "€"})
        if (t.starts_with(sign)) t.remove_prefix(sign.size());
      return !t.empty() && std::isdigit(static_cast<unsigned char>(t[0]));
    };
    return std::any_of(page_.lines.begin(), page_.lines.end(), [&](const Line& o) {
      return &o != &l && o.bbox.x0 >= l.bbox.x1 && same_row(o.bbox, l.bbox, l.size) &&
             number(o.text);
    });
  }

  // A caption's label set apart from its title on one baseline (`[그림1]` `국내 NCC 업체들
  // 마진 추이`, `도표 4.` `분기 영업이익 vs. 주가`): the caption is both.
  Bbox caption_extent(const Line& caption) const {
    Bbox box = caption.bbox;
    for (bool grew = true; grew;) {
      grew = false;
      for (const Line& l : page_.lines)
        if (!l.running && l.bbox.x0 >= box.x1 - 1 &&
            l.bbox.x0 - box.x1 < kRegions.caption_gap_em * caption.size &&
            same_row(l.bbox, caption.bbox, caption.size)) {
          box = box.united(l.bbox);
          grew = true;
        }
    }
    return box;
  }

  // A title set in the margin beside the chart (Yuanta's side headings): the nearest title
  // line left of the strip, below the figure above in the strip.
  const Line* title_beside(const Line& src, std::pair<double, double> band) const {
    double floor = 0;  // the bottom of the figure above in this strip
    for (size_t o : sources_) {
      const Bbox& b = page_.lines[o].bbox;
      if (in_strip(b, band) && b.y1 < src.bbox.y0) floor = std::max(floor, b.y1);
    }
    const Line* best = nullptr;
    for (size_t i = 0; i < page_.lines.size(); ++i) {
      const Line& l = page_.lines[i];
      if (used(i) || l.bbox.x1 > band.first || l.bbox.y0 < floor || l.bbox.y1 > src.bbox.y0 ||
          !title_like(l, body_) || vocab::label_of(l.text) != LineLabel::none)
        continue;
      if (!best || l.bbox.y0 > best->bbox.y0) best = &l;
    }
    return best;
  }

  // The caption's lines, left to right.
  std::optional<std::string> caption_text(const std::optional<Bbox>& caption) const {
    if (!caption) return std::nullopt;
    std::vector<const Line*> parts;
    for (const Line& l : page_.lines)
      if (!l.running && inside(l.bbox, *caption)) parts.push_back(&l);
    std::sort(parts.begin(), parts.end(),
              [](const Line* a, const Line* b) { return a->bbox.x0 < b->bbox.x0; });
    std::string text;
    for (const Line* l : parts) text += (text.empty() ? "" : " ") + l->text;
    return text;
  }

  // Shapes drawn in the area, and words that are a chart's: no prose, hardly a table row.
  // Under a table's caption (`표 3.`, which some firms print over charts too) rules and boxes
  // do not count: a table is ruled and shaded; only curves or a picture make it a chart.
  bool is_chart(const Bbox& area, const std::vector<size_t>& lines, bool table_caption) const {
    std::vector<const Line*> words;
    for (size_t i : lines) {
      if (is_running_text(page_.lines[i], page_.width)) return false;
      words.push_back(&page_.lines[i]);
    }
    if (label_rows(words) >= kRegions.table_rows) return false;
    const Drawing& d = page_.drawing;
    auto count = [&](const std::vector<Bbox>& boxes) {
      return std::count_if(boxes.begin(), boxes.end(),
                           [&](const Bbox& b) { return inside(b, area); });
    };
    if (count(d.images) > 0) return true;  // a picture under a caption is the figure
    long shapes = count(d.paths);
    if (!table_caption) {  // a table's shaded rows and rules are boxes and rules too
      shapes += count(d.rules);
      for (const DrawnBox& b : d.boxes) shapes += inside(b.bbox, area);
    }
    return shapes >= kRegions.chart_shapes;
  }

  bool used(size_t line) const {
    return std::find(used_.begin(), used_.end(), line) != used_.end();
  }

  const PageLines& page_;
  PageRegions& out_;
  double body_;
  std::vector<size_t> captions_, sources_, used_;
};

}  // namespace

void find_figures(const PageLines& page, PageRegions& out) {
  FigureFinder(page, out).run();
}

}  // namespace kreport::regions_parts
