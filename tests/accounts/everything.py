"""Helpers for the account tests: a user with something in every table, and a snapshot of the
whole database and file storage to compare against."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from sqlalchemy import inspect, select, text

from resumeiq.db import create_engine

# Invented people: a resume only the deleted user has, and one both users upload (one file).
OWN_RESUME = b"""Tamsin Okonkwo-Vale
tamsin.vale@example.org | +44 161 496 0731 | Salford, UK

SUMMARY
Data engineer with seven years of experience building batch pipelines in Python.

EXPERIENCE
Data Engineer, Brindlewick Analytics, Manchester
2018-04 - Present
- Built Python and PostgreSQL pipelines loading 3 million rows per night
- Cut warehouse costs by 25% by partitioning tables

EDUCATION
BSc Computer Science, University of Salford, 2013 - 2016

SKILLS
Python, SQL, PostgreSQL, Airflow, Docker
"""

SHARED_RESUME = b"""Ilario Fenwick-Dask
ilario.fd@example.net | +44 113 496 0822 | Wakefield, UK

SUMMARY
Backend developer with five years of experience writing Python services.

EXPERIENCE
Backend Developer, Quillmere Software, Leeds
2019-09 - Present
- Wrote Python and Django services behind a public REST API
- Moved deployments to Docker and Kubernetes

EDUCATION
BSc Software Engineering, Leeds Beckett University, 2015 - 2018

SKILLS
Python, Django, Docker, Kubernetes, PostgreSQL
"""

JOB = """Senior Data Engineer
Harrowgate Logistics · Manchester, UK

Requirements
- 5+ years of experience building data pipelines
- Strong Python and SQL
- Experience with PostgreSQL and Airflow

Nice to have
- Docker
"""

TEMPLATES = {
    category: {"subject": "About {job_title}", "body": "Dear {candidate_name}, thank you.\n"}
    for category in ("selected", "considered", "rejected")
}


async def poll(fetch, done, timeout: float = 60.0) -> Any:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = await fetch()
        if done(value):
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"not done after {timeout}s: {value}")
        await asyncio.sleep(0.05)


async def fill_every_table(user) -> dict[str, str]:
    """Give ``user`` rows in every table: candidates, resumes, a review, a job, a match, a
    screening with items and e-mails, a tailoring. Returns the ids made."""
    own = await user.upload(OWN_RESUME, "tamsin.txt")
    assert own.status_code == 201, own.text
    shared = await user.upload(SHARED_RESUME, "ilario.txt")
    assert shared.status_code == 201, shared.text
    resume_id = own.json()["resume_id"]
    r = await user.post(f"/api/v1/analysis/resumes/{resume_id}/analyze", json={"industry": "data_science"})
    assert r.status_code == 202, r.text
    review_id = r.json()["analysis_id"]
    r = await user.post("/api/v1/jobs", json={"text": JOB})
    assert r.status_code == 201, r.text
    job_id = r.json()["id"]
    r = await user.post("/api/v1/matches", json={"resume_id": resume_id, "job_id": job_id})
    assert r.status_code == 202, r.text
    match_id = r.json()["analysis_id"]
    r = await user.post(
        "/api/v1/screenings",
        data={"job_id": job_id},
        files=[("files", ("a.txt", OWN_RESUME)), ("files", ("b.txt", SHARED_RESUME))],
    )
    assert r.status_code == 202, r.text
    screening_id = r.json()["id"]
    for path in (f"/api/v1/analysis/analysis/{review_id}/status", f"/api/v1/matches/{match_id}"):
        await poll(lambda path=path: user.get(path), lambda r: r.json()["status"] == "completed")
    await poll(
        lambda: user.get(f"/api/v1/screenings/{screening_id}"), lambda r: r.json()["status"] == "completed"
    )
    r = await user.post(f"/api/v1/screenings/{screening_id}/emails/preview", json={"templates": TEMPLATES})
    assert r.status_code == 200, r.text
    r = await user.post(
        f"/api/v1/screenings/{screening_id}/emails",
        json={"templates": TEMPLATES, "confirm": True, "expected_count": r.json()["count"], "idempotency_key": "everything-1"},
    )
    assert r.status_code == 202 and r.json()["queued"] >= 1, r.text

    def delivered(r):
        counts = r.json()["counts"]
        return counts["queued"] == 0 and counts["sending"] == 0

    await poll(lambda: user.get(f"/api/v1/screenings/{screening_id}/emails"), delivered)
    r = await user.post("/api/v1/tailorings/preview", json={"resume_id": resume_id, "job_id": job_id})
    assert r.status_code == 201, r.text
    return {"resume_id": resume_id, "job_id": job_id, "screening_id": screening_id}


def _plain(value: Any) -> Any:
    return json.dumps(value, sort_keys=True, default=str) if isinstance(value, dict | list) else str(value)


async def snapshot_database(url: str) -> dict[str, set[tuple]]:
    """Every row of every table the database has (read from the database itself, so a table
    added later is covered too), as sets of plain tuples; Alembic's own table left out."""
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            names = await conn.run_sync(lambda c: inspect(c).get_table_names())
            tables: dict[str, set[tuple]] = {}
            for name in sorted(names):
                if name == "alembic_version":
                    continue
                rows = (await conn.execute(select(text("*")).select_from(text(f'"{name}"')))).all()
                tables[name] = {tuple(_plain(v) for v in row) for row in rows}
            return tables
    finally:
        await engine.dispose()


async def stored_files(settings) -> set[str]:
    """Every file in the storage the settings name (the data dir, or the bucket)."""
    from resumeiq.storage import open_storage

    storage = open_storage(settings)
    try:
        return set(await storage.keys())
    finally:
        storage.close()
