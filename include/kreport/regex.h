// kreport's regular expressions: std::regex with one change that makes compiling a pattern
// cheaper and matches exactly as before.
#pragma once

#include <regex>
#include <string>

namespace kreport {

// libstdc++ compiles each bracket expression ([0-9], \d, [./-]) into a table of all 256
// bytes and, for every byte no range or class took, asks transform_primary for its primary
// collation key through the locale's ctype and collate facets. That was three quarters of
// compiling kreport's patterns: ~30 M instructions in every process, a third of a small
// report's whole run. The key is only compared with the keys of equivalence classes
// ([[=a=]]), which no pattern here has, so it could be anything; it is what the inherited
// transform_primary gives in the "C" locale kreport runs in (the global C++ locale is
// never changed): the bytes lower-cased, collated byte for byte.
struct RegexTraits : std::regex_traits<char> {
  template <typename It>
  string_type transform_primary(It first, It last) const {
    string_type key(first, last);
    for (char& c : key)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return key;
  }
};

using Regex = std::basic_regex<char, RegexTraits>;
using RegexIterator = std::regex_iterator<std::string::const_iterator, char, RegexTraits>;

}  // namespace kreport
