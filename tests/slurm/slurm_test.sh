#!/usr/bin/env bash
# A real Slurm on this machine: munged, slurmctld and slurmd (Debian's munge and slurm-wlm)
# started with a generated slurm.conf naming this machine as the one node, everything on
# 127.0.0.1 on free ports, all state, logs and sockets in a temporary folder, and stopped at
# the end (trap). Then contrib/slurm/kreport-array.sbatch runs over a folder of fixtures as an
# array of 3 tasks, and:
#   - the union of the tasks' records is byte-identical to one `kreport batch` of the folder;
#   - the three shard summaries cover every input once;
#   - an archive indexed from each task's records, merged with `kreport index --merge`,
#     answers the documented questions as the single run's archive does;
#   - a task stopped midway (suspended while converting, then requeued with scontrol, which
#     kills it) runs again and converts only the rest: its first records are "up to date".
# Usage: slurm_test.sh KREPORT SOURCE_DIR. Exit 77 (ctest: skipped) with the reason where the
# daemons cannot run here: not root, or the packages are missing (scripts/setup.sh installs
# them).
set -euo pipefail
kreport=$(realpath "$1")
src=$(realpath "$2")

skip() {
  echo "SKIPPED: $*"
  exit 77
}
[ "$(id -u)" -eq 0 ] || skip "needs root to start munged, slurmctld and slurmd"
for b in munged slurmctld slurmd sbatch squeue scontrol; do
  command -v "$b" >/dev/null ||
    skip "$b is not installed (scripts/setup.sh installs the Debian packages munge and slurm-wlm)"
done

