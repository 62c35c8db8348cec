#!/usr/bin/env bash
# Builds the fuzz preset and runs libFuzzer on kreport::extract + kreport::to_json.
# Usage: fuzz/run.sh [SECONDS=600] [JOBS=1]
#   Runs in libFuzzer's fork mode, so a crash, timeout or OOM is saved under fuzz/artifacts/
#   and fuzzing goes on. The corpus grows in fuzz/corpus/ (kept between runs; seeded each run
#   from fixtures/). Ends with a summary of what was found.
# On a shared machine: nice -n 19 fuzz/run.sh 1860 1
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-600}
jobs=${2:-1}

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
fuzzer=$root/build-fuzz/fuzz/extract_fuzzer

# Seeds: a copy of every fixture, in a scratch dir that goes away at the end.
seeds=$(mktemp -d "${TMPDIR:-/tmp}/kreport-fuzz-seeds.XXXXXX")
trap 'rm -rf "$seeds"' EXIT
n=0
for f in fixtures/*.pdf fixtures/odd/*.pdf fixtures/broken/*.pdf; do
  [ -f "$f" ] || continue
  cp "$f" "$seeds/$(basename "$(dirname "$f")")_$(basename "$f")"
  n=$((n + 1))
done
# Plus a few small uncompressed broker-report-like PDFs (see make_seeds.py): mutations of
# those reach content streams and ToUnicode maps instead of breaking zlib.
if command -v python3 >/dev/null; then
  python3 fuzz/make_seeds.py "$seeds"
  n=$(ls "$seeds" | wc -l)
fi
mkdir -p fuzz/corpus fuzz/artifacts
echo "run.sh: $n seed(s), corpus fuzz/corpus ($(ls fuzz/corpus | wc -l) file(s)), ${seconds}s, $jobs job(s)" >&2

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:symbolize=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/fuzz/lsan.supp:print_suppressions=0}

# Every seed must pass before fuzzing: a build that crashes on a fixture (a bug on main, or a
# build torn by sources edited while it compiled) would only fill artifacts/ with that crash.
if ! "$fuzzer" -artifact_prefix="$seeds/" "$seeds"/* >"$seeds.check" 2>&1; then
  grep -m1 -E '^SUMMARY:|^extract_fuzzer: ' "$seeds.check" >&2 || tail -5 "$seeds.check" >&2
  grep '^Running: ' "$seeds.check" | tail -1 >&2
  echo "run.sh: a seed fails before any fuzzing (above); fix or rebuild first" >&2
  rm -f "$seeds.check"
  exit 1
fi
rm -f "$seeds.check"

log=fuzz/artifacts/run-$(date +%Y%m%d-%H%M%S).log
before=$(ls fuzz/artifacts | grep -cE '^(crash|timeout|oom|leak|slow-unit)-' || true)
start=$(date +%s)
cputime=$(mktemp)
timer=()
[ -x /usr/bin/time ] && timer=(/usr/bin/time -f "%U %S" -o "$cputime")
set +e
"${timer[@]}" "$fuzzer" fuzz/corpus "$seeds" \
  -dict=fuzz/pdf.dict \
  -fork="$jobs" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=300000 \
  -artifact_prefix=fuzz/artifacts/ -print_final_stats=1 -print_funcs=0 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
elapsed=$(( $(date +%s) - start ))

echo
echo "=== summary ==="
echo "wall time: ${elapsed}s; fuzzer exit status: $status; log: $log"
if [ -s "$cputime" ]; then
  awk '{printf "CPU time of the fuzzer and its workers: %.1f min (user %ss, sys %ss)\n", ($1+$2)/60, $1, $2}' "$cputime"
fi
rm -f "$cputime"
grep -E '^#[0-9]+:? .*cov: ' "$log" | tail -1 | sed 's/^/last status: /' || true
grep -E '^stat::number_of_executed_units' "$log" | tail -1 || true
echo "corpus: $(ls fuzz/corpus | wc -l) file(s), $(du -sh fuzz/corpus | cut -f1)"
after=$(ls fuzz/artifacts | grep -cE '^(crash|timeout|oom|leak|slow-unit)-' || true)
echo "artifacts: $((after - before)) new, $after in fuzz/artifacts/"
for kind in crash timeout oom leak; do
  c=$(ls fuzz/artifacts | grep -c "^$kind-" || true)
  [ "$c" -gt 0 ] && echo "  $kind: $c"
done
# One line per crash artifact: what it is, from a re-run (timeouts and OOMs are not re-run).
for a in fuzz/artifacts/crash-* fuzz/artifacts/leak-*; do
  [ -f "$a" ] || continue
  why=$(timeout 60 "$fuzzer" "$a" -runs=1 2>&1 |
        grep -m1 -E '^SUMMARY:|extract_fuzzer: |^==[0-9]+==ERROR' || echo "did not reproduce")
  echo "  $(basename "$a"): $why"
done
