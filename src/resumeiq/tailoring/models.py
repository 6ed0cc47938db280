"""The ``tailorings`` table: one row per preview, never overwritten.

A row keeps the hashes of its inputs (the resume and the job as they were), the whole output and
the hash of that output (``preview_hash``). Confirming it creates a resume version and records it
in ``confirmed_resume_id``, once.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from resumeiq.db import Base, JSONType, UTCDateTime, UUIDPrimaryKey, utcnow


class Tailoring(UUIDPrimaryKey, Base):
    __tablename__ = "tailorings"
    __table_args__ = (Index("ix_tailorings_owner_created", "owner_user_id", "created_at"),)

    owner_user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    resume_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resumes.id", ondelete="CASCADE"), index=True)
    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    mode: Mapped[str] = mapped_column(String(16))  # the mode that produced the output
    ai_model_used: Mapped[str | None] = mapped_column(String(200))
    cover_letter_requested: Mapped[bool] = mapped_column(Boolean)
    outreach_requested: Mapped[bool] = mapped_column(Boolean)
    resume_hash: Mapped[str] = mapped_column(String(64))
    job_hash: Mapped[str] = mapped_column(String(64))
    # tailored, diff, keywords, suggestions, cover_letter, outreach, warnings
    output: Mapped[dict[str, Any]] = mapped_column(JSONType)
    output_hash: Mapped[str] = mapped_column(String(64))
    confirmed_resume_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("resumes.id", ondelete="SET NULL")
    )
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
