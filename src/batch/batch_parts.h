// The parts of `kreport batch`, one file each: plan.cc decides what each input needs,
// worker.cc runs one document in a forked process, summary.cc writes _summary.json, and
// batch.cc schedules the workers.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kreport/batch.h"
#include "kreport/files.h"

namespace kreport::batch {

using Clock = std::chrono::steady_clock;

struct Job {
  std::string rel;         // relative to IN_DIR, '/'-separated
  std::string input;       // IN_DIR/rel
  std::string target;      // where the worker writes the record
  std::string unreadable;  // a sub-folder that could not be read: why (no target then)
};

/// One job per input (OUT_DIR/rel.json, or SCRATCH/index.json in JSON Lines mode) and one
/// per unreadable sub-folder, in the order of their relative paths.
std::vector<Job> plan_jobs(const FolderListing& found, const BatchOptions& options,
                           const std::filesystem::path& scratch);

/// The result of a job no worker could be started for (start_worker's `why`).
FileResult failed_to_start(const Job& job, const std::string& why);

/// Settles the inputs that need no worker: already claimed by another input, up to date,
/// not a file, or with an output that escapes OUT_DIR through a link.
class Planner {
 public:
  Planner(const BatchOptions& options, const std::vector<Job>& jobs);
  /// The result of job `i` without converting it, or nullopt when it needs a worker (its
  /// output folder then exists). Throws Error(output) when that folder cannot be made.
  std::optional<FileResult> settle(size_t i);

 private:
  const BatchOptions& options_;
  const std::vector<Job>& jobs_;
  std::filesystem::path out_root_;
  std::map<std::string, size_t> claimed_;  // output path -> first input claiming it
};

/// A forked worker converting one job.
struct Worker {
  pid_t pid = -1;
  size_t job = 0;
  int status_fd = -1;   // the worker's one status line arrives here
  int capture_fd = -1;  // the worker's standard error (poppler's "Out of memory")
  std::string status;
  Clock::time_point started;
  // The worker's last progress (monotonic_ns), shared with it: the parent's deadline is one
  // of progress too. Unmapped with the descriptors.
  std::atomic<long long>* progress = nullptr;
  bool killed_for_time = false;
};

/// Forks a worker for `jobs[i]`. `inherited` are descriptors the worker must close. nullopt,
/// with the reason in `why`, when no worker can be started now (out of file descriptors or
/// processes: ulimit -n, -u); nothing is left open then.
std::optional<Worker> start_worker(const std::vector<Job>& jobs, size_t i,
                                   const BatchOptions& options, const std::vector<int>& inherited,
                                   std::string* why);

/// What the worker that ended with `wait_status` did; closes its descriptors, and removes
/// its temporary file if it failed.
FileResult worker_result(const Job& job, Worker& worker, int wait_status,
                         const BatchOptions& options);

/// Kills the worker, waits for it, removes its temporary file, closes its descriptors.
/// Returns what it did if it had finished before the kill (its status line was written but
/// not yet read: its record is in place), else nullopt.
std::optional<FileResult> stop_worker(Worker& worker, const Job& job, const BatchOptions& options);

}  // namespace kreport::batch
