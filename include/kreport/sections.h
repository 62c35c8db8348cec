// Stage 5, sections: page blocks -> typed sections, captions with their sources, figures.
#pragma once

#include <vector>

#include "kreport/layout.h"
#include "kreport/record.h"

namespace kreport {

struct SectionCut {
  std::vector<Section> sections;
  std::vector<Figure> figures;
};

/// Cuts the document's blocks into sections at headings, types each section by its title
/// (Highlight -> summary, Compliance Notice -> compliance, ...), types caption, source (자료:)
/// and note (주:) blocks, and pairs each figure or table caption with the source under it.
SectionCut cut_sections(const std::vector<PageBlocks>& pages);

}  // namespace kreport
