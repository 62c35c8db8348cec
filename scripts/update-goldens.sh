#!/usr/bin/env bash
# Regenerates tests/golden/*.json (and their Markdown, *.md) from the fixtures with the current build. Run it after an
# intended change of output, then read `git diff tests/golden` as a reviewer would.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${KREPORT_BIN:-build/kreport}
mkdir -p tests/golden
for pdf in fixtures/*.pdf fixtures/odd/*.pdf; do
  name=$(basename "${pdf%.pdf}")
  if "$bin" extract -q --pretty "$pdf" >"tests/golden/$name.json.tmp" 2>/dev/null; then
    mv "tests/golden/$name.json.tmp" "tests/golden/$name.json"
    echo "updated tests/golden/$name.json"
    # The Markdown view, from the record just written (render gives extract --format md's bytes).
    "$bin" render --format md "tests/golden/$name.json" >"tests/golden/$name.md"
  else
    rm -f "tests/golden/$name.json.tmp"
    echo "skipped $pdf (rejected: an error fixture, tested in tests/e2e/cli_test.cc)"
  fi
done

# The golden pictures of `kreport show` (tests/e2e/show_test.cc kGoldenPages): PNG and SVG.
mkdir -p tests/golden/show
for page in company_report:1 regions_classes:2; do
  name=${page%:*} n=${page#*:}
  for ext in png svg; do
    "$bin" show -q "fixtures/$name.pdf" --page "$n" -o "tests/golden/show/$name.p$n.$ext"
    echo "updated tests/golden/show/$name.p$n.$ext"
  done
done
