// Record validation with valijson over nlohmann/json. Each schema version is parsed once and
// kept; valijson reports the failing node as a path of "[key]" segments, which becomes a
// JSON pointer so a user can find the value. Before any parsing, one pass over the text
// measures its nesting: the parser and the validator recurse once per level, so a record
// nested past kMaxRecordDepth is refused unparsed. The same pass counts the object members
// (the `:` outside strings); the parsed record keeps one member per key, so fewer there means
// a key given twice, which is then looked for by a second, slower parse.
#include "kreport/validate.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <set>
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

// One pass over the text: nesting, and the number of object members.
struct Scan {
  Nesting nesting;
  size_t members = 0;
};

Scan scan(std::string_view text) {
  Scan out;
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        break;
      case '[':
      case '{':
        out.nesting.depth = std::max(out.nesting.depth, ++depth);
        break;
      case ']':
      case '}':
        --depth;
        break;
      case ':':
        ++out.members;
        break;
      default:
        break;
    }
  }
  out.nesting.closed = depth == 0 && !in_string;
  return out;
}

size_t members(const nlohmann::json& j) {
  size_t n = j.is_object() ? j.size() : 0;
  if (j.is_structured())
    for (const auto& child : j) n += members(child);
  return n;
}

std::string escape_key(const std::string& key) {
  std::string out;
  for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  return out;
}

// Where the first key given twice in one object is: parsed again, keeping each object's keys.
Problem duplicate_key(std::string_view text) {
  struct Frame {
    bool object;
    std::set<std::string> keys;
    std::string key;
    long index = -1;
  };
  std::vector<Frame> frames;
  Problem found;
  auto in_array = [&] {
    if (!frames.empty() && !frames.back().object) ++frames.back().index;
  };
  using Event = nlohmann::json::parse_event_t;
  nlohmann::json::parser_callback_t look = [&](int, Event event, nlohmann::json& parsed) {
    switch (event) {
      case Event::object_start:
      case Event::array_start:
        in_array();
        frames.push_back({event == Event::object_start, {}, {}});
        break;
      case Event::object_end:
      case Event::array_end:
        frames.pop_back();
        break;
      case Event::key:
        frames.back().key = parsed.get<std::string>();
        if (!frames.back().keys.insert(frames.back().key).second && found.message.empty()) {
          for (const Frame& f : frames)
            found.pointer += "/" + (f.object ? escape_key(f.key) : std::to_string(f.index));
          found.message = "the key \"" + frames.back().key + "\" is given twice in one object";
        }
        break;
      case Event::value:
        in_array();
        break;
    }
    // Values are dropped as they end (only the keys are looked at); a start or a key must be
    // let through, or the parser skips what is inside without telling.
    return event == Event::object_start || event == Event::array_start || event == Event::key;
  };
  nlohmann::json ignored = nlohmann::json::parse(text, look, false);
  return found;
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

Nesting json_nesting(std::string_view text) {
  return scan(text).nesting;
}

std::vector<Problem> validate_record(std::string_view json_text) {
  return parse_record(json_text).problems;
}

namespace {

std::vector<Problem> check(const nlohmann::json& record);

}  // namespace

ParsedRecord parse_record(std::string_view json_text) {
  ParsedRecord out;
  Scan s = scan(json_text);
  if (s.nesting.depth > kMaxRecordDepth) {
    out.problems = {{"", "nested " + std::to_string(s.nesting.depth) +
                             " levels deep, over the limit of " + std::to_string(kMaxRecordDepth) +
                             " (not read)"}};
    return out;
  }
  out.doc = nlohmann::json::parse(json_text, nullptr, false);
  if (out.doc.is_discarded()) {
    out.problems = {{"", "not valid JSON"}};
  } else if (members(out.doc) != s.members) {
    out.problems = {duplicate_key(json_text)};
  } else {
    out.problems = check(out.doc);
  }
  return out;
}

namespace {

std::vector<Problem> check(const nlohmann::json& record) {
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
  // One validator a thread: it keeps the schemas' regular expressions compiled.
  thread_local valijson::Validator validator(valijson::Validator::kStrongTypes);
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

}  // namespace
}  // namespace kreport
