"""Versions, master, listing, reading, downloading and deleting resumes; ownership."""

from __future__ import annotations

import asyncio
import uuid


def variant(text: bytes, i: int) -> bytes:
    return text + f"\nProject {i}: internal tooling\n".encode()


async def test_concurrent_uploads_get_distinct_versions_and_one_master(user, resume_text):
    first = (await user.upload(resume_text)).json()  # creates the candidate
    results = await asyncio.gather(*(user.upload(variant(resume_text, i)) for i in range(8)))
    assert all(r.status_code == 201 for r in results), [r.text for r in results]
    versions = sorted(r.json()["version_number"] for r in results)
    assert versions == list(range(2, 10))
    listed = (
        await user.get("/api/v1/resumes", params={"candidate_id": first["candidate_id"], "limit": 50})
    ).json()
    assert listed["total"] == 9
    assert [r["resume_id"] for r in listed["items"] if r["is_master"]] == [first["resume_id"]]


async def test_concurrent_first_uploads_create_one_candidate_and_one_master(user, resume_text):
    results = await asyncio.gather(*(user.upload(variant(resume_text, i)) for i in range(5)))
    bodies = [r.json() for r in results]
    assert all(r.status_code == 201 for r in results)
    assert len({b["candidate_id"] for b in bodies}) == 1
    assert sorted(b["version_number"] for b in bodies) == [1, 2, 3, 4, 5]
    assert sum(b["is_master"] for b in bodies) == 1


async def test_master_moves(user, resume_text):
    v1 = (await user.upload(resume_text)).json()
    v2 = (await user.upload(variant(resume_text, 2))).json()
    r = await user.post(f"/api/v1/resumes/{v2['resume_id']}/master")
    assert r.status_code == 200 and r.json()["is_master"] is True
    assert (await user.get(f"/api/v1/resumes/{v1['resume_id']}")).json()["is_master"] is False
    # Idempotent.
    assert (await user.post(f"/api/v1/resumes/{v2['resume_id']}/master")).json()["is_master"] is True
    r = await user.post(f"/api/v1/resumes/{uuid.uuid4()}/master")
    assert r.status_code == 404 and r.json()["code"] == "not_found"


async def test_list_is_paginated_newest_first_and_filtered(recruiter, resume_text):
    user = recruiter  # only a recruiter has candidates other than themselves
    other = (await user.post("/api/v1/candidates", json={"name": "Other"})).json()["candidate_id"]
    mine = [(await user.upload(variant(resume_text, i))).json() for i in range(3)]
    (await user.upload(resume_text, candidate_id=other)).json()

    page1 = (await user.get("/api/v1/resumes", params={"limit": 2})).json()
    page2 = (await user.get("/api/v1/resumes", params={"limit": 2, "offset": 2})).json()
    assert page1["total"] == page2["total"] == 4
    assert len(page1["items"]) == 2 and len(page2["items"]) == 2
    everything = page1["items"] + page2["items"]
    assert len({r["resume_id"] for r in everything}) == 4
    stamps = [r["created_at"] for r in everything]
    assert stamps == sorted(stamps, reverse=True)

    filtered = (await user.get("/api/v1/resumes", params={"candidate_id": mine[0]["candidate_id"]})).json()
    assert [r["version_number"] for r in filtered["items"]] == [3, 2, 1]
    r = await user.get("/api/v1/resumes", params={"limit": 0})
    assert r.status_code == 422 and r.json()["code"] == "validation_error"


async def test_text_and_download(user, resume_text):
    created = (await user.upload(resume_text, filename="Ada CV.txt")).json()
    rid = created["resume_id"]
    text = (await user.get(f"/api/v1/resumes/{rid}/text")).json()
    assert "Analytical Engines" in text["text"] and text["format"] == "txt"
    r = await user.get(f"/api/v1/resumes/{rid}/file")
    assert r.status_code == 200
    assert r.content == resume_text
    assert r.headers["content-type"].startswith("text/plain")
    assert r.headers["content-disposition"].startswith("attachment")
    assert (
        "Ada%20CV.txt" in r.headers["content-disposition"] or "Ada CV.txt" in r.headers["content-disposition"]
    )


async def test_delete_removes_the_file_when_no_other_row_uses_it(user, resume_text, settings):
    files = settings.data_dir / "files"

    def stored() -> int:
        return sum(1 for p in files.rglob("*") if p.is_file())

    a = (await user.upload(resume_text)).json()
    b = (await user.upload(resume_text)).json()  # same content: stored once
    c = (await user.upload(variant(resume_text, 1))).json()
    assert stored() == 2

    assert (await user.delete(f"/api/v1/resumes/{a['resume_id']}")).status_code == 204
    assert stored() == 2  # b still uses it
    # a was master: the newest remaining version took over.
    assert (await user.get(f"/api/v1/resumes/{c['resume_id']}")).json()["is_master"] is True
    assert (await user.get(f"/api/v1/resumes/{a['resume_id']}")).status_code == 404

    assert (await user.delete(f"/api/v1/resumes/{b['resume_id']}")).status_code == 204
    assert stored() == 1
    assert (await user.get(f"/api/v1/resumes/{b['resume_id']}/file")).status_code == 404
    assert (await user.get(f"/api/v1/resumes/{c['resume_id']}/file")).status_code == 200
    assert (await user.delete(f"/api/v1/resumes/{b['resume_id']}")).status_code == 404


async def test_another_users_resources_are_404(api, user, resume_text):
    mine = (await user.upload(resume_text)).json()
    review = (
        await user.post(f"/api/v1/analysis/resumes/{mine['resume_id']}/analyze", json={"industry": "general"})
    ).json()
    intruder = await api.register()
    rid = mine["resume_id"]
    attempts = [
        intruder.get(f"/api/v1/resumes/{rid}"),
        intruder.get(f"/api/v1/resumes/{rid}/text"),
        intruder.get(f"/api/v1/resumes/{rid}/file"),
        intruder.post(f"/api/v1/resumes/{rid}/master"),
        intruder.delete(f"/api/v1/resumes/{rid}"),
        intruder.post(f"/api/v1/analysis/resumes/{rid}/analyze", json={"industry": "general"}),
        intruder.get(f"/api/v1/analysis/analysis/{review['analysis_id']}/status"),
        intruder.get("/api/v1/resumes", params={"candidate_id": mine["candidate_id"]}),
        intruder.upload(resume_text, candidate_id=mine["candidate_id"]),
    ]
    for r in await asyncio.gather(*attempts):
        assert r.status_code == 404, (r.request.url, r.text)
        assert r.json()["code"] == "not_found"
        assert "Ada" not in r.text
    assert (await intruder.get("/api/v1/resumes")).json()["total"] == 0
    assert (await intruder.get("/api/v1/analysis/analyses")).json()["total"] == 0
    # Still there for its owner.
    assert (await user.get(f"/api/v1/resumes/{rid}")).status_code == 200
