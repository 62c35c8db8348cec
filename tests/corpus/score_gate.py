#!/usr/bin/env python3
"""Runs ../shared/tools/score.py on every truth file of the real reports and fails below any
bar. The bars are the levels reached (issue 33: all five truth files at today's levels or
better), so nothing slides back; an issue that raises a level raises its bar. Every report is
extracted once (`kreport batch`, two at a time) and score.py reads the records through a
shim, so the five truth files cost one extraction. Exits 77 (skipped) when the real reports
are not beside the repository."""
import os, re, shutil, subprocess, sys, tempfile

# (truth file, score.py --only filter or None, checks that must pass, of how many)
BARS = [
    ("truth.json", None, 684),                         # cover metadata (issues 4, 15, 17, 33)
    ("truth_tables.json", None, 164),                  # the inside (issues 13, 14, 30, 33)
    ("truth_tables.json", "text_contains", 57),        # line breaks and reading order (13)
    ("truth_tables.json", "table_cell", 56),           # the annual table (14, 33)
    ("truth_tables.json", "rating_history~", 51),      # rating histories (14)
    ("truth_estimates.json", None, 56),                # estimates (16, 33)
    ("truth_sections.json", None, 385),                # sections, titles, figures (30, 31, 32)
    ("truth_sections.json", "peers~", 11),             # peer rows of every table of companies (32)
    ("truth_sections.json", "not_in_prose~", 72),      # the sidebar kept out of the prose (30)
    ("truth_sections.json", "figures~", 51),           # figures with their sources (30)
    ("truth_sections.json", "section.summary~", 69),   # the lead summary (31)
    ("truth_sections.json", "document.title~", 69),    # the headline (31)
    ("truth_estimates2.json", None, 156),              # quarters, revisions, consensus (41)
    ("truth_estimates2.json", "quarterly~", 47),
    ("truth_estimates2.json", "revision~", 19),
    ("truth_estimates2.json", "consensus~", 25),
    ("truth_estimates2.json", "previous_target", 41),
    ("truth_estimates2.json", "fiscal_year_end", 24),
]

binary, root = os.path.abspath(sys.argv[1]), sys.argv[2]
shared = os.path.join(os.path.dirname(os.path.abspath(root)), "shared")
score = os.path.join(shared, "tools", "score.py")
pdfs = os.path.join(shared, "real", "pdfs")
if not all(os.path.exists(p) for p in [score, pdfs] + [os.path.join(shared, "real", t)
                                                      for t, _, _ in BARS]):
    print(f"skipped: {shared}/real not present (or not all its truth files)")
    sys.exit(77)

records = tempfile.mkdtemp(prefix="kreport-score-gate-")
try:
    # Failed documents leave no record: score.py counts their checks as failed.
    subprocess.run([binary, "batch", "-q", "-j", "2", pdfs, "-o", records],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shim = os.path.join(records, "extract.sh")
    with open(shim, "w") as f:  # score.py runs `SHIM extract FILE.pdf`
        f.write(f'#!/bin/sh\ncat "{records}/$(basename "$2" .pdf).json" || exit 2\n')
    os.chmod(shim, 0o755)
    failed = False
    for truth, only, bar in BARS:
        args = [sys.executable, score, shim, pdfs, os.path.join(shared, "real", truth)]
        if only:
            args.append(f"--only={only}")
        out = subprocess.run(args, capture_output=True, text=True).stdout
        m = re.search(r"score: (\d+)/(\d+)", out)
        if not m:
            print(f"{truth}: no score line")
            failed = True
            continue
        passed, total = int(m.group(1)), int(m.group(2))
        ok = passed >= bar
        failed |= not ok
        print(f"{truth} {only or 'all'}: {passed}/{total} (bar {bar}) "
              f"{'ok' if ok else 'BELOW THE BAR'}")
        if not ok:
            print(out)
finally:
    shutil.rmtree(records, ignore_errors=True)
sys.exit(1 if failed else 0)
