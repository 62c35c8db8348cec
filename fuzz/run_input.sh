#!/usr/bin/env bash
# Runs libFuzzer on what validate, index and query read besides PDFs (issue 40):
#   fuzz/run_input.sh records [SECONDS=600]   the record reader (records_fuzzer.cc)
#   fuzz/run_input.sh query   [SECONDS=600]   query's arguments (query_fuzzer.cc)
# Builds the fuzz preset, seeds from make_input_seeds.py, keeps the corpus in
# fuzz/corpus-HARNESS/ and findings in fuzz/artifacts/ (both git-ignored), and ends with the
# CPU time spent and what was found. One job (-fork=1): on a shared machine run it with
# nice -n 19.
set -euo pipefail
cd "$(dirname "$0")/.."
harness=${1:?records or query}
seconds=${2:-600}
case $harness in
  records) max_len=65536 dict=(-dict=fuzz/json.dict) ;;
  query) max_len=2048 dict=() ;;
  *) echo "run_input.sh: records or query, not $harness" >&2; exit 1 ;;
esac
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "${harness}_fuzzer"
fuzzer=$PWD/build-fuzz/fuzz/${harness}_fuzzer

seeds=$(mktemp -d "${TMPDIR:-/tmp}/kreport-fuzz-$harness-seeds.XXXXXX")
trap 'rm -rf "$seeds"' EXIT
python3 fuzz/make_input_seeds.py "$harness" "$seeds"
corpus=fuzz/corpus-$harness
mkdir -p "$corpus" fuzz/artifacts
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:symbolize=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/fuzz/lsan.supp:print_suppressions=0}
# Every seed must pass first (a torn build would only fill artifacts/ with one crash).
"$fuzzer" "$seeds"/* >/dev/null 2>&1 || {
  echo "run_input.sh: a seed fails before any fuzzing; rebuild or fix first" >&2
  exit 1
}

log=fuzz/artifacts/run-$harness-$(date +%Y%m%d-%H%M%S).log
cputime=$(mktemp)
start=$(date +%s)
set +e
/usr/bin/time -f "%U %S" -o "$cputime" "$fuzzer" "$corpus" "$seeds" "${dict[@]}" \
  -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
  -artifact_prefix=fuzz/artifacts/"$harness"- -print_final_stats=1 >"$log" 2>&1
status=$?
set -e
echo "=== $harness: wall $(( $(date +%s) - start )) s, fuzzer exit $status, log $log"
tail -1 "$cputime" | awk '{printf "CPU time: %.1f min (user %s s, sys %s s)\n", ($1+$2)/60, $1, $2}'
rm -f "$cputime"
grep -E '^#[0-9]+:? .*cov: ' "$log" | tail -1 | sed 's/^/last status: /' || true
grep -E '^stat::number_of_executed_units' "$log" | tail -1 || true
echo "corpus: $(ls "$corpus" | wc -l) file(s), $(du -sh "$corpus" | cut -f1)"
ls fuzz/artifacts | grep -E "^$harness-(crash|timeout|oom|leak)-" || echo "findings: none"
