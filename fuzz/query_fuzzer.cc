// libFuzzer harness for query's arguments: bytes -> run_query (name, arguments, --since,
// --until, --limit) on an archive of the golden records, made once -> format_table and
// format_jsonl of the answer.
//
// Input: the first byte picks a named query (or, past the last, takes the first field as the
// name); the rest is split at NUL bytes into --since, --until, then the arguments; the second
// byte is --limit (0-15).
//
// What counts as a bug: anything ASan/UBSan catch; an exception other than kreport::Error
// escaping run_query or the formatters; kreport::Error with Errc::internal (SQLite refusing a
// statement kreport built, an FTS5 syntax error from a search term, ...); a row whose width is
// not the columns'.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>
#include <typeinfo>
#include <vector>

#include "kreport/error.h"
#include "kreport/index.h"

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "query_fuzzer: %s: %s\n", what, detail.c_str());
  std::fflush(stderr);
  std::abort();
}

std::string archive;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* dir = std::getenv("TMPDIR");
  archive = std::string(dir && *dir ? dir : "/tmp") + "/kreport-query-fuzz-" +
            std::to_string(::getpid()) + ".sqlite";
  std::remove(archive.c_str());
  kreport::IndexOptions options;
  options.db_path = archive;
  auto r = kreport::index_records({KREPORT_SOURCE_DIR "/tests/golden"}, options,
                                  [](const kreport::IndexEvent&) {});
  if (r.indexed == 0) fail("no golden record indexed", KREPORT_SOURCE_DIR "/tests/golden");
  std::atexit([] { std::remove(archive.c_str()); });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const auto& named = kreport::named_queries();
  std::vector<std::string> fields(1);
  for (size_t i = 2; i < size; ++i) {
    if (data[i] == 0)
      fields.emplace_back();
    else
      fields.back() += static_cast<char>(data[i]);
  }
  std::string name;
  if (data[0] % (named.size() + 1) < named.size()) {
    name = named[data[0] % (named.size() + 1)].name;
  } else {
    name = fields.front();
    fields.erase(fields.begin());
  }
  kreport::QueryOptions options;
  options.limit = data[1] % 16;
  if (!fields.empty()) options.since = fields[0];
  if (fields.size() > 1) options.until = fields[1];
  std::vector<std::string> args(fields.begin() + std::min<size_t>(2, fields.size()), fields.end());
  try {
    kreport::QueryResult r = kreport::run_query(archive, name, args, options);
    for (const auto& row : r.rows)
      if (row.size() != r.columns.size()) fail("a row not as wide as the columns", name);
    (void)kreport::format_table(r);
    (void)kreport::format_jsonl(r);
  } catch (const kreport::Error& e) {
    if (e.code() == kreport::Errc::internal) fail("kreport::Error(internal)", e.what());
  } catch (const std::exception& e) {
    fail(("unexpected exception " + std::string(typeid(e).name())).c_str(), e.what());
  }
  return 0;
}
