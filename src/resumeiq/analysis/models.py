"""The ``review_requests`` and ``review_results`` tables.

A request row is written before any work is queued; its result row is written in the same
transaction that marks it ``completed`` (``review_request_id`` is unique: one result per request).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from resumeiq.db import Base, JSONType, UTCDateTime, UUIDPrimaryKey, utcnow


class ReviewType(StrEnum):
    REVIEW = "review"  # a resume reviewed for a target industry
    JOB_MATCH = "job_match"  # a resume matched against a job


class ReviewStatus(StrEnum):
    PENDING = "pending"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"


class ReviewRequest(UUIDPrimaryKey, Base):
    __tablename__ = "review_requests"
    __table_args__ = (
        CheckConstraint("status IN ('pending', 'processing', 'completed', 'failed')", name="status"),
        CheckConstraint("review_type IN ('review', 'job_match')", name="review_type"),
        Index("ix_review_requests_status_lease", "status", "lease_until"),
        Index("ix_review_requests_requester_requested", "requested_by_user_id", "requested_at"),
    )

    resume_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resumes.id", ondelete="CASCADE"), index=True)
    requested_by_user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    job_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    target_industry: Mapped[str | None] = mapped_column(String(64))  # None for a job match
    review_type: Mapped[str] = mapped_column(String(32), default=ReviewType.REVIEW.value)
    # No longer set by requests (every review runs every check); kept for rows written before.
    analysis_depth: Mapped[str] = mapped_column(String(16), default="standard")
    status: Mapped[str] = mapped_column(String(16), default=ReviewStatus.PENDING.value)
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The process holding the claim (worker.owner): a claim whose owner is gone is taken back.
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ReviewResult(UUIDPrimaryKey, Base):
    __tablename__ = "review_results"

    review_request_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("review_requests.id", ondelete="CASCADE"), unique=True
    )
    overall_score: Mapped[int] = mapped_column(Integer)
    # A review sets the three part scores and the industry; a job match sets match_score (equal
    # to overall_score) and category, and keeps its components in detailed_scores.
    ats_score: Mapped[int | None] = mapped_column(Integer)
    content_score: Mapped[int | None] = mapped_column(Integer)
    formatting_score: Mapped[int | None] = mapped_column(Integer)
    match_score: Mapped[int | None] = mapped_column(Integer)
    category: Mapped[str | None] = mapped_column(String(16))  # selected | considered | rejected
    industry: Mapped[str | None] = mapped_column(String(64))
    executive_summary: Mapped[str] = mapped_column(Text)
    detailed_scores: Mapped[dict[str, Any]] = mapped_column(JSONType)
    strengths: Mapped[list[str]] = mapped_column(JSONType)
    weaknesses: Mapped[list[str]] = mapped_column(JSONType)
    recommendations: Mapped[list[dict[str, Any]]] = mapped_column(JSONType)
    ai_model_used: Mapped[str | None] = mapped_column(String(100))
    processing_time_ms: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
