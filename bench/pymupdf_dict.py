#!/usr/bin/python3
"""Benchmark driver: PyMuPDF page.get_text("dict") on every page of every PDF given.

Usage: pymupdf_dict.py FILE.pdf...   Prints the total page count on stdout.
The result is walked (span text summed) so that the dict is really built and used.
"""
import sys

import fitz  # PyMuPDF (Debian python3-fitz)


def main(paths):
    pages = chars = 0
    for path in paths:
        with fitz.open(path) as doc:
            for page in doc:
                d = page.get_text("dict")
                for block in d["blocks"]:
                    for line in block.get("lines", ()):
                        for span in line["spans"]:
                            chars += len(span["text"])
                pages += 1
    print(pages, chars)


if __name__ == "__main__":
    main(sys.argv[1:])
