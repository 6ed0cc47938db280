"""Screening use cases: create (files and/or existing resumes), progress, ranked results with a
keyset cursor, CSV export, list and delete.

Files are stored content-addressed like resumes (the same store and reference counting: a file is
removed when neither a resume nor a screening item uses its hash).
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import math
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Uuid, and_, bindparam, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from resumeiq.db import read_only, utcnow
from resumeiq.errors import InvalidInput, NotFound, PayloadTooLarge
from resumeiq.jobs.models import Job
from resumeiq.jobs.service import get_owned_job
from resumeiq.pagination import Page, PageParams
from resumeiq.resumes.models import DEFAULT_TRACK, Candidate, ProcessingStatus, Resume
from resumeiq.resumes.service import file_in_use
from resumeiq.screening.models import FINISHED, ItemStatus, Screening, ScreeningItem
from resumeiq.screening.schemas import (
    CategoryCounts,
    ScreeningItemOut,
    ScreeningResults,
    ScreeningStatus,
    ScreeningSummary,
)
from resumeiq.screening.upload import ReceivedBatch, ReceivedFile
from resumeiq.storage import FileStorage
from resumeiq.users.models import User
from resumeiq.users.roles import require_recruiter

log = logging.getLogger(__name__)


# --------------------------------------------------------------------------- create


@dataclass(slots=True)
class _Source:
    filename: str
    sha256: str | None
    storage_key: str | None
    size_bytes: int | None
    resume_id: uuid.UUID | None = None
    candidate_id: uuid.UUID | None = None
    refused: str | None = None  # why the file was refused on arrival ("too_large: …")


async def check_job(*, session: AsyncSession, user: User, job_id: uuid.UUID) -> None:
    """Raise ``RoleRequired`` unless ``user`` may screen, ``NotFound`` unless ``job_id`` is one of
    ``user``'s jobs (holds no connection after)."""
    require_recruiter(user, action="screen resumes")
    try:
        await get_owned_job(session=session, user=user, job_id=job_id)
    finally:
        await session.commit()


_STORE_CONCURRENCY = 16


async def create_screening(
    *,
    session: AsyncSession,
    storage: FileStorage,
    user: User,
    job_id: uuid.UUID,
    resume_ids: Sequence[uuid.UUID],
    batch: ReceivedBatch | None,
    blind: bool,
    candidate_ids: Sequence[uuid.UUID] = (),
    all_candidates: bool = False,
    max_items: int,
    max_file_bytes: int,
    dispatch: Callable[[uuid.UUID], None],
    charge_credits: bool,
) -> tuple[Screening, list[ScreeningItem]]:
    """Record a screening of the uploaded files (in upload order) then the given resumes, and
    queue its items. A file seen before in the same screening (same SHA-256) is a ``duplicate``
    item; a file over the size limit a ``failed`` one. Another user's job or resume is a 404."""
    files = batch.files if batch else []
    stored: list[str] = []
    try:
        require_recruiter(user, action="screen resumes")
        await get_owned_job(session=session, user=user, job_id=job_id)
        resume_ids = list(dict.fromkeys(resume_ids))
        resumes = await _owned_resumes(session, user, resume_ids)
        pool = await _pool_resumes(
            session, user, list(dict.fromkeys(candidate_ids)), all_candidates, max_items
        )
        resumes += [r for r in pool if r.id not in set(resume_ids)]
        await session.commit()
        total = len(files) + len(resumes)
        if total == 0:
            raise InvalidInput(
                "Give at least one resume: upload files in 'files', or list resume_ids or candidate_ids, "
                "or set all_candidates (you have no candidate with a ready resume)."
                if all_candidates
                else "Give at least one resume: upload files in 'files', or list resume_ids or candidate_ids."
            )
        if total > max_items:
            raise PayloadTooLarge(f"A screening takes at most {max_items} resumes; {total} were given.")
        # A bucket answers each file in a round trip: store several at once (order is kept).
        gate = asyncio.Semaphore(_STORE_CONCURRENCY)
        sources = list(
            await asyncio.gather(*(_store(storage, f, max_file_bytes, stored, gate) for f in files))
        )
        sources += [
            _Source(
                r.filename, r.sha256, r.storage_key, r.size_bytes, resume_id=r.id, candidate_id=r.candidate_id
            )
            for r in resumes
        ]
        screening, items = _rows(user, job_id, blind, sources)
        session.add(screening)
        await session.flush()
        session.add_all(items)
        if charge_credits:
            await _charge(session, user.id, screening, items)
        await session.commit()
    except BaseException:
        if batch is not None:
            batch.discard()
        await session.rollback()
        for key in stored:
            sha = key.rsplit("/", 1)[-1]
            if not await file_in_use(session=session, sha256=sha):
                await storage.delete(key)
        raise
    for item in items:
        if item.status == ItemStatus.PENDING:
            dispatch(item.id)
    return screening, items


