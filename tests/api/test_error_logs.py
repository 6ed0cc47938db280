"""An unexpected error is a 500 problem carrying a request id, and its log line says what failed
and where (the exception's type and frames, the request id), never the data the request carried:
no SQL parameters (password hashes, resume text, e-mail addresses), no database error message
(PostgreSQL's driver quotes the value it could not send)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import event

from resumeiq.resumes.models import Resume
from resumeiq.users.models import User


@pytest.fixture
def logs(caplog) -> Iterator[pytest.LogCaptureFixture]:
    """Everything logged, by the service's loggers (which do not propagate) and any other."""
    service = logging.getLogger("resumeiq")
    service.addHandler(caplog.handler)
    caplog.set_level(logging.DEBUG)
    try:
        yield caplog
    finally:
        service.removeHandler(caplog.handler)


def unpaired_surrogate_on_insert(model, column: str):
    """Make the next insert of ``model`` fail inside the database driver: the column's value gets
    a character no encoder writes (as text from a broken reader would)."""

    def spoil(_mapper, _connection, target) -> None:
        setattr(target, column, getattr(target, column) + "\ud800")

    event.listen(model, "before_insert", spoil)
    return lambda: event.remove(model, "before_insert", spoil)


def client_for(api) -> httpx.AsyncClient:
    """A client that gets the 500 response instead of the app's exception."""
    transport = httpx.ASGITransport(app=api.app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


def everything_logged(logs, capsys) -> str:
    records = "\n".join(f"{r.getMessage()}\n{r.exc_text or ''}" for r in logs.records)
    formatted = "\n".join(logs.handler.format(r) for r in logs.records)
    return records + formatted + capsys.readouterr().err


def assert_500_with_request_id(r: httpx.Response, text: str) -> str:
    assert r.status_code == 500, r.text
    problem = r.json()
    assert problem["code"] == "internal_error"
    assert re.fullmatch(r"[0-9a-f]{32}", problem["request_id"])
    assert r.headers["x-request-id"] == problem["request_id"]
    assert f"request {problem['request_id']}" in text
    return problem["request_id"]


async def test_a_failed_registration_logs_no_hash_and_no_address(api, logs, capsys):
    undo = unpaired_surrogate_on_insert(User, "email")
    try:
        async with client_for(api) as client:
            r = await client.post(
                "/api/v1/auth/register",
                json={"email": "mira.okafor@example.com", "password": "an invented long passphrase"},
            )
    finally:
        undo()
    text = everything_logged(logs, capsys)
    for secret in ("$argon2", "mira.okafor", "example.com", "an invented long passphrase"):
        assert secret not in text, secret
    assert_500_with_request_id(r, text)
    assert "UnicodeEncodeError" in text  # what failed
    assert "users/service.py" in text  # and where


async def test_a_failed_resume_insert_logs_none_of_the_resume(api, user, resume_text, logs, capsys):
    undo = unpaired_surrogate_on_insert(Resume, "extracted_text")
    try:
        async with client_for(api) as client:
            r = await client.post(
                "/api/v1/resumes", headers=user.headers, files={"file": ("ada.txt", resume_text)}
            )
    finally:
        undo()
    text = everything_logged(logs, capsys)
    for secret in ("Ada Lovelace", "ada@example.com", "Analytical Engines", "7946 0958", "Python and PostgreSQL"):
        assert secret not in text, secret
    assert user.email not in text
    assert_500_with_request_id(r, text)
    assert "resumes/service.py" in text


async def test_a_client_request_id_is_kept_when_it_is_plain(api):
    r = await api.client.get("/health", headers={"X-Request-ID": "trace-42.a_b"})
    assert r.headers["x-request-id"] == "trace-42.a_b"
    r = await api.client.get("/health", headers={"X-Request-ID": "no spaces\nor newlines"})
    assert re.fullmatch(r"[0-9a-f]{32}", r.headers["x-request-id"])
