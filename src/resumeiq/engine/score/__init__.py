"""Review stage: ``score_resume(parsed, industry)`` → ``Review``.

Runs the ATS, content and formatting checks (``checks_*.py``; ids, groups and weights in
``weights.py``) against one parsed resume and an industry profile, then turns them into 0–100
scores, strengths, weaknesses and prioritised recommendations (``summary.py``). Deterministic and
pure: no LLM, no I/O beyond the shipped data files.

Scores: each group score is ``round(100 × Σ weight·score / Σ weight)`` over its checks (the ATS
group also counts ``length`` and ``quantified_results``, see ``weights.ATS_ALSO_COUNTS``);
``overall_score`` mixes the unrounded group scores with the profile's ``group_weights``.
A recommendation's ``impact`` is what the overall score gains when its check alone passes
(caps included); without a cap or industry factor that is the points its check loses:
``100 × group_weight × weight / Σ group weights × (1 − score)``.

Calibration (``calibrate``), applied to that mix in this order:

- industry fit: for a profile other than ``general``, the mix is multiplied by
  ``0.75 + 0.25 × coverage`` (coverage of the profile's expected skills, 0..1, see
  ``checks_ats.industry_fit``); a resume showing under a quarter of them is capped at 84, so it is
  never "strong" for that industry;
- contact: no e-mail and no phone caps the overall score at 40 ("poor": a recruiter cannot reach
  the person); no e-mail alone at 69, no phone alone at 79;
- unreadable: failed ``extractable_text`` caps it at 30;
- a failed structural check (``STRUCTURAL``: headings, dates, columns, tables, images, page
  headers) or a far too long document caps it at 84: a "strong" resume has nothing important
  left to fix.

A cap is soft (``soft_cap``): scores from 25 points under it are compressed towards it rather
than cut, so a capped resume with one more defect still scores lower.

Then each finding costs whole points of its own (``finding_cost``: partial 1, failed 2, failed
with under half of its measure 3), so fixing any recommendation raises the score by at least a
point, and a check that gets worse by a step (passed → partial → failed → under half) lowers it,
whatever a cap compresses or the rounding hides.

Bands (``band``): poor < 50 ≤ fair < 70 ≤ good < 85 ≤ strong. Recommendations come by
``summary.tier`` (blocking problems, failed ATS structure, errors in the document, partly met
measures), then by impact.
"""

from __future__ import annotations

import math

from resumeiq.engine.model import Check, ParsedDocument, Review
from resumeiq.engine.score import summary
from resumeiq.engine.score._context import Context
from resumeiq.engine.score.checks_ats import CHECKS_ATS, IndustryFit, industry_fit
from resumeiq.engine.score.checks_content import CHECKS_CONTENT
from resumeiq.engine.score.checks_formatting import CHECKS_FORMATTING, TOO_LONG
from resumeiq.engine.score.industries import DEFAULT_INDUSTRY, get_industry
from resumeiq.engine.score.weights import (
    ATS_ALSO_COUNTS,
    CHECKS,
    FAILED_UNDER_HALF_COST,
    FINDING_COST,
    STRUCTURAL,
)

__all__ = ["ATS_ALSO_COUNTS", "CHECKS", "band", "calibrate", "finding_cost", "run_checks", "score_resume"]


def _to_int(value: float) -> int:
    return max(0, min(100, math.floor(100 * value + 0.5)))


def finding_cost(check: Check) -> float:
    """Whole points a finding costs: its status's cost (``FINDING_COST``: partial 1, failed 2),
    ``FAILED_UNDER_HALF_COST`` for a failed check that misses more than half of its measure."""
    if check.status == "failed" and check.score < 0.5:
        return FAILED_UNDER_HALF_COST
    return FINDING_COST[check.status]


def run_checks(parsed: ParsedDocument, industry: str = DEFAULT_INDUSTRY) -> list[Check]:
    """All checks, in the registry's order, for one resume and industry id."""
    profile = get_industry(industry)
    ctx = Context(parsed=parsed, profile=profile, weights=dict(profile.check_weights))
    return [fn(ctx) for fn in (*CHECKS_ATS, *CHECKS_CONTENT, *CHECKS_FORMATTING)]


INDUSTRY_FLOOR = 0.75  # the mix is multiplied by INDUSTRY_FLOOR + (1 - INDUSTRY_FLOOR) × coverage
CAP_FEW_INDUSTRY_SKILLS = 0.84  # under a quarter of the profile's skills: never "strong"
CAP_NO_CONTACT = 0.40
CAP_NO_EMAIL = 0.69
CAP_NO_PHONE = 0.79
CAP_UNREADABLE = 0.30
CAP_FAILED_ATS = 0.84  # "strong" means nothing important left: no failed check an ATS relies on


