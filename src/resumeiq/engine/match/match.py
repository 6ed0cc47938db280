"""Match stage: a parsed resume × a job posting → ``MatchResult`` (score 0-100, category, evidence).

The score is the weighted mean of named components, each 0..1 (``DEFAULT_WEIGHTS``):

=================== ====== ==============================================================
component           weight what it measures
=================== ====== ==============================================================
required_skills      0.40  mean credit over the required skills: shown in a role or project
                           1.0, in the summary 0.9, only listed 0.8; a related skill
                           (``data/skill_relations.json``) earns its relation weight times that;
                           × (0.3 + 0.7 × the share of them shown by name), so that a related
                           skill or a missing one costs more than its own credit (must-haves
                           first: ``components.required_score``)
preferred_skills     0.10  mean credit over the preferred skills, times the required skills'
                           score
                           (nice-to-haves add to the must-haves, never stand in for them)
title_fit            0.20  occupation of the headline / latest role vs the job's: same 1.0,
                           adjacent 0.5, unrelated 0.1 (``data/occupation_families.json``)
experience           0.20  relevant years (work dates, overlaps merged; same-occupation roles
                           count fully, adjacent half, unrelated a quarter) vs the minimum the
                           posting states or its seniority implies: (years/min)² below it
education            0.05  degree level held vs the level the job requires
lexical              0.05  BM25 of the resume's text (identity removed) against the posting,
                           r/(r + 0.15) of the normalised relevance r
=================== ====== ==============================================================

A component the job gives nothing to check (no preferred skills, no stated years or seniority,
unknown occupation) is left out and the others' weights scale up. The occupation also gates the
whole score: it is multiplied by 0.55 + 0.45 × title_fit (same occupation 1.0, adjacent 0.775,
unrelated 0.595), so that a resume from another occupation cannot reach the shortlist on shared
keywords alone.

Category by ``Thresholds``: ``selected`` at 75 or more, ``considered`` at 36 or more, else
``rejected``; both returned in the result. A resume with under 70% of the required years
(``YEARS_SHORTFALL_LIMIT``) is at most ``considered``.

Fairness by construction: the score reads skills, titles, dates and degrees; skill mentions on the
name, contact or address spans are dropped, and the lexical text has the name, e-mail, phone,
links, places, personal-details lines and gendered words removed. Deterministic for a given
``as_of`` (the month ongoing roles run to; today when None).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from resumeiq.engine.match import components as mc
from resumeiq.engine.match.jobs import JobRequirements, job_relevant_text, parse_job
from resumeiq.engine.match.report import report
from resumeiq.engine.match.results import (
    DEFAULT_THRESHOLDS,
    EducationFit,
    ExperienceFit,
    MatchComponent,
    MatchRecommendation,
    MatchResult,
    RoleEvidence,
    SkillMatch,
    Thresholds,
)
from resumeiq.engine.match.text import CorpusStats, bm25_relevance, fair_text, tokenize
from resumeiq.engine.model import ParsedDocument

__all__ = [
    "DEFAULT_THRESHOLDS",
    "DEFAULT_WEIGHTS",
    "MatchResult",
    "PreparedJob",
    "PreparedResume",
    "Thresholds",
    "match",
    "match_prepared",
    "match_resume_to_job",
    "prepare_job",
    "prepare_resume",
]

DEFAULT_WEIGHTS = {
    "required_skills": 0.40,
    "preferred_skills": 0.10,
    "title_fit": 0.20,
    "experience": 0.20,
    "education": 0.05,
    "lexical": 0.05,
}
_LABELS = {
    "required_skills": "Required skills",
    "preferred_skills": "Preferred skills",
    "title_fit": "Title / occupation fit",
    "experience": "Relevant experience",
    "education": "Education",
    "lexical": "Text relevance (BM25)",
}
# Multiplier on the weighted mean: FLOOR + (1 - FLOOR) × occupation fit (same 1.0, adjacent 0.775,
# unrelated 0.595).
OCCUPATION_FACTOR_FLOOR = 0.55
# A resume more than this share short of the required years is never "selected" (at most
# "considered"), whatever its score.
YEARS_SHORTFALL_LIMIT = 0.3
# BM25 relevance (0..1, see match_text) at which the lexical component counts half.
LEXICAL_HALF = 0.15


@dataclass(slots=True)
class PreparedResume:
    """What matching needs from one resume, computed once for any number of jobs."""

    parsed: ParsedDocument
    skills: mc.ResumeSkills
    tokens: list[str]  # of the fair text (identity removed)


@dataclass(slots=True)
class PreparedJob:
    requirements: JobRequirements
    query: list[str]  # tokens of the posting's role text


def prepare_resume(parsed: ParsedDocument) -> PreparedResume:
    """Skill evidence and the lexical tokens of one resume. The lexical text is the resume with
    its identity blanked (``fair_text``) and without the lines above the first heading (name and
    contact, even where they were not recognised) other than the headline."""
    fair = fair_text(parsed.resume, parsed.document.text)
    body = [fair[s.start : s.end] for s in parsed.sections if s.kind not in ("header", "personal")]
    text = "\n".join([parsed.resume.basics.label or "", *body]) if body else fair
    return PreparedResume(parsed, mc.ResumeSkills(parsed), tokenize(text))


def prepare_job(job: JobRequirements | str, text: str | None = None) -> PreparedJob:
    """A posting as text (parsed here) or already parsed; ``text`` gives the lexical query for a
    parsed one (else its title and keywords are the query)."""
    if isinstance(job, str):
        text, job = job, parse_job(job)
    query_text = job_relevant_text(text) if text else " ".join([job.title or "", *job.keywords])
    return PreparedJob(job, tokenize(query_text))


def match(
    resume: ParsedDocument,
    job: JobRequirements | str,
    *,
    job_text: str | None = None,
    as_of: str | date | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    weights: dict[str, float] | None = None,
) -> MatchResult:
    """Match one parsed resume against one job (posting text, or ``JobRequirements`` with its
    ``job_text``)."""
    return match_prepared(
        prepare_resume(resume),
        prepare_job(job, job_text),
        as_of=as_of,
        thresholds=thresholds,
        weights=weights,
    )


# The public name (``resumeiq.engine.match.match`` is also this module's name).
match_resume_to_job = match


def match_prepared(
    resume: PreparedResume,
    job: PreparedJob,
    *,
    stats: CorpusStats | None = None,
    as_of: str | date | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    weights: dict[str, float] | None = None,
) -> MatchResult:
    """``match`` on prepared inputs; ``stats`` are the BM25 statistics of the batch ranked."""
    weights = {**DEFAULT_WEIGHTS, **(weights or {})}
    req = job.requirements
    data = resume.parsed.resume
    month = mc.current_month(as_of)
    required = mc.check_skills(req.required_skills, resume.skills)
    preferred = mc.check_skills(req.preferred_skills, resume.skills)
    roles = mc.role_fits(data, req)
    fit, best_title = mc.title_fit(data, roles, req, resume.parsed.document.text)
    relevant, total = mc.relevant_years(roles, month)
    need, need_from = mc.required_years(req)
    edu_score, held = mc.education_fit(data, req)
    lexical_raw = bm25_relevance(resume.tokens, job.query, stats)
    lexical = lexical_raw / (lexical_raw + LEXICAL_HALF) if lexical_raw > 0 else 0.0

    scores: dict[str, float | None] = {
        "required_skills": mc.required_score(required),
        "preferred_skills": _preferred_score(preferred, required),
        "title_fit": fit,
        "experience": mc.years_score(relevant, need) if need else None,
        "education": edu_score if req.degree_level and req.degree_required else None,
        "lexical": lexical if job.query else None,
    }
    details = {
        "required_skills": _skills_detail(required, "required")
        + (
            f"; credit {mc.coverage(required):.2f} × {mc.named_factor(required):.2f} for the share shown by name"
            if required
            else ""
        ),
        "preferred_skills": _skills_detail(preferred, "preferred"),
        "title_fit": "the posting names no known occupation"
        if fit is None
        else f"closest title: {best_title}"
        if best_title
        else "no title names a known occupation",
        "experience": f"{relevant:.1f} relevant years of {need} required"
        if need
        else "the posting states no minimum",
        "education": f"holds {held or 'no recognised degree'}; requires {req.degree_level}"
        if scores["education"] is not None
        else "no degree required",
        "lexical": f"BM25 relevance {lexical_raw:.2f}",
    }
    total_weight = sum(weights[k] for k, v in scores.items() if v is not None)
    components = []
    mean = 0.0
    for key in DEFAULT_WEIGHTS:
        value = scores[key]
        share = weights[key] / total_weight if value is not None and total_weight else 0.0
        mean += share * (value or 0.0)
        components.append(
            MatchComponent(
                id=key,
                label=_LABELS[key],
                weight=weights[key],
                score=None if value is None else round(value, 4),
                points=round(100 * share * (value or 0.0), 2),
                detail=details[key],
            )
        )
    factor = 1.0 if fit is None else OCCUPATION_FACTOR_FLOOR + (1 - OCCUPATION_FACTOR_FLOOR) * fit
    score = round(100 * mean * factor, 2)
    category = thresholds.category(score)
    if category == "selected" and need and relevant < (1 - YEARS_SHORTFALL_LIMIT) * need:
        category = "considered"  # a shortlist needs the years the posting asks for, near enough
    experience = _experience(roles, relevant, total, need, need_from, req)
    education = EducationFit(
        required_level=req.degree_level, required=req.degree_required, held_level=held, score=edu_score
    )
    texts = report(
        req,
        required,
        preferred,
        fit,
        best_title,
        experience,
        education,
        components,
        total_weight,
        factor,
        score,
        category,
    )
    return MatchResult(
        match_score=max(0, min(100, int(score + 0.5))),
        score=score,
        category=category,
        thresholds=thresholds,
        occupation_factor=round(factor, 4),
        components=components,
        job_title=req.title,
        job_family=req.family,
        best_title=best_title or None,
        matched_required=[_skill(c) for c in required if c.status not in ("missing", "related")],
        related_required=[_skill(c) for c in required if c.status == "related"],
        missing_required=[_skill(c) for c in required if c.status == "missing"],
        matched_preferred=[_skill(c) for c in preferred if c.status not in ("missing", "related")],
        related_preferred=[_skill(c) for c in preferred if c.status == "related"],
        missing_preferred=[_skill(c) for c in preferred if c.status == "missing"],
        experience=experience,
        education=education,
        explanation=texts.explanation,
        strengths=texts.strengths,
        weaknesses=texts.weaknesses,
        recommendations=[MatchRecommendation(**r) for r in texts.recommendations],
        as_of=f"{month // 12:04d}-{month % 12 + 1:02d}",
    )


def _preferred_score(preferred: list[mc.SkillCheck], required: list[mc.SkillCheck]) -> float | None:
    """Preferred coverage in proportion to the required skills' score (``required_score``):
    nice-to-haves add to the must-haves, they never stand in for them."""
    cov = mc.coverage(preferred)
    if cov is None:
        return None
    req = mc.required_score(required)
    return cov if req is None else cov * req


def _experience(
    roles: list[mc.RoleFit],
    relevant: float,
    total: float,
    need: int | None,
    need_from: str,
    req: JobRequirements,
) -> ExperienceFit:
    return ExperienceFit(
        relevant_years=round(relevant, 2),
        total_years=round(total, 2),
        required_years=need,
        required_from=need_from,
        meets_minimum=need is None or relevant >= need,
        candidate_seniority=mc.candidate_seniority(roles),
        job_seniority=req.seniority,
        roles=[
            RoleEvidence(
                position=r.position,
                occupation_fit=r.fit,
                weight=r.weight,
                start=_month(r.start),
                end=_month(r.end),
            )
            for r in roles
        ],
    )


def _month(index: int | None) -> str | None:
    return None if index is None else f"{index // 12:04d}-{index % 12 + 1:02d}"


def _skill(c: mc.SkillCheck) -> SkillMatch:
    return SkillMatch(
        skill=c.skill,
        status=c.status,
        credit=c.credit,
        related_to=c.related_to,
        in_taxonomy=c.in_taxonomy,
        resume_spans=c.resume_spans,
        job_spans=c.job_spans,
    )


def _skills_detail(checks: list[mc.SkillCheck], kind: str) -> str:
    if not checks:
        return f"the posting names no {kind} skills"
    shown = sum(c.status in mc.SHOWN for c in checks)
    related = sum(c.status == "related" for c in checks)
    in_work = sum(c.status == "work" for c in checks)
    text = f"{shown} of {len(checks)} shown ({in_work} in work history)"
    return text + (f", {related} through a related skill" if related else "")
