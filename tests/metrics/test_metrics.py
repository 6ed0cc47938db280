"""GET /metrics (Prometheus text format) and /ready's Redis check."""

from __future__ import annotations

import asyncio
import os
import secrets
import subprocess
import sys
import uuid
from datetime import timedelta

import pytest
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr

from accounts.everything import JOB, OWN_RESUME, SHARED_RESUME, poll
from emails import smtp
from resumeiq.db import Database, utcnow

TOKEN = secrets.token_urlsafe(32)


def value(text: str, name: str, **labels: str) -> float:
    """The sample ``name`` with exactly these labels (0 if absent)."""
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and sample.labels == labels:
                return sample.value
    return 0.0


@pytest.fixture
def settings(make_settings):
    return make_settings(metrics_token=TOKEN, rate_limit_analysis="1000/minute")


async def scrape(api) -> str:
    r = await api.client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/plain")
    return r.text


async def test_metrics_are_off_by_default_and_need_the_token(start_api, make_settings):
    async with start_api(make_settings()) as api:
        r = await api.client.get("/metrics")
        assert r.status_code == 404 and r.json()["code"] == "not_found"
    async with start_api(make_settings(metrics_token=TOKEN)) as api:
        for headers in ({}, {"Authorization": "Bearer " + TOKEN[:-1]}, {"Authorization": TOKEN}):
            r = await api.client.get("/metrics", headers=headers)
            assert r.status_code == 401 and r.json()["code"] == "not_authenticated", headers
        assert (await scrape(api)).startswith("#")
    async with start_api(make_settings(metrics_open=True)) as api:
        assert (await api.client.get("/metrics")).status_code == 200


async def test_requests_count_per_route_template_not_per_path(api, user):
    route = "/api/v1/resumes/{resume_id}"
    before = await scrape(api)
    ids = [str(uuid.uuid4()) for _ in range(3)]
    for rid in ids:
        assert (await user.get(f"/api/v1/resumes/{rid}")).status_code == 404
    assert (await api.client.get("/no/such/page/" + ids[0])).status_code == 404
    after = await scrape(api)
    labels = {"method": "GET", "route": route, "status": "404"}
    assert value(after, "resumeiq_http_requests_total", **labels) - value(
        before, "resumeiq_http_requests_total", **labels
    ) == 3
    assert value(after, "resumeiq_http_request_duration_seconds_count", method="GET", route=route) >= 3
    unmatched = {"method": "GET", "route": "unmatched", "status": "404"}
    assert value(after, "resumeiq_http_requests_total", **unmatched) > value(
        before, "resumeiq_http_requests_total", **unmatched
    )
    assert not any(rid in after for rid in ids)


async def test_engine_time_is_counted_per_stage(api, user):
    before = await scrape(api)
    r = await user.upload(OWN_RESUME, "own.txt")
    assert r.status_code == 201
    r = await user.post(f"/api/v1/analysis/resumes/{r.json()['resume_id']}/analyze", json={"industry": "general"})
    review_id = r.json()["analysis_id"]
    await poll(
        lambda: user.get(f"/api/v1/analysis/analysis/{review_id}/status"),
        lambda r: r.json()["status"] == "completed",
    )
    assert (await user.post("/api/v1/jobs", json={"text": JOB})).status_code == 201
    after = await scrape(api)

    def calls(stage, text):
        return value(text, "resumeiq_engine_stage_seconds_count", stage=stage)

    # upload + review: extracted and parsed twice, scored once; the job: parsed once.
    assert {s: calls(s, after) - calls(s, before) for s in ("extract", "parse", "score", "job_parse")} == {
        "extract": 2,
        "parse": 2,
        "score": 1,
        "job_parse": 1,
    }
    assert value(after, "resumeiq_engine_stage_seconds_sum", stage="parse") > value(
        before, "resumeiq_engine_stage_seconds_sum", stage="parse"
    )


async def test_queue_depth_and_age_per_kind(settings, database_url):
    """Read straight from the job tables (no app running, so nothing takes the jobs)."""
    from resumeiq.analysis.models import ReviewRequest
    from resumeiq.metrics.queue import queue_states
    from resumeiq.resumes.models import Candidate, Resume
    from resumeiq.users.models import User

    database = Database(database_url)
    try:
        async with database.sessionmaker() as session:
            user = User(email="queue@example.com", password_hash="x")
            session.add(user)
            await session.flush()
            candidate = Candidate(owner_user_id=user.id)
            session.add(candidate)
            await session.flush()
            resume = Resume(
                candidate_id=candidate.id,
                owner_user_id=user.id,
                version_number=1,
                filename="r.txt",
                content_type="text/plain",
                size_bytes=1,
                sha256="0" * 64,
                storage_key="sha256/00/00/" + "0" * 64,
                processing_status="ready",
            )
            session.add(resume)
            await session.flush()
            now = utcnow()
            for age, status in ((90, "pending"), (30, "pending"), (5, "processing"), (500, "completed")):
                session.add(
                    ReviewRequest(
                        resume_id=resume.id,
                        requested_by_user_id=user.id,
                        target_industry="general",
                        review_type="review",
                        status=status,
                        requested_at=now - timedelta(seconds=age),
                    )
                )
            await session.commit()
            states = {s.kind: s for s in await queue_states(session)}
    finally:
        await database.dispose()
    review = states["review"]
    assert (review.pending, review.processing) == (2, 1)
    assert 90 <= review.oldest_pending_age_seconds < 120
    assert states["email"].pending == 0 and states["email"].oldest_pending_age_seconds == 0


