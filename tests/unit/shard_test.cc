// Shards of a batch: the fixed hash (the same on any machine: the expected values are
// Python's hashlib, int(sha256(path).hexdigest()[:16], 16) % N + 1) and --shard's forms.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "kreport/batch.h"
#include "kreport/error.h"

namespace {

using kreport::parse_shard;
using kreport::Shard;
using kreport::shard_of;

// An environment of exactly these variables.
auto env_of(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const char* name) -> const char* {
    auto it = vars.find(name);
    return it == vars.end() ? nullptr : it->second.c_str();
  };
}

std::string usage_error(const std::string& spec, std::map<std::string, std::string> vars = {}) {
  try {
    parse_shard(spec, env_of(std::move(vars)));
  } catch (const kreport::Error& e) {
    EXPECT_EQ(e.code(), kreport::Errc::usage);
    return e.message();
  }
  return "(accepted)";
}

TEST(Shard, HashIsSha256OfTheRecordPath) {
  // sha256("a/b.json") starts 6c45d4fe1dd51dcc; "sk_weekly.json" 4861e0ece1f7a0f7.
  EXPECT_EQ(shard_of("a/b.json", 1), 1);
  EXPECT_EQ(shard_of("a/b.json", 2), 1);
  EXPECT_EQ(shard_of("a/b.json", 3), 3);
  EXPECT_EQ(shard_of("sk_weekly.json", 2), 2);
  EXPECT_EQ(shard_of("sk_weekly.json", 7), 3);
  EXPECT_EQ(shard_of("sub dir/회사 보고서.json", 3), 1);
}

TEST(Shard, EveryPathHasOneShardInRange) {
  std::map<int, int> seen;
  for (int i = 0; i < 700; ++i) {
    int k = shard_of("r/" + std::to_string(i) + ".json", 7);
    ASSERT_GE(k, 1);
    ASSERT_LE(k, 7);
    ++seen[k];
  }
  // 700 paths over 7 shards: each gets some (a constant hash would give one all of them).
  EXPECT_EQ(seen.size(), 7u);
  for (auto [k, n] : seen) EXPECT_GT(n, 50) << "shard " << k;
}

TEST(Shard, KOfN) {
  Shard s = parse_shard("2/3", env_of({}));
  EXPECT_EQ(s.index, 2);
  EXPECT_EQ(s.count, 3);
  EXPECT_EQ(s.name(), "2-of-3");
  EXPECT_EQ(kreport::summary_name(s), "_summary.2-of-3.json");
  EXPECT_EQ(kreport::summary_name(Shard{}), "_summary.json");
  EXPECT_EQ(parse_shard("1/1", env_of({})).count, 1);
}

TEST(Shard, BadKOfNIsAUsageError) {
  const char* expected =
      "--shard: \"%\" is not K/N with 1 <= K <= N <= 1000000 (e.g. 2/3), nor auto";
  for (std::string spec :
       {"0/3", "4/3", "3", "/3", "1/0", "-1/3", "1/3x", "a/b", "1/2000000", ""}) {
    std::string want = expected;
    want.replace(want.find('%'), 1, spec);
    EXPECT_EQ(usage_error(spec), want) << spec;
  }
}

TEST(Shard, AutoFromASlurmArray) {
  // --array=0-2: tasks 0, 1, 2 are shards 1, 2, 3.
  std::map<std::string, std::string> slurm = {{"SLURM_ARRAY_TASK_ID", "1"},
                                              {"SLURM_ARRAY_TASK_MIN", "0"},
                                              {"SLURM_ARRAY_TASK_MAX", "2"},
                                              {"SLURM_ARRAY_TASK_COUNT", "3"},
                                              {"SLURM_ARRAY_TASK_STEP", "1"}};
  Shard s = parse_shard("auto", env_of(slurm));
  EXPECT_EQ(s.index, 2);
  EXPECT_EQ(s.count, 3);
  // --array=1-10 starts at 1: task 1 is shard 1, task 10 shard 10.
  slurm = {{"SLURM_ARRAY_TASK_ID", "10"},
           {"SLURM_ARRAY_TASK_MIN", "1"},
           {"SLURM_ARRAY_TASK_MAX", "10"},
           {"SLURM_ARRAY_TASK_COUNT", "10"}};
  s = parse_shard("auto", env_of(slurm));
  EXPECT_EQ(s.index, 10);
  EXPECT_EQ(s.count, 10);
  // --array=0-20:10: tasks 0, 10, 20.
  slurm = {{"SLURM_ARRAY_TASK_ID", "20"},
           {"SLURM_ARRAY_TASK_MIN", "0"},
           {"SLURM_ARRAY_TASK_MAX", "20"},
           {"SLURM_ARRAY_TASK_COUNT", "3"},
           {"SLURM_ARRAY_TASK_STEP", "10"}};
  s = parse_shard("auto", env_of(slurm));
  EXPECT_EQ(s.index, 3);
  EXPECT_EQ(s.count, 3);
}

TEST(Shard, AutoRefusesASlurmListOfTasks) {
  // --array=1,5,7: no task's position can be read from its id.
  EXPECT_EQ(usage_error("auto", {{"SLURM_ARRAY_TASK_ID", "5"},
                                 {"SLURM_ARRAY_TASK_MIN", "1"},
                                 {"SLURM_ARRAY_TASK_MAX", "7"},
                                 {"SLURM_ARRAY_TASK_COUNT", "3"}}),
            "--shard: the Slurm array is not one range of tasks (SLURM_ARRAY_TASK_MIN=1, _MAX=7, "
            "_STEP=1, _COUNT=3): give it as --array=FIRST-LAST, or use --shard K/N");
  EXPECT_EQ(usage_error("auto", {{"SLURM_ARRAY_TASK_ID", "1"}}),
            "--shard: SLURM_ARRAY_TASK_MIN=\"\" is not a number from 0 to 1073741824");
}

TEST(Shard, AutoFromAKubernetesIndexedJob) {
  Shard s =
      parse_shard("auto", env_of({{"JOB_COMPLETION_INDEX", "0"}, {"KREPORT_SHARD_COUNT", "4"}}));
  EXPECT_EQ(s.index, 1);
  EXPECT_EQ(s.count, 4);
  s = parse_shard("auto",
                  env_of({{"AWS_BATCH_JOB_ARRAY_INDEX", "3"}, {"KREPORT_SHARD_COUNT", "4"}}));
  EXPECT_EQ(s.index, 4);
  EXPECT_EQ(usage_error("auto", {{"JOB_COMPLETION_INDEX", "0"}}),
            "--shard: JOB_COMPLETION_INDEX is set but KREPORT_SHARD_COUNT is not: set it to the "
            "number of tasks (a Kubernetes Job's completions, an AWS Batch array's size)");
  EXPECT_EQ(usage_error("auto", {{"JOB_COMPLETION_INDEX", "4"}, {"KREPORT_SHARD_COUNT", "4"}}),
            "--shard: JOB_COMPLETION_INDEX=\"4\" is not a number from 0 to 3");
}

TEST(Shard, AutoOutsideAnArrayIsAUsageError) {
  EXPECT_EQ(usage_error("auto"),
            "--shard: auto: this process is no array task (none of SLURM_ARRAY_TASK_ID, "
            "JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX is set): give --shard K/N");
}

}  // namespace
