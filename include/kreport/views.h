// The record's other forms: Markdown for people and LLMs, retrieval chunks for search
// indexes. Both are pure functions of the record's JSON text (as to_json writes it, or a
// saved record read back), so a PDF and its saved record give the same bytes.
#pragma once

#include <string>
#include <string_view>

#include "kreport/record.h"

namespace kreport {

enum class OutputFormat { json, md, chunks };

/// The chunk size bound in characters (Unicode code points): the 512 tokens the smaller
/// common embedding models read (multilingual-e5, XLM-RoBERTa's tokenizer) hold about 800
/// characters of Korean prose at about 0.6 tokens a character (an estimate: README).
inline constexpr int kDefaultChunkChars = 800;
inline constexpr int kMinChunkChars = 100;
inline constexpr int kMaxChunkChars = 100000;

inline constexpr const char* kChunkSchema = "kreport.chunk";
inline constexpr const char* kChunkSchemaVersion = "1.0";

/// The Markdown document of a record: YAML front matter, the headline, the sections (the
/// summary first, the compliance notice last) with their blocks and tables. Throws Error
/// (invalid) when the text is not a JSON object.
std::string markdown_of(std::string_view record_json);

/// The record's retrieval chunks, one JSON object a line (schema kreport.chunk), each at
/// most `max_chars` characters of text unless a single paragraph or table row is longer
/// (then it is alone in its chunk, marked "oversize": true).
std::string chunks_of(std::string_view record_json, int max_chars = kDefaultChunkChars);

/// How a record is written out.
struct ViewOptions {
  OutputFormat format = OutputFormat::json;
  bool pretty = false;  // json only
  int chunk_chars = kDefaultChunkChars;
};

/// The record's JSON text in `options.format`: to_json, or a view of to_json's text.
std::string render_report(const Report& report, const ViewOptions& options);

/// A saved record's JSON text in `options.format` (md or chunks): the same bytes as
/// render_report gave from the PDF. Throws Error(invalid) when it fails its schema.
std::string render_record(std::string_view record_json, const ViewOptions& options);

/// "md" -> OutputFormat::md; throws Error(usage) for a name that is none of json, md, chunks.
OutputFormat output_format(const std::string& name);

/// The file extension of a format's output: ".json", ".md", ".jsonl".
const char* output_extension(OutputFormat format);

}  // namespace kreport
