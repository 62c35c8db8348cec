#!/usr/bin/env python3
"""Runs every command example of the README and of kreport's --help texts as it is written.

Usage: examples.py KREPORT_BIN SOURCE_DIR [--list]

Where the examples are read (from the files and the binary themselves, so an edited example
is the example tested):
  - README.md: every line of every ```sh block in the sections "## Use" and "## The archive";
  - `kreport --help` and `kreport COMMAND --help` for every command it lists: every line under
    a line "Examples...:" up to the next blank line.
An example is a shell command line; `# ...` to its end is its comment. In the comment,
`(exit N)` is the exit code expected (else 0) and `(not run by the tests: WHY)` marks an
example that cannot run here (it is listed as such, never skipped silently).

Each text (the README, each --help) runs in a fresh temporary folder, its examples in order
(a later one may read what an earlier one wrote). An example's inputs that are not there yet
are made first from the fixtures, under the names the examples use (FIXTURES below). Then:
  - the exit code is the expected one (bash -o pipefail: a failing kreport inside a pipe counts);
  - what it says it writes exists and validates: `-o FILE` (a record), batch's `-o DIR` (every
    *.json under it, records and the summary), `> FILE` (`.json`/`.jsonl`: records or a
    schema), `--db FILE` (an archive with reports), show's `-o FILE` (a PNG or SVG picture)
    or, with --pages, its `-o DIR` (a folder of them), `--dump-stage STAGES DIR` (DIR/STAGE.json),
    and otherwise stdout: a record for extract, JSON for schema, JSON Lines for query, text
    for the rest. With `--format md` what is written is Markdown (`.md` files, or stdout): it
    must open with its YAML front matter and hold the `#` headline; with `--format chunks`,
    chunk lines that validate; a batch's `-o DIR` then holds a `.md` or `.jsonl` per input.
"""
import json
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import tempfile

KREPORT, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])

