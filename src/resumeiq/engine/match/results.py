"""What a match says: the result models of ``match_resume_to_job`` (score, category, components,
skills matched and missing with evidence, experience and education fit, recommendations)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator

from resumeiq.engine.model import Span

Category = Literal["selected", "considered", "rejected"]


class Thresholds(BaseModel):
    """Score cut-offs of the categories: ``selected`` ≥ selected, ``considered`` ≥ considered.
    The defaults are calibrated on the graded pairs of eval-dev and eval-layouts
    (``benchmarks/review_quality.py``: grade 3 selected, grade 2 considered, below rejected)."""

    selected: float = 75.0
    considered: float = 36.0

    @model_validator(mode="after")
    def _ordered(self) -> Thresholds:
        if not 0 <= self.considered <= self.selected <= 100:
            raise ValueError("thresholds must satisfy 0 <= considered <= selected <= 100")
        return self

    def category(self, score: float) -> Category:
        return (
            "selected" if score >= self.selected else "considered" if score >= self.considered else "rejected"
        )


DEFAULT_THRESHOLDS = Thresholds()


class SkillMatch(BaseModel):
    """One skill the job names and how the resume shows it. ``status``: work | summary | listed
    (direct evidence), related (through ``related_to``), missing."""

    skill: str
    status: str
    credit: float
    related_to: str | None = None
    in_taxonomy: bool = True
    resume_spans: list[Span] = Field(default_factory=list)  # into the resume's extracted text
    job_spans: list[Span] = Field(default_factory=list)  # into the posting's text


class MatchComponent(BaseModel):
    id: str
    label: str
    weight: float  # as configured; components left out have score None
    score: float | None  # 0..1
    points: float  # contribution to the 0-100 score before the occupation factor
    detail: str


class RoleEvidence(BaseModel):
    position: str
    occupation_fit: float | None
    weight: float
    start: str | None
    end: str | None


class ExperienceFit(BaseModel):
    relevant_years: float
    total_years: float
    required_years: int | None
    required_from: str  # "stated" in the posting, implied by its "seniority", or ""
    meets_minimum: bool
    candidate_seniority: str | None
    job_seniority: str | None
    roles: list[RoleEvidence]


class EducationFit(BaseModel):
    required_level: str | None
    required: bool
    held_level: str | None
    score: float


class MatchRecommendation(BaseModel):
    priority: int  # 1 = most important
    component: str
    text: str
    impact: float  # score points at stake


class MatchResult(BaseModel):
    match_score: int  # 0-100, rounded
    score: float  # 0-100, two decimals (for ordering)
    category: Category
    thresholds: Thresholds
    occupation_factor: float
    components: list[MatchComponent]
    job_title: str | None
    job_family: str | None
    best_title: str | None  # the resume title that shows the occupation fit
    # matched: shown directly (work, summary or listed); related: only through a related skill the
    # resume shows (``related_to``), credited at the relation's weight; missing: neither.
    matched_required: list[SkillMatch]
    related_required: list[SkillMatch] = Field(default_factory=list)
    missing_required: list[SkillMatch]
    matched_preferred: list[SkillMatch]
    related_preferred: list[SkillMatch] = Field(default_factory=list)
    missing_preferred: list[SkillMatch]
    experience: ExperienceFit
    education: EducationFit
    explanation: str
    strengths: list[str]
    weaknesses: list[str]
    recommendations: list[MatchRecommendation]
    as_of: str  # YYYY-MM
