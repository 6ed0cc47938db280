"""Response bodies for candidates and resumes."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from resumeiq.ids import IdAs
from resumeiq.inputs import RequestModel
from resumeiq.resumes.models import Candidate, Resume


class CandidateCreate(RequestModel):
    name: str | None = Field(default=None, max_length=200, examples=["Oksana Petrenko"])
    email: str | None = Field(default=None, max_length=320, examples=["oksana@example.com"])
    phone: str | None = Field(default=None, max_length=64, examples=["+380 44 123 4567"])
    location: str | None = Field(default=None, max_length=300, examples=["Kyiv, UA"])


class MasterRequest(RequestModel):
    track: str = Field(
        default="default",
        min_length=1,
        max_length=64,
        pattern=r"^[\w .:/+-]+$",
        description="A free label: 'default', 'backend', 'fr', ...",
    )


class CandidateOut(IdAs("candidate_id")):
    """A person (``candidate_id``, the name every other body uses for them, is the same as ``id``)."""

    name: str | None
    email: str | None
    phone: str | None
    location: str | None
    is_self: bool
    skills: list[str] = Field(description="Skill names from the candidate's resumes, lower-case")
    created_at: datetime
    updated_at: datetime | None

    @classmethod
    def of(cls, candidate: Candidate) -> CandidateOut:
        return cls(
            id=candidate.id,
            name=candidate.name,
            email=candidate.email,
            phone=candidate.phone,
            location=candidate.location,
            is_self=candidate.is_self,
            skills=[s for s in (candidate.skills or "").split("|") if s],
            created_at=candidate.created_at,
            updated_at=candidate.updated_at,
        )


class ResumeUploaded(IdAs("resume_id")):
    """What an upload produced. ``processing_status`` is the truth: ``ready`` means parsed."""

    candidate_id: uuid.UUID
    version_number: int
    processing_status: str
    processing_error: str | None
    is_master: bool
    warnings: list[str]
    stored_before: bool = Field(
        default=False, description="True: this very file was stored for the candidate already; no new version"
    )

    @classmethod
    def of(cls, resume: Resume) -> ResumeUploaded:
        return cls(
            resume_id=resume.id,
            candidate_id=resume.candidate_id,
            version_number=resume.version_number,
            processing_status=resume.processing_status,
            processing_error=resume.processing_error,
            is_master=resume.is_master,
            warnings=list(resume.warnings or []),
            stored_before=resume.stored_before,
        )


class ResumeOut(ResumeUploaded):
    track: str = Field(description="The track this version is for; at most one master per track")
    filename: str
    content_type: str
    size_bytes: int
    sha256: str
    format: str | None
    page_count: int | None
    parent_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, resume: Resume) -> ResumeOut:
        return cls(
            **ResumeUploaded.of(resume).model_dump(),
            track=resume.track,
            filename=resume.filename,
            content_type=resume.content_type,
            size_bytes=resume.size_bytes,
            sha256=resume.sha256,
            format=resume.format,
            page_count=resume.page_count,
            parent_id=resume.parent_id,
            created_at=resume.created_at,
            updated_at=resume.updated_at,
        )


class ResumeDetail(ResumeOut):
    parsed: dict[str, Any] | None = Field(description="The parsed resume as a JSON Resume v1 document")

    @classmethod
    def of(cls, resume: Resume) -> ResumeDetail:
        return cls(**ResumeOut.of(resume).model_dump(), parsed=resume.parsed)


class ResumeText(BaseModel):
    resume_id: uuid.UUID
    format: str | None
    text: str
