"""Request and response bodies for matches."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict

from resumeiq.ids import IdAs
from resumeiq.inputs import RequestModel
from resumeiq.jobs.schemas import Evidence


class MatchCreate(RequestModel):
    model_config = ConfigDict(extra="forbid")

    resume_id: uuid.UUID
    job_id: uuid.UUID


class MatchAccepted(IdAs("analysis_id")):
    status: str
    message: str
    status_url: str


def _evidence(spans: Any, text: str | None) -> list[Evidence]:
    out = []
    for span in spans or []:
        start, end = int(span[0]), int(span[1])
        if text is not None and 0 <= start <= end <= len(text):
            out.append(Evidence(start=start, end=end, text=text[start:end]))
    return out


def skill_names(items: Any) -> list[str]:
    return [item["skill"] for item in items or []]


def split_skills(details: dict[str, Any], kind: str) -> tuple[list[dict], list[dict]]:
    """(matched, related) skill entries of a stored match for ``kind`` required | preferred:
    matched only with direct evidence; related through another skill. Results stored before
    the split listed related skills among the matched ones: they are moved out here too."""
    matched_raw = list(details.get(f"matched_{kind}") or [])
    matched = [i for i in matched_raw if i.get("status") != "related"]
    related = list(details.get(f"related_{kind}") or []) + [i for i in matched_raw if i.get("status") == "related"]
    return matched, related


def related_labels(items: Any) -> list[str]:
    """'PyTorch (related: TensorFlow)': the job's skill and the related one the resume shows."""
    return [f"{i['skill']} (related: {i['related_to']})" if i.get("related_to") else i["skill"] for i in items or []]


class SkillMatchOut(BaseModel):
    """A skill the job names and how the resume shows it: ``work`` / ``summary`` / ``listed``
    (direct evidence), ``related`` (through ``related_to``) or ``missing``; evidence spans index
    the resume's extracted text and the job's description."""

    skill: str
    status: str
    credit: float
    related_to: str | None
    resume_evidence: list[Evidence]
    job_evidence: list[Evidence]

    @classmethod
    def many(cls, items: Any, resume_text: str | None, job_text: str | None) -> list[SkillMatchOut]:
        return [
            cls(
                skill=item["skill"],
                status=item["status"],
                credit=item["credit"],
                related_to=item.get("related_to"),
                resume_evidence=_evidence(item.get("resume_spans"), resume_text),
                job_evidence=_evidence(item.get("job_spans"), job_text),
            )
            for item in items or []
        ]


class MatchResultOut(BaseModel):
    match_score: int
    category: str
    explanation: str
    thresholds: dict[str, float]
    components: list[dict[str, Any]]
    matched_required: list[SkillMatchOut]
    related_required: list[SkillMatchOut]
    missing_required: list[SkillMatchOut]
    matched_preferred: list[SkillMatchOut]
    related_preferred: list[SkillMatchOut]
    missing_preferred: list[SkillMatchOut]
    experience: dict[str, Any]
    education: dict[str, Any]
    strengths: list[str]
    weaknesses: list[str]
    recommendations: list[dict[str, Any]]
    as_of: str | None
    warnings: list[str]
    processing_time_ms: int
    completed_at: datetime


class MatchStatus(IdAs("analysis_id")):
    resume_id: uuid.UUID
    job_id: uuid.UUID
    job_title: str | None
    status: str
    attempts: int
    requested_at: datetime
    started_at: datetime | None
    completed_at: datetime | None
    error: str | None
    result: MatchResultOut | None


class MatchSummary(IdAs("analysis_id")):
    resume_id: uuid.UUID
    job_id: uuid.UUID
    job_title: str | None
    status: str
    match_score: int
    category: str
    explanation: str
    matched_required: list[str]
    related_required: list[str]  # "PyTorch (related: TensorFlow)"
    missing_required: list[str]
    completed_at: datetime


class MatchRecommendations(IdAs("analysis_id")):
    match_score: int
    category: str
    recommendations: list[dict[str, Any]]
    missing_required: list[str]
    missing_preferred: list[str]


class MatchListItem(IdAs("analysis_id")):
    resume_id: uuid.UUID
    job_id: uuid.UUID
    status: str
    match_score: int | None
    category: str | None
    requested_at: datetime
    completed_at: datetime | None
    error: str | None


class JobMatch(BaseModel):
    """One job's match with a resume, computed on request (top matches, comparisons)."""

    job_id: uuid.UUID
    title: str | None
    company: str | None
    match_score: int
    category: str
    explanation: str
    components: list[dict[str, Any]]
    matched_required: list[str]
    related_required: list[str]  # "PyTorch (related: TensorFlow)"
    missing_required: list[str]
    matched_preferred: list[str]
    related_preferred: list[str]
    missing_preferred: list[str]
    experience: dict[str, Any]
    education: dict[str, Any]


class TopMatches(BaseModel):
    resume_id: uuid.UUID
    jobs_considered: int
    items: list[JobMatch]
    warnings: list[str]


class Comparison(BaseModel):
    resume_id: uuid.UUID
    items: list[JobMatch]