async def _charge(
    session: AsyncSession, user_id: uuid.UUID, screening: Screening, items: list[ScreeningItem]
) -> None:
    """One credit per resume, in the screening's transaction; the items refused on arrival (too
    large) are refunded at once, each with its ledger row. Raises ``InsufficientCredits``."""
    from resumeiq.credits.models import LedgerKind
    from resumeiq.credits.service import SCREENING_ITEM_COST, _credit, charge

    await session.flush()
    await charge(
        session,
        user_id=user_id,
        amount=SCREENING_ITEM_COST * len(items),
        reason=f"screening of {len(items)} resume(s)",
        screening_id=screening.id,
    )
    for item in items:
        if item.status == ItemStatus.FAILED:
            await _credit(
                session,
                user_id=user_id,
                amount=SCREENING_ITEM_COST,
                kind=LedgerKind.REFUND,
                reason="refund: a screening item failed",
                screening_item_id=item.id,
            )


async def _owned_resumes(session: AsyncSession, user: User, ids: list[uuid.UUID]) -> list[Resume]:
    if not ids:
        return []
    rows = {
        r.id: r
        for r in await session.scalars(
            select(Resume).where(Resume.id.in_(ids), Resume.owner_user_id == user.id)
        )
    }
    for resume_id in ids:
        resume = rows.get(resume_id)
        if resume is None:
            raise NotFound.of("Resume", resume_id)
        if resume.processing_status != ProcessingStatus.READY:
            raise InvalidInput(f"Resume {resume_id} is {resume.processing_status}, not ready for screening.")
    return [rows[i] for i in ids]


async def _pool_resumes(
    session: AsyncSession, user: User, candidate_ids: list[uuid.UUID], everyone: bool, max_items: int
) -> list[Resume]:
    """One resume per candidate asked for: the master of the default track if it is ready, else
    the newest ready version. A candidate not yours is a 404; one without a ready resume is a 422."""
    if not candidate_ids and not everyone:
        return []
    where = [Candidate.owner_user_id == user.id, Candidate.is_self.is_(False)]
    if not everyone:
        where.append(Candidate.id.in_(candidate_ids))
    found = list(
        await session.scalars(select(Candidate.id).where(*where).order_by(Candidate.created_at, Candidate.id))
    )
    if not everyone:
        missing = set(candidate_ids) - set(found)
        if missing:
            raise NotFound.of("Candidate", sorted(missing, key=str)[0])
        found = candidate_ids  # in the order asked
    if len(found) > max_items:
        raise PayloadTooLarge(
            f"A screening takes at most {max_items} resumes; you have {len(found)} candidates."
        )
    rows = await session.scalars(
        select(Resume)
        .where(Resume.candidate_id.in_(found), Resume.processing_status == ProcessingStatus.READY)
        .order_by(Resume.candidate_id, Resume.is_master.desc(), Resume.version_number.desc())
    )
    best: dict[uuid.UUID, Resume] = {}
    for resume in rows:
        if resume.candidate_id in best:
            continue
        if resume.is_master and resume.track != DEFAULT_TRACK:
            continue  # another track's master: prefer the default one, else the newest
        best[resume.candidate_id] = resume
    if not everyone:
        lacking = [c for c in found if c not in best]
        if lacking:
            raise InvalidInput(f"Candidate {lacking[0]} has no resume ready for screening.")
    return [best[c] for c in found if c in best]


