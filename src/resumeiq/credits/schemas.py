"""Bodies of the credits endpoints."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from resumeiq.inputs import RequestModel


class GrantRequest(RequestModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"amount": 50, "reason": "pilot for the spring intake"}]})

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
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "enabled": True,
                    "balance": 49,
                    "items": [
                        {
                            "id": "0b6c3f5e-8d1a-4c2b-9f3e-2a7d5c1e9b40",
                            "kind": "charge",
                            "amount": -1,
                            "balance_after": 49,
                            "reason": "review",
                            "review_request_id": "5d2e8a41-7c3b-4f9e-a6d0-1b8c9e2f4a73",
                            "screening_id": None,
                            "screening_item_id": None,
                            "created_at": "2026-12-04T09:30:00Z",
                        }
                    ],
                    "total": 2,
                    "limit": 20,
                    "offset": 0,
                }
            ]
        }
    )

    enabled: bool = Field(description="Whether reviews and screenings cost credits on this server")
    balance: int
    items: list[LedgerEntry]
    total: int
    limit: int
    offset: int
