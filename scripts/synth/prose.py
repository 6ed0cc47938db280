"""Highlights and summaries of invented jobs: a verb, an object of the occupation, and sometimes a
result with a number, put together from the templates below."""

from __future__ import annotations

import random

VERBS = (
    "Led", "Built", "Designed", "Redesigned", "Automated", "Streamlined", "Managed", "Coordinated", "Launched",
    "Delivered", "Improved", "Owned", "Introduced", "Migrated", "Rebuilt", "Standardised", "Standardized",
    "Mentored a team working on", "Supported", "Maintained", "Created", "Negotiated", "Audited", "Reviewed",
    "Overhauled", "Developed", "Planned", "Ran", "Simplified", "Documented",
)
RESULTS = (
    "cutting processing time by {pct}%", "reducing errors by {pct}%", "saving {money} a year",
    "raising customer satisfaction to {score}/10", "for {n} internal teams", "across {n} sites",
    "ahead of schedule", "within a {money} budget", "lifting conversion by {pct}%", "with zero downtime",
    "used by {k} customers", "and cut turnaround from {d} days to {d2}", "improving on-time delivery to {pct2}%",
    "which halved the backlog", "serving {k} users a month", "for a portfolio worth {money}",
)
TAILS = (
    "working closely with finance, operations and external partners to agree the scope",
    "while keeping the quarterly reporting cycle on track and documenting every change for the auditors",
    "and trained {n} colleagues on the new process through hands-on sessions and written guides",
    "coordinating the work of {n} people across two time zones",
    "after a review of the previous approach with stakeholders from three departments",
)
SUMMARY = (
    "{adj} {title} with {years} years of experience in {field}.",
    "{title} with a background in {field} and a record of {thing}.",
    "{adj} professional with {years}+ years in {field}, focused on {thing}.",
    "Results-driven {title} who enjoys {thing}.",
)
ADJ = ("Experienced", "Detail-oriented", "Motivated", "Versatile", "Pragmatic", "Dependable", "Analytical")
THINGS = ("clear communication", "measurable improvements", "reliable delivery", "building strong teams",
          "solving hard problems", "continuous improvement", "customer focus")


def _fill(rng: random.Random, text: str) -> str:
    d = rng.randint(5, 14)
    return text.format(
        pct=rng.choice((8, 12, 15, 18, 20, 25, 30, 35, 40, 45, 60)),
        pct2=rng.choice((92, 95, 97, 98, 99)),
        money=rng.choice(("$120K", "$1.2M", "£80,000", "EUR 250k", "$3M", "£1.5m", "€400K", "$45,000")),
        score=rng.choice((8.2, 8.7, 9.1, 9.4)),
        n=rng.choice((3, 4, 5, 6, 8, 12, 15, 20)),
        k=rng.choice(("2,000", "15,000", "40K", "1.2 million", "300", "85,000")),
        d=d, d2=max(1, d // 3),
    )


def highlight(rng: random.Random, objects: tuple[str, ...], *, long: bool = False) -> str:
    text = f"{rng.choice(VERBS)} {rng.choice(objects)}"
    if rng.random() < 0.7:
        text += (", " if rng.random() < 0.5 else " ") + rng.choice(RESULTS)
    if long:
        text += ", " + rng.choice(TAILS)
    text = _fill(rng, text)
    return text + ("." if rng.random() < 0.4 else "")


def highlights(rng: random.Random, objects: tuple[str, ...], n: int) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        h = highlight(rng, objects, long=rng.random() < 0.15)
        if h not in out:
            out.append(h)
    return out


def summary(rng: random.Random, title: str, field: str, years: int) -> str:
    text = rng.choice(SUMMARY).format(
        adj=rng.choice(ADJ), title=title.lower() if rng.random() < 0.5 else title, years=max(1, years),
        field=field.lower(), thing=rng.choice(THINGS),
    )
    return text[0].upper() + text[1:]
