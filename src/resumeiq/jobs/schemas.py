"""Request and response bodies for jobs."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from resumeiq.inputs import RequestModel
from resumeiq.jobs.models import Job

MAX_JOB_TEXT_CHARS = 100_000


def _not_blank(value: str | None) -> str | None:
    if value is not None and not value.strip():
        raise ValueError("must not be blank")
    return value


class JobCreate(RequestModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_JOB_TEXT_CHARS, description="The posting's text")
    title: str | None = Field(
        default=None, max_length=300, description="Overrides the title read from the text"
    )
    company: str | None = Field(default=None, max_length=200)

    _check_text = field_validator("text")(_not_blank)


class JobFileFields(RequestModel):
    """The text fields sent with a posting's file (multipart); longer values are cut."""

    title: str = ""
    company: str = ""


class JobUpdate(RequestModel):
    """Fields to change; a new ``text`` or ``title`` re-parses the requirements. ``title: null``
    goes back to the title read from the text."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, min_length=1, max_length=MAX_JOB_TEXT_CHARS)
    title: str | None = Field(default=None, max_length=300)
    company: str | None = Field(default=None, max_length=200)

    _check_text = field_validator("text")(_not_blank)


class Requirements(BaseModel):
    """What the engine read from the posting (evidence spans: see ``/jobs/{id}/keywords``)."""

    title: str | None
    seniority: str | None
    occupation_code: str | None
    occupation_title: str | None
    family: str | None
    required_skills: list[str]
    preferred_skills: list[str]
    min_years: int | None
    degree_level: str | None
    degree_required: bool
    degree_fields: list[str]
    fields: list[str]
    location: dict[str, Any] | None
    keywords: list[str]

    @classmethod
    def of(cls, req: dict[str, Any]) -> Requirements:
        return cls(
            title=req.get("title"),
            seniority=req.get("seniority"),
            occupation_code=req.get("occupation_code"),
            occupation_title=req.get("occupation_title"),
            family=req.get("family"),
            required_skills=[s["name"] for s in req.get("required_skills", [])],
            preferred_skills=[s["name"] for s in req.get("preferred_skills", [])],
            min_years=req.get("min_years"),
            degree_level=req.get("degree_level"),
            degree_required=bool(req.get("degree_required")),
            degree_fields=list(req.get("degree_fields", [])),
            fields=list(req.get("fields", [])),
            location={k: v for k, v in (req.get("location") or {}).items() if v is not None} or None,
            keywords=list(req.get("keywords", [])),
        )


class JobOut(BaseModel):
    id: uuid.UUID
    title: str | None
    company: str | None
    source_filename: str | None
    source_format: str | None
    content_hash: str
    requirements: Requirements
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, job: Job) -> JobOut:
        return cls(
            id=job.id,
            title=job.title,
            company=job.company,
            source_filename=job.source_filename,
            source_format=job.source_format,
            content_hash=job.content_hash,
            requirements=Requirements.of(job.requirements),
            created_at=job.created_at,
            updated_at=job.updated_at,
        )


class JobDetail(JobOut):
    description: str

    @classmethod
    def of(cls, job: Job) -> JobDetail:
        return cls(**JobOut.of(job).model_dump(), description=job.description)


class Evidence(BaseModel):
    """A span of the posting's text: ``text == description[start:end]`` (character offsets)."""

    start: int
    end: int
    text: str


class KeywordOut(BaseModel):
    name: str
    category: str | None
    evidence: list[Evidence]


class YearsOut(BaseModel):
    value: int
    evidence: Evidence | None


class DegreeOut(BaseModel):
    level: str
    required: bool
    fields: list[str]


class JobKeywords(BaseModel):
    job_id: uuid.UUID
    title: str | None
    required: list[KeywordOut]
    preferred: list[KeywordOut]
    min_years: YearsOut | None
    degree: DegreeOut | None
    fields: list[str]
    location: dict[str, Any] | None
    keywords: list[str]

    @classmethod
    def of(cls, job: Job) -> JobKeywords:
        req, text = job.requirements, job.description

        def evidence(span: Any) -> Evidence | None:
            if not span or len(span) != 2:
                return None
            start, end = int(span[0]), int(span[1])
            return Evidence(start=start, end=end, text=text[start:end])

        def skills(items: list[dict[str, Any]]) -> list[KeywordOut]:
            return [
                KeywordOut(
                    name=s["name"],
                    category=s.get("category"),
                    evidence=[e for e in map(evidence, s.get("spans", [])) if e is not None],
                )
                for s in items
            ]

        years = req.get("min_years")
        level = req.get("degree_level")
        return cls(
            job_id=job.id,
            title=job.title,
            required=skills(req.get("required_skills", [])),
            preferred=skills(req.get("preferred_skills", [])),
            min_years=YearsOut(value=years, evidence=evidence(req.get("min_years_span")))
            if years is not None
            else None,
            degree=DegreeOut(
                level=level, required=bool(req.get("degree_required")), fields=req.get("degree_fields", [])
            )
            if level
            else None,
            fields=list(req.get("fields", [])),
            location=Requirements.of(req).location,
            keywords=list(req.get("keywords", [])),
        )
