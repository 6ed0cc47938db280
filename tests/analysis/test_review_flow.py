"""The review workflow end to end: request, process in the background, read the result."""

from __future__ import annotations

import asyncio

import pytest

pytestmark = pytest.mark.asyncio


async def wait_for_status(user, analysis_id, statuses=("completed", "failed"), timeout=20.0):
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        r = await user.get(f"/api/v1/analysis/analysis/{analysis_id}/status")
        assert r.status_code == 200, r.text
        if r.json()["status"] in statuses:
            return r.json()
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"still {r.json()['status']} after {timeout}s")
        await asyncio.sleep(0.05)


async def test_review_completes_with_result(user, resume_text):
    r = await user.upload(resume_text)
    assert r.status_code == 201, r.text
    resume_id = r.json()["resume_id"]

    r = await user.post(
        f"/api/v1/analysis/resumes/{resume_id}/analyze",
        json={"industry": "software_engineering", "analysis_depth": "standard"},
    )
    assert r.status_code == 202, r.text
    accepted = r.json()
    assert accepted["status"] == "pending"
    assert accepted["message"]

    status = await wait_for_status(user, accepted["analysis_id"])
    assert status["status"] == "completed", status
    result = status["result"]
    assert result["analysis_id"] == accepted["analysis_id"]
    assert result["industry"] == "software_engineering"
    for key in ("overall_score", "ats_score", "content_score", "formatting_score"):
        assert 0 <= result[key] <= 100
    assert result["detailed_scores"]["checks"]
    assert result["executive_summary"]
    assert status["completed_at"] is not None
