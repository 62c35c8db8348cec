// The text encodings of the load stage, on plain bytes (see text_codec.h).
#include "text_codec.h"

#include <vector>

namespace kreport::load {

// The length of the longest prefix of `s` that is well-formed UTF-8 without NUL: poppler-cpp
// passed words through iconv, which stops at the first byte it cannot convert, and through
// C strings, which stop at a NUL. Words keep exactly that much.
size_t utf8_prefix(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80                ? 1
               : c >= 0xC2 && c < 0xE0 ? 2
               : c >= 0xE0 && c < 0xF0 ? 3
               : c >= 0xF0 && c < 0xF5 ? 4
                                       : 0;
    if (c == 0 || n == 0 || i + n > s.size()) break;
    auto b1 = n > 1 ? static_cast<unsigned char>(s[i + 1]) : 0x80;
    bool ok = (b1 & 0xC0) == 0x80;
    if (c == 0xE0) ok = ok && b1 >= 0xA0;  // overlong
    if (c == 0xED) ok = ok && b1 < 0xA0;   // UTF-16 surrogates
    if (c == 0xF0) ok = ok && b1 >= 0x90;  // overlong
    if (c == 0xF4) ok = ok && b1 < 0x90;   // beyond U+10FFFF
    for (size_t k = 2; k < n; ++k) ok = ok && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (!ok) break;
    i += n;
  }
  return i;
}

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | cp >> 6);
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | cp >> 12);
    out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | cp >> 18);
    out += static_cast<char>(0x80 | (cp >> 12 & 0x3F));
    out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// An info-dictionary string as poppler-cpp decoded it: UTF-16 (big- or little-endian) after
// a byte-order mark, else one byte per character (Latin-1). A broken surrogate ends the text,
// or empties it once the text was longer than iconv's first buffer (two bytes per unit).
std::string info_text(const std::string& b) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(b[i]); };
  bool be = b.size() >= 2 && byte(0) == 0xFE && byte(1) == 0xFF;
  bool le = b.size() >= 2 && byte(0) == 0xFF && byte(1) == 0xFE;
  std::vector<unsigned> units;
  if (be || le) {
    for (size_t i = 2; i + 1 < b.size(); i += 2)
      units.push_back(le ? byte(i + 1) << 8 | byte(i) : byte(i) << 8 | byte(i + 1));
  } else {
    for (size_t i = 0; i < b.size(); ++i) units.push_back(byte(i));
  }
  std::string out;
  for (size_t i = 0; i < units.size(); ++i) {
    unsigned u = units[i];
    bool high = u >= 0xD800 && u < 0xDC00, low = u >= 0xDC00 && u < 0xE000;
    bool paired = high && i + 1 < units.size() && units[i + 1] >= 0xDC00 && units[i + 1] < 0xE000;
    if (low || (high && !paired)) return out.size() > 2 * units.size() ? std::string() : out;
    if (paired) u = 0x10000 + ((u - 0xD800) << 10) + (units[++i] - 0xDC00);
    append_utf8(out, u);
  }
  return out;
}

}  // namespace kreport::load
