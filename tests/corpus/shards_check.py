#!/usr/bin/env python3
"""Checks that a batch split into shards gives exactly what one batch gives.

Usage: shards_check.py KREPORT IN_DIR [N ...] [-- BATCH_OPTION ...]
  N defaults to 1 2 3 7; -j is $JOBS (2); options after -- go to every batch (ctest gives
  `--ocr off --timeout 10` so that the fixtures' two 60-second timeout bombs and OCR do not
  take minutes; by hand on the real reports, none).

For IN_DIR (the fixtures in ctest, ../shared/real/pdfs by hand) it runs one
`kreport batch IN_DIR -o single`, then for each N the N tasks `--shard K/N` into one folder,
and checks:
  - the records are the same files, byte for byte (every *.json but the summaries);
  - the shards' summaries (_summary.K-of-N.json, all N of them, each valid, saying its shard)
    list every input exactly once, with the single run's status, output, pages and warnings,
    and no input is in a shard other than the one its record path hashes to;
  - a second run of a shard converts nothing (its records are up to date);
  - archives: `kreport index` of the sharded folder, and the merge of one archive per shard
    (`kreport index --merge`, run twice: the second adds nothing), hold the same reports and
    rows as the single run's archive and answer every named query the same, on arguments
    drawn from the archive itself (every ticker, metric, year, quarter, analyst).
Prints one line per check; exits 1 on the first difference.
"""
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

KREPORT, IN_DIR = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
ARGS = sys.argv[3:]
OPTIONS = ARGS[ARGS.index("--") + 1:] if "--" in ARGS else []
COUNTS = [int(n) for n in (ARGS[:ARGS.index("--")] if "--" in ARGS else ARGS)] or [1, 2, 3, 7]
JOBS = os.environ.get("JOBS", "2")


def fail(message):
    print("FAIL:", message)
    sys.exit(1)


def kreport(*args, ok=(0, 3)):
    r = subprocess.run([KREPORT, *args], capture_output=True, text=True)
    if r.returncode not in ok:
        fail(f"kreport {' '.join(args)}: exit {r.returncode}: {r.stderr[-2000:]}")
    return r


def is_summary(name):
    return name.startswith("_summary.") and name.endswith(".json")


def records(root):
    """{relative path: bytes} of every record under root (summaries left out)."""
    out = {}
    for folder, _, files in os.walk(root):
        for f in files:
            if f.endswith(".json") and not is_summary(f):
                path = os.path.join(folder, f)
                with open(path, "rb") as fh:
                    out[os.path.relpath(path, root)] = fh.read()
    return out


def shard_of(record_rel, n):
    """The documented partition: sha256 of the record's path, first 8 bytes, mod N, plus 1."""
    return int(hashlib.sha256(record_rel.encode()).hexdigest()[:16], 16) % n + 1


def entry_key(f):
    return (f["status"], f["output"], f["pages"], f["warnings"], (f.get("error") or {}).get("code"))


def load(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def archive_rows(db):
    """Every row of every table, report ids replaced by the report's sha256, sorted."""
    con = sqlite3.connect(db)
    out = {}
    cols = [r[1] for r in con.execute("PRAGMA table_info(reports)") if r[1] != "id"]
    out["reports"] = sorted(con.execute(f"SELECT {', '.join(cols)} FROM reports").fetchall(),
                            key=repr)
    for table in ("analysts", "estimates", "rating_history", "peers", "tables", "blocks"):
        cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})")
                if r[1] not in ("id", "report_id")]
        rows = con.execute(f"SELECT r.sha256, {', '.join('t.' + c for c in cols)} FROM {table} t "
                           "JOIN reports r ON r.id = t.report_id").fetchall()
        out[table] = sorted(rows, key=repr)
    out["fts"] = con.execute("SELECT count(*) FROM blocks_fts WHERE blocks_fts MATCH 'trigram'"
                             " OR blocks_fts MATCH '영업이익'").fetchall()
    con.close()
    return out


