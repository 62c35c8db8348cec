#!/usr/bin/env bash
# kreport benchmark: pages/s and peak RSS of kreport against other PDF text extractors.
#
#   bench/run.sh            full run (writes bench/RESULTS.md; ~10 minutes on 2 cores)
#   bench/run.sh --smoke    1 repetition on a tiny corpus: checks that every tool runs
#                           and exits 0 (writes bench/out/smoke/RESULTS.md; for CI)
#
# Environment (all optional):
#   KREPORT=path        kreport binary to measure (default: build-bench/kreport, built
#                       here as Release if missing; set KREPORT_REBUILD=1 to rebuild it)
#   BENCH_REPS=5        repetitions of the fast tools (kreport, pdftotext, PyMuPDF)
#   BENCH_SLOW_REPS=1   repetitions of the slow tools (pdfminer.six, OpenDataLoader-PDF)
#   BENCH_SLOW_ALL=0    1: run the slow tools on every corpus (pdfminer.six also on the
#                       real reports, both on the 1,000-page document: +~6 min)
#   BENCH_REAL=dir      folder of real reports (default: /work/shared/real/pdfs or
#                       ../shared/real/pdfs next to the repo; read in place, never copied)
#   BENCH_NO_INSTALL=1  do not apt-get/npm install anything (tools missing are skipped)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
SMOKE=0
for arg in "$@"; do
  case "$arg" in
    --smoke) SMOKE=1 ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown argument: $arg (try --help)" >&2; exit 1 ;;
  esac
done

REPS=${BENCH_REPS:-5}
SLOW_REPS=${BENCH_SLOW_REPS:-1}
SLOW_ALL=${BENCH_SLOW_ALL:-0}
if [ "$SMOKE" = 1 ]; then REPS=1; SLOW_REPS=1; fi

