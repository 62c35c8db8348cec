// Limits for the process that converts one document (`kreport extract`, a batch worker): a
// deadline and an address-space limit, each ending the process with one prepared line.
#pragma once

#include <atomic>
#include <string>
#include <string_view>

namespace kreport {

/// What to limit, and how the process ends when a limit is hit: `*_line` is written to
/// `report_fd`, then the process exits with `exit_code`.
struct GuardOptions {
  // The longest the process may go without progress (guard_progress), from guard_process on
  // (0: no limit). A document slow because it has many pages runs on; one stuck on a page
  // ends this long after the last page or stage it finished.
  double timeout_seconds = 0;
  long long max_memory_bytes = 0;  // address space, RLIMIT_AS (0: none)
  int report_fd = 2;               // 2 means the real standard error, even while captured
  std::string timeout_line, memory_line;
  int exit_code = 0;
  int capture_fd = -1;  // standard error is captured here (from open_capture); -1: make one
  // Where guard_progress also writes its time (monotonic_ns): memory shared with a batch
  // parent, which keeps its own deadline by it (nullptr: none).
  std::atomic<long long>* shared_progress = nullptr;
};

/// The monotonic clock (CLOCK_MONOTONIC) in nanoseconds: the time guard_progress records.
long long monotonic_ns();

/// Says the conversion made progress (a page read, a stage done): the deadline moves to
/// `timeout_seconds` from now. Safe from any thread.
void guard_progress();

/// "timed out: no progress in 5 s (--timeout)": the reason a document failed its deadline.
std::string timeout_message(double seconds);

/// "out of memory: over the limit of 512 MiB (--max-memory)"; or, when the process already
/// has a lower address-space limit (or `bytes` is 0: none asked for), that one's, named as
/// what it is: "... over the address-space limit of 87.9 MiB this process was started with
/// (ulimit -v)".
std::string memory_message(long long bytes);

/// False under AddressSanitizer, which reserves terabytes of address space when it starts:
/// there the memory limit (and the capture of standard error it needs) is not applied.
bool memory_limit_supported();

/// The default --max-memory when `jobs` documents are converted at once, in bytes.
long long default_max_memory_bytes(int jobs);

/// An anonymous file to capture a process's standard error in; -1 when there is no limit
/// to watch for (memory_limit_supported() is false).
int open_capture();

/// What the capture `fd` holds (its first 64 KiB), whoever wrote it.
std::string read_capture(int fd);

/// True when `captured` holds the line poppler prints when malloc fails ("Out of memory",
/// goo/gmem.h); it then aborts, or carries on without the page content it could not hold.
bool says_out_of_memory(std::string_view captured);

/// Arms the limits on this process: RLIMIT_AS, a new-handler and a SIGABRT handler that turn
/// an allocation failure into `memory_line`, standard error captured (to see poppler's
/// line), and a timer (SIGALRM) that looks at the clock and the capture every 100 ms; the
/// deadline starts now and moves with each guard_progress.
void guard_process(const GuardOptions& options);

/// True when an allocation failed since guard_process, though the process went on.
bool guard_ran_out_of_memory();

/// Stops the timer: the document is read, what is left is writing it.
void stop_watching();

/// Gives standard error back and prints on it what was captured, less poppler's
/// "Out of memory" lines (guard_ran_out_of_memory() says those).
void end_capture();

}  // namespace kreport
