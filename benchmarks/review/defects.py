"""Planted defects: each turns a truth resume into a variant with one problem, names the check
that should catch it and the format its clean copy is rendered in (so the variant differs from
its clean copy by that problem alone). ``None``: the defect does not apply to this resume."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass

from render import Doc, Entry, from_truth, month

_NUMBER = re.compile(
    r"\s*(?:\b(?:by|of|to|from|for|over|under|with|in|across|within|than|about|nearly|almost|up to)\s+)?"
    r"(?:[$€£¥₹]\s?)?\d[\d,.]*\s?(?:%|percent\b|x\b|×|k\b|m\b|bn\b|million\b|billion\b|\+)?",
    re.IGNORECASE,
)
_QUANTITY_WORDS = re.compile(r"\b(?:doubled|tripled|halved|dozens|hundreds|thousands|millions|quadrupled)\b",
                             re.IGNORECASE)


def strip_numbers(text: str) -> str:
    text = _QUANTITY_WORDS.sub("improved", _NUMBER.sub("", text))
    return re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s{2,}", " ", text)).strip(" ,;")


def _months(ym: str) -> int:
    return int(ym[:4]) * 12 + (int(ym[5:7]) - 1 if len(ym) >= 7 else 0)


def _ym(n: int) -> str:
    return f"{n // 12:04d}-{n % 12 + 1:02d}"


@dataclass(frozen=True)
class Defect:
    name: str
    check: str | None  # the check that must not pass on the variant (None: an invariance case)
    base: str  # format of the clean copy it is compared with: pdf | docx | txt
    make: Callable[[dict], tuple[Doc, dict] | None]  # truth resume → (doc, render options)


def _doc(resume: dict) -> Doc:
    return from_truth(resume)


def missing_email(r: dict):
    if not (r.get("basics") or {}).get("email"):
        return None
    r["basics"]["email"] = None
    return _doc(r), {}


def missing_phone(r: dict):
    if not (r.get("basics") or {}).get("phone"):
        return None
    r["basics"]["phone"] = None
    return _doc(r), {}


def no_headings(r: dict):
    d = _doc(r)
    d.headings = False
    return d, {}


def no_dates(r: dict):
    if not any(w.get("startDate") for w in r.get("work") or []):
        return None
    d = _doc(r)
    for e in d.work + d.education:
        e.dates = ""
    return d, {}


def no_numbers(r: dict):
    work = r.get("work") or []
    if not any(re.search(r"\d", h) for w in work for h in w.get("highlights") or []):
        return None
    for w in work:
        w["highlights"] = [strip_numbers(h) for h in w.get("highlights") or []]
        if w.get("summary"):
            w["summary"] = strip_numbers(w["summary"])
    return _doc(r), {}


def first_person(r: dict):
    work = r.get("work") or []
    if not any(w.get("highlights") for w in work):
        return None
    for w in work:
        w["highlights"] = [f"I {h[:1].lower()}{h[1:]}" if h[:2] != "I " else h for h in w.get("highlights") or []]
    return _doc(r), {}


def fillers(r: dict):
    """Buzzwords added where the resume already has words: its summary, else its first bullet (a
    summary added from nothing would be an improvement of its own)."""
    b = r.setdefault("basics", {})
    phrase = "Results-driven, detail-oriented team player with a proven track record of success."
    if b.get("summary"):
        b["summary"] = b["summary"].rstrip() + " " + phrase
        return _doc(r), {}
    for w in r.get("work") or []:
        if w.get("highlights"):
            w["highlights"][0] = w["highlights"][0].rstrip(". ") + ", as a results-driven team player"
            return _doc(r), {}
    return None


def two_columns(r: dict):
    return _doc(r), {"columns": 2}


def tables(r: dict):
    return _doc(r), {"table": True}


def very_long(r: dict):
    work = r.get("work") or []
    if not any(w.get("highlights") for w in work):
        return None
    d = _doc(r)
    # The same bullets again and again until the experience alone fills 5+ pages (~3,200 words).
    words = sum(len(b.split()) for e in d.work for b in e.bullets) or 1
    times = max(2, -(-3200 // words))
    for e in d.work:
        e.bullets = [b for _ in range(times) for b in e.bullets]
    return d, {}


def too_short(r: dict):
    d = _doc(r)
    if not d.work:
        return None
    first = d.work[0]
    d.work = [Entry(first.head, first.dates, first.bullets[:1])]
    d.summary, d.education, d.skills = "", d.education[:1], d.skills[:1]
    return d, {}


def gap(r: dict):
    work = [w for w in r.get("work") or [] if w.get("startDate")]
    if len(work) < 2 or len(work) != len(r.get("work") or []):
        return None
    newest = _months(work[0]["startDate"])
    older_end = _months(work[1].get("endDate") or work[1]["startDate"])
    shift = older_end - (newest - 25)  # the older roles end 24 months before the newest begins
    if shift < 0:
        return None  # already a gap of two years or more
    for w in work[1:]:
        for key in ("startDate", "endDate"):
            if w.get(key):
                w[key] = _ym(_months(w[key]) - shift)
    for e in r.get("education") or []:  # study must not explain the gap
        for key in ("startDate", "endDate"):
            if e.get(key) and _months(e[key]) > _months(work[-1]["startDate"]):
                e[key] = _ym(_months(work[-1]["startDate"]) - 1)
    return _doc(r), {}


def out_of_order(r: dict):
    work = r.get("work") or []
    if len(work) < 2 or not all(w.get("startDate") for w in work[:2]):
        return None
    work[0], work[1] = work[1], work[0]
    return _doc(r), {}


def wrapped_bullets(r: dict):
    if not any(len(h) > 60 for w in r.get("work") or [] for h in w.get("highlights") or []):
        return None
    return _doc(r), {"wrap": 58}


DEFECTS = [
    Defect("missing_email", "contact_email", "pdf", missing_email),
    Defect("missing_phone", "contact_phone", "pdf", missing_phone),
    Defect("no_headings", "standard_headings", "pdf", no_headings),
    Defect("no_dates", "parseable_dates", "pdf", no_dates),
    Defect("no_numbers", "quantified_results", "pdf", no_numbers),
    Defect("first_person", "pronouns_and_fillers", "pdf", first_person),
    Defect("fillers", "pronouns_and_fillers", "pdf", fillers),
    Defect("two_columns", "layout_columns", "pdf", two_columns),
    Defect("tables", "layout_tables", "docx", tables),
    Defect("very_long", "length", "pdf", very_long),
    Defect("too_short", "length", "pdf", too_short),
    Defect("gap_2y", "employment_gaps", "pdf", gap),
    Defect("out_of_order", "reverse_chronological", "pdf", out_of_order),
    Defect("wrapped_bullets", None, "txt", wrapped_bullets),
]


def variant(defect: Defect, resume: dict) -> tuple[Doc, dict] | None:
    return defect.make(copy.deepcopy(resume))


__all__ = ["DEFECTS", "Defect", "month", "strip_numbers", "variant"]
