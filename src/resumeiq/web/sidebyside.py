"""Two texts side by side, line by line, with what differs marked: the tailoring page's
"original vs tailored" view (the same Markdown the exports write, so what you see is what a
download holds)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the view: a line of each side (None where that side has none there).
    ``kind``: ``same``, ``changed`` (both sides, different), ``removed`` (left only),
    ``added`` (right only)."""

    left: str | None
    right: str | None
    kind: str


def side_by_side(before: str, after: str) -> list[Row]:
    left, right = before.splitlines(), after.splitlines()
    rows: list[Row] = []
    matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            rows += [Row(line, line, "same") for line in left[i1:i2]]
        elif op == "delete":
            rows += [Row(line, None, "removed") for line in left[i1:i2]]
        elif op == "insert":
            rows += [Row(None, line, "added") for line in right[j1:j2]]
        else:  # replace: pair the lines up, the longer side's rest alone
            a, b = left[i1:i2], right[j1:j2]
            for k in range(max(len(a), len(b))):
                if k < len(a) and k < len(b):
                    rows.append(Row(a[k], b[k], "changed"))
                elif k < len(a):
                    rows.append(Row(a[k], None, "removed"))
                else:
                    rows.append(Row(None, b[k], "added"))
    return rows


def counts(rows: list[Row]) -> dict[str, int]:
    out = {"changed": 0, "removed": 0, "added": 0}
    for row in rows:
        if row.kind in out:
            out[row.kind] += 1
    return out
