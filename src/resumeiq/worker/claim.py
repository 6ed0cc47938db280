"""Claiming jobs with a lease, so that a job is never worked on by two workers at once.

A job row has ``status`` (pending → processing → completed | failed), ``attempts`` and
``lease_until``. A worker claims a row with one conditional UPDATE: it succeeds only if the row is
pending, or processing with an expired lease (its worker died), and fewer than ``max_attempts``
were made. The new ``attempts`` value is the worker's fencing token: renewing the lease, releasing
the row and writing the outcome all require it, so a worker that lost its lease can never
overwrite the work of the one that took over.

These helpers work on any model with those columns (``ReviewRequest``, ``ScreeningItem``,
``EmailMessage``). A model may name its four states differently by setting ``job_states`` (the
e-mail outbox says queued → sending → sent | failed). A pending row whose ``lease_until`` lies in
the future is not due yet (a retry waiting out its back-off, see ``retry_later``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, TypeVar

from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumeiq.db import utcnow
from resumeiq.errors import EngineUnavailable, ProcessingTimeout
from resumeiq.worker.engine_jobs import EngineFailure
from resumeiq.worker.owner import current_owner, owner_gone

log = logging.getLogger(__name__)
T = TypeVar("T")

PENDING, PROCESSING, COMPLETED, FAILED = "pending", "processing", "completed", "failed"


@dataclass(frozen=True, slots=True)
class JobStates:
    pending: str = PENDING
    processing: str = PROCESSING
    completed: str = COMPLETED
    failed: str = FAILED


DEFAULT_STATES = JobStates()


def states_of(model: Any) -> JobStates:
    return getattr(model, "job_states", DEFAULT_STATES)


def _claimable(model: Any, now: Any) -> Any:
    st = states_of(model)
    return or_(
        (model.status == st.pending) & (model.lease_until.is_(None) | (model.lease_until <= now)),
        (model.status == st.processing) & (model.lease_until < now),
    )


# The per-job statements, built once per model on its table (not the ORM entity: an ORM UPDATE
# goes through the bulk-update machinery; building a statement costs more CPU than SQLite's
# execution of it). Values that vary are bound parameters.
_STATEMENTS: dict[tuple[Any, str], Any] = {}


def _statement(model: Any, kind: str) -> Any:
    found = _STATEMENTS.get((model, kind))
    if found is None:
        found = _STATEMENTS[(model, kind)] = _build(model, kind)
    return found


def _finish_statement(model: Any, columns: frozenset[str]) -> Any:
    return _statement(model, "finish:" + ",".join(sorted(columns)))


def _build(model: Any, kind: str) -> Any:
    table, st = model.__table__, states_of(model)
    c = table.c
    if kind == "claim":
        now = bindparam("b_now", type_=c.lease_until.type)
        claimable = or_(
            (c.status == st.pending) & (c.lease_until.is_(None) | (c.lease_until <= now)),
            (c.status == st.processing) & (c.lease_until < now),
        )
        return (
            update(table)
            .where(c.id == bindparam("b_job_id"), claimable, c.attempts < bindparam("b_max_attempts"))
            .values(
                status=st.processing,
                attempts=c.attempts + 1,
                lease_until=bindparam("b_lease_until", type_=c.lease_until.type),
                started_at=now,
                claimed_by=bindparam("b_owner", type_=c.claimed_by.type),
            )
            .returning(c.attempts)
        )
    held = update(table).where(
        c.id == bindparam("b_job_id"), c.status == st.processing, c.attempts == bindparam("b_token")
    )
    if kind.startswith("finish:"):
        columns = kind.removeprefix("finish:").split(",") if kind != "finish:" else []
        return held.values(
            status=bindparam("b_status", type_=c.status.type),
            error=bindparam("b_error", type_=c.error.type),
            lease_until=None,
            completed_at=bindparam("b_now", type_=c.completed_at.type),
            **{k: bindparam(f"v_{k}", type_=c[k].type) for k in columns},
        )
    if kind == "renew":
        return held.values(lease_until=bindparam("b_lease_until", type_=c.lease_until.type))
    if kind == "release":
        return held.values(status=st.pending, lease_until=None)
    raise ValueError(kind)


async def claim(
    session: AsyncSession,
    model: Any,
    job_id: uuid.UUID,
    *,
    lease_seconds: float,
    max_attempts: int,
    commit: bool = True,
) -> int | None:
    """Claim one job and commit (``commit=False``: the caller commits, after reading what the job
    needs in the same transaction). Returns the fencing token, or None if it is not claimable."""
    now = utcnow()
    token = await session.scalar(
        _statement(model, "claim"),
        {
            "b_job_id": job_id,
            "b_now": now,
            "b_max_attempts": max_attempts,
            "b_lease_until": now + timedelta(seconds=lease_seconds),
            "b_owner": current_owner(),
        },
    )
    if commit:
        await session.commit()
    return token


async def renew(
    session: AsyncSession, model: Any, job_id: uuid.UUID, token: int, *, lease_seconds: float
) -> bool:
    """Extend the lease of a job this worker holds. False if the lease was lost."""
    result = await session.execute(
        _statement(model, "renew"),
        {"b_job_id": job_id, "b_token": token, "b_lease_until": utcnow() + timedelta(seconds=lease_seconds)},
    )
    await session.commit()
    return result.rowcount == 1  # type: ignore[attr-defined]


async def release(session: AsyncSession, model: Any, job_id: uuid.UUID, token: int) -> bool:
    """Give a held job back (pending, no lease) so that it is picked up again soon."""
    result = await session.execute(_statement(model, "release"), {"b_job_id": job_id, "b_token": token})
    await session.commit()
    return result.rowcount == 1  # type: ignore[attr-defined]


async def retry_later(
    session: AsyncSession, model: Any, job_id: uuid.UUID, token: int, *, delay_seconds: float, error: str
) -> bool:
    """Give a held job back to be tried again after ``delay_seconds``, keeping ``error`` (why this
    attempt failed) on the row meanwhile. Commits. False if the lease was lost."""
    result = await session.execute(
        update(model)
        .where(model.id == job_id, model.status == states_of(model).processing, model.attempts == token)
        .values(
            status=states_of(model).pending,
            lease_until=utcnow() + timedelta(seconds=delay_seconds),
            error=error,
        )
        .execution_options(synchronize_session=False)
    )
    await session.commit()
    return result.rowcount == 1  # type: ignore[attr-defined]


async def finish(
    session: AsyncSession,
    model: Any,
    job_id: uuid.UUID,
    token: int,
    *,
    status: str,
    error: str | None = None,
    **outcome: Any,
) -> bool:
    """Mark a held job completed or failed, in the caller's transaction (not committed here, so
    that a result row can be written in the same transaction); ``outcome``: more columns of the
    job's row to set in the same fenced UPDATE. False if the lease was lost."""
    params = {f"v_{k}": v for k, v in outcome.items()}
    result = await session.execute(
        _finish_statement(model, frozenset(outcome)),
        {
            "b_job_id": job_id,
            "b_token": token,
            "b_status": status,
            "b_error": error,
            "b_now": utcnow(),
            **params,
        },
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


async def fail_exhausted(session: AsyncSession, model: Any, *, max_attempts: int) -> int:
    """Mark failed every job that used up its attempts without finishing; returns how many."""
    now = utcnow()
    result = await session.execute(
        update(model)
        .where(_claimable(model, now), model.attempts >= max_attempts)
        .values(
            status=states_of(model).failed,
            lease_until=None,
            completed_at=now,
            error=f"gave up after {max_attempts} attempts: the worker stopped before finishing each time",
        )
        .execution_options(synchronize_session=False)
    )
    await session.commit()
    return result.rowcount  # type: ignore[attr-defined,no-any-return]


async def end_orphaned_leases(session: AsyncSession, model: Any) -> int:
    """End the lease of every claim whose owner process is gone from this machine (it was killed
    or crashed mid-job), so that the job is due now; returns how many. Commits."""
    st = states_of(model)
    now = utcnow()
    owners = await session.scalars(
        select(model.claimed_by)
        .where(model.status == st.processing, model.lease_until >= now, model.claimed_by.is_not(None))
        .distinct()
    )
    gone = [owner for owner in owners if owner_gone(owner)]
    ended = 0
    if gone:
        result = await session.execute(
            update(model)
            .where(model.status == st.processing, model.claimed_by.in_(gone), model.lease_until >= now)
            .values(lease_until=now - timedelta(seconds=1))
            .execution_options(synchronize_session=False)
        )
        ended = result.rowcount  # type: ignore[attr-defined]
        log.info("%s: %d claim(s) of stopped processes taken back", model.__tablename__, ended)
    await session.commit()
    return ended


async def due(session: AsyncSession, model: Any, *, limit: int = 200) -> list[uuid.UUID]:
    """Jobs waiting for a worker: pending, or processing with an expired lease (or an owner that
    is gone, see ``end_orphaned_leases``); oldest first."""
    await end_orphaned_leases(session, model)
    rows = await session.scalars(
        select(model.id).where(_claimable(model, utcnow())).order_by(model.requested_at).limit(limit)
    )
    ids = list(rows)
    await session.commit()
    return ids


@contextlib.asynccontextmanager
async def hold_lease(
    sessionmaker: async_sessionmaker[AsyncSession],
    model: Any,
    job_id: uuid.UUID,
    token: int,
    *,
    lease_seconds: float,
) -> AsyncIterator[None]:
    """Renew the lease every third of its length while the body runs."""

    async def renew_forever() -> None:
        while True:
            await asyncio.sleep(lease_seconds / 3)
            try:
                async with sessionmaker() as session:
                    if not await renew(session, model, job_id, token, lease_seconds=lease_seconds):
                        log.warning("%s %s: lease lost", model.__tablename__, job_id)
                        return
            except Exception:
                log.exception("%s %s: renewing the lease failed", model.__tablename__, job_id)

    task = asyncio.create_task(renew_forever())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def release_quietly(
    sessionmaker: async_sessionmaker[AsyncSession], model: Any, job_id: uuid.UUID, token: int
) -> None:
    """``release``, logging instead of raising: if it fails, the lease expires instead."""
    try:
        async with sessionmaker() as session:
            await release(session, model, job_id, token)
    except Exception:
        log.exception(
            "%s %s: could not release the claim; its lease will expire", model.__tablename__, job_id
        )


async def run_claimed(
    sessionmaker: async_sessionmaker[AsyncSession],
    model: Any,
    job_id: uuid.UUID,
    *,
    lease_seconds: float,
    max_attempts: int,
    run: Callable[..., Awaitable[T]],
    save: Callable[[int, T | EngineFailure], Awaitable[str | None]],
    load: Callable[[AsyncSession], Awaitable[Any]] | None = None,
) -> str | None:
    """Claim a job, run it holding the lease, and save its outcome with the fencing token.

    ``load``: reads what the job needs in the claim's own transaction (one transaction per job
    less); ``run`` is then called with what it returned.

    Returns the status it ended in, or None if it was not ours to run. An engine timeout or an
    unexpected error is saved as a failure; a dead engine process gives the job back for another
    attempt (up to ``max_attempts``), and so does a shutdown, so that the next start picks it up,
    and so does a save that raised (instead of holding the job until its lease runs out).
    """
    loaded: Any = None
    async with sessionmaker() as session:
        token = await claim(
            session,
            model,
            job_id,
            lease_seconds=lease_seconds,
            max_attempts=max_attempts,
            commit=load is None,
        )
        if load is not None:
            if token is not None:
                loaded = await load(session)
            await session.commit()
    if token is None:
        return None
    outcome: T | EngineFailure
    try:
        async with hold_lease(sessionmaker, model, job_id, token, lease_seconds=lease_seconds):
            outcome = await (run(loaded) if load is not None else run())
    except ProcessingTimeout as exc:
        outcome = EngineFailure(code=exc.code, message=exc.message)
    except EngineUnavailable:
        await release_quietly(sessionmaker, model, job_id, token)
        return PENDING
    except asyncio.CancelledError:
        await asyncio.shield(release_quietly(sessionmaker, model, job_id, token))
        raise
    except Exception as exc:
        log.exception("%s %s failed unexpectedly", model.__tablename__, job_id)
        outcome = EngineFailure(code="internal_error", message=f"{type(exc).__name__}: {exc}", internal=True)
    try:
        return await save(token, outcome)
    except Exception:  # not saved (e.g. a conflict with a concurrent job): give it back at once
        log.exception(
            "%s %s: its outcome could not be saved; given back for another attempt",
            model.__tablename__,
            job_id,
        )
        await release_quietly(sessionmaker, model, job_id, token)
        return PENDING
