"""Request bodies of the account operations."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from resumeiq.inputs import RequestModel
from resumeiq.users.passwords import MAX_LENGTH


class DeleteAccountRequest(RequestModel):
    """The account's password, asked again: a token alone (left on a shared computer, copied
    from a log) must not be enough to destroy an account."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"password": "my long passphrase"}]})

    password: str = Field(min_length=1, max_length=MAX_LENGTH)
