// The middle stages' values as JSON: what `kreport extract --dump-stage` writes, so that a
// page that goes wrong becomes a unit-test fixture (lines_from_json reads a dump back).
#pragma once

#include <string>
#include <vector>

#include "kreport/layout.h"
#include "kreport/regions.h"
#include "kreport/tables.h"

namespace kreport {

/// The pages' lines with their words: {"pages": [{number, width, height, lines: [{text,
/// bbox, size, font, running, origin, spans: [{text, bbox, space_after, space_before,
/// space_drawn_after}]}]}]}.
std::string lines_json(const std::vector<PageLines>& pages);

/// Reads lines_json's output back (throws std::runtime_error when it is not that).
std::vector<PageLines> lines_from_json(const std::string& json);

/// The pages' regions: {"pages": [{number, regions: [{kind, bbox}], line_region: [...],
/// figures: [{area, caption, source, chart}]}]}.
std::string regions_json(const std::vector<PageRegions>& pages);

/// The tables as the record writes them, and per page the lines each took.
std::string tables_json(const TableSet& tables);

/// The pages' blocks: {"pages": [{number, blocks: [{type, bullet, text, bbox, size}]}]}.
std::string blocks_json(const std::vector<PageBlocks>& pages);

}  // namespace kreport
