"""Matches: queued like reviews, processed once by the worker, read in full, as a summary and as
recommendations; top matches and comparisons across the user's jobs; ownership; stats."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from sqlalchemy import func, select

from matches.matching import NURSE_JOB, wait_for_match
from resumeiq.analysis.models import ReviewResult
from resumeiq.analysis.tasks import ReviewContext, process_review
from resumeiq.db import Database
from resumeiq.storage import LocalFileStorage


@pytest.fixture
def settings(make_settings):
    # Matches count against the analysis limit; these tests make more than its default allows.
    return make_settings(rate_limit_analysis="10000/minute")


async def setup(user, resume_text, job_text):
    r = await user.upload(resume_text)
    assert r.status_code == 201, r.text
    resume_id = r.json()["resume_id"]
    r = await user.post("/api/v1/jobs", json={"text": job_text})
    assert r.status_code == 201, r.text
    return resume_id, r.json()["id"]


async def request_match(user, resume_id, job_id):
    r = await user.post("/api/v1/matches", json={"resume_id": resume_id, "job_id": job_id})
    assert r.status_code == 202, r.text
    return r.json()


async def test_match_completes_with_an_explained_result(user, resume_text, job_text):
    resume_id, job_id = await setup(user, resume_text, job_text)
    accepted = await request_match(user, resume_id, job_id)
    assert (
        accepted["status"] == "pending"
        and accepted["status_url"] == f"/api/v1/matches/{accepted['analysis_id']}"
    )

    status = await wait_for_match(user, accepted["analysis_id"])
    assert status["status"] == "completed", status
    assert status["resume_id"] == resume_id and status["job_id"] == job_id
    assert status["job_title"] == "Senior Python Engineer"
    result = status["result"]
    assert 0 <= result["match_score"] <= 100
    assert result["category"] in ("selected", "considered", "rejected")
    assert result["thresholds"] == {"selected": 75.0, "considered": 36.0}
    assert result["explanation"].startswith(f"Scores {result['match_score']}/100")
    assert {c["id"] for c in result["components"]} >= {"required_skills", "experience", "lexical"}
    matched = {s["skill"]: s for s in result["matched_required"]}
    assert {"Python", "PostgreSQL", "Docker"} <= set(matched)
    python = matched["Python"]
    assert python["status"] == "work"
    assert python["resume_evidence"] and all(e["text"] == "Python" for e in python["resume_evidence"])
    assert python["job_evidence"] and python["job_evidence"][0]["text"] == "Python"
    assert "Terraform" in {s["skill"] for s in result["missing_preferred"]}
    assert result["experience"]["required_years"] == 5

    summary = (await user.get(f"/api/v1/matches/{accepted['analysis_id']}/summary")).json()
    assert summary["match_score"] == result["match_score"] and summary["category"] == result["category"]
    assert {"Python", "PostgreSQL", "Docker"} <= set(summary["matched_required"])
    assert summary["explanation"] == result["explanation"]

    recs = (await user.get(f"/api/v1/matches/{accepted['analysis_id']}/recommendations")).json()
    assert recs["recommendations"] == result["recommendations"]
    assert [r["priority"] for r in recs["recommendations"]] == list(
        range(1, len(recs["recommendations"]) + 1)
    )
    assert "Terraform" in recs["missing_preferred"]

    # The same resume and job again: the same result.
    again = await wait_for_match(user, (await request_match(user, resume_id, job_id))["analysis_id"])
    assert again["result"]["match_score"] == result["match_score"]
    assert again["result"]["components"] == result["components"]

    listed = (await user.get("/api/v1/matches", params={"job_id": job_id})).json()
    assert listed["total"] == 2 and listed["items"][0]["match_score"] == result["match_score"]
    # Matches are not reviews.
    assert (await user.get("/api/v1/analysis/analyses")).json()["total"] == 0
    r = await user.get(f"/api/v1/analysis/analysis/{accepted['analysis_id']}/status")
    assert r.status_code == 404


async def test_a_failed_match_says_why_and_has_no_result(user, resume_text, job_text, settings):
    resume_id, job_id = await setup(user, resume_text, job_text)
    for path in (settings.data_dir / "files").rglob("*"):
        if path.is_file():
            path.unlink()
    accepted = await request_match(user, resume_id, job_id)
    status = await wait_for_match(user, accepted["analysis_id"])
    assert status["status"] == "failed" and status["result"] is None
    assert status["error"].startswith("file_missing:")
    for part in ("summary", "recommendations"):
        r = await user.get(f"/api/v1/matches/{accepted['analysis_id']}/{part}")
        assert r.status_code == 409, r.text
        assert r.json()["code"] == "result_not_ready" and r.json()["analysis_status"] == "failed"
    listed = (await user.get("/api/v1/matches")).json()["items"][0]
    assert listed["status"] == "failed" and listed["match_score"] is None and listed["error"]


async def test_other_users_resumes_jobs_and_matches_are_404(api, user, resume_text, job_text):
    resume_id, job_id = await setup(user, resume_text, job_text)
    match_id = (await request_match(user, resume_id, job_id))["analysis_id"]
    await wait_for_match(user, match_id)
    other = await api.register()
    other_resume, other_job = await setup(other, resume_text, job_text)

    for body in (
        {"resume_id": resume_id, "job_id": other_job},
        {"resume_id": other_resume, "job_id": job_id},
        {"resume_id": str(uuid.uuid4()), "job_id": other_job},
    ):
        r = await other.post("/api/v1/matches", json=body)
        assert r.status_code == 404 and r.json()["code"] == "not_found", body
    for url in (
        f"/api/v1/matches/{match_id}",
        f"/api/v1/matches/{match_id}/summary",
        f"/api/v1/matches/{match_id}/recommendations",
        f"/api/v1/resumes/{resume_id}/top-matches",
        f"/api/v1/resumes/{other_resume}/compare?job_ids={job_id}",
        f"/api/v1/resumes/{resume_id}/compare?job_ids={other_job}",
    ):
        r = await other.get(url)
        assert r.status_code == 404 and r.json()["code"] == "not_found", url
        assert "Python" not in r.text
    assert (await other.get("/api/v1/matches")).json()["total"] == 0
    r = await user.post("/api/v1/matches", json={"resume_id": resume_id})
    assert r.status_code == 422 and r.json()["code"] == "validation_error"


async def test_deleting_the_job_deletes_its_matches(user, resume_text, job_text):
    resume_id, job_id = await setup(user, resume_text, job_text)
    match_id = (await request_match(user, resume_id, job_id))["analysis_id"]
    await wait_for_match(user, match_id)
    assert (await user.delete(f"/api/v1/jobs/{job_id}")).status_code == 204
    assert (await user.get(f"/api/v1/matches/{match_id}")).status_code == 404
    assert (await user.get("/api/v1/matches")).json()["total"] == 0


async def test_a_match_is_processed_once_however_often_it_runs(
    user, resume_text, job_text, settings, engine_pool
):
    resume_id, job_id = await setup(user, resume_text, job_text)
    match_id = (await request_match(user, resume_id, job_id))["analysis_id"]
    first = await wait_for_match(user, match_id)
    database = Database(settings.database_url)
    try:
        ctx = ReviewContext(
            sessionmaker=database.sessionmaker,
            storage=LocalFileStorage(settings.data_dir),
            engine=engine_pool,
            lease_seconds=30,
            max_attempts=3,
        )
        outcomes = await asyncio.gather(*(process_review(uuid.UUID(match_id), ctx=ctx) for _ in range(3)))
        assert outcomes == [None, None, None]
        async with database.sessionmaker() as session:
            assert await session.scalar(select(func.count()).select_from(ReviewResult)) == 1
    finally:
        await database.dispose()
    assert (await wait_for_match(user, match_id)) == first


async def test_top_matches_rank_the_users_jobs(user, resume_text, job_text):
    r = await user.upload(resume_text)
    resume_id = r.json()["resume_id"]
    assert (await user.get(f"/api/v1/resumes/{resume_id}/top-matches")).json()["items"] == []
    python_job = (await user.post("/api/v1/jobs", json={"text": job_text})).json()["id"]
    nurse_job = (await user.post("/api/v1/jobs", json={"text": NURSE_JOB})).json()["id"]
    data_job = (
        await user.post(
            "/api/v1/jobs", json={"text": job_text.replace("Docker", "Kafka"), "title": "Data Engineer"}
        )
    ).json()["id"]

    top = (await user.get(f"/api/v1/resumes/{resume_id}/top-matches")).json()
    assert top["jobs_considered"] == 3 and top["warnings"] == []
    scores = [m["match_score"] for m in top["items"]]
    assert scores == sorted(scores, reverse=True)
    assert {m["job_id"] for m in top["items"]} == {python_job, nurse_job, data_job}
    assert top["items"][-1]["job_id"] == nurse_job
    nurse = top["items"][-1]
    assert nurse["category"] == "rejected" and nurse["missing_required"]

    limited = (await user.get(f"/api/v1/resumes/{resume_id}/top-matches", params={"limit": 1})).json()
    assert [m["job_id"] for m in limited["items"]] == [top["items"][0]["job_id"]]
    r = await user.get(f"/api/v1/resumes/{resume_id}/top-matches", params={"limit": 0})
    assert r.status_code == 422


async def test_compare_puts_jobs_side_by_side(user, resume_text, job_text):
    resume_id, python_job = await setup(user, resume_text, job_text)
    nurse_job = (await user.post("/api/v1/jobs", json={"text": NURSE_JOB})).json()["id"]
    r = await user.get(
        f"/api/v1/resumes/{resume_id}/compare", params={"job_ids": f"{nurse_job},{python_job},{nurse_job}"}
    )
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    assert [i["job_id"] for i in items] == [nurse_job, python_job]
    assert items[1]["match_score"] > items[0]["match_score"]
    assert "Python" in items[1]["matched_required"] and items[1]["title"] == "Senior Python Engineer"
    assert {c["id"] for c in items[0]["components"]} == {c["id"] for c in items[1]["components"]}

    for job_ids in ("", "not-a-uuid", ",".join(str(uuid.uuid4()) for _ in range(11))):
        r = await user.get(f"/api/v1/resumes/{resume_id}/compare", params={"job_ids": job_ids})
        assert r.status_code == 422 and r.json()["code"] == "invalid_input", job_ids
    r = await user.get(f"/api/v1/resumes/{resume_id}/compare", params={"job_ids": str(uuid.uuid4())})
    assert r.status_code == 404
    assert (await user.get(f"/api/v1/resumes/{resume_id}/compare")).status_code == 422


async def test_thresholds_are_configurable(start_api, make_settings, resume_text, job_text):
    async with start_api(make_settings(match_selected_min=1, match_considered_min=0)) as api:
        user = await api.register()
        resume_id, job_id = await setup(user, resume_text, job_text)
        status = await wait_for_match(user, (await request_match(user, resume_id, job_id))["analysis_id"])
        assert status["result"]["category"] == "selected"
        assert status["result"]["thresholds"] == {"selected": 1.0, "considered": 0.0}
        top = (await user.get(f"/api/v1/resumes/{resume_id}/top-matches")).json()
        assert top["items"][0]["category"] == "selected"


async def test_stats_count_and_distribute_the_users_results(api, user, resume_text, job_text):
    resume_id, job_id = await setup(user, resume_text, job_text)
    nurse_job = (await user.post("/api/v1/jobs", json={"text": NURSE_JOB})).json()["id"]
    results = []
    for job in (job_id, nurse_job):
        results.append(
            (await wait_for_match(user, (await request_match(user, resume_id, job))["analysis_id"]))["result"]
        )
    r = await user.post(f"/api/v1/analysis/resumes/{resume_id}/analyze", json={"industry": "general"})
    assert r.status_code == 202
    from analysis.test_review_flow import wait_for_status

    review = (await wait_for_status(user, r.json()["analysis_id"]))["result"]

    stats = (await user.get("/api/v1/stats")).json()
    assert stats["counts"] == {
        "candidates": 1,
        "resumes": 1,
        "jobs": 2,
        "reviews": 1,
        "matches": 2,
        "screenings": 0,
        "screening_items": 0,
    }
    assert stats["reviews"]["by_status"] == {"completed": 1}
    dist = stats["reviews"]["overall_score"]
    assert dist["count"] == 1 and dist["min"] == dist["max"] == review["overall_score"]
    assert sum(b["count"] for b in dist["buckets"]) == 1 and len(dist["buckets"]) == 10
    bucket = next(b for b in dist["buckets"] if b["count"])
    assert bucket["low"] <= review["overall_score"] <= bucket["high"]
    scores = sorted(m["match_score"] for m in results)
    md = stats["matches"]["match_score"]
    assert (md["count"], md["min"], md["max"]) == (2, scores[0], scores[1])
    assert md["mean"] == sum(scores) / 2
    cats = stats["matches"]["categories"]
    assert sum(cats.values()) == 2 and cats == stats["categories"]
    for m in results:
        assert cats[m["category"]] >= 1

    other = await api.register()
    empty = (await other.get("/api/v1/stats")).json()
    assert set(empty["counts"].values()) == {0} and empty["matches"]["match_score"]["count"] == 0
    assert empty["matches"]["match_score"]["mean"] is None


FLASK_JOB = """Backend Engineer
Harbourline Apps · Bristol, UK

Requirements
- 3+ years of backend development
- Flask
- PostgreSQL
"""


async def test_a_related_skill_is_listed_as_related_with_what_it_relates_to(user, resume_text):
    # The resume shows Django, not Flask: Flask earns part of the credit but is never "matched".
    resume_id, job_id = await setup(user, resume_text, FLASK_JOB)
    match_id = (await request_match(user, resume_id, job_id))["analysis_id"]
    result = (await wait_for_match(user, match_id))["result"]
    assert "Flask" not in [s["skill"] for s in result["matched_required"]]
    flask = next(s for s in result["related_required"] if s["skill"] == "Flask")
    assert flask["status"] == "related" and flask["related_to"] == "Django"
    assert "PostgreSQL" in [s["skill"] for s in result["matched_required"]]
    summary = (await user.get(f"/api/v1/matches/{match_id}/summary")).json()
    assert summary["related_required"] == ["Flask (related: Django)"]
    assert "Flask" not in summary["matched_required"]
