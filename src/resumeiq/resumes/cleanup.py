"""Removing stored files that no row uses any more, after the rows that used them are gone.

Files are content-addressed and shared: two resumes (of one user or of two) with the same bytes
are one file. So a file is removed only when, under its hash's lock, no resume and no screening
item still names it (``file_in_use``).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.ext.asyncio import AsyncSession

from resumeiq.resumes.service import file_in_use
from resumeiq.storage import FileStorage


async def remove_unused_files(
    *, session: AsyncSession, storage: FileStorage, files: Iterable[tuple[str, str]]
) -> int:
    """Delete each ``(sha256, storage_key)`` of ``files`` that nothing uses; returns how many."""
    removed = 0
    for sha256, key in sorted(set(files)):
        async with storage.lock(sha256):
            if not await file_in_use(session=session, sha256=sha256):
                await storage.delete(key)
                removed += 1
    return removed
