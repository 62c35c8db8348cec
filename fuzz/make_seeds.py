#!/usr/bin/env python3
"""Writes small, uncompressed, broker-report-like PDFs into DIR as extra fuzzing seeds.

The fixtures are real-sized reports whose content streams and fonts are Flate-compressed, so
most byte mutations of them only break zlib. These seeds are a few KB each, with plain-text
content streams and ToUnicode CMaps the fuzzer can mutate directly, and Korean text that
reaches the layout, segment and extract stages. Usage: make_seeds.py DIR
"""
import os
import sys
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures"))
from pdf_file import pdf_bytes  # noqa: E402

PAGES = [
    [  # (x, y, size, text)
        (40, 800, 9, "키움증권 기업분석 2024년 5월 13일"),
        (40, 770, 18, "삼성전자 (005930) 메모리 업황 회복"),
        (40, 740, 10, "투자의견 매수 (유지)   목표주가 120,000원 (상향)"),
        (40, 725, 10, "현재주가 (2024.05.10) 78,500원"),
        (40, 700, 10, "애널리스트 박제민 02-3770-1234 jm.park@example.com"),
        (40, 670, 12, "요약"),
        (40, 652, 10, "• 1분기 매출액 71.9조원, 영업이익 6.6조원으로 컨센서스 상회"),
        (40, 637, 10, "• HBM 공급 확대와 가격 상승으로 하반기 이익 개선 전망"),
        (40, 600, 10, "표 1. 실적 전망"),
        (40, 585, 9, "(십억원)    2023    2024E    2025E"),
        (40, 572, 9, "매출액    258,935    301,210    338,450"),
        (40, 559, 9, "영업이익    6,567    35,120    52,300"),
        (40, 546, 9, "PER(배)    38.2    14.5    10.1"),
        (40, 530, 8, "자료: 키움증권 리서치센터"),
        (40, 500, 10, "그림 1. 주가 추이"),
        (40, 485, 8, "출처: 한국거래소"),
        (400, 770, 8, "주요 종목 종가 1W 1M"),
    ],
    [
        (40, 800, 12, "Compliance Notice"),
        (40, 780, 8, "당사는 보고서 작성일 현재 동 종목 발행주식을 1% 이상 보유하고 있지 않습니다."),
        (40, 766, 8, "동 자료는 기관투자가 등 제3자에게 사전 제공한 사실이 없습니다."),
        (40, 752, 8, "작성자는 해당 종목과 재산적이해관계가 없습니다."),
        (40, 730, 8, "투자등급 비율 (2024.03.31 기준) 매수 92.3% 중립 7.7% 매도 0.0%"),
        (40, 716, 8, "기업: 매수 +15% 이상, 중립 -15%~+15%, 매도 -15% 이하"),
        (40, 700, 8, "일자 투자의견 목표주가 괴리율(평균) 괴리율(최고)"),
        (40, 688, 8, "2024.05.13 매수 120,000 -34.6 -28.1"),
    ],
]


def pdf(objects):
    """objects: list of bytes bodies, object i+1 each. Returns the file with a correct xref."""
    return pdf_bytes(objects, root=1, info=2)