async def _store(
    storage: FileStorage, f: ReceivedFile, max_file_bytes: int, stored: list[str], gate: asyncio.Semaphore
) -> _Source:
    if f.too_large or f.path is None or f.sha256 is None:
        mb = max_file_bytes / (1024 * 1024)
        return _Source(
            f.filename,
            None,
            None,
            f.size_bytes,
            refused=f"too_large: The file is larger than the {mb:.0f} MB limit.",
        )
    async with gate:
        key = (await storage.put(f.path, f.sha256)).key
    f.path = None
    stored.append(key)
    return _Source(f.filename, f.sha256, key, f.size_bytes)


def _rows(
    user: User, job_id: uuid.UUID, blind: bool, sources: list[_Source]
) -> tuple[Screening, list[ScreeningItem]]:
    screening = Screening(
        id=uuid.uuid4(), owner_user_id=user.id, job_id=job_id, blind=blind, total=len(sources)
    )
    now = utcnow()
    first: dict[str, ScreeningItem] = {}
    first_person: dict[uuid.UUID, ScreeningItem] = {}  # two resumes of one candidate: ranked once
    items = []
    for position, src in enumerate(sources, start=1):
        item = ScreeningItem(
            id=uuid.uuid4(),
            screening_id=screening.id,
            position=position,
            resume_id=src.resume_id,
            candidate_id=src.candidate_id,
            filename=src.filename,
            size_bytes=src.size_bytes,
            sha256=src.sha256,
            storage_key=src.storage_key,
            status=ItemStatus.PENDING.value,
            attempts=0,
            requested_at=now,
        )
        if src.refused is not None:
            item.status, item.error, item.completed_at = ItemStatus.FAILED.value, src.refused, now
        elif src.sha256 in first:
            original = first[src.sha256]
            item.status, item.duplicate_of_id, item.completed_at = (
                ItemStatus.DUPLICATE.value,
                original.id,
                now,
            )
        elif src.candidate_id is not None and src.candidate_id in first_person:
            original = first_person[src.candidate_id]
            item.status, item.duplicate_of_id, item.completed_at = (
                ItemStatus.DUPLICATE.value,
                original.id,
                now,
            )
        else:
            if src.sha256 is not None:
                first[src.sha256] = item
            if src.candidate_id is not None:
                first_person[src.candidate_id] = item
        items.append(item)
    return screening, items


# --------------------------------------------------------------------------- read


async def get_owned_screening(*, session: AsyncSession, user: User, screening_id: uuid.UUID) -> Screening:
    require_recruiter(user, action="screen resumes")
    screening = await session.get(Screening, screening_id)
    if screening is None or screening.owner_user_id != user.id:
        raise NotFound.of("Screening", screening_id)
    return screening


async def _counts(session: AsyncSession, screening_ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, int]]:
    rows = await session.execute(
        select(ScreeningItem.screening_id, ScreeningItem.status, ScreeningItem.category, func.count())
        .where(ScreeningItem.screening_id.in_(screening_ids))
        .group_by(ScreeningItem.screening_id, ScreeningItem.status, ScreeningItem.category)
    )
    out: dict[uuid.UUID, dict[str, int]] = {sid: {} for sid in screening_ids}
    for sid, status, category, n in rows:
        counts = out[sid]
        counts[status] = counts.get(status, 0) + n
        if status == ItemStatus.COMPLETED and category:
            counts[f"category:{category}"] = counts.get(f"category:{category}", 0) + n
    return out


def _processed(counts: dict[str, int]) -> int:
    return sum(counts.get(s, 0) for s in FINISHED)


# Built once (a status is polled several times a second while a screening runs): the screening
# with its job's title, and its items counted by status and category with their last completion.
_STATUS_HEAD = (
    select(
        Screening.owner_user_id,
        Screening.job_id,
        Screening.blind,
        Screening.total,
        Screening.created_at,
        Job.title,
    )
    .outerjoin(Job, Job.id == Screening.job_id)
    .where(Screening.id == bindparam("screening_id", type_=Uuid()))
)
_STATUS_COUNTS = (
    select(ScreeningItem.status, ScreeningItem.category, func.count(), func.max(ScreeningItem.completed_at))
    .where(ScreeningItem.screening_id == bindparam("screening_id", type_=Uuid()))
    .group_by(ScreeningItem.status, ScreeningItem.category)
)


