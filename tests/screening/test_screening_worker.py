"""``process_screening_item`` claims before working: run many times at once, an item is matched
once; a file the engine cannot read ends failed with its reason, never with a score."""

from __future__ import annotations

import asyncio
import hashlib

import pytest
from sqlalchemy import select

from resumeiq.db import Database
from resumeiq.engine.match.jobs import parse_job
from resumeiq.jobs.models import Job
from resumeiq.screening.models import Screening, ScreeningItem
from resumeiq.screening.tasks import ScreeningContext, find_due_items, process_screening_item
from resumeiq.storage import LocalFileStorage
from resumeiq.users.models import User


@pytest.fixture
async def database(database_url):
    db = Database(database_url)
    yield db
    await db.dispose()


@pytest.fixture
def storage(tmp_path):
    return LocalFileStorage(tmp_path / "data")


async def make_items(database, storage, job_text, contents: list[bytes]) -> list[ScreeningItem]:
    requirements = parse_job(job_text)
    async with database.sessionmaker() as session:
        user = User(email="r@example.com", password_hash="x", role="recruiter")
        session.add(user)
        await session.flush()
        job = Job(
            owner_user_id=user.id,
            title=requirements.title,
            description=job_text,
            content_hash=requirements.content_hash,
            requirements_key="k" * 64,
            requirements=requirements.model_dump(mode="json"),
        )
        session.add(job)
        await session.flush()
        screening = Screening(owner_user_id=user.id, job_id=job.id, blind=False, total=len(contents))
        session.add(screening)
        await session.flush()
        items = []
        for position, content in enumerate(contents, start=1):
            sha = hashlib.sha256(content).hexdigest()
            temp = storage.new_temp_path()
            temp.write_bytes(content)
            key = (await storage.put(temp, sha)).key
            items.append(
                ScreeningItem(
                    screening_id=screening.id,
                    position=position,
                    filename=f"{position}.txt",
                    size_bytes=len(content),
                    sha256=sha,
                    storage_key=key,
                )
            )
        session.add_all(items)
        await session.commit()
        return items


def context(database, storage, engine_pool) -> ScreeningContext:
    return ScreeningContext(
        sessionmaker=database.sessionmaker,
        storage=storage,
        engine=engine_pool,
        lease_seconds=30,
        max_attempts=3,
    )


async def test_an_item_is_matched_once_however_often_it_runs(
    database, storage, engine_pool, resume_text, job_text
):
    (item,) = await make_items(database, storage, job_text, [resume_text])
    ctx = context(database, storage, engine_pool)
    assert await find_due_items(ctx) == [item.id]
    outcomes = await asyncio.gather(*(process_screening_item(item.id, ctx=ctx) for _ in range(4)))
    assert sorted(map(str, outcomes)) == ["None", "None", "None", "completed"]
    assert await process_screening_item(item.id, ctx=ctx) is None
    assert await find_due_items(ctx) == []
    async with database.sessionmaker() as session:
        row = await session.get(ScreeningItem, item.id)
    assert row.status == "completed" and row.attempts == 1 and row.completed_at is not None
    assert 0 <= row.score <= 100 and row.category in ("selected", "considered", "rejected")
    assert row.candidate_name == "Ada Lovelace" and row.candidate_email == "ada@example.com"
    assert row.details["match_score"] == row.score


async def test_unreadable_files_fail_with_their_reason(database, storage, engine_pool, job_text):
    contents = [b"", b"%PDF-1.7\n1 0 obj\n<<", bytes(range(256)) * 20]
    items = await make_items(database, storage, job_text, contents)
    ctx = context(database, storage, engine_pool)
    assert [await process_screening_item(i.id, ctx=ctx) for i in items] == ["failed"] * 3
    async with database.sessionmaker() as session:
        rows = list(await session.scalars(select(ScreeningItem).order_by(ScreeningItem.position)))
    for row in rows:
        assert row.status == "failed" and row.score is None and row.category is None, row.error
        code = row.error.split(":", 1)[0]
        assert code in {"empty_file", "corrupt_file", "unsupported_format"}, row.error
    assert rows[0].error.startswith("empty_file:")


async def test_a_missing_stored_file_is_a_failure_not_a_score(
    database, storage, engine_pool, resume_text, job_text
):
    (item,) = await make_items(database, storage, job_text, [resume_text])
    await storage.delete(item.storage_key)
    ctx = context(database, storage, engine_pool)
    assert await process_screening_item(item.id, ctx=ctx) == "failed"
    async with database.sessionmaker() as session:
        row = await session.get(ScreeningItem, item.id)
    assert row.error.startswith("file_missing:") and row.score is None
