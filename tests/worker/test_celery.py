"""The scale-out mode for real: the API (in this process, ``RESUMEIQ_QUEUE=celery``) queues jobs
on Redis and ``resumeiq worker`` subprocesses run them against PostgreSQL. Reviews and job
matches complete; a 200-resume screening accounts for every item; a worker killed with SIGKILL
mid-run and started again finishes every job exactly once; jobs whose messages were lost are
queued again by the worker's sweep."""

from __future__ import annotations

import asyncio
import json
import os
import re
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
from sqlalchemy.engine import make_url

from emails.smtp import Inbox, free_port
from processes import CliProcess
from resumeiq.worker.celery_dispatch import CeleryDispatcher

pytestmark = [pytest.mark.postgres, pytest.mark.redis]
only_postgres = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)

LEASE_SECONDS = 2

RESUME = """{name}
{email} | +44 20 7946 {phone:04d} | London, UK

SUMMARY
Software engineer with {years} years of experience building data pipelines in Python.

EXPERIENCE
Senior Software Engineer, Analytical Engines Ltd, London
2019-03 - Present
- Built a Python and PostgreSQL pipeline processing {events} million events per day
- Reduced report generation time by {gain}% by rewriting queries in SQL

Software Engineer, Difference Co, London
2016-01 - 2019-02
- Developed REST APIs with Django and Docker

EDUCATION
BSc Mathematics, University of London, 2012 - 2015

SKILLS
Python, SQL, PostgreSQL, Docker{extra}
"""


def resumes(n: int) -> list[tuple[str, bytes]]:
    """``n`` small, distinct text resumes (a screening flags identical files as duplicates)."""
    extras = ["", ", Kubernetes", ", Terraform", ", Kubernetes, Terraform", ", Go"]
    return [
        (
            f"candidate-{i:03d}.txt",
            RESUME.format(
                name=f"Candidate Number{i:03d}",
                email=f"c{i}@example.com",
                phone=i,
                years=3 + i % 9,
                events=1 + i % 7,
                gain=10 + i % 50,
                extra=extras[i % len(extras)],
            ).encode(),
        )
        for i in range(n)
    ]


# --------------------------------------------------------------------------- the worker process


class Worker(CliProcess):
    """``resumeiq worker`` in its own process group (SIGKILL takes its pool and sweeper too)."""

    def __init__(
        self, env: dict[str, str], log: Path, *, concurrency: int, slow_reviews: float | None = None
    ) -> None:
        super().__init__(["worker", "--concurrency", str(concurrency)], env, log, slow_reviews=slow_reviews)

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(
                    f"the worker exited with {self.proc.returncode}:\n{self.output()[-3000:]}"
                )
            if " ready." in self.output():
                return
            time.sleep(0.05)
        raise AssertionError(f"the worker did not become ready:\n{self.output()[-3000:]}")


@dataclass
class ScaleOut:
    """One database, data dir and Celery queue (of this module's own, on the real Redis) shared
    by the API under test and the worker processes."""

    database_url: str
    redis_url: str
    queue: str
    data_dir: Path
    jwt_secret: str
    smtp_port: int = 0  # an SMTP server on loopback, for the shared worker's e-mails

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("RESUMEIQ_")}
        return (
            env
            | {
                "RESUMEIQ_DATA_DIR": str(self.data_dir),
                "RESUMEIQ_DATABASE_URL": self.database_url,
                "RESUMEIQ_REDIS_URL": self.redis_url,
                "RESUMEIQ_QUEUE": "celery",
                "RESUMEIQ_CELERY_QUEUE": self.queue,
                "RESUMEIQ_QUEUE_RESEND_SECONDS": "10",
                "RESUMEIQ_JWT_SECRET": self.jwt_secret,
                "RESUMEIQ_REVIEW_LEASE_SECONDS": str(LEASE_SECONDS),
                "RESUMEIQ_LOG_LEVEL": "INFO",
            }
            | self.smtp_env()
            | extra
        )

    def smtp_env(self) -> dict[str, str]:
        if not self.smtp_port:
            return {}
        return {
            "RESUMEIQ_SMTP_HOST": "127.0.0.1",
            "RESUMEIQ_SMTP_PORT": str(self.smtp_port),
            "RESUMEIQ_SMTP_SECURITY": "none",
            "RESUMEIQ_SMTP_FROM": "jobs@acme.test",
        }

    def api_settings(self, make_settings):
        return make_settings(
            database_url=self.database_url,
            data_dir=self.data_dir,
            queue="celery",
            redis_url=self.redis_url,
            celery_queue=self.queue,
            queue_resend_seconds=10,
            jwt_secret=self.jwt_secret,
            review_lease_seconds=LEASE_SECONDS,
            rate_limit_upload="10000/minute",
            rate_limit_analysis="10000/minute",
            rate_limit_key_prefix=self.queue,  # limits live in Redis: no count left from another run
            **{k.removeprefix("RESUMEIQ_").lower(): v for k, v in self.smtp_env().items()},
        )


