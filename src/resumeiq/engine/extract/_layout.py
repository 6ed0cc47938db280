"""Reading order of a PDF page: runs of characters → lines, in the order a person reads them.

1. **Columns.** A page laid out in two columns (a vertical gutter that almost no run crosses, with
   real text on both sides that is not row-aligned like a title/date table) is read column by
   column inside horizontal bands separated by full-width runs (a name across both columns).
2. **Rails.** Inside a column, a narrow lane of short runs left of the body's left edge is a
   *left rail*: section headings set in the margin ("EXPERIENCE" beside the first entry) or dates in
   a column of their own ("2019 – 2022" beside "Data Analyst, …"). Each rail line becomes a line of
   its own (marked ``rail="left"``), read just before the body it stands beside; an item wrapped
   over two rail lines ("PROFESSIONAL" over "AFFILIATIONS", "Mar 2021 –" over "Present") is left
   for the segment and date stages to join, which know headings and dates.
   Short right-aligned runs at the right edge (a date or a place) standing on a bullet or prose line
   below an entry's first line belong to the entry, not to that bullet: they move up, after the
   entry's last line that is not a bullet (a *right rail*).
3. **Lines.** Within a line, runs far apart (a title and a right-aligned date) are joined with a
   tab, so later stages can tell them apart.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
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
    # Spaces inside the run: (index of the space in ``chars``, x where the text before it ends,
    # x where the text after it starts), so that a run can be cut where a lane begins.
    breaks: list[tuple[int, float, float]] = field(default_factory=list)

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 0.1)

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def text(self) -> str:
        return "".join(self.chars)


@dataclass(slots=True)
class PageLine:
    """One line in reading order: its text, its runs (left to right), its column (0 = full width
    or left, 1 = right) and its rail ("left", "right" or "" for the body)."""

    text: str
    runs: list[Run]
    column: int
    rail: str = ""
    running: bool = False  # a running header or footer, taken out of the flow

    @property
    def first(self) -> Run:
        return self.runs[0]

    @property
    def x1(self) -> float:
        return max(r.x1 for r in self.runs)


def order_pages(pages: list[list[Run]], heights: list[float] | None = None) -> list[tuple[list[PageLine], int]]:
    """Each page's lines in reading order, and its number of columns. The body's left edge, which
    tells a left rail from the body, is measured over the whole document: a rail keeps its place
    from page to page, while one page may hold only a few entries. With the page ``heights``,
    running headers and footers are taken out of the flow (see ``_running``)."""
    grouped: list[list[tuple[int, list[list[Run]]]]] = []
    columns: list[int] = []
    weight: dict[int, Counter[int]] = {}
    for runs in pages:
        gutter = (_find_gutter(runs) or _gutter_below_header(runs)) if runs else None
        if gutter is None:
            groups: dict[tuple[int, int], list[Run]] = {(0, 0): runs}
        else:
            full = sorted((r for r in runs if r.x0 < gutter < r.x1), key=lambda r: r.top)
            full_tops = [r.top for r in full]
            groups = {}
            for r in runs:
                band = bisect_right(full_tops, r.top)
                col = -1 if r.x0 < gutter < r.x1 else (0 if r.x1 <= gutter else 1)
                groups.setdefault((band, col), []).append(r)
        page_groups = []
        for (_band, col), members in sorted(groups.items()):
            page_groups.append((col, _cluster_lines(members)))
            counter = weight.setdefault(col, Counter())
            for r in members:
                counter[round(r.x0)] += len(r.chars)
        grouped.append(page_groups)
        columns.append(2 if gutter is not None else 1)
    body_x0 = {col: _body_edge(counter) for col, counter in weight.items() if counter}
    out = []
    for page_groups, n_columns in zip(grouped, columns, strict=True):
        lines: list[PageLine] = []
        for col, clustered in page_groups:
            lines.extend(_read_lanes(clustered, max(col, 0), body_x0.get(col)))
        out.append((lines, n_columns))
    if heights is not None:
        _running([lines for lines, _ in out], heights)
    _right_bars_last(out)
    return out


def _right_bars_last(pages: list[tuple[list[PageLine], int]]) -> None:
    """In place: a right-hand sidebar (the right column holding less text than the left) is read
    after the last page, so that the body on the left runs on into the pages that follow it
    (a second page without the bar), not into the bar's skills and languages."""
    moved: list[PageLine] = []
    for i, (lines, columns) in enumerate(pages[:-1]):
        if columns != 2:
            continue
        right = [ln for ln in lines if ln.column == 1 and not ln.running]
        left_chars = sum(len(ln.text) for ln in lines if ln.column == 0)
        if right and sum(len(ln.text) for ln in right) < left_chars and any(pages[j][0] for j in range(i + 1, len(pages))):
            keep = {id(ln) for ln in right}
            lines[:] = [ln for ln in lines if id(ln) not in keep]
            moved.extend(right)
    if moved:
        last = pages[-1][0]
        k = len(last)
        while k > 0 and last[k - 1].running:
            k -= 1  # before the running footers
        last[k:k] = moved


