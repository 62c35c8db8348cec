// Record validation with valijson over nlohmann/json. Each schema version is parsed once and
// kept; valijson reports the failing node as a path of "[key]" segments, which becomes a
// JSON pointer so a user can find the value.
#include "kreport/validate.h"

#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace kreport {
namespace {

const valijson::Schema* compiled_schema(const std::string& name, const std::string& version) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<valijson::Schema>> cache;
  std::lock_guard<std::mutex> lock(mu);
  std::string key = name + "/" + version;
  auto it = cache.find(key);
  if (it != cache.end()) return it->second.get();
  const char* text = schema_text(name, version);
  if (!text) return nullptr;
  nlohmann::json doc = nlohmann::json::parse(text);
  auto schema = std::make_unique<valijson::Schema>();
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter adapter(doc);
  parser.populateSchema(adapter, *schema);
  return cache.emplace(key, std::move(schema)).first->second.get();
}

// valijson's context: {"<root>", "[document]", "[analysts]", "[0]"} -> "/document/analysts/0".
std::string pointer(const std::vector<std::string>& context) {
  std::string out;
  for (const std::string& seg : context) {
    if (seg.size() < 2 || seg.front() != '[' || seg.back() != ']') continue;
    std::string key = seg.substr(1, seg.size() - 2);
    if (key.size() >= 2 && key.front() == '"' && key.back() == '"')
      key = key.substr(1, key.size() - 2);
    out += '/';
    for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  }
  return out;
}

// valijson reports every enclosing object and array of a failing value too; those lines
// only repeat the path, the innermost message says what is wrong.
bool is_wrapper(const std::string& message) {
  return message.rfind("Failed to validate against schema associated with property", 0) == 0 ||
         message.rfind("Failed to validate item #", 0) == 0;
}

}  // namespace

const char* schema_text(std::string_view name, std::string_view version) {
  for (const EmbeddedSchema& s : embedded_schemas())
    if (name == s.name && version == s.version) return s.text;
  return nullptr;
}

std::string latest_schema_version(std::string_view name) {
  std::string latest;
  for (const EmbeddedSchema& s : embedded_schemas())
    if (name == s.name) latest = s.version;
  return latest;
}

std::string known_versions(std::string_view name) {
  std::string out;
  for (const EmbeddedSchema& s : embedded_schemas())
    if (name == s.name) out += (out.empty() ? "" : ", ") + std::string(s.version);
  return out.empty() ? "none" : out;
}

std::vector<Problem> validate_record(std::string_view json_text) {
  nlohmann::json record = nlohmann::json::parse(json_text, nullptr, false);
  if (record.is_discarded()) return {{"", "not valid JSON"}};
  if (!record.is_object()) return {{"", "not a JSON object"}};
  auto name = record.find("schema");
  if (name == record.end() || !name->is_string())
    return {{"/schema", "missing: not a kreport record (expected \"kreport.report\")"}};
  if (!latest_schema_version(name->get<std::string>()).size())
    return {{"/schema", "unknown schema \"" + name->get<std::string>() + "\""}};
  auto version = record.find("schema_version");
  if (version == record.end() || !version->is_string())
    return {{"/schema_version", "missing: cannot tell which schema version the record follows"}};
  const valijson::Schema* schema =
      compiled_schema(name->get<std::string>(), version->get<std::string>());
  if (!schema)
    return {{"/schema_version", "unknown schema version \"" + version->get<std::string>() +
                                    "\" (known: " + known_versions(name->get<std::string>()) +
                                    ")"}};
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(record);
  if (validator.validate(*schema, target, &results)) return {};
  std::vector<Problem> problems;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    if (is_wrapper(e.description)) continue;
    Problem p{pointer(e.context), e.description};
    nlohmann::json::json_pointer where(p.pointer);
    if (!p.pointer.empty() && record.contains(where)) {
      std::string value = record[where].dump();
      if (value.size() <= 60) p.message += " (value: " + value + ")";
    }
    problems.push_back(std::move(p));
  }
  return problems;
}

}  // namespace kreport
