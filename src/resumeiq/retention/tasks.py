"""The periodic purge: a task of the API process (local queue) or of each Celery worker's
sweeper (scale-out), every ``RESUMEIQ_RETENTION_INTERVAL_SECONDS``, first right at start-up.
Nothing runs when ``RESUMEIQ_RESUME_RETENTION_DAYS`` is unset."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumeiq.config import Settings
from resumeiq.retention.service import purge_old_resumes
from resumeiq.storage import FileStorage

log = logging.getLogger(__name__)


async def purge_once(
    settings: Settings, *, sessionmaker: async_sessionmaker[AsyncSession], storage: FileStorage
) -> None:
    """One purge with the configured retention; errors are logged, never raised."""
    if settings.resume_retention_days is None:
        return
    try:
        async with sessionmaker() as session:
            await purge_old_resumes(
                session=session, storage=storage, older_than_days=settings.resume_retention_days
            )
    except Exception:
        log.exception("retention purge failed; trying again at the next interval")


class RetentionTask:
    """Runs ``purge_once`` every interval in the background of the current event loop."""

    def __init__(
        self, settings: Settings, *, sessionmaker: async_sessionmaker[AsyncSession], storage: FileStorage
    ) -> None:
        self.settings = settings
        self.sessionmaker = sessionmaker
        self.storage = storage
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        if self.settings.resume_retention_days is not None and self._task is None:
            self._task = asyncio.create_task(self._run(), name="resumeiq-retention")

    async def _run(self) -> None:
        while True:
            await purge_once(self.settings, sessionmaker=self.sessionmaker, storage=self.storage)
            await asyncio.sleep(self.settings.retention_interval_seconds)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