async def screening_status(*, session: AsyncSession, user: User, screening_id: uuid.UUID) -> ScreeningStatus:
    """Progress and counts, in two statements of plain rows."""
    require_recruiter(user, action="screen resumes")
    await read_only(session)
    params = {"screening_id": screening_id}
    head = (await session.execute(_STATUS_HEAD, params)).one_or_none()
    if head is None or head.owner_user_id != user.id:
        await session.commit()
        raise NotFound.of("Screening", screening_id)
    counts: dict[str, int] = {}
    last: datetime | None = None
    for status, category, n, completed_at in await session.execute(_STATUS_COUNTS, params):
        counts[status] = counts.get(status, 0) + n
        if status == ItemStatus.COMPLETED and category:
            counts[f"category:{category}"] = counts.get(f"category:{category}", 0) + n
        if completed_at is not None and (last is None or completed_at > last):
            last = completed_at
    await session.commit()
    processed = _processed(counts)
    done = processed >= head.total
    return ScreeningStatus(
        screening_id=screening_id,
        job_id=head.job_id,
        job_title=head.title,
        blind=head.blind,
        status="completed" if done else "processing",
        total=head.total,
        processed=processed,
        pending=head.total - processed,
        completed=counts.get(ItemStatus.COMPLETED, 0),
        failed=counts.get(ItemStatus.FAILED, 0),
        duplicates=counts.get(ItemStatus.DUPLICATE, 0),
        counts=CategoryCounts(
            **{c: counts.get(f"category:{c}", 0) for c in ("selected", "considered", "rejected")}
        ),
        created_at=head.created_at,
        completed_at=last if done else None,
    )


async def list_screenings(*, session: AsyncSession, user: User, page: PageParams) -> Page[ScreeningSummary]:
    require_recruiter(user, action="screen resumes")
    where = Screening.owner_user_id == user.id
    total = await session.scalar(select(func.count()).select_from(Screening).where(where))
    screenings = list(
        await session.scalars(
            select(Screening)
            .where(where)
            .order_by(Screening.created_at.desc(), Screening.id)
            .limit(page.limit)
            .offset(page.offset)
        )
    )
    counts = await _counts(session, [s.id for s in screenings]) if screenings else {}
    await session.commit()
    items = []
    for s in screenings:
        processed = _processed(counts[s.id])
        items.append(
            ScreeningSummary(
                screening_id=s.id,
                job_id=s.job_id,
                blind=s.blind,
                status="completed" if processed >= s.total else "processing",
                total=s.total,
                processed=processed,
                created_at=s.created_at,
            )
        )
    return Page(items=items, total=total or 0, limit=page.limit, offset=page.offset)


# Ranking: the unrounded score, best first, then submission order. Items without a score sort
# after every scored one (by position), so one ordering serves every status filter.
_RANK_KEY = func.coalesce(ScreeningItem.rank_score, -1.0)


