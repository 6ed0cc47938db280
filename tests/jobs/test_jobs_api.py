"""Jobs: create from text or a file, parsed requirements with evidence, list/get/update/delete,
ownership, the parse cache, and bad input as problems."""

from __future__ import annotations

import uuid

from sqlalchemy import update

from documents import text_docx, text_pdf
from resumeiq.db import Database
from resumeiq.jobs.models import Job


async def create_job(user, text, **kw):
    r = await user.post("/api/v1/jobs", json={"text": text, **kw})
    assert r.status_code == 201, r.text
    return r.json()


async def test_create_from_text_parses_the_requirements(user, job_text):
    job = await create_job(user, job_text, company="Analytical Engines")
    assert job["title"] == "Senior Python Engineer"
    assert job["company"] == "Analytical Engines"
    assert job["description"] == job_text.strip()
    req = job["requirements"]
    assert {"Python", "PostgreSQL", "Docker"} <= set(req["required_skills"])
    assert {"Kubernetes", "Terraform"} <= set(req["preferred_skills"])
    assert not set(req["required_skills"]) & set(req["preferred_skills"])
    assert req["min_years"] == 5 and req["degree_level"] == "bachelor"
    assert req["seniority"] == "senior"
    assert job["source_filename"] is None and len(job["content_hash"]) == 64


async def test_keywords_carry_their_evidence(user, job_text):
    job = await create_job(user, job_text)
    r = await user.get(f"/api/v1/jobs/{job['id']}/keywords")
    assert r.status_code == 200, r.text
    kw = r.json()
    required = {k["name"]: k for k in kw["required"]}
    assert {"Python", "PostgreSQL", "Docker"} <= set(required)
    for item in kw["required"] + kw["preferred"]:
        assert item["evidence"], item
        for ev in item["evidence"]:
            assert job_text[ev["start"] : ev["end"]] == ev["text"]
    assert required["Python"]["evidence"][0]["text"] == "Python"
    assert kw["min_years"]["value"] == 5 and "5+ years" in kw["min_years"]["evidence"]["text"]
    assert kw["degree"]["level"] == "bachelor" and kw["degree"]["required"] is True
    assert kw["location"]["city"] == "London"


async def test_create_from_txt_docx_and_pdf_files(user, job_text):
    for name, data, fmt in [
        ("job.txt", job_text.encode(), "txt"),
        ("job.docx", text_docx(job_text), "docx"),
        ("job.pdf", text_pdf(job_text), "pdf"),
    ]:
        r = await user.post("/api/v1/jobs", files={"file": (name, data)}, data={"company": "AE"})
        assert r.status_code == 201, (name, r.text)
        job = r.json()
        assert job["source_filename"] == name and job["source_format"] == fmt, name
        assert job["company"] == "AE"
        assert {"Python", "PostgreSQL", "Docker"} <= set(job["requirements"]["required_skills"]), name
        assert "Kubernetes" in job["description"]


async def test_file_format_is_checked_by_content(user):
    # A ZIP archive named .pdf, and a truncated PDF: the engine's codes, not a 500.
    r = await user.post("/api/v1/jobs", files={"file": ("job.pdf", b"PK\x03\x04" + bytes(300))})
    assert r.status_code in (415, 422) and r.json()["code"] in ("unsupported_format", "corrupt_file"), r.text
    r = await user.post("/api/v1/jobs", files={"file": ("job.pdf", b"%PDF-1.7\n1 0 obj\n<<")})
    assert r.status_code == 422 and r.json()["code"] == "corrupt_file", r.text
    r = await user.post("/api/v1/jobs", files={"file": ("job.txt", b"")})
    assert r.status_code == 422 and r.json()["code"] == "empty_file", r.text
    assert (await user.get("/api/v1/jobs")).json()["total"] == 0


