// Stage 4, segment: page layouts -> typed sections of blocks.
#pragma once

#include <vector>

#include "kreport/layout.h"
#include "kreport/record.h"

namespace kreport {

/// Cuts the document's lines into sections. For now: one `body` section per page with text,
/// one paragraph block per line (the layout issue rebuilds paragraphs and headings).
std::vector<Section> segment(const std::vector<PageLayout>& pages);

}  // namespace kreport
