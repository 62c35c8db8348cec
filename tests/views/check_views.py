#!/usr/bin/env python3
"""Checks the Markdown and chunk views of every golden record with tools kreport does not own.

Usage: check_views.py KREPORT_BIN SOURCE_DIR

For each tests/golden/NAME.json (`kreport render` of it is, by construction, what `extract
--format` writes from the fixture; tests/e2e/golden_test.cc holds the two to the same bytes):
  Markdown
  - the front matter is YAML (python3-yaml) naming the record's title, broker, date, ticker,
    company, rating, target, analysts, schema version and source sha256;
  - the rest is parsed by cmark-gfm (GitHub's CommonMark, with its table, strikethrough and
    autolink extensions) into its XML tree: one `#` (the headline), one `##` per run of
    sections of one kind, one table per table_ref (header cells = the columns with their
    units, body cells = the rows as printed), nothing struck through, no raw HTML;
  - every block of text is one paragraph, heading or list item whose text is the block's:
    the multiset of those texts is the multiset of the blocks' (so each once, none lost).
  Chunks (the default bound, 800, and 200 characters to force splits)
  - every line validates as kreport.chunk (`kreport validate`), seq runs 1..n;
  - no chunk is over the bound unless oversize, and an oversize one holds a single block
    (or a table's header and a single row);
  - the lines of the text chunks are the blocks' texts, each once; the table chunks of a
    table hold its rows, each once and in order, every part under the same header.
The README's Markdown sample is how tests/golden/company_report.md begins. `render` refuses
an invalid record (exit 3) and a missing --format (1); `batch --format md|chunks` writes what
render does (a folder of .md, or chunks on stdout with --jsonl), and refuses md with --jsonl.
"""
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import yaml

KREPORT, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
NS = "{http://commonmark.org/xml/1.0}"


def run(args, stdin=None):
    r = subprocess.run(args, input=stdin, capture_output=True, text=True)
    if r.returncode != 0:
        raise AssertionError(f"{' '.join(args)}: exit {r.returncode}: {r.stderr[:500]}")
    return r.stdout


