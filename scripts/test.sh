#!/usr/bin/env bash
# Runs every test: set-up and build, formatting and lint, the dev test suite (unit, end-to-end, and the real-report
# corpus when ../shared/real exists), the page reading on two threads under ThreadSanitizer,
# then the suite under ASan+UBSan.
# Usage: scripts/test.sh [--no-asan]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh dev
scripts/lint.sh
ctest --preset dev -j 2

# Only the reading runs on several threads: preset tsan builds it alone (tests/tsan).
scripts/setup.sh tsan
TSAN_OPTIONS=halt_on_error=1 ctest --preset tsan -j 2

# Under ASan+UBSan: every test but those of the process's life (deadlines, kills, resumed
# batches, README's examples as typed: preset asan names them), which wait on clocks and
# re-run conversions other tests run; they take a quarter of the sanitized suite's time.
if [ "${1:-}" != "--no-asan" ]; then
  scripts/setup.sh asan
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --preset asan -j 2
fi
