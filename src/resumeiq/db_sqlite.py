"""An aiosqlite connection that makes one trip to its thread per statement.

aiosqlite runs every sqlite3 call on the connection's own thread, one queue hand-off and one
event-loop wake-up per call. SQLAlchemy's adapter makes four such calls for a query (open a
cursor, execute, fetch all, close) and three for a write; on a two-core machine under load the
hand-offs cost more CPU than SQLite's work (two thirds of a screened resume's CPU in the API
process went there). Here a cursor runs execute, fetch and close as one function on the thread
and keeps what SQLAlchemy reads afterwards (description, rowcount, lastrowid, the rows), so a
statement is one hand-off. Nothing else changes: the same thread, the same sqlite3 connection,
the same transactions (``db.create_engine`` sets them up).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

import aiosqlite


class OneTripCursor:
    """The part of ``aiosqlite.Cursor`` that SQLAlchemy uses, one thread trip per statement.
    Rows are fetched with the statement (SQLAlchemy's adapter buffers them all anyway)."""

    arraysize = 1

    def __init__(self, connection: OneTripConnection) -> None:
        self._connection = connection
        self.description: Any = None
        self.rowcount = -1
        self.lastrowid: int | None = None
        self._rows: list[Any] = []

    async def __aenter__(self) -> OneTripCursor:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> OneTripCursor:
        conn = self._connection

        def run() -> tuple[Any, int, int | None, list[Any]]:
            cursor = conn._conn.cursor()
            try:
                cursor.execute(sql, () if parameters is None else parameters)
                rows = cursor.fetchall() if cursor.description else []
                return cursor.description, cursor.rowcount, cursor.lastrowid, rows
            finally:
                cursor.close()

        self.description, self.rowcount, self.lastrowid, self._rows = await conn._execute(run)
        return self

    async def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> OneTripCursor:
        conn = self._connection

        def run() -> tuple[Any, int, int | None]:
            cursor = conn._conn.cursor()
            try:
                cursor.executemany(sql, parameters)
                return cursor.description, cursor.rowcount, cursor.lastrowid
            finally:
                cursor.close()

        self.description, self.rowcount, self.lastrowid = await conn._execute(run)
        self._rows = []
        return self

    async def fetchall(self) -> list[Any]:
        rows, self._rows = self._rows, []
        return rows

    async def fetchone(self) -> Any | None:
        return self._rows.pop(0) if self._rows else None

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        n = self.arraysize if size is None else size
        rows, self._rows = self._rows[:n], self._rows[n:]
        return rows

    async def nextset(self) -> None:
        return None

    async def close(self) -> None:
        self._rows = []


class OneTripConnection(aiosqlite.Connection):
    def cursor(self) -> OneTripCursor:  # type: ignore[override]
        return OneTripCursor(self)


def connect(database: str, **kwargs: Any) -> OneTripConnection:
    """``aiosqlite.connect`` with ``OneTripConnection``: for SQLAlchemy's ``async_creator_fn``."""

    def connector() -> sqlite3.Connection:
        return sqlite3.connect(database, **kwargs)

    connection = OneTripConnection(connector, 64)
    connection._thread.daemon = True  # as SQLAlchemy does for its own aiosqlite connections
    return connection
