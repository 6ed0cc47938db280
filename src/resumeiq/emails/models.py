"""The ``email_messages`` table: the outbox.

A message is written ``queued`` with its final subject and body; the worker claims it
(``sending``), hands it to the SMTP server and marks it ``sent``, or puts it back ``queued`` with
the error and a back-off (temporary failure), or ``failed`` with the error (permanent failure,
or attempts used up).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from resumeiq.db import Base, JSONType, UTCDateTime, UUIDPrimaryKey, utcnow
from resumeiq.worker.claim import JobStates


class EmailStatus(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


class EmailMessage(UUIDPrimaryKey, Base):
    __tablename__ = "email_messages"
    __table_args__ = (
        CheckConstraint("status IN ('queued', 'sending', 'sent', 'failed')", name="status"),
        Index("ix_email_messages_status_lease", "status", "lease_until"),
        Index("ix_email_messages_screening_requested", "screening_id", "requested_at"),
        # One message per candidate (their item of the screening) and template (the category).
        Index("uq_email_messages_item_category", "screening_item_id", "category", unique=True),
    )
    job_states: ClassVar[JobStates] = JobStates(
        pending=EmailStatus.QUEUED,
        processing=EmailStatus.SENDING,
        completed=EmailStatus.SENT,
        failed=EmailStatus.FAILED,
    )

    owner_user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    screening_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("screenings.id", ondelete="CASCADE"))
    screening_item_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("screening_items.id", ondelete="CASCADE"), index=True
    )
    category: Mapped[str] = mapped_column(String(16))
    from_address: Mapped[str] = mapped_column(String(320))  # RESUMEIQ_SMTP_FROM when queued
    reply_to: Mapped[str | None] = mapped_column(String(320))  # the recruiter's own address
    to_address: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(998))
    body: Mapped[str] = mapped_column(Text)
    message_id: Mapped[str] = mapped_column(String(255))  # the Message-ID header, fixed at queueing

    status: Mapped[str] = mapped_column(String(16), default=EmailStatus.QUEUED.value)
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The process holding the claim (worker.owner): a claim whose owner is gone is taken back.
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # when it was sent (or gave up)


class EmailBatch(UUIDPrimaryKey, Base):
    """One confirmed send, by its idempotency key: the same key again answers what it answered,
    and queues nothing."""

    __tablename__ = "email_batches"
    __table_args__ = (UniqueConstraint("owner_user_id", "idempotency_key"),)

    owner_user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    screening_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("screenings.id", ondelete="CASCADE"))
    idempotency_key: Mapped[str] = mapped_column(String(200))
    queued: Mapped[int] = mapped_column(Integer)
    skipped: Mapped[list[dict[str, Any]]] = mapped_column(JSONType)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
