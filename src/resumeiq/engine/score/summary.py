"""From checks to the words of a review: impact per check, strengths, weaknesses, prioritised
recommendations and a short executive summary. Plain templates, so the same checks always give
the same text."""

from __future__ import annotations

from collections.abc import Callable

from resumeiq.engine.model import Check, Recommendation
from resumeiq.engine.score._text import plural
from resumeiq.engine.score.industries import IndustryProfile
from resumeiq.engine.score.weights import ATS_ALSO_COUNTS, CHECKS, DEFECT_CHECKS, STRUCTURAL

NOT_ASSESSED = "Not assessed:"
_MAX_STRENGTHS = 5
_MAX_WEAKNESSES = 6
_ORDER = {check_id: i for i, check_id in enumerate(CHECKS)}


def group_totals(checks: list[Check]) -> dict[str, float]:
    """Total weight of each group (the ATS total includes ``ATS_ALSO_COUNTS``)."""
    totals = {"ats": 0.0, "content": 0.0, "formatting": 0.0}
    for c in checks:
        totals[c.group] += c.weight
        if c.id in ATS_ALSO_COUNTS:
            totals["ats"] += ATS_ALSO_COUNTS[c.id]
    return totals


def group_means(checks: list[Check]) -> dict[str, float]:
    """Weighted mean score (0..1) of each group; 1.0 for a group with no weight."""
    totals = group_totals(checks)
    sums = {"ats": 0.0, "content": 0.0, "formatting": 0.0}
    for c in checks:
        sums[c.group] += c.weight * c.score
        if c.id in ATS_ALSO_COUNTS:
            sums["ats"] += ATS_ALSO_COUNTS[c.id] * c.score
    return {g: (sums[g] / totals[g] if totals[g] > 0 else 1.0) for g in sums}


def impact(check: Check, totals: dict[str, float], profile: IndustryProfile) -> float:
    """Points of overall score (0–100) gained by fixing this check completely."""
    gw = profile.group_weights
    lost = 1.0 - check.score
    points = gw[check.group] * check.weight / totals[check.group] if totals[check.group] else 0.0
    if check.id in ATS_ALSO_COUNTS and totals["ats"]:
        points += gw["ats"] * ATS_ALSO_COUNTS[check.id] / totals["ats"]
    return 100.0 * points * lost


# Failed, these keep a resume from being read or answered at all: they come first, in this order.
BLOCKING = ("extractable_text", "contact_email", "contact_phone")


def tier(check: Check) -> tuple[int, int]:
    """Where a finding stands among the recommendations, before its impact is compared:

    0. blocking problems (``BLOCKING``, in that order): the resume cannot be read or answered;
    1. a failed structural check (``STRUCTURAL``): an ATS loses or scrambles text, and what it loses
       is also missing from every other check (a two-column page reads as having no experience);
    2. any other failed check, and any finding of a check that finds an error in the document
       (``DEFECT_CHECKS``: a table, a date out of order, a gap): something a reader sees as wrong;
    3. a measure that is only partly met (some bullets without numbers, part of the keywords).
    """
    if check.id in BLOCKING and check.status == "failed":
        return 0, BLOCKING.index(check.id)
    if check.id in STRUCTURAL and check.status == "failed":
        return 1, 0
    if check.status == "failed" or check.id in DEFECT_CHECKS:
        return 2, 0
    return 3, 0


def recommendations(
    checks: list[Check], profile: IndustryProfile, overall_of: Callable[[list[Check]], float] | None = None,
) -> list[Recommendation]:
    """Every failed or partial check with a suggestion, by ``tier`` (blocking problems first, then
    what an ATS cannot read, then errors in the document, then partly met measures), then by impact. With ``overall_of`` (checks → overall 0..100, caps included) a check's impact
    is what the overall score gains when that check alone passes; without it, its weighted share."""
    totals = group_totals(checks)
    base = overall_of(checks) if overall_of else 0.0

    def gain(i: int, c: Check) -> float:
        if overall_of is None:
            return impact(c, totals, profile)
        fixed = [*checks[:i], c.model_copy(update={"score": 1.0, "status": "passed"}), *checks[i + 1 :]]
        return max(0.0, overall_of(fixed) - base)

    todo = [(gain(i, c), c) for i, c in enumerate(checks) if c.status != "passed" and c.suggestion]
    todo.sort(key=lambda ic: (tier(ic[1]), -round(ic[0], 6), _ORDER.get(ic[1].id, 99)))
    return [
        Recommendation(priority=i, check_id=c.id, text=c.suggestion or "", impact=round(points, 2))
        for i, (points, c) in enumerate(todo, start=1)
    ]


def strengths(checks: list[Check], profile: IndustryProfile) -> list[str]:
    by_id = {c.id: c for c in checks}
    passed = {c.id for c in checks if c.status == "passed" and not c.message.startswith(NOT_ASSESSED)}
    out: list[str] = []
    contact = ("contact_name", "contact_email", "contact_phone")
    layout = ("layout_columns", "layout_tables", "text_in_images", "extractable_text")
    if all(k in passed for k in contact):
        out.append("Complete contact details: " + ", ".join(
            by_id[k].evidence[0] for k in contact if by_id[k].evidence) + ".")
    if all(k in passed for k in layout):
        out.append("Clean, ATS-readable layout: one column of real text, no tables, text boxes or images.")
    skip = set(contact) | set(layout) | {"header_footer_text", "contact_links"}
    gw = profile.group_weights
    ranked = sorted((c for c in checks if c.id in passed and c.id not in skip),
                    key=lambda c: (-gw[c.group] * c.weight, _ORDER.get(c.id, 99)))
    out.extend(c.message for c in ranked)
    return out[:_MAX_STRENGTHS]


def weaknesses(checks: list[Check], profile: IndustryProfile) -> list[str]:
    totals = group_totals(checks)
    bad = [c for c in checks if c.status != "passed"]
    bad.sort(key=lambda c: (-round(impact(c, totals, profile), 6), _ORDER.get(c.id, 99)))
    return [f"{c.title}: {c.message}" for c in bad[:_MAX_WEAKNESSES]]


def _rating(score: int) -> str:
    return "strong" if score >= 85 else "good" if score >= 70 else "fair" if score >= 50 else "poor"


def executive_summary(
    scores: dict[str, int], profile: IndustryProfile, checks: list[Check],
    recs: list[Recommendation], best: list[str], capped_by: list[str] | None = None,
) -> str:
    by_id = {c.id: c for c in checks}
    parts = [
        f"Overall {scores['overall']}/100 ({_rating(scores['overall'])}) for the {profile.name} profile: "
        f"ATS {scores['ats']}, content {scores['content']}, formatting {scores['formatting']}."
    ]
    if capped_by:
        parts.append(f"The overall score is held down because {' and '.join(capped_by)}.")
    if best:
        parts.append(f"Biggest strength: {best[0].rstrip('.')}.")
    if recs:
        top = by_id[recs[0].check_id]
        parts.append(f"Biggest problem: {top.title[0].lower() + top.title[1:]} — {top.message.rstrip('.')}.")
        gain = min(100 - scores["overall"], round(sum(r.impact for r in recs[:3])))
        if gain >= 1:
            top_n = "the top recommendation" if len(recs) == 1 else f"the top {min(3, len(recs))} recommendations"
            parts.append(f"Fixing {top_n} could add about {plural(gain, 'point')}.")
    else:
        parts.append("No significant problems were found.")
    return " ".join(parts)