async def test_bad_bodies_are_problems(user):
    cases = [
        ({"json": {"text": ""}}, 422, "validation_error"),
        ({"json": {"text": "   \n "}}, 422, "validation_error"),
        ({"json": {"text": "x", "salary": 1}}, 422, "validation_error"),
        ({"json": {"title": "Engineer"}}, 422, "validation_error"),
        ({"json": {"text": "x" * 100_001}}, 422, "validation_error"),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 422, "validation_error"),
        (
            {"content": b"Python developer", "headers": {"content-type": "text/plain"}},
            415,
            "unsupported_media_type",
        ),
        ({"data": {"title": "no file"}}, 415, "unsupported_media_type"),
    ]
    for kwargs, status, code in cases:
        r = await user.post("/api/v1/jobs", **kwargs)
        assert r.status_code == status and r.json()["code"] == code, (kwargs.keys(), r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
    r = await user.post("/api/v1/jobs", files={"other": ("job.txt", b"Python")})
    assert r.status_code == 422 and r.json()["code"] == "invalid_upload"


async def test_another_users_job_is_404(api, user, job_text):
    job = await create_job(user, job_text)
    other = await api.register()
    for method, url, kw in [
        ("GET", f"/api/v1/jobs/{job['id']}", {}),
        ("GET", f"/api/v1/jobs/{job['id']}/keywords", {}),
        ("PATCH", f"/api/v1/jobs/{job['id']}", {"json": {"title": "Mine now"}}),
        ("DELETE", f"/api/v1/jobs/{job['id']}", {}),
        ("GET", f"/api/v1/jobs/{uuid.uuid4()}", {}),
    ]:
        r = await other.request(method, url, **kw)
        assert r.status_code == 404 and r.json()["code"] == "not_found", (method, url)
        assert job_text not in r.text
    assert (await other.get("/api/v1/jobs")).json()["total"] == 0
    assert (await user.get(f"/api/v1/jobs/{job['id']}")).json()["title"] == "Senior Python Engineer"
    assert (await api.client.get("/api/v1/jobs")).status_code == 401


async def test_list_is_newest_first_and_paginated(user, job_text):
    ids = [(await create_job(user, job_text, title=f"Job {i}"))["id"] for i in range(3)]
    page = (await user.get("/api/v1/jobs", params={"limit": 2})).json()
    assert page["total"] == 3 and [j["id"] for j in page["items"]] == ids[::-1][:2]
    assert "description" not in page["items"][0]
    rest = (await user.get("/api/v1/jobs", params={"limit": 2, "offset": 2})).json()
    assert [j["id"] for j in rest["items"]] == ids[:1] and rest["items"][0]["title"] == "Job 0"


async def test_update_reparses_and_delete_removes(user, job_text):
    job = await create_job(user, job_text)
    r = await user.request("PATCH", f"/api/v1/jobs/{job['id']}", json={"company": "Difference Co"})
    assert r.status_code == 200 and r.json()["company"] == "Difference Co"
    assert r.json()["requirements"] == job["requirements"]

    new_text = job_text.replace(
        "Strong experience with Python and PostgreSQL", "Strong experience with Java and MySQL"
    )
    r = await user.request("PATCH", f"/api/v1/jobs/{job['id']}", json={"text": new_text})
    assert r.status_code == 200, r.text
    updated = r.json()
    assert {"Java", "MySQL"} <= set(updated["requirements"]["required_skills"])
    assert "Python" not in updated["requirements"]["required_skills"]
    assert updated["content_hash"] != job["content_hash"] and updated["description"] == new_text.strip()

    r = await user.request("PATCH", f"/api/v1/jobs/{job['id']}", json={"title": "Data Engineer"})
    assert r.json()["title"] == "Data Engineer" and r.json()["requirements"]["title"] == "Data Engineer"
    r = await user.request("PATCH", f"/api/v1/jobs/{job['id']}", json={"title": None})
    assert r.json()["title"] == "Senior Python Engineer"
    r = await user.request("PATCH", f"/api/v1/jobs/{job['id']}", json={"text": " "})
    assert r.status_code == 422

    assert (await user.delete(f"/api/v1/jobs/{job['id']}")).status_code == 204
    assert (await user.get(f"/api/v1/jobs/{job['id']}")).status_code == 404
    assert (await user.delete(f"/api/v1/jobs/{job['id']}")).status_code == 404


async def test_requirements_are_cached_by_content(user, job_text, settings):
    first = await create_job(user, job_text)
    # Mark the stored requirements: a second job with the same text (and title) must reuse them
    # rather than parse again; another title is another parse.
    database = Database(settings.database_url)
    try:
        async with database.sessionmaker() as session:
            marked = dict((await session.get(Job, uuid.UUID(first["id"]))).requirements)
            marked["keywords"] = ["from-the-cache"]
            await session.execute(
                update(Job).where(Job.id == uuid.UUID(first["id"])).values(requirements=marked)
            )
            await session.commit()
    finally:
        await database.dispose()
    again = await create_job(user, job_text.replace("\n", "\r\n") + "\n\n\n")
    assert again["requirements"]["keywords"] == ["from-the-cache"]
    assert again["content_hash"] == first["content_hash"]
    # Stored normalised, so the cached evidence spans point at the same words.
    assert again["description"] == first["description"]
    other_title = await create_job(user, job_text, title="Backend Engineer")
    assert other_title["requirements"]["keywords"] != ["from-the-cache"]


async def test_no_file_reaches_a_500(user):
    import os
    import random

    rng = random.Random(4321)
    inputs = [
        (f"random-{i}{ext}", rng.randbytes(rng.randint(0, 5000)))
        for i, ext in enumerate([".pdf", ".docx", ".txt", "", ".exe"])
    ]
    inputs += [
        ("zip.docx", b"PK\x03\x04" + os.urandom(300)),
        ("utf16.txt", "Python developer\nRequirements\n- SQL".encode("utf-16")),
        ("nul.txt", b"\x00" * 500),
    ]
    for name, data in inputs:
        r = await user.post("/api/v1/jobs", files={"file": (name, data)})
        assert 200 <= r.status_code < 500, (name, r.status_code, r.text)
        if r.status_code >= 400:
            assert r.json()["code"], name
