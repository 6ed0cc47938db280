"""Request and response bodies for screenings."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from resumeiq.ids import IdAs
from resumeiq.inputs import RequestModel
from resumeiq.matches.schemas import related_labels, skill_names, split_skills
from resumeiq.screening.models import ScreeningItem

ResultStatus = Literal["completed", "failed", "duplicate", "pending", "all"]
Category = Literal["selected", "considered", "rejected"]


class ScreeningCreate(RequestModel):
    """JSON form of a screening of your pool: resumes you stored before, candidates (each by their
    master resume, else their newest), or all your candidates; send files as multipart instead."""

    model_config = ConfigDict(extra="forbid")

    job_id: uuid.UUID
    resume_ids: list[uuid.UUID] = Field(default_factory=list, max_length=1000)
    candidate_ids: list[uuid.UUID] = Field(default_factory=list, max_length=1000)
    all_candidates: bool = Field(default=False, description="Screen every candidate of yours")
    blind: bool = False


class ScreeningAccepted(IdAs("screening_id")):
    status: str
    total: int
    duplicates: int
    failed: int
    status_url: str


class CategoryCounts(BaseModel):
    selected: int = 0
    considered: int = 0
    rejected: int = 0


class ScreeningStatus(IdAs("screening_id")):
    """Progress: ``processed`` = completed + failed + duplicates; ``status`` is ``processing``
    until every item is processed, then ``completed``."""

    job_id: uuid.UUID
    job_title: str | None
    blind: bool
    status: str
    total: int
    processed: int
    pending: int
    completed: int
    failed: int
    duplicates: int
    counts: CategoryCounts
    created_at: datetime
    completed_at: datetime | None


class Candidate(BaseModel):
    name: str | None
    email: str | None
    phone: str | None
    location: str | None


class DuplicateOf(BaseModel):
    item_id: uuid.UUID
    position: int


class ScreeningItemOut(IdAs("item_id")):
    """One resume of a screening. In a blind screening ``candidate`` and ``filename`` are null
    and ``label`` names the candidate by position only."""

    position: int
    rank: int | None  # 1 = best, among the completed items
    label: str
    status: str
    score: int | None
    category: str | None
    candidate: Candidate | None
    filename: str | None
    resume_id: uuid.UUID | None  # the stored resume this item is (an uploaded file is kept as one)
    candidate_id: uuid.UUID | None  # the person
    explanation: str | None
    matched_required: list[str]
    related_required: list[str]  # "PyTorch (related: TensorFlow)"
    missing_required: list[str]
    duplicate_of: DuplicateOf | None
    error: str | None

    @classmethod
    def of(
        cls, item: ScreeningItem, *, rank: int | None, blind: bool, duplicate_position: int | None
    ) -> ScreeningItemOut:
        d = item.details or {}
        return cls(
            item_id=item.id,
            position=item.position,
            rank=rank,
            label=label(item, blind=blind),
            status=item.status,
            score=item.score,
            category=item.category,
            candidate=None
            if blind
            else Candidate(
                name=item.candidate_name,
                email=item.candidate_email,
                phone=item.candidate_phone,
                location=item.candidate_location,
            ),
            filename=None if blind else item.filename,
            resume_id=None if blind else item.resume_id,
            candidate_id=None if blind else item.candidate_id,
            explanation=d.get("explanation"),
            matched_required=skill_names(split_skills(d, "required")[0]),
            related_required=related_labels(split_skills(d, "required")[1]),
            missing_required=skill_names(d.get("missing_required")),
            duplicate_of=DuplicateOf(item_id=item.duplicate_of_id, position=duplicate_position)
            if item.duplicate_of_id is not None and duplicate_position is not None
            else None,
            error=item.error,
        )


def label(item: ScreeningItem, *, blind: bool) -> str:
    if blind or not item.candidate_name:
        return f"Candidate {item.position}"
    return item.candidate_name


class ScreeningResults(BaseModel):
    screening_id: uuid.UUID
    blind: bool
    status: str
    category: str | None
    total: int  # items matching the filters
    items: list[ScreeningItemOut]
    next_cursor: str | None


class ScreeningSummary(IdAs("screening_id")):
    job_id: uuid.UUID
    blind: bool
    status: str
    total: int
    processed: int
    created_at: datetime
