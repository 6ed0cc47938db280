"""Purging resumes older than the retention period, with their files.

What goes: every resume created before the cut-off (its reviews, matches and tailorings go
with it by ``ON DELETE CASCADE``; versions tailored from it keep existing without their
``parent_id``), and the file of each finished screening item requested before the cut-off
(the item keeps its score and category; its ``storage_key`` and ``sha256`` are cleared), so that
the file itself can go. A stored file is removed once nothing uses it any more. Candidates,
jobs and screenings stay: they are the user's records, not resumes.

The purge runs in batches of ``batch`` rows, each its own transaction, so that it never holds
a long write lock; running it twice, or in several processes at once, is harmless.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resumeiq.db import utcnow
from resumeiq.resumes.cleanup import remove_unused_files
from resumeiq.resumes.models import Resume
from resumeiq.screening.models import FINISHED, ScreeningItem
from resumeiq.storage import FileStorage

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PurgeReport:
    cutoff: datetime
    resumes: int  # resume rows deleted
    screening_files: int  # screening items whose file reference was cleared
    files: int  # stored files removed


async def purge_old_resumes(
    *,
    session: AsyncSession,
    storage: FileStorage,
    older_than_days: int,
    now: datetime | None = None,
    batch: int = 500,
) -> PurgeReport:
    """Purge what was stored more than ``older_than_days`` days before ``now`` (see the module)."""
    if older_than_days < 1:
        raise ValueError("older_than_days must be at least 1")
    cutoff = (now or utcnow()) - timedelta(days=older_than_days)
    resumes = items = files = 0
    while True:
        rows = (
            await session.execute(
                select(Resume.id, Resume.sha256, Resume.storage_key)
                .where(Resume.created_at < cutoff)
                .order_by(Resume.created_at, Resume.id)
                .limit(batch)
            )
        ).all()
        if not rows:
            break
        await session.execute(
            delete(Resume)
            .where(Resume.id.in_([r.id for r in rows]))
            .execution_options(synchronize_session=False)
        )
        await session.commit()
        resumes += len(rows)
        files += await remove_unused_files(
            session=session, storage=storage, files=[(r.sha256, r.storage_key) for r in rows]
        )
    finished = [status.value for status in FINISHED]
    while True:
        rows = (
            await session.execute(
                select(ScreeningItem.id, ScreeningItem.sha256, ScreeningItem.storage_key)
                .where(
                    ScreeningItem.requested_at < cutoff,
                    ScreeningItem.storage_key.is_not(None),
                    ScreeningItem.status.in_(finished),
                )
                .order_by(ScreeningItem.requested_at, ScreeningItem.id)
                .limit(batch)
            )
        ).all()
        if not rows:
            break
        await session.execute(
            update(ScreeningItem)
            .where(ScreeningItem.id.in_([r.id for r in rows]))
            .values(storage_key=None, sha256=None)
            .execution_options(synchronize_session=False)
        )
        await session.commit()
        items += len(rows)
        files += await remove_unused_files(
            session=session,
            storage=storage,
            files=[(r.sha256, r.storage_key) for r in rows if r.sha256 is not None],
        )
    await session.commit()
    report = PurgeReport(cutoff=cutoff, resumes=resumes, screening_files=items, files=files)
    if resumes or items:
        log.info(
            "retention: purged %d resume(s) and %d screening file reference(s) from before %s; %d file(s) removed",
            resumes,
            items,
            cutoff.isoformat(),
            files,
        )
    return report