def stream(data, extra=b"", flate=False):
    if flate:
        data = zlib.compress(data)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def korean_doc(pages, flate=False, rotate=0, simple=False, rules=b"q 0.5 w 40 620 m 555 620 l S Q"):
    """pages: lists of (x, y, size, text); rules: path operators drawn on every page."""
    chars = sorted({c for page in pages for (_, _, _, t) in page for c in t})
    code = {c: i + 1 for i, c in enumerate(chars)}
    # 1 catalog, 2 info, 3 pages, 4 font, 5 descendant, 6 tounicode, 7.. page/content pairs
    n = len(pages)
    kids = b" ".join(b"%d 0 R" % (7 + 2 * i) for i in range(n))
    objs = [
        b"<< /Type /Catalog /Pages 3 0 R >>",
        "<< /Producer (make_seeds.py) /Title <FEFF{}> /CreationDate (D:20240513090000+09'00') >>"
        .format("".join("%04X" % ord(c) for c in "삼성전자 기업분석")).encode(),
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n),
    ]
    if simple:
        objs += [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
                 b"null", b"null"]
    else:
        cmap = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
                "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
                "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
        items = list(code.items())
        for k in range(0, len(items), 100):
            chunk = items[k:k + 100]
            cmap.append("%d beginbfchar" % len(chunk))
            cmap += ["<%04X> <%04X>" % (v, ord(c)) for c, v in chunk]
            cmap.append("endbfchar")
        cmap += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
        objs += [
            b"<< /Type /Font /Subtype /Type0 /BaseFont /NanumGothic /Encoding /Identity-H"
            b" /DescendantFonts [5 0 R] /ToUnicode 6 0 R >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NanumGothic /CIDSystemInfo"
            b" << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 900"
            b" /W [1 [500 500 500]] /CIDToGIDMap /Identity >>",
            stream("\n".join(cmap).encode(), flate=flate),
        ]
    for i, page in enumerate(pages):
        ops = []
        for (x, y, size, text) in page:
            if simple:
                s = text.encode("cp1252", "replace").replace(b"\\", b"\\\\")
                s = s.replace(b"(", b"\\(").replace(b")", b"\\)")
                shown = b"(" + s + b") Tj"
            else:
                shown = b"<" + "".join("%04X" % code[c] for c in text).encode() + b"> Tj"
            ops.append(b"BT /F1 %d Tf 1 0 0 1 %d %d Tm " % (size, x, y) + shown + b" ET")
        ops.append(rules)
        rot = b" /Rotate %d" % rotate if rotate else b""
        objs.append(b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842]%s"
                    b" /Resources << /Font << /F1 4 0 R >> >> /Contents %d 0 R >>"
                    % (rot, 8 + 2 * i))
        objs.append(stream(b"\n".join(ops), flate=flate))
    return pdf(objs)


def grid(x0, y_top, widths, row_height, header, rows, size=8):
    """A ruled table: (x, y, size, text) items, one per cell, and the rules between them."""
    items, lines = [], []
    for r, row in enumerate([header] + rows):
        y = y_top - (r + 1) * row_height
        x = x0
        for width, cell in zip(widths, row):
            if cell:
                items.append((x + 2, y + 3, size, cell))
            x += width
        lines.append(b"%d %d m %d %d l" % (x0, y, x0 + sum(widths), y))
    lines.append(b"%d %d m %d %d l" % (x0, y_top, x0 + sum(widths), y_top))
    return items, lines


def table_pages():
    """The two tables a desk reads first, in the layouts the tables stage knows: an annual
    summary (years as columns, units in labels, negatives in brackets, words in cells), a
    transposed one (years as rows), a vertical rating history with Not Rated and notes, and a
    horizontal grid that prints the year only on the first date of each year."""
    annual, l1 = grid(40, 700, [90, 60, 60, 60, 60], 14,
                      ["(십억원)", "2023A", "2024A", "2025F", "2026F"],
                      [["매출액", "258,935", "300,871", "338,450", "361,002"],
                       ["영업이익", "6,567", "32,726", "35,120", "52,300"],
                       ["순이익(지배)", "(1,234.5)", "-34", "적전", "흑전"],
                       ["EPS(원)", "2,131", "4,950", "NA", "6,011"],
                       ["PER(배)", "38.2", "14.5", "10.1", "9.8"]])
    side, l2 = grid(400, 700, [50, 50, 50], 12, ["", "매출액", "영업이익"],
                    [["FY24", "1,020", "88"], ["FY25E", "1,130", "(12)"], ["12/26F", "1,250", "흑전"]])
    history, l3 = grid(40, 450, [70, 60, 60, 60, 80], 12,
                       ["일자", "투자의견", "목표주가", "괴리율(평균)", "괴리율(최고/최저)"],
                       [["2025-08-19", "BUY", "120,000원", "", "담당자변경"],
                        ["24.3.10", "매수", "110,000", "-12.3", "-5.1"],
                        ["2021.10.29", "Not Rated", "-", "", "1년경과"],
                        ["21.10.29", "중립", "", "", "AFTER 6M"]])
    across, l4 = grid(40, 300, [50, 45, 45, 45, 45, 55], 12,
                      ["날짜", "2023/1/9", "2/9", "3/31", "9/26", "2024/3/8"],
                      [["투자의견", "BUY", "BUY", "HOLD", "BUY", "BUY"],
                       ["목표주가", "90,000", "95,000", "95,000", "88,000", "100,000"]])
    head = [(40, 800, 9, "하나증권 기업분석 2025년 8월 19일"), (40, 780, 16, "LG화학 (051910) 실적 전망"),
            (40, 760, 9, "투자의견 BUY, 목표주가 120,000원으로 상향"), (40, 716, 8, "표 1. 연간 실적 (연결)"),
            (40, 466, 8, "투자의견 및 목표주가 변동 추이"), (40, 200, 8, "자료: 하나증권")]
    rules = b"q 0.4 w " + b" ".join(l1 + l2 + l3 + l4) + b" S Q"
    return [head + annual + side + history + across], rules


