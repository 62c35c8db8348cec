// Answers for people and for programs. A terminal gets an aligned table: columns of numbers
// to the right, columns measured in terminal cells (a Hangul syllable takes two, UAX #11), newlines
// shown as spaces. Anything else gets JSON Lines with the answer's own types.
#include <nlohmann/json.hpp>

#include "kreport/index.h"
#include "kreport/normalize.h"
#include "query_internal.h"

namespace kreport {
namespace archive {
namespace {

// Characters either side of the match a snippet keeps.
constexpr size_t kSnippetContext = 30;
constexpr const char* kColumnGap = "  ";

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// The byte offset `n` code points after `from` (before it when negative), stopping at the
// ends of `s`.
size_t step(const std::string& s, size_t from, long n) {
  size_t at = from;
  for (; n < 0 && at > 0; ++n) {
    --at;
    while (at > 0 && is_continuation(s[at])) --at;
  }
  for (; n > 0 && at < s.size(); --n) {
    ++at;
    while (at < s.size() && is_continuation(s[at])) ++at;
  }
  return at;
}

std::string ascii_lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

std::string cell_text(const Value& v) {
  if (auto* s = std::get_if<std::string>(&v)) return one_line(*s);
  if (auto* i = std::get_if<long long>(&v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v)) return nlohmann::json(*d).dump();
  return "";
}

}  // namespace

std::string snippet(const std::string& text, const std::string& term) {
  size_t at = ascii_lower(text).find(ascii_lower(term));
  if (at == std::string::npos || term.empty()) {
    size_t end = step(text, 0, 2 * kSnippetContext);
    return one_line(text.substr(0, end)) + (end < text.size() ? "…" : "");
  }
  size_t end = at + term.size();
  size_t from = step(text, at, -static_cast<long>(kSnippetContext));
  size_t to = step(text, end, kSnippetContext);
  return one_line((from > 0 ? "…" : "") + text.substr(from, at - from) + "«" +
                  text.substr(at, term.size()) + "»" + text.substr(end, to - end) +
                  (to < text.size() ? "…" : ""));
}

size_t display_width(const std::string& utf8) {
  return kreport::display_width(utf8);
}

}  // namespace archive

std::string format_table(const QueryResult& result) {
  size_t n = result.columns.size();
  std::vector<std::vector<std::string>> cells(result.rows.size());
  std::vector<size_t> width(n);
  std::vector<bool> numeric(n, !result.rows.empty());  // no text in it: right-aligned
  for (size_t c = 0; c < n; ++c) width[c] = archive::display_width(result.columns[c]);
  for (size_t r = 0; r < result.rows.size(); ++r)
    for (size_t c = 0; c < n; ++c) {
      cells[r].push_back(archive::cell_text(result.rows[r][c]));
      width[c] = std::max(width[c], archive::display_width(cells[r][c]));
      if (std::holds_alternative<std::string>(result.rows[r][c])) numeric[c] = false;
    }
  auto line = [&](const std::vector<std::string>& row) {
    std::string out;
    for (size_t c = 0; c < n; ++c) {
      std::string pad(width[c] - archive::display_width(row[c]), ' ');
      out += (c ? archive::kColumnGap : "") + (numeric[c] ? pad + row[c] : row[c] + pad);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(result.columns);
  std::vector<std::string> rule;
  for (size_t c = 0; c < n; ++c) rule.push_back(std::string(width[c], '-'));
  out += line(rule);
  for (const auto& row : cells) out += line(row);
  return out;
}

std::string format_jsonl(const QueryResult& result) {
  std::string out;
  for (const auto& row : result.rows) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (size_t c = 0; c < result.columns.size(); ++c) {
      const Value& v = row[c];
      if (auto* s = std::get_if<std::string>(&v))
        j[result.columns[c]] = *s;
      else if (auto* i = std::get_if<long long>(&v))
        j[result.columns[c]] = *i;
      else if (auto* d = std::get_if<double>(&v))
        j[result.columns[c]] = *d;
      else
        j[result.columns[c]] = nullptr;
    }
    out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  return out;
}

}  // namespace kreport
