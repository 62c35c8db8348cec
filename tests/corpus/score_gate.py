#!/usr/bin/env python3
"""Runs ../shared/tools/score.py against the real reports and fails below any bar. The bars
are the issues' acceptance levels (or, where an issue is still open, the level reached, so
nothing slides back). Exits 77 (skipped) when the real reports are not beside the repository."""
import os, re, subprocess, sys

# (truth file, score.py --only filter or None, checks that must pass)
BARS = [
    ("truth.json", None, 324),                     # cover metadata (issue 4, 15, 17)
    ("truth_tables.json", "text_contains", 32),    # line breaks and reading order (issue 13)
    ("truth_tables.json", "table_cell", 31),       # the annual table (issue 14)
    ("truth_tables.json", "rating_history~", 27),  # rating history (issue 14)
    ("truth_estimates.json", None, 31),            # estimates (issue 16)
    ("truth_estimates2.json", None, 140),          # quarters, revisions, consensus (issue 41)
    ("truth_estimates2.json", "quarterly~", 47),
    ("truth_estimates2.json", "revision~", 19),
    ("truth_estimates2.json", "consensus~", 25),
    ("truth_estimates2.json", "previous_target", 41),
    ("truth_estimates2.json", "fiscal_year_end", 24),
]

binary, root = sys.argv[1], sys.argv[2]
shared = os.path.join(os.path.dirname(root), "shared")
score = os.path.join(shared, "tools", "score.py")
pdfs = os.path.join(shared, "real", "pdfs")
if not all(os.path.exists(p) for p in (score, pdfs)):
    print(f"skipped: {shared}/real not present")
    sys.exit(77)

failed = False
for truth, only, bar in BARS:
    args = [sys.executable, score, binary, pdfs, os.path.join(shared, "real", truth)]
    if only:
        args.append(f"--only={only}")
    out = subprocess.run(args, capture_output=True, text=True).stdout
    m = re.search(r"score: (\d+)/(\d+)", out)
    if not m:
        sys.exit(f"{truth}: no score line")
    passed, total = int(m.group(1)), int(m.group(2))
    ok = passed >= bar
    failed |= not ok
    print(f"{truth} {only or 'all'}: {passed}/{total} (bar {bar}) {'ok' if ok else 'BELOW THE BAR'}")
    if not ok:
        print(out)
sys.exit(1 if failed else 0)
