// Stage 3, normalize: text as the record contract wants it (NFC, ASCII digits, one space).
#pragma once

#include <string>
#include <string_view>

namespace kreport {

/// Normalizes UTF-8 text per the contract's "Normalization" rules: NFC; full-width ASCII to
/// ASCII; every Unicode space to one plain space, runs collapsed, ends trimmed; zero-width and
/// soft-hyphen characters dropped; compatibility and decomposed Hangul jamo composed.
/// Characters that stay as printed: ①, →, ㈜, ㎡. Invalid UTF-8 becomes U+FFFD.
/// Controls and private-use glyphs (what symbol fonts without a Unicode map give) are dropped;
/// when `dropped` is given, it is increased by their number.
std::string normalize(std::string_view utf8, int* dropped = nullptr);

/// How much of a text is readable, judged character by character.
struct TextQuality {
  int visible = 0;   // characters other than spaces
  int unmapped = 0;  // of those, ones no text of any script contains, which a font without
                     // a Unicode map produces (glyph ids read as code points): private use,
                     // U+FFFD, control characters, unassigned code points
};

TextQuality assess(std::string_view utf8);

/// True when a page's text is mostly glyph garbage rather than words.
bool is_unmapped(const TextQuality& q);

/// The terminal cells `utf8` takes: two for East Asian Wide and Fullwidth characters
/// (Hangul syllables, CJK, full-width forms: Unicode's East_Asian_Width), one for others.
size_t display_width(std::string_view utf8);

/// Replaces invalid UTF-8 sequences by U+FFFD, so any byte string becomes valid JSON text.
std::string sanitize_utf8(std::string_view bytes);

}  // namespace kreport
