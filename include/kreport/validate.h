// Checking records against the versioned JSON Schemas compiled into the binary.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kreport {

inline constexpr const char* kReportSchema = "kreport.report";
inline constexpr const char* kSummarySchema = "kreport.batch_summary";

/// One schema version as compiled in from schemas/NAME/VERSION.json.
struct EmbeddedSchema {
  const char* name;     // "kreport.report" (from schemas/report/)
  const char* version;  // "1.0"
  const char* text;
};

/// Every released schema, by name, oldest version first (generated at build time).
const std::vector<EmbeddedSchema>& embedded_schemas();

/// The schema text of `name` at `version`, or nullptr when there is no such schema.
const char* schema_text(std::string_view name, std::string_view version);

/// The newest version of `name`: the one kreport writes.
std::string latest_schema_version(std::string_view name);

/// "1.0, 1.1": the versions of `name` there are.
std::string known_versions(std::string_view name);

/// What is wrong with a record, and where: `pointer` is a JSON pointer ("" for the root).
struct Problem {
  std::string pointer;
  std::string message;
};

/// Validates one document, given as JSON text, against the schema its `schema` and
/// `schema_version` name (a report record or a batch summary). An empty result means valid.
std::vector<Problem> validate_record(std::string_view json_text);

}  // namespace kreport
