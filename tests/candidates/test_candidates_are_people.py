"""Candidates are people: a recruiter's uploads attach to the candidate they name (e-mail, else
phone, else name and location), never to the recruiter's own; a job seeker keeps one candidate;
a candidate's page, changes, search and deletion (with its files)."""

from __future__ import annotations

import pytest

from candidates.people import resume

INES = resume("Inês Carvalho", email="ines.carvalho@example.pt", phone="+351 912 345 678")
INES_V2 = resume(
    "INES CARVALHO", email="Ines.Carvalho@Example.pt", title="Senior Data Engineer", skills="Python, Spark"
)
TOMAS = resume("Tomás Reyes", phone="+34 612 345 678", city="Valencia, Spain", skills="Go, Kafka")
TOMAS_V2 = resume("Tomas Reyes", phone="0034 612-345-678", city="Valencia, Spain", skills="Go, gRPC")
NAOMI = resume("Naomi Achterberg", city="Utrecht, Netherlands", skills="Scala")
NAOMI_V2 = resume("Naomi Achterberg", city="Utrecht, Netherlands", skills="Scala, Flink")
RUI = resume("Rui Moreira", email="rui.moreira@example.pt", city="Braga, Portugal")
# Same name and city as Rui, another address: a namesake, not Rui.
NAMESAKE = resume("Rui Moreira", email="rmoreira.braga@example.com", city="Braga, Portugal")


@pytest.fixture
def settings(make_settings):
    return make_settings(rate_limit_upload="10000/minute")


async def upload(user, content, name="cv.txt"):
    r = await user.upload(content, filename=name)
    assert r.status_code == 201, r.text
    return r.json()


async def test_uploads_of_different_people_make_different_candidates(recruiter):
    people = (INES, TOMAS, NAOMI, INES_V2, TOMAS_V2, NAOMI_V2, RUI, NAMESAKE)
    seen = [await upload(recruiter, c) for c in people]
    ines, tomas, naomi, rui = (seen[i]["candidate_id"] for i in (0, 1, 2, 6))
    assert len({ines, tomas, naomi, rui}) == 4
    assert seen[3]["candidate_id"] == ines and seen[3]["version_number"] == 2  # by e-mail, any case
    assert seen[4]["candidate_id"] == tomas and seen[4]["version_number"] == 2  # by phone digits
    assert seen[5]["candidate_id"] == naomi and seen[5]["version_number"] == 2  # by name and city
    assert seen[7]["candidate_id"] not in {ines, tomas, naomi, rui}  # a namesake with his own address

    listing = (await recruiter.get("/api/v1/candidates")).json()
    assert listing["total"] == 5
    by_id = {c["candidate_id"]: c for c in listing["items"]}
    assert by_id[ines]["name"] == "Inês Carvalho" and by_id[ines]["email"] == "ines.carvalho@example.pt"
    assert by_id[ines]["phone"] == "+351 912 345 678" and by_id[ines]["is_self"] is False
    assert {"python", "sql", "apache spark"} <= set(by_id[ines]["skills"])  # by canonical name
    assert by_id[tomas]["email"] is None and by_id[tomas]["location"].startswith("Valencia")
    # Nothing went to a candidate with the recruiter's own address.
    assert all(c["email"] != recruiter.email for c in listing["items"])


async def test_a_new_phone_number_with_the_same_email_is_the_same_person(recruiter):
    first = await upload(recruiter, INES)
    moved = resume(
        "Inês Carvalho", email="ines.carvalho@example.pt", phone="+44 7700 900123", city="Leeds, UK"
    )
    again = await upload(recruiter, moved)
    assert again["candidate_id"] == first["candidate_id"] and again["version_number"] == 2
    # The phone alone still tells a different e-mail apart: that is somebody else.
    other = resume("Inês Carvalho", email="ines.c@example.com", phone="+351 912 345 678")
    assert (await upload(recruiter, other))["candidate_id"] != first["candidate_id"]


async def test_the_same_file_again_is_the_stored_resume_not_a_new_version(recruiter):
    first = await upload(recruiter, INES)
    again = await upload(recruiter, INES, name="ines-copy.txt")
    assert again["resume_id"] == first["resume_id"] and again["stored_before"] is True
    assert first["stored_before"] is False
    assert (await recruiter.get("/api/v1/resumes")).json()["total"] == 1


async def test_a_recruiters_own_candidate_is_never_the_target(api):
    person = await api.register()
    own = resume("Kofi Mensah", email=person.email, city="Accra, Ghana")
    self_id = (await upload(person, own))["candidate_id"]
    from resumeiq.users.service import set_role

    async with api.app.state.database.sessionmaker() as session:
        await set_role(session=session, email=person.email, role="recruiter")
    api.app.state.user_cache._users.clear()  # as after the cache's few seconds
    other = await upload(person, own, name="same-person-as-recruiter.txt")
    assert other["candidate_id"] != self_id
    assert (await upload(person, INES))["candidate_id"] not in {self_id, other["candidate_id"]}


async def test_a_job_seeker_keeps_one_candidate(user):
    ids = {(await upload(user, c))["candidate_id"] for c in (INES, TOMAS, NAOMI)}
    assert len(ids) == 1
    (only,) = (await user.get("/api/v1/candidates")).json()["items"]
    assert only["is_self"] is True and only["candidate_id"] in ids


