"""Cut a text into plain and highlighted pieces from character spans (evidence), for templates
to draw with ``<mark>`` (the text stays escaped by the template)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    mark_id: str | None = None  # the anchor evidence links point to
    label: str | None = None  # what the highlighted text is evidence of
    kind: str | None = None  # passed / partial / failed, or another class name


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    mark_id: str
    label: str
    kind: str


def pieces(text: str, marks: list[Mark]) -> list[Piece]:
    """``text`` with the given spans highlighted; a span overlapping an earlier one is left out
    (its evidence stays listed by its check), spans outside the text are ignored."""
    out: list[Piece] = []
    at = 0
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if mark.start < at or mark.end <= mark.start or mark.end > len(text):
            continue
        if mark.start > at:
            out.append(Piece(text[at : mark.start]))
        out.append(Piece(text[mark.start : mark.end], mark.mark_id, mark.label, mark.kind))
        at = mark.end
    if at < len(text):
        out.append(Piece(text[at:]))
    return out


def spans_of(value: Any) -> list[tuple[int, int]]:
    """Spans as stored in JSON (lists of two ints), the malformed ones dropped."""
    out = []
    for span in value or []:
        if isinstance(span, list | tuple) and len(span) == 2 and all(isinstance(v, int) for v in span):
            out.append((span[0], span[1]))
    return out