_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|seite|página|pagina|pág\.?|p\.)\s*)?[-–(\[]?\s*\d{1,3}\s*(?:(?:/|of|de|von|sur|di|из)\s*\d{1,3})?\s*[-–)\]]?$",
    re.IGNORECASE,
)
_BAND = 0.08  # share of the page height at its top and bottom where running lines stand


def _running(pages: list[list[PageLine]], heights: list[float]) -> None:
    """Running headers and footers, in place: a page number goes; a line repeated in the top or
    bottom band of several pages (digits aside: "Page 2 of 3", a date) stays once: a header where
    it first stands, a footer at the end of the document, marked ``running``."""
    seen: dict[tuple[str, str], int] = {}
    for lines, height in zip(pages, heights, strict=True):
        keys = set()
        for ln in lines:
            band = _band(ln, height)
            if band:
                keys.add((band, _DIGITS.sub("#", ln.text.lower()).strip()))
        for key in keys:
            seen[key] = seen.get(key, 0) + 1
    footers: list[PageLine] = []
    kept: set[tuple[str, str]] = set()
    for lines, height in zip(pages, heights, strict=True):
        out = []
        for ln in lines:
            band = _band(ln, height)
            if band and _PAGE_NUMBER.match(ln.text.strip()):
                continue
            key = (band, _DIGITS.sub("#", ln.text.lower()).strip()) if band else None
            if key is not None and seen.get(key, 0) >= 2:
                if key in kept:
                    continue
                kept.add(key)
                ln.running = True
                if band == "bottom":
                    footers.append(ln)
                    continue
            out.append(ln)
        lines[:] = out
    if pages:
        pages[-1].extend(footers)


def _band(ln: PageLine, height: float) -> str:
    top = min(r.top for r in ln.runs)
    bottom = max(r.bottom for r in ln.runs)
    if bottom <= _BAND * height:
        return "top"
    if top >= (1 - _BAND) * height:
        return "bottom"
    return ""


_DIGITS = re.compile(r"\d+")


def _body_edge(weight: Counter[int]) -> float:
    """The body's left edge from the characters starting at each x: the leftmost lane holding a
    good share of the text, unless that lane is a narrow rail beside a bigger lane to its right
    (margin headings and dates at x=50, entries at x=140, descriptions at x=200: the edge is 140)."""
    total = sum(weight.values())
    lanes: list[list[float]] = []  # x, characters
    for x in sorted(weight):
        if lanes and x - lanes[-1][2] <= 2.5:
            lanes[-1][1] += weight[x]
            lanes[-1][2] = x
        else:
            lanes.append([x, weight[x], x])
    significant = [lane for lane in lanes if lane[1] >= 0.08 * total]
    if not significant:
        return lanes[0][0]
    first = significant[0]
    if first[1] > 0.35 * total or len(significant) == 1:
        return first[0]
    return significant[1][0]


def order_lines(runs: list[Run]) -> tuple[list[PageLine], int]:
    """One page's lines in reading order, and its number of columns."""
    return order_pages([runs])[0]


