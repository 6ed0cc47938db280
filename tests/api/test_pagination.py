"""Pagination input out of range is a 422 problem on every list endpoint, never a 500: offsets
past what a database integer holds, negative or non-numeric ones, and keyset cursors carrying
NaN, infinities or positions past the position column's range."""

from __future__ import annotations

import base64
import json

import pytest

from resumeiq.pagination import MAX_LIMIT, MAX_OFFSET

BAD_PAGES = [
    {"offset": str(2**63)},  # one past the largest 64-bit integer
    {"offset": str(2**64 + 5)},
    {"offset": str(2**31)},  # past a 32-bit integer, and past MAX_OFFSET
    {"offset": str(MAX_OFFSET + 1)},
    {"offset": "-1"},
    {"offset": "NaN"},
    {"offset": "Infinity"},
    {"offset": "1e3"},
    {"offset": "0x10"},
    {"limit": str(2**63)},
    {"limit": "0"},
    {"limit": str(MAX_LIMIT + 1)},
    {"limit": "-Infinity"},
]


@pytest.fixture
def user(recruiter):
    """Screening and candidate e-mail are for recruiters: this module's user is one."""
    return recruiter


async def list_urls(user, resume_text: bytes, job_text: str) -> list[str]:
    """The seven list endpoints, each with something in it."""
    r = await user.upload(resume_text)
    assert r.status_code == 201, r.text
    resume_id = r.json()["resume_id"]
    r = await user.post("/api/v1/jobs", json={"text": job_text})
    assert r.status_code == 201, r.text
    job_id = r.json()["id"]
    r = await user.post("/api/v1/screenings", json={"job_id": job_id, "resume_ids": [resume_id]})
    assert r.status_code == 202, r.text
    screening_id = r.json()["screening_id"]
    r = await user.post("/api/v1/matches", json={"resume_id": resume_id, "job_id": job_id})
    assert r.status_code == 202, r.text
    return [
        "/api/v1/resumes",
        "/api/v1/candidates",
        "/api/v1/analysis/analyses",
        "/api/v1/jobs",
        "/api/v1/matches",
        "/api/v1/screenings",
        f"/api/v1/screenings/{screening_id}/emails",
    ]


async def test_out_of_range_pages_are_422_on_every_list_endpoint(user, resume_text, job_text):
    urls = await list_urls(user, resume_text, job_text)
    for url in urls:
        for params in BAD_PAGES:
            r = await user.get(url, params=params)
            assert r.status_code == 422, (url, params, r.status_code, r.text)
            assert r.headers["content-type"].startswith("application/problem+json")
            assert r.json()["code"] == "validation_error", (url, params)
        r = await user.get(url, params={"offset": str(MAX_OFFSET), "limit": str(MAX_LIMIT)})
        assert r.status_code == 200, (url, r.text)
        assert r.json()["items"] == [] and r.json()["offset"] == MAX_OFFSET


def cursor(*values) -> str:
    raw = json.dumps(list(values)).encode()  # json writes NaN and Infinity as bare words
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


BAD_CURSORS = {
    "NaN key": cursor(float("nan"), 1),
    "Infinity key": cursor(float("inf"), 1),
    "-Infinity key": cursor(float("-inf"), 1),
    "key too big for a double": base64.urlsafe_b64encode(b"[1e309, 1]").decode(),
    "position past 32 bits": cursor(50.0, 2**31),
    "position past 64 bits": cursor(50.0, 2**63),
    "negative position": cursor(50.0, -1),
    "fractional position": cursor(50.0, 1.5),
    "position as text": cursor(50.0, "1"),
    "key as text": cursor("50", 1),
    "key as a boolean": cursor(True, 1),
    "one value": cursor(50.0),
    "three values": cursor(50.0, 1, 2),
    "object key": cursor({"a": 1}, 1),
}


async def screening_results_url(user, resume_text: bytes, job_text: str) -> str:
    r = await user.upload(resume_text)
    assert r.status_code == 201, r.text
    resume_id = r.json()["resume_id"]
    r = await user.post("/api/v1/jobs", json={"text": job_text})
    assert r.status_code == 201, r.text
    body = {"job_id": r.json()["id"], "resume_ids": [resume_id]}
    r = await user.post("/api/v1/screenings", json=body)
    assert r.status_code == 202, r.text
    return f"/api/v1/screenings/{r.json()['screening_id']}/results"


async def test_a_screening_results_cursor_out_of_range_is_422(user, resume_text, job_text):
    results = await screening_results_url(user, resume_text, job_text)
    for name, bad in BAD_CURSORS.items():
        r = await user.get(results, params={"status": "all", "cursor": bad})
        assert r.status_code == 422, (name, r.status_code, r.text)
        assert r.json()["code"] == "invalid_input", name
    for good in (cursor(-1.0, 2**31 - 1), cursor(100.0, 0), cursor(50, 3)):
        r = await user.get(results, params={"status": "all", "cursor": good})
        assert r.status_code == 200, (good, r.text)