def spread(rows, most=4):
    """At most `most` of `rows`, spread over the list (first, last and between)."""
    if len(rows) <= most:
        return rows
    return [rows[i * (len(rows) - 1) // (most - 1)] for i in range(most)]


def questions(db):
    """Named queries with arguments taken from the archive: every kind of question, on a few
    of its tickers, metrics, quarters and analysts (archive_rows compares every row)."""
    con = sqlite3.connect(db)
    qs = [["search", "영업이익"], ["search", "HBM"], ["search", "이익"], ["search", "%"]]
    tickers = spread([t for (t,) in con.execute(
        "SELECT DISTINCT ticker FROM reports WHERE ticker IS NOT NULL ORDER BY 1")])
    for t in tickers:
        qs += [["target-prices", t], ["revisions", t], ["text", t]]
    for t, m, y in spread(con.execute(
            "SELECT DISTINCT r.ticker, e.metric, e.fiscal_year FROM estimates e "
            "JOIN reports r ON r.id = e.report_id WHERE r.ticker IS NOT NULL ORDER BY 1, 2, 3")
                          .fetchall(), 8):
        qs += [["forecasts", t, m, str(y)], ["spread", t, m, str(y)]]
    for t, m, q, y in spread(con.execute(
            "SELECT DISTINCT r.ticker, e.metric, e.fiscal_quarter, e.fiscal_year FROM estimates e "
            "JOIN reports r ON r.id = e.report_id WHERE r.ticker IS NOT NULL "
            "AND e.fiscal_quarter IS NOT NULL ORDER BY 1, 2, 3, 4").fetchall()):
        qs.append(["quarters", t, m, f"{q}Q{y % 100:02d}"])
    for (name,) in spread(con.execute("SELECT DISTINCT name FROM analysts WHERE name IS NOT "
                                      "NULL ORDER BY 1").fetchall()):
        qs.append(["analyst", name])
    con.close()
    return qs


def answers(db, qs):
    return [kreport("query", db, *q, "--format", "jsonl", ok=(0,)).stdout for q in qs]


def main():
    work = tempfile.mkdtemp(prefix="kreport-shards-")
    single = os.path.join(work, "single")
    kreport("batch", "-q", "-j", JOBS, *OPTIONS, IN_DIR, "-o", single)
    want = records(single)
    want_summary = load(os.path.join(single, "_summary.json"))
    inputs = {f["input"]: f for f in want_summary["files"]}
    print(f"single batch: {len(want)} records, {len(inputs)} inputs")
    single_db = os.path.join(work, "single.sqlite")
    kreport("index", "-q", single, "--db", single_db)
    single_rows = archive_rows(single_db)
    qs = questions(single_db)
    single_answers = answers(single_db, qs)
    if not any(a.strip() for a in single_answers):
        fail("no named query has an answer on the single archive: nothing is compared")

    for n in COUNTS:
        out = os.path.join(work, f"shards{n}")
        for k in range(1, n + 1):
            kreport("batch", "-q", "-j", JOBS, *OPTIONS, IN_DIR, "-o", out, "--shard", f"{k}/{n}")
        got = records(out)
        if got.keys() != want.keys():
            fail(f"N={n}: records differ: only single {sorted(want.keys() - got.keys())[:5]}, "
                 f"only shards {sorted(got.keys() - want.keys())[:5]}")
        diff = [rel for rel in want if want[rel] != got[rel]]
        if diff:
            fail(f"N={n}: {len(diff)} records differ in bytes, e.g. {diff[0]}")
        names = sorted(f for f in os.listdir(out) if is_summary(f))
        expected = sorted(f"_summary.{k}-of-{n}.json" for k in range(1, n + 1))
        if names != expected:
            fail(f"N={n}: summaries {names}, expected {expected}")
        seen = {}
        for k in range(1, n + 1):
            path = os.path.join(out, f"_summary.{k}-of-{n}.json")
            kreport("validate", "-q", path, ok=(0,))
            s = load(path)
            if s["shard"] != {"index": k, "count": n} or not s["complete"]:
                fail(f"{path}: shard {s.get('shard')}, complete {s['complete']}")
            if s["inputs"] != len(s["files"]):
                fail(f"{path}: inputs {s['inputs']} but {len(s['files'])} files")
            for f in s["files"]:
                if f["input"] in seen:
                    fail(f"N={n}: {f['input']} in shards {seen[f['input']]} and {k}")
                seen[f["input"]] = k
                rel = os.path.splitext(os.path.relpath(f["input"], IN_DIR))[0] + ".json"
                if shard_of(rel, n) != k:
                    fail(f"N={n}: {f['input']} converted by shard {k}, hashes to "
                         f"{shard_of(rel, n)}")
                single_entry = inputs.get(f["input"])
                shard_out = f["output"] and os.path.relpath(f["output"], out)
                single_out = single_entry and single_entry["output"] and os.path.relpath(
                    single_entry["output"], single)
                if single_entry is None or entry_key(dict(f, output=shard_out)) != entry_key(
                        dict(single_entry, output=single_out)):
                    fail(f"N={n}: {f['input']}: shard says {entry_key(f)}, single "
                         f"{single_entry and entry_key(single_entry)}")
        if seen.keys() != inputs.keys():
            fail(f"N={n}: inputs in no shard: {sorted(inputs.keys() - seen.keys())[:5]}")
        # A rerun of a shard (a requeued task) converts again none of what it converted: those
        # records are up to date (what failed is tried again, as in any batch).
        summary_1 = os.path.join(out, f"_summary.1-of-{n}.json")
        before = {f["input"]: f["status"] for f in load(summary_1)["files"]}
        kreport("batch", "-q", "-j", JOBS, *OPTIONS, IN_DIR, "-o", out, "--shard", f"1/{n}")
        for f in load(summary_1)["files"]:
            if before[f["input"]] in ("converted", "skipped") and f["status"] != "skipped":
                fail(f"N={n}: a rerun of shard 1 did not skip {f['input']}: {f['status']}")

        union_db = os.path.join(work, f"union{n}.sqlite")
        kreport("index", "-q", out, "--db", union_db)
        merged_db = os.path.join(work, f"merged{n}.sqlite")
        shard_dbs = []  # one archive per shard that has records (a small folder may leave none)
        for k in range(1, n + 1):
            s = load(os.path.join(out, f"_summary.{k}-of-{n}.json"))
            mine = [f["output"] for f in s["files"] if f["output"]]
            if mine:
                shard_dbs.append(os.path.join(work, f"shard{n}-{k}.sqlite"))
                kreport("index", "-q", *mine, "--db", shard_dbs[-1])
        kreport("index", "-q", "--merge", merged_db, *shard_dbs, ok=(0,))
        for shard_db in shard_dbs:  # merging again: all up to date
            r = kreport("index", "--merge", merged_db, shard_db, ok=(0,))
            if " 0 added, 0 replaced" not in r.stderr:
                fail(f"N={n}: merging {shard_db} again changed the archive: {r.stderr}")
        for name, db in (("index of the shards' folder", union_db), ("merged archive", merged_db)):
            if archive_rows(db) != single_rows:
                fail(f"N={n}: the {name} holds other rows than the single run's archive")
            if answers(db, qs) != single_answers:
                fail(f"N={n}: the {name} answers a named query differently")
        print(f"N={n}: {n} shards: {len(got)} records identical, summaries cover every input "
              f"once, rerun converts nothing; index and merge equal the single archive on "
              f"{len(qs)} queries")
    subprocess.run(["rm", "-rf", work])
    print("ok")


main()
