"""``process_screening_item(item_id)``: match one resume of a screening against its job.

Idempotent like ``process_review``: the item is claimed first (``worker.claim``), so running it
twice, or in two processes, does the work once; the outcome is written fenced by the claim
token. A file the engine cannot read ends ``failed`` with the engine's code and message, never
with a score.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumeiq.credits.service import refund_failures
from resumeiq.jobs.models import Job
from resumeiq.screening.models import ItemStatus, Screening, ScreeningItem
from resumeiq.storage import FileStorage, StoredFileMissing
from resumeiq.worker import claim
from resumeiq.worker.engine_jobs import EngineFailure, MatchReport
from resumeiq.worker.pool import EnginePool

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ScreeningContext:
    sessionmaker: async_sessionmaker[AsyncSession]
    storage: FileStorage
    engine: EnginePool
    lease_seconds: float
    max_attempts: int
    match_thresholds: tuple[float, float] = (80.0, 46.0)


async def find_due_items(ctx: ScreeningContext) -> list[uuid.UUID]:
    """Items waiting for a worker; those that used all their attempts are marked failed."""
    async with ctx.sessionmaker() as session:
        failed = await claim.fail_exhausted(session, ScreeningItem, max_attempts=ctx.max_attempts)
        if failed:
            log.warning("%d screening item(s) failed after %d attempts", failed, ctx.max_attempts)
        due = await claim.due(session, ScreeningItem, limit=1000)
    if failed:
        await refund_failures(ctx.sessionmaker)
    return due


async def process_screening_item(item_id: uuid.UUID, *, ctx: ScreeningContext) -> str | None:
    """Match one item. Returns the status it ended in, or None if it was not ours to run."""

    async def save(token: int, outcome: MatchReport | EngineFailure | None) -> str | None:
        return await _save(ctx, item_id, token, outcome)

    status = await claim.run_claimed(
        ctx.sessionmaker,
        ScreeningItem,
        item_id,
        lease_seconds=ctx.lease_seconds,
        max_attempts=ctx.max_attempts,
        load=lambda session: _load(session, item_id),
        run=lambda row: _run_engine(ctx, item_id, row),
        save=save,
    )
    if status == ItemStatus.FAILED.value:  # a charged item is paid back (credits)
        await refund_failures(ctx.sessionmaker, item_ids=[item_id])
    return status


# Built once: a statement's construction costs more CPU than SQLite's execution of it.
_ITEM_WITH_JOB = (
    select(
        ScreeningItem.storage_key,
        ScreeningItem.filename,
        Job.requirements_key,
        Job.requirements,
        Job.description,
    )
    .join(Screening, Screening.id == ScreeningItem.screening_id)
    .join(Job, Job.id == Screening.job_id)
    .where(ScreeningItem.id == bindparam("item_id"))
)


async def _load(session: AsyncSession, item_id: uuid.UUID) -> Row[Any] | None:
    """The item's file and its job, read in the claim's transaction."""
    return (await session.execute(_ITEM_WITH_JOB, {"item_id": item_id})).one_or_none()


async def _run_engine(
    ctx: ScreeningContext, item_id: uuid.UUID, row: Row[Any] | None
) -> MatchReport | EngineFailure | None:
    if row is None:
        return None  # deleted with its screening meanwhile
    key, filename, job_key, requirements, job_text = row
    missing = EngineFailure(code="file_missing", message="The resume's stored file is missing.")
    if not key:
        return missing
    try:
        async with ctx.storage.local_copy(key) as path:
            return await ctx.engine.match_file(
                path, filename, job_key=job_key, job=requirements, job_text=job_text, thresholds=ctx.match_thresholds
            )
    except StoredFileMissing:
        return missing


async def _save(
    ctx: ScreeningContext, item_id: uuid.UUID, token: int, outcome: MatchReport | EngineFailure | None
) -> str | None:
    if outcome is None:
        return None
    if isinstance(outcome, EngineFailure):
        status, error = ItemStatus.FAILED.value, f"{outcome.code}: {outcome.message}"
    else:
        status, error = ItemStatus.COMPLETED.value, None
    values: dict[str, Any] = {}
    if isinstance(outcome, MatchReport):
        contact = outcome.contact
        values = {
            "score": outcome.score,
            "rank_score": float(outcome.details.get("score", outcome.score)),
            "category": outcome.category,
            "candidate_name": (contact.get("name") or "")[:200] or None,
            "candidate_email": (contact.get("email") or "")[:320] or None,
            "candidate_phone": (contact.get("phone") or "")[:64] or None,
            "candidate_location": (contact.get("location") or "")[:300] or None,
            "details": {**outcome.details, "warnings": outcome.warnings},
            "processing_time_ms": outcome.processing_time_ms,
        }
    async with ctx.sessionmaker() as session:
        # The outcome is written by the fenced UPDATE that finishes the item: one statement.
        if not await claim.finish(session, ScreeningItem, item_id, token, status=status, error=error, **values):
            await session.rollback()
            log.warning("screening item %s: lease lost before saving; the new holder will finish it", item_id)
            return None
        await session.commit()
    return status