def _gutter_below_header(runs: list[Run]) -> float | None:
    """The gutter of two columns under a header set across the page's middle (a centred name,
    headline and contact lines, each crossing the gutter): looked for below the header, the
    header then read first as a band of full-width lines."""
    x0 = min(r.x0 for r in runs)
    mid = (x0 + max(r.x1 for r in runs)) / 2
    ordered = sorted(runs, key=lambda r: r.top)
    k = next((i for i, r in enumerate(ordered) if not r.x0 < mid < r.x1), len(ordered))
    if k < 2 or k == len(ordered) or max(r.bottom for r in ordered[:k]) > ordered[k].top:
        return None  # (the header's lines stand above everything else)
    below = ordered[k:]
    g = _find_gutter(below)
    if g is None or any(r.x0 < g < r.x1 for r in below[:1]):
        return None
    return g


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
    if aligned > 0.6 * len(right) and right_chars < 0.35 * total and not _sidebar(right):
        return None
    if aligned >= 0.9 * len(right) and len(_cluster_lines(right)) <= 10 and _paired(left, right):
        return None  # a short table of rows ("Polish · Mother tongue"): read across, row by row
    if _margin_labels(left, right):
        return None
    return g


_DATEISH = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\b(?:present|current|now|today)\b", re.IGNORECASE)


def _sidebar(right: list[Run]) -> bool:
    """Right-hand runs that make a sidebar of their own (contact details, skills, languages set
    on the body's line grid), not the dates and places of a title/date table: many lines (or a
    few set flush left, ragged right), few of them dated."""
    lines = _cluster_lines(right)
    if len(lines) < 12 and not (len(lines) >= 6 and _flush_left(lines)):
        return False
    dated = sum(1 for ln in lines if _DATEISH.search(_join_runs(ln)))
    return dated <= 0.25 * len(lines)


def _flush_left(lines: list[list[Run]]) -> bool:
    """Lines set flush left on one edge with ragged right ends, as a column of text is (headings,
    wrapped prose, lists); the dates and places of a title/date table are flush right instead."""
    x0s = [ln[0].x0 for ln in lines]
    x1s = [ln[-1].x1 for ln in lines]
    edge = min(x0s)
    width = max(x1s) - edge
    if width <= 0:
        return False
    flush = sum(1 for x in x0s if x - edge <= 2.5)
    ragged = sum(1 for x in x1s if max(x1s) - x > 0.15 * width)
    return flush >= 0.8 * len(lines) and ragged >= 0.4 * len(lines)


def _paired(left: list[Run], right: list[Run]) -> bool:
    """Most left-hand lines have a right-hand item on their baseline, as the rows of a table do;
    beside a short column, most of the body's lines have none."""
    left_lines = _cluster_lines(left)
    right_cys = sorted(r.cy for r in right)
    level = 0
    for ln in left_lines:
        cy, h = ln[0].cy, ln[0].height
        k = bisect_left(right_cys, cy - 0.3 * h)
        if k < len(right_cys) and right_cys[k] <= cy + 0.3 * h:
            level += 1
    return level >= 0.6 * len(left_lines)


def _margin_labels(left: list[Run], right: list[Run]) -> bool:
    """The left side is a margin rail, not a column: a few short items (headings, dates), each
    level with a line of the right side and spaced far apart down the page, where a sidebar
    stacks its lines one under the other."""
    left_lines = _cluster_lines(left)
    right_lines = _cluster_lines(right)
    if len(left_lines) < 3 or len(left_lines) > 0.75 * len(right_lines):
        return False
    spans = [(min(r.top for r in ln), max(r.bottom for r in ln)) for ln in right_lines]
    for ln in left_lines:
        top, bottom = min(r.top for r in ln), max(r.bottom for r in ln)
        if sum(len(r.chars) for r in ln) > 40 or not any(a < bottom and top < b for a, b in spans):
            return False
    left_tops = sorted(min(r.top for r in ln) for ln in left_lines)
    right_tops = sorted(a for a, _ in spans)
    left_gap = _median([b - a for a, b in zip(left_tops, left_tops[1:], strict=False)])
    pitch = _median([b - a for a, b in zip(right_tops, right_tops[1:], strict=False) if b > a])
    return left_gap >= 2.0 * pitch


