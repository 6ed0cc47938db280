"""Database plumbing: declarative base, portable column types, the async engine and the session.

One code path for SQLite (aiosqlite, the default) and PostgreSQL (asyncpg).

SQLite notes: the file runs in WAL mode with a busy timeout, and every transaction starts with
``BEGIN IMMEDIATE`` so that a read-then-write transaction can never fail half-way with
"database is locked"; within one process a single connection is shared through the pool queue,
which serialises writers without lock polling. Its statements go to aiosqlite's thread in one
trip each (``db_sqlite``).

A request that only reads (a status poll) says so with ``read_only(session)`` before its first
statement: its statements then run without a transaction of their own (SQLite: no ``BEGIN
IMMEDIATE``, so it neither takes nor waits for the write lock; PostgreSQL: autocommit, no BEGIN
and COMMIT round trips). Each statement still reads one consistent snapshot.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import JSON, DateTime, MetaData, event
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on both databases (SQLite stores naive UTC text)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


JSONType = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# The execution option that makes a SQLite connection's transaction begin without BEGIN IMMEDIATE
# (see ``read_only``).
_SQLITE_READ_ONLY = "resumeiq_read_only"


async def read_only(session: AsyncSession) -> None:
    """Begin ``session``'s transaction as a read: each of its statements then runs on its own,
    without BEGIN/COMMIT (see the module doc). Only for work that writes nothing; a session that
    already began (for instance to load the current user) goes on in its transaction."""
    if session.in_transaction():
        return
    name = session.get_bind().dialect.name
    options = {_SQLITE_READ_ONLY: True} if name == "sqlite" else {"isolation_level": "AUTOCOMMIT"}
    await session.connection(execution_options=options)


class UUIDPrimaryKey:
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """An async engine for ``url`` with the per-backend settings described in the module doc.
    Statement parameters never appear in its errors or logs: they hold passwords' hashes, resume
    text and e-mail addresses."""
    kwargs.setdefault("hide_parameters", True)
    if not is_sqlite(url):
        kwargs.setdefault("pool_size", 10)
        kwargs.setdefault("max_overflow", 10)
        # Recycle instead of pre-pinging: a ping is one more round trip on every checkout.
        kwargs.setdefault("pool_recycle", 1800)
        return create_async_engine(url, **kwargs)

    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    kwargs.setdefault("pool_size", 1)
    kwargs.setdefault("max_overflow", 0)
    kwargs.setdefault("pool_timeout", 60)
    from resumeiq import db_sqlite

    # One trip to aiosqlite's thread per statement instead of three or four (see db_sqlite).
    connect_args = {"timeout": 30, "async_creator_fn": db_sqlite.connect}
    engine = create_async_engine(url, connect_args=connect_args, **kwargs)

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the driver so that "begin" below decides.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        if not connection.get_execution_options().get(_SQLITE_READ_ONLY):
            connection.exec_driver_sql(db_sqlite.BEGIN)  # sent with the first statement

    return engine


class Database:
    """The engine and the session factory of one database."""

    def __init__(self, url: str, **engine_kwargs: Any) -> None:
        self.url = url
        self.engine = create_engine(url, **engine_kwargs)
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False)

    @property
    def safe_url(self) -> str:
        return self.describe(self.url)

    @staticmethod
    def describe(url: str) -> str:
        """The URL with its password masked, for logs."""
        return make_url(url).render_as_string(hide_password=True)

    async def dispose(self) -> None:
        await self.engine.dispose()


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One session per request; services commit explicitly."""
    database: Database = request.app.state.database
    async with database.sessionmaker() as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session)]