def encode_cursor(item: ScreeningItem) -> str:
    key = item.rank_score if item.rank_score is not None else -1.0
    raw = json.dumps([key, item.position]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


# ``screening_items.position`` is a 32-bit integer on PostgreSQL.
_MAX_POSITION = 2**31 - 1


def decode_cursor(cursor: str) -> tuple[float, int]:
    """The (rank key, position) in a cursor of ``encode_cursor``. Raises ``InvalidInput`` for
    anything else: not base64 JSON, another shape, a key that is not a finite number (NaN,
    Infinity), a position that is not an integer the position column holds."""
    invalid = "cursor: not a cursor returned by this endpoint."
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key, position = json.loads(raw)
        if isinstance(key, bool) or not isinstance(key, int | float):
            raise TypeError("key")
        key = float(key)
    except (ValueError, TypeError, OverflowError) as exc:
        raise InvalidInput(invalid) from exc
    if not math.isfinite(key) or type(position) is not int or not 0 <= position <= _MAX_POSITION:
        raise InvalidInput(invalid)
    return key, position


def _filters(screening_id: uuid.UUID, status: str, category: str | None) -> list[Any]:
    where: list[Any] = [ScreeningItem.screening_id == screening_id]
    if status == "pending":
        where.append(ScreeningItem.status.in_([ItemStatus.PENDING, ItemStatus.PROCESSING]))
    elif status != "all":
        where.append(ScreeningItem.status == status)
    if category is not None:
        where.append(ScreeningItem.category == category)
    return where


def _after(key: float, position: int) -> Any:
    return or_(key > _RANK_KEY, and_(key == _RANK_KEY, ScreeningItem.position > position))


async def _duplicate_positions(session: AsyncSession, items: list[ScreeningItem]) -> dict[uuid.UUID, int]:
    ids = {i.duplicate_of_id for i in items if i.duplicate_of_id is not None}
    if not ids:
        return {}
    rows = await session.execute(
        select(ScreeningItem.id, ScreeningItem.position).where(ScreeningItem.id.in_(ids))
    )
    return {item_id: position for item_id, position in rows}


async def _rank_of_first(session: AsyncSession, screening_id: uuid.UUID, first: ScreeningItem) -> int:
    """1 + the completed items ranked above ``first``."""
    key = first.rank_score if first.rank_score is not None else -1.0
    above = await session.scalar(
        select(func.count())
        .select_from(ScreeningItem)
        .where(
            ScreeningItem.screening_id == screening_id,
            ScreeningItem.status == ItemStatus.COMPLETED,
            or_(key < _RANK_KEY, and_(key == _RANK_KEY, ScreeningItem.position < first.position)),
        )
    )
    return (above or 0) + 1


async def screening_results(
    *,
    session: AsyncSession,
    user: User,
    screening_id: uuid.UUID,
    status: str,
    category: str | None,
    limit: int,
    cursor: str | None,
) -> ScreeningResults:
    """Items best first (keyset pagination: pass ``next_cursor`` back as ``cursor``)."""
    screening = await get_owned_screening(session=session, user=user, screening_id=screening_id)
    where = _filters(screening.id, status, category)
    total = await session.scalar(select(func.count()).select_from(ScreeningItem).where(*where)) or 0
    query = select(ScreeningItem).where(*where)
    if cursor:
        query = query.where(_after(*decode_cursor(cursor)))
    rows = list(
        await session.scalars(query.order_by(_RANK_KEY.desc(), ScreeningItem.position).limit(limit + 1))
    )
    page, more = rows[:limit], len(rows) > limit
    duplicates = await _duplicate_positions(session, page)
    rank = await _rank_of_first(session, screening.id, page[0]) if page else 1
    items = []
    for item in page:
        scored = item.status == ItemStatus.COMPLETED
        items.append(
            ScreeningItemOut.of(
                item,
                rank=rank if scored else None,
                blind=screening.blind,
                duplicate_position=duplicates.get(item.duplicate_of_id) if item.duplicate_of_id else None,
            )
        )
        rank += scored
    await session.commit()
    return ScreeningResults(
        screening_id=screening.id,
        blind=screening.blind,
        status=status,
        category=category,
        total=total,
        items=items,
        next_cursor=encode_cursor(page[-1]) if more else None,
    )


async def all_items(
    *, session: AsyncSession, user: User, screening_id: uuid.UUID
) -> tuple[Screening, list[ScreeningItem], dict[uuid.UUID, int]]:
    """Every item, completed ones best first, then the rest by position (for the export)."""
    screening = await get_owned_screening(session=session, user=user, screening_id=screening_id)
    items = list(
        await session.scalars(
            select(ScreeningItem)
            .where(ScreeningItem.screening_id == screening.id)
            .order_by(_RANK_KEY.desc(), ScreeningItem.position)
        )
    )
    await session.commit()
    return screening, items, {i.id: i.position for i in items}


# --------------------------------------------------------------------------- delete


async def delete_screening(
    *, session: AsyncSession, storage: FileStorage, user: User, screening_id: uuid.UUID
) -> None:
    """Delete a screening and its items; uploaded files no other row uses are removed."""
    screening = await get_owned_screening(session=session, user=user, screening_id=screening_id)
    files = set(
        (
            await session.execute(
                select(ScreeningItem.sha256, ScreeningItem.storage_key).where(
                    ScreeningItem.screening_id == screening.id, ScreeningItem.storage_key.is_not(None)
                )
            )
        ).all()
    )
    await session.delete(screening)
    await session.commit()
    for sha256, key in files:
        async with storage.lock(sha256):
            if not await file_in_use(session=session, sha256=sha256):
                await storage.delete(key)
