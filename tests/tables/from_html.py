#!/usr/bin/env python3
"""Expected table grids of the fixtures, read from the HTML the fixture PDFs are printed from
(fixtures/src/*.html), so the truth does not come from kreport itself.

    tests/tables/from_html.py            # rewrites tests/tables/<fixture>.json
    tests/tables/from_html.py --check    # fails when a committed file is out of date

Rules, from the record contract (../shared/design/record-contract.md, `tables`):
- a table's columns are its body columns; a column's label is the text of the header cells
  over it, top to bottom, joined with " / " (a header cell spanning several columns labels
  each; a line break inside a header cell counts as a header line, since a PDF has no cell
  borders to tell the two apart);
- a cell spanning several rows of the first column (a group label) is carried to each row;
- a cell is a number when its text is one: commas removed, "-12.0" and "(3.4)" negative, a
  unit after it ("%", "원", "TB/s", "x"; "$3M" is 3 in "$M") moved to the column's unit;
  else the text, or null;
- a table continued on the next page under the same header is one table;
- a body cell over several columns holds its text in the first; a column of pictures
  (sparklines) has no text and is no column; where a column's values carry different units
  ("2,417.08pt", "431,616억원") they stay as printed;
- tables without a single number (rating definitions: prose in cells) are left out: kreport
  reads those through the compliance notice, not as grids;
- a paragraph that prints a rating distribution as a run (rating words, each followed by its
  percentage: "매수 95.2% 중립 4.8% 매도 0.0%") is a table too, as the contract's
  rating_distribution: the rating words as printed its columns (unit "%"), their shares its
  one row.
"""
import html.parser
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ["sk_weekly", "mirae_ai_weekly", "china_weekly", "hanwha_us_stock", "news_page",
            "company_report", "layout_classes", "estimates_forms"]
UNITS = ["%", "원", "배", "조원", "억원", "십억원", "천주", "pt", "x", "TB/s", "GB/s", "TB", "GB",
         "PFLOPS", "kW"]
NUMBER = re.compile(r"^\(?([-−–]?)(\$?)([0-9][0-9,]*(?:\.[0-9]+)?)\)?\s*(" +
                    "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True)) +
                    r"|[MBK])?$")


RATING = r"(매수|중립|매도|Buy|Hold|Sell|BUY|HOLD|SELL)(\([^)0-9%]*\))?"
PAIR = re.compile(RATING + r"\s*\(?\s*([0-9]+(?:\.[0-9]+)?)\s*%\)?")


def run_of(text):
    """The rating distribution a paragraph prints as a run, as an expected table, or None."""
    pairs = PAIR.findall(re.sub(r"\s+", " ", text))
    if len(pairs) < 2:
        return None
    return {"columns": [{"label": w + g, "unit": "%"} for w, g, _ in pairs],
            "rows": [[typed(v)[0] for _, _, v in pairs]]}


