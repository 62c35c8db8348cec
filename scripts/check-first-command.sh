#!/usr/bin/env bash
# The README's first command, as a newcomer types it: read from README.md ("## Two commands",
# its first ```sh block), run verbatim from the root of this checkout, and its standard output
# must be exactly one record that `kreport validate` accepts. CI (.ci/run) runs this on its
# clean clone before the tests, so that command is what sets the machine up and builds it.
# On a clean clone of your own: git clone REPO /tmp/k && /tmp/k/scripts/check-first-command.sh
set -euo pipefail
cd "$(dirname "$0")/.."

command=$(awk '/^## Two commands/ { section = 1 }
               section && /^```sh/ { getline; print; exit }' README.md)
if [ -z "$command" ]; then
  echo "check-first-command: no \`\`\`sh block under \"## Two commands\" in README.md" >&2
  exit 1
fi
echo "check-first-command: $command" >&2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
if ! bash -c "$command" >"$out"; then
  echo "check-first-command: the command failed" >&2
  exit 1
fi
# One record: one JSON value, whatever its indentation (validate reads a file as one record
# when it is one JSON document), and nothing else on stdout.
if ! python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$out" 2>/dev/null; then
  echo "check-first-command: stdout is not one JSON document; it starts:" >&2
  head -c 300 "$out" >&2
  exit 1
fi
build/kreport validate "$out"
