// Shards: splitting one folder's inputs among the tasks of an array job (Slurm, Kubernetes
// Indexed Jobs, AWS Batch). An input's shard is a function of its relative path alone, by a
// hash fixed here (SHA-256, not std::hash, whose values differ between libraries and runs),
// so every task computes the same partition on any machine without talking to the others,
// and a file added later lands in a shard without moving any other. The record's path, not
// the input's, is what is hashed: inputs that claim the same record (a.pdf, a.PDF) must meet
// in one task, which then reports the second as a clash exactly as one batch does.
#include <cerrno>
#include <cstdlib>
#include <optional>
#include <string>

#include "kreport/batch.h"
#include "kreport/error.h"
#include "kreport/load.h"

namespace kreport {
namespace {

// More tasks than this is a mistake (a job id taken for a count), not a plan.
constexpr long kMaxShards = 1000000;

// `text` as a whole decimal number in [lo, hi], or nullopt.
std::optional<long> whole_number(const char* text, long lo, long hi) {
  if (!text || !*text) return std::nullopt;
  for (const char* c = text; *c; ++c)
    if (*c < '0' || *c > '9') return std::nullopt;
  errno = 0;
  long v = std::strtol(text, nullptr, 10);
  if (errno != 0 || v < lo || v > hi) return std::nullopt;
  return v;
}

[[noreturn]] void bad(const std::string& why) {
  throw Error(Errc::usage, "--shard: " + why);
}

long variable(const std::function<const char*(const char*)>& env, const char* name, long lo,
              long hi) {
  const char* text = env(name);
  std::optional<long> v = whole_number(text, lo, hi);
  if (!v)
    bad(std::string(name) + "=\"" + (text ? text : "") + "\" is not a number from " +
        std::to_string(lo) + " to " + std::to_string(hi));
  return *v;
}

// Slurm numbers a job array's tasks by the range given to --array (0-9, 1-10, 0-20:2); K
// counts from the range's first task, so any range gives shards 1 to N.
Shard from_slurm(const std::function<const char*(const char*)>& env) {
  long id = variable(env, "SLURM_ARRAY_TASK_ID", 0, 1L << 30);
  long min = variable(env, "SLURM_ARRAY_TASK_MIN", 0, 1L << 30);
  long max = variable(env, "SLURM_ARRAY_TASK_MAX", 0, 1L << 30);
  long count = variable(env, "SLURM_ARRAY_TASK_COUNT", 1, kMaxShards);
  long step =
      env("SLURM_ARRAY_TASK_STEP") ? variable(env, "SLURM_ARRAY_TASK_STEP", 1, 1L << 30) : 1;
  // A list (--array=1,5,7) has no position to read from the id: refused rather than have
  // two tasks take one shard. A throttle (--array=0-9%2) changes none of these.
  if (min + (count - 1) * step != max || id < min || id > max || (id - min) % step != 0)
    bad("the Slurm array is not one range of tasks (SLURM_ARRAY_TASK_MIN=" + std::to_string(min) +
        ", _MAX=" + std::to_string(max) + ", _STEP=" + std::to_string(step) + ", _COUNT=" +
        std::to_string(count) + "): give it as --array=FIRST-LAST, or use --shard K/N");
  return {static_cast<int>((id - min) / step + 1), static_cast<int>(count)};
}

}  // namespace

std::string Shard::name() const {
  return std::to_string(index) + "-of-" + std::to_string(count);
}

std::string summary_name(const Shard& shard) {
  return shard.on() ? "_summary." + shard.name() + ".json" : "_summary.json";
}

int shard_of(const std::string& record, int count) {
  std::string hex = sha256_hex(record).substr(0, 16);
  unsigned long long h = std::strtoull(hex.c_str(), nullptr, 16);
  return static_cast<int>(h % static_cast<unsigned long long>(count)) + 1;
}

Shard parse_shard(const std::string& spec, const std::function<const char*(const char*)>& env) {
  if (spec == "auto") {
    if (env("SLURM_ARRAY_TASK_ID")) return from_slurm(env);
    for (const char* index : {"JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX"}) {
      if (!env(index)) continue;
      if (!env("KREPORT_SHARD_COUNT"))
        bad(std::string(index) + " is set but KREPORT_SHARD_COUNT is not: set it to the number " +
            "of tasks (a Kubernetes Job's completions, an AWS Batch array's size)");
      long count = variable(env, "KREPORT_SHARD_COUNT", 1, kMaxShards);
      long k = variable(env, index, 0, count - 1);
      return {static_cast<int>(k + 1), static_cast<int>(count)};
    }
    bad("auto: this process is no array task (none of SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, "
        "AWS_BATCH_JOB_ARRAY_INDEX is set): give --shard K/N");
  }
  size_t slash = spec.find('/');
  std::optional<long> count =
      whole_number(slash == std::string::npos ? nullptr : spec.c_str() + slash + 1, 1, kMaxShards);
  std::string k_text = spec.substr(0, slash);
  std::optional<long> k = count ? whole_number(k_text.c_str(), 1, *count) : std::nullopt;
  if (!k)
    bad("\"" + spec + "\" is not K/N with 1 <= K <= N <= " + std::to_string(kMaxShards) +
        " (e.g. 2/3), nor auto");
  return {static_cast<int>(*k), static_cast<int>(*count)};
}

}  // namespace kreport
