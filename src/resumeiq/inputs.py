"""The base of every request schema: text that both databases can store.

PostgreSQL refuses NUL (U+0000) in ``text`` and ``jsonb`` values, and no UTF-8 encoder writes a
lone surrogate (which Python's JSON reader lets through from ``"\\ud800"``). A request carrying
either, in any string of its body or form, is a 422 ``validation_error`` that names the field,
the same on SQLite and PostgreSQL, before any query runs. Request schemas derive from
``RequestModel``; ``bodies.read_json_model`` and ``bodies.read_form_fields`` take nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, field_validator
from pydantic_core import PydanticCustomError

_NOT_STORABLE = re.compile("[\x00\ud800-\udfff]")


def storable_text(value: str) -> bool:
    """Whether ``value`` holds no NUL and no lone surrogate."""
    return _NOT_STORABLE.search(value) is None


def _check(value: Any) -> None:
    if isinstance(value, str):
        if not storable_text(value):
            raise PydanticCustomError(
                "text_not_storable", "Text must not contain NUL characters or unpaired surrogates"
            )
    elif isinstance(value, Mapping):
        for key, item in value.items():
            _check(key)
            _check(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _check(item)
    elif isinstance(value, BaseModel) and not isinstance(value, RequestModel):
        _check(value.__dict__)  # a RequestModel checked its own fields already


class RequestModel(BaseModel):
    """A request body (JSON or form): every string in it, however nested, is storable text."""

    @field_validator("*", mode="after")
    @classmethod
    def _storable(cls, value: Any) -> Any:
        _check(value)
        return value
