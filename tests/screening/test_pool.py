"""A pool: every screened file becomes a stored resume of its candidate (no second copy of the
file); the pool is screened against another job without uploading; the same person twice in a
screening is flagged as a duplicate of the first and ranked once."""

from __future__ import annotations

import pytest

from candidates.people import resume
from screening.screenings import JAVA_RESUME, NURSE_RESUME, create_job, start_screening, wait_for_screening

AMARA = resume(
    "Amara Okafor", email="amara.okafor@example.ng", city="Lagos, Nigeria", skills="Python, SQL, Docker"
)
# Amara again, another file (a newer version): the same person by e-mail.
AMARA_LATER = resume(
    "Amara Okafor", email="Amara.Okafor@example.ng", city="Lagos, Nigeria", skills="Python, PostgreSQL, Docker",
    extra="Now leading a team of four.",
)  # fmt: skip


@pytest.fixture
def settings(make_settings):
    return make_settings(rate_limit_upload="10000/minute")


def stored_files(settings):
    root = settings.data_dir / "files"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


async def results(user, sid, status="all"):
    r = await user.get(f"/api/v1/screenings/{sid}/results", params={"status": status, "limit": 200})
    assert r.status_code == 200, r.text
    return r.json()["items"]


async def screen_files(user, job_id, files):
    r = await start_screening(user, job_id, files=files)
    assert r.status_code == 202, r.text
    sid = r.json()["screening_id"]
    return sid, await wait_for_screening(user, sid)


async def test_screened_files_become_resumes_of_their_candidates(recruiter, job_text, settings):
    job_id = await create_job(recruiter, job_text)
    files = [
        ("amara.txt", AMARA),
        ("florence.txt", NURSE_RESUME),
        ("grace.txt", JAVA_RESUME),
        ("amara-2.txt", AMARA_LATER),
    ]
    sid, status = await screen_files(recruiter, job_id, files)
    assert (status["completed"], status["duplicates"], status["failed"]) == (3, 1, 0)

    items = {i["filename"]: i for i in await results(recruiter, sid)}
    # The same person twice: flagged, counted, ranked once (the one scored first is kept: the
    # worker finishing the other finds it).
    pair = [items["amara.txt"], items["amara-2.txt"]]
    (first,) = [i for i in pair if i["status"] == "completed"]
    (later,) = [i for i in pair if i["status"] == "duplicate"]
    assert later["rank"] is None and later["score"] is None
    assert later["duplicate_of"] == {"item_id": first["item_id"], "position": first["position"]}
    assert later["candidate_id"] == first["candidate_id"]
    ranked = await results(recruiter, sid, status="completed")
    assert sorted(i["rank"] for i in ranked) == [1, 2, 3]
    assert [i["candidate_id"] for i in ranked].count(first["candidate_id"]) == 1

    # Each row links to its resume and its candidate; the resume is the file, parsed.
    for item in items.values():
        assert item["resume_id"] and item["candidate_id"], item
        r = await recruiter.get(f"/api/v1/resumes/{item['resume_id']}")
        assert r.status_code == 200 and r.json()["candidate_id"] == item["candidate_id"]
        assert r.json()["filename"] == item["filename"] and r.json()["parsed"]["basics"]["name"]
    amara = (await recruiter.get(f"/api/v1/candidates/{first['candidate_id']}")).json()
    assert sorted(v["filename"] for v in amara["versions"]) == ["amara-2.txt", "amara.txt"]
    assert [s["screening_id"] for s in amara["screenings"]] == [sid, sid]
    assert (await recruiter.get("/api/v1/candidates")).json()["total"] == 3
    file = await recruiter.get(f"/api/v1/resumes/{items['amara.txt']['resume_id']}/file")
    assert file.status_code == 200 and file.content == AMARA
    # Content-addressed: one stored copy per distinct file, shared by the item and the resume.
    assert len(stored_files(settings)) == 4


