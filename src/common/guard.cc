// Per-document limits enforced by the process itself, so they hold even when nobody watches
// it (a batch worker whose parent died). A periodic timer (SIGALRM every kWatchInterval)
// checks the deadline on the monotonic clock and the capture described below; its handler
// writes the prepared line and exits. The deadline is one of progress: the time since the
// conversion last finished a page or a stage (guard_progress), so a long document of slow
// pages (OCR) converts while a page that hangs is stopped. Memory is RLIMIT_AS: past it malloc and
// new fail. A failing new calls our new-handler, which reports and exits at once rather than unwind
// through poppler. poppler's own allocator (goo/gmem.h) prints "Out of memory" on standard
// error and then either aborts or, for a few large buffers such as a JBIG2 bitmap, returns
// null and goes on without that content. So standard error is captured in an anonymous file
// while the document is read: a SIGABRT whose capture holds that line is a memory failure,
// and so is one still being read after it (its record would be missing what did not fit;
// and the JBIG2 bomb spends minutes on the bitmap that did fit). Every handler uses only
// async-signal-safe calls on buffers prepared here.
#include "kreport/guard.h"

#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <new>

namespace kreport {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

constexpr long long kMiB = 1024 * 1024;
// The largest real report needs 71 MiB of address space, the 20,000-page hostile input 91
// MiB (VmPeak): a GiB is ten times that, and refuses the 1.2 GB bitmaps of a JBIG2 bomb.
constexpr long long kDefaultMaxMemory = 1024 * kMiB;
// The share of a small machine is never cut below this: the process alone maps ~60 MiB.
constexpr long long kMinDefaultMemory = 256 * kMiB;
constexpr size_t kCaptureReadLimit = 64 * 1024;
// How often the timer looks: the deadline is met within this, at a negligible cost.
constexpr long kWatchIntervalUs = 100 * 1000;
constexpr char kPopplerOutOfMemory[] = "Out of memory";

struct Line {
  char text[4096];
  size_t size = 0;
  void set(const std::string& s) {
    size = std::min(s.size(), sizeof text);
    std::memcpy(text, s.data(), size);
  }
};

struct State {
  int report_fd = -1;
  int exit_code = 0;
  int capture_fd = -1;
  int real_stderr = -1;
  bool capture_ended = false;
  long long timeout_ns = 0;  // 0: no deadline
  Line timeout, memory;
};

State state;
// The time of the last progress (monotonic_ns); lock-free, so the signal handler may read it.
std::atomic<long long> last_progress{0};
std::atomic<long long>* shared_progress = nullptr;
static_assert(std::atomic<long long>::is_always_lock_free);
char abort_buffer[kCaptureReadLimit];

void write_all(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n <= 0) return;
    data += n;
    size -= static_cast<size_t>(n);
  }
}

[[noreturn]] void end_with(const Line& line) {
  write_all(state.report_fd, line.text, line.size);
  ::_exit(state.exit_code);
}

bool capture_says_out_of_memory() {
  if (state.capture_fd < 0) return false;
  ssize_t n = ::pread(state.capture_fd, abort_buffer, sizeof abort_buffer, 0);
  return n > 0 && memmem(abort_buffer, static_cast<size_t>(n), kPopplerOutOfMemory,
                         sizeof kPopplerOutOfMemory - 1);
}

extern "C" void on_watch(int) {
  int saved_errno = errno;
  if (capture_says_out_of_memory()) end_with(state.memory);
  if (state.timeout_ns > 0 && monotonic_ns() - last_progress.load() >= state.timeout_ns)
    end_with(state.timeout);
  errno = saved_errno;
}

void on_new_failure() {
  end_with(state.memory);
}

// poppler aborts after "Out of memory": ours. Any other abort is a bug to see: the capture
// goes to the real standard error and the process dies of SIGABRT as it would have.
extern "C" void on_abort(int) {
  if (capture_says_out_of_memory()) end_with(state.memory);
  ssize_t n = ::pread(state.capture_fd, abort_buffer, sizeof abort_buffer, 0);
  if (n > 0) write_all(state.real_stderr, abort_buffer, static_cast<size_t>(n));
  ::signal(SIGABRT, SIG_DFL);
  ::raise(SIGABRT);
}

// A cgroup's limit (a container) is the machine's memory as far as we are concerned.
long long machine_memory() {
  long long physical = static_cast<long long>(::sysconf(_SC_PHYS_PAGES)) * ::sysconf(_SC_PAGESIZE);
  std::ifstream cgroup("/sys/fs/cgroup/memory.max");
  long long limit = 0;
  if (cgroup >> limit && limit > 0) physical = std::min(physical, limit);
  return physical;
}

// The first look comes at the deadline if that is sooner than the interval (--timeout 0.001).
void start_watching(double timeout_seconds) {
  if (timeout_seconds > 0) {
    state.timeout_ns = std::max(1LL, std::llround(timeout_seconds * 1e9));
    guard_progress();
  }
  struct sigaction action {};
  action.sa_handler = on_watch;
  action.sa_flags = SA_RESTART;  // reads and writes carry on after each look
  ::sigaction(SIGALRM, &action, nullptr);
  long first_us = kWatchIntervalUs;
  if (timeout_seconds > 0 && timeout_seconds * 1e6 < kWatchIntervalUs)
    first_us = std::max(1L, static_cast<long>(timeout_seconds * 1e6));
  itimerval t{};
  t.it_value.tv_usec = first_us;
  t.it_interval.tv_usec = kWatchIntervalUs;
  ::setitimer(ITIMER_REAL, &t, nullptr);
}

