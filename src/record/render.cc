// Writing a record out in the form asked for. The views read the record's JSON text, never
// the Report itself: a PDF's record and the same record saved and read back give the same
// Markdown and chunks because both go through the same text.
#include "kreport/error.h"
#include "kreport/validate.h"
#include "kreport/views.h"
#include "view_parts.h"

namespace kreport {
namespace {

std::string view_of(const views::json& record, const ViewOptions& options) {
  return options.format == OutputFormat::md ? views::markdown(record)
                                            : views::chunks(record, options.chunk_chars);
}

}  // namespace

std::string render_report(const Report& report, const ViewOptions& options) {
  std::string text = to_json(report, options.pretty);
  if (options.format == OutputFormat::json) return text;
  return view_of(views::parse(text), options);
}

std::string render_record(std::string_view record_json, const ViewOptions& options) {
  ParsedRecord parsed = parse_record(record_json);
  if (!parsed.problems.empty()) {
    const Problem& p = parsed.problems.front();
    throw Error(Errc::invalid, "invalid record: " + (p.pointer.empty() ? "(record)" : p.pointer) +
                                   ": " + p.message);
  }
  if (parsed.doc.value("schema", "") != kReportSchema)
    throw Error(Errc::invalid,
                "not a report record (schema \"" + parsed.doc.value("schema", "") + "\")");
  if (options.format == OutputFormat::json) return std::string(record_json);
  return view_of(parsed.doc, options);
}

OutputFormat output_format(const std::string& name) {
  if (name == "json") return OutputFormat::json;
  if (name == "md") return OutputFormat::md;
  if (name == "chunks") return OutputFormat::chunks;
  throw Error(Errc::usage, "--format: expected json, md or chunks; got '" + name + "'");
}

const char* output_extension(OutputFormat format) {
  return format == OutputFormat::md ? ".md" : format == OutputFormat::chunks ? ".jsonl" : ".json";
}

}  // namespace kreport