def band(score: int) -> str:
    """poor < 50 ≤ fair < 70 ≤ good < 85 ≤ strong."""
    return "strong" if score >= 85 else "good" if score >= 70 else "fair" if score >= 50 else "poor"


CAP_KNEE = 0.25  # a cap compresses the scores from (cap − CAP_KNEE) up, so order is kept under it


def soft_cap(value: float, cap: float) -> float:
    """``value`` held under ``cap``: unchanged up to ``cap − CAP_KNEE``, then mapped linearly from
    there (value 1.0 → cap). Monotone, so a worse resume never ends above a better one."""
    knee = max(0.0, cap - CAP_KNEE)
    if value <= knee:
        return value
    return knee + (cap - knee) * (value - knee) / (1.0 - knee)


def calibrate(mix: float, checks: list[Check], fit: IndustryFit | None) -> tuple[float, list[str]]:
    """The overall score (0..1) from the group mix, with the reasons of every cap that applied."""
    status = {c.id: c.status for c in checks}
    reasons: list[str] = []
    overall = mix
    if fit is not None:
        overall *= INDUSTRY_FLOOR + (1 - INDUSTRY_FLOOR) * fit.coverage
        if fit.share < 0.25 and overall > CAP_FEW_INDUSTRY_SKILLS - CAP_KNEE:
            overall = soft_cap(overall, CAP_FEW_INDUSTRY_SKILLS)
            reasons.append("it shows under a quarter of the industry's expected skills")
    no_email = status.get("contact_email") == "failed"
    no_phone = status.get("contact_phone") == "failed"
    caps = []
    if no_email and no_phone:
        caps.append((CAP_NO_CONTACT, "it has no e-mail address and no phone number"))
    elif no_email:
        caps.append((CAP_NO_EMAIL, "it has no e-mail address"))
    elif no_phone:
        caps.append((CAP_NO_PHONE, "it has no phone number"))
    if status.get("extractable_text") == "failed":
        caps.append((CAP_UNREADABLE, "its text cannot be read"))
    failed_ats = [c.title[0].lower() + c.title[1:] for c in checks if c.status == "failed" and (
        c.id in STRUCTURAL or (c.id == "length" and c.message.startswith(TOO_LONG, c.message.find(": ") + 2)))]
    if failed_ats:
        what = "a check" if len(failed_ats) == 1 else "checks"
        caps.append((CAP_FAILED_ATS, f"it fails {what} an ATS relies on ({', '.join(failed_ats)})"))
    for cap, reason in caps:
        if overall > cap - CAP_KNEE:
            overall = soft_cap(overall, cap)
            reasons.append(reason)
    # Each finding costs whole points of its own (``finding_cost``), after the caps, so that no cap's
    # compression or rounding can hide a check that got worse.
    overall -= sum(finding_cost(c) for c in checks) / 100
    return max(0.0, overall), reasons


def score_resume(parsed: ParsedDocument, industry: str = DEFAULT_INDUSTRY) -> Review:
    """Review one parsed resume for a target industry (an id of ``list_industries()``); raises
    ``UnknownIndustry`` for any other id."""
    profile = get_industry(industry)
    ctx = Context(parsed=parsed, profile=profile, weights=dict(profile.check_weights))
    checks = [fn(ctx) for fn in (*CHECKS_ATS, *CHECKS_CONTENT, *CHECKS_FORMATTING)]
    means = summary.group_means(checks)
    mix = sum(profile.group_weights[g] * means[g] for g in means)
    fit = industry_fit(ctx) if profile.id != DEFAULT_INDUSTRY else None
    overall, capped_by = calibrate(mix, checks, fit)
    scores = {
        "overall": _to_int(overall),
        "ats": _to_int(means["ats"]),
        "content": _to_int(means["content"]),
        "formatting": _to_int(means["formatting"]),
    }

    def overall_of(variant: list[Check]) -> float:
        m = summary.group_means(variant)
        return 100 * calibrate(sum(profile.group_weights[g] * m[g] for g in m), variant, fit)[0]

    recs = summary.recommendations(checks, profile, overall_of)
    best = summary.strengths(checks, profile)
    return Review(
        overall_score=scores["overall"],
        ats_score=scores["ats"],
        content_score=scores["content"],
        formatting_score=scores["formatting"],
        industry=profile.id,
        checks=checks,
        band=band(scores["overall"]),
        executive_summary=summary.executive_summary(scores, profile, checks, recs, best, capped_by),
        strengths=best,
        weaknesses=summary.weaknesses(checks, profile),
        recommendations=recs,
    )