# Name an example uses -> how to make it from the repository (a file, or a folder of files).
FIXTURES = {
    "report.pdf": "fixtures/company_report.pdf",
    "locked.pdf": "fixtures/broken/encrypted.pdf",  # password: secret
    "scan.pdf": "fixtures/odd/scanned_report.pdf",
    "reports/": ["fixtures/company_report.pdf", "fixtures/two_analysts.pdf",
                 "fixtures/news_page.pdf"],
    "records/": ["tests/golden/company_report.json", "tests/golden/two_analysts.json",
                 "tests/golden/news_page.json"],
    "new.json": "tests/golden/two_analysts.json",
    "archive.sqlite": "index:tests/golden tests/index/records",  # as "The archive" makes it
    "node2.sqlite": "index:tests/golden",  # another machine's archive, for --merge
}
# Options whose next word is written by the command, not read.
OUTPUT_OPTIONS = {"-o", "--output", "--db", "--summary", ">", ">>"}


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def readme_examples():
    """(where, line) for each example of the README's Use and archive sections."""
    out, section, in_sh = [], None, False
    with open(os.path.join(SOURCE, "README.md"), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("## "):
                section = line[3:].strip()
            elif line.startswith("```"):
                in_sh = not in_sh and line.strip() == "```sh"
            elif in_sh and section in ("Use", "The archive"):
                if line.strip() and not line.lstrip().startswith("#"):
                    out.append((f"README.md:{number}", line))
    return out


def help_examples(command):
    """(where, line) for each example under "Examples" in `kreport [COMMAND] --help`."""
    text = run([KREPORT] + ([command] if command else []) + ["--help"]).stdout
    out, inside = [], False
    for line in text.splitlines():
        if line.startswith("Examples"):
            inside = True
        elif not line.strip():
            inside = False
        elif inside:
            out.append((f"kreport {command + ' ' if command else ''}--help", line.strip()))
    return out


def commands():
    text = run([KREPORT, "--help"]).stdout
    names, inside = [], False
    for line in text.splitlines():
        if line.startswith("Subcommands:"):
            inside = True
        elif inside and not line.strip():
            break
        elif inside:
            names.append(line.split()[0])
    return names


def split_comment(line):
    """The command and its comment: a `#` after a space and outside quotes starts it."""
    quote = None
    for i, c in enumerate(line):
        if quote:
            quote = None if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c == "#" and (i == 0 or line[i - 1] == " "):
            return line[:i].rstrip(), line[i + 1:].strip()
    return line.strip(), ""


def words(command):
    lexer = shlex.shlex(command, posix=True, punctuation_chars="|><")
    lexer.whitespace_split = True
    return list(lexer)


def fixture_key(word):
    """The FIXTURES key a word names: `records/*.json` names `records/`."""
    if word in FIXTURES:
        return word
    head = word.split("/")[0] + "/"
    return head if "/" in word and head in FIXTURES else None


def provide(key, cwd):
    target = os.path.join(cwd, key)
    if os.path.exists(target):
        return
    source = FIXTURES[key]
    if isinstance(source, list):
        os.makedirs(target)
        for f in source:
            shutil.copy(os.path.join(SOURCE, f), target)
    elif source.startswith("index:"):
        r = run([KREPORT, "index", "-q"] + source[6:].split() + ["--db", target], cwd=SOURCE)
        assert r.returncode == 0, r.stderr
    else:
        shutil.copy(os.path.join(SOURCE, source), target)


def outputs(ws):
    """What the example says it writes: [(kind, path)], kind one of file, folder, db, dump."""
    out = []
    programs = [i for i, w in enumerate(ws) if w == "kreport"]
    sub = ws[programs[-1] + 1] if programs and programs[-1] + 1 < len(ws) else ""
    for i, w in enumerate(ws[:-1]):
        nxt = ws[i + 1]
        if w in (">", ">>"):
            out.append(("file", nxt))
        elif w in ("-o", "--output") and sub == "show":
            out.append(("pictures" if "--pages" in ws else "picture", nxt))
        elif w in ("-o", "--output"):
            out.append(("folder" if sub == "batch" else "file", nxt))
        elif w == "--db":
            out.append(("db", nxt))
        elif w == "--summary":
            out.append(("file", nxt))
        elif w == "--dump-stage" and i + 2 < len(ws):
            stages = ["lines", "tables", "blocks"] if nxt == "all" else nxt.split(",")
            out += [("file", os.path.join(ws[i + 2], s + ".json")) for s in stages]
    written = any(w in (">", ">>") for w in ws)
    # A view written with -o leaves stdout empty (a record's -o leaves it empty too, which
    # `validate -` accepts).
    written = written or (format_of(ws) != "json" and any(w in ("-o", "--output") for w in ws))
    if not written and sub != "show":
        out.append(("stdout", sub))
    return out


def format_of(ws):
    """The --format an example asks for ("json" when none)."""
    return ws[ws.index("--format") + 1] if "--format" in ws[:-1] else "json"


def markdown_problem(text, what):
    if not text.startswith("---\n") or "\n---\n" not in text or "\n# " not in text:
        return f"{what} is not kreport's Markdown (front matter, then the # headline)"
    return None


def validate(path, cwd):
    r = run([KREPORT, "validate", "-q", path], cwd=cwd)
    return None if r.returncode == 0 else f"{path} does not validate: {r.stderr.strip()[:300]}"


def check_output(kind, what, cwd, stdout, form="json"):
    path = os.path.join(cwd, what) if kind != "stdout" else None
    if kind == "file":
        if what == "/dev/null":
            return None
        if not os.path.isfile(path):
            return f"{what} was not written"
        if what.endswith(".md"):
            with open(path, encoding="utf-8") as f:
                return markdown_problem(f.read(), what)
        if what.endswith((".json", ".jsonl")):
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if not text.strip():
                return f"{what} is empty"
            if '"$schema"' in text[:200]:
                json.loads(text)
                return None
            if '"schema"' in text[:200] or "\n{" in text:
                return validate(path, cwd)
            json.loads(text)
        return None
    if kind in ("picture", "pictures"):
        found = ([path] if os.path.isfile(path) else []) if kind == "picture" else [
            os.path.join(path, f) for f in sorted(os.listdir(path))] if os.path.isdir(path) else []
        if not found:
            return f"{what} holds no picture"
        for f in found:
            with open(f, "rb") as pic:
                head = pic.read(64)
            if not (head.startswith(b"\x89PNG\r\n\x1a\n") or b"<svg" in head or
                    head.startswith(b"<?xml")):
                return f"{f} is not a PNG or SVG picture"
        return None
    if kind == "folder":
        found = [os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs if f.endswith(".json")]
        if not found:
            return f"{what} holds no record"
        if form != "json":
            ext = ".md" if form == "md" else ".jsonl"
            views = [os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs if f.endswith(ext)]
            if not views:
                return f"{what} holds no {ext} file"
            for v in views:
                with open(v, encoding="utf-8") as f:
                    text = f.read()
                problem = markdown_problem(text, v) if form == "md" else validate(v, cwd)
                if problem:
                    return problem
        for f in sorted(found):
            problem = validate(f, cwd)
            if problem:
                return problem
        return None
    if kind == "db":
        if not os.path.isfile(path):
            return f"the archive {what} was not written"
        with sqlite3.connect(path) as db:
            n = db.execute("SELECT count(*) FROM reports").fetchone()[0]
        return None if n > 0 else f"the archive {what} holds no report"
    # stdout
    if form == "md":
        return markdown_problem(stdout, "stdout")
    if what in ("extract", "render") or form == "chunks":
        r = subprocess.run([KREPORT, "validate", "-q", "-"], input=stdout, capture_output=True,
                           text=True, cwd=cwd)
        return None if r.returncode == 0 else f"stdout is not a valid record: {r.stderr[:300]}"
    if what == "schema":
        json.loads(stdout)
    elif what == "query":
        for line in stdout.splitlines():
            json.loads(line)
    if what in ("query", "rules", "--help") and not stdout.strip():
        return "printed nothing"
    return None


def run_text(name, examples):
    """Runs one text's examples in a fresh folder; returns the failures."""
    failures, cwd = [], tempfile.mkdtemp(prefix="kreport-examples-")
    bin_dir = os.path.join(cwd, ".bin")
    os.makedirs(bin_dir)
    os.symlink(os.path.abspath(KREPORT), os.path.join(bin_dir, "kreport"))
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""))
    try:
        for where, line in examples:
            command, comment = split_comment(line)
            if "(not run by the tests:" in comment:
                print(f"  not run: {where}: {line}")
                continue
            expected = 0
            if "(exit " in comment:
                expected = int(comment.split("(exit ")[1].split(")")[0].split(",")[0])
            ws = words(command)
            for i, w in enumerate(ws):
                key = fixture_key(w)
                if key and (i == 0 or ws[i - 1] not in OUTPUT_OPTIONS):
                    provide(key, cwd)
            try:
                r = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=cwd, env=env,
                                   stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                   timeout=600)
            except subprocess.TimeoutExpired:
                failures.append(f"{where}: {command}: timed out")
                continue
            problem = None
            if r.returncode != expected:
                problem = f"exit {r.returncode}, expected {expected}: {r.stderr.strip()[-400:]}"
            elif expected == 0:
                for kind, what in outputs(ws):
                    try:
                        problem = check_output(kind, what, cwd, r.stdout, format_of(ws))
                    except (ValueError, OSError) as e:
                        problem = f"{what}: {e}"
                    if problem:
                        break
            print(f"  {'FAIL' if problem else 'ok'}: {where}: {command}")
            if problem:
                failures.append(f"{where}: {command}: {problem}")
    finally:
        shutil.rmtree(cwd, ignore_errors=True)
    return failures


def main():
    texts = [("README.md", readme_examples())]
    texts += [(f"kreport {c or ''} --help".replace("  ", " "), help_examples(c))
              for c in [None] + commands()]
    if "--list" in sys.argv:
        for name, examples in texts:
            for where, line in examples:
                print(f"{where}: {line}")
        return 0
    failures, count = [], 0
    for name, examples in texts:
        if not examples:
            continue
        print(f"{name}: {len(examples)} example(s)")
        count += len(examples)
        failures += run_text(name, examples)
    if count == 0:
        failures.append("no examples found: the README or --help changed form")
    for f in failures:
        print("FAILED: " + f)
    print(f"{count} example(s), {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