async def test_the_pool_is_screened_against_another_job_without_uploading(recruiter, job_text, settings):
    job_id = await create_job(recruiter, job_text)
    await screen_files(
        recruiter, job_id, [("amara.txt", AMARA), ("florence.txt", NURSE_RESUME), ("grace.txt", JAVA_RESUME)]
    )
    await screen_files(recruiter, job_id, [("amara-2.txt", AMARA_LATER)])
    before = stored_files(settings)
    nurse_job = await create_job(
        recruiter, "Ward Nurse\n\nRequirements\n- Patient care\n- Wound care\n- Infection control\n"
    )

    r = await recruiter.post("/api/v1/screenings", json={"job_id": nurse_job, "all_candidates": True})
    assert r.status_code == 202, r.text
    assert r.json()["total"] == 3 and r.json()["duplicates"] == 0  # one item per person
    sid = r.json()["screening_id"]
    await wait_for_screening(recruiter, sid)
    items = await results(recruiter, sid, status="completed")
    assert len(items) == 3 and len({i["candidate_id"] for i in items}) == 3
    assert items[0]["candidate"]["name"] == "Florence Nightingale"  # the nurse leads for the ward job
    amara = next(i for i in items if i["candidate"]["name"] == "Amara Okafor")
    assert amara["filename"] == "amara.txt"  # her master: the first version, until she picks another
    assert stored_files(settings) == before  # nothing uploaded, nothing stored


async def test_screen_chosen_candidates_and_refusals(api, recruiter, user, job_text):
    job_id = await create_job(recruiter, job_text)
    sid, _ = await screen_files(recruiter, job_id, [("amara.txt", AMARA), ("grace.txt", JAVA_RESUME)])
    ids = {i["filename"]: i["candidate_id"] for i in await results(recruiter, sid)}
    r = await recruiter.post(
        "/api/v1/screenings", json={"job_id": job_id, "candidate_ids": [ids["grace.txt"]]}
    )
    assert r.status_code == 202 and r.json()["total"] == 1

    other = await api.register(role="recruiter")
    theirs = (await other.post("/api/v1/candidates", json={"name": "Chidi Eze"})).json()["candidate_id"]
    r = await recruiter.post("/api/v1/screenings", json={"job_id": job_id, "candidate_ids": [theirs]})
    assert r.status_code == 404 and r.json()["code"] == "not_found"
    r = await recruiter.post(
        "/api/v1/screenings", json={"job_id": job_id, "candidate_ids": [], "all_candidates": False}
    )
    assert r.status_code == 422
    no_resume = (await recruiter.post("/api/v1/candidates", json={"name": "Bola Ade"})).json()["candidate_id"]
    r = await recruiter.post("/api/v1/screenings", json={"job_id": job_id, "candidate_ids": [no_resume]})
    assert r.status_code == 422 and "no resume" in r.json()["detail"]
    seeker_job = await create_job(user, job_text)
    r = await user.post("/api/v1/screenings", json={"job_id": seeker_job, "all_candidates": True})
    assert r.status_code == 403 and r.json()["code"] == "role_required"


async def test_a_form_upload_adds_the_pool_and_refuses_fields_it_does_not_know(recruiter, job_text):
    job_id = await create_job(recruiter, job_text)
    sid, _ = await screen_files(recruiter, job_id, [("amara.txt", AMARA), ("grace.txt", JAVA_RESUME)])
    grace = next(i["candidate_id"] for i in await results(recruiter, sid) if i["filename"] == "grace.txt")

    # New files and chosen candidates of the pool in one multipart request.
    r = await recruiter.post(
        "/api/v1/screenings",
        data={"job_id": job_id, "candidate_ids": grace},
        files=[("files", ("florence.txt", NURSE_RESUME))],
    )
    assert r.status_code == 202 and r.json()["total"] == 2, r.text
    await wait_for_screening(recruiter, r.json()["id"])  # Florence is in the pool once read
    # The whole pool, no file chosen: a form as a browser sends it (an empty, nameless file part).
    r = await recruiter.post(
        "/api/v1/screenings",
        data={"job_id": job_id, "all_candidates": "true"},
        files=[("files", ("", b"", "application/octet-stream"))],
    )
    assert r.status_code == 202 and r.json()["total"] == 3, r.text
    # A misspelled field is said, not ignored.
    r = await recruiter.post(
        "/api/v1/screenings", data={"job_id": job_id, "all_candidate": "true"}, files=[("files", ("a.txt", AMARA))]
    )
    assert r.status_code == 422 and "all_candidate" in r.json()["detail"], r.text
    r = await recruiter.post(
        "/api/v1/screenings", data={"job_id": job_id, "all_candidates": "maybe"}, files=[("files", ("a.txt", AMARA))]
    )
    assert r.status_code == 422 and "all_candidates must be true or false" in r.json()["detail"]
