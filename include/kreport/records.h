// Reading record files for validate and index: one record (compact or indented) or JSON
// Lines, from a file or standard input, with bounds on what is read.
#pragma once

#include <sys/types.h>
#include <functional>
#include <string>

namespace kreport {

/// One record of an input, or why it could not be read.
struct RecordInput {
  std::string name;         // FILE (a file of one record), FILE:LINE (JSON Lines), -:LINE
  std::string text;         // the record's JSON text; empty when `problem` is set
  std::string problem;      // why it was not read ("" when it was)
  bool over_limit = false;  // the problem is a bound (kMaxRecordBytes), not a read error
};

/// Where the bytes come from: read(2)'s contract (bytes read, 0 at the end, -1 with errno).
using RecordSource = std::function<ssize_t(char* buf, size_t size)>;

/// Calls `each` for every record of `path` ("-": standard input) as it is read. The format is
/// told by the first non-blank line: a whole JSON value on its own makes the input JSON Lines,
/// one record per non-blank line, each handed over as soon as its line ends; otherwise the
/// whole input is one record. A record over kMaxRecordBytes is not kept: it is reported once
/// (over_limit) when its line ends, and reading goes on after it (a line that has not ended
/// kMaxSkipBytes later ends the input, as does a one-record input over the limit). A read
/// error is reported once and ends that input; a file with no record is reported too.
/// Names: FILE for a file of one record (or of one line), else FILE:LINE; standard input's
/// lines are always -:LINE (each is handed over before the next line is there).
void read_records(const std::string& path, const std::function<void(RecordInput&&)>& each);

/// The same over any source of bytes (the fuzzer's way in); `streaming` names every line
/// NAME:LINE, as for standard input.
void read_records(const std::string& name, const RecordSource& source, bool streaming,
                  const std::function<void(RecordInput&&)>& each);

/// How far past the record limit an over-long line is read through to find its end: far
/// enough for any line a pipe could carry in practice, short of reading /dev/zero forever.
inline constexpr long long kMaxSkipBytes = 4ll << 30;

}  // namespace kreport