def tagged_doc():
    """A tagged page whose text is drawn as images, kept as /ActualText on the structure tree's
    Spans (the image-text reports of ../shared/design/text-recovery.md), plus marked content
    with /ActualText of its own, an Alt text and a Span without any text."""
    def utf16(text):
        return b"<FEFF" + "".join("%04X" % ord(c) for c in text).encode() + b">"
    spans = ["미래에셋증권", "투자의견 매수", "목표주가 120,000원", "Analyst 김철수", None]
    # 1 catalog, 2 info, 3 pages, 4 page, 5 struct root, 6 document, 7 stencil, 8 content,
    # 9 soft-masked image, 10 its mask, 11.. spans
    draw = b"BDC q 60 0 0 12 40 %d cm /Im0 Do Q EMC\n"
    content = b"".join(b"/Span <</MCID %d>> " % i + (draw % (800 - 20 * i)).replace(b"Im0", b"Im%d" % (i % 2))
                       for i in range(len(spans)))
    content += b"/Span <</ActualText " + utf16("현재주가 78,500원") + b">> " + draw % 600
    content += b"/Figure <</Alt " + utf16("그림 1. 주가 추이") + b">> " + draw % 580
    refs = b" ".join(b"%d 0 R" % (11 + i) for i in range(len(spans)))
    objs = [
        b"<< /Type /Catalog /Pages 3 0 R /StructTreeRoot 5 0 R /MarkInfo << /Marked true >> /Lang (ko-KR) >>",
        b"<< /Producer (make_seeds.py) >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /StructParents 0"
        b" /Resources << /XObject << /Im0 7 0 R /Im1 9 0 R >> >> /Contents 8 0 R >>",
        b"<< /Type /StructTreeRoot /K 6 0 R /ParentTree << /Nums [0 [" + refs + b"]] >> >>",
        b"<< /Type /StructElem /S /Document /P 5 0 R /K [" + refs + b"] >>",
        # A 32 x 16 stencil: kreport takes masks at least 16 pixels tall for text runs.
        stream(bytes([0x0F, 0xF0, 0x3C, 0xC3] * 16), b" /Type /XObject /Subtype /Image /Width 32"
               b" /Height 16 /ImageMask true /BitsPerComponent 1 /Decode [1 0]"),
        stream(content),
        # Word's form of the same: a 2 x 2 flat colour under a 1-bit soft mask.
        stream(b"\x00\x00", b" /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace"
               b" [/Indexed /DeviceRGB 1 <000000000000>] /BitsPerComponent 1 /SMask 10 0 R"),
        stream(bytes([0xFF, 0x00, 0x81, 0x7E] * 16), b" /Type /XObject /Subtype /Image /Width 32"
               b" /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 1"),
    ]
    for i, text in enumerate(spans):
        body = b"<< /Type /StructElem /S /Span /P 6 0 R /Pg 4 0 R /K %d" % i
        if text is not None:
            body += b" /ActualText " + utf16(text)
        objs.append(body + b" >>")
    return pdf(objs)


def ascii_pages():
    return [[(40, 800 - 16 * i, 11, t) for i, t in enumerate([
        "Mirae Asset Securities  Equity Research  2024.05.13",
        "Samsung Electronics (005930 KS)  BUY  TP KRW120,000",
        "Analyst: Jane Doe  +82-2-3774-1234  jane.doe@example.com",
        "(KRWbn)  2023  2024E  2025E",
        "Revenue  258,935  301,210  338,450",
        "Source: Company data (a \\ b)",
    ])]]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    seeds = {
        "synthetic_report.pdf": korean_doc(PAGES),
        "synthetic_report_flate.pdf": korean_doc(PAGES, flate=True),
        "synthetic_rotated.pdf": korean_doc(PAGES[:1], rotate=90),
        "synthetic_one_page.pdf": korean_doc(PAGES[1:]),
        "synthetic_ascii.pdf": korean_doc(ascii_pages(), simple=True),
        "synthetic_tables.pdf": korean_doc(*table_pages()),
        "synthetic_tagged.pdf": tagged_doc(),
    }
    for name, data in seeds.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
