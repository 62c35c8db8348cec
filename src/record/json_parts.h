// Shared by the JSON writers of src/record (not a public header): the record's forms of
// numbers, boxes and tables, so the stage dumps write them as the record does.
#pragma once

#include <nlohmann/json.hpp>

#include "kreport/record.h"

namespace kreport::record_json {

using json = nlohmann::ordered_json;

/// A number, whole ones without a fraction; null when not finite.
json number(double v);
/// A number rounded to 0.1 (points).
json rounded(double v);
/// [x0, y0, x1, y1] rounded to 0.1 pt.
json bbox(const Bbox& b);
/// A table as the record writes it.
json table_json(const Table& t);

}  // namespace kreport::record_json