void arm_memory_limit(long long bytes, int capture_fd) {
  state.capture_fd = capture_fd >= 0 ? capture_fd : open_capture();
  std::fflush(stderr);
  ::dup2(state.capture_fd, STDERR_FILENO);
  std::set_new_handler(on_new_failure);
  ::signal(SIGABRT, on_abort);
  if (bytes <= 0) return;  // only the limit the process was started with (ulimit -v)
  // Never above a limit the process already has: memory_message names that one.
  rlimit limit{};
  ::getrlimit(RLIMIT_AS, &limit);
  limit.rlim_cur = std::min(limit.rlim_cur, static_cast<rlim_t>(bytes));
  limit.rlim_max = std::min(limit.rlim_max, static_cast<rlim_t>(bytes));
  limit.rlim_cur = std::min(limit.rlim_cur, limit.rlim_max);
  ::setrlimit(RLIMIT_AS, &limit);
}

}  // namespace

long long monotonic_ns() {
  timespec now{};
  ::clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec;
}

void guard_progress() {
  long long now = monotonic_ns();
  last_progress.store(now);
  if (shared_progress) shared_progress->store(now);
}

std::string timeout_message(double seconds) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", seconds);
  return std::string("timed out: no progress in ") + buf + " s (--timeout)";
}

std::string memory_message(long long bytes) {
  char buf[64];
  rlimit now{};
  // A limit the process already has (ulimit -v) below the one asked for is the one it meets.
  if (::getrlimit(RLIMIT_AS, &now) == 0 && now.rlim_cur != RLIM_INFINITY &&
      (bytes <= 0 || static_cast<long long>(now.rlim_cur) < bytes)) {
    std::snprintf(buf, sizeof buf, "%g", static_cast<double>(now.rlim_cur) / kMiB);
    return std::string("out of memory: over the address-space limit of ") + buf +
           " MiB this process was started with (ulimit -v)";
  }
  std::snprintf(buf, sizeof buf, "%g", static_cast<double>(bytes) / kMiB);
  return std::string("out of memory: over the limit of ") + buf + " MiB (--max-memory)";
}

bool memory_limit_supported() {
  return !kAddressSanitizer;
}

long long default_max_memory_bytes(int jobs) {
  long long share = machine_memory() / std::max(1, jobs);
  return std::clamp(share, kMinDefaultMemory, kDefaultMaxMemory);
}

int open_capture() {
  if (!memory_limit_supported()) return -1;
  return ::memfd_create("kreport-stderr", MFD_CLOEXEC);
}

std::string read_capture(int fd) {
  if (fd < 0) return {};
  std::string out(kCaptureReadLimit, '\0');
  ssize_t n = ::pread(fd, out.data(), out.size(), 0);
  out.resize(n > 0 ? static_cast<size_t>(n) : 0);
  return out;
}

bool says_out_of_memory(std::string_view captured) {
  return captured.find(kPopplerOutOfMemory) != std::string_view::npos;
}

void guard_process(const GuardOptions& options) {
  state.real_stderr = ::dup(STDERR_FILENO);
  state.report_fd = options.report_fd == STDERR_FILENO ? state.real_stderr : options.report_fd;
  state.exit_code = options.exit_code;
  state.timeout.set(options.timeout_line);
  state.memory.set(options.memory_line);
  shared_progress = options.shared_progress;
  // A limit the process was started with (ulimit -v) is met the same way as --max-memory.
  rlimit started{};
  bool limited = ::getrlimit(RLIMIT_AS, &started) == 0 && started.rlim_cur != RLIM_INFINITY;
  if ((options.max_memory_bytes > 0 || limited) && memory_limit_supported())
    arm_memory_limit(options.max_memory_bytes, options.capture_fd);
  if (options.timeout_seconds > 0 || state.capture_fd >= 0) start_watching(options.timeout_seconds);
}

bool guard_ran_out_of_memory() {
  return says_out_of_memory(read_capture(state.capture_fd));
}

void stop_watching() {
  itimerval off{};
  ::setitimer(ITIMER_REAL, &off, nullptr);
}

void end_capture() {
  if (state.capture_fd < 0 || state.real_stderr < 0 || state.capture_ended) return;
  state.capture_ended = true;
  std::fflush(stderr);
  ::dup2(state.real_stderr, STDERR_FILENO);
  std::string captured = read_capture(state.capture_fd), rest;
  for (size_t start = 0; start < captured.size();) {
    size_t end = std::min(captured.find('\n', start), captured.size());
    std::string_view line(captured.data() + start, end - start);
    if (line != kPopplerOutOfMemory) rest.append(line).append("\n");
    start = end + 1;
  }
  write_all(STDERR_FILENO, rest.data(), rest.size());
}

}  // namespace kreport
