"""Request and response bodies for candidate e-mails."""

from __future__ import annotations

import re
import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from resumeiq.emails.models import EmailMessage
from resumeiq.emails.templates import check_template
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


class EmailRequest(RequestModel):
    """Templates per category (a category without one gets no e-mail). Every message is sent
    from the server's configured sender (``RESUMEIQ_SMTP_FROM``) with a Reply-To of your own
    address; a candidate gets at most one message per category from a screening."""

    model_config = ConfigDict(extra="forbid")

    templates: EmailTemplates

    @model_validator(mode="after")
    def _some_template(self) -> EmailRequest:
        if not (self.templates.selected or self.templates.considered or self.templates.rejected):
            raise ValueError("give a template for at least one category")
        return self


class Skipped(BaseModel):
    item_id: uuid.UUID
    position: int
    reason: str


class EmailsQueued(BaseModel):
    screening_id: uuid.UUID
    queued: int
    skipped: list[Skipped]
    status_url: str


class EmailOut(BaseModel):
    """One message of the outbox. In a blind screening the recipient, subject and body (which
    name the candidate) are left out."""

    message_id: uuid.UUID
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
