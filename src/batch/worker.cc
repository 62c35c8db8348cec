// One document in a forked worker. The worker first ties its life to the parent's: the
// kernel kills it when the parent dies (PR_SET_PDEATHSIG), and if the parent died before
// that was set (the fork and the prctl race a kill), it finds a new parent and leaves. It
// then guards itself (guard.h): its own deadline and address-space limit, each ending it
// with a status line, so a hang or a bomb is stopped even with nobody watching. It reports
// one line on its pipe: "ok\tPAGES\tWARNINGS" or "fail\tCODE\tMESSAGE"; its standard error
// goes to a capture file the parent reads when the worker ended without a line (a crash,
// or poppler's "Out of memory" before an abort the guard could not turn into a line).
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <new>

#include "batch_parts.h"
#include "kreport/error.h"
#include "kreport/files.h"
#include "kreport/guard.h"
#include "kreport/pipeline.h"
#include "kreport/views.h"

namespace kreport::batch {
namespace {

std::string fail_line(Errc code, const std::string& message) {
  return std::string("fail\t") + errc_name(code) + "\t" + one_line(message);
}

// Converts and writes one record; the status line says how it went.
std::string convert_one(const Job& job, const BatchOptions& options) {
  try {
    std::string bytes = read_input(job.input, options.max_bytes);
    ConvertOptions convert_options;
    convert_options.path = job.input;
    convert_options.password = options.password;
    convert_options.max_bytes = options.max_bytes;
    convert_options.max_pages = options.max_pages;
    convert_options.ocr = options.ocr;
    convert_options.progress = guard_progress;  // --timeout is a deadline of progress
    Report report = convert(bytes, convert_options);
    if (guard_ran_out_of_memory())
      return fail_line(Errc::memory, memory_message(options.max_memory_bytes));
    stop_watching();  // read in time: writing it may not turn into a timeout halfway
    write_file_atomic(job.target, render_report(report, options.view));
    return "ok\t" + std::to_string(report.source.pages) + "\t" +
           std::to_string(report.warnings.size());
  } catch (const Error& e) {
    std::string where = e.page() > 0 ? "page " + std::to_string(e.page()) + ": " : "";
    return fail_line(e.code(), where + e.message());
  } catch (const std::exception& e) {
    return fail_line(Errc::internal, std::string("internal error: ") + e.what());
  }
}

[[noreturn]] void run_worker(const Job& job, const BatchOptions& options, int status_fd,
                             int capture_fd, std::atomic<long long>* progress, pid_t parent) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(0);
  // Stop signals are the parent's to act on: Ctrl-C reaches the whole process group, and a
  // worker that died of it first was counted as a crash, not as pending (D12). The parent
  // kills its workers itself (SIGKILL), and the kernel does if the parent dies.
  ::signal(SIGINT, SIG_IGN);
  ::signal(SIGTERM, SIG_IGN);
  ::signal(SIGHUP, SIG_IGN);
  GuardOptions guard;
  guard.timeout_seconds = options.timeout_seconds;
  guard.max_memory_bytes = options.max_memory_bytes;
  guard.report_fd = status_fd;
  guard.timeout_line = fail_line(Errc::timeout, timeout_message(options.timeout_seconds));
  guard.memory_line = fail_line(Errc::memory, memory_message(options.max_memory_bytes));
  guard.capture_fd = capture_fd;
  guard.shared_progress = progress;
  guard_process(guard);
  // Test hook: makes the worker for one named input crash, to prove that a crash costs that
  // document only (tests/e2e/batch_test.cc). Never set in normal use.
  if (const char* crash = std::getenv("KREPORT_TEST_CRASH_INPUT"); crash && job.rel == crash)
    std::abort();
  std::string status = convert_one(job, options);
  ssize_t ignored = ::write(status_fd, status.data(), status.size());
  (void)ignored;
  ::_exit(0);
}

std::vector<std::string> split_tabs(const std::string& s) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t tab; (tab = s.find('\t', start)) != std::string::npos; start = tab + 1)
    parts.push_back(s.substr(start, tab - start));
  parts.push_back(s.substr(start));
  return parts;
}

// A worker that ended without a status line: killed by the parent's deadline, out of
// memory (poppler said so, then aborted), or crashed.
void explain_silent_end(FileResult& r, const Worker& worker, int wait_status,
                        const BatchOptions& options) {
  r.status = "failed";
  std::string captured = read_capture(worker.capture_fd);
  if (worker.killed_for_time) {
    r.error = errc_name(Errc::timeout);
    r.message = timeout_message(options.timeout_seconds);
  } else if (says_out_of_memory(captured)) {
    r.error = errc_name(Errc::memory);
    r.message = memory_message(options.max_memory_bytes);
  } else {
    r.error = errc_name(Errc::internal);
    int sig = WTERMSIG(wait_status);
    r.message = WIFSIGNALED(wait_status)
                    ? "crashed (signal " + std::to_string(sig) + ": " + strsignal(sig) + ")"
                    : "worker ended without a result (exit " +
                          std::to_string(WEXITSTATUS(wait_status)) + ")";
    std::fwrite(captured.data(), 1, captured.size(), stderr);  // the crash's own words
  }
}

