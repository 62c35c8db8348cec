// Shared by the record's views (markdown.cc, chunks.cc; not a public header): how they read
// a record's JSON and print its tables, so the Markdown and the chunks agree.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace kreport::views {

using json = nlohmann::json;

/// The record parsed from its JSON text; Error(invalid) when it is not a JSON object.
json parse(std::string_view record_json);

/// The views over a parsed record (markdown_of, chunks_of without the parsing).
std::string markdown(const json& record);
std::string chunks(const json& record, int max_chars);

/// A string member, "" when absent or not a string.
std::string str(const json& object, const char* key);

/// A value as printed in a table cell or the front matter: "" for null, a string as it is,
/// a number in JSON's shortest form (-3.4, 95000).
std::string value_text(const json& value);

/// Sections in the order the views print them: the summary first, the compliance notice
/// and disclaimer last, the rest in record order between.
std::vector<const json*> ordered_sections(const json& record);

/// The table a table_ref block points at, or nullptr.
const json* find_table(const json& record, const std::string& id);

/// Text escaped for Markdown: inline syntax (\ ` * _ [ ] < ~ | and entity-like &) read as
/// plain text, and, at a line's start, what would open a block ("# ", "- ", "1. ", "---", ">").
std::string md_text(std::string_view text, bool line_start = true);

/// A table's header and delimiter rows: "| 구분 | 매출액 (십억원) |\n| --- | --- |".
std::string md_table_header(const json& table);

/// One row of a table, as many cells as the table has columns.
std::string md_table_row(const json& table, const json& row);

/// The number of Unicode code points in UTF-8 text.
size_t chars(std::string_view text);

}  // namespace kreport::views
