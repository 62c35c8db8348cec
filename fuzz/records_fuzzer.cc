// libFuzzer harness for the record reader of validate and index: bytes -> read_records (as a
// file of one record or JSON Lines, and as standard input read in chunks) -> parse_record for
// each record (validate's check) -> index_records of the same bytes into a scratch archive
// (index's path) when any record is valid.
//
// What counts as a bug (the fuzzer reports it and saves the input under fuzz/artifacts/):
//  - anything ASan/UBSan catch, and any crash (a deep record once took validate down, D5);
//  - an exception escaping read_records or parse_record (they report, never throw);
//  - a RecordInput with both text and a problem, or text over kMaxRecordBytes;
//  - index_records throwing anything but a kreport::Error other than Errc::internal;
//  - validate and index disagreeing: index must find invalid exactly the records
//    parse_record finds invalid, and index every other one.
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <typeinfo>

#include "kreport/error.h"
#include "kreport/index.h"
#include "kreport/records.h"
#include "kreport/validate.h"

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "records_fuzzer: %s: %s\n", what, detail.c_str());
  std::fflush(stderr);
  std::abort();
}

struct Count {
  int records = 0, valid = 0, invalid = 0, problems = 0;
};

// Reads `bytes` as read_records does, from memory in chunks of `chunk` bytes.
Count read_all(std::string_view bytes, size_t chunk, bool streaming) {
  Count c;
  size_t at = 0;
  kreport::RecordSource source = [&](char* buf, size_t size) -> ssize_t {
    size_t n = std::min({size, chunk, bytes.size() - at});
    std::copy_n(bytes.data() + at, n, buf);
    at += n;
    return static_cast<ssize_t>(n);
  };
  try {
    kreport::read_records("fuzz", source, streaming, [&](kreport::RecordInput&& r) {
      if (!r.problem.empty() && !r.text.empty()) fail("a record with text and a problem", r.name);
      if (r.text.size() > kreport::kMaxRecordBytes) fail("a record over the limit kept", r.name);
      if (!r.problem.empty()) {
        ++c.problems;
        return;
      }
      ++c.records;
      if (kreport::parse_record(r.text).problems.empty())
        ++c.valid;
      else
        ++c.invalid;
    });
  } catch (const std::exception& e) {
    fail(("read_records or parse_record threw " + std::string(typeid(e).name())).c_str(), e.what());
  }
  return c;
}

std::string scratch(const char* what) {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir && *dir ? dir : "/tmp") + "/kreport-records-fuzz-" +
         std::to_string(::getpid()) + what;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The same bytes as a file (one read) and as standard input arriving in small pieces: the
  // records found must be the same, only their names differ.
  Count whole = read_all(bytes, 1 << 20, false);
  size_t chunk = size == 0 ? 1 : 1 + data[0] % 61;
  Count pieces = read_all(bytes, chunk, true);
  if (whole.valid != pieces.valid || whole.invalid != pieces.invalid)
    fail("a file and standard input read differently",
         std::to_string(whole.valid) + "/" + std::to_string(whole.invalid) + " vs " +
             std::to_string(pieces.valid) + "/" + std::to_string(pieces.invalid));
  if (whole.valid == 0) return 0;  // index has nothing to write: validate's path was enough

  std::string file = scratch(".jsonl"), db = scratch(".sqlite");
  std::remove(db.c_str());
  if (FILE* f = std::fopen(file.c_str(), "wb")) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  }
  kreport::IndexOptions options;
  options.db_path = db;
  kreport::IndexResult result;
  try {
    result = kreport::index_records({file}, options, [](const kreport::IndexEvent&) {});
  } catch (const kreport::Error& e) {
    if (e.code() == kreport::Errc::internal) fail("index: kreport::Error(internal)", e.what());
    return 0;
  } catch (const std::exception& e) {
    fail(("index threw " + std::string(typeid(e).name())).c_str(), e.what());
  }
  if (result.invalid != whole.invalid ||
      result.indexed + result.replaced + result.skipped != whole.valid)
    fail("validate and index disagree",
         "validate " + std::to_string(whole.valid) + " valid " + std::to_string(whole.invalid) +
             " invalid; index " + std::to_string(result.indexed) + " indexed " +
             std::to_string(result.replaced) + " replaced " + std::to_string(result.skipped) +
             " skipped " + std::to_string(result.invalid) + " invalid");
  std::remove(file.c_str());
  std::remove(db.c_str());
  return 0;
}
