// UTF-8 decoding by the byte patterns of RFC 3629: a lead byte says how many continuation
// bytes follow; anything else is one invalid byte, read as U+FFFD.
#include "kreport/utf8.h"

#include <algorithm>

namespace kreport::utf8 {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// The length of the sequence `lead` opens, or 0 when it cannot open one.
int sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 0;
}

// Decodes the sequence at s[i]; sets `len` to the bytes used (1 for an invalid byte).
char32_t decode_at(std::string_view s, size_t i, size_t& len) {
  unsigned char lead = static_cast<unsigned char>(s[i]);
  int n = sequence_length(lead);
  if (n == 0 || i + n > s.size()) {
    len = 1;
    return kReplacement;
  }
  char32_t cp = n == 1 ? lead : lead & (0x7F >> n);
  for (int k = 1; k < n; ++k) {
    unsigned char c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) {
      len = 1;
      return kReplacement;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  len = static_cast<size_t>(n);
  return cp;
}

}  // namespace

std::u32string decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0, len = 0; i < s.size(); i += len) out.push_back(decode_at(s, i, len));
  return out;
}

std::string encode(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

size_t length(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a continuation byte
  }));
}

char32_t first(std::string_view s, size_t* bytes) {
  size_t len = 0;
  char32_t c = s.empty() ? 0 : decode_at(s, 0, len);
  if (bytes) *bytes = len;
  return c;
}

char32_t last(std::string_view s) {
  size_t i = s.size();
  while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
  return i > 0 ? first(s.substr(i - 1)) : 0;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace kreport::utf8
