#!/usr/bin/env python3
"""The character error rate of kreport's OCR against /ActualText, and its CPU per page.

  bench/ocr/cer.py KREPORT PDF_DIR [--out results.tsv]

Every PDF in PDF_DIR is extracted with KREPORT_OCR_BENCH set (src/load/ocr_bench.h): the image
runs a page reads from /ActualText are read by OCR instead, and for each line region the exact
text and the OCR text are written out, with the CPU seconds each page's OCR took. Reports
without /ActualText runs write nothing and are left out. CER is the edit distance between the
two over the length of the exact text, with white space removed from both (spacing is scored
apart: Word's runs carry no reliable spaces at line ends). One process, one thread per report
(--threads 1), so CPU time is the engine's alone. Python 3 stdlib only."""
import argparse, os, subprocess, sys, tempfile, time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor


def distance(a, b):
    """Levenshtein distance (insertions, deletions, substitutions), O(len(a) * len(b))."""
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def squeeze(s):
    return "".join(s.split())


def is_digitish(s):
    t = squeeze(s)
    return t != "" and sum(c.isdigit() or c in ",.%-+()" for c in t) == len(t) and any(c.isdigit() for c in t)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kreport")
    ap.add_argument("pdfs")
    ap.add_argument("--out", help="keep every region's exact and OCR text here (TSV)")
    ap.add_argument("-j", type=int, default=2, help="reports converted at once (CPU is per process)")
    args = ap.parse_args()
    files = sorted(f for f in os.listdir(args.pdfs) if f.lower().endswith(".pdf"))
    total = defaultdict(lambda: [0, 0, 0, 0.0, 0, 0])  # group -> chars, errors, regions, cpu, pages, full pages
    rows = []
    numbers = [0, 0]  # number regions read exactly, of all
    full_cpu = []  # CPU of pages with a full page of text (>= FULL_PAGE chars)
    wall = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        def run(name):
            bench = os.path.join(tmp, name + ".tsv")
            env = dict(os.environ, KREPORT_OCR_BENCH=bench)
            subprocess.run([args.kreport, "extract", "-q", "--threads", "1", "--timeout", "0",
                            os.path.join(args.pdfs, name), "-o", "/dev/null"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with ThreadPoolExecutor(args.j) as pool:
            list(pool.map(run, files))
        for name in files:
            bench = os.path.join(tmp, name + ".tsv")
            if not os.path.exists(bench):
                continue
            group = name.split("_")[0] + "_" + name.split("_")[1][:4]
            page_chars = defaultdict(int)
            for line in open(bench, encoding="utf-8"):
                f = line.rstrip("\n").split("\t")
                if f[0] == "R":
                    want, got = squeeze(f[6]), squeeze(f[7])
                    if not want:
                        continue
                    d = distance(want, got)
                    t = total[group]
                    t[0] += len(want); t[1] += d; t[2] += 1
                    page_chars[f[1]] += len(want)
                    rows.append((name, f[1], f[6], f[7], d))
                    if is_digitish(f[6]):
                        numbers[1] += 1
                        numbers[0] += want == got
                elif f[0] == "P":
                    t = total[group]
                    t[3] += float(f[3]); t[4] += 1
                    if page_chars[f[1]] >= FULL_PAGE:
                        t[5] += 1
                        full_cpu.append(float(f[3]))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as o:
            for r in rows:
                o.write("\t".join(str(x) for x in r) + "\n")
    print("| reports | regions | characters | CER | CPU s/page (pages) |")
    print("|---|---|---|---|---|")
    all_t = [0, 0, 0, 0.0, 0, 0]
    for g in sorted(total):
        t = total[g]
        for k in range(6):
            all_t[k] += t[k]
        print(f"| {g} | {t[2]} | {t[0]} | {100 * t[1] / max(1, t[0]):.2f}% | {t[3] / max(1, t[4]):.2f} ({t[4]}) |")
    print(f"| **all** | {all_t[2]} | {all_t[0]} | **{100 * all_t[1] / max(1, all_t[0]):.2f}%** | "
          f"{all_t[3] / max(1, all_t[4]):.2f} ({all_t[4]}) |")
    if full_cpu:
        full_cpu.sort()
        print(f"\nCPU per full page (>= {FULL_PAGE} characters of image text, {len(full_cpu)} pages): "
              f"mean {sum(full_cpu) / len(full_cpu):.2f} s, median {full_cpu[len(full_cpu) // 2]:.2f} s, "
              f"max {full_cpu[-1]:.2f} s")
    print(f"number-only regions read exactly: {numbers[0]}/{numbers[1]}")
    print(f"(wall {time.time() - wall:.0f} s)", file=sys.stderr)


FULL_PAGE = 600

if __name__ == "__main__":
    main()
