"""TXT and Markdown."""

from __future__ import annotations

import re

from resumeiq.engine.errors import EmptyFile, TooLarge
from resumeiq.engine.extract._encoding import decode
from resumeiq.engine.extract._limits import ExtractLimits
from resumeiq.engine.extract._rebreak import soft_lines
from resumeiq.engine.extract._text import clean_text, is_bullet
from resumeiq.engine.model import DocFormat, ExtractedDocument, Layout, Line

_MD_HEADING = re.compile(r"^(#{1,6})\s+\S")
_MD_HEADINGS = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
# Emphasis and code marks: "**bold**", "__bold__", "*italic*", "`code`" (a "* item" bullet has a
# space after its star and stays).
_MD_MARKS = re.compile(r"\*\*|__|(?<![\w*])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*])|`")
_MD_TABLE = re.compile(r"^\s*\|.*\|\s*$")
_WORDS_PER_PAGE = 500
def decode_text(data: bytes) -> str:
    """The file's text, in the encoding its bytes show (``_encoding``: BOM, UTF-16 without one,
    UTF-8, Windows-1251 or Windows-1252)."""
    return decode(data)


def extract_plain(data: bytes, fmt: DocFormat, limits: ExtractLimits) -> ExtractedDocument:
    text = clean_text(decode_text(data))
    if len(text) > limits.max_chars:
        raise TooLarge(f"The document holds {len(text):,} characters; the limit is {limits.max_chars:,}.")
    if not text.strip():
        raise EmptyFile("The document contains no text.")
    if fmt == "txt" and len(_MD_HEADINGS.findall(text, 0, 20000)) >= 2:
        fmt = "md"  # Markdown saved as .txt: its headings say so
    if fmt == "md":
        # Marks become spaces, so that every offset still points into the file's own text.
        text = _MD_MARKS.sub(lambda m: " " * len(m.group()), text)
    lines: list[Line] = []
    tables = 0
    in_table = False
    pos = 0
    for whole in text.split("\n"):
        line_start = pos
        pos += len(whole) + 1
        if not whole.strip():
            in_table = False
            continue
        for start, end in soft_lines(whole, line_start):
            raw = text[start:end]
            stripped = raw.strip()
            if not stripped:
                continue
            lead = len(raw) - len(raw.lstrip())
            style = ""
            cut = 0
            if fmt == "md":
                m = _MD_HEADING.match(stripped)
                if m:
                    style = f"h{len(m.group(1))}"
                    cut = m.end(1) + len(stripped[m.end(1) :]) - len(stripped[m.end(1) :].lstrip())
            table_row = bool(_MD_TABLE.match(raw)) or raw.count("\t") >= 2
            if table_row and not in_table:
                tables += 1
            in_table = table_row
            lines.append(
                Line(
                    start=start + lead + cut,
                    end=start + len(raw.rstrip()),
                    x0=float(lead),
                    style=style,
                    bullet=is_bullet(stripped),
                    in_table=table_row,
                )
            )
    words = len(text.split())
    layout = Layout(
        pages=max(1, -(-words // _WORDS_PER_PAGE)),
        tables=tables,
        text_chars=sum(1 for c in text if not c.isspace()),
    )
    return ExtractedDocument(text=text, format=fmt, lines=lines, layout=layout)