def _own_database(postgres_url: str, name: str, *, drop: bool = False) -> str:
    """Create (or drop) database ``name`` on the server of the session's database."""
    import asyncpg

    async def admin() -> None:
        dsn = make_url(postgres_url).set(drivername="postgresql").render_as_string(hide_password=False)
        conn = await asyncpg.connect(dsn, timeout=5)
        try:
            sql = f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)' if drop else f'CREATE DATABASE "{name}"'
            await conn.execute(sql)
        finally:
            await conn.close()

    asyncio.run(admin())
    return make_url(postgres_url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="module")
def smtp_inbox() -> Iterator[tuple[int, Inbox]]:
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, inbox
    finally:
        controller.stop()


@pytest.fixture(scope="module")
def shared_worker(postgres_url, redis_url, smtp_inbox, tmp_path_factory) -> Iterator[tuple[ScaleOut, Worker]]:
    """A worker (2 processes) kept for the module's tests that do not kill it, on a database of
    its own: its sweeper would otherwise pick up the other tests' jobs. It sends e-mails to the
    module's SMTP server."""
    from resumeiq.migrations import upgrade_database

    name = f"resumeiq_test_celery_{secrets.token_hex(4)}"
    database_url = _own_database(postgres_url, name)
    root = tmp_path_factory.mktemp("celery")
    setup = ScaleOut(
        database_url,
        redis_url,
        f"resumeiq-test-{secrets.token_hex(4)}",
        root / "data",
        secrets.token_urlsafe(32),
        smtp_inbox[0],
    )
    worker = None
    try:
        asyncio.run(upgrade_database(setup.database_url))
        worker = Worker(setup.env(), root / "worker.log", concurrency=2)
        worker.wait_ready()
        yield setup, worker
    finally:
        if worker is not None:
            worker.stop()
        _drop_queue(setup.redis_url, setup.queue)
        _own_database(postgres_url, name, drop=True)


@pytest.fixture
def own_setup(database_url, redis_url, tmp_path) -> Iterator[ScaleOut]:
    """A queue and data dir for a test that runs workers of its own."""
    setup = ScaleOut(
        database_url,
        redis_url,
        f"resumeiq-test-{secrets.token_hex(4)}",
        tmp_path / "data",
        secrets.token_urlsafe(32),
    )
    yield setup
    _drop_queue(setup.redis_url, setup.queue)


def _drop_queue(redis_url: str, queue: str) -> None:
    client = redis.Redis.from_url(redis_url)
    keys = [queue, f"_kombu.binding.{queue}", *client.scan_iter(f"{queue}:*")]
    client.delete(*keys)
    # Messages a killed worker held: kombu would put them back on the queue in an hour.
    for tag, raw in client.hscan_iter("unacked"):
        if json.loads(raw)[2] == queue:
            client.hdel("unacked", tag)
            client.zrem("unacked_index", tag)
    client.close()


# --------------------------------------------------------------------------- database checks


async def fetch(database_url: str, sql: str, *args: object) -> list[dict]:
    import asyncpg

    dsn = make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)
    conn = await asyncpg.connect(dsn)
    try:
        return [dict(r) for r in await conn.fetch(sql, *args)]
    finally:
        await conn.close()


async def review_rows(database_url: str, ids: list[str]) -> dict[str, dict]:
    rows = await fetch(
        database_url,
        """SELECT r.id::text AS id, r.status, r.attempts, count(x.id) AS results
             FROM review_requests r LEFT JOIN review_results x ON x.review_request_id = r.id
            WHERE r.id = ANY($1::uuid[]) GROUP BY r.id""",
        ids,
    )
    return {r["id"]: r for r in rows}


async def item_rows(database_url: str, screening_id: str) -> list[dict]:
    return await fetch(
        database_url,
        "SELECT id, status, attempts, score, category FROM screening_items WHERE screening_id = $1::uuid",
        screening_id,
    )


