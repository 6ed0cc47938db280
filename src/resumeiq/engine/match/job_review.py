"""A review against one job (what Jobscan users expect): a match result read as five parts —
hard skills, soft skills, title, education, years — each *matched*, *related* or *missing* with
its evidence.

- Skills: matched when the resume shows the skill itself, related when it shows only a related
  skill (``related_to`` names it), missing otherwise; soft skills are the taxonomy's
  ``soft_skill`` category, every other skill is a hard skill.
- Title: matched when the resume's closest title is the job's occupation, related when it is an
  adjacent one, missing otherwise; ``not_assessed`` when the posting names no known occupation.
- Education: matched when the degree held is at the required level or above, related when a
  lower degree is held, missing when none is; ``not_assessed`` when the posting requires none.
- Years: matched at the required years or more, related within 30% of them, missing below.
"""

from __future__ import annotations

from typing import Any

from resumeiq.engine.match.jobs import DEGREE_RANK
from resumeiq.engine.match.match import YEARS_SHORTFALL_LIMIT
from resumeiq.engine.match.results import MatchResult, SkillMatch
from resumeiq.engine.parse.skills import skill_category

__all__ = ["job_review"]

SOFT = "soft_skill"
_SAME_OCCUPATION = 0.99
_ADJACENT = 0.4


def _item(s: SkillMatch, required: bool) -> dict[str, Any]:
    return {"skill": s.skill, "required": required, "related_to": s.related_to, "evidence": s.resume_spans}


def _skills(result: MatchResult, soft: bool) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {"matched": [], "related": [], "missing": []}
    groups = (
        ("matched", result.matched_required, True), ("matched", result.matched_preferred, False),
        ("related", result.related_required, True), ("related", result.related_preferred, False),
        ("missing", result.missing_required, True), ("missing", result.missing_preferred, False),
    )
    for key, items, required in groups:
        for s in items:
            if (skill_category(s.skill) == SOFT) == soft:
                out[key].append(_item(s, required))
    return out


def _title(result: MatchResult) -> dict[str, Any]:
    fit = next((c.score for c in result.components if c.id == "title_fit"), None)
    if fit is None:
        status = "not_assessed"
    else:
        status = "matched" if fit >= _SAME_OCCUPATION else "related" if fit >= _ADJACENT else "missing"
    return {"status": status, "job_title": result.job_title, "resume_title": result.best_title, "fit": fit}


def _education(result: MatchResult) -> dict[str, Any]:
    edu = result.education
    if not edu.required_level:
        status = "not_assessed"
    elif edu.held_level is None:
        status = "missing"
    else:
        held, need = DEGREE_RANK.get(edu.held_level, 0), DEGREE_RANK.get(edu.required_level, 0)
        status = "matched" if held >= need else "related"
    return {"status": status, "required_level": edu.required_level, "required": edu.required,
            "held_level": edu.held_level}


def _years(result: MatchResult) -> dict[str, Any]:
    exp = result.experience
    need, have = exp.required_years, exp.relevant_years
    if not need:
        status = "not_assessed"
    else:
        status = "matched" if have >= need else "related" if have >= (1 - YEARS_SHORTFALL_LIMIT) * need else "missing"
    return {"status": status, "required_years": need, "required_from": exp.required_from,
            "relevant_years": have, "total_years": exp.total_years}


def job_review(result: MatchResult) -> dict[str, Any]:
    """The five parts of a review against a job, JSON-ready (spans index the resume's text)."""
    return {
        "job_title": result.job_title,
        "match_score": result.match_score,
        "category": result.category,
        "explanation": result.explanation,
        "hard_skills": _skills(result, soft=False),
        "soft_skills": _skills(result, soft=True),
        "title": _title(result),
        "education": _education(result),
        "years": _years(result),
        "recommendations": [r.model_dump(mode="json") for r in result.recommendations],
    }
