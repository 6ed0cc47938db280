"""The Alembic migrations: they match the models and run both ways on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.exc import IntegrityError

import resumeiq.analysis.models
import resumeiq.credits.models
import resumeiq.emails.models
import resumeiq.jobs.models
import resumeiq.resumes.models
import resumeiq.screening.models
import resumeiq.tailoring.models
import resumeiq.users.models  # noqa: F401
from resumeiq.db import Base, create_engine
from resumeiq.migrations import downgrade_engine, migration_state, upgrade_engine


@pytest.fixture
async def engine(database_url):
    engine = create_engine(database_url)
    yield engine
    await engine.dispose()


async def test_schema_matches_the_models(engine):
    def diff(conn):
        return compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)

    async with engine.connect() as conn:
        assert await conn.run_sync(diff) == []
        assert (await migration_state(conn)).at_head


async def test_downgrade_and_upgrade_again(engine):
    await downgrade_engine(engine, "base")
    async with engine.connect() as conn:
        state = await migration_state(conn)
        assert not state.at_head and state.current == frozenset()
    await upgrade_engine(engine)
    async with engine.connect() as conn:
        assert (await migration_state(conn)).at_head


async def test_one_master_per_candidate_is_enforced_by_the_database(engine):
    from resumeiq.db import utcnow
    from resumeiq.resumes.models import Candidate, Resume
    from resumeiq.users.models import User

    user, cand, now = uuid.uuid4(), uuid.uuid4(), utcnow()

    def resume(version: int, master: bool) -> dict:
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
            "created_at": now,
            "updated_at": now,
        }

    insert_resume = Resume.__table__.insert()
    async with engine.begin() as conn:
        await conn.execute(
            User.__table__.insert(),
            {"id": user, "email": "a@b.c", "password_hash": "x", "role": "admin", "created_at": now},
        )
        await conn.execute(
            Candidate.__table__.insert(),
            {"id": cand, "owner_user_id": user, "is_self": True, "created_at": now},
        )
        await conn.execute(insert_resume, [resume(1, True), resume(2, False), resume(3, False)])
    with pytest.raises(IntegrityError):  # a second master
        async with engine.begin() as conn:
            await conn.execute(insert_resume, resume(4, True))
    with pytest.raises(IntegrityError):  # a duplicate version number
        async with engine.begin() as conn:
            await conn.execute(insert_resume, resume(2, False))
    with pytest.raises(IntegrityError):  # a second "own" candidate for the same user
        async with engine.begin() as conn:
            await conn.execute(
                Candidate.__table__.insert(),
                {"id": uuid.uuid4(), "owner_user_id": user, "is_self": True, "created_at": now},
            )


async def test_reviews_survive_the_upgrade_to_job_matching(engine):
    """0002 rebuilds review_requests on SQLite; the existing reviews and results must survive it,
    and the status check must still hold."""
    from sqlalchemy import text

    from resumeiq.db import utcnow

    await downgrade_engine(engine, "20261122_0001")
    user, cand, resume, request, now = uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), utcnow()
    users = resumeiq.users.models.User.__table__
    async with engine.begin() as conn:
        await conn.execute(
            users.insert(),
            {"id": user, "email": "a@b.c", "password_hash": "x", "role": "admin", "created_at": now},
        )
        await conn.execute(
            resumeiq.resumes.models.Candidate.__table__.insert(),
            {"id": cand, "owner_user_id": user, "is_self": True, "created_at": now},
        )
        await conn.execute(
            resumeiq.resumes.models.Resume.__table__.insert(),
            {
                "id": resume,
                "candidate_id": cand,
                "owner_user_id": user,
                "version_number": 1,
                "filename": "a",
                "content_type": "text/plain",
                "size_bytes": 1,
                "sha256": "0" * 64,
                "storage_key": "k",
                "warnings": [],
                "processing_status": "ready",
                "is_master": True,
                "created_at": now,
                "updated_at": now,
            },
        )
        # Core inserts naming only columns that exist before 0002.
        await conn.execute(
            resumeiq.analysis.models.ReviewRequest.__table__.insert(),
            {
                "id": request,
                "resume_id": resume,
                "requested_by_user_id": user,
                "target_industry": "general",
                "review_type": "review",
                "analysis_depth": "standard",
                "status": "completed",
                "attempts": 1,
                "requested_at": now,
            },
        )
        await conn.execute(
            resumeiq.analysis.models.ReviewResult.__table__.insert(),
            {
                "id": uuid.uuid4(),
                "review_request_id": request,
                "overall_score": 70,
                "ats_score": 71,
                "content_score": 72,
                "formatting_score": 73,
                "industry": "general",
                "executive_summary": "s",
                "detailed_scores": {},
                "strengths": [],
                "weaknesses": [],
                "recommendations": [],
                "processing_time_ms": 5,
                "created_at": now,
            },
        )
    await upgrade_engine(engine)
    async with engine.connect() as conn:
        rows = (
            await conn.execute(text("SELECT overall_score, ats_score, category FROM review_results"))
        ).all()
        assert [tuple(r) for r in rows] == [(70, 71, None)]
        assert (await conn.execute(text("SELECT count(*) FROM review_requests"))).scalar() == 1
    with pytest.raises(IntegrityError):  # the status check survived the table rebuild
        async with engine.begin() as conn:
            await conn.execute(text("UPDATE review_requests SET status = 'lost'"))
    with pytest.raises(IntegrityError):  # and review_type is checked now
        async with engine.begin() as conn:
            await conn.execute(text("UPDATE review_requests SET review_type = 'other'"))
