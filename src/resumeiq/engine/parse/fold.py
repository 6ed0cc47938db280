"""Accent folding for matching words against the engine's word lists: "Expérience" and
"Experience" are one heading, "Développeur" and "Developpeur" one title word."""

from __future__ import annotations

import unicodedata

__all__ = ["fold_accents", "fold_in_place"]


def fold_accents(text: str) -> str:
    """"Expérience" → "Experience", "Fähigkeiten" → "Fahigkeiten", "ß" → "ss". Only Latin
    letters are folded: Japanese, Chinese, Korean and Cyrillic text is left as it is."""
    if text.isascii():
        return text
    out = []
    for c in text:
        if c == "ß":
            out.append("ss")
        elif "\u00c0" <= c <= "\u024f" or "\u1e00" <= c <= "\u1eff":
            out.append("".join(d for d in unicodedata.normalize("NFKD", c) if not unicodedata.combining(d)))
        else:
            out.append(c)
    return "".join(out)


def fold_in_place(text: str) -> str:
    """``fold_accents`` one character for one ("ß" → "s"), so that offsets into the folded text are
    offsets into ``text``: patterns of plain letters can be searched for in accented text."""
    if text.isascii():
        return text
    return "".join(_fold_char(c) for c in text)


def _fold_char(c: str) -> str:
    if c == "ß":
        return "s"
    if "\u00c0" <= c <= "\u024f" or "\u1e00" <= c <= "\u1eff":
        base = [d for d in unicodedata.normalize("NFKD", c) if not unicodedata.combining(d)]
        return base[0] if len(base) == 1 else c
    return c
