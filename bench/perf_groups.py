#!/usr/bin/python3
"""Group `perf script` call stacks of kreport into pipeline stages (stdlib only).

Usage: perf script -i perf.data --comm kreport -F comm,period,ip,sym,dso | \
         perf_groups.py --binary path/to/kreport [--title TEXT] [--top N]

The binary must have debug info (-g): kreport frames are resolved to source files with one
`addr2line -f -i -C` call, inlined functions included. Each sample goes to the innermost
stage of ours on its stack (src/layout, src/normalize, src/segment + src/extract,
src/record); failing that, to poppler if poppler is on the stack, to process start-up if the
dynamic loader is, else to "other". Prints Markdown: the stage table, the top functions of
ours by inclusive share, and the top self (leaf) symbols.
"""
import argparse
import collections
import re
import subprocess
import sys

STAGES = [
    ("poppler", "poppler text extraction (TextOutputDev, parsing, fonts)"),
    ("layout", "our layout (src/layout)"),
    ("normalize", "normalization (ICU, src/normalize)"),
    ("segment", "segmentation/regex (src/segment, src/extract)"),
    ("record", "JSON writing (src/record)"),
    ("startup", "process start-up (dynamic loader, static init)"),
    ("other", "other (read file, SHA-256, malloc/free in the driver, kernel)"),
]
SRC_STAGE = [
    ("/src/layout/", "layout"),
    ("/src/normalize/", "normalize"),
    ("/src/segment/", "segment"),
    ("/src/extract/", "segment"),
    ("/src/record/", "record"),
]


def parse_samples(stream):
    samples = []
    cur = None
    for line in stream:
        if not line.strip():
            if cur is not None:
                samples.append(cur)
            cur = None
            continue
        if not line[0].isspace():
            parts = line.split()
            period = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
            cur = (period, [])
            continue
        m = re.match(r"\s*([0-9a-f]+)\s+(.*)\s+\((.*)\)\s*$", line)
        if m and cur is not None:
            cur[1].append((int(m.group(1), 16), m.group(2).strip(), m.group(3)))
    if cur is not None:
        samples.append(cur)
    return samples


def resolve(binary, ips):
    """ip -> [(function, file)] innermost first, via addr2line -i."""
    ips = sorted(ips)
    out = {}
    if not ips:
        return out
    text = subprocess.run(["addr2line", "-a", "-f", "-i", "-C", "-e", binary],
                          input="\n".join(hex(i) for i in ips), capture_output=True,
                          text=True).stdout.splitlines()
    cur = None
    i = 0
    while i < len(text):
        line = text[i]
        if line.startswith("0x"):
            cur = int(line, 16)
            out[cur] = []
            i += 1
            continue
        func = line
        loc = text[i + 1] if i + 1 < len(text) else "??"
        out.setdefault(cur, []).append((func, loc.split(":")[0]))
        i += 2
    return out


def short(name):
    name = re.sub(r"\[abi:cxx11\]", "", name)
    name = re.sub(r"std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >",
                  "std::string", name)
    name = re.sub(r"std::basic_string_view<char, std::char_traits<char> >", "std::string_view", name)
    name = re.sub(r"\(anonymous namespace\)::", "", name)
    return name[:140]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--title", default="")
    ap.add_argument("--top", type=int, default=12)
    args = ap.parse_args()

    samples = parse_samples(sys.stdin)
    bin_base = args.binary.rsplit("/", 1)[-1]
    ips = {ip for _, frames in samples for ip, _, dso in frames if dso.endswith("/" + bin_base)}
    table = resolve(args.binary, ips)

    total = 0
    stage = collections.Counter()
    ours_incl = collections.Counter()
    self_cost = collections.Counter()
    for period, frames in samples:
        total += period
        expanded = []  # (func, file or dso)
        last_ip = None
        for ip, sym, dso in frames:
            if dso.endswith("/" + bin_base):
                if ip == last_ip:
                    continue  # perf repeats the ip for each inlined frame; addr2line has the chain
                last_ip = ip
                chain = table.get(ip) or [(sym, "?")]
                expanded.extend(chain)
            else:
                last_ip = None
                expanded.append((sym, dso))
        if expanded:
            self_cost[(short(expanded[0][0]), expanded[0][1].rsplit("/", 1)[-1])] += period
        cat = None
        for func, where in expanded:
            for prefix, st in SRC_STAGE:
                if prefix in where:
                    cat = st
                    break
            if cat:
                break
        if cat is None:
            wheres = " ".join(w for _, w in expanded)
            funcs = " ".join(f for f, _ in expanded)
            if "libpoppler" in wheres:
                cat = "poppler"
            elif ("ld-linux" in wheres or "_dl_" in funcs or "__libc_start_main" not in funcs
                  or "_GLOBAL__sub_I" in funcs or "__libc_csu_init" in funcs or "call_init" in funcs):
                cat = "startup"
            else:
                cat = "other"
        stage[cat] += period
        seen = set()
        for func, where in expanded:
            if "/src/" in where and func not in seen:
                seen.add(func)
                ours_incl[(short(func), where.split("/src/", 1)[1])] += period

    pct = lambda v: 100.0 * v / total if total else 0.0
    if args.title:
        print(f"#### {args.title}\n")
    print(f"{len(samples)} samples.\n")
    print("| stage | share |")
    print("|---|---:|")
    for key, label in STAGES:
        print(f"| {label} | {pct(stage[key]):.1f}% |")
    print()
    skip = {"main", "kreport::cli::run_extract", "kreport::extract"}
    print("Top functions of ours, inclusive (share of samples with the function on the stack):\n")
    print("| function | file | inclusive |")
    print("|---|---|---:|")
    n = 0
    for (func, f), v in ours_incl.most_common():
        base = func.split("(")[0]
        if base in skip or f.startswith("cli/"):
            continue
        print(f"| `{func}` | src/{f} | {pct(v):.1f}% |")
        n += 1
        if n >= args.top:
            break
    print()
    print("Top self (leaf) symbols, any library:\n")
    print("| symbol | object | self |")
    print("|---|---|---:|")
    for (func, where), v in self_cost.most_common(args.top):
        print(f"| `{func}` | {where} | {pct(v):.1f}% |")
    print()


if __name__ == "__main__":
    main()
