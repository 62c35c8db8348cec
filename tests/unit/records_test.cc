// The record reader of validate and index (issue 40: D5-D7): formats, names, and the bounds
// on what it keeps, over sources that hand out their bytes a few at a time.
#include "kreport/records.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>

#include "kreport/validate.h"

using namespace kreport;

namespace {

// A source handing out `text` at most `step` bytes a call, then, when `error` is set, failing.
RecordSource source_of(const std::string& text, size_t step, int error = 0) {
  auto at = std::make_shared<size_t>(0);
  return [text, step, error, at](char* buf, size_t size) -> ssize_t {
    size_t n = std::min({step, size, text.size() - *at});
    if (n == 0 && error) {
      errno = error;
      return -1;
    }
    std::memcpy(buf, text.data() + *at, n);
    *at += n;
    return static_cast<ssize_t>(n);
  };
}

// "NAME=TEXT" for a record, "NAME!PROBLEM" (or "NAME!!PROBLEM" over a limit) for a problem.
std::vector<std::string> read(const std::string& text, size_t step = 1 << 20,
                              bool streaming = false, int error = 0) {
  std::vector<std::string> out;
  read_records(streaming ? "-" : "f.json", source_of(text, step, error), streaming,
               [&](RecordInput&& r) {
                 if (r.problem.empty())
                   out.push_back(r.name + "=" + r.text);
                 else
                   out.push_back(r.name + (r.over_limit ? "!!" : "!") + r.problem);
               });
  return out;
}

using Names = std::vector<std::string>;

TEST(Records, OneCompactRecordIsNamedAfterTheFile) {
  EXPECT_EQ(read("{\"a\": 1}\n"), Names({"f.json={\"a\": 1}"}));
  EXPECT_EQ(read("\n\n{\"a\": 1}"), Names({"f.json={\"a\": 1}"}));
}

TEST(Records, JsonLinesAreNamedByTheirLine) {
  EXPECT_EQ(read("{\"a\": 1}\n\n{\"b\": 2}\n"),
            Names({"f.json:1={\"a\": 1}", "f.json:3={\"b\": 2}"}));
  // A first line that is a whole value, though not a record, still makes JSON Lines.
  EXPECT_EQ(read("42\n{\"b\": 2}"), Names({"f.json:1=42", "f.json:2={\"b\": 2}"}));
}

TEST(Records, IndentedRecordIsOneRecord) {
  std::string pretty = "{\n  \"a\": [\n    1\n  ]\n}\n";
  EXPECT_EQ(read(pretty), Names({"f.json=" + pretty}));
  EXPECT_EQ(read(pretty, 1, /*streaming=*/true), Names({"-=" + pretty}));
}

// Two lines of something that is not JSON: one broken document, reported once.
TEST(Records, BrokenFileIsReportedOnceNotLineByLine) {
  EXPECT_EQ(read("oops\nmore oops\n"), Names({"f.json=oops\nmore oops\n"}));
}

// Found by fuzz/records_fuzzer: a first line whose brackets and quotes balance but which does
// not parse made standard input JSON Lines (each line an invalid record) where the same file
// was one broken document.
TEST(Records, Regression_StandardInputJudgesTheFirstLineAsAFileDoes) {
  std::string text = "{\"a\": [1 2]}\n  \"b\": 3,\n}\n";
  EXPECT_EQ(read(text), Names({"f.json=" + text}));
  EXPECT_EQ(read(text, 1, /*streaming=*/true), Names({"-=" + text}));
}

TEST(Records, EveryChunkingGivesTheSameRecords) {
  std::string text = "{\"a\": \"x\\ny\"}\n{\"b\": [1, {\"c\": \"}\"}]}\n\n{\"d\": 4}";
  Names whole = read(text);
  ASSERT_EQ(whole.size(), 3u);
  for (size_t step : {1, 2, 3, 7, 13}) EXPECT_EQ(read(text, step), whole) << step;
}

// Standard input: a record is handed over as soon as its line ends (index writes it before
// the next one arrives), and its lines are always named -:LINE.
TEST(Records, StandardInputHandsEachRecordOverAtOnce) {
  std::vector<std::string> seen;
  std::vector<size_t> seen_at_call;
  size_t calls = 0;
  std::string text = "{\"a\": 1}\n{\"b\": 2}\n";
  auto inner = source_of(text, 9);  // one line a call
  RecordSource source = [&](char* buf, size_t size) {
    seen_at_call.push_back(seen.size());
    ++calls;
    return inner(buf, size);
  };
  read_records("-", source, true, [&](RecordInput&& r) { seen.push_back(r.name); });
  EXPECT_EQ(seen, Names({"-:1", "-:2"}));
  ASSERT_GE(seen_at_call.size(), 2u);
  EXPECT_EQ(seen_at_call[1], 1u);  // the first record was out before the second read
}

TEST(Records, EmptyFileIsReportedEmptyStandardInputIsNothing) {
  EXPECT_EQ(read(""), Names({"f.json!no record (empty file)"}));
  EXPECT_EQ(read(" \n\n"), Names({"f.json!no record (empty file)"}));
  EXPECT_EQ(read("", 1, /*streaming=*/true), Names());
}

TEST(Records, ReadErrorIsReportedOnceAfterWhatCameBefore) {
  EXPECT_EQ(read("{\"a\": 1}\n", 4, false, EIO),
            Names({"f.json:1={\"a\": 1}", "f.json!cannot read: Input/output error"}));
  EXPECT_EQ(read("", 4, true, EBADF), Names({"-!cannot read standard input: Bad file descriptor"}));
}

// Issue 40 (D6, D7): a line too long to keep is dropped and reported, the records after it
// are read; memory stays at the limit.
TEST(Records, Regression_LineOverTheLimitIsSkippedTheRestRead) {
  std::string big(kMaxRecordBytes + 10, 'x');
  std::string text = "{\"a\": 1}\n" + big + "\n{\"b\": 2}\n";
  EXPECT_EQ(read(text, 1 << 16),
            Names({"f.json:1={\"a\": 1}", "f.json:2!!record over the limit of 32 MiB (skipped)",
                   "f.json:3={\"b\": 2}"}));
  EXPECT_EQ(read(big, 1 << 16), Names({"f.json!!record over the limit of 32 MiB (skipped)"}));
}

TEST(Records, OneRecordOverTheLimitIsNotRead) {
  std::string pretty = "{\n  \"a\": \"" + std::string(kMaxRecordBytes, 'x') + "\"\n}\n";
  EXPECT_EQ(read(pretty, 1 << 16, /*streaming=*/true),
            Names({"-!!record over the limit of 32 MiB (not read)"}));
}

// A line with no end (/dev/zero) is read through for kMaxSkipBytes at most.
TEST(Records, Regression_LineWithoutAnEndEndsTheInput) {
  long long given = 0;
  RecordSource zeros = [&](char* buf, size_t size) {
    std::memset(buf, 0, size);
    given += static_cast<long long>(size);
    return static_cast<ssize_t>(size);
  };
  Names out;
  read_records("-", zeros, true, [&](RecordInput&& r) { out.push_back(r.name + "!" + r.problem); });
  EXPECT_EQ(out, Names({"-:1!record over the limit of 32 MiB (no end of its line within 4 GiB: "
                        "the rest is not read)"}));
  EXPECT_LE(given, static_cast<long long>(kMaxRecordBytes) + kMaxSkipBytes + (1 << 20));
}

}  // namespace