def _median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2] if values else 0.0




# --------------------------------------------------------------------------- rails

_GLYPH_ONLY = re.compile(r"^[^\w]{1,3}$")
_RIGHT_MAX_CHARS = 40


def _read_lanes(lines: list[list[Run]], column: int, body_x0: float | None = None) -> list[PageLine]:
    """Lines of one column in reading order, with left-rail items and right-rail runs moved.

    A rail item on the baseline of body text is read just before that body line; one standing
    alone (a label centred beside its block) just before the block of body lines it stands
    beside (lines closer together than their height), or the nearest such block.
    """
    if not lines:
        return []
    if body_x0 is not None:
        lines = [_cut_at(runs, body_x0) for runs in lines]
    left = _left_rail(lines, body_x0) or _timeline_rail(lines)
    if not left:
        return _move_right_rail([PageLine(_join_runs(runs), runs, column) for runs in lines])
    body: list[PageLine] = []
    items: list[tuple[PageLine, int | None]] = []  # rail item, index of the body line beside it
    for runs in lines:
        rail = [r for r in runs if id(r) in left]
        rest = [r for r in runs if id(r) not in left]
        if rest:
            body.append(PageLine(_join_runs(rest), rest, column))
        if rail:
            items.append((PageLine(_join_runs(rail), rail, column, "left"), len(body) - 1 if rest else None))
    blocks = _blocks(body)
    before: dict[int, list[PageLine]] = {}  # index in ``body`` → rail items read before it
    k = 0
    while k < len(items):
        # A stack of rail lines closer than their height is one item (a wrapped heading, a range
        # over two lines): it is read as a whole, before the body beside its first line.
        end = k + 1
        while end < len(items) and _tight(items[end - 1][0].runs[-1], items[end][0].first):
            end += 1
        item, anchor = items[k]
        if anchor is None or item.first.height > 1.25 * body[anchor].first.height:
            # Level with no body line, or set in bigger type than the line level with it: a
            # label centred beside its block, read before the block's first line.
            anchor = _centred_on(item, body) if _centred_on(item, body) is not None else anchor
        if anchor is None:
            cy = item.first.cy
            best = min(
                blocks,
                key=lambda b: 0 if b[1] <= cy <= b[2] else min(abs(cy - b[1]), abs(cy - b[2])),
                default=None,
            )
            anchor = best[0] if best is not None else len(body)
        before.setdefault(anchor, []).extend(it for it, _ in items[k:end])
        k = end
    out: list[PageLine] = []
    for i in range(len(body) + 1):
        out.extend(before.get(i, ()))
        if i < len(body):
            out.append(body[i])
    return _move_right_rail(out)


def _centred_on(item: PageLine, body: list[PageLine]) -> int | None:
    """The first body line of the run of lines a label stands centred beside (a heading set
    in the middle of its block, level with none of its lines): of the runs of up to six lines
    whose middle is within the label's height of the label's, the one after the widest space."""
    cy, h = item.first.cy, item.first.height
    tops = [min(r.top for r in ln.runs) for ln in body]
    bottoms = [max(r.bottom for r in ln.runs) for ln in body]
    best: tuple[float, int] | None = None
    for j in range(len(body)):
        if tops[j] > cy + h:
            break
        gap = tops[j] - bottoms[j - 1] if j > 0 and tops[j] >= bottoms[j - 1] else 2 * h
        for k in range(j, min(len(body), j + 6)):
            if bottoms[k] < tops[j]:
                break
            if k > j and tops[k] - bottoms[k - 1] >= min(gap, h):
                break  # a run does not cross a space as wide as the one before it, or the label
            diff = abs((tops[j] + bottoms[k]) / 2 - cy)
            if diff <= h:
                score = diff - 0.5 * min(gap, 2 * h)
                if best is None or score < best[0]:
                    best = (score, j)
    return best[1] if best is not None else None


