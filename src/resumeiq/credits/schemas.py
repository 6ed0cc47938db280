"""Bodies of the credits endpoints."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from resumeiq.inputs import RequestModel


class GrantRequest(RequestModel):
    amount: int = Field(ge=1, le=1_000_000, description="Credits to add")
    reason: str = Field(default="granted by an administrator", min_length=1, max_length=300)


class LedgerEntry(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: str = Field(description="grant, charge or refund")
    amount: int = Field(description="Credits added (grant, refund) or taken (charge: negative)")
    balance_after: int
    reason: str
    review_request_id: uuid.UUID | None
    screening_id: uuid.UUID | None
    screening_item_id: uuid.UUID | None
    created_at: datetime


class CreditsOut(BaseModel):
    enabled: bool = Field(description="Whether reviews and screenings cost credits on this server")
    balance: int
    items: list[LedgerEntry]
    total: int
    limit: int
    offset: int
