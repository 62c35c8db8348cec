// Checking records against the versioned JSON Schemas compiled into the binary.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace kreport {

/// The largest record validate and index read (README: "Limits of a record"): 40 times the
/// largest real report's (0.8 MB); its parsed form takes a few times that in memory (up to
/// ~25 times for a record of bare numbers).
inline constexpr size_t kMaxRecordBytes = 32u << 20;
/// The deepest nesting of arrays and objects in a record: kreport's records nest 7 deep;
/// beyond this a record is invalid without being parsed (a JSON parser, and the validator,
/// recurse once per level).
inline constexpr int kMaxRecordDepth = 64;

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
/// Text nested deeper than kMaxRecordDepth, or with a key twice in one object, is invalid.
std::vector<Problem> validate_record(std::string_view json_text);

/// A record parsed once, for the callers that go on to read it (index): `doc` is the parsed
/// record when `problems` is empty.
struct ParsedRecord {
  nlohmann::json doc;
  std::vector<Problem> problems;
};

/// As validate_record, keeping the parsed record.
ParsedRecord parse_record(std::string_view json_text);

/// The deepest nesting of arrays and objects in `text` (strings skipped), and whether every
/// bracket and string opened is closed at its end (as in a whole value): a cheap look before
/// any parsing.
struct Nesting {
  int depth = 0;
  bool closed = false;
};
Nesting json_nesting(std::string_view text);

}  // namespace kreport
