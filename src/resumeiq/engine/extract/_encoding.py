"""Which text encoding a plain-text file is in, from its bytes (never its name).

The rules, in order (the WHATWG Encoding Standard's BOM sniffing first, then what the bytes
allow):

1. A byte order mark: UTF-8, UTF-32 LE/BE (checked before UTF-16: ``FF FE 00 00``), UTF-16 LE/BE.
2. No BOM, but every other byte NUL in the sample: UTF-16 without a BOM, big-endian when the
   NULs come first in each pair (Latin text in UTF-16BE), little-endian when second.
3. Valid UTF-8.
4. A single-byte legacy encoding: Windows-1251 (Cyrillic) when, read as Windows-1252, most of
   the words holding non-ASCII letters are made mostly of them (Cyrillic words come out as runs
   of accented Latin letters; French, German or Spanish words have one or two accents among
   ASCII letters); else Windows-1252.

A sample that decodes to control characters, or to text with no spaces or line breaks at all,
is not text (``None``): binary data of an unknown type.
"""

from __future__ import annotations

import re

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_WORD = re.compile(r"[^\W\d_]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    pairs = len(sample) // 2
    if pairs < 4:
        return None
    even = sum(1 for i in range(0, 2 * pairs, 2) if sample[i] == 0)
    odd = sum(1 for i in range(1, 2 * pairs, 2) if sample[i] == 0)
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    return None


def _cyrillic_in_1252(text: str) -> bool:
    """Whether ``text`` (bytes read as Windows-1252) looks like Cyrillic in Windows-1251."""
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    if not words:
        return False
    mostly = sum(1 for w in words if sum(not c.isascii() for c in w) * 2 > len(w))
    return mostly * 2 > len(words)


def _is_text(text: str) -> bool:
    if not text:
        return False
    if len(_CONTROL.findall(text)) > max(2, len(text) // 50):
        return False
    return len(text) < 40 or sum(c in " \t\n\r\u3000" for c in text) >= 0.02 * len(text)


def _trim(sample: bytes, unit: int) -> bytes:
    return sample[: len(sample) - len(sample) % unit]


def sniff_encoding(sample: bytes) -> str | None:
    """The encoding of the text whose first bytes are ``sample``, or None if it is not text.
    ``sample`` may end inside a multi-byte character."""
    bom = bom_encoding(sample)
    if bom is not None:
        return bom
    candidates: list[tuple[str, bytes]] = []
    utf16 = _utf16_without_bom(sample)
    if utf16 is not None:
        candidates.append((utf16, _trim(sample, 2)))
    elif b"\x00" in sample:
        return None
    else:
        candidates.append(("utf-8", sample))
    for name, data in candidates:
        try:
            text = data.decode(name)
        except UnicodeDecodeError as exc:
            if name != "utf-8" or exc.start < len(data) - 4:  # not a character cut by the end
                continue
            text = data[: exc.start].decode(name)
        return name if _is_text(text) else None
    if utf16 is not None:
        return None
    western = sample.decode("cp1252", errors="replace")
    name = "cp1251" if _cyrillic_in_1252(western) else "cp1252"
    return name if _is_text(sample.decode(name, errors="replace")) else None


def decode(data: bytes) -> str:
    """``data`` as text in the encoding ``sniff_encoding`` finds (Windows-1252 if none)."""
    name = sniff_encoding(data[:8192]) or "cp1252"
    if name == "utf-8":
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            name = "cp1251" if _cyrillic_in_1252(data.decode("cp1252", errors="replace")) else "cp1252"
    return data.decode(name, errors="replace")
