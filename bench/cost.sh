#!/bin/bash
# CPU seconds (user+sys) of two kreport builds and of pdftotext -bbox-layout over a folder of
# PDFs, one process a file, interleaved file by file so that background load hits all three
# alike. kreport runs as `extract -q --ocr off --threads 1`: one core, the text layer, the
# same work pdftotext does plus kreport's own.
#   bench/cost.sh BIN_A BIN_B [DIR]     DIR: default /work/shared/real/pdfs
#   bench/cost.sh --batch BIN [DIR]     `batch -j 1 --ocr off` against a loop of the extract
#                                       above (what batch adds, or saves, per document)
set -euo pipefail
T=$(mktemp)
O=$(mktemp -d)
trap 'rm -rf "$T" "$O"' EXIT
cpu() { /usr/bin/time -f "%U %S" -o "$T" "$@" >/dev/null 2>&1; awk '{print $1+$2}' "$T"; }
if [ "${1:-}" = --batch ]; then
  B=$2; DIR=${3:-/work/shared/real/pdfs}
  loop() { for f in "$DIR"/*.pdf; do "$B" extract -q --ocr off --threads 1 "$f" -o "$O/x.json"; done; }
  export -f loop; export B DIR O
  tb=$(cpu "$B" batch -q --force -j 1 --ocr off "$DIR" -o "$O/b")
  tl=$(cpu bash -c loop)
  echo "batch -j 1 = $tb s  extract loop = $tl s  batch/loop = $(echo "scale=3; $tb/$tl" | bc)"
  exit 0
fi
A=$1; B=$2; DIR=${3:-/work/shared/real/pdfs}
ta=0; tb=0; tp=0
for f in "$DIR"/*.pdf; do
  ta=$(echo "$ta+$(cpu "$A" extract -q --ocr off --threads 1 "$f")" | bc)
  tp=$(echo "$tp+$(cpu pdftotext -bbox-layout "$f" /dev/null)" | bc)
  tb=$(echo "$tb+$(cpu "$B" extract -q --ocr off --threads 1 "$f")" | bc)
done
echo "A=$ta s  B=$tb s  pdftotext=$tp s  ratioA(pdftotext/A)=$(echo "scale=3;$tp/$ta"|bc)  ratioB=$(echo "scale=3;$tp/$tb"|bc)"
