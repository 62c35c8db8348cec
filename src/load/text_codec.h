// Text encodings the load stage meets, without poppler types: what poppler-cpp did to
// words and info strings (kept so that records stay byte-identical), and UTF-8 output.
#pragma once

#include <string>
#include <string_view>

namespace kreport::load {

/// The length of the longest prefix of `s` that is well-formed UTF-8 without NUL.
size_t utf8_prefix(std::string_view s);

/// Appends code point `cp` (at most U+10FFFF, not a surrogate) as UTF-8.
void append_utf8(std::string& out, unsigned cp);

/// An info-dictionary string's bytes as poppler-cpp decoded them, in UTF-8.
std::string info_text(const std::string& bytes);

}  // namespace kreport::load
