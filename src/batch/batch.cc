// Batch conversion. The parent plans (plan.cc), forks one worker per document with at most
// `jobs` alive (worker.cc), and waits in poll(2) on the workers' status pipes and on a pipe
// its SIGINT/SIGTERM handler writes to. A worker enforces its own deadline and memory limit;
// the parent kills one that outlives its deadline by kParentGrace (a worker that cannot even
// do that). A crash costs that document only. When a stop signal arrives the parent kills
// its workers, removes their temporary files, writes the summary so far with the unfinished
// inputs pending, and returns, so the caller can end by that signal; a rerun skips what is
// done. Records are written atomically by the workers; in JSON Lines mode they go to a
// private temporary folder and the parent prints them in input order as they complete.
#include "kreport/batch.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "batch_parts.h"
#include "kreport/error.h"
#include "kreport/files.h"
#include "kreport/guard.h"
#include "kreport/load.h"
#include "kreport/normalize.h"

namespace kreport {
namespace {

namespace fs = std::filesystem;
using batch::Clock;
using batch::Job;
using batch::Worker;

// How long after its own deadline the parent kills a worker that is still there.
constexpr double kParentGrace = 2.0;
// poll(2) takes an int of milliseconds; no wait is longer than this anyway.
constexpr double kMaxWaitSeconds = 3600;

int stop_signal_fd = -1;

extern "C" void on_stop_signal(int sig) {
  unsigned char byte = static_cast<unsigned char>(sig);
  ssize_t ignored = ::write(stop_signal_fd, &byte, 1);
  (void)ignored;
}

// SIGINT, SIGTERM and SIGHUP, for the lifetime of this object, become a byte on a pipe.
class StopSignals {
 public:
  StopSignals() {
    if (::pipe2(fds_, O_CLOEXEC | O_NONBLOCK) != 0)
      throw Error(Errc::internal, std::string("pipe: ") + std::strerror(errno));
    stop_signal_fd = fds_[1];
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    ::sigaction(SIGINT, &action, &old_int_);
    ::sigaction(SIGTERM, &action, &old_term_);
    ::sigaction(SIGHUP, &action, &old_hup_);  // the terminal went away: stop the same way
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  ~StopSignals() {
    ::sigaction(SIGINT, &old_int_, nullptr);
    ::sigaction(SIGTERM, &old_term_, nullptr);
    ::sigaction(SIGHUP, &old_hup_, nullptr);
    ::close(fds_[0]);
    ::close(fds_[1]);
  }
  int read_fd() const { return fds_[0]; }
  int write_fd() const { return fds_[1]; }
  /// The last signal received since the last call, or 0.
  int received() {
    unsigned char byte = 0;
    int sig = 0;
    while (::read(fds_[0], &byte, 1) == 1) sig = byte;
    return sig;
  }

 private:
  int fds_[2];
  struct sigaction old_int_ {
  }, old_term_{}, old_hup_{};
};

void copy_to_stdout(const std::string& path) {
  write_stdout(read_input(path));
}

constexpr const char* kScratchPrefix = "kreport-batch-";

fs::path temp_folder() {
  const char* tmpdir = std::getenv("TMPDIR");
  return tmpdir && *tmpdir ? tmpdir : "/tmp";
}

// The private folder of a JSON Lines batch, in $TMPDIR: kreport-batch-PID-XXXXXX, so that
// one left by a batch killed with SIGKILL can be told from one in use.
fs::path make_scratch() {
  std::string tmpl =
      (temp_folder() / (kScratchPrefix + std::to_string(::getpid()) + "-XXXXXX")).string();
  if (!::mkdtemp(tmpl.data()))
    throw Error(Errc::output,
                std::string("cannot create a temporary folder: ") + std::strerror(errno),
                temp_folder().string());
  return tmpl;
}

// The record a temporary file is for: x.json for x.json.tmpPID.
std::string record_of_temp(const std::string& rel) {
  return rel.substr(0, rel.rfind(".tmp"));
}

// What batches killed with SIGKILL left: their scratch folders (this user's, their process
// gone) and, in OUT_DIR, the temporary files of records being written (x.json.tmpPID). A
// shard sweeps only its own records' files: the other shards' tasks may be writing theirs on
// other machines, where "its process is gone" cannot be seen from here.
void remove_leftovers(const BatchOptions& options) {
  std::error_code ec;
  for (fs::directory_iterator it(temp_folder(), ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind(kScratchPrefix, 0) != 0) continue;
    struct stat st {};
    long pid = std::strtol(name.c_str() + std::strlen(kScratchPrefix), nullptr, 10);
    if (::lstat(it->path().c_str(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == ::getuid() &&
        process_gone(pid))
      fs::remove_all(it->path(), ec);
  }
  if (options.jsonl) return;
  try {
    FolderListing stale = list_folder(
        options.out_dir, [](const fs::path& p) { return is_stale_temp(p.filename().string()); });
    for (const std::string& rel : stale.files)
      if (!options.shard.on() ||
          shard_of(record_of_temp(rel), options.shard.count) == options.shard.index)
        fs::remove(fs::path(options.out_dir) / rel, ec);
  } catch (const Error&) {
    // An OUT_DIR too large to list: nothing is swept, nothing else changes.
  }
}

class Scheduler {
 public:
  Scheduler(const BatchOptions& options, const BatchProgress& progress)
      : options_(options),
        progress_(progress),
        started_(Clock::now()),
        scratch_(options.jsonl ? make_scratch() : fs::path()),
        jobs_(batch::plan_jobs(find_pdfs(options.in_dir), options, scratch_)),
        planner_(options, jobs_),
        done_(jobs_.size(), false) {
    result_.files.resize(jobs_.size());
    result_.shard = options.shard;
  }
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;
  ~Scheduler() {
    for (auto& [pid, worker] : running_) batch::stop_worker(worker, jobs_[worker.job], options_);
    std::error_code ec;
    if (!scratch_.empty()) fs::remove_all(scratch_, ec);
  }

  BatchResult run() {
    try {
      while (next_ < jobs_.size() || !running_.empty()) {
        if ((result_.interrupted_by = signals_.received()) != 0) break;
        if (!result_.stopped_by.empty()) break;
        start_more();
        if (!running_.empty()) wait_for_news();
      }
    } catch (const Error& e) {
      // Standard output failed (a closed pipe, a full disk): the batch stops there, nothing
      // more is converted for nobody, and the summary (with --summary) says what was done.
      if (e.code() != Errc::output || !options_.jsonl) throw;
      emitting_ = false;
      stop_all();
      // In JSON Lines a record is done once it is printed: the rest was not delivered.
      for (size_t i = emitted_; i < jobs_.size(); ++i) {
        FileResult& f = result_.files[i];
        if (f.status != "converted") continue;
        result_.pages -= f.pages;
        f = FileResult{};
        f.input = jobs_[i].input;
        f.status = "pending";
        --result_.converted, ++result_.pending;
      }
      result_.seconds = elapsed();
      write_summary();
      throw;
    }
    if (result_.interrupted_by != 0 || !result_.stopped_by.empty()) stop_all();
    result_.seconds = elapsed();
    write_summary();
    return result_;
  }

 private:
  double elapsed() const { return std::chrono::duration<double>(Clock::now() - started_).count(); }

  // Starts workers up to the slots. One that cannot be started (out of file descriptors or
  // processes) makes the batch go on with the workers it has; with none, the document fails
  // with the reason and the next is tried.
  void start_more() {
    while (running_.size() < slots_ && next_ < jobs_.size()) {
      size_t i = next_;
      if (!next_settled_) {
        if (std::optional<FileResult> settled = planner_.settle(i)) {
          ++next_;
          record(i, std::move(*settled));
          continue;
        }
        next_settled_ = true;  // it needs a worker: settled once, whenever that starts
      }
      std::vector<int> inherited = {signals_.read_fd(), signals_.write_fd()};
      for (auto& [pid, w] : running_)
        inherited.insert(inherited.end(), {w.status_fd, w.capture_fd});
      std::string why;
      std::optional<Worker> w = batch::start_worker(jobs_, i, options_, inherited, &why);
      if (!w && !running_.empty()) {
        slots_ = running_.size();  // as many at once as the limits allow
        return;
      }
      ++next_;
      next_settled_ = false;
      if (!w) {
        record(i, batch::failed_to_start(jobs_[i], why));
        continue;
      }
      running_[w->pid] = *w;
    }
  }

  // Until a worker writes or ends, a signal comes, or the next deadline passes.
  void wait_for_news() {
    std::vector<pollfd> fds = {{signals_.read_fd(), POLLIN, 0}};
    std::vector<pid_t> pids;
    for (auto& [pid, worker] : running_) {
      fds.push_back({worker.status_fd, POLLIN, 0});
      pids.push_back(pid);
    }
    if (::poll(fds.data(), fds.size(), kill_late_workers()) < 0 && errno != EINTR)
      throw Error(Errc::internal, std::string("poll: ") + std::strerror(errno));
    for (size_t k = 1; k < fds.size(); ++k)
      if (fds[k].revents) read_from(pids[k - 1]);
  }

  // Kills the workers past their deadline (of progress, as the worker keeps it) and its
  // grace; returns the milliseconds to the next one (-1: none).
  int kill_late_workers() {
    if (options_.timeout_seconds <= 0) return -1;
    double wait = kMaxWaitSeconds;
    long long now = monotonic_ns();
    for (auto& [pid, worker] : running_) {
      double left = options_.timeout_seconds + kParentGrace -
                    static_cast<double>(now - worker.progress->load()) / 1e9;
      if (left <= 0 && !worker.killed_for_time) {
        worker.killed_for_time = true;
        ::kill(pid, SIGKILL);  // its pipe then reaches end of file like any other
      }
      if (!worker.killed_for_time) wait = std::min(wait, left);
    }
    return static_cast<int>(std::ceil(std::max(0.0, wait) * 1000));
  }

  void read_from(pid_t pid) {
    Worker& worker = running_.at(pid);
    char buf[4096];
    ssize_t n = ::read(worker.status_fd, buf, sizeof buf);
    if (n > 0) return (void)worker.status.append(buf, static_cast<size_t>(n));
    if (n < 0 && errno == EINTR) return;
    int status = 0;  // end of file: the worker is done
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    size_t i = worker.job;
    FileResult r = batch::worker_result(jobs_[i], worker, status, options_);
    running_.erase(pid);
    record(i, std::move(r));
  }

  void record(size_t i, FileResult r) {
    // A full disk fails every document after this one at its write: the batch stops here,
    // the rest pending, rather than convert them all for nothing.
    if (r.error == errc_name(Errc::output) &&
        (r.message.find(std::strerror(ENOSPC)) != std::string::npos ||
         r.message.find(std::strerror(EDQUOT)) != std::string::npos))
      result_.stopped_by = r.message;
    if (r.status == "converted")
      ++result_.converted, result_.pages += r.pages;
    else if (r.status == "skipped")
      ++result_.skipped;
    else
      ++result_.failed;
    result_.files[i] = std::move(r);
    done_[i] = true;
    ++finished_;
    if (progress_) progress_(result_.files[i], finished_, jobs_.size(), result_.pages, elapsed());
    emit_ready_lines();
  }

  // JSON Lines: every record whose predecessors are all done, in input order.
  void emit_ready_lines() {
    while (options_.jsonl && emitting_ && emitted_ < done_.size() && done_[emitted_]) {
      if (result_.files[emitted_].status == "converted") {
        copy_to_stdout(jobs_[emitted_].target);
        fs::remove(jobs_[emitted_].target);
      }
      ++emitted_;
    }
  }

  // A worker may have finished while the signal was being noticed: it counts as what it
  // did (a rerun would skip its record), the others as pending.
  void stop_all() {
    std::map<pid_t, Worker> running = std::move(running_);
    running_.clear();
    for (auto& [pid, worker] : running)
      if (std::optional<FileResult> done = batch::stop_worker(worker, jobs_[worker.job], options_))
        record(worker.job, std::move(*done));
    for (size_t i = 0; i < jobs_.size(); ++i) {
      if (done_[i]) continue;
      result_.files[i].input = jobs_[i].input;
      result_.files[i].status = "pending";
      ++result_.pending;
    }
  }

  void write_summary() {
    std::string path = options_.summary_path;
    if (path.empty() && !options_.jsonl)
      path = (fs::path(options_.out_dir) / summary_name(options_.shard)).string();
    if (!path.empty()) write_file_atomic(path, summary_json(result_));
  }

  const BatchOptions& options_;
  const BatchProgress& progress_;
  Clock::time_point started_;
  StopSignals signals_;
  fs::path scratch_;  // JSON Lines mode: workers' records, printed in order, then removed
  std::vector<Job> jobs_;
  batch::Planner planner_;
  std::vector<bool> done_;
  std::map<pid_t, Worker> running_;
  BatchResult result_;
  size_t next_ = 0, emitted_ = 0, finished_ = 0;
  bool next_settled_ = false;  // jobs_[next_] was planned and waits for a worker
  size_t slots_ = static_cast<size_t>(std::max(1, options_.jobs));  // workers at once
  bool emitting_ = true;  // false once standard output failed
};

}  // namespace

BatchResult run_batch(const BatchOptions& options, const BatchProgress& progress) {
  // Where the outputs go is settled first: what cannot be written fails before any work.
  if (!options.jsonl) make_folders(options.out_dir);
  if (!options.summary_path.empty()) check_output_file(options.summary_path);
  remove_leftovers(options);
  // What every worker would otherwise set up for itself, done once here and inherited by
  // the fork: ICU's tables, poppler's global parameters and colour profiles.
  normalize("\uFF21");
  PdfDocument::prepare_process();
  Scheduler scheduler(options, progress);
  return scheduler.run();
}

}  // namespace kreport
