#!/usr/bin/env bash
# Where kreport spends its time: perf call stacks grouped into pipeline stages.
#
#   bench/profile.sh        needs bench/run.sh to have built bench/work/corpus first
#
# Builds kreport Release + debug info in bench/work/build-prof, records `perf record -g`
# (cpu-clock, DWARF unwinding) for `kreport extract` over every real report and over the
# 1,000-page document, and prints the stage breakdown (bench/perf_groups.py) as Markdown on
# stdout. Needs perf (Debian: linux-perf); a VM without hardware counters is fine.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
WORK=$HERE/work
PROF=$WORK/prof
BUILD=$WORK/build-prof
mkdir -p "$PROF"
command -v perf >/dev/null || { echo "bench/profile.sh: perf is required (linux-perf)" >&2; exit 1; }

cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKREPORT_TESTS=OFF \
  -DKREPORT_WERROR=OFF -DCMAKE_CXX_FLAGS="-g -fno-omit-frame-pointer" >/dev/null
cmake --build "$BUILD" >/dev/null
K=$BUILD/kreport

REAL=${BENCH_REAL:-}
if [ -z "$REAL" ]; then
  for d in /work/shared/real/pdfs "$ROOT/../shared/real/pdfs"; do
    [ -d "$d" ] && { REAL=$d; break; }
  done
fi
DOC1000=$WORK/corpus/p1000/doc1000.pdf
[ -f "$DOC1000" ] || { echo "bench/profile.sh: run bench/run.sh first (no $DOC1000)" >&2; exit 1; }

profile() { # TITLE COMMAND...
  local title=$1; shift
  perf record -q -e cpu-clock -F 1999 --call-graph dwarf,32768 -o "$PROF/perf.data" -- "$@" \
    >/dev/null 2>&1
  perf script -i "$PROF/perf.data" --comm kreport -F comm,period,ip,sym,dso 2>/dev/null |
    /usr/bin/python3 "$HERE/perf_groups.py" --binary "$K" --title "$title"
  rm -f "$PROF/perf.data"
}

if [ -n "$REAL" ]; then
  profile "kreport extract, each of the real reports ($REAL)" \
    bash -c 'for f in "$2"/*.pdf; do "$1" extract -q "$f" -o "$3/r.json"; done' _ "$K" "$REAL" "$PROF"
fi
profile "kreport extract, the 1,000-page document" "$K" extract -q "$DOC1000" -o "$PROF/d.json"
