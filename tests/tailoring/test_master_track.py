"""POST /resumes/{id}/master {track}: at most one master per candidate and track, atomically."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from sqlalchemy.exc import IntegrityError

from tailoring.people import MIRA, upload


def variant(i: int) -> bytes:
    return MIRA + f"\nPROJECTS\nSide project {i}: a route planner\n".encode()


async def masters(user, candidate_id):
    listed = (await user.get("/api/v1/resumes", params={"candidate_id": candidate_id, "limit": 50})).json()
    return {(r["track"], r["resume_id"]) for r in listed["items"] if r["is_master"]}


async def test_one_master_per_track_and_tracks_are_independent(user):
    v1 = await upload(user)
    v2 = await upload(user, variant(2))
    v3 = await upload(user, variant(3))
    assert v1["is_master"] and not v2["is_master"]
    r = await user.post(f"/api/v1/resumes/{v2['resume_id']}/master", json={"track": "backend"})
    assert r.status_code == 200 and r.json()["track"] == "backend" and r.json()["is_master"]
    assert await masters(user, v1["candidate_id"]) == {
        ("default", v1["resume_id"]),
        ("backend", v2["resume_id"]),
    }
    r = await user.post(f"/api/v1/resumes/{v3['resume_id']}/master", json={"track": "backend"})
    assert r.status_code == 200
    assert await masters(user, v1["candidate_id"]) == {
        ("default", v1["resume_id"]),
        ("backend", v3["resume_id"]),
    }
    # No body: the default track, as before.
    r = await user.post(f"/api/v1/resumes/{v2['resume_id']}/master")
    assert r.status_code == 200 and r.json()["track"] == "default"
    assert await masters(user, v1["candidate_id"]) == {
        ("default", v2["resume_id"]),
        ("backend", v3["resume_id"]),
    }


async def test_concurrent_master_requests_for_one_track_leave_exactly_one(user):
    first = await upload(user)
    others = [await upload(user, variant(i)) for i in range(5)]
    ids = [first["resume_id"], *(o["resume_id"] for o in others)]
    results = await asyncio.gather(
        *(user.post(f"/api/v1/resumes/{rid}/master", json={"track": "fr"}) for rid in ids)
    )
    assert all(r.status_code == 200 for r in results), [r.text for r in results]
    found = await masters(user, first["candidate_id"])
    assert len([t for t, _ in found if t == "fr"]) == 1
    assert len([t for t, _ in found if t == "default"]) <= 1


async def test_master_of_another_users_resume_is_404_and_bad_tracks_are_422(api, user):
    mine = await upload(user)
    other = await api.register()
    r = await other.post(f"/api/v1/resumes/{mine['resume_id']}/master", json={"track": "x"})
    assert r.status_code == 404 and mine["resume_id"] in r.json()["detail"]
    r = await user.post(f"/api/v1/resumes/{uuid.uuid4()}/master", json={"track": "x"})
    assert r.status_code == 404
    for bad in ("", "x" * 65, "a\nb"):
        r = await user.post(f"/api/v1/resumes/{mine['resume_id']}/master", json={"track": bad})
        assert r.status_code == 422, bad


async def test_the_database_refuses_two_masters_of_one_track(database_url):
    from resumeiq.db import create_engine, utcnow
    from resumeiq.resumes.models import Candidate, Resume
    from resumeiq.users.models import User

    engine = create_engine(database_url)
    user, cand, now = uuid.uuid4(), uuid.uuid4(), utcnow()

    def row(version: int, track: str, master: bool) -> dict:
        return {
            "id": uuid.uuid4(),
            "candidate_id": cand,
            "owner_user_id": user,
            "version_number": version,
            "filename": "a",
            "content_type": "text/plain",
            "size_bytes": 1,
            "sha256": "0" * 64,
            "storage_key": "k",
            "warnings": [],
            "processing_status": "ready",
            "is_master": master,
            "track": track,
            "created_at": now,
            "updated_at": now,
        }

    table = Resume.__table__
    try:
        async with engine.begin() as conn:
            await conn.execute(
                User.__table__.insert(),
                {
                    "id": user,
                    "email": "t@example.org",
                    "password_hash": "x",
                    "role": "job_seeker",
                    "created_at": now,
                },
            )
            await conn.execute(
                Candidate.__table__.insert(),
                {"id": cand, "owner_user_id": user, "is_self": True, "created_at": now},
            )
            await conn.execute(
                table.insert(),
                [row(1, "default", True), row(2, "backend", True), row(3, "backend", False)],
            )
        with pytest.raises(IntegrityError):
            async with engine.begin() as conn:
                await conn.execute(table.insert(), row(4, "backend", True))
    finally:
        await engine.dispose()