tmp=$(mktemp -d /tmp/kreport-slurm.XXXXXX)
chmod 700 "$tmp"
job=""
stop_daemons() {
  # Tasks still running (the test failed midway) are cancelled while slurmd can still kill them.
  [ -n "$job" ] && scancel "$job" 2>/dev/null && sleep 2
  for pidfile in slurmd.pid slurmctld.pid munged.pid; do
    [ -s "$tmp/$pidfile" ] && kill "$(cat "$tmp/$pidfile")" 2>/dev/null || true
  done
  sleep 1
  for pidfile in slurmd.pid slurmctld.pid munged.pid; do
    [ -s "$tmp/$pidfile" ] && kill -9 "$(cat "$tmp/$pidfile")" 2>/dev/null || true
  done
  [ -n "${KREPORT_SLURM_KEEP:-}" ] && { echo "kept $tmp"; return; }
  rm -rf "$tmp"
}
trap stop_daemons EXIT
fail() {
  echo "FAIL: $*"
  for log in "$tmp"/slurmctld.log "$tmp"/slurmd.log "$tmp"/logs/*; do
    [ -f "$log" ] && { echo "--- $log"; tail -n 30 "$log"; }
  done
  exit 1
}
say() { echo "[$(date +%T)] $*"; }

# --- the cluster ---------------------------------------------------------------------------
host=$(hostname -s)
read -r ctld_port slurmd_port < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*(x.getsockname()[1] for x in s))')
mkdir -p "$tmp/munge" "$tmp/ctld" "$tmp/slurmd" "$tmp/logs"
chmod 700 "$tmp/munge"
head -c 1024 /dev/urandom >"$tmp/munge/munge.key"
chmod 400 "$tmp/munge/munge.key"
munged --force --socket="$tmp/munge/munge.sock" --key-file="$tmp/munge/munge.key" \
  --pid-file="$tmp/munged.pid" --log-file="$tmp/munge/munged.log" \
  --seed-file="$tmp/munge/munged.seed" || skip "munged cannot start here (see above)"

cpus=$(nproc)
cat >"$tmp/slurm.conf" <<EOF
ClusterName=kreporttest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
# cred_expire: how long a requeued task waits before it may start again (default 120 s).
AuthInfo=socket=$tmp/munge/munge.sock,cred_expire=5
CredType=cred/munge
StateSaveLocation=$tmp/ctld
SlurmdSpoolDir=$tmp/slurmd
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/builtin
# The scheduler looks at the queue every second, not every minute: a requeued task starts
# as soon as it may.
SchedulerParameters=sched_interval=1
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
SwitchType=switch/none
KillWait=5
MinJobAge=600
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=1000 State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$tmp/slurm.conf"
slurmctld -i || fail "slurmctld did not start"
slurmd || fail "slurmd did not start"
for _ in $(seq 60); do
  state=$(sinfo -h -n "$host" -o %T 2>/dev/null || true)
  [ "$state" = idle ] && break
  sleep 0.5
done
[ "$state" = idle ] || fail "the node is not idle after 30 s (state: ${state:-none})"
say "cluster up: $host, $cpus CPUs, slurmctld :$ctld_port, slurmd :$slurmd_port"

# --- the input: the fixtures, eight times over (168 inputs, bad ones among them), so that a
# task converts for a few seconds and can be stopped midway --------------------------------
in="$tmp/in"
for c in 1 2 3 4 5 6 7 8; do
  mkdir -p "$in/copy$c"
  cp "$src"/fixtures/*.pdf "$src"/fixtures/broken/*.pdf "$in/copy$c/"
  # Each copy made another file (a comment after the end): the archive knows a report by its
  # bytes' sha256, and the same PDF under eight paths would be one report named by whichever
  # path came first, which differs between one index and a merge.
  for f in "$in/copy$c"/*.pdf; do printf '\n%% copy %d\n' "$c" >>"$f"; done
done
"$kreport" batch -q -j 2 "$in" -o "$tmp/single" || [ $? -eq 3 ] || fail "the single batch failed"
n_inputs=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["inputs"])' \
  "$tmp/single/_summary.json")
say "single batch: $n_inputs inputs"

# The task whose shard is the largest is stopped midway: suspended as soon as one record of
# its shard is written, then requeued (Slurm kills it and queues it again).
victim=$(python3 - "$in" <<'EOF'
import hashlib, os, sys
counts = [0, 0, 0]
for folder, _, files in os.walk(sys.argv[1]):
    for f in files:
        rel = os.path.splitext(os.path.relpath(os.path.join(folder, f), sys.argv[1]))[0] + ".json"
        counts[int(hashlib.sha256(rel.encode()).hexdigest()[:16], 16) % 3] += 1
print(counts.index(max(counts)))
EOF
)
victim_shard=$((victim + 1))
# The victim's records, in the order its task converts them (sorted input paths).
mapfile -t victim_records < <(python3 - "$in" "$tmp/out" "$victim_shard" <<'EOF'
import hashlib, os, sys
rels = []
for folder, _, files in os.walk(sys.argv[1]):
    rels += [os.path.relpath(os.path.join(folder, f), sys.argv[1]) for f in files]
for rel in sorted(rels):
    record = os.path.splitext(rel)[0] + ".json"
    if int(hashlib.sha256(record.encode()).hexdigest()[:16], 16) % 3 + 1 == int(sys.argv[3]):
        print(os.path.join(sys.argv[2], record))
EOF
)
mine() {
  local n=0 r
  for r in "${victim_records[@]}"; do [ -e "$r" ] && n=$((n + 1)); done
  echo "$n"
}
# Its first input that converts (the first few may be broken files that leave no record).
first=""
for r in "${victim_records[@]}"; do
  [ -e "$tmp/single/${r#"$tmp/out/"}" ] && { first=$r; break; }
done

# --- the array job ---------------------------------------------------------------------------
# One CPU a task, so two tasks run at once and the third waits for a CPU.
job=$(cd "$tmp" && KREPORT="$kreport" sbatch --parsable --array=0-2 --cpus-per-task=1 \
  --mem-per-cpu=10M --output="$tmp/logs/kreport-%A_%a.log" \
  "$src/contrib/slurm/kreport-array.sbatch" "$in" "$tmp/out") || fail "sbatch refused the job"
say "submitted array job $job"

for _ in $(seq 3000); do
  [ -e "$first" ] && break
  sleep 0.02
done
scontrol suspend "${job}_$victim" || fail "could not suspend task $victim"
done_before=$(mine)
say "task $victim (shard $victim_shard of 3) suspended with $done_before records written"
scontrol requeue "${job}_$victim" || fail "could not requeue task $victim"
# A suspended task comes back held (JobHeldAdmin): released, it runs again after cred_expire.
scontrol release "${job}_$victim" || fail "could not release task $victim"
say "task $victim requeued"

deadline=$((SECONDS + 90))
while [ $SECONDS -lt $deadline ]; do
  left=$(squeue -h -j "$job" -t PENDING,RUNNING,SUSPENDED,REQUEUED,COMPLETING -o %i | wc -l)
  [ "$left" -eq 0 ] && break
  sleep 0.2
done
[ "$left" -eq 0 ] || fail "the array job is not done after 90 s: $(scontrol show job "$job")"
states=$(scontrol show job "$job" | grep -o 'JobState=[A-Z]*' | sort | uniq -c | tr -s ' ')
say "array job done:$states"
if echo "$states" | grep -v -q 'JobState=COMPLETED'; then fail "not every task completed:$states"; fi

# --- the checks ------------------------------------------------------------------------------
log="$tmp/logs/kreport-${job}_$victim.log"
grep -q 'restart 1' "$log" || fail "task $victim did not run a second time ($log)"
python3 - "$in" "$tmp/single" "$tmp/out" "$victim_shard" "$done_before" <<'EOF' || fail "shards"
import json, os, sys
in_dir, single, out, victim, done_before = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
def records(root):
    got = {}
    for folder, _, files in os.walk(root):
        for f in files:
            if f.endswith(".json") and not f.startswith("_summary"):
                p = os.path.join(folder, f)
                got[os.path.relpath(p, root)] = open(p, "rb").read()
    return got
want, got = records(single), records(out)
assert want.keys() == got.keys(), (sorted(want.keys() ^ got.keys()))[:5]
diff = [k for k in want if want[k] != got[k]]
assert not diff, f"{len(diff)} records differ, e.g. {diff[0]}"
inputs = [f["input"] for f in json.load(open(os.path.join(single, "_summary.json")))["files"]]
seen = []
for k in (1, 2, 3):
    s = json.load(open(os.path.join(out, f"_summary.{k}-of-3.json")))
    assert s["shard"] == {"index": k, "count": 3} and s["complete"], s
    seen += [f["input"] for f in s["files"]]
    if k == victim:
        # The requeued run skipped what the first had written: the rest it converted.
        assert s["skipped"] >= done_before >= 1, (s["skipped"], done_before)
        assert s["converted"] >= 1, "the requeued task converted nothing: it was not midway"
        print(f"shard {k}: {s['skipped']} up to date from the first run, {s['converted']} converted after the requeue")
assert sorted(seen) == sorted(inputs), "the shards' summaries do not cover every input once"
print(f"{len(got)} records byte-identical to the single batch; {len(inputs)} inputs, each in one shard")
EOF

# Archives: one per task, merged, against the single run's, on the documented questions.
for k in 1 2 3; do
  outputs=$(python3 -c 'import json,sys; print("\n".join(f["output"] for f in json.load(open(sys.argv[1]))["files"] if f["output"]))' \
    "$tmp/out/_summary.$k-of-3.json")
  [ -n "$outputs" ] || continue
  echo "$outputs" | tr '\n' '\0' | xargs -0 "$kreport" index -q --db "$tmp/task$k.sqlite" ||
    fail "index of task $k"
done
"$kreport" index -q "$tmp/single" --db "$tmp/single.sqlite" || fail "index of the single run"
"$kreport" index -q --merge "$tmp/merged.sqlite" "$tmp"/task*.sqlite || fail "merge"
"$kreport" index --merge "$tmp/merged.sqlite" "$tmp"/task*.sqlite 2>&1 | grep -q ' 0 added, 0 replaced' ||
  fail "a second merge changed the archive"
questions=(
  "target-prices 005930" "forecasts 005930 operating_profit 2025" "spread 005930 operating_profit 2025"
  "quarters 005930 operating_profit 2Q25" "revisions 005930" "search HBM" "search 영업이익"
  "text 005930 --section summary" "analyst 박성민"
)
answered=0
for q in "${questions[@]}"; do
  # shellcheck disable=SC2086
  a=$("$kreport" query "$tmp/single.sqlite" $q --format jsonl) || fail "query $q"
  # shellcheck disable=SC2086
  b=$("$kreport" query "$tmp/merged.sqlite" $q --format jsonl) || fail "query $q (merged)"
  [ "$a" = "$b" ] || fail "query $q answers differently on the merged archive"
  [ -n "$a" ] && answered=$((answered + 1))
done
[ "$answered" -ge 5 ] || fail "only $answered of ${#questions[@]} questions have an answer: too little compared"
say "the merged archive answers ${#questions[@]} questions ($answered with rows) as the single run's"
say "ok"
