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

from sqlalchemy import Row, Uuid, bindparam, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumeiq.credits.service import refund_failures
from resumeiq.errors import Conflict
from resumeiq.jobs.models import Job
from resumeiq.resumes.models import Resume
from resumeiq.resumes.service import add_parsed_file
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
    .where(ScreeningItem.id == bindparam("item_id", type_=Uuid()))
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
                path,
                filename,
                job_key=job_key,
                job=requirements,
                job_text=job_text,
                thresholds=ctx.match_thresholds,
            )
    except StoredFileMissing:
        return missing


_SAVE_ATTEMPTS = 6
_I = ScreeningItem.__table__
# What saving an item needs besides the outcome: the item's file and person, and its owner.
_ITEM_AND_OWNER = (
    select(
        _I.c.screening_id,
        _I.c.candidate_id,
        _I.c.resume_id,
        _I.c.filename,
        _I.c.size_bytes,
        _I.c.sha256,
        _I.c.storage_key,
        User.id,
        User.email,
        User.role,
    )  # fmt: skip
    .join(Screening, Screening.id == _I.c.screening_id)
    .join(User, User.id == Screening.owner_user_id)
    .where(_I.c.id == bindparam("item_id", type_=Uuid()))
)
_RESUME_CANDIDATE = select(Resume.candidate_id).where(Resume.id == bindparam("resume_id"))
# The completed item of the screening that is this person already (ranked once per screening).
_RANKED_ALREADY = (
    select(_I.c.id)
    .where(
        _I.c.screening_id == bindparam("screening_id", type_=Uuid()),
        _I.c.candidate_id == bindparam("candidate_id", type_=Uuid()),
        _I.c.status == ItemStatus.COMPLETED.value,
        _I.c.id != bindparam("item_id", type_=Uuid()),
    )
    .limit(1)
)
# The items that are byte-for-byte copies of this one (made duplicates at upload) learn who it is.
_COPIES_LEARN = (
    update(_I)
    .where(
        _I.c.screening_id == bindparam("of_screening", type_=Uuid()),
        _I.c.status == ItemStatus.DUPLICATE.value,
        _I.c.duplicate_of_id == bindparam("of_item", type_=Uuid()),
    )
    .values(
        candidate_id=bindparam("person_id", type_=_I.c.candidate_id.type),
        resume_id=bindparam("as_resume_id", type_=Uuid()),
    )
)


async def _save(
    ctx: ScreeningContext, item_id: uuid.UUID, token: int, outcome: MatchReport | EngineFailure | None
) -> str | None:
    """Write the outcome, fenced by the claim. A match is written in one transaction with the
    file kept as a resume of its candidate (found by identity, or made) so that a lost lease
    leaves nothing behind; a conflict with a concurrent transaction (the same new person, version
    number or ranking) rolls it back and tries again against what that one committed."""
    if outcome is None:
        return None
    if isinstance(outcome, EngineFailure):
        return await _finish(
            ctx, item_id, token, status=ItemStatus.FAILED.value, error=f"{outcome.code}: {outcome.message}"
        )
    for _ in range(_SAVE_ATTEMPTS):
        async with ctx.sessionmaker() as session:
            try:
                status = await _save_match(session, item_id, token, outcome)
                if status is None:
                    await session.rollback()
                else:
                    await session.commit()
                return status
            except IntegrityError:
                await session.rollback()
    raise Conflict("Too many simultaneous saves of this person; try again.")


async def _save_match(
    session: AsyncSession, item_id: uuid.UUID, token: int, outcome: MatchReport
) -> str | None:
    row = (await session.execute(_ITEM_AND_OWNER, {"item_id": item_id})).one_or_none()
    if row is None:
        return None  # deleted with its screening meanwhile
    screening_id, candidate_id, resume_id, filename, size, sha256, key, owner_id, owner_email, role = row
    made = False
    if resume_id is not None:  # a stored resume: its person is known
        if candidate_id is None:
            candidate_id = await session.scalar(_RESUME_CANDIDATE, {"resume_id": resume_id})
    elif outcome.parsed is not None and sha256 is not None and key is not None:
        candidate_id, resume_id, made = await add_parsed_file(
            session=session, owner_id=owner_id, owner_email=owner_email,
            recruiter=role in (Role.RECRUITER, Role.ADMIN), filename=filename, size_bytes=size or 0,
            sha256=sha256, key=key, parsed=outcome.parsed,
        )  # fmt: skip
    values = _result_values(outcome) | {"candidate_id": candidate_id, "resume_id": resume_id}
    status = ItemStatus.COMPLETED.value
    if candidate_id is not None and not made:  # (a person made just now is ranked by no other item)
        original = await session.scalar(
            _RANKED_ALREADY, {"screening_id": screening_id, "candidate_id": candidate_id, "item_id": item_id}
        )
        if original is not None:  # another item of this screening is this person, completed first
            status = ItemStatus.DUPLICATE.value
            values = {k: values[k] for k in _CONTACT} | {
                "candidate_id": candidate_id, "resume_id": resume_id, "duplicate_of_id": original,
            }  # fmt: skip
    if not await claim.finish(session, ScreeningItem, item_id, token, status=status, **values):
        log.warning("screening item %s: lease lost before saving; the new holder will finish it", item_id)
        return None
    if candidate_id is not None:
        await session.execute(
            _COPIES_LEARN,
            {
                "of_screening": screening_id,
                "of_item": item_id,
                "person_id": candidate_id,
                "as_resume_id": resume_id,
            },
        )
    return status


_CONTACT = ("candidate_name", "candidate_email", "candidate_phone", "candidate_location")


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


async def _finish(
    ctx: ScreeningContext, item_id: uuid.UUID, token: int, *, status: str, error: str
) -> str | None:
    """Write a failure fenced by the claim."""
    async with ctx.sessionmaker() as session:
        if not await claim.finish(session, ScreeningItem, item_id, token, status=status, error=error):
            await session.rollback()
            log.warning("screening item %s: lease lost before saving; the new holder will finish it", item_id)
            return None
        await session.commit()
    return status
