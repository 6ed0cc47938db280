"""Month arithmetic on the dates the parser normalises (``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY``) and,
defensively, on raw ones ("Jan 2020", "01/2020", "Present"); plus the style a raw date is written in.

A month index is ``year * 12 + month - 1``. A year-only start reads as January, a year-only end as
December, so "2015 – 2017" followed by "2018 – 2020" leaves no gap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resumeiq.engine.model import Work
from resumeiq.engine.score._text import language

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ]
    )
    for m in names
}
_YEAR = r"(19[5-9]\d|20[0-4]\d)"
_ISO = re.compile(rf"^{_YEAR}(?:[-/.](\d{{1,2}})(?:[-/.]\d{{1,2}})?)?$")
_NUMERIC = re.compile(rf"^(\d{{1,2}})[/.]{_YEAR}$")
_NAMED = re.compile(rf"^([a-z]+)\.?,?\s+'?{_YEAR}$")


@dataclass(frozen=True, slots=True)
class RoleDates:
    """One work entry's dates as month indexes; ``end`` is None for an ongoing role."""

    index: int  # position in resume.work
    start: int
    end: int | None

    @property
    def end_or_max(self) -> int:
        return self.end if self.end is not None else 10**9


def is_present(value: str | None) -> bool:
    return bool(value) and value.strip().lower().rstrip(".") in language()["present_markers"]


def month_index(value: str | None, *, end: bool = False) -> int | None:
    """Month index of one date, or None when it cannot be read (or says "present")."""
    if not value:
        return None
    text = value.strip().lower()
    if m := _ISO.match(text):
        year, month = int(m.group(1)), m.group(2)
        mon = int(month) if month else (12 if end else 1)
    elif m := _NUMERIC.match(text):
        mon, year = int(m.group(1)), int(m.group(2))
    elif (m := _NAMED.match(text)) and m.group(1) in _MONTHS:
        mon, year = _MONTHS[m.group(1)], int(m.group(2))
    else:
        return None
    if not 1 <= mon <= 12:
        return None
    return year * 12 + mon - 1


def role_dates(work: list[Work]) -> list[RoleDates]:
    """Roles whose start can be read. A missing or "present" end date means an ongoing role; an
    unreadable end date drops the role (its length is unknown)."""
    out: list[RoleDates] = []
    for i, item in enumerate(work):
        start = month_index(item.startDate)
        if start is None:
            continue
        if not item.endDate or is_present(item.endDate):
            out.append(RoleDates(i, start, None))
            continue
        end = month_index(item.endDate, end=True)
        if end is not None:
            out.append(RoleDates(i, start, max(start, end)))
    return out


def format_month(index: int) -> str:
    return f"{index // 12}-{index % 12 + 1:02d}"


# Raw date styles as written in the document, for the consistency check.
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
DATE_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Month YYYY", re.compile(rf"\b(?:{_MONTH_ALT})\.?,?\s+'?{_YEAR}\b", re.IGNORECASE)),
    ("MM/YYYY", re.compile(rf"(?<![\d/.])\d{{1,2}}[/.]{_YEAR}\b")),
    ("YYYY-MM", re.compile(rf"\b{_YEAR}-(?:0[1-9]|1[0-2])\b(?!-\d)")),
    ("YYYY-MM-DD", re.compile(rf"\b{_YEAR}-\d\d-\d\d\b")),
    # A bare year counts only inside a range ("2018 – 2020", "2019 - Present").
    (
        "YYYY",
        re.compile(
            rf"(?<![\w/.-]){_YEAR}\s*(?:-{{1,2}}|–|—|to)\s*(?:{_YEAR}|present|current|now)(?![\w/.-])",
            re.IGNORECASE,
        ),
    ),
)