async def test_queue_gauges_are_on_the_page(api):
    text = await scrape(api)
    for kind in ("review", "screening_item", "email"):
        assert value(text, "resumeiq_queue_jobs", kind=kind, status="pending") == 0
        assert f'resumeiq_queue_oldest_pending_age_seconds{{kind="{kind}"}}' in text


@pytest.fixture
def smtp_server():
    yield from smtp.serve_smtp()


async def test_email_outcomes(start_api, make_settings, smtp_server):
    settings = smtp.smtp_settings(make_settings, smtp_server).model_copy(update={"metrics_token": SecretStr(TOKEN)})
    async with start_api(settings) as api:
        recruiter = await api.register(role="recruiter")
        job_id = (await recruiter.post("/api/v1/jobs", json={"text": JOB})).json()["id"]
        r = await recruiter.post(
            "/api/v1/screenings",
            data={"job_id": job_id},
            files=[("files", ("a.txt", OWN_RESUME)), ("files", ("b.txt", SHARED_RESUME))],
        )
        sid = r.json()["id"]
        await poll(
            lambda: recruiter.get(f"/api/v1/screenings/{sid}"), lambda r: r.json()["status"] == "completed"
        )
        smtp_server.inbox.refuse["tamsin.vale@example.org"] = ["451 try again later"]
        smtp_server.inbox.refuse["ilario.fd@example.net"] = ["550 no such mailbox"]
        before = await scrape(api)
        template = {"subject": "About {job_title}", "body": "Dear {candidate_name}.\n"}
        templates = {c: template for c in ("selected", "considered", "rejected")}
        r = await recruiter.post(f"/api/v1/screenings/{sid}/emails/preview", json={"templates": templates})
        assert r.status_code == 200, r.text
        r = await recruiter.post(
            f"/api/v1/screenings/{sid}/emails",
            json={"templates": templates, "confirm": True, "expected_count": r.json()["count"]},
        )
        assert r.status_code == 202 and r.json()["queued"] == 2, r.text

        def settled(r):
            return r.json()["counts"]["sent"] + r.json()["counts"]["failed"] == 2

        await poll(lambda: recruiter.get(f"/api/v1/screenings/{sid}/emails"), settled)
        after = await scrape(api)
    delta = {
        outcome: value(after, "resumeiq_emails_total", outcome=outcome)
        - value(before, "resumeiq_emails_total", outcome=outcome)
        for outcome in ("sent", "retry", "failed")
    }
    assert delta == {"sent": 1, "retry": 1, "failed": 1}


_CHILD = """
import sys
from resumeiq.metrics.registry import HTTP_REQUESTS
HTTP_REQUESTS.labels("GET", "/x", "200").inc(int(sys.argv[1]))
"""

_SCRAPE = """
from resumeiq.metrics.router import _process_metrics
print(_process_metrics().decode())
"""


def test_several_processes_add_up_in_multiprocess_mode(tmp_path):
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    for n in ("2", "3"):
        subprocess.run([sys.executable, "-c", _CHILD, n], env=env, check=True, timeout=60)
    out = subprocess.run(
        [sys.executable, "-c", _SCRAPE], env=env, check=True, timeout=60, capture_output=True, text=True
    ).stdout
    assert value(out, "resumeiq_http_requests_total", method="GET", route="/x", status="200") == 5


async def test_ready_checks_redis_when_configured(start_api, make_settings, redis_url):
    async with start_api(make_settings(redis_url=redis_url)) as api:
        r = await api.client.get("/ready")
        assert r.status_code == 200 and r.json()["redis"] == "ok", r.text
    async with start_api(make_settings()) as api:
        assert (await api.client.get("/ready")).json()["redis"] == "not_configured"
    closed = smtp.free_port()
    async with start_api(make_settings(redis_url=f"redis://127.0.0.1:{closed}/0")) as api:
        r = await asyncio.wait_for(api.client.get("/ready"), 30)
        assert r.status_code == 503 and r.json()["code"] == "service_unavailable"
        assert "Redis" in r.json()["detail"]
