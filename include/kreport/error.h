// Typed errors and the one table that maps them to exit codes.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kreport {

/// Why a document (or a command) could not be processed.
enum class Errc {
  usage,         // bad command line
  io,            // file missing or unreadable
  empty,         // zero bytes
  not_pdf,       // no %PDF- header
  damaged,       // truncated or corrupt beyond repair
  encrypted,     // needs a password we were not given
  bad_password,  // the given password does not open it
  no_pages,      // a valid PDF with an empty page tree
  no_text,       // no page carries usable text (scans, glyph images)
  too_large,     // over --max-size
  timeout,       // over --timeout
  memory,        // over --max-memory
  resource,      // the machine's limits (file descriptors, processes) left no room for it
  output,        // cannot write the output
  invalid,       // a record fails its schema (validate)
  internal,      // a bug: an exception we did not expect
};

/// Process exit codes; documented in --help and README. Stable: scripts rely on them.
enum ExitCode : int {
  kExitOk = 0,
  kExitUsage = 1,
  kExitInput = 2,       // the input was rejected: see the stderr line for why
  kExitSomeFailed = 3,  // batch/validate: at least one input failed, the rest were processed
  kExitOutput = 4,      // the output could not be written
  kExitInternal = 5,    // a bug in kreport: please report it
};

/// The exit code for a fatal error of this kind.
int exit_code(Errc code);

/// Stable lowercase name of the error kind, e.g. "not_pdf" (used in batch summaries).
const char* errc_name(Errc code);

/// One error kind: its name, its exit code, and what it means in `--help` ("not a PDF").
struct ErrcInfo {
  Errc code;
  const char* name;
  int exit;
  const char* means;
};

/// Every error kind, in the order `--help` lists them.
const std::vector<ErrcInfo>& error_kinds();

/// The "Exit codes:" text at the foot of every `--help`, made from error_kinds() and the
/// codes that are not an error kind (3, and the signals that stop a batch).
std::string exit_codes_help();

/// A fatal error for one document: what went wrong, in which file, on which page (0 = none).
class Error : public std::runtime_error {
 public:
  Error(Errc code, std::string message, std::string file = {}, int page = 0);

  Errc code() const { return code_; }
  const std::string& file() const { return file_; }
  int page() const { return page_; }
  const std::string& message() const { return message_; }

  /// Same error, now naming the file it happened in.
  Error in_file(const std::string& file) const;
  /// Same error, now naming the page it happened on.
  Error on_page(int page) const;

 private:
  Errc code_;
  std::string message_;
  std::string file_;
  int page_;
};

/// "report.pdf (page 3): message" — the one-line form printed on stderr; a control character
/// in the file name or the message (a newline in a file name) is written as an escape.
std::string describe(const Error& e);

/// `text` on one line: control characters as C escapes ("a\nb.pdf"), everything else as is.
std::string one_line(std::string_view text);

}  // namespace kreport
