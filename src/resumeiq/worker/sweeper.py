"""The Celery worker's sweeper: every few seconds, queue again the jobs that are due but have no
message waiting in the broker (seen so by two sweeps in a row).

A job is due when it is pending, or processing with an expired lease (its worker died). Its
message may be gone: taken by a worker that was then killed (Redis keeps such a message aside
until kombu's visibility timeout, an hour), lost with a Redis restart, or never published (the
API stopped between its commit and the publish). The sweep is what makes those jobs finish; it
also marks as failed the jobs that used up their attempts. Several workers may sweep at once:
a job queued twice is still claimed once.

It runs in its own process, started and stopped with the worker (a Celery bootstep), so the
worker's main process keeps no database connection or thread across the forks of its pool.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import time
import uuid
from multiprocessing.process import BaseProcess
from typing import Any

from celery import bootsteps

from resumeiq.config import Settings

log = logging.getLogger(__name__)


class SweeperStep(bootsteps.StartStopStep):
    """Starts the sweeper process with the worker and stops it with the worker."""

    requires = ("celery.worker.components:Pool",)

    def __init__(self, worker: Any, **kwargs: Any) -> None:
        super().__init__(worker, **kwargs)
        self.process: BaseProcess | None = None

    def start(self, worker: Any) -> None:
        settings: Settings = worker.app.resumeiq_settings
        ctx = multiprocessing.get_context("spawn")
        self.process = ctx.Process(target=run_sweeper, args=(settings,), name="resumeiq-sweeper", daemon=True)
        self.process.start()
        log.info("sweeper started (pid %s)", self.process.pid)

    def stop(self, worker: Any) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.terminate()
            self.process.join(10)
        self.process = None


def run_sweeper(settings: Settings) -> None:
    """Process entry point: sweep until the parent (the worker) is gone."""
    from resumeiq.logging import configure_logging
    from resumeiq.worker.engine_jobs import die_with

    configure_logging(settings.log_level)
    die_with(os.getppid())  # spawned: its parent is the worker
    with contextlib.suppress(KeyboardInterrupt):
        while True:
            try:
                asyncio.run(sweep_forever(settings))
            except Exception:
                log.exception("the sweeper stopped; starting it again in 10 s")
                time.sleep(10)


async def sweep_forever(settings: Settings) -> None:
    from resumeiq.db import Database, is_sqlite
    from resumeiq.storage import LocalFileStorage
    from resumeiq.worker.celery_app import create_celery
    from resumeiq.worker.celery_dispatch import Enqueuer
    from resumeiq.worker.inline import InlineEngine
    from resumeiq.worker.kinds import job_kinds, sweep_interval

    database = Database(
        settings.database_url, **({} if is_sqlite(settings.database_url) else {"pool_size": 1})
    )
    # The job functions are not run here, only the queries that find due jobs.
    kinds = job_kinds(
        settings,
        sessionmaker=database.sessionmaker,
        storage=LocalFileStorage(settings.data_dir),
        engine=InlineEngine(),
    )
    enqueuer = Enqueuer(create_celery(settings), settings)
    interval = sweep_interval(settings)
    # Due jobs without a message waiting, as seen by the previous sweep. A job is queued again
    # only when two sweeps in a row see it so: a worker has just taken its message (and cleared
    # the mark) but not yet claimed the row for a moment, and that moment must not cost a
    # duplicate message.
    suspects: dict[str, set[uuid.UUID]] = {name: set() for name in kinds}
    try:
        while True:
            for kind in kinds.values():
                try:
                    due = set(await kind.find_due())
                    unmarked = set(await asyncio.to_thread(enqueuer.not_waiting, kind.name, due))
                    again = unmarked & suspects[kind.name]
                    suspects[kind.name] = unmarked - again
                    if again:
                        queued = await asyncio.to_thread(enqueuer.enqueue, kind.name, sorted(again))
                        log.info("queued %d due %s job(s) again", queued, kind.name)
                except Exception:
                    log.exception("sweep for due %s jobs failed", kind.name)
            await asyncio.sleep(interval)
    finally:
        enqueuer.close()
        await database.dispose()
