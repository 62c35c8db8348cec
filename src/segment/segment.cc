// First cut of segmentation: every page with text becomes one `body` section whose blocks are
// its lines, so the record carries all the text with page and box while the layout and
// segmentation rules grow.
#include "kreport/segment.h"

namespace kreport {

std::vector<Section> segment(const std::vector<PageLayout>& pages) {
  std::vector<Section> sections;
  for (const PageLayout& page : pages) {
    if (page.lines.empty()) continue;
    Section s;
    s.id = "s" + std::to_string(sections.size() + 1);
    s.kind = "body";
    s.first_page = s.last_page = page.number;
    for (const Line& line : page.lines)
      s.blocks.push_back(Block{"paragraph", line.text, std::nullopt, page.number, line.bbox});
    sections.push_back(std::move(s));
  }
  return sections;
}

}  // namespace kreport