def value_text(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        raise AssertionError("a boolean cell")
    return v if isinstance(v, str) else json.dumps(v)


def header_text(c):
    label, unit = c["label"], c.get("unit")
    if unit and unit not in label:
        label += (" (" if label else "(") + unit + ")"
    return label.strip()


def text_of(node):
    out = []
    for n in node.iter():
        tag = n.tag.replace(NS, "")
        if tag in ("text", "code"):
            out.append(n.text or "")
        elif tag in ("softbreak", "linebreak"):
            out.append(" ")
    return "".join(out).strip()


def text_blocks(record):
    return [b["text"].strip() for s in record["sections"] for b in s["blocks"]
            if b["type"] != "table_ref" and b.get("text", "").strip()]


def ordered(record):
    """Sections as the views print them: the summary first, the notice last."""
    return ([s for s in record["sections"] if s["kind"] == "summary"]
            + [s for s in record["sections"] if s["kind"] not in ("summary", "compliance", "disclaimer")]
            + [s for s in record["sections"] if s["kind"] in ("compliance", "disclaimer")])


def tables_shown(record):
    """Each table with columns once, where it is first referred to."""
    by_id, seen, out = {t["id"]: t for t in record["tables"]}, set(), []
    for s in ordered(record):
        for b in s["blocks"]:
            if b["type"] == "table_ref" and b.get("table") in by_id and b["table"] not in seen:
                seen.add(b["table"])
                if by_id[b["table"]]["columns"]:
                    out.append(by_id[b["table"]])
    return out


def kind_runs(record):
    order = ordered(record)
    return sum(1 for i, s in enumerate(order) if i == 0 or order[i - 1]["kind"] != s["kind"])


def check_table(node, table, problems, where):
    head = node.find(NS + "table_header")
    body = [r for r in node if r.tag == NS + "table_row"]
    cells = [text_of(c) for c in head]
    if cells != [header_text(c) for c in table["columns"]]:
        problems.append(f"{where}: table {table['id']}: header {cells}")
    want = [[value_text(v).strip() for v in r] for r in table["rows"]]
    got = [[text_of(c) for c in r] for r in body]
    if got != want:
        problems.append(f"{where}: table {table['id']}: rows differ, e.g. "
                        f"{next(((g, w) for g, w in zip(got, want) if g != w), (len(got), len(want)))}")


def check_markdown(name, record, md, problems):
    if not md.startswith("---\n") or "\n---\n" not in md:
        return problems.append(f"{name}.md: no front matter")
    front, body = md[4:].split("\n---\n", 1)
    meta = yaml.safe_load(front)
    doc, rec = record["document"], record["document"].get("recommendation") or {}
    want = {"title": doc.get("title"), "broker": (doc.get("broker") or {}).get("name"),
            "published": doc.get("published"), "ticker": rec.get("ticker"),
            "company": rec.get("company"), "rating": rec.get("rating"),
            "target_price": (rec.get("target_price") or {}).get("value"),
            "schema_version": record["schema_version"], "source_sha256": record["source"]["sha256"]}
    for key, value in want.items():
        if meta.get(key) != value:
            problems.append(f"{name}.md: front matter {key} = {meta.get(key)!r}, record {value!r}")
    if [a["name"] for a in meta["analysts"]] != [a["name"] for a in doc["analysts"]]:
        problems.append(f"{name}.md: front matter analysts differ")
    xml = run(["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "--to", "xml"],
              stdin=body)
    root = ET.fromstring(xml)
    tags = collections.Counter(n.tag.replace(NS, "") for n in root.iter())
    for bad in ("strikethrough", "html_block", "html_inline", "code_block", "thematic_break",
                "block_quote"):
        if tags[bad]:
            problems.append(f"{name}.md: {tags[bad]} {bad} node(s)")
    levels = collections.Counter(h.get("level") for h in root.iter(NS + "heading"))
    if levels["1"] != (1 if doc.get("title") else 0):
        problems.append(f"{name}.md: {levels['1']} level-1 headings")
    if levels["2"] != kind_runs(record):
        problems.append(f"{name}.md: {levels['2']} section headings, want {kind_runs(record)}")
    tables = list(root.iter(NS + "table"))
    shown = tables_shown(record)
    if len(tables) != len(shown):
        problems.append(f"{name}.md: {len(tables)} tables, want {len(shown)}")
    for node, table in zip(tables, shown):
        check_table(node, table, problems, f"{name}.md")
    leaves = [text_of(h) for h in root.iter(NS + "heading") if h.get("level") == "3"]
    for p in root.iter(NS + "paragraph"):
        leaves.append(text_of(p))
    got, want_blocks = collections.Counter(leaves), collections.Counter(text_blocks(record))
    if got != want_blocks:
        problems.append(f"{name}.md: blocks not each once: missing {list((want_blocks - got).items())[:3]}, "
                        f"extra {list((got - want_blocks).items())[:3]}")


def check_chunks(name, record, text, bound, problems):
    where = f"{name} chunks ({bound})"
    r = subprocess.run([KREPORT, "validate", "-q", "-"], input=text, capture_output=True, text=True)
    if r.returncode != 0:
        problems.append(f"{where}: do not validate: {r.stderr[:300]}")
    chunks = [json.loads(line) for line in text.splitlines()]
    if [c["seq"] for c in chunks] != list(range(1, len(chunks) + 1)):
        problems.append(f"{where}: seq is not 1..n")
    lines, rows = [], collections.defaultdict(list)
    for c in chunks:
        if c["report"] != record["source"]["sha256"] or c["chars"] != len(c["text"]):
            problems.append(f"{where}: chunk {c['seq']}: report or chars wrong")
        parts = c["text"].split("\n")
        if c["chars"] > bound and not c["oversize"]:
            problems.append(f"{where}: chunk {c['seq']}: {c['chars']} chars, over the bound")
        if c["oversize"] and (c["chars"] <= bound or len(parts) != (3 if c["type"] == "table" else 1)):
            problems.append(f"{where}: chunk {c['seq']}: oversize but not a single block or row")
        if c["type"] == "text":
            lines += parts
        else:
            root = ET.fromstring(run(["cmark-gfm", "-e", "table", "--to", "xml"], stdin=c["text"]))
            node = root.find(f".//{NS}table")
            if node is None:
                problems.append(f"{where}: chunk {c['seq']}: table chunk is no table")
                continue
            table_rows = [r for r in node if r.tag == NS + "table_row"]
            rows[c["table"]].append(([text_of(x) for x in node.find(NS + "table_header")],
                                     [[text_of(x) for x in r] for r in table_rows]))
    if collections.Counter(lines) != collections.Counter(text_blocks(record)):
        problems.append(f"{where}: text chunks do not hold each block once")
    for table in tables_shown(record):
        parts = rows.get(table["id"], [])
        header = [header_text(c) for c in table["columns"]]
        body = [r for _, part in parts for r in part]
        want = [[value_text(v).strip() for v in r] for r in table["rows"]]
        if any(h != header for h, _ in parts) or body != want:
            problems.append(f"{where}: table {table['id']}: rows not each once under its header")


# Text that Markdown would read as syntax, as report text can hold it.
TRICKY = ["1. 첫째 항목", "1) 둘째", "- 대시로 시작", "+ 플러스", "# 샵으로 시작", "끝에 샵 ###",
          "---", "===", "* * *", "1~3월 매출, 4~6월 이익", "a|b|c", "백슬래시 \\ 와 `코드`",
          "*별표* _밑줄_", "<b>태그</b> &amp; &#123; &#x1F;", "[링크](http://x.y) ![그림](a.png)",
          "> 인용", "S&P 500", "2024.11.14", "AT&T;", "**굵게**", "~~취소~~", "[ ] 할 일",
          "10% 상승*", "<http://a.b>", "www.kiwoom.com 참고", "foo\\", "#", "![x]", "|"]


def check_escaping(problems):
    """Every tricky text, as each type of block and as a table cell, reads back as itself."""
    with open(os.path.join(SOURCE, "tests/golden/company_report.json"), encoding="utf-8") as f:
        record = json.load(f)
    types = ["paragraph", "bullet", "heading", "caption", "note"]
    blocks = [{"type": types[i % len(types)], "text": t, "page": 1, "bbox": [0, 0, 1, 1]}
              for i, t in enumerate(TRICKY)]
    record["sections"][0]["blocks"] = blocks + record["sections"][0]["blocks"]
    table = next(t for t in record["tables"] if len(t["columns"]) >= 2 and t["rows"])
    for i, t in enumerate(TRICKY[:len(table["rows"])]):
        table["rows"][i][1] = t
    table["columns"][1]["label"] = "a|b"
    text = json.dumps(record, ensure_ascii=False)
    check_markdown("tricky", record, run([KREPORT, "render", "-", "--format", "md"], stdin=text),
                   problems)
    check_chunks("tricky", record, run([KREPORT, "render", "-", "--format", "chunks"], stdin=text),
                 800, problems)


def check_cli(problems):
    """render refuses what is not a record, and batch writes the views extract does."""
    def code(args, stdin=None):
        r = subprocess.run([KREPORT] + args, input=stdin, capture_output=True, text=True)
        return r.returncode, r.stdout, r.stderr
    c, out, err = code(["render", "-", "--format", "md"], '{"schema": "kreport.report"}')
    if c != 3 or out or "invalid record" not in err:
        problems.append(f"render of an invalid record: exit {c}, stderr {err[:200]!r}")
    c, _, _ = code(["render", "tests/golden/company_report.json"])
    if c != 1:
        problems.append(f"render without --format: exit {c}, want 1")
    c, _, _ = code(["batch", "fixtures", "--jsonl", "--format", "md"])
    if c != 1:
        problems.append(f"batch --jsonl --format md: exit {c}, want 1")
    golden = os.path.join(SOURCE, "tests/golden")
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "in"))
        shutil.copy(os.path.join(SOURCE, "fixtures/company_report.pdf"), os.path.join(tmp, "in"))
        c, out, err = code(["batch", os.path.join(tmp, "in"), "--jsonl", "--format", "chunks", "-q"])
        want = run([KREPORT, "render", os.path.join(golden, "company_report.json"), "--format", "chunks"])
        if c != 0 or out != want:
            problems.append(f"batch --format chunks --jsonl: exit {c}, not render's chunks: {err[:200]}")
        c, _, err = code(["batch", os.path.join(tmp, "in"), "-o", os.path.join(tmp, "out"),
                          "--format", "md", "-q"])
        with open(os.path.join(golden, "company_report.md"), encoding="utf-8") as f:
            want = f.read()
        written = os.path.join(tmp, "out", "company_report.md")
        if c != 0 or not os.path.isfile(written) or open(written, encoding="utf-8").read() != want:
            problems.append(f"batch -o DIR --format md: exit {c}, not the golden Markdown: {err[:200]}")


