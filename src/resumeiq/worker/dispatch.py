"""Dispatchers hand a job id to whatever runs jobs. Two implement ``Dispatcher``: this module's
``LocalDispatcher`` (the default: jobs run in the API process) and ``worker.celery_dispatch.
CeleryDispatcher`` (``RESUMEIQ_QUEUE=celery``: jobs become Celery tasks on Redis, run by
``resumeiq worker``). Both run the job functions of ``worker.kinds``.

The local dispatcher runs jobs in a bounded pool of asyncio workers inside the API process.

Work arrives two ways: ``submit(id)`` right after a request row is committed, and a periodic
sweep (first run at start-up) that finds rows left pending or with an expired lease, e.g. after a
crash. Each job id is queued at most once at a time; the job function itself claims the row, so
a duplicate submission (here or in another process) does no harm.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Protocol

log = logging.getLogger(__name__)

_STOP_SECONDS = 10.0  # how long a shutdown waits for cancelled jobs
_SWEEP_STOP_SECONDS = 5.0

JobHandler = Callable[[uuid.UUID], Awaitable[object]]
DueFinder = Callable[[], Awaitable[list[uuid.UUID]]]


class Dispatcher(Protocol):
    """What the API needs from a dispatcher. ``submit`` is called after the job's row is
    committed; it never blocks and never fails the request (a job it could not hand over is found
    by the next sweep)."""

    async def start(self) -> None: ...

    def submit(self, job_id: uuid.UUID) -> None: ...

    async def stop(self) -> None: ...


class LocalDispatcher:
    def __init__(
        self, *, handler: JobHandler, find_due: DueFinder, concurrency: int, sweep_interval: float
    ) -> None:
        self._handler = handler
        self._find_due = find_due
        self._concurrency = concurrency
        self._sweep_interval = sweep_interval
        self._queue: asyncio.Queue[uuid.UUID] = asyncio.Queue()
        self._known: set[uuid.UUID] = set()  # queued or running
        self._tasks: list[asyncio.Task[None]] = []
        self._sweeper: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()
        self.swept = asyncio.Event()  # set after the first sweep (start-up recovery) ran

    async def start(self) -> None:
        self._stopping.clear()
        self._tasks = [
            asyncio.create_task(self._work(), name=f"resumeiq-worker-{i}") for i in range(self._concurrency)
        ]
        self._sweeper = asyncio.create_task(self._sweep_forever(), name="resumeiq-sweeper")

    def submit(self, job_id: uuid.UUID) -> None:
        if job_id not in self._known:
            self._known.add(job_id)
            self._queue.put_nowait(job_id)

    @property
    def busy(self) -> int:
        return len(self._known)

    async def stop(self) -> None:
        # Jobs in flight are cancelled (each gives its claim back). The sweeper is given a moment
        # to finish the query it may be in: cancelling a task in the middle of a database call
        # can leave the driver's thread answering an event loop that is closed by then.
        self._stopping.set()
        for task in self._tasks:
            task.cancel()
        if self._tasks:
            # Bounded: a job that does not end when cancelled (its claim's release stuck in the
            # database driver) must not hold the service's shutdown forever; its claim is taken
            # back by the next start (the owner is gone) or when its lease runs out.
            _, pending = await asyncio.wait(self._tasks, timeout=_STOP_SECONDS)
            if pending:
                log.warning(
                    "%d job(s) did not stop within %.0f s of the shutdown; left to the next start",
                    len(pending),
                    _STOP_SECONDS,
                )
        if self._sweeper is not None:
            done, _ = await asyncio.wait({self._sweeper}, timeout=_SWEEP_STOP_SECONDS)
            if not done:
                self._sweeper.cancel()
                await asyncio.gather(self._sweeper, return_exceptions=True)
        self._tasks, self._sweeper = [], None

    async def _work(self) -> None:
        while True:
            job_id = await self._queue.get()
            try:
                await self._handler(job_id)
            except Exception:
                log.exception("job %s failed unexpectedly", job_id)
            finally:
                self._known.discard(job_id)

    async def sweep(self) -> int:
        """Queue every due job; returns how many were new."""
        before = len(self._known)
        for job_id in await self._find_due():
            self.submit(job_id)
        return len(self._known) - before

    async def _sweep_forever(self) -> None:
        while not self._stopping.is_set():
            try:
                recovered = await self.sweep()
                if recovered and not self.swept.is_set():
                    log.info("picked up %d job(s) left unfinished", recovered)
            except Exception:
                log.exception("sweep for unfinished jobs failed")
            self.swept.set()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self._sweep_interval)
