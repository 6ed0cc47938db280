"""An aiosqlite connection that makes one trip to its thread per statement.

aiosqlite runs every sqlite3 call on the connection's own thread, one queue hand-off and one
event-loop wake-up per call. SQLAlchemy's adapter makes four such calls for a query (open a
cursor, execute, fetch all, close) and three for a write; on a two-core machine under load the
hand-offs cost more CPU than SQLite's work (two thirds of a screened resume's CPU in the API
process went there). Here a cursor runs execute, fetch and close as one function on the thread
and keeps what SQLAlchemy reads afterwards (description, rowcount, lastrowid, the rows), so a
statement is one hand-off. Nothing else changes: the same thread, the same sqlite3 connection,
the same transactions (``db.create_engine`` sets them up).

Two more trips are saved per transaction, with the same effect on the database:

- ``BEGIN IMMEDIATE`` (``db.create_engine`` issues it when a transaction begins) is sent with
  the transaction's first statement, in its trip: nothing reaches the database in between, so
  the write lock is taken before the same statement as before. A transaction that ends before
  any statement never began.
- A commit or rollback while the connection holds no transaction is a no-op in sqlite3; here it
  makes no trip either. Each statement's trip reads, on the thread, whether a transaction is
  open afterwards, so the pool's rollback of a connection coming back after a commit (every
  session ends that way) and the commit of a read that began none (``db.read_only``) cost
  nothing.
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
        if sql == BEGIN and not parameters:
            conn._begin_pending = True  # sent with the next statement (see the module doc)
            self.description, self.rowcount, self.lastrowid, self._rows = None, -1, None, []
            return self
        begin = conn._take_begin()

        def run() -> tuple[Any, int, int | None, list[Any], bool]:
            cursor = conn._conn.cursor()
            try:
                if begin:
                    cursor.execute(BEGIN)
                cursor.execute(sql, () if parameters is None else parameters)
                rows = cursor.fetchall() if cursor.description else []
                return cursor.description, cursor.rowcount, cursor.lastrowid, rows, conn._conn.in_transaction
            finally:
                cursor.close()

        self.description, self.rowcount, self.lastrowid, self._rows, in_tx = await conn._execute(run)
        conn._in_transaction = in_tx
        return self

    async def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> OneTripCursor:
        conn = self._connection
        begin = conn._take_begin()

        def run() -> tuple[Any, int, int | None, bool]:
            cursor = conn._conn.cursor()
            try:
                if begin:
                    cursor.execute(BEGIN)
                cursor.executemany(sql, parameters)
                return cursor.description, cursor.rowcount, cursor.lastrowid, conn._conn.in_transaction
            finally:
                cursor.close()

        self.description, self.rowcount, self.lastrowid, in_tx = await conn._execute(run)
        conn._in_transaction = in_tx
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


BEGIN = "BEGIN IMMEDIATE"


class OneTripConnection(aiosqlite.Connection):
    # Whether the sqlite3 connection holds a transaction, as read on its thread at the end of the
    # last trip; None: not known (any trip but a statement's, or one that raised).
    _in_transaction: bool | None = None
    # A BEGIN IMMEDIATE to send with the next statement.
    _begin_pending = False

    def cursor(self) -> OneTripCursor:  # type: ignore[override]
        return OneTripCursor(self)

    def _take_begin(self) -> bool:
        begin, self._begin_pending = self._begin_pending, False
        return begin

    async def _execute(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        self._in_transaction = None
        return await super()._execute(fn, *args, **kwargs)

    async def commit(self) -> None:
        self._begin_pending = False
        if self._in_transaction is False:
            return
        await super().commit()
        self._in_transaction = False

    async def rollback(self) -> None:
        self._begin_pending = False
        if self._in_transaction is False:
            return
        await super().rollback()
        self._in_transaction = False


def connect(database: str, **kwargs: Any) -> OneTripConnection:
    """``aiosqlite.connect`` with ``OneTripConnection``: for SQLAlchemy's ``async_creator_fn``."""

    def connector() -> sqlite3.Connection:
        return sqlite3.connect(database, **kwargs)

    connection = OneTripConnection(connector, 64)
    connection._thread.daemon = True  # as SQLAlchemy does for its own aiosqlite connections
    return connection
