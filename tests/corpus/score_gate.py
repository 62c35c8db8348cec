#!/usr/bin/env python3
"""Runs ../shared/tools/score.py against the real reports and fails below the bar (95% of
the checks). Exits 77 (skipped) when the real reports are not beside the repository."""
import os, re, subprocess, sys

BAR = 0.95
binary, root = sys.argv[1], sys.argv[2]
shared = os.path.join(os.path.dirname(root), "shared")
score = os.path.join(shared, "tools", "score.py")
pdfs, truth = os.path.join(shared, "real", "pdfs"), os.path.join(shared, "real", "truth.json")
if not all(os.path.exists(p) for p in (score, pdfs, truth)):
    print(f"skipped: {shared}/real not present")
    sys.exit(77)
out = subprocess.run([sys.executable, score, binary, pdfs, truth], capture_output=True, text=True).stdout
print(out)
m = re.search(r"score: (\d+)/(\d+)", out)
if not m:
    sys.exit("no score line")
passed, total = int(m.group(1)), int(m.group(2))
print(f"{passed}/{total} = {passed / total:.3f} (bar {BAR})")
sys.exit(0 if passed >= BAR * total else 1)
