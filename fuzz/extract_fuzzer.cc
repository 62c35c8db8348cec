// libFuzzer harness for the whole pipeline: bytes -> kreport::convert -> kreport::to_json.
//
// What counts as a bug (the fuzzer reports it and saves the input under fuzz/artifacts/):
//  - anything ASan/UBSan catch in kreport (poppler and ICU are not instrumented, but ASan's
//    allocator still catches heap misuse that reaches malloc/free);
//  - any exception other than kreport::Error escaping convert() or to_json();
//  - kreport::Error with Errc::internal (the library's own "this is a bug" code);
//  - JSON text that is not valid UTF-8, does not parse, or is not an object;
//  - inputs slower than -timeout or bigger than -rss_limit_mb.
// A kreport::Error of any other kind is a rejected input: expected, not a bug.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <typeinfo>

#include <nlohmann/json.hpp>

#include "kreport/error.h"
#include "kreport/pipeline.h"
#include "kreport/record.h"

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "extract_fuzzer: %s: %s\n", what, detail.c_str());
  std::fflush(stderr);
  std::abort();
}

// nlohmann's parser rejects invalid UTF-8 inside strings, so a parse checks that too.
void check_json(const std::string& text) {
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) fail("to_json produced text that does not parse", text.substr(0, 200));
  if (!parsed.is_object()) fail("to_json produced a non-object", text.substr(0, 200));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string json;
  try {
    kreport::Report report = kreport::convert(bytes, {"fuzz.pdf", ""});
    json = kreport::to_json(report);
  } catch (const kreport::Error& e) {
    if (e.code() == kreport::Errc::internal) fail("kreport::Error(internal)", e.what());
    return 0;  // rejected input: expected
  } catch (const std::exception& e) {
    fail(("unexpected exception " + std::string(typeid(e).name())).c_str(), e.what());
  }
  // Anything that is not a std::exception propagates and terminates: libFuzzer reports it.
  check_json(json);
  return 0;
}
