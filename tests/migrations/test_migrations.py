"""The Alembic migrations: they match the models and run both ways on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.exc import IntegrityError

import resumeiq.analysis.models
import resumeiq.resumes.models
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