WORK=$HERE/work
OUT=$HERE/out
[ "$SMOKE" = 1 ] && OUT=$HERE/out/smoke   # a smoke run never overwrites a full run's data
CORPUS=$WORK/corpus
SCRATCH=$WORK/scratch
mkdir -p "$WORK" "$OUT" "$CORPUS"
RAW=$OUT/raw.tsv
NOTES=$OUT/notes.txt
: > "$NOTES"
note() { echo "$*" >> "$NOTES"; echo "bench: $*" >&2; }
log() { echo "bench: $*" >&2; }
START_TS=$(date +%s)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------------------------------
# 1. Install what we compare against (Debian packages, npm), if missing.
# ---------------------------------------------------------------------------------------
SUDO=""
if [ "$(id -u)" != 0 ]; then command -v sudo >/dev/null && SUDO="sudo -n"; fi
APT_UPDATED=0
apt_install() {
  [ "${BENCH_NO_INSTALL:-0}" = 1 ] && return 1
  command -v apt-get >/dev/null || return 1
  if [ "$APT_UPDATED" = 0 ]; then
    $SUDO apt-get update -qq >/dev/null 2>&1 || true
    APT_UPDATED=1
  fi
  log "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null 2>&1
}
PY=/usr/bin/python3
missing=()
command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null || missing+=(poppler-utils)
command -v qpdf >/dev/null || missing+=(qpdf)
[ -x /usr/bin/time ] || missing+=(time)
[ -x $PY ] || missing+=(python3)
$PY -c 'import fitz' 2>/dev/null || missing+=(python3-fitz)
$PY -c 'import pdfminer.high_level' 2>/dev/null || missing+=(python3-pdfminer)
if [ ${#missing[@]} -gt 0 ]; then
  apt_install "${missing[@]}" || note "apt-get install ${missing[*]} failed"
fi
for c in pdftotext pdfinfo qpdf; do
  command -v $c >/dev/null || { echo "bench/run.sh: $c is required (poppler-utils, qpdf)" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "bench/run.sh: /usr/bin/time is required (Debian: time)" >&2; exit 1; }

HAVE_FITZ=0; $PY -c 'import fitz' 2>/dev/null && HAVE_FITZ=1
HAVE_PDFMINER=0; $PY -c 'import pdfminer.high_level' 2>/dev/null && HAVE_PDFMINER=1
[ $HAVE_FITZ = 1 ] || note "PyMuPDF (python3-fitz) unavailable: skipped"
[ $HAVE_PDFMINER = 1 ] || note "pdfminer.six (python3-pdfminer) unavailable: skipped"

# OpenDataLoader-PDF: the npm package ships the Java CLI jar.
# No .node folder yet (a clean checkout): no jar, not an error under pipefail.
find_odl_jar() { { find "$HERE/.node/node_modules" -name 'opendataloader-pdf-cli*.jar' 2>/dev/null || true; } | head -n1; }
ODL_JAR=$(find_odl_jar)
if [ -z "$ODL_JAR" ] && [ "${BENCH_NO_INSTALL:-0}" != 1 ]; then
  if command -v npm >/dev/null; then
    log "npm install --prefix bench/.node @opendataloader/pdf"
    if ! npm install --prefix "$HERE/.node" --no-audit --no-fund @opendataloader/pdf > "$OUT/npm.log" 2>&1; then
      note "OpenDataLoader-PDF: npm install failed: $(tail -n1 "$OUT/npm.log")"
    fi
    ODL_JAR=$(find_odl_jar)
  else
    note "OpenDataLoader-PDF: npm not found: skipped"
  fi
fi
HAVE_ODL=0
if [ -n "$ODL_JAR" ]; then
  if command -v java >/dev/null; then
    HAVE_ODL=1
    ODL_VERSION=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$(dirname "$(dirname "$ODL_JAR")")/package.json" | head -n1)
  else
    note "OpenDataLoader-PDF: java not found: skipped"
  fi
elif ! grep -q OpenDataLoader "$NOTES"; then
  note "OpenDataLoader-PDF: jar not found under bench/.node: skipped"
fi

# kreport itself.
BUILD=$ROOT/build-bench
KREPORT=${KREPORT:-$BUILD/kreport}
if [ ! -x "$KREPORT" ] || [ "${KREPORT_REBUILD:-0}" = 1 ]; then
  log "building kreport (Release) in $BUILD"
  # Warnings are not errors here: the benchmark measures, other jobs lint.
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKREPORT_TESTS=OFF \
    -DKREPORT_WERROR=OFF >/dev/null
  cmake --build "$BUILD" >/dev/null
  KREPORT=$BUILD/kreport
fi
KREPORT_VERSION=$("$KREPORT" --version 2>/dev/null | head -n1 || echo "?")

# ---------------------------------------------------------------------------------------
# 2. The corpus.
# ---------------------------------------------------------------------------------------
pages_of() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/{print $2}'; }

# A document of exactly N pages: the fixtures' pages, in order, repeated.
make_concat() { # N OUTFILE
  local want=$1 out=$2 n=0 f p take
  if [ -s "$out" ] && [ "$(pages_of "$out")" = "$want" ]; then return; fi
  local args=()
  while [ $n -lt "$want" ]; do
    for f in "${FIXTURES[@]}"; do
      p=${FPAGES[$f]}; take=$p
      [ $((n + p)) -gt "$want" ] && take=$((want - n))
      [ "$take" -le 0 ] && break
      args+=("$f" "1-$take"); n=$((n + take))
    done
  done
  qpdf --empty --pages "${args[@]}" -- "$out.tmp"
  mv "$out.tmp" "$out"
}

# A document of exactly N pages of the fixtures' table-heavy company-report pages (the
# sidebar tables, annual summaries, peer and rating-history tables), repeated in order.
make_tables() { # N OUTFILE
  local want=$1 out=$2 n=0 i
  if [ -s "$out" ] && [ "$(pages_of "$out")" = "$want" ]; then return; fi
  local args=()
  while [ $n -lt "$want" ]; do
    for i in "${TABLE_PAGES[@]}"; do
      [ $n -lt "$want" ] || break
      args+=("$ROOT/fixtures/${i%:*}.pdf" "${i#*:}"); n=$((n + 1))
    done
  done
  qpdf --empty --pages "${args[@]}" -- "$out.tmp"
  mv "$out.tmp" "$out"
}
TABLE_PAGES=(company_report:1 company_report:2 company_report:3 layout_classes:1 layout_classes:3)

FIXTURES=()
for f in "$ROOT"/fixtures/*.pdf; do FIXTURES+=("$f"); done
[ ${#FIXTURES[@]} -gt 0 ] || { echo "bench/run.sh: no fixtures/*.pdf" >&2; exit 1; }
declare -A FPAGES
for f in "${FIXTURES[@]}"; do FPAGES[$f]=$(pages_of "$f"); done

# Each corpus is a flat folder (kreport batch and OpenDataLoader take the folder).
declare -A CDIR
CORPORA=()
rm -rf "$CORPUS/fixtures"; mkdir -p "$CORPUS/fixtures"
cp "${FIXTURES[@]}" "$CORPUS/fixtures/"
CDIR[fixtures]=$CORPUS/fixtures; CORPORA+=(fixtures)
if [ "$SMOKE" = 1 ]; then
  mkdir -p "$CORPUS/p12"; make_concat 12 "$CORPUS/p12/doc12.pdf"
  CDIR[p12]=$CORPUS/p12; CORPORA+=(p12)
else
  mkdir -p "$CORPUS/p200" "$CORPUS/p1000" "$CORPUS/tables"
  make_concat 200 "$CORPUS/p200/doc200.pdf"
  make_concat 1000 "$CORPUS/p1000/doc1000.pdf"
  make_tables 300 "$CORPUS/tables/tables300.pdf"
  CDIR[p200]=$CORPUS/p200; CDIR[p1000]=$CORPUS/p1000; CDIR[tables]=$CORPUS/tables
  CORPORA+=(p200 p1000 tables)
  REAL=${BENCH_REAL:-}
  if [ -z "$REAL" ]; then
    for d in /work/shared/real/pdfs "$ROOT/../shared/real/pdfs"; do
      [ -d "$d" ] && { REAL=$(cd "$d" && pwd); break; }
    done
  fi
  if [ -n "$REAL" ] && [ -d "$REAL" ]; then
    CDIR[real]=$REAL; CORPORA+=(real)
  else
    note "real reports: no /work/shared/real/pdfs or ../shared/real/pdfs: corpus skipped"
  fi
fi

CORPUS_TSV=$OUT/corpus.tsv
: > "$CORPUS_TSV"
declare -A CFILES
for c in "${CORPORA[@]}"; do
  files=(); pages=0
  while IFS= read -r f; do files+=("$f"); done < <(find "${CDIR[$c]}" -maxdepth 1 -type f -iname '*.pdf' | LC_ALL=C sort)
  for f in "${files[@]}"; do pages=$((pages + $(pages_of "$f"))); done
  bytes=$(cat "${files[@]}" | wc -c)
  printf '%s\t%s\t%s\t%s\t%s\n' "$c" "${#files[@]}" "$pages" "$bytes" "${CDIR[$c]}" >> "$CORPUS_TSV"
  CFILES[$c]=$(printf '%s\n' "${files[@]}")
  cat "${files[@]}" > /dev/null   # warm the page cache
done

# ---------------------------------------------------------------------------------------
# 3. The tools. Each runner gets the corpus folder, its scratch folder and its files.
#    CLIs run once per file (as a user would); the Python libraries and the JVM run once
#    per corpus over all its files (as a library/batch user would).
# ---------------------------------------------------------------------------------------
run_kreport_extract() { local d=$1 s=$2; shift 2
  for f in "$@"; do "$KREPORT" extract -q "$f" -o "$s/$(basename "$f").json" || return $?; done; }
run_kreport_noocr() { local d=$1 s=$2; shift 2
  for f in "$@"; do "$KREPORT" extract -q --ocr off "$f" -o "$s/$(basename "$f").json" || return $?; done; }
run_kreport_noocr_t1() { local d=$1 s=$2; shift 2
  for f in "$@"; do "$KREPORT" extract -q --ocr off --threads 1 "$f" -o "$s/$(basename "$f").json" || return $?; done; }
run_batch_j1() { "$KREPORT" batch -q --force -j 1 "$1" -o "$2"; }
run_batch_j2() { "$KREPORT" batch -q --force -j 2 "$1" -o "$2"; }
run_batch_j2_noocr() { "$KREPORT" batch -q --force -j 2 --ocr off "$1" -o "$2"; }
run_pdftotext_bbox() { local d=$1 s=$2; shift 2
  for f in "$@"; do pdftotext -q -bbox-layout "$f" "$s/out.html" || return $?; done; }
# Two at a time, as `batch -j 2` converts: one process a file, the next file to a free slot.
run_pdftotext_bbox_p2() { local d=$1 s=$2; shift 2
  printf '%s\0' "$@" | xargs -0 -P 2 -I{} pdftotext -q -bbox-layout {} /dev/null; }
run_pdftotext_layout() { local d=$1 s=$2; shift 2
  for f in "$@"; do pdftotext -q -layout "$f" "$s/out.txt" || return $?; done; }
run_pymupdf() { local d=$1 s=$2; shift 2; $PY "$HERE/pymupdf_dict.py" "$@" > "$s/out.txt"; }
run_pdfminer() { local d=$1 s=$2; shift 2; $PY "$HERE/pdfminer_text.py" "$@" > "$s/out.txt"; }
run_odl() { java -jar "$ODL_JAR" -q -f json -o "$2" "$1" > "$2/odl.log" 2>&1; }

# name|runner|label|slow
TOOLS=(
  "kreport-extract|run_kreport_extract|kreport extract (full record, per file)|0"
  "kreport-noocr|run_kreport_noocr|kreport extract --ocr off (text layer only, per file)|0"
  "kreport-noocr-t1|run_kreport_noocr_t1|kreport extract --ocr off --threads 1 (one core, per file)|0"
  "kreport-batch-j1|run_batch_j1|kreport batch -j 1|0"
  "kreport-batch-j2|run_batch_j2|kreport batch -j 2|0"
  "kreport-batch-j2-noocr|run_batch_j2_noocr|kreport batch -j 2 --ocr off|0"
  "pdftotext-bbox|run_pdftotext_bbox|pdftotext -bbox-layout|0"
  "pdftotext-bbox-p2|run_pdftotext_bbox_p2|xargs -P2 pdftotext -bbox-layout (two at a time)|0"
  "pdftotext-layout|run_pdftotext_layout|pdftotext -layout|0"
)
[ $HAVE_FITZ = 1 ] && TOOLS+=("pymupdf|run_pymupdf|PyMuPDF get_text(\"dict\")|0")
[ $HAVE_PDFMINER = 1 ] && TOOLS+=("pdfminer|run_pdfminer|pdfminer.six extract_text|2")
[ $HAVE_ODL = 1 ] && TOOLS+=("odl|run_odl|OpenDataLoader-PDF ${ODL_VERSION:-} (json)|1")

TOOLS_TSV=$OUT/tools.tsv
printf '%s\n' "${TOOLS[@]}" | awk -F'|' '{print $1 "\t" $3 "\t" $4}' > "$TOOLS_TSV"

export -f run_kreport_extract run_kreport_noocr run_kreport_noocr_t1 run_batch_j1 run_batch_j2 \
  run_batch_j2_noocr run_pdftotext_bbox run_pdftotext_bbox_p2 run_pdftotext_layout run_pymupdf \
  run_pdfminer run_odl
export KREPORT PY HERE ODL_JAR

printf 'tool\tcorpus\trep\trc\tseconds\tmaxrss_kb\tcpu_seconds\n' > "$RAW"
measure() { # TOOL RUNNER CORPUS REP
  local tool=$1 runner=$2 c=$3 rep=$4 s="$SCRATCH/$1" tf="$SCRATCH/time.$1" rc=0
  rm -rf "$s"; mkdir -p "$s"
  local files=()
  while IFS= read -r f; do files+=("$f"); done <<< "${CFILES[$c]}"
  # %e elapsed seconds, %M peak RSS (KB) of the largest process in the tree, %U+%S CPU time.
  /usr/bin/time -f '%e %M %U %S' -o "$tf" bash -c "$runner \"\$@\"" _ "${CDIR[$c]}" "$s" "${files[@]}" \
    > "$s/stdout" 2> "$s/stderr" || rc=$?
  local secs rss usr sys
  read -r secs rss usr sys < <(grep -E '^[0-9.]+ [0-9]+ [0-9.]+ [0-9.]+$' "$tf" | tail -n1) || true
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$c" "$rep" "$rc" "${secs:-0}" "${rss:-0}" \
    "$(awk -v u="${usr:-0}" -v s="${sys:-0}" 'BEGIN { printf "%.2f", u + s }')" >> "$RAW"
  if [ "$rc" != 0 ]; then
    log "  $tool on $c: exit $rc: $(head -c 300 "$s/stderr" | tr '\n' ' ')"
  else
    log "  $tool on $c rep $rep: ${secs}s ${rss}KB"
  fi
}

ntools=${#TOOLS[@]}
for rep in $(seq 1 "$REPS"); do
  log "repetition $rep/$REPS"
  for c in "${CORPORA[@]}"; do
    # Rotate the tool order every repetition so background load hits them alike.
    for i in $(seq 0 $((ntools - 1))); do
      IFS='|' read -r name runner label slow <<< "${TOOLS[$(( (i + rep - 1) % ntools ))]}"
      # Slow tools: fewer repetitions; level 1 skips the 1,000-page and table documents, level 2
      # (pure-Python pdfminer.six, ~3 pages/s) also the real reports, unless BENCH_SLOW_ALL=1.
      if [ "$slow" != 0 ]; then
        [ "$rep" -le "$SLOW_REPS" ] || continue
        if [ "$SLOW_ALL" != 1 ]; then
          [ "$c" = p1000 ] || [ "$c" = tables ] && continue
          [ "$slow" = 2 ] && [ "$c" = real ] && continue
        fi
      fi
      measure "$name" "$runner" "$c" "$rep"
    done
  done
done
rm -rf "$SCRATCH"

# ---------------------------------------------------------------------------------------
# 4. RESULTS.md
# ---------------------------------------------------------------------------------------
END_TS=$(date +%s)
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
if [ "$SMOKE" = 1 ]; then RESULTS=$OUT/RESULTS.md; else RESULTS=$HERE/RESULTS.md; fi
$PY "$HERE/report.py" --raw "$RAW" --corpus "$CORPUS_TSV" --tools "$TOOLS_TSV" \
  --notes "$NOTES" --out "$RESULTS" --smoke "$SMOKE" --reps "$REPS" --slow-reps "$SLOW_REPS" \
  --load-start "$LOAD_START" --load-end "$LOAD_END" --seconds $((END_TS - START_TS)) \
  --kreport "$KREPORT_VERSION" --slow-all "$SLOW_ALL"
log "wrote $RESULTS ($((END_TS - START_TS)) s)"

# Every tool must have run and exited 0.
if awk -F'\t' 'NR > 1 && $4 != 0 { bad = 1 } END { exit !bad }' "$RAW"; then
  echo "bench/run.sh: some tools failed (see $RAW)" >&2
  exit 1
fi
