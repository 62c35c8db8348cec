#!/usr/bin/env python3
"""The translation units clang-tidy reads for the library, the CLI and the OCR module, from
build/compile_commands.json. With the unity build (the default) a unit is a batch that
includes several sources: checking the batch checks each of them once, and the headers they
share are parsed once a batch instead of once a file.

Usage: lint_units.py COMPILE_COMMANDS [SOURCE...]
With SOURCEs (paths relative to the repository), only the units that compile them."""
import json
import os
import re
import sys

db, wanted = sys.argv[1], {os.path.abspath(p) for p in sys.argv[2:]}
root = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
units = []
for entry in json.load(open(db)):
    unit = os.path.join(entry["directory"], entry["file"])
    if os.path.sep + "Unity" + os.path.sep in unit:
        text = open(unit).read()
        sources = [os.path.abspath(p) for p in re.findall(r'#include "([^"]+)"', text)]
    else:
        sources = [os.path.abspath(unit)]
    sources = [s for s in sources if s.startswith(os.path.join(root, "src") + os.path.sep)]
    if sources and (not wanted or wanted & set(sources)):
        units.append(unit)
print("\n".join(sorted(set(units))))