async def test_search_by_name_email_and_skill(recruiter):
    for c in (INES, TOMAS, NAOMI):
        await upload(recruiter, c)
    await upload(recruiter, resume("Oren Haddad", email="oren.h@example.com", skills="AWS, K8s"))
    await upload(recruiter, resume("Ilse Brandt", email="ilse.b@example.com", skills="Amazon Web Services"))

    async def names(**params):
        items = (await recruiter.get("/api/v1/candidates", params=params)).json()["items"]
        return sorted(c["name"] for c in items)

    assert await names(q="carval") == ["Inês Carvalho"]
    assert await names(q="EXAMPLE.PT") == ["Inês Carvalho"]
    assert await names(skill="kafka") == ["Tomás Reyes"]
    assert await names(skill="Python") == ["Inês Carvalho"]
    assert await names(skill="pyth") == []  # a skill is a whole name
    assert await names(q="%") == [] and await names(q="_") == []  # wildcards are literal
    assert await names(q="reyes", skill="go") == ["Tomás Reyes"]
    # A skill is found by any of its names, however the resume wrote it.
    assert await names(skill="aws") == ["Ilse Brandt", "Oren Haddad"]
    assert await names(skill="Amazon Web Services") == ["Ilse Brandt", "Oren Haddad"]
    assert await names(skill="kubernetes") == ["Oren Haddad"]


async def test_a_candidates_page_shows_versions_screenings_and_matches(recruiter, job_text):
    first = await upload(recruiter, INES)
    await upload(recruiter, INES_V2)
    cid = first["candidate_id"]
    job_id = (await recruiter.post("/api/v1/jobs", json={"text": job_text})).json()["id"]
    r = await recruiter.post("/api/v1/matches", json={"resume_id": first["resume_id"], "job_id": job_id})
    assert r.status_code == 202, r.text
    r = await recruiter.post(
        "/api/v1/screenings", json={"job_id": job_id, "resume_ids": [first["resume_id"]]}
    )
    assert r.status_code == 202, r.text
    sid = r.json()["screening_id"]

    page = (await recruiter.get(f"/api/v1/candidates/{cid}")).json()
    assert page["candidate_id"] == cid and page["name"] == "Inês Carvalho"
    assert [v["version_number"] for v in page["versions"]] == [2, 1]
    assert [m["resume_id"] for m in page["matches"]] == [first["resume_id"]]
    assert page["matches"][0]["job_id"] == job_id
    assert [(s["screening_id"], s["job_id"]) for s in page["screenings"]] == [(sid, job_id)]


async def test_patch_changes_what_later_uploads_match(recruiter):
    cid = (await upload(recruiter, NAOMI))["candidate_id"]
    r = await recruiter.request("PATCH", f"/api/v1/candidates/{cid}", json={"email": "naomi@example.nl"})
    assert r.status_code == 200, r.text
    assert r.json()["email"] == "naomi@example.nl" and r.json()["name"] == "Naomi Achterberg"
    later = resume("N. Achterberg", email="NAOMI@example.nl", city="Amsterdam, Netherlands")
    assert (await upload(recruiter, later))["candidate_id"] == cid

    ines = (await upload(recruiter, INES))["candidate_id"]
    r = await recruiter.request("PATCH", f"/api/v1/candidates/{ines}", json={"email": "naomi@example.nl"})
    assert r.status_code == 409 and r.json()["code"] == "conflict"
    for bad in ({}, {"email": "not an address"}, {"nickname": "x"}):
        r = await recruiter.request("PATCH", f"/api/v1/candidates/{ines}", json=bad)
        assert r.status_code == 422, (bad, r.text)


async def test_delete_takes_versions_items_and_files_and_leaves_others(recruiter, settings, job_text):
    ines = await upload(recruiter, INES)
    await upload(recruiter, INES_V2)
    tomas = await upload(recruiter, TOMAS)
    job_id = (await recruiter.post("/api/v1/jobs", json={"text": job_text})).json()["id"]
    body = {"job_id": job_id, "resume_ids": [ines["resume_id"], tomas["resume_id"]]}
    sid = (await recruiter.post("/api/v1/screenings", json=body)).json()["screening_id"]
    files = sorted(p for p in (settings.data_dir / "files").rglob("*") if p.is_file())
    assert len(files) == 3

    r = await recruiter.delete(f"/api/v1/candidates/{ines['candidate_id']}")
    assert r.status_code == 204
    assert (await recruiter.get(f"/api/v1/candidates/{ines['candidate_id']}")).status_code == 404
    assert (await recruiter.get(f"/api/v1/resumes/{ines['resume_id']}")).status_code == 404
    left = sorted(p for p in (settings.data_dir / "files").rglob("*") if p.is_file())
    assert len(left) == 1  # Tomás's file only
    status = (await recruiter.get(f"/api/v1/screenings/{sid}")).json()
    assert status["total"] == 1
    assert (await recruiter.get(f"/api/v1/candidates/{tomas['candidate_id']}")).status_code == 200


async def test_another_users_candidate_is_404(api, recruiter):
    cid = (await upload(recruiter, INES))["candidate_id"]
    other = await api.register(role="recruiter")
    for method, kw in (("GET", {}), ("PATCH", {"json": {"name": "X"}}), ("DELETE", {})):
        r = await other.request(method, f"/api/v1/candidates/{cid}", **kw)
        assert r.status_code == 404 and r.json()["code"] == "not_found", method
    assert (await recruiter.get(f"/api/v1/candidates/{cid}")).status_code == 200
