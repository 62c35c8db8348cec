#!/usr/bin/env bash
# Formatting and lint, as CI checks them: every tracked C++ file formatted by .clang-format,
# and the few .clang-tidy checks (all errors) clean on every source file of the library and
# the CLI. Needs build/compile_commands.json (scripts/setup.sh dev makes it).
# Usage: scripts/lint.sh [FILE...]   (default: every tracked file)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -gt 0 ]; then files=("$@"); else mapfile -t files < <(git ls-files '*.cc' '*.h'); fi
clang-format --dry-run -Werror "${files[@]}"

sources=()
for f in "${files[@]}"; do [[ $f == src/*.cc ]] && sources+=("$f"); done
[ ${#sources[@]} -eq 0 ] && exit 0
# g++ flags clang does not know (-Wno-restrict) are no finding of ours.
printf '%s\n' "${sources[@]}" |
  xargs -P 2 -n 4 clang-tidy -p build --quiet --extra-arg=-Wno-unknown-warning-option 2>&1 |
  sed '/warnings\{0,1\} generated\.$/d'  # counts of warnings in system headers, not shown
echo "lint: ${#files[@]} files formatted, ${#sources[@]} sources clean" >&2
