"""Request and response bodies for candidate e-mails."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from resumeiq.emails.models import EmailMessage
from resumeiq.emails.templates import check_template
from resumeiq.ids import IdAs
from resumeiq.inputs import RequestModel

_ADDRESS = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$")


def valid_address(address: str) -> bool:
    return bool(_ADDRESS.match(address)) and len(address) <= 320


class EmailTemplate(RequestModel):
    model_config = ConfigDict(extra="forbid")

    subject: str = Field(min_length=1, max_length=500)
    body: str = Field(min_length=1, max_length=50_000)

    @field_validator("subject")
    @classmethod
    def _one_line(cls, value: str) -> str:
        if "\n" in value or "\r" in value:
            raise ValueError("the subject must be one line")
        return value

    @field_validator("subject", "body")
    @classmethod
    def _placeholders(cls, value: str) -> str:
        check_template(value)
        return value


class EmailTemplates(RequestModel):
    model_config = ConfigDict(extra="forbid")

    selected: EmailTemplate | None = None
    considered: EmailTemplate | None = None
    rejected: EmailTemplate | None = None


class EmailPreviewRequest(RequestModel):
    """Templates per category (a category without one gets no e-mail)."""

    model_config = ConfigDict(extra="forbid")

    templates: EmailTemplates

    @model_validator(mode="after")
    def _some_template(self) -> EmailPreviewRequest:
        if not (self.templates.selected or self.templates.considered or self.templates.rejected):
            raise ValueError("give a template for at least one category")
        return self


class EmailRequest(EmailPreviewRequest):
    """Send what the preview showed: ``confirm: true`` and the preview's ``count``. Every message
    is sent from the server's configured sender (``RESUMEIQ_SMTP_FROM``) with a Reply-To of your
    own address; a candidate gets at most one message per category from a screening. The same
    ``idempotency_key`` again answers what it answered the first time and queues nothing."""

    confirm: bool = Field(default=False, description="Must be true: the messages are sent")
    expected_count: int | None = Field(
        default=None, ge=0, le=1_000_000, description="The preview's count of messages to send", examples=[12]
    )
    idempotency_key: str | None = Field(
        default=None, min_length=8, max_length=200, pattern=r"^[A-Za-z0-9._:-]+$",
        description="A key of your choosing (a UUID): a repeated request with it is a no-op",
        examples=["5b0f3c1e-2d4a-4e7b-9a51-1c6d8e2f7a90"],
    )  # fmt: skip


class EmailTestRequest(EmailPreviewRequest):
    """One message of a category, rendered for its first candidate, sent to your own address."""

    category: Literal["selected", "considered", "rejected"] | None = Field(
        default=None, description="Default: the first category with a template"
    )


class Skipped(BaseModel):
    item_id: uuid.UUID
    position: int
    reason: str


class EmailsQueued(BaseModel):
    screening_id: uuid.UUID
    queued: int
    skipped: list[Skipped]
    status_url: str
    replayed: bool = Field(default=False, description="True: an earlier request with this idempotency key")


class MessagePreview(BaseModel):
    item_id: uuid.UUID
    position: int
    candidate_id: uuid.UUID | None
    category: str
    to_address: str | None  # null in a blind screening
    subject: str
    body: str
    skipped: str | None = Field(description="Why it would not be sent: no_email_address, already_messaged")


class EmailsPreview(BaseModel):
    screening_id: uuid.UUID
    count: int = Field(description="Messages that would be sent: give it as expected_count to send")
    skipped: int
    messages: list[MessagePreview]


class TestEmailSent(BaseModel):
    to_address: str
    from_address: str
    subject: str


class EmailOut(IdAs("message_id")):
    """One message of the outbox. In a blind screening the recipient, subject and body (which
    name the candidate) are left out."""

    item_id: uuid.UUID
    position: int
    category: str
    status: str  # queued | sending | sent | failed
    attempts: int
    error: str | None
    to_address: str | None
    subject: str | None
    body: str | None
    requested_at: datetime
    sent_at: datetime | None

    @classmethod
    def of(cls, message: EmailMessage, position: int, *, blind: bool) -> EmailOut:
        return cls(
            message_id=message.id,
            item_id=message.screening_item_id,
            position=position,
            category=message.category,
            status=message.status,
            attempts=message.attempts,
            error=message.error,
            to_address=None if blind else message.to_address,
            subject=None if blind else message.subject,
            body=None if blind else message.body,
            requested_at=message.requested_at,
            sent_at=message.completed_at if message.status == "sent" else None,
        )


class EmailStatusCounts(BaseModel):
    queued: int = 0
    sending: int = 0
    sent: int = 0
    failed: int = 0
