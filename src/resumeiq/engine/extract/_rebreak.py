"""Line breaks lost in a plain text: a resume pasted from a form or kept in a CSV cell comes as
one long line, its old breaks shown as runs of spaces. Such a line is read as several lines, cut
at those runs and before inline bullets; a run between two dates is the dash of a range that
was lost with the breaks ("2019  Present", "Apr 2014  Oct 2016") and is no break."""

from __future__ import annotations

import re
from functools import cache

from resumeiq.engine._data import load_json

_LONG_LINE = 250
_SOFT_BREAK = re.compile(r"(?<![•●▪➢❖◦■]) {2,}|\t+| (?=[•●▪➢❖◦■]\s)")
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"


@cache
def _date_ends() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load_json("dates.json")
    months = sorted({m for names in data["months"].values() for m in names}, key=len, reverse=True)
    month = "|".join(re.escape(m) for m in months)
    present = "|".join(re.escape(p) for p in sorted(data["present"], key=len, reverse=True))
    # The left side ends with a year ("2005", "May 2013") or a month written alone ("March");
    # the right side opens with a year, a month or a word for "now".
    before = re.compile(rf"(?<![\w/.-])(?:{_YEAR}|(?:{month})\.?)$", re.IGNORECASE)
    after = re.compile(rf"^(?:{_YEAR}|(?:{month})\.?\s*{_YEAR}|(?:{present}))(?![\w/%])", re.IGNORECASE)
    return before, after


def _range_gap(raw: str, m: re.Match[str]) -> bool:
    """The run of spaces ``m`` sits between the two ends of a date range."""
    if "\t" in m.group():
        return False
    before, after = _date_ends()
    return bool(
        before.search(raw, max(0, m.start() - 12), m.start()) and after.match(raw[m.end() : m.end() + 24])
    )


def soft_lines(raw: str, start: int) -> list[tuple[int, int]]:
    """The lines of one line of the file, as (start, end) offsets: the line itself, or, for a
    long line that shows its lost breaks as runs of spaces, the pieces between those runs."""
    if len(raw) <= _LONG_LINE or len(_SOFT_BREAK.findall(raw)) < 3:
        return [(start, start + len(raw))]
    out, pos = [], 0
    for m in _SOFT_BREAK.finditer(raw):
        if _range_gap(raw, m):
            continue
        if raw[pos : m.start()].strip():
            out.append((start + pos, start + m.start()))
        pos = m.end()
    if raw[pos:].strip():
        out.append((start + pos, start + len(raw)))
    return out
