"""``GET /candidates``: each user sees only the candidates they own, with a total and pages that
count only those."""

from __future__ import annotations


async def test_candidates_are_listed_only_to_their_owner(api, resume_text):
    recruiter, other = await api.register(role="recruiter"), await api.register(role="recruiter")
    names = ["Oksana Petrenko", "Idris Balogun", "Wen Jiayi"]
    mine = [
        (await recruiter.post("/api/v1/candidates", json={"name": n, "email": f"c{i}@example.com"})).json()["candidate_id"]
        for i, n in enumerate(names)
    ]
    theirs = (await other.post("/api/v1/candidates", json={"name": "Lucía Ferreyra"})).json()["candidate_id"]
    seeker = await api.register()
    own_self = (await seeker.upload(resume_text)).json()["candidate_id"]  # a job seeker's own candidate

    listing = (await recruiter.get("/api/v1/candidates")).json()
    assert listing["total"] == 3
    assert {c["candidate_id"] for c in listing["items"]} == set(mine)
    assert {c["name"] for c in listing["items"]} == set(names)
    assert all(c["is_self"] is False for c in listing["items"])

    listing = (await other.get("/api/v1/candidates")).json()
    assert listing["total"] == 1 and [c["candidate_id"] for c in listing["items"]] == [theirs]
    listing = (await seeker.get("/api/v1/candidates")).json()
    assert [(c["candidate_id"], c["is_self"]) for c in listing["items"]] == [(own_self, True)]

    first = (await recruiter.get("/api/v1/candidates", params={"limit": 2})).json()
    rest = (await recruiter.get("/api/v1/candidates", params={"limit": 2, "offset": 2})).json()
    assert (first["total"], first["limit"], first["offset"], rest["total"]) == (3, 2, 0, 3)
    assert len(first["items"]) == 2 and len(rest["items"]) == 1
    assert {c["candidate_id"] for c in first["items"] + rest["items"]} == set(mine)

    fresh = await api.register(role="recruiter")
    assert (await fresh.get("/api/v1/candidates")).json() == {"items": [], "total": 0, "limit": 20, "offset": 0}
    assert (await api.client.get("/api/v1/candidates")).status_code == 401
    # A job seeker has their own candidate only.
    r = await seeker.post("/api/v1/candidates", json={"name": "Someone Else"})
    assert r.status_code == 403 and r.json()["code"] == "role_required"
