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

from sqlalchemy import Row, bindparam, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumeiq.credits.service import refund_failures
from resumeiq.jobs.models import Job
from resumeiq.resumes.models import Resume
from resumeiq.resumes.service import store_parsed_file
from resumeiq.screening.models import ItemStatus, Screening, ScreeningItem
from resumeiq.storage import FileStorage, StoredFileMissing
from resumeiq.users.models import Role, User
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
    match_thresholds: tuple[float, float] = (75.0, 36.0)


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
        return await _finish(
            ctx, item_id, token, status=ItemStatus.FAILED.value, error=f"{outcome.code}: {outcome.message}"
        )
    person = await _keep_as_resume(ctx, item_id, outcome)
    if person is None:
        return None  # deleted meanwhile
    candidate_id, resume_id = person
    values = _result_values(outcome) | {"candidate_id": candidate_id, "resume_id": resume_id}
    try:
        return await _finish(ctx, item_id, token, status=ItemStatus.COMPLETED.value, values=values)
    except IntegrityError:
        pass  # another item of this screening is this person, completed first: this one is its duplicate
    async with ctx.sessionmaker() as session:
        original = await session.scalar(
            select(ScreeningItem.id).where(
                ScreeningItem.screening_id
                == select(ScreeningItem.screening_id).where(ScreeningItem.id == item_id).scalar_subquery(),
                ScreeningItem.candidate_id == candidate_id,
                ScreeningItem.status == ItemStatus.COMPLETED,
            )
        )
        await session.commit()
    contact = {
        k: values[k] for k in ("candidate_name", "candidate_email", "candidate_phone", "candidate_location")
    }
    return await _finish(
        ctx, item_id, token, status=ItemStatus.DUPLICATE.value,
        values=contact | {"candidate_id": candidate_id, "resume_id": resume_id, "duplicate_of_id": original},
    )  # fmt: skip


def _result_values(outcome: MatchReport) -> dict[str, Any]:
    contact = outcome.contact
    return {
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


async def _keep_as_resume(
    ctx: ScreeningContext, item_id: uuid.UUID, outcome: MatchReport
) -> tuple[uuid.UUID | None, uuid.UUID | None] | None:
    """The item's (candidate, resume): those it was made with (a stored resume), or, for an
    uploaded file, the resume it is stored as now, of the candidate it names (found by identity)."""
    async with ctx.sessionmaker() as session:
        row = (
            await session.execute(
                select(
                    ScreeningItem.candidate_id,
                    ScreeningItem.resume_id,
                    ScreeningItem.filename,
                    ScreeningItem.size_bytes,
                    ScreeningItem.sha256,
                    ScreeningItem.storage_key,
                    User.id,
                    User.email,
                    User.role,
                )  # fmt: skip
                .join(Screening, Screening.id == ScreeningItem.screening_id)
                .join(User, User.id == Screening.owner_user_id)
                .where(ScreeningItem.id == item_id)
            )
        ).one_or_none()
        await session.commit()
        if row is None:
            return None
        candidate_id, resume_id, filename, size, sha256, key, owner_id, owner_email, role = row
        if resume_id is not None or outcome.parsed is None or sha256 is None or key is None:
            if resume_id is not None and candidate_id is None:
                candidate_id = await session.scalar(select(Resume.candidate_id).where(Resume.id == resume_id))
                await session.commit()
            return candidate_id, resume_id
        resume = await store_parsed_file(
            session=session, owner_id=owner_id, owner_email=owner_email,
            recruiter=role in (Role.RECRUITER, Role.ADMIN), filename=filename, size_bytes=size or 0,
            sha256=sha256, key=key, parsed=outcome.parsed,
        )  # fmt: skip
        return resume.candidate_id, resume.id


async def _finish(
    ctx: ScreeningContext,
    item_id: uuid.UUID,
    token: int,
    *,
    status: str,
    error: str | None = None,
    values: dict[str, Any] | None = None,
) -> str | None:
    """Write the outcome fenced by the claim; the items that are byte-for-byte copies of this one
    learn who it is. Raises ``IntegrityError`` if a completed item of the screening is this person."""
    async with ctx.sessionmaker() as session:
        try:
            if not await claim.finish(session, ScreeningItem, item_id, token, status=status, error=error):
                await session.rollback()
                log.warning(
                    "screening item %s: lease lost before saving; the new holder will finish it", item_id
                )
                return None
            if values:
                await session.execute(
                    update(ScreeningItem)
                    .where(ScreeningItem.id == item_id)
                    .values(**values)
                    .execution_options(synchronize_session=False)
                )
                if values.get("candidate_id") is not None:
                    await session.execute(
                        update(ScreeningItem)
                        .where(ScreeningItem.duplicate_of_id == item_id)
                        .values(candidate_id=values["candidate_id"], resume_id=values.get("resume_id"))
                        .execution_options(synchronize_session=False)
                    )
            await session.commit()
        except IntegrityError:
            await session.rollback()
            raise
    return status
