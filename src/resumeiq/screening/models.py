"""The ``screenings`` and ``screening_items`` tables.

A screening is one job and a batch of resumes; each resume is an item, processed by the worker
with the same claim/lease columns as a review request (see ``worker.claim``). An item ends
``completed`` (scored), ``failed`` (with the reason, never a score) or ``duplicate`` (the same
file, by SHA-256, or the same person, by candidate, as another item of the screening; ranked once).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from resumeiq.db import Base, JSONType, UTCDateTime, UUIDPrimaryKey, utcnow


class ItemStatus(StrEnum):
    PENDING = "pending"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"
    DUPLICATE = "duplicate"


FINISHED = (ItemStatus.COMPLETED, ItemStatus.FAILED, ItemStatus.DUPLICATE)


class Screening(UUIDPrimaryKey, Base):
    __tablename__ = "screenings"
    __table_args__ = (Index("ix_screenings_owner_created", "owner_user_id", "created_at"),)

    owner_user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    blind: Mapped[bool] = mapped_column(Boolean, default=False)  # hide who candidates are in listings
    total: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ScreeningItem(UUIDPrimaryKey, Base):
    __tablename__ = "screening_items"
    __table_args__ = (
        UniqueConstraint("screening_id", "position"),
        CheckConstraint(
            "status IN ('pending', 'processing', 'completed', 'failed', 'duplicate')", name="status"
        ),
        Index("ix_screening_items_screening_status", "screening_id", "status"),
        Index("ix_screening_items_status_lease", "status", "lease_until"),
        # One person is ranked once per screening: a second completed item of the same candidate
        # cannot be written (the worker makes it a duplicate instead), even from two workers.
        Index(
            "uq_screening_items_screening_candidate_completed",
            "screening_id",
            "candidate_id",
            unique=True,
            sqlite_where=text("status = 'completed'"),
            postgresql_where=text("status = 'completed'"),
        ),
    )

    screening_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("screenings.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # 1-based, in the order submitted
    resume_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("resumes.id", ondelete="SET NULL"))
    # The person: known at creation for a stored resume, found by identity once a file is parsed.
    # No foreign key (the SQLite migration would have to rebuild this table, cascading deletes):
    # deleting a candidate deletes its items in ``candidates.service``.
    candidate_id: Mapped[uuid.UUID | None] = mapped_column(Uuid(), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    size_bytes: Mapped[int | None] = mapped_column(BigInteger)
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)  # None: refused before storing
    storage_key: Mapped[str | None] = mapped_column(String(255))
    duplicate_of_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("screening_items.id", ondelete="SET NULL")
    )

    status: Mapped[str] = mapped_column(String(16), default=ItemStatus.PENDING.value)
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The process holding the claim (worker.owner): a claim whose owner is gone is taken back.
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    score: Mapped[int | None] = mapped_column(Integer)  # match score 0-100
    rank_score: Mapped[float | None] = mapped_column(Float)  # the same, unrounded: the ranking key
    category: Mapped[str | None] = mapped_column(String(16))  # selected | considered | rejected
    # Who the resume belongs to, as parsed: shown unless the screening is blind, used for e-mails.
    candidate_name: Mapped[str | None] = mapped_column(String(200))
    candidate_email: Mapped[str | None] = mapped_column(String(320))
    candidate_phone: Mapped[str | None] = mapped_column(String(64))
    candidate_location: Mapped[str | None] = mapped_column(String(300))
    details: Mapped[dict[str, Any] | None] = mapped_column(JSONType)  # the engine's match result
    processing_time_ms: Mapped[int | None] = mapped_column(Integer)
