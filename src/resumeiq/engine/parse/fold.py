"""Accent folding for matching words against the engine's word lists: "Expérience" and
"Experience" are one heading, "Développeur" and "Developpeur" one title word."""

from __future__ import annotations

import unicodedata

__all__ = ["fold_accents"]


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
