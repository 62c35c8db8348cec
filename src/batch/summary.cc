// The batch summary (schema kreport.batch_summary 1.2; a shard's says which it is): one entry per
// input in input order, the counts, and whether the batch ran to its end. Written whole at the end,
// or at an interrupt with the inputs not done as "pending", so that a rerun knows what is left.
#include <cmath>
#include <nlohmann/json.hpp>

#include "kreport/batch.h"

namespace kreport {
namespace {

double millis(double seconds) {
  return std::round(seconds * 1000) / 1000;
}

nlohmann::ordered_json file_entry(const FileResult& f) {
  nlohmann::ordered_json j{
      {"input", f.input},
      {"output", f.output.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(f.output)},
      {"status", f.status},
      {"pages", f.pages},
      {"warnings", f.warnings},
      {"seconds", millis(f.seconds)}};
  if (f.status == "failed") j["error"] = {{"code", f.error}, {"message", f.message}};
  return j;
}

}  // namespace

std::string summary_json(const BatchResult& r) {
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  long long pages = 0;  // of every record the batch leaves, converted now or before
  for (const FileResult& f : r.files) {
    files.push_back(file_entry(f));
    if (f.status == "converted" || f.status == "skipped") pages += f.pages;
  }
  nlohmann::ordered_json j{{"schema", "kreport.batch_summary"},
                           {"schema_version", "1.2"},
                           {"kreport_version", std::string(KREPORT_VERSION)}};
  if (r.shard.on()) j["shard"] = {{"index", r.shard.index}, {"count", r.shard.count}};
  j["complete"] = r.pending == 0;
  j["inputs"] = r.files.size();
  j["converted"] = r.converted;
  j["skipped"] = r.skipped;
  j["failed"] = r.failed;
  j["pending"] = r.pending;
  j["pages"] = pages;
  j["seconds"] = millis(r.seconds);
  j["files"] = files;
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace kreport