class Tables(html.parser.HTMLParser):
    """Every <table>: rows of (tag, text, rowspan, colspan); `order` holds them and the
    distributions printed as paragraphs (expected tables already), in the page's order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.cell, self.line_break = [], None, " "
        self.order, self.para = [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "p":
            self.para = ""
        if tag == "table":
            self.tables.append([])
            self.order.append(self.tables[-1])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self.cell = [tag, "", int(a.get("rowspan", 1)), int(a.get("colspan", 1))]
            self.line_break = " / " if tag == "th" else " "
        elif tag == "br" and self.cell:
            self.cell[1] += "\n"

    def handle_endtag(self, tag):
        if tag == "p" and self.para is not None:
            if (t := run_of(self.para)) is not None:
                self.order.append(t)
            self.para = None
        if tag in ("td", "th") and self.cell:
            self.tables[-1][-1].append(tuple(self.cell))
            self.cell = None
        elif tag == "span" and self.cell and self.cell[1].strip():
            self.cell[1] += "\n"  # the calendar's day number is a line of its own

    def handle_data(self, data):
        if self.cell:
            self.cell[1] += data
        elif self.para is not None:
            self.para += data


def clean(text, line_break):
    lines = [re.sub(r"\s+", " ", l).strip() for l in text.split("\n")]
    return line_break.join(l for l in lines if l)


def grid(rows):
    """(header lines, body rows) with spans expanded: each cell (text, origin id)."""
    placed, width = {}, 0
    for r, row in enumerate(rows):
        c = 0
        for i, (tag, text, rs, cs) in enumerate(row):
            while (r, c) in placed:
                c += 1
            for dr in range(rs):
                for dc in range(cs):
                    # A body cell over several columns holds its text in the first.
                    shown = text if tag == "th" or dc == 0 else ""
                    placed[(r + dr, c + dc)] = (tag, shown, (r, i), dr > 0)
            c += cs
            width = max(width, c)
    out = []
    for r in range(len(rows)):
        out.append([placed.get((r, c), ("td", "", (r, -1 - c), False)) for c in range(width)])
    return out


def typed(text):
    m = NUMBER.match(text.replace(" ", "") if re.search(r"\d", text) else text)
    if not m:
        return text or None, None
    unit = m.group(4)
    if unit in ("M", "B", "K") and not m.group(2):
        return text or None, None  # "1M": a period, not a quantity
    value = float(m.group(3).replace(",", ""))
    if m.group(1) or (text.startswith("(") and text.endswith(")")):
        value = -value
    if m.group(2):
        unit = "$" + (unit or "")  # "$3M": dollars in millions
    return (int(value) if value.is_integer() else value), unit


def expected(rows):
    cells = grid(rows)
    header = [r for r in cells if all(tag == "th" for tag, _, _, _ in r)]
    body = [r for r in cells if not all(tag == "th" for tag, _, _, _ in r)]
    width = len(cells[0])
    columns, units = [], [None] * width
    for c in range(width):
        seen, parts = set(), []
        for r in header:
            tag, text, origin, _ = r[c]
            if origin not in seen and text.strip():
                seen.add(origin)
                parts.append(clean(text, " / "))
        columns.append(" / ".join(parts))
    out_rows = []
    for r in body:
        row = []
        for c, (tag, text, origin, spanned) in enumerate(r):
            value, unit = typed(clean(text, " "))
            if unit:
                units[c] = unit
            row.append(value)
        out_rows.append(row)
    numbers = any(isinstance(v, (int, float)) for row in out_rows for v in row)
    # One unit per column: where the values carry different ones, they stay as printed.
    for c in range(width):
        printed = [clean(r[c][1], " ") for r in body]
        found = {typed(t)[1] for t in printed if isinstance(typed(t)[0], (int, float))}
        if len(found) > 1:
            units[c] = None
            for row, text in zip(out_rows, printed):
                if typed(text)[1]:
                    row[c] = text
    for c, label in enumerate(columns):
        named = re.findall(r"\(([^()]*(?:%|원|배|위안|\$|B|TB|GB|FLOPS)[^()]*)\)", label)
        if named and any(isinstance(row[c], (int, float)) for row in out_rows):
            units[c] = named[-1]
    # A column of pictures (sparklines) has no text to read: it is not a column of the grid.
    keep = [c for c in range(width) if any(row[c] is not None for row in out_rows)]
    columns, units = [columns[c] for c in keep], [units[c] for c in keep]
    out_rows = [[row[c] for c in keep] for row in out_rows]
    return {"columns": [{"label": l, "unit": u} for l, u in zip(columns, units)],
            "rows": out_rows} if numbers else None


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for name in FIXTURES:
        parser = Tables()
        parser.feed((ROOT / "fixtures/src" / f"{name}.html").read_text(encoding="utf-8"))
        tables = []
        for rows in parser.order:
            t = rows if isinstance(rows, dict) else expected(rows) if rows else None
            if not t:
                continue
            labelled = all(c["label"] for c in t["columns"]) and not isinstance(rows, dict)
            if tables and labelled and tables[-1]["columns"] == t["columns"]:  # continued
                tables[-1]["rows"] += t["rows"]
            else:
                tables.append(t)
        out = ROOT / "tests/tables" / f"{name}.json"
        text = json.dumps(tables, ensure_ascii=False, indent=1) + "\n"
        if check:
            if not out.exists() or out.read_text(encoding="utf-8") != text:
                stale.append(str(out.relative_to(ROOT)))
            continue
        out.write_text(text, encoding="utf-8")
        print(f"{out.relative_to(ROOT)}: {len(tables)} table(s)")
    if stale:
        sys.exit("out of date with fixtures/src (run tests/tables/from_html.py): " + ", ".join(stale))


if __name__ == "__main__":
    main()
