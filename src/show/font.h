// A 5x8 bitmap font for the raster picture's labels and legend (ASCII: digits, lowercase
// letters, a little punctuation; capitals are drawn as small letters), so that drawing a
// label needs no font file and gives the same pixels on every machine.
#pragma once

#include <array>

namespace kreport::show {

inline constexpr int kGlyphWidth = 5, kGlyphHeight = 8;

/// The rows of `c`'s glyph, top to bottom, '#' for ink; a question mark for what it has not.
const std::array<const char*, kGlyphHeight>& glyph(char c);

}  // namespace kreport::show
