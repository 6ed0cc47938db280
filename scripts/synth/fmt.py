"""How dates are written: month styles, range separators, words for "present", compressed ranges
within one year ("May–Aug 2016"). Each formatter says whether the months stay visible, so the truth
can mark a month the reader cannot see."""

from __future__ import annotations

import random
from dataclasses import dataclass

from words import MONTHS, PRESENT

# Month styles; "year" shows no month.
STYLES = ("mon", "mon", "month", "mm/yyyy", "yyyy-mm", "mm.yyyy", "apos", "mon.", "year", "mon_caps")
SEPARATORS = (" – ", " – ", " - ", " — ", " to ", "–", " -- ", "-")


@dataclass(frozen=True)
class DateStyle:
    style: str
    sep: str
    present: str
    lang: str = "en"
    compress: bool = False  # "May–Aug 2016" for a range within one year
    apostrophe: str = "’"


def pick_style(rng: random.Random, lang: str, styles: tuple[str, ...] = STYLES, seps: tuple[str, ...] = SEPARATORS) -> DateStyle:
    style = rng.choice(styles)
    if lang != "en" and style in ("mon", "mon.", "apos", "mon_caps"):
        style = rng.choice(("month", "mm/yyyy", "mm.yyyy"))
    sep = rng.choice(seps)
    if lang != "en" and sep == " to ":
        sep = " – "
    if style in ("yyyy-mm", "mm/yyyy", "mm.yyyy") and sep.strip() == sep:
        sep = f" {sep} "  # "2019-01-2021-03" reads as nothing
    present = rng.choice(PRESENT[lang])
    if style == "mon_caps":
        present = present.upper()
    return DateStyle(style, sep, present, lang, compress=rng.random() < 0.5, apostrophe=rng.choice(("’", "'")))


def month(ym: str, ds: DateStyle, rng: random.Random | None = None) -> tuple[str, bool]:
    """(text, month visible)."""
    y, m = int(ym[:4]), int(ym[5:7])
    names = MONTHS[ds.lang]
    if ds.style == "year":
        return str(y), False
    if ds.style == "month":
        return f"{names[m - 1]} {y}", True
    if ds.style == "mm/yyyy":
        return f"{m:02d}/{y}", True
    if ds.style == "mm.yyyy":
        return f"{m:02d}.{y}", True
    if ds.style == "yyyy-mm":
        return f"{y}-{m:02d}", True
    short = names[m - 1][:3]
    if m == 9 and rng is not None and rng.random() < 0.3:
        short = "Sept"
    if ds.style == "mon.":
        return (f"{short}. {y}" if len(names[m - 1]) > 3 else f"{names[m - 1]} {y}"), True
    if ds.style == "apos":
        return f"{short} {ds.apostrophe}{y % 100:02d}", True
    if ds.style == "mon_caps":
        return f"{short.upper()} {y}", True
    return f"{short} {y}", True


def date_range(start: str | None, end: str | None, ds: DateStyle, rng: random.Random | None = None) -> tuple[str, bool, bool]:
    """(text, start month visible, end month visible); ``end`` None is an ongoing range."""
    if start is None:
        text, vis = month(end, ds, rng) if end else ("", False)
        return text, False, vis
    if end is not None and ds.compress and start[:4] == end[:4] and ds.style in ("mon", "month", "mon_caps"):
        s_text, _ = month(start, ds, rng)
        e_text, _ = month(end, ds, rng)
        sep = ds.sep if ds.sep.strip() != "to" else "–"
        return f"{s_text.rsplit(' ', 1)[0]}{sep}{e_text}", True, True
    s_text, s_vis = month(start, ds, rng)
    if end is None:
        return f"{s_text}{ds.sep}{ds.present}", s_vis, True
    e_text, e_vis = month(end, ds, rng)
    if ds.style == "year" and s_text == e_text:
        return s_text, False, False
    return f"{s_text}{ds.sep}{e_text}", s_vis, e_vis
