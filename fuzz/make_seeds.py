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


def korean_doc(pages, flate=False, rotate=0, simple=False):
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
        ops.append(b"q 0.5 w 40 620 m 555 620 l S Q")
        rot = b" /Rotate %d" % rotate if rotate else b""
        objs.append(b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842]%s"
                    b" /Resources << /Font << /F1 4 0 R >> >> /Contents %d 0 R >>"
                    % (rot, 8 + 2 * i))
        objs.append(stream(b"\n".join(ops), flate=flate))
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
    }
    for name, data in seeds.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
