"""The ``jobs`` table: a posting's text and the requirements the engine read from it."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from resumeiq.db import Base, JSONType, UTCDateTime, UUIDPrimaryKey, utcnow


class Job(UUIDPrimaryKey, Base):
    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_owner_created", "owner_user_id", "created_at"),)

    owner_user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # The title shown: the one given by the user (``title_given``), else the one parsed.
    title: Mapped[str | None] = mapped_column(String(300))
    title_given: Mapped[str | None] = mapped_column(String(300))
    company: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)  # the posting's text
    source_filename: Mapped[str | None] = mapped_column(String(255))
    source_format: Mapped[str | None] = mapped_column(String(8))
    # SHA-256 of the normalised text; ``requirements_key`` adds the given title and the parser's
    # fingerprint, and is what the parse cache is looked up by.
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    requirements_key: Mapped[str] = mapped_column(String(64), index=True)
    requirements: Mapped[dict[str, Any]] = mapped_column(JSONType)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
