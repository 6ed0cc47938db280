"""Review stage: ``score_resume(parsed, industry)`` → ``Review``.

Runs the ATS, content and formatting checks (``checks_*.py``; ids, groups and weights in
``weights.py``) against one parsed resume and an industry profile, then turns them into 0–100
scores, strengths, weaknesses and prioritised recommendations (``summary.py``). Deterministic and
pure: no LLM, no I/O beyond the shipped data files.

Scores: each group score is ``round(100 × Σ weight·score / Σ weight)`` over its checks (the ATS
group also counts ``length`` and ``quantified_results``, see ``weights.ATS_ALSO_COUNTS``);
``overall_score`` mixes the unrounded group scores with the profile's ``group_weights``.
A recommendation's ``impact`` is the overall points its check loses:
``100 × group_weight × weight / Σ group weights × (1 − score)``.
"""

from __future__ import annotations

import math

from resumeiq.engine.model import Check, ParsedDocument, Review
from resumeiq.engine.score import summary
from resumeiq.engine.score._context import Context
from resumeiq.engine.score.checks_ats import CHECKS_ATS
from resumeiq.engine.score.checks_content import CHECKS_CONTENT
from resumeiq.engine.score.checks_formatting import CHECKS_FORMATTING
from resumeiq.engine.score.industries import DEFAULT_INDUSTRY, get_industry
from resumeiq.engine.score.weights import ATS_ALSO_COUNTS, CHECKS

__all__ = ["ATS_ALSO_COUNTS", "CHECKS", "run_checks", "score_resume"]


def _to_int(value: float) -> int:
    return max(0, min(100, math.floor(100 * value + 0.5)))


def run_checks(parsed: ParsedDocument, industry: str = DEFAULT_INDUSTRY) -> list[Check]:
    """All checks, in the registry's order, for one resume and industry id."""
    profile = get_industry(industry)
    ctx = Context(parsed=parsed, profile=profile, weights=dict(profile.check_weights))
    return [fn(ctx) for fn in (*CHECKS_ATS, *CHECKS_CONTENT, *CHECKS_FORMATTING)]


def score_resume(parsed: ParsedDocument, industry: str = DEFAULT_INDUSTRY) -> Review:
    """Review one parsed resume for a target industry (an id of ``list_industries()``); raises
    ``UnknownIndustry`` for any other id."""
    profile = get_industry(industry)
    checks = run_checks(parsed, industry)
    means = summary.group_means(checks)
    overall = sum(profile.group_weights[g] * means[g] for g in means)
    scores = {
        "overall": _to_int(overall),
        "ats": _to_int(means["ats"]),
        "content": _to_int(means["content"]),
        "formatting": _to_int(means["formatting"]),
    }
    recs = summary.recommendations(checks, profile)
    best = summary.strengths(checks, profile)
    return Review(
        overall_score=scores["overall"],
        ats_score=scores["ats"],
        content_score=scores["content"],
        formatting_score=scores["formatting"],
        industry=profile.id,
        checks=checks,
        executive_summary=summary.executive_summary(scores, profile, checks, recs, best),
        strengths=best,
        weaknesses=summary.weaknesses(checks, profile),
        recommendations=recs,
    )
