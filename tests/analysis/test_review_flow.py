"""The review workflow end to end: request, process in the background, read the result."""

from __future__ import annotations

import asyncio


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
        json={"industry": "software_engineering"},
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
    assert result["band"] in ("poor", "fair", "good", "strong")
    assert result["job_match"] is None and status["job_id"] is None
    assert status["completed_at"] is not None


async def test_a_review_against_a_job_reports_each_part(api, user, resume_text, job_text):
    rid = (await user.upload(resume_text)).json()["resume_id"]
    job = await user.post("/api/v1/jobs", json={"text": job_text})
    assert job.status_code == 201, job.text
    job_id = job.json()["id"]
    assert job.json()["company"] == "Analytical Engines Ltd"  # read from "Company · Place"
    r = await user.post(f"/api/v1/analysis/resumes/{rid}/analyze", json={"industry": "software_engineering",
                                                                      "job_id": job_id})
    assert r.status_code == 202, r.text
    status = await wait_for_status(user, r.json()["analysis_id"])
    assert status["status"] == "completed", status
    assert status["job_id"] == job_id
    report = status["result"]["job_match"]
    hard = report["hard_skills"]
    assert {s["skill"] for s in hard["matched"]} >= {"Python", "PostgreSQL", "Docker"}
    assert "Terraform" in {s["skill"] for s in hard["missing"]}
    assert all(s["evidence"] for s in hard["matched"])
    title = report["title"]
    assert title["resume_title"] == "Senior Software Engineer" and title["job_title"] == "Senior Python Engineer"
    assert title["status"] == ("matched" if title["fit"] >= 0.99 else "related" if title["fit"] >= 0.4 else "missing")
    assert report["education"]["status"] == "matched" and report["education"]["held_level"] == "bachelor"
    years = report["years"]
    assert years["required_years"] == 5 and years["required_from"] == "stated"
    assert years["status"] == ("matched" if years["relevant_years"] >= 5 else
                               "related" if years["relevant_years"] >= 3.5 else "missing")
    assert report["category"] in ("selected", "considered", "rejected")
    # Another user's job is a 404, and nothing is queued.
    other = await api.register()
    orid = (await other.upload(resume_text)).json()["resume_id"]
    r = await other.post(f"/api/v1/analysis/resumes/{orid}/analyze", json={"job_id": job_id})
    assert r.status_code == 404 and r.json()["code"] == "not_found"
    assert (await other.get("/api/v1/analysis/analyses")).json()["total"] == 0


async def test_unknown_industry_is_422_listing_valid_ones(user, resume_text):
    rid = (await user.upload(resume_text)).json()["resume_id"]
    r = await user.post(f"/api/v1/analysis/resumes/{rid}/analyze", json={"industry": "astrology"})
    assert r.status_code == 422
    body = r.json()
    assert body["code"] == "unknown_industry"
    assert "general" in body["valid_industries"] and "strategy_tech" in body["valid_industries"]
    assert (await user.get("/api/v1/analysis/analyses")).json()["total"] == 0


async def test_bad_requests(user, resume_text):
    import uuid

    rid = (await user.upload(resume_text)).json()["resume_id"]
    # analysis_depth is gone (it changed nothing): sending it is a 422 naming the field.
    r = await user.post(f"/api/v1/analysis/resumes/{rid}/analyze", json={"analysis_depth": "deep"})
    assert r.status_code == 422 and r.json()["code"] == "validation_error"
    assert "analysis_depth" in r.text
    r = await user.post(f"/api/v1/analysis/resumes/{uuid.uuid4()}/analyze", json={})
    assert r.status_code == 404 and r.json()["code"] == "not_found"
    r = await user.get(f"/api/v1/analysis/analysis/{uuid.uuid4()}/status")
    assert r.status_code == 404 and r.json()["code"] == "not_found"


async def test_a_failed_review_shows_failed_and_its_error(user, resume_text, settings):
    rid = (await user.upload(resume_text)).json()["resume_id"]
    for path in (settings.data_dir / "files").rglob("*"):
        if path.is_file():
            path.unlink()  # the stored original disappears (disk trouble, manual clean-up)
    r = await user.post(f"/api/v1/analysis/resumes/{rid}/analyze", json={"industry": "general"})
    status = await wait_for_status(user, r.json()["analysis_id"])
    assert status["status"] == "failed"
    assert status["result"] is None
    assert status["error"].startswith("file_missing:")
    listed = (await user.get("/api/v1/analysis/analyses")).json()
    assert listed["items"][0]["status"] == "failed" and listed["items"][0]["error"]


async def test_list_is_newest_first_and_paginated(user, resume_text):
    rid = (await user.upload(resume_text)).json()["resume_id"]
    ids = []
    for industry in ("general", "finance", "sales"):
        r = await user.post(f"/api/v1/analysis/resumes/{rid}/analyze", json={"industry": industry})
        ids.append(r.json()["analysis_id"])
    page = (await user.get("/api/v1/analysis/analyses", params={"limit": 2})).json()
    assert page["total"] == 3
    assert [i["analysis_id"] for i in page["items"]] == ids[::-1][:2]
    rest = (await user.get("/api/v1/analysis/analyses", params={"limit": 2, "offset": 2})).json()
    assert [i["analysis_id"] for i in rest["items"]] == ids[:1]
    assert rest["items"][0]["industry"] == "general"


async def test_industries(api):
    r = await api.client.get("/api/v1/industries")
    assert r.status_code == 200
    industries = {i["id"]: i for i in r.json()}
    assert {"general", "strategy_tech", "software_engineering"} <= set(industries)
    assert all(i["name"] and i["description"] for i in industries.values())
