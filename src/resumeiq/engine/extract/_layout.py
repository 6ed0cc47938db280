"""Reading order of a PDF page: runs of characters → lines, in the order a person reads them.

A page laid out in two columns (a vertical gutter that almost no run crosses, with real text on
both sides that is not row-aligned like a title/date table) is read column by column inside
horizontal bands separated by full-width runs (a name or header across both columns). Within a
line, runs far apart (a title and a right-aligned date) are joined with a tab, so later stages can
tell them apart.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate


@dataclass(slots=True)
class Run:
    chars: list[str]
    x0: float
    x1: float
    top: float
    bottom: float
    first_char: int
    size: float = 0.0
    bold: bool = False

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 0.1)

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2



def order_lines(runs: list[Run]) -> tuple[list[tuple[str, Run, int]], int]:
    """The page's lines in reading order as (text, first run, column), and its number of columns."""
    gutter = _find_gutter(runs)
    return _order_lines(runs, gutter), 2 if gutter is not None else 1


def _find_gutter(runs: list[Run]) -> float | None:
    """x of a vertical gutter splitting the page into two text columns, or None."""
    if len(runs) < 10:
        return None
    page_x0 = min(r.x0 for r in runs)
    page_x1 = max(r.x1 for r in runs)
    width = page_x1 - page_x0
    if width <= 0:
        return None
    by_x0 = sorted(runs, key=lambda r: r.x0)
    by_x1 = sorted(runs, key=lambda r: r.x1)
    x0s = [r.x0 for r in by_x0]
    x1s = [r.x1 for r in by_x1]
    chars_x1 = list(accumulate(len(r.chars) for r in by_x1))
    chars_x0_suffix = list(accumulate(len(r.chars) for r in reversed(by_x0)))[::-1]
    total = chars_x1[-1]
    best: tuple[int, int, float] | None = None
    for x1 in x1s:
        g = x1 + 0.5
        if not (page_x0 + 0.12 * width < g < page_x0 + 0.88 * width):
            continue
        n_left = bisect_right(x1s, g)
        crossing = bisect_left(x0s, g) - n_left
        if crossing > max(2, 0.06 * len(runs)):
            continue
        i_right = bisect_left(x0s, g)
        left_chars = chars_x1[n_left - 1] if n_left else 0
        right_chars = chars_x0_suffix[i_right] if i_right < len(runs) else 0
        n_right = len(runs) - i_right
        if n_left < 4 or n_right < 4 or min(left_chars, right_chars) < 0.12 * total:
            continue
        key = (-crossing, min(left_chars, right_chars), -g)
        if best is None or key > best:
            best = key
    if best is None:
        return None
    g = -best[2]
    left = [r for r in runs if r.x1 <= g]
    right = [r for r in runs if r.x0 >= g]
    # Both sides must run down the page side by side, not one above the other.
    top = max(min(r.top for r in left), min(r.top for r in right))
    bottom = min(max(r.bottom for r in left), max(r.bottom for r in right))
    shorter = min(
        max(r.bottom for r in left) - min(r.top for r in left),
        max(r.bottom for r in right) - min(r.top for r in right),
    )
    if shorter <= 0 or bottom - top < 0.5 * shorter:
        return None
    # A title/date table has every right-hand run on the baseline of a left-hand run: rows, not columns.
    left_cys = sorted(r.cy for r in left)
    aligned = 0
    for r in right:
        k = bisect_left(left_cys, r.cy - 0.3 * r.height)
        if k < len(left_cys) and left_cys[k] <= r.cy + 0.3 * r.height:
            aligned += 1
    right_chars = sum(len(r.chars) for r in right)
    if aligned > 0.6 * len(right) and right_chars < 0.35 * total:
        return None
    return g


def _order_lines(runs: list[Run], gutter: float | None) -> list[tuple[str, Run, int]]:
    """Group runs into lines and return them in reading order with their column (0 or 1)."""
    if gutter is None:
        groups = {(0, 0): runs}
    else:
        full = sorted((r for r in runs if r.x0 < gutter < r.x1), key=lambda r: r.top)
        full_tops = [r.top for r in full]
        groups: dict[tuple[int, int], list[Run]] = {}
        for r in runs:
            band = bisect_right(full_tops, r.top)
            col = -1 if r.x0 < gutter < r.x1 else (0 if r.x1 <= gutter else 1)
            groups.setdefault((band, col), []).append(r)
    out: list[tuple[str, Run, int]] = []
    for (_band, col), members in sorted(groups.items()):
        for line_runs in _cluster_lines(members):
            out.append((_join_runs(line_runs), line_runs[0], max(col, 0)))
    return out


def _cluster_lines(runs: list[Run]) -> list[list[Run]]:
    lines: list[list[Run]] = []
    bounds: list[list[float]] = []  # top, bottom of each open line
    for r in sorted(runs, key=lambda r: (r.top, r.x0)):
        for k in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
            top, bottom = bounds[k]
            overlap = min(bottom, r.bottom) - max(top, r.top)
            if overlap > 0.5 * min(bottom - top, r.height):
                lines[k].append(r)
                bounds[k] = [min(top, r.top), max(bottom, r.bottom)]
                break
        else:
            lines.append([r])
            bounds.append([r.top, r.bottom])
    for line in lines:
        line.sort(key=lambda r: r.x0)
    return lines


def _join_runs(runs: list[Run]) -> str:
    parts = ["".join(runs[0].chars)]
    for prev, run in zip(runs, runs[1:], strict=False):
        gap = run.x0 - prev.x1
        h = max(prev.height, run.height)
        parts.append("\t" if gap > 1.2 * h else (" " if gap > 0.15 * h else ""))
        parts.append("".join(run.chars))
    return "".join(parts)
