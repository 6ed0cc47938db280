"""Helpers for the screening tests: sample resumes, creating and waiting for screenings."""

from __future__ import annotations

import asyncio

NURSE_RESUME = b"""Florence Nightingale
florence@example.org | +44 20 7000 1234 | Leeds, UK

SUMMARY
Registered nurse with ten years of experience in intensive care.

EXPERIENCE
Senior Staff Nurse, St Thomas' Hospital, London
2015-01 - Present
- Patient care and medication administration on a 20-bed ward
- Wound care and infection control

EDUCATION
BSc Nursing, King's College London, 2010 - 2013

SKILLS
Patient Care, Medication Administration, Wound Care, Infection Control
"""

JAVA_RESUME = b"""Grace Hopper
grace@example.net | +1 212 555 0199 | New York, NY

SUMMARY
Backend engineer with six years of experience building services in Java.

EXPERIENCE
Software Engineer, Compiler Systems Inc, New York
2018-06 - Present
- Built Java and Spring services backed by MySQL
- Ran services in Docker on AWS

EDUCATION
BSc Computer Science, Yale University, 2014 - 2018

SKILLS
Java, Spring, MySQL, Docker, AWS
"""


async def create_job(user, text):
    r = await user.post("/api/v1/jobs", json={"text": text})
    assert r.status_code == 201, r.text
    return r.json()["id"]


async def start_screening(user, job_id, files=(), resume_ids=(), blind=None):
    """Multipart when there are files, else JSON."""
    if not files:
        body = {"job_id": job_id, "resume_ids": list(resume_ids)}
        if blind is not None:
            body["blind"] = blind
        return await user.post("/api/v1/screenings", json=body)
    data = {"job_id": job_id}
    if resume_ids:
        data["resume_ids"] = ",".join(resume_ids)
    if blind is not None:
        data["blind"] = "true" if blind else "false"
    return await user.post(
        "/api/v1/screenings", data=data, files=[("files", (name, content)) for name, content in files]
    )


async def wait_for_screening(user, screening_id, timeout=60.0):
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        r = await user.get(f"/api/v1/screenings/{screening_id}")
        assert r.status_code == 200, r.text
        if r.json()["status"] == "completed":
            return r.json()
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"screening still processing after {timeout}s: {r.json()}")
        await asyncio.sleep(0.05)