# --------------------------------------------------------------------------- API helpers


async def wait_until(check, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while True:
        value = await check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        await asyncio.sleep(0.05)


async def request_review(user, resume_id: str) -> str:
    r = await user.post(f"/api/v1/analysis/resumes/{resume_id}/analyze", json={"industry": "general"})
    assert r.status_code == 202, r.text
    return r.json()["analysis_id"]


async def review_statuses(user, ids: list[str]) -> dict[str, dict]:
    out = {}
    for analysis_id in ids:
        r = await user.get(f"/api/v1/analysis/analysis/{analysis_id}/status")
        assert r.status_code == 200, r.text
        out[analysis_id] = r.json()
    return out


async def all_finished(user, ids: list[str]) -> dict[str, dict] | None:
    statuses = await review_statuses(user, ids)
    return statuses if all(s["status"] in {"completed", "failed"} for s in statuses.values()) else None


async def create_job(user, text: str) -> str:
    r = await user.post("/api/v1/jobs", json={"text": text})
    assert r.status_code == 201, r.text
    return r.json()["id"]


async def start_screening(user, job_id: str, files: list[tuple[str, bytes]]) -> dict:
    r = await user.post(
        "/api/v1/screenings",
        data={"job_id": job_id},
        files=[("files", (name, content)) for name, content in files],
    )
    assert r.status_code == 202, r.text
    return r.json()


async def screening_status(user, screening_id: str) -> dict:
    r = await user.get(f"/api/v1/screenings/{screening_id}")
    assert r.status_code == 200, r.text
    return r.json()


# --------------------------------------------------------------------------- tests


@only_postgres
async def test_reviews_and_matches_complete_through_celery_and_unpublished_jobs_are_swept(
    shared_worker, make_settings, start_api, resume_text, job_text
):
    setup, worker = shared_worker
    log_from = len(worker.output())
    async with start_api(setup.api_settings(make_settings)) as api:
        assert isinstance(api.app.state.dispatcher, CeleryDispatcher)  # the API runs no jobs
        user = await api.register(role="recruiter")
        r = await user.upload(resume_text, filename="ada.txt")
        assert r.status_code == 201, r.text
        resume_id = r.json()["resume_id"]

        # Committed but never published, as if the API had died right after its commit: only
        # the worker's sweep can find this one.
        dispatcher = api.app.state.dispatcher
        dispatcher.submit, submit = (lambda _id: None), dispatcher.submit
        unpublished = await request_review(user, resume_id)
        dispatcher.submit = submit

        reviews = [unpublished] + [await request_review(user, resume_id) for _ in range(3)]
        job_id = await create_job(user, job_text)
        r = await user.post("/api/v1/matches", json={"resume_id": resume_id, "job_id": job_id})
        assert r.status_code == 202, r.text
        match_id = r.json()["analysis_id"]

        done = await wait_until(lambda: all_finished(user, reviews), 30, "the reviews")
        assert {s["status"] for s in done.values()} == {"completed"}, done
        assert all(s["result"]["overall_score"] is not None for s in done.values())

        async def match_done():
            body = (await user.get(f"/api/v1/matches/{match_id}")).json()
            return body if body["status"] in {"completed", "failed"} else None

        match = await wait_until(match_done, 30, "the match")
        assert match["status"] == "completed", match

    rows = await review_rows(setup.database_url, reviews + [match_id])
    assert {(r["status"], r["attempts"], r["results"]) for r in rows.values()} == {("completed", 1, 1)}
    assert re.search(r"queued 1 due review job\(s\) again", worker.output()[log_from:])


@only_postgres
async def test_a_200_resume_screening_completes_with_every_item_accounted_for_and_emails_go_out_once(
    shared_worker, smtp_inbox, make_settings, start_api, job_text
):
    setup, _ = shared_worker
    _, inbox = smtp_inbox
    async with start_api(setup.api_settings(make_settings)) as api:
        user = await api.register(role="recruiter")
        job_id = await create_job(user, job_text)
        accepted = await start_screening(user, job_id, resumes(200))
        sid = accepted["screening_id"]
        assert accepted["total"] == 200 and accepted["duplicates"] == 0

        async def finished():
            status = await screening_status(user, sid)
            return status if status["status"] == "completed" else None

        status = await wait_until(finished, 45, "the screening")
        assert (status["total"], status["processed"], status["completed"]) == (200, 200, 200)
        assert status["failed"] == 0 and status["pending"] == 0
        assert sum(status["counts"].values()) == 200
        results = (await user.get(f"/api/v1/screenings/{sid}/results", params={"limit": 200})).json()
        assert results["total"] == 200
        assert sorted(i["rank"] for i in results["items"]) == list(range(1, 201))

        # The third job kind: one e-mail per candidate, sent by the worker.
        template = {"subject": "About {job_title}", "body": "Dear {first_name}, you are {category}.\n"}
        r = await user.post(
            f"/api/v1/screenings/{sid}/emails",
            json={
                "templates": dict.fromkeys(("selected", "considered", "rejected"), template),
                "confirm": True,
                "expected_count": 200,
            },
        )
        assert r.status_code == 202, r.text
        assert r.json()["queued"] == 200

        async def delivered():
            page = (await user.get(f"/api/v1/screenings/{sid}/emails")).json()
            return page if page["counts"]["queued"] + page["counts"]["sending"] == 0 else None

        page = await wait_until(delivered, 30, "the e-mails")
        assert page["counts"] == {"queued": 0, "sending": 0, "sent": 200, "failed": 0}
        recipients = [m["To"] for m in inbox.messages]
        assert len(recipients) == 200 and set(recipients) == {f"c{i}@example.com" for i in range(200)}

    items = await item_rows(setup.database_url, sid)
    assert len(items) == 200
    assert {(i["status"], i["attempts"]) for i in items} == {("completed", 1)}
    assert all(i["score"] is not None and i["category"] for i in items)


@only_postgres
async def test_sigkill_of_the_worker_mid_run_then_restart_completes_every_job_exactly_once(
    own_setup, make_settings, start_api, database_url, tmp_path, resume_text, job_text
):
    settings, env = own_setup.api_settings(make_settings), own_setup.env()
    log = tmp_path / "worker.log"
    # Reviews wait inside their claim (a test seam, tests/seams.py) for longer than the test can
    # take to reach the kill, so that they are surely in flight when the worker is killed however
    # slow the machine; screening items run meanwhile on the third process.
    worker = Worker(env, log, concurrency=3, slow_reviews=60)
    try:
        async with start_api(settings) as api:
            user = await api.register(role="recruiter")
            resume_id = (await user.upload(resume_text, filename="ada.txt")).json()["resume_id"]
            job_id = await create_job(user, job_text)
            worker.wait_ready()
            reviews = [await request_review(user, resume_id) for _ in range(2)]
            await wait_until(lambda: _all_processing(user, reviews), 10, "both reviews to be in flight")
            sid = (await start_screening(user, job_id, resumes(200)))["screening_id"]

            async def some_done():
                status = await screening_status(user, sid)
                return status if status["processed"] >= 30 else None

            await wait_until(some_done, 20, "the screening to be under way")
            worker.kill()
            at_kill = await screening_status(user, sid)
            assert at_kill["processed"] < 200, "the worker must be killed mid-screening"
            assert {s["status"] for s in (await review_statuses(user, reviews)).values()} == {"processing"}
            assert {r["results"] for r in (await review_rows(database_url, reviews)).values()} == {0}

            worker = Worker(env, log, concurrency=2)
            worker.wait_ready()

            async def finished():
                status = await screening_status(user, sid)
                return status if status["status"] == "completed" else None

            status = await wait_until(finished, 40, "the screening after the restart")
            done = await wait_until(lambda: all_finished(user, reviews), 20, "the reviews after the restart")
    finally:
        worker.stop()

    assert (status["total"], status["processed"], status["completed"], status["failed"]) == (200, 200, 200, 0)
    assert {s["status"] for s in done.values()} == {"completed"}
    # Exactly once: one result per review; the killed attempt counted, its work never saved.
    rows = await review_rows(database_url, reviews)
    assert {(r["status"], r["attempts"], r["results"]) for r in rows.values()} == {("completed", 2, 1)}
    items = await item_rows(database_url, sid)
    assert len(items) == 200 and {i["status"] for i in items} == {"completed"}
    assert all(i["score"] is not None for i in items)
    # Only an item in flight at the kill (at most one: one process ran items) was claimed twice.
    assert sum(i["attempts"] == 2 for i in items) <= 1 and {i["attempts"] for i in items} <= {1, 2}


async def _all_processing(user, ids: list[str]) -> bool:
    return {s["status"] for s in (await review_statuses(user, ids)).values()} == {"processing"}
