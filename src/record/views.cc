// What the record's views share: reading the record, ordering its sections, and printing
// Markdown text and tables. Escaping follows CommonMark 0.30 and GitHub's extensions:
// every ASCII punctuation may be escaped, so the characters that could open inline syntax
// are (Korean text uses ~ for ranges, "1~3월", which GFM would strike through), and the
// few that open a block only do so at the line's start.
#include <algorithm>

#include "kreport/error.h"
#include "kreport/views.h"
#include "view_parts.h"

namespace kreport::views {

json parse(std::string_view record_json) {
  json record = json::parse(record_json, nullptr, false);
  if (record.is_discarded() || !record.is_object())
    throw Error(Errc::invalid, "not a kreport record (not a JSON object)");
  return record;
}

std::string str(const json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string value_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number()) return value.dump();
  return "";
}

std::vector<const json*> ordered_sections(const json& record) {
  std::vector<const json*> first, middle, last;
  auto it = record.find("sections");
  if (it == record.end() || !it->is_array()) return {};
  for (const json& s : *it) {
    std::string kind = str(s, "kind");
    (kind == "summary"                              ? first
     : kind == "compliance" || kind == "disclaimer" ? last
                                                    : middle)
        .push_back(&s);
  }
  first.insert(first.end(), middle.begin(), middle.end());
  first.insert(first.end(), last.begin(), last.end());
  return first;
}

const json* find_table(const json& record, const std::string& id) {
  auto it = record.find("tables");
  if (it == record.end() || !it->is_array()) return nullptr;
  for (const json& t : *it)
    if (str(t, "id") == id) return &t;
  return nullptr;
}

namespace {

bool entity_like(std::string_view rest) {
  // "&amp;", "&#123;", "&#x1F;": what CommonMark would read as a character reference.
  size_t i = 1;
  if (i < rest.size() && rest[i] == '#') ++i;
  size_t start = i;
  while (i < rest.size() && std::isalnum(static_cast<unsigned char>(rest[i]))) ++i;
  return i > start && i < rest.size() && rest[i] == ';';
}

}  // namespace

std::string md_text(std::string_view text, bool line_start) {
  // Spaces around the text are not the text's (a heading or cell trims them anyway).
  size_t first = text.find_first_not_of(' ');
  text = first == std::string_view::npos
             ? ""
             : text.substr(first, text.find_last_not_of(' ') - first + 1);
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '~':
      case '|':
        out += '\\';
        break;
      case '&':
        if (entity_like(text.substr(i))) out += '\\';
        break;
      default:
        break;
    }
    out += c;
  }
  if (!line_start) return out;
  // What opens a block at the line's start: an ATX heading (# and a space), a list item
  // (- + or "1." "1)" and a space), a line of - = _ * alone (a thematic break).
  auto spaced = [&out](size_t at) { return at >= out.size() || out[at] == ' '; };
  size_t hashes = out.find_first_not_of('#');
  if (hashes == std::string::npos) hashes = out.size();
  if (hashes > 0 && hashes <= 6 && spaced(hashes)) out.insert(0, 1, '\\');
  if (!out.empty() && (out[0] == '-' || out[0] == '+') && spaced(1)) out.insert(0, 1, '\\');
  if (!out.empty() && out[0] == '>') out.insert(0, 1, '\\');  // a block quote
  if (!out.empty() && out.find_first_not_of("-= ") == std::string::npos) out.insert(0, 1, '\\');
  size_t digits = 0;
  while (digits < out.size() && std::isdigit(static_cast<unsigned char>(out[digits]))) ++digits;
  if (digits > 0 && digits <= 9 && digits < out.size() &&
      (out[digits] == '.' || out[digits] == ')') && spaced(digits + 1))
    out.insert(digits, 1, '\\');
  // A closing run of # after a space would be taken off a heading's text.
  size_t run = out.find_last_not_of('#');
  if (run != std::string::npos && run + 1 < out.size() && out[run] == ' ')
    out.insert(run + 1, 1, '\\');
  return out;
}

std::string md_table_header(const json& table) {
  std::string head = "|", rule = "|";
  for (const json& c : table.at("columns")) {
    std::string label = str(c, "label"), unit = str(c, "unit");
    // The unit once: "1M (%)", but "목표주가(원)" and "PER(배) / 2025F" print theirs already.
    if (!unit.empty() && label.find(unit) == std::string::npos)
      label += (label.empty() ? "(" : " (") + unit + ")";
    head += " " + md_text(label, false) + " |";
    rule += " --- |";
  }
  return head + "\n" + rule;
}

std::string md_table_row(const json& table, const json& row) {
  std::string out = "|";
  size_t n = table.at("columns").size();
  for (size_t i = 0; i < n; ++i)
    out += " " + md_text(row.is_array() && i < row.size() ? value_text(row[i]) : "", false) + " |";
  return out;
}

size_t chars(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace kreport::views
