"""Request and response bodies of /tailorings, and the JSON Resume model a confirmed resume must
satisfy."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from resumeiq.ids import IdAs
from resumeiq.inputs import RequestModel

Mode = Literal["deterministic", "llm"]
PartStatus = Literal["success", "failed", "not_requested"]


class PreviewRequest(RequestModel):
    resume_id: uuid.UUID
    job_id: uuid.UUID
    cover_letter: bool = False
    outreach: bool = False
    mode: Mode | None = Field(
        default=None, description="Default: deterministic (no language model is configured)"
    )


class PartOut(BaseModel):
    status: PartStatus
    text: str | None
    error: str | None


class DiffEntry(BaseModel):
    id: str = Field(description="Refer to it in confirm's edits")
    path: str = Field(description="JSON pointer into the original resume")
    op: Literal["added", "removed", "changed", "moved"]
    before: Any
    after: Any
    reason: str
    order: list[int] | None = Field(
        default=None, description="moved: the original indices in their new order"
    )


class KeywordSet(BaseModel):
    matched: list[str] = Field(description="Required skills the resume shows")
    missing: list[str] = Field(description="Required skills it does not show (a related skill may be shown)")
    preferred_matched: list[str]
    match_score: int


class Keywords(BaseModel):
    before: KeywordSet
    after: KeywordSet


class Suggestion(BaseModel):
    path: str
    kind: Literal["missing_skill", "add_number"]
    text: str


class PreviewOut(IdAs("preview_id")):
    preview_hash: str
    resume_id: uuid.UUID
    job_id: uuid.UUID
    mode: Mode
    ai_model_used: str | None
    tailored: dict[str, Any] = Field(description="The tailored resume, a full JSON Resume document")
    diff: list[DiffEntry]
    keywords: Keywords
    suggestions: list[Suggestion]
    cover_letter: PartOut
    outreach: PartOut
    warnings: list[str]
    confirmed_resume_id: uuid.UUID | None
    created_at: datetime


class TailoringListItem(IdAs("preview_id")):
    preview_hash: str
    resume_id: uuid.UUID
    job_id: uuid.UUID
    mode: Mode
    changes: int
    cover_letter: PartStatus
    outreach: PartStatus
    warnings: int
    confirmed_resume_id: uuid.UUID | None
    created_at: datetime


class Edit(RequestModel):
    """``accept`` / ``reject`` a diff entry by ``id`` (every entry not named is accepted), or
    ``set`` your own value at ``path`` (a JSON pointer into the tailored resume)."""

    action: Literal["accept", "reject", "set"]
    id: str | None = Field(default=None, max_length=20)
    path: str | None = Field(default=None, max_length=300)
    value: Any = None

    @model_validator(mode="after")
    def _target(self) -> Edit:
        if self.action == "set":
            if self.path is None:
                raise ValueError("a 'set' edit needs a path")
        elif self.id is None:
            raise ValueError(f"an {self.action!r} edit needs the id of a diff entry")
        return self


class ConfirmRequest(RequestModel):
    preview_id: uuid.UUID
    preview_hash: str = Field(min_length=1, max_length=128)
    edits: list[Edit] = Field(default_factory=list, max_length=500)


class ConfirmOut(BaseModel):
    resume_id: uuid.UUID
    parent_id: uuid.UUID
    candidate_id: uuid.UUID
    version_number: int
    preview_id: uuid.UUID
    applied: list[str] = Field(description="Ids of the diff entries applied")
    rejected: list[str]
    warnings: list[str]


# --------------------------------------------------------------------------- JSON Resume (strict)

_DATE = r"^[12]\d{3}(-[01]\d(-[0-3]\d)?)?$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class JRLocation(_Strict):
    address: str | None = None
    postalCode: str | None = None
    city: str | None = None
    countryCode: str | None = None
    region: str | None = None


class JRProfile(_Strict):
    network: str | None = None
    username: str | None = None
    url: str | None = None


class JRBasics(_Strict):
    name: str | None = None
    label: str | None = None
    image: str | None = None
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    phone: str | None = None
    url: str | None = None
    summary: str | None = None
    location: JRLocation | None = None
    profiles: list[JRProfile] = Field(default_factory=list)


class JRWork(_Strict):
    name: str | None = None
    position: str | None = None
    location: str | None = None
    url: str | None = None
    startDate: str | None = Field(default=None, pattern=_DATE)
    endDate: str | None = Field(default=None, pattern=_DATE)
    summary: str | None = None
    highlights: list[str] = Field(default_factory=list)


class JREducation(_Strict):
    institution: str | None = None
    url: str | None = None
    area: str | None = None
    studyType: str | None = None
    startDate: str | None = Field(default=None, pattern=_DATE)
    endDate: str | None = Field(default=None, pattern=_DATE)
    score: str | None = None
    courses: list[str] = Field(default_factory=list)


class JRSkill(_Strict):
    name: str | None = None
    level: str | None = None
    keywords: list[str] = Field(default_factory=list)


class JRCertificate(_Strict):
    name: str | None = None
    date: str | None = Field(default=None, pattern=_DATE)
    issuer: str | None = None
    url: str | None = None


class JRLanguage(_Strict):
    language: str | None = None
    fluency: str | None = None


class JRProject(_Strict):
    name: str | None = None
    description: str | None = None
    highlights: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    startDate: str | None = Field(default=None, pattern=_DATE)
    endDate: str | None = Field(default=None, pattern=_DATE)
    url: str | None = None


class JsonResume(_Strict):
    """JSON Resume v1, the sections resumeiq reads; unknown fields and wrong types are refused."""

    basics: JRBasics = Field(default_factory=JRBasics)
    work: list[JRWork] = Field(default_factory=list)
    education: list[JREducation] = Field(default_factory=list)
    skills: list[JRSkill] = Field(default_factory=list)
    certificates: list[JRCertificate] = Field(default_factory=list)
    languages: list[JRLanguage] = Field(default_factory=list)
    projects: list[JRProject] = Field(default_factory=list)