def _blocks(body: list[PageLine]) -> list[tuple[int, float, float]]:
    """Body lines grouped where they follow each other closer than their height: (index of the
    block's first line, top, bottom)."""
    out: list[list] = []
    for i, ln in enumerate(body):
        top = min(r.top for r in ln.runs)
        bottom = max(r.bottom for r in ln.runs)
        if out and top - out[-1][2] < 0.6 * ln.first.height and top >= out[-1][1]:
            out[-1][2] = max(out[-1][2], bottom)
        else:
            out.append([i, top, bottom])
    return [(a, b, c) for a, b, c in out]


def _cut_at(runs: list[Run], x: float) -> list[Run]:
    """Runs that start left of the body edge ``x`` and run on into it across a wide space (a
    margin label "Profile" and the paragraph beside it, read as one run) are cut at that space."""
    out: list[Run] = []
    for r in runs:
        if r.x0 < x - 10 and r.x1 > x + 5 and r.breaks:
            cut = next((b for b in r.breaks if abs(b[2] - x) <= 2.5 and b[1] < x - 3 and b[2] - b[1] >= 0.6 * r.height), None)
            if cut is not None:
                k, left_x1, right_x0 = cut
                left = Run(r.chars[:k], r.x0, left_x1, r.top, r.bottom, r.first_char, r.size, r.bold)
                right = Run(r.chars[k + 1 :], right_x0, r.x1, r.top, r.bottom, r.first_char, r.size, r.bold)
                right.breaks = [(i - k - 1, a, b) for i, a, b in r.breaks if i > k]
                left.breaks = [b for b in r.breaks if b[0] < k]
                out.extend((left, right))
                continue
        out.append(r)
    return out


