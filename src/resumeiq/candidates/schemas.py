"""Bodies for a candidate's page: the person, their resume versions, screenings and matches."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, model_validator

from resumeiq.inputs import RequestModel
from resumeiq.resumes.schemas import CandidateOut, ResumeOut


class CandidatePatch(RequestModel):
    """Fields to change (the others stay); ``null`` clears one."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, max_length=200, examples=["Oksana Petrenko"])
    email: str | None = Field(default=None, max_length=320, examples=["oksana.p@example.com"])
    phone: str | None = Field(default=None, max_length=64, examples=["+380 44 123 4567"])
    location: str | None = Field(default=None, max_length=300, examples=["Lviv, UA"])

    @model_validator(mode="after")
    def _something(self) -> CandidatePatch:
        if not self.model_fields_set:
            raise ValueError("give at least one of name, email, phone, location")
        return self


class CandidateScreening(BaseModel):
    """One screening the candidate was in: their item's outcome."""

    screening_id: uuid.UUID
    job_id: uuid.UUID
    job_title: str | None
    item_id: uuid.UUID
    resume_id: uuid.UUID | None
    status: str
    score: int | None
    category: str | None
    created_at: datetime


class CandidateMatch(BaseModel):
    """A match of one of the candidate's resumes against a job."""

    match_id: uuid.UUID
    resume_id: uuid.UUID
    job_id: uuid.UUID | None
    status: str
    score: int | None
    category: str | None
    requested_at: datetime


class CandidateDetail(CandidateOut):
    versions: list[ResumeOut] = Field(description="Resume versions, newest first")
    screenings: list[CandidateScreening] = Field(description="Screenings the candidate was in, newest first")
    matches: list[CandidateMatch] = Field(description="Job matches of the candidate's resumes, newest first")
