"""Text clean-up shared by the extractors."""

from __future__ import annotations

import re

# Bullet glyphs seen in resumes, including Symbol/Wingdings private-use code points.
BULLET_CHARS = "•●○◦▪▫■□◆◇❖➢➤►▶▸‣⁃∙·✓✔✗★☆⦿⦾-–—*+»~ƒ\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf02d\uf095\uf0a8"
# A C1 control character (U+0080-U+009F) opening a line is a symbol font's glyph without a
# Unicode mapping: a bullet, never text.
BULLET_RE = re.compile(r"^(?:[" + re.escape(BULLET_CHARS) + r"\x80-\x9f]|o(?=\s)|\(?\d{1,2}[.)](?=\s)|[a-z][.)](?=\s))\s*")



def is_bullet(line: str) -> bool:
    """A list item: a bullet glyph or a number, followed by words (not a rule like "-----")."""
    return bool(BULLET_RE.match(line)) and any(c.isalnum() for c in line[:12])


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = {c: " " for c in (0x00A0, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)}


def clean_text(text: str) -> str:
    """Normalise newlines and odd spaces; drop control and zero-width characters.
    Keeps one character per visible character so that the text stays readable."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    text = _CONTROL.sub("", text)
    text = text.translate(_SPACES)
    return text.strip("\n ")


# Code points that are not text: lone surrogates (no UTF encoder writes them), NUL (PostgreSQL's
# text and JSONB refuse it) and the 66 noncharacters (U+FDD0-U+FDEF, U+FFFE and U+FFFF of every
# plane), which a font's ToUnicode map or a decoder can hand over.
_NOT_TEXT = re.compile(
    "[\x00\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
    + "]"
)


def valid_text(text: str) -> str:
    """``text`` with every code point that is not text replaced by U+FFFD, one for one, so that
    character offsets into it stay where they were. What the extractors hand out goes through
    this: any encoder and either database can store the result."""
    if text.isascii() and "\x00" not in text:
        return text  # of ASCII, only NUL is no text
    return _NOT_TEXT.sub("\ufffd", text)


_SPACED_WORD = re.compile(r"^(?:\S ){2,}\S$")
_WIDE_GAP = re.compile(r"\s{2,}")


def _unevenly_spaced(group: str) -> bool:
    """A word of letter-spaced text split at some of its gaps: pieces of one to three letters,
    half of them single letters, two side by side ("Emp l o yme n t", "His t o ry")."""
    pieces = group.split(" ")
    if len(pieces) < 4 or not all(p.isalpha() and len(p) <= 3 for p in pieces):
        return False
    single = [len(p) == 1 for p in pieces]
    return sum(single) >= 0.5 * len(pieces) and not all(single) and any(a and b for a, b in zip(single, single[1:], strict=False))


def collapse_letter_spacing(line: str) -> str:
    """Text set with letter spacing, read one letter at a time: "J A N E   D O E" → "JANE DOE",
    "E X P E R I E N C E" → "EXPERIENCE". Words are the runs of letters between wider gaps (two
    spaces or more); a line of single letters with no wider gap is one word. Other lines are kept."""
    stripped = line.strip()
    if len(stripped) < 7:
        return line
    groups = _WIDE_GAP.split(stripped)
    if all(_unevenly_spaced(g) or len(g) == 1 for g in groups) and any(_unevenly_spaced(g) for g in groups):
        # Tracking read with a space at some gaps only ("Emp l o yme n t"): one word per group.
        lead = line[: len(line) - len(line.lstrip())]
        return lead + " ".join(g.replace(" ", "") for g in groups)
    if "  " not in stripped and not _SPACED_WORD.match(stripped):
        return line
    if not all(_SPACED_WORD.match(g) or len(g) == 1 for g in groups):
        return line
    if sum(len(g) > 1 for g in groups) == 0:
        return line
    lead = line[: len(line) - len(line.lstrip())]
    return lead + " ".join(g.replace(" ", "") for g in groups)
