// The record as one Markdown document (CommonMark with GitHub's tables). Front matter in
// YAML names the report (every string double-quoted with JSON's escapes, which YAML 1.2
// reads the same); then the headline as `#`, each run of sections of one kind under `##`
// with the kind's Korean name, and the blocks as written: headings `###`, paragraphs,
// bullets as list items, captions in bold, `자료:` and `주:` lines as paragraphs, and a
// table_ref as the table itself, a pipe table whose header cells carry their unit. Table
// titles and sources are not repeated: the caption and source blocks around a table are
// them; a table continued on the next page is printed whole where it is first referred to. Every
// block of text is printed once, in the order the views share.
#include <cstdio>
#include <set>

#include "kreport/views.h"
#include "view_parts.h"

namespace kreport {
namespace {

using views::json;
using views::md_text;
using views::str;

const char* kind_name(const std::string& kind) {
  static const std::pair<const char*, const char*> names[] = {{"summary", "요약"},
                                                              {"body", "본문"},
                                                              {"sidebar", "투자 정보"},
                                                              {"peer_table", "비교 기업"},
                                                              {"calendar", "일정"},
                                                              {"appendix", "부록"},
                                                              {"compliance", "컴플라이언스"},
                                                              {"disclaimer", "고지"},
                                                              {"other", "기타"}};
  for (const auto& [k, name] : names)
    if (kind == k) return name;
  return "기타";
}

// A YAML double-quoted scalar: JSON's escapes, plus the characters YAML may not carry
// unescaped (DEL, C1 controls) and its line breaks U+2028/U+2029 (YAML 1.1 readers).
std::string yaml_string(const std::string& s) {
  std::string out = json(s).dump(-1, ' ', false, json::error_handler_t::replace);
  auto escape = [&out](const std::string& raw, const char* with) {
    for (size_t at; (at = out.find(raw)) != std::string::npos;) out.replace(at, raw.size(), with);
  };
  escape("\x7f", "\\u007f");
  escape("\u2028", "\\u2028");
  escape("\u2029", "\\u2029");
  for (unsigned c = 0x80; c < 0xA0; ++c) {
    char raw[3] = {static_cast<char>(0xC2), static_cast<char>(c), 0}, with[8];
    std::snprintf(with, sizeof with, "\\u%04x", c);
    escape(raw, with);
  }
  return out;
}

std::string yaml_value(const json& v) {
  if (v.is_string()) return yaml_string(v.get<std::string>());
  if (v.is_number()) return v.dump();
  return "null";
}

const json& member(const json& object, const char* key) {
  static const json null_value;
  if (!object.is_object()) return null_value;
  auto it = object.find(key);
  return it == object.end() ? null_value : *it;
}

std::string front_matter(const json& record) {
  const json& doc = member(record, "document");
  const json& broker = member(doc, "broker");
  const json& rec = member(doc, "recommendation");
  std::string out = "---\n";
  auto line = [&out](const char* key, const json& v) {
    out += std::string(key) + ": " + yaml_value(v) + "\n";
  };
  line("title", member(doc, "title"));
  line("broker", member(broker, "name"));
  line("broker_id", member(broker, "id"));
  line("published", member(doc, "published"));
  line("report_type", member(doc, "report_type"));
  line("ticker", member(rec, "ticker"));
  line("market", member(rec, "market"));
  line("company", member(rec, "company"));
  line("rating", member(rec, "rating"));
  line("rating_text", member(rec, "rating_text"));
  line("target_price", member(member(rec, "target_price"), "value"));
  line("target_currency", member(member(rec, "target_price"), "currency"));
  const json& analysts = member(doc, "analysts");
  if (!analysts.is_array() || analysts.empty())
    out += "analysts: []\n";
  else {
    out += "analysts:\n";
    for (const json& a : analysts) {
      out += "  - name: " + yaml_value(member(a, "name")) + "\n";
      for (const char* key : {"email", "team", "role"})
        out += std::string("    ") + key + ": " + yaml_value(member(a, key)) + "\n";
    }
  }
  line("schema_version", member(record, "schema_version"));
  line("source_sha256", member(member(record, "source"), "sha256"));
  return out + "---\n";
}

std::string block_md(const json& record, const json& block, std::set<std::string>& printed) {
  std::string type = str(block, "type");
  if (type == "table_ref") {
    // A table continued on the next page is referred to from both: printed whole, once.
    const json* table = views::find_table(record, str(block, "table"));
    if (!table || !printed.insert(str(block, "table")).second) return "";
    if (!table->contains("columns") || table->at("columns").empty()) return "";
    std::string out = views::md_table_header(*table);
    if (table->contains("rows"))
      for (const json& row : table->at("rows")) out += "\n" + views::md_table_row(*table, row);
    return out;
  }
  std::string text = md_text(str(block, "text"));
  if (text.empty()) return "";
  if (type == "heading") return "### " + text;
  if (type == "bullet") return "- " + text;
  if (type == "caption") return "**" + text + "**";
  return text;
}

}  // namespace

namespace views {

std::string markdown(const json& record) {
  std::string out = front_matter(record);
  std::string title = md_text(str(member(record, "document"), "title"));
  if (!title.empty()) out += "\n# " + title + "\n";
  std::string kind_open;
  std::set<std::string> printed;  // tables
  for (const json* section : views::ordered_sections(record)) {
    std::string kind = str(*section, "kind");
    if (kind != kind_open) out += "\n## " + std::string(kind_name(kind)) + "\n";
    kind_open = kind;
    const json& blocks = member(*section, "blocks");
    if (!blocks.is_array()) continue;
    for (const json& block : blocks) {
      std::string md = block_md(record, block, printed);
      if (!md.empty()) out += "\n" + md + "\n";
    }
  }
  return out;
}

}  // namespace views

std::string markdown_of(std::string_view record_json) {
  return views::markdown(views::parse(record_json));
}

}  // namespace kreport
