#!/usr/bin/python3
"""Benchmark driver: pdfminer.six extract_text() on every PDF given.

Usage: pdfminer_text.py FILE.pdf...   Prints the file count and characters on stdout.
"""
import sys

from pdfminer.high_level import extract_text  # Debian python3-pdfminer


def main(paths):
    chars = 0
    for path in paths:
        chars += len(extract_text(path))
    print(len(paths), chars)


if __name__ == "__main__":
    main(sys.argv[1:])
