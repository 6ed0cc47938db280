"""The ``users`` table."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from resumeiq.db import Base, UTCDateTime, UUIDPrimaryKey, utcnow


class Role(StrEnum):
    JOB_SEEKER = "job_seeker"
    RECRUITER = "recruiter"
    ADMIN = "admin"


class User(UUIDPrimaryKey, Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role IN ('job_seeker', 'recruiter', 'admin')", name="role"),)
    __mapper_args__ = {"eager_defaults": True}  # token_version read back on insert

    email: Mapped[str] = mapped_column(String(320), unique=True)  # stored lower-case
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default=Role.JOB_SEEKER.value)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Access tokens carry the version they were issued under; logging out bumps it, so every
    # token issued before is refused from then on.
    # (No Python default: inserts that predate the column, in the migration tests, leave it out.)
    token_version: Mapped[int] = mapped_column(Integer, server_default="0")