def main():
    problems, golden = [], os.path.join(SOURCE, "tests/golden")
    names = sorted(f[:-5] for f in os.listdir(golden) if f.endswith(".json"))
    for name in names:
        path = os.path.join(golden, name + ".json")
        with open(path, encoding="utf-8") as f:
            record = json.load(f)
        check_markdown(name, record, run([KREPORT, "render", path, "--format", "md"]), problems)
        for bound in (800, 200):
            args = ["--chunk-chars", str(bound)] if bound != 800 else []  # 800: the default
            text = run([KREPORT, "render", path, "--format", "chunks"] + args)
            check_chunks(name, record, text, bound, problems)
        print(f"checked {name}")
    check_escaping(problems)
    check_cli(problems)
    # The README's sample is the fixture's Markdown as it is printed today.
    with open(os.path.join(SOURCE, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    sample = readme.split("```markdown\n", 1)[1].split("\n```", 1)[0] + "\n"
    with open(os.path.join(golden, "company_report.md"), encoding="utf-8") as f:
        if not f.read().startswith(sample):
            problems.append("README.md: the Markdown sample is not how company_report.md begins")
    for p in problems:
        print("FAILED: " + p)
    print(f"{len(names)} record(s), {len(problems)} problem(s)")
    return 1 if problems or not names else 0


if __name__ == "__main__":
    sys.exit(main())