def _left_rail(lines: list[list[Run]], body_x0: float | None = None) -> set[int]:
    """ids of the runs in a left rail, or an empty set when the column has none. ``body_x0``: the
    body's left edge measured over the document (else over these lines)."""
    runs = [r for line in lines for r in line]
    total = sum(len(r.chars) for r in runs)
    if len(lines) < 2 or total == 0:
        return set()
    if body_x0 is None:
        weight: Counter[int] = Counter()
        for r in runs:
            weight[round(r.x0)] += len(r.chars)
        body_x0 = _body_edge(weight)
    if body_x0 - min(r.x0 for r in runs) < 30:
        return set()
    rail = [r for r in runs if r.x1 < body_x0 - 3 and not _GLYPH_ONLY.match(r.text)]
    if not rail:
        return set()
    chars = sum(len(r.chars) for r in rail)
    lengths = sorted(len(r.chars) for r in rail)
    if chars > 0.35 * total or lengths[len(lengths) // 2] > 30:
        return set()
    ids = {id(r) for r in rail}
    # A rail stands beside the body: most rail items share a line with body text or sit right
    # above body lines (a wrapped heading); a sidebar of its own (skills, contact) does not.
    beside = sum(1 for line in lines if any(id(r) in ids for r in line) and any(id(r) not in ids for r in line))
    rail_lines = sum(1 for line in lines if any(id(r) in ids for r in line))
    if beside < max(1, 0.4 * rail_lines):
        return set()
    return ids


def _timeline_rail(lines: list[list[Run]]) -> set[int]:
    """ids of the runs of a rail that only part of the column has: dates set at the page's margin
    beside entries indented from it ("June" over "2022-November" over "2023" beside "Marketing
    Analyst", "Glen Insurance" and its bullets), while the headings and the summary start at that
    margin too, so the body's edge over the document is the margin. The indent is where the text
    after a short first item starts on three lines or more; each stretch of lines that no run
    crosses at that indent (a heading or a paragraph across it ends one) is tested as a rail, and
    kept when at least half of its items hold a digit."""
    starts: Counter[int] = Counter()
    for runs in lines:  # (each line's runs are in x order: _cluster_lines)
        if len(runs) >= 2 and len(runs[0].chars) <= 30 and runs[1].x0 - runs[0].x1 >= 20:
            starts[round(runs[1].x0)] += 1
    if not starts:
        return set()
    indent, count = starts.most_common(1)[0]
    if count < 3:
        return set()
    ids: set[int] = set()
    stretch: list[list[Run]] = []
    for runs in [*lines, None]:
        if runs is not None and not any(r.x0 < indent - 10 and r.x1 > indent + 5 for r in runs):
            stretch.append(runs)
            continue
        if len(stretch) >= 3:
            found = _left_rail(stretch, float(indent))
            rail = [r for line in stretch for r in line if id(r) in found]
            # A timeline holds dates: at least half of its items (a stack of rail lines closer
            # than their height is one item: "Aug -" over "Nov 2024") have a digit; a wrapped
            # last word of a paragraph at the margin ("programmes.") is no rail.
            stacks: list[list[Run]] = []
            for r in rail:
                if stacks and _tight(stacks[-1][-1], r):
                    stacks[-1].append(r)
                else:
                    stacks.append([r])
            if stacks and sum(1 for st in stacks if any(c.isdigit() for r in st for c in r.chars)) >= 0.5 * len(stacks):
                ids |= found
        stretch = []
    return ids


def _tight(above: Run, below: Run) -> bool:
    return below.top - above.bottom < 0.9 * max(above.height, below.height)


def _move_right_rail(lines: list[PageLine]) -> list[PageLine]:
    """A right-aligned stack (a place over a date over a duration) that starts on an entry's first
    line and runs on down beside its bullets: the items standing on bullet or prose lines move up,
    after the line where the stack starts. A date on a bullet with no stack above it stays."""
    if len(lines) < 3:
        return lines
    right_edge = max(ln.x1 for ln in lines)
    left_edge = min(ln.first.x0 for ln in lines)
    width = right_edge - left_edge
    if width <= 0:
        return lines

    def right_tail(ln: PageLine) -> Run | None:
        tail = ln.runs[-1]
        if ln.rail or tail.x1 < right_edge - 4 or tail.x0 < left_edge + 0.55 * width or len(tail.chars) > _RIGHT_MAX_CHARS:
            return None
        if len(ln.runs) >= 2 and tail.x0 - ln.runs[-2].x1 <= 1.2 * tail.height:
            return None
        return tail

    out: list[PageLine] = []
    anchor = -1  # index in ``out`` after which moved items go
    moved = 0
    stack: Run | None = None  # the lowest item of the open stack
    for ln in lines:
        tail = right_tail(ln)
        if tail is not None and stack is not None and _tight(stack, tail):
            stack = tail
            rest = ln.runs[:-1]
            if rest and _descriptive(_join_runs(rest)):
                moved += 1
                out.insert(anchor + moved, PageLine(tail.text, [tail], ln.column, "right"))
                out.append(PageLine(_join_runs(rest), rest, ln.column))
                continue
            out.append(ln)
            if rest:
                anchor, moved = len(out) - 1, 0
            continue
        out.append(ln)
        stack = tail if tail is not None and not _descriptive(ln.text) else None
        anchor, moved = len(out) - 1, 0
    return out


_BULLET_START = re.compile(r"^\s*(?:[•●○◦▪▫■□◆◇❖➢➤►▶▸‣⁃∙·✓✔★☆\-–—*+»~]|\(?\d{1,2}[.)]\s)")


def _descriptive(text: str) -> bool:
    """A bullet, a wrapped line of prose (starting in lower case) or a long line of text."""
    stripped = text.strip()
    return bool(_BULLET_START.match(stripped)) or stripped[:1].islower() or len(stripped.split("\t")[0]) > 50


# --------------------------------------------------------------------------- lines


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


_SPACED = re.compile(r"^(?:\S ){2,}\S$")


def _join_runs(runs: list[Run]) -> str:
    parts = ["".join(runs[0].chars)]
    for prev, run in zip(runs, runs[1:], strict=False):
        gap = run.x0 - prev.x1
        h = max(prev.height, run.height)
        # _SPACED needs a space as second character: the test is cheap before the regex.
        spaced = parts[-1][1:2] == " " and run.chars[1:2] == [" "]
        if spaced and _SPACED.match(parts[-1]) and _SPACED.match(run.text) and gap < 3 * h:
            parts.append("  ")  # two words of letter-spaced text
        else:
            parts.append("\t" if gap > 1.2 * h else (" " if gap > 0.15 * h else ""))
        parts.append("".join(run.chars))
    return "".join(parts)
