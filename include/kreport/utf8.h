// UTF-8 text as code points, without ICU: what the stages need to look at characters
// (the first syllable of a line, the length of a name). Normalization itself is ICU's job
// (normalize.h); this only decodes and encodes.
#pragma once

#include <string>
#include <string_view>

namespace kreport::utf8 {

/// The code points of `s`; an invalid or truncated sequence becomes U+FFFD.
std::u32string decode(std::string_view s);

/// UTF-8 bytes of `s`.
std::string encode(std::u32string_view s);

/// The number of code points of valid UTF-8 text: "삼성전자" is 4.
size_t length(std::string_view s);

/// The first code point of `s` (0 when empty); `bytes` gets its length in bytes.
char32_t first(std::string_view s, size_t* bytes = nullptr);

/// The last code point of `s` (0 when empty).
char32_t last(std::string_view s);

/// `s` with A-Z lowered; every other byte (Hangul's too) as it was.
std::string lower_ascii(std::string_view s);

/// `s` without the spaces at its ends.
inline std::string_view trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

/// Whether `hay` holds `needle` (C++23's string_view::contains).
inline bool contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

/// A precomposed Hangul syllable (가..힣).
inline bool is_hangul(char32_t c) {
  return c >= 0xAC00 && c <= 0xD7A3;
}

/// An ASCII letter.
inline bool is_latin(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

}  // namespace kreport::utf8
