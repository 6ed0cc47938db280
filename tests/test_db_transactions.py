"""The database plumbing's transactions (``resumeiq.db``, ``resumeiq.db_sqlite``): the trips a
SQLite session makes to aiosqlite's thread, that the write lock is still taken by a write
transaction's first statement, and that ``read_only`` reads without a transaction of its own and
leaves the connection as it found it."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from resumeiq import db_sqlite
from resumeiq.db import Database, read_only
from resumeiq.users.models import User


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    db = Database(database_url)
    yield db
    await db.dispose()


@pytest.fixture
def sqlite_url(sqlite_template: Any, tmp_path: Any) -> str:
    """An empty, migrated SQLite file (the tests about SQLite's trips and lock run on SQLite only,
    not as a skipped PostgreSQL case)."""
    import shutil

    path = tmp_path / "resumeiq-sqlite.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite+aiosqlite:///{path}"


@pytest.fixture
async def sqlite_database(sqlite_url: str) -> AsyncIterator[Database]:
    db = Database(sqlite_url)
    yield db
    await db.dispose()


@pytest.fixture
def sqlite_path(sqlite_url: str) -> str:
    path = make_url(sqlite_url).database
    assert path
    return path


def _user(**values: Any) -> User:
    return User(email=f"{uuid.uuid4().hex[:10]}@example.com", password_hash="x", role="job_seeker", **values)


class Trips:
    """Counts the calls that go to aiosqlite's thread."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        real = db_sqlite.OneTripConnection._execute

        async def counted(connection: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            return await real(connection, fn, *args, **kwargs)

        monkeypatch.setattr(db_sqlite.OneTripConnection, "_execute", counted)

    def take(self) -> int:
        calls, self.calls = self.calls, 0
        return calls


def _locked_for_writers(path: str) -> bool:
    """Whether another connection would have to wait for the write lock now."""
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        assert "locked" in str(exc)
        return True
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()
    return False


async def test_a_sqlite_session_makes_one_trip_per_statement_and_one_for_its_commit(
    sqlite_database: Database, sqlite_path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = sqlite_database
    async with database.sessionmaker() as session:  # the first connection's set-up, not counted
        await session.execute(select(func.count()).select_from(User))
        await session.commit()
    trips = Trips(monkeypatch)

    async with database.sessionmaker() as session:
        await session.execute(select(func.count()).select_from(User))
        await session.commit()
    assert trips.take() == 2  # BEGIN IMMEDIATE with the query; COMMIT (no rollback on return)

    async with database.sessionmaker() as session:
        await read_only(session)
        await session.execute(select(func.count()).select_from(User))
        await session.commit()
    assert trips.take() == 1  # the query alone

    async with database.sessionmaker() as session:
        await session.commit()
        await session.rollback()
    assert trips.take() == 0  # a transaction without a statement never began


async def test_the_write_lock_is_taken_by_the_first_statement_and_not_by_a_read_only_one(
    sqlite_database: Database, sqlite_path: str
) -> None:
    database = sqlite_database
    async with database.sessionmaker() as session:
        await session.connection()  # begun, no statement yet: nothing reached the database
        assert not _locked_for_writers(sqlite_path)
        await session.execute(select(func.count()).select_from(User))
        assert _locked_for_writers(sqlite_path)  # BEGIN IMMEDIATE went with the query
        await session.commit()
        assert not _locked_for_writers(sqlite_path)

    async with database.sessionmaker() as session:
        await read_only(session)
        await session.execute(select(func.count()).select_from(User))
        assert not _locked_for_writers(sqlite_path)
        await session.commit()


async def test_a_failed_statement_rolls_back_its_whole_transaction(database: Database) -> None:
    first = _user()
    async with database.sessionmaker() as session:
        session.add(first)
        await session.commit()
    second = _user()
    async with database.sessionmaker() as session:
        session.add(second)
        await session.flush()
        session.add(User(email=first.email, password_hash="x", role="job_seeker"))
        with pytest.raises(IntegrityError):
            await session.flush()
        await session.rollback()
    async with database.sessionmaker() as session:
        assert await session.get(User, second.id) is None  # rolled back with the failed insert
        session.add(_user())  # and the connection takes the next transaction
        await session.commit()
        assert await session.scalar(select(func.count()).select_from(User)) == 2


async def test_read_only_sees_what_is_committed_and_leaves_the_connection_transactional(
    database: Database,
) -> None:
    user = _user()
    async with database.sessionmaker() as session:
        session.add(user)
        await session.commit()
    async with database.sessionmaker() as session:
        await read_only(session)
        assert await session.scalar(select(User.email).where(User.id == user.id)) == user.email
        await session.commit()
    # The connection goes back to the pool as it was: a later write is still a transaction.
    async with database.sessionmaker() as session:
        session.add(_user())
        await session.flush()
        await session.rollback()
    async with database.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(User)) == 1


async def test_read_only_in_a_begun_session_goes_on_in_its_transaction(database: Database) -> None:
    async with database.sessionmaker() as session:
        added = _user()
        session.add(added)
        await session.flush()  # the transaction began with this write
        await read_only(session)
        assert await session.scalar(select(User.id).where(User.id == added.id)) == added.id
        await session.rollback()
    async with database.sessionmaker() as session:
        assert await session.get(User, added.id) is None
