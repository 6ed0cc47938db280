"""Claiming jobs with a lease, so that a job is never worked on by two workers at once.

A job row has ``status`` (pending → processing → completed | failed), ``attempts`` and
``lease_until``. A worker claims a row with one conditional UPDATE: it succeeds only if the row is
pending, or processing with an expired lease (its worker died), and fewer than ``max_attempts``
were made. The new ``attempts`` value is the worker's fencing token: renewing the lease, releasing
the row and writing the outcome all require it, so a worker that lost its lease can never
overwrite the work of the one that took over.

These helpers work on any model with those columns (``ReviewRequest`` today).
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resumeiq.db import utcnow

PENDING, PROCESSING, COMPLETED, FAILED = "pending", "processing", "completed", "failed"


def _claimable(model: Any, now: Any) -> Any:
    return or_(model.status == PENDING, (model.status == PROCESSING) & (model.lease_until < now))


async def claim(
    session: AsyncSession, model: Any, job_id: uuid.UUID, *, lease_seconds: float, max_attempts: int
) -> int | None:
    """Claim one job and commit. Returns the fencing token, or None if it is not claimable."""
    now = utcnow()
    token = await session.scalar(
        update(model)
        .where(model.id == job_id, _claimable(model, now), model.attempts < max_attempts)
        .values(
            status=PROCESSING,
            attempts=model.attempts + 1,
            lease_until=now + timedelta(seconds=lease_seconds),
            started_at=now,
        )
        .returning(model.attempts)
        .execution_options(synchronize_session=False)
    )
    await session.commit()
    return token


async def renew(
    session: AsyncSession, model: Any, job_id: uuid.UUID, token: int, *, lease_seconds: float
) -> bool:
    """Extend the lease of a job this worker holds. False if the lease was lost."""
    result = await session.execute(
        update(model)
        .where(model.id == job_id, model.status == PROCESSING, model.attempts == token)
        .values(lease_until=utcnow() + timedelta(seconds=lease_seconds))
        .execution_options(synchronize_session=False)
    )
    await session.commit()
    return result.rowcount == 1  # type: ignore[attr-defined]


async def release(session: AsyncSession, model: Any, job_id: uuid.UUID, token: int) -> bool:
    """Give a held job back (pending, no lease) so that it is picked up again soon."""
    result = await session.execute(
        update(model)
        .where(model.id == job_id, model.status == PROCESSING, model.attempts == token)
        .values(status=PENDING, lease_until=None)
        .execution_options(synchronize_session=False)
    )
    await session.commit()
    return result.rowcount == 1  # type: ignore[attr-defined]


async def finish(
    session: AsyncSession, model: Any, job_id: uuid.UUID, token: int, *, status: str, error: str | None = None
) -> bool:
    """Mark a held job completed or failed, in the caller's transaction (not committed here, so
    that a result row can be written in the same transaction). False if the lease was lost."""
    result = await session.execute(
        update(model)
        .where(model.id == job_id, model.status == PROCESSING, model.attempts == token)
        .values(status=status, error=error, lease_until=None, completed_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


async def fail_exhausted(session: AsyncSession, model: Any, *, max_attempts: int) -> int:
    """Mark failed every job that used up its attempts without finishing; returns how many."""
    now = utcnow()
    result = await session.execute(
        update(model)
        .where(_claimable(model, now), model.attempts >= max_attempts)
        .values(
            status=FAILED,
            lease_until=None,
            completed_at=now,
            error=f"gave up after {max_attempts} attempts: the worker stopped before finishing each time",
        )
        .execution_options(synchronize_session=False)
    )
    await session.commit()
    return result.rowcount  # type: ignore[attr-defined,no-any-return]


async def due(session: AsyncSession, model: Any, *, limit: int = 200) -> list[uuid.UUID]:
    """Jobs waiting for a worker: pending, or processing with an expired lease; oldest first."""
    rows = await session.scalars(
        select(model.id).where(_claimable(model, utcnow())).order_by(model.requested_at).limit(limit)
    )
    ids = list(rows)
    await session.commit()
    return ids