void close_fds(Worker& worker) {
  if (worker.status_fd >= 0) ::close(worker.status_fd);
  if (worker.capture_fd >= 0) ::close(worker.capture_fd);
  worker.status_fd = worker.capture_fd = -1;
  if (worker.progress) ::munmap(worker.progress, sizeof *worker.progress);
  worker.progress = nullptr;
}

FileResult result_of(const Job& job, const Worker& worker, int wait_status,
                     const BatchOptions& options) {
  FileResult r;
  r.input = job.input;
  r.seconds = std::chrono::duration<double>(Clock::now() - worker.started).count();
  std::vector<std::string> parts = split_tabs(worker.status);
  if (!worker.killed_for_time && parts.size() == 3 && parts[0] == "ok") {
    r.status = "converted";
    r.output = options.jsonl ? "" : job.target;
    r.pages = std::atoi(parts[1].c_str());
    r.warnings = std::atoi(parts[2].c_str());
  } else if (!worker.killed_for_time && parts.size() == 3 && parts[0] == "fail") {
    r.status = "failed";
    r.error = parts[1];
    r.message = parts[2];
  } else {
    explain_silent_end(r, worker, wait_status, options);
  }
  return r;
}

}  // namespace

std::optional<Worker> start_worker(const std::vector<Job>& jobs, size_t i,
                                   const BatchOptions& options, const std::vector<int>& inherited,
                                   std::string* why) {
  int fds[2];
  if (::pipe(fds) != 0) {
    *why = std::string("cannot start a worker: ") + std::strerror(errno);
    return std::nullopt;
  }
  Worker w;
  w.job = i;
  w.status_fd = fds[0];
  w.capture_fd = open_capture();
  // The time of the worker's last progress, in memory it shares with the parent.
  void* shared = ::mmap(nullptr, sizeof(std::atomic<long long>), PROT_READ | PROT_WRITE,
                        MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (shared != MAP_FAILED) w.progress = new (shared) std::atomic<long long>(monotonic_ns());
  auto give_up = [&](int err) {
    ::close(fds[0]);
    ::close(fds[1]);
    if (w.capture_fd >= 0) ::close(w.capture_fd);
    if (w.progress) ::munmap(w.progress, sizeof *w.progress);
    *why = std::string("cannot start a worker: ") + std::strerror(err);
    return std::nullopt;
  };
  if (w.capture_fd < 0 && memory_limit_supported()) return give_up(errno);
  if (!w.progress) return give_up(errno);
  w.started = Clock::now();
  pid_t parent = ::getpid();
  std::fflush(nullptr);  // the worker must not inherit and re-flush our buffered output
  w.pid = ::fork();
  if (w.pid < 0) return give_up(errno);
  if (w.pid == 0) {
    ::close(fds[0]);
    for (int fd : inherited) ::close(fd);
    run_worker(jobs[i], options, fds[1], w.capture_fd, w.progress, parent);
  }
  ::close(fds[1]);
  return w;
}

FileResult worker_result(const Job& job, Worker& worker, int wait_status,
                         const BatchOptions& options) {
  FileResult r = result_of(job, worker, wait_status, options);
  close_fds(worker);
  if (r.status == "failed") {
    // A worker stopped while writing leaves its temporary file: remove it.
    std::error_code ec;
    std::filesystem::remove(atomic_temp_path(job.target, worker.pid), ec);
  }
  return r;
}

std::optional<FileResult> stop_worker(Worker& worker, const Job& job, const BatchOptions& options) {
  ::kill(worker.pid, SIGKILL);
  int status = 0;
  while (::waitpid(worker.pid, &status, 0) < 0 && errno == EINTR) {
  }
  // What it wrote before it died is still in the pipe, and no one else holds its write end.
  char buf[4096];
  for (ssize_t n; worker.status_fd >= 0 && (n = ::read(worker.status_fd, buf, sizeof buf)) != 0;) {
    if (n > 0)
      worker.status.append(buf, static_cast<size_t>(n));
    else if (errno != EINTR)
      break;
  }
  bool finished = worker.status.rfind("ok\t", 0) == 0 || worker.status.rfind("fail\t", 0) == 0;
  std::optional<FileResult> done;
  if (finished) done = result_of(job, worker, status, options);
  std::error_code ec;
  if (!done || done->status == "failed")
    std::filesystem::remove(atomic_temp_path(job.target, worker.pid), ec);
  close_fds(worker);
  return done;
}

}  // namespace kreport::batch
