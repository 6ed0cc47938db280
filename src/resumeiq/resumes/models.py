"""The ``candidates`` and ``resumes`` tables."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from resumeiq.db import Base, JSONType, UTCDateTime, UUIDPrimaryKey, utcnow

DEFAULT_TRACK = "default"


class ProcessingStatus(StrEnum):
    PENDING = "pending"
    READY = "ready"
    FAILED = "failed"


class Candidate(UUIDPrimaryKey, Base):
    """A person whose resumes are stored. ``is_self``: the job seeker's own candidate row,
    created on their first upload (at most one per owner).

    A recruiter's uploads find their candidate by identity (``candidates.identity``): the
    ``*_key`` columns hold the normalised e-mail, phone digits and name it compares, and
    ``identity_key`` the strongest of them when the row was made, unique per owner, so that two
    uploads of one new person at once cannot make two candidates. ``skills``: the skill names of
    its resumes, lower-case, each between ``|`` (``|python|sql|``), for search."""

    __tablename__ = "candidates"
    __table_args__ = (
        Index(
            "uq_candidates_owner_self",
            "owner_user_id",
            unique=True,
            sqlite_where=text("is_self"),
            postgresql_where=text("is_self"),
        ),
        Index("uq_candidates_owner_identity", "owner_user_id", "identity_key", unique=True),
        Index("ix_candidates_owner_email_key", "owner_user_id", "email_key"),
        Index("ix_candidates_owner_phone_key", "owner_user_id", "phone_key"),
        Index("ix_candidates_owner_name_key", "owner_user_id", "name_key"),
    )

    owner_user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(64))
    location: Mapped[str | None] = mapped_column(String(300))
    is_self: Mapped[bool] = mapped_column(Boolean, default=False)
    email_key: Mapped[str | None] = mapped_column(String(320))
    phone_key: Mapped[str | None] = mapped_column(String(32))
    name_key: Mapped[str | None] = mapped_column(String(200))
    location_key: Mapped[str | None] = mapped_column(String(300))
    identity_key: Mapped[str | None] = mapped_column(String(520))
    skills: Mapped[str] = mapped_column(Text, server_default="|")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), onupdate=utcnow)


class Resume(UUIDPrimaryKey, Base):
    __tablename__ = "resumes"
    __table_args__ = (
        UniqueConstraint("candidate_id", "version_number"),
        # One master per candidate and track, enforced by the database on both backends.
        Index(
            "uq_resumes_candidate_track_master",
            "candidate_id",
            "track",
            unique=True,
            sqlite_where=text("is_master"),
            postgresql_where=text("is_master"),
        ),
        CheckConstraint("processing_status IN ('pending', 'ready', 'failed')", name="processing_status"),
        CheckConstraint("version_number >= 1", name="version_number"),
    )

    candidate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    owner_user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    version_number: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(127))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    storage_key: Mapped[str] = mapped_column(String(255))
    format: Mapped[str | None] = mapped_column(String(8))
    page_count: Mapped[int | None] = mapped_column(Integer)
    extracted_text: Mapped[str | None] = mapped_column(Text)
    parsed: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    warnings: Mapped[list[str]] = mapped_column(JSONType, default=list)
    processing_status: Mapped[str] = mapped_column(String(16), default=ProcessingStatus.PENDING.value)
    processing_error: Mapped[str | None] = mapped_column(Text)
    is_master: Mapped[bool] = mapped_column(Boolean, default=False)
    # The track this version is for ("default", "backend", "fr", ...): at most one master per
    # candidate and track.
    track: Mapped[str] = mapped_column(String(64), server_default=DEFAULT_TRACK)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("resumes.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    # Not a column: set by an upload that found this very file already stored for its candidate.
    stored_before = False
