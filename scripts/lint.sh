#!/usr/bin/env bash
# Formatting and lint, as CI checks them: every tracked C++ file formatted by .clang-format,
# and the few .clang-tidy checks (all errors) clean on every source file of the library and
# the CLI. Needs build/compile_commands.json (scripts/setup.sh dev makes it).
# Usage: scripts/lint.sh [FILE...]   (default: every tracked file)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -gt 0 ]; then files=("$@"); else mapfile -t files < <(git ls-files '*.cc' '*.h'); fi
clang-format --dry-run -Werror "${files[@]}"

# clang-tidy reads the units the build compiles (scripts/lint_units.py): with the unity build a
# batch of sources, each source checked once and the headers they share parsed once a batch.
sources=()
for f in "${files[@]}"; do [[ $f == src/*.cc ]] && sources+=("$f"); done
[ ${#sources[@]} -eq 0 ] && exit 0
if [ $# -gt 0 ]; then units=("${sources[@]}"); else units=(); fi
mapfile -t units < <(python3 scripts/lint_units.py build/compile_commands.json "${units[@]}")
# g++ flags clang does not know (-Wno-restrict) are no finding of ours.
printf '%s\n' "${units[@]}" |
  xargs -P 2 -n 1 clang-tidy -p build --quiet --extra-arg=-Wno-unknown-warning-option 2>&1 |
  sed '/warnings\{0,1\} generated\.$/d'  # counts of warnings in system headers, not shown
echo "lint: ${#files[@]} files formatted, ${#sources[@]} sources clean (${#units[@]} units)" >&2
