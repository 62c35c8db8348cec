// The parts of the named queries computed outside SQL, visible to the unit tests.
#pragma once

#include <string>

#include "kreport/index.h"

namespace kreport::archive {

/// One row summing up `firms` (columns ticker, broker, value, unit, and optionally scale and
/// currency: one row per firm): low, high, mean, median and spread in the unit most firms use,
/// each value converted as value × scale (a row without a scale: its Korean won unit, 원,
/// 억원, 십억원, 조원, ...); a firm whose unit cannot be converted (no scale, another currency)
/// is counted in `excluded`. No firms: no row.
QueryResult spread_of(const QueryResult& firms, const std::string& metric, long long year);

/// The text around the first occurrence of `term` (ASCII letters compared without case, as
/// the trigram index compares them), the occurrence marked «like this», cut with "…".
std::string snippet(const std::string& text, const std::string& term);

/// Columns a terminal gives `utf8`: two for East Asian wide characters (Hangul, CJK).
size_t display_width(const std::string& utf8);

}  // namespace kreport::archive
