// Shared by the files of the sections stage (not a public header).
#pragma once

#include <vector>

#include "kreport/layout.h"
#include "kreport/record.h"

namespace kreport::sections_parts {

/// The figures of the document: each caption with the source under it, and sources without
/// a numbered caption with the short title line above them, which becomes a caption block.
/// `sections` hold the pages' blocks in the same order as `pages`.
std::vector<Figure> pair_figures(const std::vector<PageBlocks>& pages,
                                 std::vector<Section>& sections);

}  // namespace kreport::sections_parts
