"""Form input of the pages: every field must be text both databases can store.

Starlette decodes a URL-encoded field with ``errors="replace"``, so a lone surrogate sent as its
UTF-8-style bytes (``%ED%A0%80``), or any byte sequence that is not UTF-8, would arrive as U+FFFD
and be stored as if the person had typed it; a NUL would reach the database, which PostgreSQL
refuses with an error (a 500). ``check_text_input`` reads the raw query string and URL-encoded
body first, decodes each name and value strictly, and refuses a NUL, a surrogate or bytes that
are not UTF-8 with a 422 ``validation_error`` naming the field, before any service is called;
the same as ``inputs.RequestModel`` does for the API's bodies. Multipart bodies (uploads) are
streamed by their own parsers; the pages check their text fields with ``check_fields``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote_to_bytes

from fastapi.exceptions import RequestValidationError
from starlette.requests import Request

from resumeiq.bodies import media_type
from resumeiq.errors import PayloadTooLarge
from resumeiq.inputs import storable_text

MAX_FORM_BYTES = 1024 * 1024  # a URL-encoded page form (the longest: a pasted job description)
NOT_TEXT = "must be text: no NUL characters, unpaired surrogates or bytes that are not UTF-8"


def _shown(name: str) -> str:
    """A field name fit to show in the message (itself possibly the bad text)."""
    return "".join(c if storable_text(c) and c.isprintable() else "?" for c in name)[:60] or "?"


def refused_fields(raw: bytes) -> list[str]:
    """The names of the fields of a URL-encoded ``raw`` whose name or value is not storable text."""
    bad: list[str] = []
    for pair in raw.split(b"&"):
        if not pair:
            continue
        name_b, _, value_b = pair.partition(b"=")
        name_raw = unquote_to_bytes(name_b.replace(b"+", b" "))
        value_raw = unquote_to_bytes(value_b.replace(b"+", b" "))
        name = name_raw.decode("utf-8", "replace")
        try:
            ok = storable_text(name_raw.decode("utf-8")) and storable_text(value_raw.decode("utf-8"))
        except UnicodeDecodeError:  # also a surrogate written as bytes: UTF-8 has no such code point
            ok = False
        if not ok:
            bad.append(_shown(name))
    return bad


async def check_text_input(request: Request) -> None:
    """Raise a 422 ``RequestValidationError`` naming each query or form field that is not
    storable text (see the module doc); a URL-encoded body over ``MAX_FORM_BYTES`` is a 413."""
    errors: list[dict[str, Any]] = [
        {"loc": ("query", name), "msg": NOT_TEXT, "type": "text_not_storable"}
        for name in refused_fields(request.scope.get("query_string") or b"")
    ]
    if request.method == "POST" and media_type(request) == "application/x-www-form-urlencoded":
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_FORM_BYTES:
            raise PayloadTooLarge(f"A form is at most {MAX_FORM_BYTES // 1024} KB.")
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_FORM_BYTES:
                raise PayloadTooLarge(f"A form is at most {MAX_FORM_BYTES // 1024} KB.")
        request._body = bytes(body)  # Starlette's own cache: the form parser reads it from there
        errors += [
            {"loc": ("body", name), "msg": NOT_TEXT, "type": "text_not_storable"}
            for name in refused_fields(request._body)
        ]
    if errors:
        raise RequestValidationError(errors)


def check_fields(fields: Mapping[str, str | list[str]]) -> None:
    """The text fields of a multipart form (read by an upload's stream parser, which turns bytes
    that are not UTF-8 into lone surrogates): a 422 naming each one that is not storable text."""
    errors = [
        {"loc": ("body", _shown(name)), "msg": NOT_TEXT, "type": "text_not_storable"}
        for name, value in fields.items()
        if not storable_text(name)
        or not all(storable_text(v) for v in ([value] if isinstance(value, str) else value))
    ]
    if errors:
        raise RequestValidationError(errors)


async def read_form(request: Request, *, max_fields: int) -> dict[str, str]:
    """A URL-encoded form's text fields (the last value of a repeated name)."""
    form = await request.form(max_fields=max_fields, max_files=0)
    return {key: value for key, value in form.multi_items() if isinstance(value, str)}
