#!/usr/bin/env python3
"""Seeds for the record reader (records_fuzzer) and query's arguments (query_fuzzer).
Usage: make_input_seeds.py records|query OUTDIR
  records: every golden record as written (indented) and compact, three of them as JSON Lines
           (with a blank line and CRLF endings), and the edge cases the reader and validator
           bound: an empty file, one record nested 65 deep, a key given twice, a cut record.
  query:   for each named query (by its index in `kreport query --help`'s order) arguments
           that answer something on the golden archive, plus dates, limits and a bad name.
           Layout (query_fuzzer.cc): byte 0 the query, byte 1 the limit, then NUL-separated
           --since, --until and the arguments."""
import glob, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = sorted(glob.glob(os.path.join(HERE, "..", "tests", "golden", "*.json")))


def write(outdir, name, data):
    with open(os.path.join(outdir, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def records(outdir):
    compact = []
    for path in GOLDEN:
        name = os.path.splitext(os.path.basename(path))[0]
        text = open(path, encoding="utf-8").read()
        write(outdir, name + ".json", text)
        line = json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))
        compact.append(line)
        write(outdir, name + ".line.json", line + "\n")
    write(outdir, "three.jsonl", "\n".join(compact[:2]) + "\n\n" + compact[2] + "\n")
    write(outdir, "crlf.jsonl", "\r\n".join(compact[3:5]) + "\r\n")
    write(outdir, "empty.json", "")
    head = compact[0][:-1]
    write(outdir, "deep.json", head + ',"x":' + "[" * 65 + "]" * 65 + "}\n")
    write(outdir, "twice.json", head + ',"schema":"kreport.report"}\n')
    write(outdir, "cut.jsonl", compact[0] + "\n" + compact[1][: len(compact[1]) // 2])


# The named queries in `kreport query --help`'s order (src/index/query.cc, entries()): a seed's
# first byte is its index here.
QUERIES = ["target-prices", "forecasts", "spread", "quarters", "revisions", "search", "text",
           "analyst", "peers"]


def query(outdir):
    rec = json.load(open(os.path.join(HERE, "..", "tests", "golden", "company_report.json")))
    doc = rec["document"]
    ticker = (doc.get("recommendation") or {}).get("ticker") or "005930"
    analyst = ((doc.get("analysts") or [{}])[0]).get("name") or "analyst"
    q = QUERIES.index
    cases = [
        (q("target-prices"), 0, "", "", [ticker]),
        (q("target-prices"), 3, "2020-01-01", "2030-12-31", [doc.get("company") or "삼성전자"]),
        (q("forecasts"), 0, "", "", [ticker, "영업이익", "2025"]),
        (q("spread"), 5, "", "2026-01-01", [ticker, "EPS", "2025E"]),
        (q("quarters"), 0, "", "", [ticker, "operating_profit", "2Q25"]),
        (q("revisions"), 0, "2024-01-01", "", ["삼성전자"]),
        (q("search"), 0, "", "", ["반도체"]),
        (q("search"), 2, "2024-02-29", "", ['"HBM" OR NEAR(x) *']),
        (q("search"), 0, "", "", ["%_\\'"]),
        (q("text"), 4, "", "", [ticker]),
        (q("analyst"), 1, "", "", [analyst]),
        (q("analyst"), 0, "", "", ["someone@example.com"]),
        (q("peers"), 0, "", "", ["SK하이닉스"]),
        (q("peers"), 3, "2025-01-01", "", ["bloom ENERGY"]),
        (q("peers"), 0, "", "", ["BE"]),
    ]
    for n, (query, limit, since, until, args) in enumerate(cases):
        data = bytes([query, limit]) + b"\0".join(s.encode() for s in [since, until] + args)
        write(outdir, "q%02d" % n, data)
    write(outdir, "q_unknown", bytes([len(QUERIES), 0]) + b"no-such-query\0\0\0x")


if __name__ == "__main__":
    what, outdir = sys.argv[1], sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    {"records": records, "query": query}[what](outdir)
