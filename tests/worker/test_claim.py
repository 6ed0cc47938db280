"""Claiming review requests with leases; process_review runs each request once."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from resumeiq.analysis.models import ReviewRequest, ReviewResult
from resumeiq.analysis.tasks import ReviewContext, find_due_reviews, process_review
from resumeiq.db import Database, utcnow
from resumeiq.resumes.models import Candidate, Resume
from resumeiq.storage import LocalFileStorage
from resumeiq.users.models import User
from resumeiq.worker import claim


@pytest.fixture
async def database(database_url):
    db = Database(database_url)
    yield db
    await db.dispose()


@pytest.fixture
def storage(tmp_path):
    return LocalFileStorage(tmp_path / "data")


async def make_request(database: Database, storage: LocalFileStorage, content: bytes, **kw) -> ReviewRequest:
    sha = hashlib.sha256(content).hexdigest()
    temp = storage.new_temp_path()
    temp.write_bytes(content)
    stored = storage.put(temp, sha)
    async with database.sessionmaker() as session:
        user = User(email=f"{sha[:8]}-{kw.get('tag', '')}@example.com", password_hash="x")
        session.add(user)
        await session.flush()
        candidate = Candidate(owner_user_id=user.id, is_self=True)
        session.add(candidate)
        await session.flush()
        resume = Resume(
            candidate_id=candidate.id,
            owner_user_id=user.id,
            version_number=1,
            filename="cv.txt",
            content_type="text/plain",
            size_bytes=len(content),
            sha256=sha,
            storage_key=stored.key,
            processing_status="ready",
            is_master=True,
        )
        session.add(resume)
        await session.flush()
        request = ReviewRequest(
            resume_id=resume.id, requested_by_user_id=user.id, target_industry=kw.get("industry", "general")
        )
        session.add(request)
        await session.commit()
        return request


async def expire_lease(database: Database, request_id) -> None:
    async with database.sessionmaker() as session:
        await session.execute(
            update(ReviewRequest)
            .where(ReviewRequest.id == request_id)
            .values(lease_until=utcnow() - timedelta(seconds=1))
        )
        await session.commit()


async def test_claim_lease_and_fencing(database, storage):
    req = await make_request(database, storage, b"Ada")
    async with database.sessionmaker() as s:
        assert await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=3) == 1
        assert await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=3) is None
        assert await claim.due(s, ReviewRequest) == []
    await expire_lease(database, req.id)
    async with database.sessionmaker() as s:
        assert await claim.due(s, ReviewRequest) == [req.id]
        assert await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=3) == 2
        # The first worker lost its lease: it can neither renew nor finish.
        assert not await claim.renew(s, ReviewRequest, req.id, 1, lease_seconds=60)
        assert not await claim.finish(s, ReviewRequest, req.id, 1, status="completed")
        assert await claim.renew(s, ReviewRequest, req.id, 2, lease_seconds=60)
        assert await claim.finish(s, ReviewRequest, req.id, 2, status="completed")
        await s.commit()
        assert await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=3) is None
        row = await s.get(ReviewRequest, req.id)
        assert (row.status, row.attempts, row.lease_until) == ("completed", 2, None)


async def test_exhausted_attempts_fail_with_a_reason(database, storage):
    req = await make_request(database, storage, b"Ada")
    async with database.sessionmaker() as s:
        assert await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=1) == 1
    await expire_lease(database, req.id)
    async with database.sessionmaker() as s:
        assert await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=1) is None
        assert await claim.fail_exhausted(s, ReviewRequest, max_attempts=1) == 1
        row = await s.get(ReviewRequest, req.id)
        assert row.status == "failed" and "gave up after 1 attempts" in row.error


async def test_release_makes_it_pending_again(database, storage):
    req = await make_request(database, storage, b"Ada")
    async with database.sessionmaker() as s:
        token = await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=3)
        assert await claim.release(s, ReviewRequest, req.id, token)
        assert await claim.due(s, ReviewRequest) == [req.id]


async def test_process_review_twice_at_once_does_the_work_once(database, storage, engine_pool, resume_text):
    req = await make_request(database, storage, resume_text)
    ctx = ReviewContext(
        sessionmaker=database.sessionmaker,
        storage=storage,
        engine=engine_pool,
        lease_seconds=30,
        max_attempts=3,
    )
    outcomes = await asyncio.gather(*(process_review(req.id, ctx=ctx) for _ in range(4)))
    assert sorted(map(str, outcomes)) == ["None", "None", "None", "completed"]
    assert await process_review(req.id, ctx=ctx) is None  # already done
    async with database.sessionmaker() as s:
        results = await s.scalar(select(func.count()).select_from(ReviewResult))
        row = await s.get(ReviewRequest, req.id)
    assert results == 1
    assert row.status == "completed" and row.attempts == 1 and row.completed_at is not None


async def test_engine_failure_is_recorded(database, storage, engine_pool, resume_text):
    req = await make_request(database, storage, resume_text, industry="no_such_industry")
    ctx = ReviewContext(
        sessionmaker=database.sessionmaker,
        storage=storage,
        engine=engine_pool,
        lease_seconds=30,
        max_attempts=3,
    )
    assert await process_review(req.id, ctx=ctx) == "failed"
    async with database.sessionmaker() as s:
        row = await s.get(ReviewRequest, req.id)
        assert row.status == "failed" and row.error.startswith("unknown_industry:")
        assert await s.scalar(select(func.count()).select_from(ReviewResult)) == 0
    assert await find_due_reviews(ctx) == []
