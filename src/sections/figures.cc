// Figures: captions with their sources, page by page. Which caption goes with which
// `자료:` line the regions stage decided from the page's geometry (FigureArea: figures side
// by side each over its own source, an unnumbered title above its chart); here the blocks
// holding those lines become the figure's caption and source. A numbered caption with no
// source under it is a figure without one.
#include <algorithm>
#include <cmath>
#include <map>
#include <regex>

#include "kreport/regex.h"
#include "kreport/vocab.h"
#include "sections_parts.h"

namespace kreport::sections_parts {
namespace {

const Regex kCaptionNumber(R"((그림|도표|표|차트|Figure|Table|Chart|Exhibit)\s*\d+(-\d+)?)");

bool holds(const Bbox& block, const Bbox& line) {
  return line.center_x() >= block.x0 - 1 && line.center_x() <= block.x1 + 1 &&
         line.center_y() >= block.y0 - 1 && line.center_y() <= block.y1 + 1;
}

Figure figure_of(const std::vector<Figure>& figures, int page) {
  Figure f;
  f.id = "f" + std::to_string(figures.size() + 1);
  f.page = page;
  return f;
}

void set_caption(Figure& f, Block& b) {
  b.type = "caption";
  std::smatch m;
  if (std::regex_search(b.text, m, kCaptionNumber)) f.number = m.str(0);
  f.caption = b.text;
}

}  // namespace

std::vector<Figure> pair_figures(const std::vector<PageBlocks>& pages,
                                 std::vector<Section>& sections) {
  std::vector<Block*> blocks;  // every block, in the pages' order
  for (Section& s : sections)
    for (Block& b : s.blocks) blocks.push_back(&b);
  std::vector<Figure> figures;
  size_t next = 0;
  for (const PageBlocks& page : pages) {
    std::vector<Block*> on_page(blocks.begin() + static_cast<long>(next),
                                blocks.begin() + static_cast<long>(next + page.blocks.size()));
    next += page.blocks.size();
    // Each figure where its first block stands in reading order.
    struct Found {
      size_t at;
      Figure figure;
    };
    std::vector<Found> found;
    std::vector<bool> used(on_page.size(), false);
    auto block_at = [&](const Bbox& line) -> std::optional<size_t> {
      for (size_t k = 0; k < on_page.size(); ++k)
        if (!used[k] && on_page[k]->type != "table_ref" && holds(on_page[k]->bbox, line)) return k;
      return std::nullopt;
    };
    for (const FigureArea& area : page.figures) {
      std::optional<size_t> source = block_at(area.source);
      if (source && on_page[*source]->type != "source") source.reset();
      Figure f;
      size_t at = on_page.size();  // a figure none of whose lines are blocks goes last
      if (source) {
        used[*source] = true;
        f.source = vocab::label_body(on_page[*source]->text);
        at = *source;
      } else {
        f.source = vocab::label_body(area.source_text);
      }
      if (area.caption) {  // the blocks of its caption: a label and a title may be two
        std::vector<size_t> parts;
        for (size_t k = 0; k < on_page.size(); ++k)
          if (!used[k] && on_page[k]->type != "table_ref" &&
              (holds(on_page[k]->bbox, *area.caption) || holds(*area.caption, on_page[k]->bbox)))
            parts.push_back(k);
        for (size_t k : parts) {
          used[k] = true;
          on_page[k]->type = "caption";
          f.caption = f.caption ? *f.caption + " " + on_page[k]->text : on_page[k]->text;
          at = std::min(at, k);
        }
        if (parts.empty()) f.caption = area.caption_text;
        std::smatch m;
        if (f.caption && std::regex_search(*f.caption, m, kCaptionNumber)) f.number = m.str(0);
      }
      found.push_back({at, std::move(f)});
    }
    for (size_t k = 0; k < on_page.size(); ++k)
      if (!used[k] && on_page[k]->type == "caption") {
        Figure f;
        set_caption(f, *on_page[k]);
        found.push_back({k, std::move(f)});
      }
    std::stable_sort(found.begin(), found.end(),
                     [](const Found& a, const Found& b) { return a.at < b.at; });
    for (Found& f : found) {
      Figure out = figure_of(figures, page.number);
      out.number = std::move(f.figure.number);
      out.caption = std::move(f.figure.caption);
      out.source = std::move(f.figure.source);
      figures.push_back(std::move(out));
    }
  }
  return figures;
}

}  // namespace kreport::sections_parts
