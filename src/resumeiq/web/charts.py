"""Charts as SVG, drawn on the server: score bars, a score histogram, a bar per job.

Each chart is a list of shapes the template draws (no inline styles: the page's CSP forbids
them; presentation attributes only), with a title and a text alternative for screen readers.
"""

from __future__ import annotations

from dataclasses import dataclass

CATEGORY_COLOURS = {"selected": "#17663a", "considered": "#8a5a00", "rejected": "#a1121a"}
BAR_COLOUR = "#0b5cad"
TRACK_COLOUR = "#dde3ea"


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: int  # 0-100
    x: float
    y: float
    width: float
    height: float
    colour: str
    text_x: float
    text_y: float


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    axis: list[tuple[float, float, str]]  # (x, y, text) tick labels
    description: str


def score_bars(scores: list[tuple[str, int]], *, width: int = 320) -> Chart:
    """Horizontal bars, one per (label, 0-100 score)."""
    row, label_w = 34, 110
    bars = []
    for i, (label, value) in enumerate(scores):
        y = i * row + 8
        bar_w = (width - label_w - 44) * max(0, min(100, value)) / 100
        bars.append(Bar(label, value, label_w, y, bar_w, 18, BAR_COLOUR, label_w + bar_w + 6, y + 14))
    description = ", ".join(f"{label} {value} of 100" for label, value in scores)
    return Chart(width, len(scores) * row + 8, bars, [], description)


def job_bars(items: list[tuple[str, int, str]], *, width: int = 560) -> Chart:
    """Horizontal bars, one per (job title, score, category), coloured by category."""
    row, label_w = 34, 200
    bars = []
    for i, (label, value, category) in enumerate(items):
        y = i * row + 8
        bar_w = (width - label_w - 90) * max(0, min(100, value)) / 100
        short = label if len(label) <= 28 else label[:27] + "…"
        bars.append(
            Bar(
                short,
                value,
                label_w,
                y,
                bar_w,
                18,
                CATEGORY_COLOURS.get(category, BAR_COLOUR),
                label_w + bar_w + 6,
                y + 14,
            )
        )
    description = "; ".join(f"{label}: {value} of 100, {category}" for label, value, category in items)
    return Chart(width, len(items) * row + 8, bars, [], description)


def score_histogram(items: list[tuple[int, str]], *, width: int = 560, height: int = 220) -> Chart:
    """Scores (0-100) in ten bins of 10 points, each bin's bar stacked by category."""
    bins: list[dict[str, int]] = [{"selected": 0, "considered": 0, "rejected": 0} for _ in range(10)]
    for score, category in items:
        index = min(9, max(0, score // 10))
        bins[index][category if category in CATEGORY_COLOURS else "rejected"] += 1
    tallest = max((sum(b.values()) for b in bins), default=0) or 1
    left, bottom, top = 36, height - 28, 12
    plot_w, plot_h = width - left - 8, bottom - top
    slot = plot_w / 10
    bars: list[Bar] = []
    for i, counts in enumerate(bins):
        y = bottom
        for category in ("rejected", "considered", "selected"):
            n = counts[category]
            if not n:
                continue
            h = plot_h * n / tallest
            y -= h
            label = f"{i * 10}-{i * 10 + 9 if i < 9 else 100}: {n} {category}"
            bars.append(Bar(label, n, left + i * slot + 3, y, slot - 6, h, CATEGORY_COLOURS[category], 0, 0))
    axis = [(left + i * slot + slot / 2, height - 10, f"{i * 10}") for i in range(10)]
    axis += [(left - 6, top + 4, str(tallest)), (left - 6, bottom, "0")]
    non_empty = [
        f"{i * 10}-{i * 10 + 9 if i < 9 else 100}: {sum(b.values())}"
        for i, b in enumerate(bins)
        if sum(b.values())
    ]
    description = "Resumes per score band: " + ("; ".join(non_empty) if non_empty else "none scored yet")
    return Chart(width, height, bars, axis, description)
