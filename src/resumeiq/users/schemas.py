"""Request and response bodies for auth and users."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from resumeiq.inputs import RequestModel
from resumeiq.users.passwords import MAX_LENGTH

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalise_email(value: str) -> str:
    value = value.strip().lower()
    if len(value) > 320 or not _EMAIL.match(value):
        raise ValueError("not a valid email address")
    return value


class RegisterRequest(RequestModel):
    email: str = Field(examples=["ada@example.com"])
    password: str = Field(
        min_length=1,
        max_length=MAX_LENGTH,
        description="At least RESUMEIQ_PASSWORD_MIN_LENGTH (default 15) characters; not a common one",
    )
    role: Literal["job_seeker", "recruiter"] = "job_seeker"

    @field_validator("email")
    @classmethod
    def _normalise(cls, value: str) -> str:
        return normalise_email(value)


class TokenForm(RequestModel):
    """The OAuth2 password grant's form (RFC 6749, section 4.3): the e-mail as ``username``."""

    grant_type: Literal["password"] | None = None
    username: str = Field(max_length=320)
    password: str = Field(max_length=256)
    scope: str = Field(default="", max_length=1000)


class RegistrationAccepted(BaseModel):
    """The same answer whether the address had an account already or not."""

    email: str
    message: str = (
        "If this address had no account, one has been created with the password you chose: log in. "
        "An account that existed already is left as it was."
    )


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    role: str
    created_at: datetime


class TokenOut(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int  # seconds
