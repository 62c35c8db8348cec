// Figures: captions with their sources, page by page.
//   - a caption followed on the same page by a source becomes a figure with that source;
//     with several captions waiting (figures side by side), the source goes to the one above
//     it in the same column;
//   - a source with no caption waiting takes the nearest short title line above it in its
//     column as an unnumbered caption: the one that starts where the source starts (text
//     drawn inside the chart, "AMERICA'S AI ACTION PLAN", is centred in it), else the nearest.
#include <algorithm>
#include <cmath>
#include <map>
#include <regex>

#include "kreport/vocab.h"
#include "segment_parts.h"

namespace kreport::segment_parts {
namespace {

const std::regex kCaptionNumber(R"((그림|표|차트|Figure|Table|Chart|Exhibit)\s*\d+(-\d+)?)");

constexpr size_t kMaxTitleBytes = 120;   // a chart's title: about 40 Hangul syllables at most
constexpr double kMaxTitleLines = 1.8;   // of its font size high: one line
constexpr double kTitleSizeShare = 0.9;  // of the column's body size at least: no axis label

// One short line that does not end a sentence: what titles a chart ("기존 H20 판매량 전망").
bool is_title_like(const TextBlock& b) {
  return (b.type == "paragraph" || b.type == "heading") && b.text.size() <= kMaxTitleBytes &&
         b.bbox.height() <= kMaxTitleLines * b.size && b.text.back() != '.';
}

// The body font size around a block: the size carrying the most text among the page's
// blocks in its column (a sidebar prints smaller than the body beside it).
double body_size(const PageBlocks& page, const TextBlock& in) {
  std::map<double, size_t> chars;
  for (const TextBlock& b : page.blocks)
    if (std::min(b.bbox.x1, in.bbox.x1) > std::max(b.bbox.x0, in.bbox.x0))
      chars[std::round(b.size * 2) / 2] += b.text.size();
  auto most = std::max_element(chars.begin(), chars.end(),
                               [](auto& a, auto& b) { return a.second < b.second; });
  return most == chars.end() ? 0 : most->first;
}

bool same_column(const Bbox& a, const Bbox& b) {
  return std::min(a.x1, b.x1) > std::max(a.x0, b.x0);
}

// The figures of one page.
class PageFigures {
 public:
  PageFigures(std::vector<Figure>& figures, int page) : figures_(figures), page_(page) {}

  void caption(const Block& b) {
    Figure f = figure();
    std::smatch m;
    if (std::regex_search(b.text, m, kCaptionNumber)) f.number = m.str(0);
    f.caption = b.text;
    figures_.push_back(std::move(f));
    waiting_.push_back({figures_.size() - 1, b.bbox});
  }

  void source(const Block& b, double size) {
    if (!waiting_.empty()) return source_of_caption(b);
    // No numbered caption: an unnumbered title above it in its column captions it.
    Block* best = nullptr;
    bool best_aligned = false;
    for (Block* t : titles_) {
      if (!same_column(t->bbox, b.bbox) || t->bbox.y1 > b.bbox.y0) continue;
      bool aligned = std::fabs(t->bbox.x0 - b.bbox.x0) < size;
      if (!best || (aligned && !best_aligned) ||
          (aligned == best_aligned && t->bbox.y0 > best->bbox.y0))
        best = t, best_aligned = aligned;
    }
    Figure f = figure();
    f.source = vocab::label_body(b.text);
    if (best) {
      best->type = "caption";
      f.caption = best->text;
      std::erase(titles_, best);
    }
    figures_.push_back(std::move(f));
  }

  void title(Block& b) { titles_.push_back(&b); }

 private:
  Figure figure() const {
    Figure f;
    f.id = "f" + std::to_string(figures_.size() + 1);
    f.page = page_;
    return f;
  }

  // Side-by-side figures: the source belongs to the caption above it in its column, else
  // to the latest caption.
  void source_of_caption(const Block& b) {
    size_t best = waiting_.size() - 1;
    double best_y = -1;
    for (size_t k = 0; k < waiting_.size(); ++k) {
      const Bbox& c = waiting_[k].box;
      if (same_column(c, b.bbox) && c.y0 <= b.bbox.y0 && c.y0 >= best_y) best = k, best_y = c.y0;
    }
    figures_[waiting_[best].figure].source = vocab::label_body(b.text);
    waiting_.erase(waiting_.begin() + static_cast<long>(best));
  }

  struct Waiting {
    size_t figure;
    Bbox box;
  };
  std::vector<Figure>& figures_;
  int page_;
  std::vector<Waiting> waiting_;  // captions on this page with no source yet
  std::vector<Block*> titles_;    // short lines that may title an unnumbered figure
};

}  // namespace

std::vector<Figure> pair_figures(const std::vector<PageBlocks>& pages,
                                 std::vector<Section>& sections) {
  std::vector<Block*> blocks;  // every block, in the pages' order
  for (Section& s : sections)
    for (Block& b : s.blocks) blocks.push_back(&b);
  std::vector<Figure> figures;
  size_t next = 0;
  for (const PageBlocks& page : pages) {
    PageFigures on_page(figures, page.number);
    for (const TextBlock& tb : page.blocks) {
      Block& b = *blocks[next++];
      if (b.type == "caption")
        on_page.caption(b);
      else if (b.type == "source")
        on_page.source(b, tb.size);
      else if (b.type != "note" && is_title_like(tb) &&
               tb.size >= kTitleSizeShare * body_size(page, tb))
        on_page.title(b);
    }
  }
  return figures;
}

}  // namespace kreport::segment_parts
