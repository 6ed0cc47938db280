"""E-mail addresses: the first real address in some spans of the text.

PDF extraction wraps an address in a narrow column ("name@gmai" + "l.com") and glues it to the
text beside it ("jane.doe@mail.comLinkedIn", "Emailjane.doe@mail.com"): both are read back to
the address, with the span it was read from.
"""

from __future__ import annotations

import re
from functools import cache

from resumeiq.engine._data import load_json

Span = tuple[int, int]

EMAIL_RE = re.compile(
    r"(?<![\w.+-])[\w.+-](?:[\w.+'-]*[\w+-])?@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?![\w-])"
)
# The same without the end guard: an address with a number glued to it ("…@mail.com07700 …").
_GLUED = re.compile(
    r"(?<![\w.+-])[\w.+-](?:[\w.+'-]*[\w+-])?@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}"
)
_PLACEHOLDER = re.compile(
    r"^(?:x+|your[._-]?(?:name|email)|name|email)@|@(?:example|domain|email)\.com$", re.IGNORECASE
)
_TAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]*)*$")
_CONT = re.compile(r"\n(\.?[a-z]{1,4}(?:\.[a-z]{2,3})?)(?=\s|$)", re.IGNORECASE)
# A word glued after the top-level domain: "comLinkedIn", "ioGitHub", "frH" (capitals after a
# lower-case domain), "COMLinkedIn" (a capitalised word after a capital one).
_GLUED_WORD = re.compile(r"(?<=^[a-z]{2})[a-z]*?([A-Z])|(?<=^[A-Z]{2})[A-Z]*?([A-Z](?=[a-z]))")
# A label glued before the address: "Emailjane.doe@…", "E-mailjane@…".
_GLUED_LABEL = re.compile(r"^E-?[Mm]ail(?=[a-z0-9])")


@cache
def _wrap_tlds() -> frozenset[str]:
    return frozenset(load_json("contact.json")["email_wrap_tlds"])


def is_placeholder(address: str) -> bool:
    """A template's address ("xxx@example.com", "your.name@…")."""
    return bool(_PLACEHOLDER.match(address))


def find_email(text: str, spans) -> tuple[str, Span] | None:
    """The first e-mail address in ``spans`` of ``text``, and its span."""
    for s, e in spans:
        for m in re.finditer(r"\S*@\S*", text[s:e]):
            a, b = s + m.start(), s + m.end()
            wrapped = _wrapped(text, a, b) if b == e else None
            if wrapped is not None:
                return wrapped
            found = _address(text, a, b)
            if found is not None and not is_placeholder(found[0]):
                return found
    return None


def continues_address(text: str, start: int) -> bool:
    """The text at ``start`` ends an e-mail address wrapped from the line above ("L.COM" under
    "MAAIKE@GMAI"): it is no web address of its own."""
    if start == 0 or text[start - 1] != "\n":
        return False
    line_start = text.rfind("\n", 0, start - 1) + 1
    token = text[line_start : start - 1].rsplit(None, 1)
    if not token or "@" not in token[-1]:
        return False
    b = start - 1
    return _wrapped(text, b - len(token[-1]), b) is not None


def _wrapped(text: str, a: int, b: int) -> tuple[str, Span] | None:
    """An address cut at the end of its line and continued on the next ("…@yahoo.co" + "m"),
    when the joined address ends in a known top-level domain."""
    tail = _TAIL.search(text, a, b)
    cont = _CONT.match(text, b) if tail else None
    if not cont:
        return None
    joined = text[tail.start() : b] + cont.group(1)
    if not EMAIL_RE.fullmatch(joined) or joined.rsplit(".", 1)[-1].lower() not in _wrap_tlds():
        return None
    return joined, (tail.start(), cont.end())


def _address(text: str, a: int, b: int) -> tuple[str, Span] | None:
    full = EMAIL_RE.search(text, a, b)
    if full is None:
        full = _GLUED.search(text, a, b)
        if full is None or full.end() >= len(text) or not text[full.end()].isdigit():
            return None
    start, end = full.start(), full.end()
    value = full.group(0)
    tld = value.rsplit(".", 1)[1]
    glued = _GLUED_WORD.search(tld)
    if glued:
        end -= len(tld) - glued.start(1 if glued.group(1) else 2)
    label = _GLUED_LABEL.match(value)
    if label:
        start += label.end()
    value = text[start:end].rstrip(".")
    return value, (start, start + len(value))
