"""Invented people and postings for the tailoring tests, and helpers to drive the API."""

from __future__ import annotations

from typing import Any

MIRA = b"""Mira Okafor
mira.okafor@example.org | +1 415 555 0142 | San Francisco, CA

SUMMARY
Developer who builds web products end to end.

EXPERIENCE
Backend Developer, Lumen Freight, San Francisco
2020-06 - Present
- Mentored two new hires on the team's code review habits
- Designed a Go service handling 3,000 requests per second
- Maintained internal dashboards in JS and React

Junior Developer, Harbor Analytics, Oakland
2017-09 - 2020-05
- Wrote ETL scripts in Python that cut nightly load time by 35%
- Answered support tickets from analysts

EDUCATION
BS Computer Science, San Jose State University, 2013 - 2017

SKILLS
Go, Git, JS, React, Python, AWS
"""

# Kubernetes is required and not on Mira's resume: tailoring must never add it.
FULL_STACK_JOB = """Full Stack Engineer
Cobalt Systems · Remote

Requirements
- 3+ years building web applications
- Strong JavaScript and React
- Python for back-end services
- Experience with Kubernetes

Nice to have
- AWS
- GraphQL
"""

# Nothing on Mira's resume: no evidence for a cover letter.
NURSE_JOB = """Registered Nurse
Willow Creek Clinic

Requirements
- Patient assessment and triage
- Phlebotomy
- Basic Life Support certification
"""

NAME_ONLY = b"Tobias Renn\n"


async def upload(user: Any, content: bytes = MIRA, filename: str = "mira.txt") -> dict[str, Any]:
    r = await user.upload(content, filename=filename)
    assert r.status_code == 201, r.text
    return r.json()


async def create_job(user: Any, text: str = FULL_STACK_JOB, **kw: Any) -> dict[str, Any]:
    r = await user.post("/api/v1/jobs", json={"text": text, **kw})
    assert r.status_code == 201, r.text
    return r.json()


async def preview(user: Any, resume_id: str, job_id: str, **kw: Any) -> Any:
    return await user.post(
        "/api/v1/tailorings/preview", json={"resume_id": resume_id, "job_id": job_id, **kw}
    )


async def ready_preview(user: Any, **kw: Any) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """(resume, job, preview) for Mira and the full-stack job."""
    resume = await upload(user)
    job = await create_job(user, company="Cobalt Systems")
    r = await preview(user, resume["resume_id"], job["id"], **kw)
    assert r.status_code == 201, r.text
    return resume, job, r.json()


def strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []
